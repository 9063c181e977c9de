-- Topics curated by the Secretariat. Filled from fixtures/topics.json when
-- empty; listings refer to topics by slug, so slugs never change.
CREATE TABLE topics (
    slug        TEXT PRIMARY KEY NOT NULL,
    label       TEXT NOT NULL,
    description TEXT NOT NULL,
    position    INTEGER NOT NULL
) STRICT;
