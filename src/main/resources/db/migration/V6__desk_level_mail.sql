-- Mail about the desk as a whole (the weekly digest) belongs to no ticket.
ALTER TABLE message ALTER COLUMN ticket_id DROP NOT NULL;

-- The weekly digest goes out once per week, whichever instance's timer fires.
CREATE TABLE digest_sent (
    period_start timestamptz PRIMARY KEY,
    period_end   timestamptz NOT NULL,
    sent_at      timestamptz NOT NULL
);
