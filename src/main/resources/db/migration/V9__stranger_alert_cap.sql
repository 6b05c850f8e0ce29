-- Officers hear of strangers' mail on a case at most once an hour per case: one row per
-- alert sent. What is held back is counted in the next alert (logbook NON_PARTICIPANT_MESSAGE).
CREATE TABLE stranger_alert (
    id        bigserial PRIMARY KEY,
    ticket_id bigint      NOT NULL REFERENCES ticket (id),
    sent_at   timestamptz NOT NULL
);
CREATE INDEX stranger_alert_ticket_idx ON stranger_alert (ticket_id, sent_at DESC);
