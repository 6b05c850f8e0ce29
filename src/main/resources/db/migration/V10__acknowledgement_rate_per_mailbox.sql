-- The hourly acknowledgement limit counts per mailbox: case folded and plus-addressing
-- (local+tag@domain) folded, so that budi+1@, budi+2@ and BUDI@ share one limit.
CREATE INDEX message_ack_mailbox_idx
    ON message ((lower(regexp_replace(to_address, '\+[^@]*@', '@'))), received_at)
    WHERE kind = 'ACKNOWLEDGEMENT';
