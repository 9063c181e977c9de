-- Listings are kept whole, as their interchange-format JSON, so that what was
-- imported is exactly what is exported. Columns beside the document exist only
-- for lookups and ordering.
CREATE TABLE providers (
    id      TEXT PRIMARY KEY NOT NULL,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    country TEXT NOT NULL
) STRICT;

CREATE TABLE listings (
    id          TEXT PRIMARY KEY NOT NULL,
    provider_id TEXT NOT NULL REFERENCES providers (id),
    document    TEXT NOT NULL CHECK (json_valid(document)),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    modified_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX listings_by_provider ON listings (provider_id);

-- Every change to a listing, in order. AUTOINCREMENT guarantees a sequence
-- number is never reused, even after the newest rows are deleted, so the
-- search index can record the last one it applied and catch up from there.
CREATE TABLE listing_changes (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    listing_id  TEXT NOT NULL,
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
