// The SQLite schema. Full-text search is SQLite's FTS5 (porter stemming), kept in the same database file:
// nothing to rebuild at start-up, and an article and its index rows change in one transaction.

export const SCHEMA_VERSION = 1;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS articles (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  title TEXT, outlet TEXT, author TEXT, date TEXT, url TEXT,
  comments TEXT NOT NULL DEFAULT '[]',
  indexed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);

CREATE TABLE IF NOT EXISTS paragraphs (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  heading INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS paragraphs_article ON paragraphs(article_id, idx);

CREATE TABLE IF NOT EXISTS speakers (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  key TEXT NOT NULL,
  surname TEXT,
  UNIQUE (kind, key)
);
CREATE INDEX IF NOT EXISTS speakers_surname ON speakers(surname);

-- Every name, role or handle an article uses for a speaker.
CREATE TABLE IF NOT EXISTS speaker_names (
  speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  key TEXT NOT NULL,
  is_role INTEGER NOT NULL,
  PRIMARY KEY (speaker_id, article_id, key, is_role)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS speaker_names_article ON speaker_names(article_id);

-- How many articles use each name or role for each speaker: small, so questions can match names loosely.
CREATE TABLE IF NOT EXISTS speaker_keys (
  speaker_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  is_role INTEGER NOT NULL,
  name TEXT NOT NULL,
  articles INTEGER NOT NULL,
  PRIMARY KEY (speaker_id, key, is_role)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS speaker_keys_key ON speaker_keys(key);

-- A Quote: one speaker's words, however many articles carried them.
CREATE TABLE IF NOT EXISTS quotes (
  id INTEGER PRIMARY KEY,
  speaker_id INTEGER NOT NULL REFERENCES speakers(id),
  kind TEXT NOT NULL,
  kind_rank INTEGER NOT NULL,
  articles INTEGER NOT NULL DEFAULT 0,
  latest TEXT
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id, kind_rank, articles DESC, latest DESC);

-- A Citation: the quote as one article printed it.
CREATE TABLE IF NOT EXISTS citations (
  id INTEGER PRIMARY KEY,
  quote_id INTEGER NOT NULL REFERENCES quotes(id),
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  speaker_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  verb TEXT,
  via TEXT,
  text TEXT NOT NULL,
  key TEXT NOT NULL,
  paragraph INTEGER NOT NULL,
  start INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS citations_quote ON citations(quote_id);
CREATE INDEX IF NOT EXISTS citations_article ON citations(article_id);
CREATE INDEX IF NOT EXISTS citations_speaker ON citations(speaker_id, kind, key);
CREATE INDEX IF NOT EXISTS citations_recent ON citations(speaker_id, kind);

CREATE VIRTUAL TABLE IF NOT EXISTS citations_fts USING fts5(
  text, speaker, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(
  text, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2'
);
`;
