// The tables holding what the seeds cannot rebuild (subscriptions, briefing claims, paging, handled events, the LLM
// cache, leases, sources and their indexed entries, watches, alert claims) change only through numbered migrations, run at start-up by umzug and recorded in the database, so a newer
// briefbot upgrades an older file in place and keeps its data. The index tables are derived data: their layout is
// versioned by a hash and rebuilt from the seeds instead (store/schema.ts).
import type Database from 'better-sqlite3';
import { Umzug, type UmzugStorage } from 'umzug';

/** In order; a migration once released is never edited, only followed by another. */
export const STATE_MIGRATIONS: readonly { name: string; sql: string }[] = [
  {
    name: '0001-state',
    // IF NOT EXISTS: databases from before migrations already have these tables, and adopt them as they are.
    sql: `
CREATE TABLE IF NOT EXISTS pages (id TEXT PRIMARY KEY, question TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS handled_events (id TEXT PRIMARY KEY, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS subscriptions (
  platform TEXT NOT NULL,
  channel TEXT NOT NULL,
  cron TEXT NOT NULL,
  timezone TEXT NOT NULL,
  post_when_empty INTEGER NOT NULL,
  created_by TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (platform, channel)
);
CREATE TABLE IF NOT EXISTS briefings (
  platform TEXT NOT NULL,
  channel TEXT NOT NULL,
  slot TEXT NOT NULL,
  status TEXT NOT NULL,
  since TEXT,
  until TEXT NOT NULL,
  claimed_by TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  message_id TEXT,
  error TEXT,
  PRIMARY KEY (platform, channel, slot)
);
`,
  },
  {
    name: '0002-llm-cache',
    sql: 'CREATE TABLE IF NOT EXISTS llm_cache (key TEXT PRIMARY KEY, value TEXT NOT NULL, created_at INTEGER NOT NULL)',
  },
  {
    name: '0003-leases',
    sql: 'CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL)',
  },
  {
    name: '0004-sources',
    // Keyed by url_key (the URL, or its hash when very long: rows.ts' boundedKey); `id` keeps the order added (a
    // rowid is never below an existing one) and ties a source's entries to it. Times are ISO text, compared as text.
    sql: `
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  url_key TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  added_by TEXT,
  added_at TEXT NOT NULL,
  kind TEXT CHECK (kind IN ('feed', 'page')),
  title TEXT,
  etag TEXT,
  last_modified TEXT,
  last_fetch_at TEXT,
  last_status TEXT CHECK (last_status IN ('ok', 'not-modified', 'error')),
  last_error TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  items INTEGER NOT NULL DEFAULT 0,
  next_fetch_at TEXT NOT NULL,
  first_fetch_at TEXT
);
CREATE INDEX sources_due ON sources (next_fetch_at, id);
CREATE TABLE source_entries (
  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  entry_key TEXT NOT NULL,
  file TEXT NOT NULL,
  indexed_at TEXT NOT NULL,
  PRIMARY KEY (source_id, entry_key)
) WITHOUT ROWID;
`,
  },
  {
    name: '0005-watches',
    // term_key: the term folded (rows.ts' termKey), one watch per channel, kind and term in any case.
    sql: `
CREATE TABLE watches (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL,
  channel TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('speaker', 'phrase')),
  term_key TEXT NOT NULL,
  term TEXT NOT NULL,
  created_by TEXT,
  created_at TEXT NOT NULL,
  since_article INTEGER NOT NULL,
  UNIQUE (platform, channel, kind, term_key)
);
`,
  },
  {
    name: '0006-alerts',
    sql: `
CREATE TABLE alerts (
  platform TEXT NOT NULL,
  channel TEXT NOT NULL,
  key TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'failed')),
  claimed_by TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  message_id TEXT,
  error TEXT,
  PRIMARY KEY (platform, channel, key)
);
CREATE TABLE alert_cursors (
  platform TEXT NOT NULL,
  channel TEXT NOT NULL,
  article_id INTEGER NOT NULL,
  PRIMARY KEY (platform, channel)
);
`,
  },
  {
    name: '0007-documents',
    // What sources brought, as fetched: it cannot be fetched again (feeds drop old entries), so it is state, and the
    // index is built from it as from the seeds folder's files. quiet: brought by a source's first fetch, not alerted.
    sql: `
CREATE TABLE documents (
  file TEXT PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  body BLOB NOT NULL,
  size INTEGER NOT NULL,
  fetched_at_ms INTEGER NOT NULL,
  quiet INTEGER NOT NULL
);
CREATE INDEX documents_source ON documents (source_id);
`,
  },
];

/** Where umzug records what has run: one row per migration, in the database it migrates. */
function sqliteStorage(db: Database.Database): UmzugStorage {
  db.exec('CREATE TABLE IF NOT EXISTS state_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  return {
    logMigration: async ({ name }) => void db.prepare('INSERT INTO state_migrations (name, applied_at) VALUES (?, ?)').run(name, new Date().toISOString()),
    unlogMigration: async ({ name }) => void db.prepare('DELETE FROM state_migrations WHERE name = ?').run(name),
    executed: async () => db.prepare('SELECT name FROM state_migrations ORDER BY name').pluck().all() as string[],
  };
}

/** Runs in this process one at a time: a second connection waiting on SQLite's lock would block the first's thread. */
let running: Promise<unknown> = Promise.resolve();

/**
 * Brings the state tables up to date; returns the migrations it ran. The whole run holds SQLite's write lock
 * (BEGIN IMMEDIATE), so processes starting together run each migration once: the second waits, then finds
 * nothing pending. A migration that fails rolls back with the rest of the run, and its error is thrown.
 */
export function migrateState(db: Database.Database, migrations = STATE_MIGRATIONS): Promise<string[]> {
  const run = running.catch(() => undefined).then(async () => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const umzug = new Umzug({
        migrations: migrations.map((m) => ({ name: m.name, up: async () => db.exec(m.sql) })),
        storage: sqliteStorage(db),
        logger: undefined,
      });
      const ran = await umzug.up();
      db.exec('COMMIT');
      return ran.map((m) => m.name);
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  });
  running = run;
  return run;
}
