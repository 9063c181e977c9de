-- Consecutive failed sign-ins per address typed, whether or not an account
-- has it: slowing down only the addresses that have accounts told which
-- ones do. Replaces the counters on users. Rows of addresses quiet for a
-- day are deleted by housekeeping.
CREATE TABLE sign_in_failures (
    email          TEXT PRIMARY KEY,
    failures       INTEGER NOT NULL,
    last_failed_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

INSERT INTO sign_in_failures (email, failures, last_failed_at)
SELECT email, failed_sign_ins, last_failed_at FROM users
WHERE failed_sign_ins > 0 AND last_failed_at IS NOT NULL;

ALTER TABLE users DROP COLUMN failed_sign_ins;
ALTER TABLE users DROP COLUMN last_failed_at;
