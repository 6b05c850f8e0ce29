-- More than one instance of the desk may run against one database and one mailbox
-- (README, "Running more than one desk"). What only one may do at a time, reading the
-- mailbox, it does under a lease: held by one instance's token, renewed by it, and taken
-- over by another once it has expired. Every time here is the database's: the one clock
-- all instances share.
CREATE TABLE desk_lease (
    name         text PRIMARY KEY,
    holder_token text        NOT NULL,
    holder_name  text        NOT NULL,
    -- goes up each time the lease changes hands
    epoch        bigint      NOT NULL,
    acquired_at  timestamptz NOT NULL,
    renewed_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);

-- The instances alive: each writes its heartbeat as it renews or tries to take a lease.
CREATE TABLE desk_instance (
    token      text PRIMARY KEY,
    name       text        NOT NULL,
    host       text        NOT NULL,
    started_at timestamptz NOT NULL,
    last_seen  timestamptz NOT NULL
);
