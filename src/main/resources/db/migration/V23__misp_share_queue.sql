-- #bagikan as a queue: the officer's command only writes the request (in the command's
-- transaction, so it exists exactly when the command was applied); a timer pushes it to
-- the team's MISP instance outside any intake transaction, retries while MISP is away,
-- and records the outcome. The event's UUID is derived from the ticket, so a push
-- repeated after a crash is the same event to MISP, not a second one.
CREATE TABLE misp_share (
    id              bigserial   PRIMARY KEY,
    ticket_id       bigint      NOT NULL REFERENCES ticket (id),
    requested_by    text        NOT NULL,
    requested_at    timestamptz NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'REFUSED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    last_error      text,
    event_id        text,
    done_at         timestamptz
);
CREATE INDEX misp_share_due ON misp_share (next_attempt_at) WHERE status = 'PENDING';
-- one request waiting per case: a second #bagikan while one waits adds nothing
CREATE UNIQUE INDEX misp_share_one_pending ON misp_share (ticket_id) WHERE status = 'PENDING';
