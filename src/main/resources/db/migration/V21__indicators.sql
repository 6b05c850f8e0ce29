-- Indicators of compromise on each case: what the desk found in the mail people sent
-- (addresses, domains, URLs, hashes, CVE names), with where it was found, and what
-- officers added or removed by command. Written in the transaction of the message they
-- came in; a removed indicator keeps its row (who removed it, when) like the logbook does.
CREATE TABLE indicator (
    id                 bigserial   PRIMARY KEY,
    ticket_id          bigint      NOT NULL REFERENCES ticket (id),
    type               text        NOT NULL CHECK (type IN ('IPV4', 'IPV6', 'DOMAIN', 'URL', 'EMAIL', 'MD5', 'SHA1', 'SHA256', 'CVE')),
    value              text        NOT NULL,
    mark               text        NOT NULL CHECK (mark IN ('NONE', 'PRIVATE', 'DOCUMENTATION', 'OWN')),
    message_id         bigint      REFERENCES message (id),
    found_in           text        NOT NULL CHECK (found_in IN ('TEXT', 'HTML_LINK', 'ATTACHMENT', 'OFFICER')),
    attachment_sha256  text,
    first_seen_at      timestamptz NOT NULL,
    added_by           text        NOT NULL,
    removed_at         timestamptz,
    removed_by         text,
    UNIQUE (ticket_id, type, value)
);
-- correlation: the other cases that share a value
CREATE INDEX indicator_by_value ON indicator (type, value) WHERE removed_at IS NULL;
