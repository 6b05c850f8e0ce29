-- Correlation reads the other cases' rows by the values a report brought (value = ANY),
-- so the value leads the index. The old index led with the type and was partial: a read
-- by type and values kept only the type as its index condition when the statistics lagged
-- a flood (every row of that type read), and its predicate (removed_at IS NULL) made it
-- look like a cheap filter to a case's own read by ticket, which then scanned all of it.
DROP INDEX indicator_by_value;
CREATE INDEX indicator_by_value ON indicator (value, type);
