-- docker-compose only: the role the desk runs as, created with the database. Migrations run
-- as the owner (csirt) and grant this role what it may do (V11): add evidence and logbook
-- entries, never change them. In production a DBA creates it the same way.
CREATE ROLE csirt_desk LOGIN PASSWORD 'csirt-desk-dev-password';
