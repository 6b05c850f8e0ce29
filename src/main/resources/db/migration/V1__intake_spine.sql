-- The intake spine: tickets, the messages of their threads (evidence), attachments,
-- the outbox of mail to send, quarantine, and the append-only logbook.

-- One row per year; the next ticket number is taken under this row's lock, so two
-- transactions can never hand out the same number.
CREATE TABLE ticket_number_sequence (
    year       integer PRIMARY KEY,
    last_value integer NOT NULL
);

CREATE TABLE ticket (
    id               bigserial PRIMARY KEY,
    number           text        NOT NULL UNIQUE,
    year             integer     NOT NULL,
    sequence         integer     NOT NULL,
    status           text        NOT NULL,
    reporter_name    text,
    reporter_address text,
    subject          text        NOT NULL,
    received_at      timestamptz NOT NULL,
    automatic        boolean     NOT NULL DEFAULT false,
    automatic_reason text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (year, sequence),
    CONSTRAINT ticket_number_format CHECK (number ~ '^TTIS-[0-9]{4}-[0-9]{5,}$')
);
CREATE INDEX ticket_status_idx ON ticket (status, received_at DESC);

-- Every message of a ticket's thread, both directions. raw is the evidence: the bytes
-- exactly as received (or as sent), never rewritten.
CREATE TABLE message (
    id               bigserial PRIMARY KEY,
    ticket_id        bigint      NOT NULL REFERENCES ticket (id),
    direction        text        NOT NULL CHECK (direction IN ('IN', 'OUT')),
    kind             text        NOT NULL,
    -- inbound: Message-ID, or sha256:<hex> of the raw bytes where there is none; the
    -- idempotency key that makes a second delivery of one message a no-op
    dedup_key        text UNIQUE,
    message_id       text,
    in_reply_to      text,
    references_ids   text,
    from_name        text,
    from_address     text,
    to_address       text,
    subject          text,
    body_text        text,
    -- when the desk took it in (inbound) or queued it (outbound)
    received_at      timestamptz NOT NULL,
    -- the mailbox's own arrival time (IMAP INTERNALDATE), which clients can set freely
    server_received_at timestamptz,
    automatic        boolean     NOT NULL DEFAULT false,
    automatic_reason text,
    parse_warnings   text,
    raw              bytea       NOT NULL,
    raw_sha256       text        NOT NULL,
    raw_size         bigint      NOT NULL
);
CREATE INDEX message_ticket_idx ON message (ticket_id, id);
CREATE INDEX message_message_id_idx ON message (message_id);
CREATE INDEX message_ack_rate_idx ON message (to_address, received_at) WHERE kind = 'ACKNOWLEDGEMENT';

CREATE TABLE attachment (
    id           bigserial PRIMARY KEY,
    message_id   bigint NOT NULL REFERENCES message (id),
    part_path    text   NOT NULL,
    filename     text,
    content_type text   NOT NULL,
    disposition  text,
    content_id   text,
    size         bigint NOT NULL,
    sha256       text   NOT NULL,
    content      bytea  NOT NULL
);
CREATE INDEX attachment_message_idx ON attachment (message_id, id);

-- Transactional outbox: a row is written in the same transaction as the ticket, and the
-- dispatcher sends it later, retrying with backoff until the SMTP server takes it.
CREATE TABLE outbox (
    id              bigserial PRIMARY KEY,
    message_id      bigint      NOT NULL UNIQUE REFERENCES message (id),
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, id) WHERE status = 'PENDING';

-- Mail that could not be taken in. The raw bytes are kept here as well as in the IMAP
-- Quarantine folder, so that even a mailbox purge loses nothing.
CREATE TABLE quarantine (
    id          bigserial PRIMARY KEY,
    dedup_key   text        NOT NULL UNIQUE,
    reason      text        NOT NULL,
    raw         bytea       NOT NULL,
    raw_sha256  text        NOT NULL,
    raw_size    bigint      NOT NULL,
    quarantined_at timestamptz NOT NULL
);

-- Logbook Keamanan Siber: every action, in order. Append-only, enforced here rather
-- than trusted to the application.
CREATE TABLE logbook (
    id        bigserial PRIMARY KEY,
    at        timestamptz NOT NULL,
    actor     text        NOT NULL,
    ticket_id bigint REFERENCES ticket (id),
    event     text        NOT NULL,
    detail    text
);
CREATE INDEX logbook_ticket_idx ON logbook (ticket_id, id);

CREATE FUNCTION logbook_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'logbook is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER logbook_no_update_or_delete
    BEFORE UPDATE OR DELETE ON logbook
    FOR EACH ROW EXECUTE FUNCTION logbook_is_append_only();

CREATE TRIGGER logbook_no_truncate
    BEFORE TRUNCATE ON logbook
    FOR EACH STATEMENT EXECUTE FUNCTION logbook_is_append_only();
