-- A person's own token for the JSON API: it reads what that person may see. Only its
-- hash is kept; the token is shown once, when made on the web view.
CREATE TABLE api_token (
    id            bigserial   PRIMARY KEY,
    address       text        NOT NULL,
    token_sha256  text        NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
CREATE INDEX api_token_by_address ON api_token (address);
