-- A topic's name in each language the catalogue names topics in, kept by
-- the Secretariat; the built-in topics' names are filled from
-- assets/locales/vocabulary. An empty name is one the Secretariat removed:
-- the topic shows its English label in that language.
CREATE TABLE topic_names (
    slug TEXT NOT NULL REFERENCES topics (slug),
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (slug, lang)
) STRICT;
