-- Evidence bytes are stored as they are, out of line but not compressed. PostgreSQL tried
-- to compress every raw message and attachment over 2 kB with pglz: a report's attachment
-- is mostly an image, a PDF or an archive, compressed already, and its raw message carries
-- it again as base64, which pglz works through to the end and then stores as it was. In a
-- flood that was a tenth of the database's CPU, and reading the desk's own outgoing mail
-- back to send it cost decompression too (BENCHMARKS.md, "Evidence stored uncompressed").
-- A plain-text report takes more disk this way: a few kilobytes a mail, not worth the CPU.
-- Rows stored before keep their compression; PostgreSQL reads both.
ALTER TABLE message ALTER COLUMN raw SET STORAGE EXTERNAL;
ALTER TABLE attachment ALTER COLUMN content SET STORAGE EXTERNAL;
ALTER TABLE quarantine ALTER COLUMN raw SET STORAGE EXTERNAL;
