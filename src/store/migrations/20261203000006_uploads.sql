-- A spreadsheet a person uploaded and had checked, kept until they confirm
-- it: the confirmation names it by token rather than sending the file again.
-- Kept a day at most.
CREATE TABLE uploads (
    token       TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    content     BLOB NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX uploads_by_age ON uploads (created_at);
