-- Mail that makes the workflow move: what each person chooses to receive
-- and in which language, how far the audit trail has been turned into
-- notices, which freshness reminders and weekly digests have been queued,
-- and the key that signs one-click confirmation links.

-- An interface language tag (en, id, th...); NULL until the person accepts
-- their invitation or chooses one, and read as English meanwhile.
ALTER TABLE users ADD COLUMN language TEXT;
-- The Secretariat opts in to notices of work waiting for review and to the
-- weekly digest; contributors hear about their listings unless they opt out.
ALTER TABLE users ADD COLUMN mail_reviews INTEGER NOT NULL DEFAULT 0 CHECK (mail_reviews IN (0, 1));
ALTER TABLE users ADD COLUMN mail_digest INTEGER NOT NULL DEFAULT 0 CHECK (mail_digest IN (0, 1));
ALTER TABLE users ADD COLUMN mail_listing_news INTEGER NOT NULL DEFAULT 1 CHECK (mail_listing_news IN (0, 1));
ALTER TABLE users ADD COLUMN mail_reminders INTEGER NOT NULL DEFAULT 1 CHECK (mail_reminders IN (0, 1));

-- The last audit entry whose notices are in the outbox. Starts at the
-- newest entry, so that an upgrade does not announce the past.
CREATE TABLE notice_cursor (
    only     INTEGER PRIMARY KEY CHECK (only = 1),
    audit_id INTEGER NOT NULL
) STRICT;
INSERT INTO notice_cursor (only, audit_id) VALUES (1, (SELECT coalesce(max(id), 0) FROM audit));

-- Freshness reminders queued: one per listing, stage and confirmation (a
-- listing confirmed again starts a new year of its own).
CREATE TABLE reminders (
    listing_id   TEXT NOT NULL,
    confirmed_at TEXT NOT NULL,
    stage        TEXT NOT NULL CHECK (stage IN ('soon', 'due')),
    -- Unix time the reminder's confirmation link stops working.
    expires      INTEGER NOT NULL,
    queued_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (listing_id, confirmed_at, stage)
) STRICT, WITHOUT ROWID;

-- Weekly digests queued, by ISO week (2026-W49).
CREATE TABLE digests (
    week      TEXT PRIMARY KEY NOT NULL,
    queued_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Keys for signing links, made here once per database so that backups
-- carry them and restored links keep working.
CREATE TABLE signing_keys (
    purpose TEXT PRIMARY KEY NOT NULL,
    key     BLOB NOT NULL CHECK (length(key) = 32)
) STRICT;
INSERT INTO signing_keys (purpose, key) VALUES ('confirm-link', randomblob(32));

-- Reminders read published listings in the order they were confirmed, then
-- by organisation (listings imported together are reminded together), a
-- batch at a time after the last one read.
CREATE INDEX listings_by_confirmation ON listings (state, confirmed_at, provider_id, id);
