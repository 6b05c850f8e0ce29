-- When each officer is on duty (the directory file's optional 'duty' lines, in WIB):
-- new reports are told to the officers on duty, to every officer outside anyone's duty.
ALTER TABLE person ADD COLUMN duty text[] NOT NULL DEFAULT '{}';
