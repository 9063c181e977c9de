-- Ownership and curation: people and their organisations (the providers),
-- sign-in sessions, one-time links, API tokens, the listing lifecycle with
-- revisions under review, the audit trail, enquiries and the mail outbox.

-- `document` now holds the published version only (NULL until the first
-- approval); what contributors are working on lives in `revisions`. Public
-- search, pages and exports read `document` where `state` is 'published'.
CREATE TABLE listings_v2 (
    id           TEXT PRIMARY KEY NOT NULL,
    provider_id  TEXT NOT NULL REFERENCES providers (id),
    state        TEXT NOT NULL CHECK (state IN
                   ('draft', 'submitted', 'changes-requested', 'published', 'withdrawn', 'archived')),
    document     TEXT CHECK (document IS NULL OR json_valid(document)),
    confirmed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    modified_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (state <> 'published' OR document IS NOT NULL)
) STRICT;

-- Everything listed so far was published by an operator's import.
INSERT INTO listings_v2 (id, provider_id, state, document, confirmed_at, created_at, modified_at)
SELECT id, provider_id, 'published', document, modified_at, created_at, modified_at FROM listings;
DROP TABLE listings;
ALTER TABLE listings_v2 RENAME TO listings;
CREATE INDEX listings_by_provider ON listings (provider_id, state);

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name            TEXT NOT NULL,
    org_id          TEXT REFERENCES providers (id),
    role            TEXT NOT NULL CHECK (role IN ('contributor', 'secretariat')),
    -- NULL until the person accepts the invitation and chooses a password.
    password_hash   TEXT,
    disabled_at     TEXT,
    -- Consecutive failed sign-ins, to slow down guessing per account.
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    last_failed_at  TEXT,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (role = 'secretariat' OR org_id IS NOT NULL)
) STRICT;

CREATE INDEX users_by_org ON users (org_id);

-- Invitations and password resets. Only a hash of the link's secret is kept.
CREATE TABLE one_time_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    purpose    TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at TEXT NOT NULL,
    used_at    TEXT
) STRICT;

CREATE TABLE api_tokens (
    token_hash   TEXT PRIMARY KEY NOT NULL,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    last_used_at TEXT
) STRICT;

-- Server-side sessions (tower-sessions records). `user_id` is copied out of
-- the record so that all of a person's sessions can be ended at once.
CREATE TABLE sessions (
    id          TEXT PRIMARY KEY NOT NULL,
    data        TEXT NOT NULL CHECK (json_valid(data)),
    expiry_date INTEGER NOT NULL,
    user_id     INTEGER
) STRICT;

CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expiry_date);

-- Versions of a listing written by its owner. At most one is open (draft,
-- submitted or changes requested) per listing at a time.
CREATE TABLE revisions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    listing_id   TEXT NOT NULL REFERENCES listings (id),
    document     TEXT NOT NULL CHECK (json_valid(document)),
    state        TEXT NOT NULL CHECK (state IN
                   ('draft', 'submitted', 'changes-requested', 'approved', 'withdrawn', 'replaced')),
    author_id    INTEGER REFERENCES users (id),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    submitted_at TEXT,
    reviewer_id  INTEGER REFERENCES users (id),
    reviewed_at  TEXT,
    comment      TEXT
) STRICT;

CREATE UNIQUE INDEX one_open_revision ON revisions (listing_id)
    WHERE state IN ('draft', 'submitted', 'changes-requested');
CREATE INDEX revisions_in_review ON revisions (state, submitted_at);

-- Who did what to which listing, field by field. Never updated or deleted.
CREATE TABLE audit (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    listing_id TEXT NOT NULL,
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- NULL for an operator at the command line.
    actor_id   INTEGER REFERENCES users (id),
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    comment    TEXT,
    changes    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(changes))
) STRICT;

CREATE INDEX audit_by_listing ON audit (listing_id, id);

CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;
CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;

CREATE TABLE enquiries (
    id         INTEGER PRIMARY KEY,
    listing_id TEXT NOT NULL REFERENCES listings (id),
    org_id     TEXT NOT NULL REFERENCES providers (id),
    name       TEXT NOT NULL,
    email      TEXT NOT NULL,
    message    TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX enquiries_by_org ON enquiries (org_id, id);

-- Mail to send. Written in the same transaction as what it announces, so
-- nothing is lost if the process stops before the mail goes out.
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    recipient  TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    sent_at    TEXT,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
) STRICT;

CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;
