-- The officers' daily summary: one per WIB day, claimed by whichever instance fires first.
CREATE TABLE daily_summary_sent (
    day          date PRIMARY KEY,
    sent_at      timestamptz NOT NULL,
    -- nothing to say: nobody got mail that day
    said_nothing boolean     NOT NULL
);
