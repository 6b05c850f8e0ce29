-- An officer's question to the reporter (#tanya) makes the case wait for the answer. The
-- step's deadline stays as the SOP sets it; the wait is recorded beside it, so the time
-- standard is still measured as the SOP says and the digest shows the waiting apart.
CREATE TABLE reporter_wait (
    id                bigserial PRIMARY KEY,
    ticket_id         bigint      NOT NULL REFERENCES ticket (id),
    step              text        NOT NULL,
    asked_at          timestamptz NOT NULL,
    asked_by          text        NOT NULL,
    -- the reporter's answer, or the case finished without one
    ended_at          timestamptz,
    answer_message_id bigint REFERENCES message (id)
);
-- one wait at a time per case: a second question while waiting keeps the first one's start
CREATE UNIQUE INDEX reporter_wait_open_idx ON reporter_wait (ticket_id) WHERE ended_at IS NULL;
CREATE INDEX reporter_wait_period_idx ON reporter_wait (asked_at);
