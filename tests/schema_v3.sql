-- The SQLite schema scripts of schema versions 1-3 (newsgraph before SQLAlchemy),
-- verbatim: tests/test_query_layer.py checks that the tables defined in store/tables.py
-- make the same database, and that such a file opens and is upgraded.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,            -- ingest order; export order
    title TEXT, url TEXT, source TEXT, author TEXT,
    published TEXT,                  -- ISO date or NULL
    published_from TEXT,             -- 'metadata' | 'text' | NULL
    dateline_text TEXT, dateline_start INTEGER, dateline_end INTEGER,
    dateline_place TEXT,             -- places.id
    sha256 TEXT NOT NULL,
    chars INTEGER NOT NULL,
    text TEXT NOT NULL,
    origin TEXT,
    duplicate_of TEXT,               -- documents.id of the canonical copy
    minhash BLOB,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_sha ON documents(sha256);

CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    codes TEXT NOT NULL DEFAULT '{}'  -- JSON object
);
CREATE TABLE actor_keys (              -- cross-document merge keys
    key TEXT NOT NULL, actor_id TEXT NOT NULL, doc_id TEXT NOT NULL,
    PRIMARY KEY (key, actor_id, doc_id)
);
CREATE TABLE actor_aliases (
    actor_id TEXT NOT NULL, alias TEXT NOT NULL, doc_id TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias, doc_id)
);
CREATE TABLE actor_roles (
    actor_id TEXT NOT NULL, title TEXT NOT NULL, organization TEXT,
    past INTEGER NOT NULL DEFAULT 0, doc_id TEXT NOT NULL
);
CREATE INDEX actor_roles_actor ON actor_roles(actor_id);
CREATE TABLE actor_mentions (
    doc_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, kind TEXT NOT NULL, actor_id TEXT NOT NULL
);
CREATE INDEX actor_mentions_doc ON actor_mentions(doc_id);
CREATE INDEX actor_mentions_actor ON actor_mentions(actor_id);

CREATE TABLE places (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT,
    lat REAL, lon REAL, geonames_id INTEGER
);
CREATE TABLE place_mentions (
    doc_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, place_id TEXT NOT NULL
);
CREATE INDEX place_mentions_doc ON place_mentions(doc_id);

CREATE TABLE time_expressions (
    doc_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, value TEXT, precision TEXT
);
CREATE INDEX time_expressions_doc ON time_expressions(doc_id);

CREATE TABLE quotes (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    direct INTEGER NOT NULL,
    speaker TEXT,                    -- actors.id
    speaker_text TEXT, speaker_start INTEGER, speaker_end INTEGER,
    cue TEXT, cue_start INTEGER, cue_end INTEGER,
    addressee TEXT,                  -- actors.id
    medium TEXT, date TEXT
);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL, mode TEXT, cameo TEXT,
    source TEXT, target TEXT,        -- actors.id
    date TEXT, place TEXT,           -- places.id
    negated INTEGER NOT NULL, modality TEXT NOT NULL, confidence REAL NOT NULL
);
CREATE TABLE event_mentions (
    event_id TEXT NOT NULL, doc_id TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    trigger TEXT, source_text TEXT, target_text TEXT,
    date TEXT, place TEXT, figures TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX event_mentions_doc ON event_mentions(doc_id);
CREATE INDEX event_mentions_event ON event_mentions(event_id);

CREATE TABLE stories (id TEXT PRIMARY KEY, label TEXT NOT NULL);
CREATE TABLE story_docs (story_id TEXT NOT NULL, doc_id TEXT NOT NULL);
CREATE TABLE story_events (story_id TEXT NOT NULL, event_id TEXT NOT NULL);

-- cross-document linking: duplicates, merged events, conflicts, stories (issue 7)
CREATE INDEX documents_seq ON documents(seq);
CREATE INDEX documents_duplicate ON documents(duplicate_of);
CREATE TABLE doc_bands (band INTEGER NOT NULL, doc_id TEXT NOT NULL);  -- MinHash LSH
CREATE INDEX doc_bands_band ON doc_bands(band);
CREATE INDEX doc_bands_doc ON doc_bands(doc_id);
CREATE INDEX place_mentions_place ON place_mentions(place_id);

ALTER TABLE events ADD COLUMN seq INTEGER;
ALTER TABLE events ADD COLUMN range_lo INTEGER;     -- day ordinals of the event's time
ALTER TABLE events ADD COLUMN range_hi INTEGER;
ALTER TABLE events ADD COLUMN range_explicit INTEGER;
ALTER TABLE events ADD COLUMN first_doc TEXT;
CREATE INDEX events_seq ON events(seq);
ALTER TABLE event_mentions ADD COLUMN source TEXT;  -- actors.id, aligned to the event
ALTER TABLE event_mentions ADD COLUMN target TEXT;
ALTER TABLE event_mentions ADD COLUMN local INTEGER;  -- the event's index in its document
CREATE TABLE event_keys (key TEXT NOT NULL, bucket INTEGER NOT NULL, event_id TEXT NOT NULL);
CREATE INDEX event_keys_lookup ON event_keys(key, bucket);
CREATE INDEX event_keys_event ON event_keys(event_id);

CREATE TABLE conflicts (
    id TEXT PRIMARY KEY, event_id TEXT NOT NULL, field TEXT NOT NULL,
    "values" TEXT NOT NULL           -- JSON [{value, doc_id, start, end, text}]
);
CREATE INDEX conflicts_event ON conflicts(event_id);

ALTER TABLE stories ADD COLUMN seq INTEGER;
ALTER TABLE stories ADD COLUMN actor_counts TEXT NOT NULL DEFAULT '{}';
ALTER TABLE stories ADD COLUMN type_counts TEXT NOT NULL DEFAULT '{}';
CREATE INDEX stories_seq ON stories(seq);
ALTER TABLE story_events ADD COLUMN doc_id TEXT;
CREATE INDEX story_docs_doc ON story_docs(doc_id);
CREATE INDEX story_docs_story ON story_docs(story_id);
CREATE INDEX story_events_event ON story_events(event_id);
CREATE INDEX story_events_doc ON story_events(doc_id);
CREATE INDEX story_events_story ON story_events(story_id);
CREATE TABLE story_actors (
    story_id TEXT NOT NULL, actor_id TEXT NOT NULL, doc_id TEXT NOT NULL, day INTEGER
);
CREATE INDEX story_actors_lookup ON story_actors(actor_id, day);
CREATE INDEX story_actors_doc ON story_actors(doc_id);

-- explicit insertion order where SQLite's rowid broke ties; works on PostgreSQL (issue 9)
ALTER TABLE actor_roles ADD COLUMN seq INTEGER;
-- only: sqlite
UPDATE actor_roles SET seq = rowid;
CREATE INDEX actor_roles_seq ON actor_roles(seq);
ALTER TABLE event_mentions ADD COLUMN seq INTEGER;
-- only: sqlite
UPDATE event_mentions SET seq = rowid;
CREATE INDEX event_mentions_seq ON event_mentions(seq);
