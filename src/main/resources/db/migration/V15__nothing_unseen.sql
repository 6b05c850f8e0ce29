-- Mail the desk quarantined or gave up sending is told to the officers: each such row once,
-- in an alert sent at most every ten minutes that lists everything since the last one.
CREATE TABLE unseen_mail_alert (
    id           bigserial PRIMARY KEY,
    sent_at      timestamptz NOT NULL,
    quarantined  integer     NOT NULL,
    undelivered  integer     NOT NULL
);
CREATE TABLE unseen_mail_alerted (
    source   text   NOT NULL CHECK (source IN ('QUARANTINE', 'OUTBOX')),
    ref_id   bigint NOT NULL,
    alert_id bigint NOT NULL REFERENCES unseen_mail_alert (id),
    PRIMARY KEY (source, ref_id)
);
CREATE INDEX outbox_failed_idx ON outbox (id) WHERE status = 'FAILED';

-- A quarantined message taken in again once its cause is fixed: who asked, and what became of it.
-- The quarantine row itself stays as it was (evidence is written once).
CREATE TABLE quarantine_replay (
    id            bigserial PRIMARY KEY,
    quarantine_id bigint      NOT NULL REFERENCES quarantine (id),
    at            timestamptz NOT NULL,
    actor         text        NOT NULL,
    outcome       text        NOT NULL,
    ticket_number text
);
CREATE INDEX quarantine_replay_idx ON quarantine_replay (quarantine_id, id);
