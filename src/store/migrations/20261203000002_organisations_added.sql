-- When each organisation was added, for the Secretariat's activity list.
-- Organisations added before this are of unknown date (NULL). A trigger
-- rather than a default: SQLite cannot add a column with a computed one,
-- and every way of adding an organisation (the site, an import) is covered.
ALTER TABLE providers ADD COLUMN created_at TEXT;

CREATE TRIGGER providers_created_at AFTER INSERT ON providers
WHEN NEW.created_at IS NULL
BEGIN
    UPDATE providers SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    WHERE id = NEW.id;
END;

CREATE INDEX audit_by_time ON audit (at);
