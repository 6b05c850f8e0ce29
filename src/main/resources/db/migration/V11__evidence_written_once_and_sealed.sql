-- Evidence and the logbook are written once and never changed by the role the desk runs
-- as (${desk_role}); migrations run as the tables' owner. And the logbook is sealed: each
-- entry's hash covers the one before it, so a rewritten or removed entry shows.

-- A stranger's mail is flagged in a table of its own: a message row is never updated.
CREATE TABLE non_participant_message (
    message_id bigint PRIMARY KEY REFERENCES message (id),
    flagged_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO non_participant_message (message_id) SELECT id FROM message WHERE non_participant;
ALTER TABLE message DROP COLUMN non_participant;

-- Evidence as append-only as the logbook, whoever asks.
CREATE FUNCTION evidence_is_written_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is evidence, written once: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER message_written_once BEFORE UPDATE OR DELETE ON message
    FOR EACH ROW EXECUTE FUNCTION evidence_is_written_once();
CREATE TRIGGER message_not_truncated BEFORE TRUNCATE ON message
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_is_written_once();
CREATE TRIGGER attachment_written_once BEFORE UPDATE OR DELETE ON attachment
    FOR EACH ROW EXECUTE FUNCTION evidence_is_written_once();
CREATE TRIGGER attachment_not_truncated BEFORE TRUNCATE ON attachment
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_is_written_once();

-- The chain: one seal per entry, in the order the entries committed.
CREATE TABLE logbook_seal (
    seq       bigserial PRIMARY KEY,
    entry_id  bigint NOT NULL UNIQUE REFERENCES logbook (id),
    prev_hash text   NOT NULL,
    hash      text   NOT NULL
);
CREATE TABLE logbook_chain (
    id        integer PRIMARY KEY CHECK (id = 1),
    last_hash text NOT NULL
);

-- What a seal's hash covers: the previous hash and every field of the entry.
CREATE FUNCTION logbook_entry_hash(prev_hash text, entry logbook) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(prev_hash || jsonb_build_array(entry.id, extract(epoch FROM entry.at)::text,
                  entry.actor, entry.ticket_id, entry.event, entry.detail)::text, 'UTF8')), 'hex')
$$;

-- Run at commit (deferred), so the chain's lock is held for the commit only, and in the
-- owner's name: the desk's role can neither write a seal nor move the chain itself.
CREATE FUNCTION logbook_seal_entry() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    previous text;
    sealed   text;
BEGIN
    SELECT last_hash INTO previous FROM logbook_chain WHERE id = 1 FOR UPDATE;
    sealed := logbook_entry_hash(previous, NEW);
    INSERT INTO logbook_seal (entry_id, prev_hash, hash) VALUES (NEW.id, previous, sealed);
    UPDATE logbook_chain SET last_hash = sealed WHERE id = 1;
    RETURN NULL;
END;
$$;

DO $$
DECLARE
    entry    logbook;
    previous text := repeat('0', 64);
    sealed   text;
BEGIN
    FOR entry IN SELECT * FROM logbook ORDER BY id LOOP
        sealed := logbook_entry_hash(previous, entry);
        INSERT INTO logbook_seal (entry_id, prev_hash, hash) VALUES (entry.id, previous, sealed);
        previous := sealed;
    END LOOP;
    INSERT INTO logbook_chain (id, last_hash) VALUES (1, previous);
END;
$$;

CREATE CONSTRAINT TRIGGER logbook_sealed AFTER INSERT ON logbook
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION logbook_seal_entry();
CREATE TRIGGER logbook_seal_no_update_or_delete BEFORE UPDATE OR DELETE ON logbook_seal
    FOR EACH ROW EXECUTE FUNCTION logbook_is_append_only();
CREATE TRIGGER logbook_seal_no_truncate BEFORE TRUNCATE ON logbook_seal
    FOR EACH STATEMENT EXECUTE FUNCTION logbook_is_append_only();

-- The desk's role: what it needs, and no more on what must not change.
DO $$
BEGIN
    IF '${desk_role}' <> '' AND NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${desk_role}') THEN
        CREATE ROLE "${desk_role}" LOGIN;
    END IF;
    IF '${desk_role}' <> '' AND '${desk_role}' <> current_user THEN
        GRANT USAGE ON SCHEMA public TO "${desk_role}";
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${desk_role}";
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${desk_role}";
        REVOKE UPDATE, DELETE, TRUNCATE ON logbook, message, attachment, non_participant_message, quarantine
            FROM "${desk_role}";
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON logbook_seal, logbook_chain, flyway_schema_history
            FROM "${desk_role}";
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${desk_role}";
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${desk_role}";
    END IF;
END;
$$;
