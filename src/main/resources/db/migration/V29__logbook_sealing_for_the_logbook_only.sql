-- The logbook's sealing function runs in the owner's name (SECURITY DEFINER). EXECUTE on a
-- function is PUBLIC's by default, and any role may make a temporary table: the desk's role
-- could then attach the owner's sealing function to a table of its own. The logbook's own
-- trigger fires without the privilege; nobody else needs it.
REVOKE EXECUTE ON FUNCTION logbook_seal_entry() FROM PUBLIC;
