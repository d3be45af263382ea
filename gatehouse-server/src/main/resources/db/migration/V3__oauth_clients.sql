-- Registered OAuth clients of the token, revocation and introspection endpoints. A confidential
-- client has a secret, stored only as its SHA-256 hash (base64url); a public client has none.
create table oauth_clients (
    client_id   varchar(64)              primary key,
    name        varchar(200)             not null,
    type        varchar(16)              not null,
    secret_hash varchar(64),
    created_at  timestamp with time zone not null,
    constraint oauth_clients_type_check check (type in ('confidential', 'public')),
    constraint oauth_clients_secret_check check ((type = 'confidential') = (secret_hash is not null))
);

insert into role_permissions (role_name, permission) values
    ('admin', 'clients:read'),
    ('admin', 'clients:write');
