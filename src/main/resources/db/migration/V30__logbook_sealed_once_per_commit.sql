-- A transaction's logbook entries are sealed together, by the first of them to reach its
-- seal at commit. Each entry's deferred trigger took the chain's lock, wrote its seal and
-- moved the chain's head: three statements an entry, five entries a new report, all while
-- every other new report waited on the year's ticket number (BENCHMARKS.md, session 16).
-- The chain is the same: one seal per entry, in the order the entries committed, each
-- covering the entry and the seal before it; LogbookChain checks it as before.
--
-- Which entries are the transaction's: those written with the same transaction id (xmin) as
-- the entry whose seal is due, from that entry on, that no seal names yet. An entry slipped
-- in by anyone else, in the meantime, is not theirs and stays unsealed for the check to find;
-- entries of a savepoint carry the savepoint's own id and are sealed by their own firing, as
-- is any entry a sweep passed over. An entry an earlier firing sealed is passed over by its own.
CREATE OR REPLACE FUNCTION logbook_seal_entry() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
    -- each query here has one good plan, by primary key or unique index, whatever the values;
    -- left to choose, PostgreSQL planned the sweep afresh at every commit (0.1 ms of each)
    SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    writer         xid;
    already_sealed boolean;
    previous       text;
    sealed         text;
    entry          logbook;
    entries        bigint[] := '{}';
    prevs          text[] := '{}';
    hashes         text[] := '{}';
BEGIN
    SELECT l.xmin, EXISTS (SELECT FROM logbook_seal s WHERE s.entry_id = l.id)
      INTO writer, already_sealed
      FROM logbook l WHERE l.id = NEW.id;
    IF already_sealed THEN
        RETURN NULL;
    END IF;
    SELECT last_hash INTO previous FROM logbook_chain WHERE id = 1 FOR UPDATE;
    FOR entry IN SELECT * FROM logbook l
                  -- bounded, so that the plan kept is a short walk of the newest ids however
                  -- large the logbook grows; an entry past the bound seals itself as its own
                  -- seal falls due
                  WHERE l.id BETWEEN NEW.id AND NEW.id + 10000 AND l.xmin = writer
                    AND NOT EXISTS (SELECT FROM logbook_seal s WHERE s.entry_id = l.id)
                  ORDER BY l.id LOOP
        sealed := logbook_entry_hash(previous, entry);
        entries := entries || entry.id;
        prevs := prevs || previous;
        hashes := hashes || sealed;
        previous := sealed;
    END LOOP;
    INSERT INTO logbook_seal (entry_id, prev_hash, hash)
        SELECT e, p, h FROM unnest(entries, prevs, hashes) WITH ORDINALITY AS s(e, p, h, n) ORDER BY n;
    UPDATE logbook_chain SET last_hash = previous WHERE id = 1;
    RETURN NULL;
END;
$$;
