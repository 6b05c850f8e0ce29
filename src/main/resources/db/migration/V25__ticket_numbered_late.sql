-- A new report's ticket row is written first and numbered at the end of its intake
-- transaction: the year's number row is locked from the numbering to the commit, so the
-- shorter that tail, the more intake transactions run side by side while numbers stay
-- gapless (a rolled-back intake still gives its number back). A ticket without a number
-- exists only inside the transaction that creates it: checked at commit, and a number,
-- once given, never changes.
ALTER TABLE ticket ALTER COLUMN number DROP NOT NULL,
                   ALTER COLUMN year DROP NOT NULL,
                   ALTER COLUMN sequence DROP NOT NULL;
ALTER TABLE ticket ADD CONSTRAINT ticket_number_whole
    CHECK ((number IS NULL) = (year IS NULL) AND (number IS NULL) = (sequence IS NULL));

CREATE FUNCTION ticket_numbered_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM ticket WHERE id = NEW.id AND number IS NULL) THEN
        RAISE EXCEPTION 'ticket % would commit without a number', NEW.id USING ERRCODE = 'not_null_violation';
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER ticket_numbered AFTER INSERT ON ticket
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ticket_numbered_at_commit();

CREATE FUNCTION ticket_number_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.number IS NOT NULL AND NEW.number IS DISTINCT FROM OLD.number THEN
        RAISE EXCEPTION 'ticket % keeps its number %', OLD.id, OLD.number USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER ticket_number_kept BEFORE UPDATE OF number, year, sequence ON ticket
    FOR EACH ROW EXECUTE FUNCTION ticket_number_kept();
