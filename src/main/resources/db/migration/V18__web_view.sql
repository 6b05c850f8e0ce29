-- Sign-in to the web view by a one-time link mailed to a person of the directory. Only
-- hashes are kept: of the token in the link and of the browser cookie it is bound to.
-- Every request is a row, those for unknown addresses too (without a token), so that the
-- limits per address and per client count what was asked, not only what was sent.
CREATE TABLE sign_in_request (
    id              bigserial   PRIMARY KEY,
    address         text        NOT NULL,
    client          text        NOT NULL,
    requested_at    timestamptz NOT NULL,
    token_sha256    text        UNIQUE,
    browser_sha256  text,
    expires_at      timestamptz,
    used_at         timestamptz
);
CREATE INDEX sign_in_request_by_address ON sign_in_request (address, requested_at);
CREATE INDEX sign_in_request_by_client ON sign_in_request (client, requested_at);

-- The web view's search over every message's subject and text, Indonesian stemming
-- (PostgreSQL's snowball dictionary): "diretas" finds "meretas".
CREATE INDEX message_text_search ON message
    USING gin (to_tsvector('indonesian', coalesce(subject, '') || ' ' || coalesce(body_text, '')));
