-- SLA: each step visit's outcome, and the reminders and escalations sent for it.
ALTER TABLE case_step
    ADD COLUMN clock        text,
    ADD COLUMN outcome      text CHECK (outcome IN ('MET', 'MISSED')),
    ADD COLUMN took_seconds bigint;

-- The sweep reads only open steps with a deadline, soonest first.
CREATE INDEX case_step_due_idx ON case_step (deadline) WHERE left_at IS NULL AND deadline IS NOT NULL;

-- One row per notice: the unique key is what makes each reminder and escalation go out
-- exactly once, whichever instance's sweep gets there first.
CREATE TABLE sla_notice (
    id           bigserial PRIMARY KEY,
    case_step_id bigint      NOT NULL REFERENCES case_step (id),
    ticket_id    bigint      NOT NULL REFERENCES ticket (id),
    level        text        NOT NULL,
    due_at       timestamptz NOT NULL,
    created_at   timestamptz NOT NULL,
    recipients   text        NOT NULL,
    UNIQUE (case_step_id, level)
);
