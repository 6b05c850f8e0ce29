-- When an open step's next reminder or escalation is due. The sweep reads only steps
-- with a notice due now, so a long queue of overdue steps awaiting later escalations can
-- never starve newly overdue ones of their first reminder.
ALTER TABLE case_step ADD COLUMN next_notice_at timestamptz;
UPDATE case_step SET next_notice_at = deadline WHERE left_at IS NULL AND deadline IS NOT NULL;
CREATE INDEX case_step_next_notice_idx ON case_step (next_notice_at)
    WHERE left_at IS NULL AND next_notice_at IS NOT NULL;
