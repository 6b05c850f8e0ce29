-- SOP steps 4-12: a ticket becomes a case that moves through the SOP's steps.
-- ticket.status holds the step the case is in (workflow.CaseStep).

UPDATE ticket SET status = 'VERIFICATION' WHERE status = 'REGISTERED';

ALTER TABLE ticket
    ADD COLUMN step_entered_at timestamptz,
    ADD COLUMN step_deadline   timestamptz,
    ADD COLUMN category        text,
    ADD COLUMN subcategory     text,
    ADD COLUMN priority        text CHECK (priority IN ('HIGH', 'MEDIUM', 'LOW')),
    ADD COLUMN tlp             text NOT NULL DEFAULT 'AMBER'
        CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
    ADD COLUMN assignee        text;

UPDATE ticket SET step_entered_at = received_at;

-- One row per visit of a step: when the case entered and left it, who moved it, and
-- the note they gave. What the SLA timers and the digest read.
CREATE TABLE case_step (
    id         bigserial PRIMARY KEY,
    ticket_id  bigint      NOT NULL REFERENCES ticket (id),
    step       text        NOT NULL,
    entered_at timestamptz NOT NULL,
    entered_by text        NOT NULL,
    deadline   timestamptz,
    left_at    timestamptz,
    left_by    text,
    note       text
);
CREATE INDEX case_step_ticket_idx ON case_step (ticket_id, id);
CREATE UNIQUE INDEX case_step_open_idx ON case_step (ticket_id) WHERE left_at IS NULL;

INSERT INTO case_step (ticket_id, step, entered_at, entered_by)
SELECT id, status, received_at, 'maildesk' FROM ticket
 WHERE status NOT IN ('AUTOMATIC');

-- The people of the desk and their roles, loaded from the directory YAML file.
CREATE TABLE person (
    address    text PRIMARY KEY,
    name       text        NOT NULL,
    roles      text[]      NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Who belongs to a case: the reporter, those copied on the report, whoever it was handed to.
CREATE TABLE participant (
    ticket_id bigint NOT NULL REFERENCES ticket (id),
    address   text   NOT NULL,
    role      text   NOT NULL,
    PRIMARY KEY (ticket_id, address)
);

-- Tagged mail from someone who is not part of the case: kept, flagged, and without effect.
ALTER TABLE message ADD COLUMN non_participant boolean NOT NULL DEFAULT false;
