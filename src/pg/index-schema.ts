// The PostgreSQL index tables: derived from the articles folder, like the SQLite ones (src/store/schema.ts), and
// versioned the same way: any edit to INDEX_SCHEMA changes INDEX_VERSION (a hash of it), and the tables of an older
// layout are dropped and rebuilt by the next sync. State that cannot be rebuilt lives elsewhere (src/pg/state.ts).
//
// Text columns that are sorted or compared use the "C" collation: byte order, as SQLite compares text, so that
// names, files and dates come out in the same order on both backends whatever the database's locale.
// Full text: tsvector columns holding FTS5's own words for the text (fts5-tokenizer.ts), with GIN indexes; ntok is
// the row's length in those words, which BM25 needs (fts-search.ts). The searched columns (paragraphs.words,
// citations.text_words) also hold the row's id bucket, a word of its own (see idBucket), so that the GIN index can
// find the matches among the newest rows without reading older ones (newest.ts).
import { createHash } from 'node:crypto';
import type { Sql } from './client.ts';

/** Rows per id bucket: 2^12 consecutive ids. */
export const BUCKET_BITS = 12;

/**
 * The word a row's tsvector holds for its id bucket ('~' and the bucket's number, without a position): no text
 * gives it, as FTS5's words are letters and digits only, and no phrase can span it.
 */
export const idBucket = (id: number, bits = BUCKET_BITS) => bucketWord(Math.floor(id / 2 ** bits));

/** The word of bucket number `bucket`. */
export const bucketWord = (bucket: number) => `~${bucket}`;

/** A tsvector literal (fts-search.ts' ftsVector) with the row's id bucket added. */
export const withIdBucket = (vector: string, id: number) => `${vector}${vector ? ' ' : ''}'${idBucket(id)}'`;

/** Index tables, present and past, dropped together on a rebuild. */
export const INDEX_TABLES = ['fts_terms', 'citations', 'quotes', 'speaker_countries', 'speaker_words', 'speaker_keys', 'speakers', 'paragraphs', 'articles', 'index_state'];

export const META = 'CREATE TABLE IF NOT EXISTS meta (key text COLLATE "C" PRIMARY KEY, value text NOT NULL)';

export const INDEX_SCHEMA = `
CREATE TABLE IF NOT EXISTS articles (
  id bigint PRIMARY KEY,
  file text COLLATE "C" NOT NULL UNIQUE,
  hash text NOT NULL,
  size bigint NOT NULL,
  mtime_ms double precision NOT NULL,
  title text, outlet text, author text, date text COLLATE "C", url text,
  country text,
  comments text NOT NULL DEFAULT '[]',
  speakers text NOT NULL DEFAULT '[]',
  extractor text NOT NULL DEFAULT '',
  indexed_at text NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_date ON articles (date);
-- Covers the start-up check of every file's size and time without reading the article rows.
CREATE INDEX IF NOT EXISTS articles_files ON articles (file) INCLUDE (size, mtime_ms, extractor);

-- words and citations.text_words: each row's words and its id bucket (BUCKET_BITS = 12).
CREATE TABLE IF NOT EXISTS paragraphs (
  id bigint PRIMARY KEY,
  article_id bigint NOT NULL,
  idx integer NOT NULL,
  heading smallint NOT NULL,
  text text NOT NULL,
  ntok integer NOT NULL,
  words tsvector NOT NULL
);
CREATE INDEX IF NOT EXISTS paragraphs_article ON paragraphs (article_id, idx);
CREATE INDEX IF NOT EXISTS paragraphs_words ON paragraphs USING gin (words);

CREATE TABLE IF NOT EXISTS speakers (
  id bigint PRIMARY KEY,
  kind text NOT NULL,
  name text COLLATE "C" NOT NULL,
  key text COLLATE "C" NOT NULL,
  surname text,
  quotes integer NOT NULL DEFAULT 0,
  quoted_in integer NOT NULL DEFAULT 0,
  mentions integer NOT NULL DEFAULT 0,
  role text,
  UNIQUE (kind, key)
);

CREATE TABLE IF NOT EXISTS speaker_countries (
  speaker_id bigint NOT NULL,
  country text COLLATE "C" NOT NULL,
  articles integer NOT NULL,
  PRIMARY KEY (speaker_id, country)
);

CREATE TABLE IF NOT EXISTS speaker_keys (
  speaker_id bigint NOT NULL,
  key text COLLATE "C" NOT NULL,
  is_role smallint NOT NULL,
  name text COLLATE "C" NOT NULL,
  articles integer NOT NULL,
  PRIMARY KEY (speaker_id, key, is_role)
);
CREATE INDEX IF NOT EXISTS speaker_keys_key ON speaker_keys (key);
CREATE INDEX IF NOT EXISTS speaker_keys_top ON speaker_keys (speaker_id, is_role, articles DESC, key);

CREATE TABLE IF NOT EXISTS speaker_words (
  word text COLLATE "C" NOT NULL,
  is_role smallint NOT NULL,
  speaker_id bigint NOT NULL,
  keys integer NOT NULL,
  PRIMARY KEY (word, speaker_id, is_role)
);

CREATE TABLE IF NOT EXISTS quotes (
  id bigint PRIMARY KEY,
  speaker_id bigint,
  kind text NOT NULL,
  kind_rank smallint NOT NULL,
  articles integer NOT NULL DEFAULT 0,
  latest text COLLATE "C"
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_id, kind_rank, articles DESC, latest DESC NULLS LAST, id);

-- context: the sentence the quote stands in, searched (with the text) for one speaker's words on a topic.
CREATE TABLE IF NOT EXISTS citations (
  id bigint PRIMARY KEY,
  quote_id bigint NOT NULL,
  article_id bigint NOT NULL,
  speaker_id bigint,
  sieve text NOT NULL,
  kind text NOT NULL,
  verb text,
  via text,
  text text NOT NULL,
  key text COLLATE "C" NOT NULL,
  paragraph integer NOT NULL,
  start integer NOT NULL,
  context text NOT NULL,
  ntok integer NOT NULL,
  text_words tsvector NOT NULL,
  context_words tsvector NOT NULL
);
CREATE INDEX IF NOT EXISTS citations_quote ON citations (quote_id, id);
CREATE INDEX IF NOT EXISTS citations_article ON citations (article_id);
-- A quotation's words are found by a hash of their key: a btree entry holds at most ~2.7 KB, and a long quotation's
-- key is longer. (Names and roles, indexed as they are, are a few words: the extractor keeps a role to 16.)
CREATE INDEX IF NOT EXISTS citations_key ON citations (speaker_id, kind, hashtextextended(key, 0));
CREATE INDEX IF NOT EXISTS citations_text_words ON citations USING gin (text_words);
CREATE INDEX IF NOT EXISTS citations_context_words ON citations USING gin (context_words);

-- How many rows hold each word, per index (0: quoted texts; 1: quoted texts or their contexts; 2: paragraphs):
-- what FTS5 keeps in its doclists, for BM25's IDF of a one-word phrase without counting the matches.
CREATE TABLE IF NOT EXISTS fts_terms (
  ix smallint NOT NULL,
  term text COLLATE "C" NOT NULL,
  rows integer NOT NULL,
  PRIMARY KEY (ix, term)
);

-- One row: what writers keep in step (taken FOR UPDATE, it also makes writers wait for each other): the next ids,
-- the article count, the totals BM25 needs, and which store wrote last (a store that did not must forget what it
-- remembers of speakers and quotes).
CREATE TABLE IF NOT EXISTS index_state (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  writer text NOT NULL DEFAULT '',
  generation bigint NOT NULL DEFAULT 0,
  articles bigint NOT NULL DEFAULT 0,
  next_article bigint NOT NULL DEFAULT 1,
  next_paragraph bigint NOT NULL DEFAULT 1,
  next_speaker bigint NOT NULL DEFAULT 1,
  next_quote bigint NOT NULL DEFAULT 1,
  next_citation bigint NOT NULL DEFAULT 1,
  citation_rows bigint NOT NULL DEFAULT 0,
  citation_tokens bigint NOT NULL DEFAULT 0,
  passage_rows bigint NOT NULL DEFAULT 0,
  passage_tokens bigint NOT NULL DEFAULT 0
);
INSERT INTO index_state DEFAULT VALUES ON CONFLICT DO NOTHING;
`;

export const INDEX_VERSION = createHash('sha256').update(INDEX_SCHEMA).digest('hex').slice(0, 16);

/** Advisory lock keys (two int4): this class of lock, and the schema (hashtext(current_schema())) it is for. */
export const LOCK_CLASS = { schema: 0x62620001, ingest: 0x62620002 } as const;

/**
 * Creates the index tables, or drops and recreates those of another layout (forgetting which extractor read the
 * folder, so the next sync reads it all again). One transaction under an advisory lock: replicas starting together
 * wait for each other instead of racing on CREATE TABLE.
 */
export async function openIndex(sql: Sql): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', [LOCK_CLASS.schema]);
    await tx.query(META);
    const version = (await tx.query<{ value: string }>("SELECT value FROM meta WHERE key = 'index'"))[0]?.value;
    if (version === INDEX_VERSION) return;
    if (version !== undefined || (await tx.query("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'articles'")).length) {
      for (const t of INDEX_TABLES) await tx.query(`DROP TABLE IF EXISTS ${t}`);
      await tx.query("DELETE FROM meta WHERE key = 'extractor'");
    }
    for (const statement of statements(INDEX_SCHEMA)) await tx.query(statement);
    await tx.query("INSERT INTO meta (key, value) VALUES ('index', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [INDEX_VERSION]);
  });
}

/** The statements of a script (one at a time: the extended protocol takes one per query). */
function statements(script: string): string[] {
  return script
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
