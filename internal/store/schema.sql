-- sitrep store, schema version 1. Append-only by design: an article that
-- changes gets a new revision, a re-run of a newer coder adds new event rows;
-- nothing is updated in place or deleted, so every figure can be traced back
-- to the words it came from.

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per real document, whatever its revisions.
CREATE TABLE IF NOT EXISTS articles (
    id         TEXT PRIMARY KEY,         -- hash of identity
    identity   TEXT NOT NULL UNIQUE,     -- canonical URL, or title|publisher|date
    url        TEXT,
    first_seen TEXT NOT NULL             -- RFC 3339 ingest time
);

-- One row per distinct cleaned content of an article.
CREATE TABLE IF NOT EXISTS revisions (
    id              TEXT PRIMARY KEY,    -- hash of article id and content hash
    article_id      TEXT NOT NULL REFERENCES articles(id),
    seq             INTEGER NOT NULL,    -- 1 for the first version seen
    content_hash    TEXT NOT NULL,       -- hash of the cleaned text and metadata
    body_hash       TEXT NOT NULL,       -- hash of the body alone: copies and syndications of one text share it
    ingested_at     TEXT NOT NULL,
    input_name      TEXT NOT NULL,
    input_format    TEXT NOT NULL,
    title           TEXT NOT NULL,
    publisher       TEXT,
    published       TEXT,                -- YYYY-MM-DD or RFC 3339
    authors         TEXT NOT NULL,       -- JSON array
    original_source TEXT,                -- JSON object or NULL
    tags            TEXT NOT NULL,       -- JSON array
    language        TEXT,
    body            TEXT NOT NULL,       -- paragraphs joined by a blank line
    boilerplate     TEXT NOT NULL,       -- JSON array of {kind, text}
    pipeline        TEXT NOT NULL,       -- versions of the stages that made it
    UNIQUE (article_id, seq)
);

CREATE INDEX IF NOT EXISTS revisions_content ON revisions(content_hash);
CREATE INDEX IF NOT EXISTS revisions_body ON revisions(body_hash);

CREATE TABLE IF NOT EXISTS sentences (
    revision_id TEXT NOT NULL REFERENCES revisions(id),
    idx         INTEGER NOT NULL,
    paragraph   INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (revision_id, idx)
) WITHOUT ROWID;

-- One row per coded event mention; the full record is kept as JSON and the
-- columns people filter on are copied out beside it.
CREATE TABLE IF NOT EXISTS events (
    seq            INTEGER PRIMARY KEY,  -- insertion order, for stable paging
    id             TEXT NOT NULL UNIQUE,
    revision_id    TEXT NOT NULL REFERENCES revisions(id),
    article_id     TEXT NOT NULL REFERENCES articles(id),
    sentence_idx   INTEGER NOT NULL,
    coder          TEXT NOT NULL,
    coded_at       TEXT NOT NULL,
    event_date     TEXT NOT NULL,
    date_precision TEXT NOT NULL,
    cameo          TEXT NOT NULL,
    plover         TEXT,
    acled_type     TEXT,
    acled_subtype  TEXT,
    modality       TEXT NOT NULL,
    source_code    TEXT,
    source_country TEXT,
    target_code    TEXT,
    target_country TEXT,
    country_code   TEXT,                 -- of the place, ISO alpha-2
    lat            REAL,
    lon            REAL,
    geo_precision  TEXT,
    record         TEXT NOT NULL         -- event.Event as JSON
);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date);
CREATE INDEX IF NOT EXISTS events_revision ON events(revision_id);
CREATE INDEX IF NOT EXISTS events_country ON events(country_code);
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);
CREATE INDEX IF NOT EXISTS events_plover ON events(plover);
CREATE INDEX IF NOT EXISTS events_latlon ON events(lat, lon);

-- Every place name of a revision's body as the geocoder read it, whether or
-- not it places an event: articles can be found by the places they name,
-- and events re-placed by a newer geocoder without re-reading the text.
CREATE TABLE IF NOT EXISTS toponyms (
    revision_id  TEXT NOT NULL REFERENCES revisions(id),
    char_start   INTEGER NOT NULL,       -- code points into the body
    char_end     INTEGER NOT NULL,
    sentence_idx INTEGER NOT NULL,
    text         TEXT NOT NULL,          -- as written
    kind         TEXT NOT NULL,          -- name, demonym, unknown, street
    precision    TEXT NOT NULL,          -- exact, near, admin1, country, unresolved
    geonameid    INTEGER,
    name         TEXT,                   -- the gazetteer's name
    country_code TEXT,                   -- ISO alpha-2
    admin1       TEXT,
    feature_code TEXT,
    lat          REAL,
    lon          REAL,
    anchor       TEXT,                   -- for near: the place it was placed by
    score        REAL,
    PRIMARY KEY (revision_id, char_start)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS toponyms_place ON toponyms(geonameid);

-- Full-text index over each event's sentence and its actor, action, place
-- and attribution texts, for the API's q= filter. Contentless: the words are
-- already held by events.record, and rowid is events.seq.
CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(
    words, content='', tokenize='unicode61 remove_diacritics 2'
);
