-- Keys that Gatehouse generates for itself: access-token signing keys and the refresh-token
-- derivation key. The key material is stored only encrypted (a compact JWE, dir + A256GCM).
create table secret_keys (
    key_id       varchar(64)              not null primary key,
    purpose      varchar(32)              not null,
    algorithm    varchar(16)              not null,
    sealed_key   text                     not null,
    created_at   timestamp with time zone not null,
    constraint secret_keys_purpose_algorithm_unique unique (purpose, algorithm)
);
