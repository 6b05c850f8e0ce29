-- A number, once given, never changes: V25 compared only the number's text, so its year or
-- sequence could still be rewritten under it. All three are compared now.
CREATE OR REPLACE FUNCTION ticket_number_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.number IS NOT NULL
            AND (NEW.number, NEW.year, NEW.sequence) IS DISTINCT FROM (OLD.number, OLD.year, OLD.sequence) THEN
        RAISE EXCEPTION 'ticket % keeps its number %', OLD.id, OLD.number USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$;
