-- A bounce of the desk's own mail marks its recipient undeliverable on that case.
ALTER TABLE participant
    ADD COLUMN undeliverable_since  timestamptz,
    ADD COLUMN undeliverable_reason text;
