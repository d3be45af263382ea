-- Accounts, roles and permissions. Runs unchanged on PostgreSQL and on H2 in
-- MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE, so it keeps to SQL that both accept.

-- Emails are stored trimmed and lower-cased by the application, so the plain unique
-- constraint also rejects addresses that differ only in letter case.
create table users (
    id            uuid                     primary key,
    email         varchar(254)             not null,
    -- Argon2id hash in PHC string format: $argon2id$v=19$m=...,t=...,p=...$salt$hash
    password_hash varchar(255)             not null,
    created_at    timestamp with time zone not null,
    constraint users_email_key unique (email)
);

-- Role names and permissions follow the patterns documented in dev.gatehouse.authorization.Permissions.
create table roles (
    name       varchar(64)              primary key,
    created_at timestamp with time zone not null
);

create table role_permissions (
    role_name  varchar(64)  not null references roles (name) on delete cascade,
    permission varchar(100) not null,
    primary key (role_name, permission)
);

create table user_roles (
    user_id   uuid        not null references users (id) on delete cascade,
    role_name varchar(64) not null references roles (name) on delete cascade,
    primary key (user_id, role_name)
);

create index user_roles_role_name_idx on user_roles (role_name);

-- Permissions granted to a user directly, in addition to those of the user's roles.
create table user_permissions (
    user_id    uuid         not null references users (id) on delete cascade,
    permission varchar(100) not null,
    primary key (user_id, permission)
);

insert into roles (name, created_at) values ('admin', current_timestamp);

insert into role_permissions (role_name, permission) values
    ('admin', 'users:read'),
    ('admin', 'roles:read'),
    ('admin', 'roles:write'),
    ('admin', 'roles:assign'),
    ('admin', 'permissions:grant'),
    ('admin', 'sessions:revoke');
