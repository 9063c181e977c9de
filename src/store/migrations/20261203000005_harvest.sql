-- Harvesting walks the change log in order and keeps, for each listing, only
-- its newest change: this index answers "is there a newer one?".
CREATE INDEX listing_changes_by_listing ON listing_changes (listing_id, seq);
