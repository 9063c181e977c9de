-- Searches alike (same day, words, filters, order, language, results, page
-- and source) share one row with their count: a search asked again costs an
-- increment rather than a row, and a flood of one request cannot grow the
-- table. Rows recorded one per search so far are merged.
CREATE TABLE searches_counted (
    id                 INTEGER PRIMARY KEY,
    day                TEXT NOT NULL,
    query              TEXT NOT NULL,
    filters            TEXT NOT NULL CHECK (json_valid(filters)),
    sort               TEXT NOT NULL,
    interface_language TEXT NOT NULL,
    results            INTEGER NOT NULL,
    page               INTEGER NOT NULL,
    source             TEXT NOT NULL CHECK (source IN ('site', 'api')),
    -- How many times this search was made that day.
    searches           INTEGER NOT NULL CHECK (searches > 0)
) STRICT;

INSERT INTO searches_counted
    (day, query, filters, sort, interface_language, results, page, source, searches)
SELECT day, query, filters, sort, interface_language, results, page, source, count(*)
FROM searches
GROUP BY day, query, filters, sort, interface_language, results, page, source
ORDER BY min(id);

DROP TABLE searches;
ALTER TABLE searches_counted RENAME TO searches;

CREATE UNIQUE INDEX searches_alike
    ON searches (day, query, filters, sort, interface_language, results, page, source);
