-- A receipt per mail the SMTP server accepted, committed the moment it answered 250,
-- apart from the batch transaction that holds the outbox rows' locks. A desk killed in
-- the middle of a batch loses the batch's status updates but not these receipts, so on
-- restart it re-sends none of the mail already accepted: only the one mail in flight
-- (accepted, receipt not yet committed) can go out twice, with the same Message-ID.
CREATE TABLE outbox_delivery (
    outbox_id    bigint      PRIMARY KEY REFERENCES outbox (id),
    delivered_at timestamptz NOT NULL
);
