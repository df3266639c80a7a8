// The SQLite schema. Full-text search is SQLite's FTS5 (porter stemming), kept in the same database file:
// nothing to rebuild at start-up, and an article and its index rows change in one transaction.
//
// The index tables below are derived from the seeds folder: when their layout changes (any edit to INDEX_SCHEMA
// changes INDEX_VERSION, a hash of it), they are dropped and rebuilt by the next sync. Tables holding state that
// cannot be rebuilt (added by later features) are never dropped, only extended.
import { createHash } from 'node:crypto';

/** Index tables, present and past (speaker_names and article_speakers are from earlier layouts), dropped together on a rebuild. */
export const INDEX_TABLES = ['citations_fts', 'passages_fts', 'citations', 'quotes', 'speaker_countries', 'speaker_words', 'speaker_keys', 'article_speakers', 'speaker_names', 'speakers', 'paragraphs', 'articles'];

export const META = `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`;

export const INDEX_SCHEMA = `
CREATE TABLE IF NOT EXISTS articles (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  title TEXT, outlet TEXT, author TEXT, date TEXT, url TEXT,
  country TEXT, -- where the story is filed from or mostly about (a question's country prefers its speakers)
  comments TEXT NOT NULL DEFAULT '[]',
  -- The names, roles and handles it uses for each speaker, as JSON [[speakerId, [[key, isRole, name], …]], …]: what
  -- removing the article takes away from the speakers' counts.
  speakers TEXT NOT NULL DEFAULT '[]',
  -- The extractor version it was parsed with: a sync cut short leaves the rest of the folder to parse, not all of it.
  extractor TEXT NOT NULL DEFAULT '',
  indexed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
-- Covers the start-up check of every file's size, time and hash without reading the article rows.
CREATE INDEX IF NOT EXISTS articles_files ON articles(file, size, mtime_ms, extractor, hash);

CREATE TABLE IF NOT EXISTS paragraphs (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  heading INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS paragraphs_article ON paragraphs(article_id, idx);

-- Counts are kept up to date as articles come and go, so answering never has to count.
CREATE TABLE IF NOT EXISTS speakers (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  key TEXT NOT NULL,
  surname TEXT,
  quotes INTEGER NOT NULL DEFAULT 0,   -- Quotes attributed to them
  quoted_in INTEGER NOT NULL DEFAULT 0, -- articles quoting them
  mentions INTEGER NOT NULL DEFAULT 0,  -- articles naming them at all
  role TEXT,                            -- the role shown with their name (roles.ts), chosen as articles are written
  UNIQUE (kind, key)
);
CREATE INDEX IF NOT EXISTS speakers_surname ON speakers(surname);

-- How many of a speaker's articles are filed from or about each country: a question's country ranks speakers whose
-- titles name none ("the energy minister") by where they are reported, without reading their articles.
CREATE TABLE IF NOT EXISTS speaker_countries (
  speaker_id INTEGER NOT NULL,
  country TEXT NOT NULL,
  articles INTEGER NOT NULL,
  PRIMARY KEY (speaker_id, country)
) WITHOUT ROWID;

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
-- A speaker's most used names and roles first: a frequent speaker has thousands, and a lookup reads only the top.
CREATE INDEX IF NOT EXISTS speaker_keys_top ON speaker_keys(speaker_id, is_role, articles DESC);

-- The words each speaker can be found by (speaker-words.ts), from their name keys (is_role 0) and role keys
-- (is_role 1), with how many of their keys give the word: a question's words are looked up here, never by a scan.
CREATE TABLE IF NOT EXISTS speaker_words (
  word TEXT NOT NULL,
  is_role INTEGER NOT NULL,
  speaker_id INTEGER NOT NULL,
  keys INTEGER NOT NULL,
  PRIMARY KEY (word, speaker_id, is_role)
) WITHOUT ROWID;

-- A Quote: one speaker's words, however many articles carried them. speaker_id is NULL for an unattributed
-- quotation (the article prints the words but does not say who spoke them).
CREATE TABLE IF NOT EXISTS quotes (
  id INTEGER PRIMARY KEY,
  speaker_id INTEGER REFERENCES speakers(id),
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
  speaker_id INTEGER,                 -- NULL: unattributed
  sieve TEXT NOT NULL,                -- the attribution rule that fired ("trigram/name"; "none" when unattributed)
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
CREATE INDEX IF NOT EXISTS citations_key ON citations(speaker_id, kind, key);

-- speaker is "s<id>", or "none" for an unattributed quotation; queries on the words are scoped to the text column,
-- and a speaker's words on a topic also to context: the sentence the quote stands in ("The EU's decision to tighten
-- its steel quotas “punishes a partner …”, the minister said" is about steel quotas).
CREATE VIRTUAL TABLE IF NOT EXISTS citations_fts USING fts5(
  text, speaker, context, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(
  text, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2'
);
`;

export const INDEX_VERSION = createHash('sha256').update(INDEX_SCHEMA).digest('hex').slice(0, 16);
