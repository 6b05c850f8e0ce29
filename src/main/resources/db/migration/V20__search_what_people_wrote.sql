-- The web view's text search finds what people wrote to the desk, never the desk's own
-- mail: an acknowledgement or a briefing repeats a report's words under every case. Indexing
-- only incoming messages also spares every report the indexing of the three or four mails
-- it causes (measured in a flood of reports: the intake's database work, BENCHMARKS.md).
DROP INDEX message_text_search;
CREATE INDEX message_text_search ON message
    USING gin (to_tsvector('indonesian', coalesce(subject, '') || ' ' || coalesce(body_text, '')))
    WHERE direction = 'IN';
