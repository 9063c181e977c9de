-- What officials look for: one row per search made on the site or through
-- the API (not per completion while typing). Nothing that identifies a
-- person: no address, cookie, session or account, and the day rather than
-- the moment. Rows older than the retention period are deleted.
CREATE TABLE searches (
    id                 INTEGER PRIMARY KEY,
    day                TEXT NOT NULL,
    -- The text typed, normalised: lower case, spaces collapsed.
    query              TEXT NOT NULL,
    -- The filters chosen, as {"facet": ["value", ...]} in facet order.
    filters            TEXT NOT NULL CHECK (json_valid(filters)),
    sort               TEXT NOT NULL,
    interface_language TEXT NOT NULL,
    results            INTEGER NOT NULL,
    page               INTEGER NOT NULL,
    -- 'site' or 'api'.
    source             TEXT NOT NULL CHECK (source IN ('site', 'api'))
) STRICT;

CREATE INDEX searches_by_day ON searches (day);
