-- The report upward each case owes (BSSN regulation 1/2024, art. 15): because an officer
-- set a high priority, or because its indicators name a system marked vital, which sets
-- a 1x24-hour deadline held by a timer (reminder, then escalations, counted here so that
-- each goes once); the draft mailed to the officers; the sending, which stops the timer.
CREATE TABLE upward_report (
    ticket_id       bigint      PRIMARY KEY REFERENCES ticket (id),
    high_priority   boolean     NOT NULL DEFAULT false,
    vital_systems   text,
    deadline        timestamptz,
    next_notice_at  timestamptz,
    notices_sent    integer     NOT NULL DEFAULT 0,
    draft_mailed_at timestamptz,
    sent_at         timestamptz,
    sent_by         text,
    times_sent      integer     NOT NULL DEFAULT 0,
    CHECK (vital_systems IS NOT NULL OR deadline IS NULL)
);
CREATE INDEX upward_report_due ON upward_report (next_notice_at) WHERE next_notice_at IS NOT NULL;
