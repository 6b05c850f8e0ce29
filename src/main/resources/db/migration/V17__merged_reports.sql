-- Several reports of one incident: a case merged (#gabung) into its main case keeps its own
-- evidence and hashes and follows the main case's notices; #pisah clears the link.
ALTER TABLE ticket ADD COLUMN merged_into bigint REFERENCES ticket (id);
CREATE INDEX ticket_merged_into_idx ON ticket (merged_into) WHERE merged_into IS NOT NULL;
