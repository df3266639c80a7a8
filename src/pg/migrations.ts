// The state tables on PostgreSQL (subscriptions, briefing claims, paging, handled events, the LLM cache, leases,
// sources and their indexed entries, watches, alert claims):
// the same logical tables as SQLite's (state/migrations.ts) in PostgreSQL's types, changed only through numbered
// migrations run by umzug at start-up and recorded in `state_migrations`. Several replicas start at once against one
// database, so a run is serialised by an advisory lock: the first runs what is pending, the rest then find nothing.
import { Umzug, type UmzugStorage } from 'umzug';
import type { Sql } from './client.ts';

export interface PgMigration {
  name: string;
  /** One statement each: PGlite's query runs one at a time. */
  statements: readonly string[];
}

/** In order; a migration once released is never edited, only followed by another. */
export const PG_STATE_MIGRATIONS: readonly PgMigration[] = [
  {
    name: '0001-state',
    statements: [
      // Times the bot only compares (expiry) are milliseconds since the epoch; times it shows are timestamptz.
      'CREATE TABLE pages (id text PRIMARY KEY, question text NOT NULL, created_at bigint NOT NULL)',
      'CREATE TABLE handled_events (id text PRIMARY KEY, at bigint NOT NULL)',
      `CREATE TABLE subscriptions (
        platform text NOT NULL,
        channel text NOT NULL,
        cron text NOT NULL,
        timezone text NOT NULL,
        post_when_empty boolean NOT NULL,
        created_by text,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (platform, channel)
      )`,
      `CREATE TABLE briefings (
        platform text NOT NULL,
        channel text NOT NULL,
        slot text NOT NULL,
        status text NOT NULL CHECK (status IN ('claimed', 'posted', 'failed')),
        since text,
        until text NOT NULL,
        claimed_by text NOT NULL,
        claimed_at timestamptz NOT NULL,
        attempts integer NOT NULL,
        message_id text,
        error text,
        PRIMARY KEY (platform, channel, slot)
      )`,
    ],
  },
  {
    name: '0002-llm-cache',
    // text, not jsonb: the reply comes back exactly as written, and jsonb would refuse an escaped NUL in it.
    statements: ['CREATE TABLE llm_cache (key text PRIMARY KEY, value text NOT NULL, created_at bigint NOT NULL)'],
  },
  {
    name: '0003-leases',
    statements: ['CREATE TABLE leases (name text PRIMARY KEY, holder text NOT NULL, expires_at bigint NOT NULL)'],
  },
  {
    name: '0004-sources',
    statements: [
      // Keyed by url_key (the URL, or its hash when very long: state/rows.ts' boundedKey); `id` keeps the order added.
      `CREATE TABLE sources (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        url_key text NOT NULL UNIQUE,
        url text NOT NULL,
        added_by text,
        added_at timestamptz NOT NULL,
        kind text CHECK (kind IN ('feed', 'page')),
        title text,
        etag text,
        last_modified text,
        last_fetch_at timestamptz,
        last_status text CHECK (last_status IN ('ok', 'not-modified', 'error')),
        last_error text,
        failures integer NOT NULL DEFAULT 0,
        items integer NOT NULL DEFAULT 0,
        next_fetch_at timestamptz NOT NULL,
        first_fetch_at timestamptz
      )`,
      'CREATE INDEX sources_due ON sources (next_fetch_at, id)',
      `CREATE TABLE source_entries (
        source_id bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        entry_key text NOT NULL,
        file text NOT NULL,
        indexed_at timestamptz NOT NULL,
        PRIMARY KEY (source_id, entry_key)
      )`,
    ],
  },
  {
    name: '0005-watches',
    statements: [
      // term_key: the term folded (state/rows.ts' termKey), one watch per channel, kind and term in any case.
      `CREATE TABLE watches (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        platform text NOT NULL,
        channel text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('speaker', 'phrase')),
        term_key text NOT NULL,
        term text NOT NULL,
        created_by text,
        created_at timestamptz NOT NULL,
        since_article bigint NOT NULL,
        UNIQUE (platform, channel, kind, term_key)
      )`,
    ],
  },
  {
    name: '0006-alerts',
    statements: [
      `CREATE TABLE alerts (
        platform text NOT NULL,
        channel text NOT NULL,
        key text NOT NULL,
        status text NOT NULL CHECK (status IN ('claimed', 'posted', 'failed')),
        claimed_by text NOT NULL,
        claimed_at timestamptz NOT NULL,
        attempts integer NOT NULL,
        message_id text,
        error text,
        PRIMARY KEY (platform, channel, key)
      )`,
      `CREATE TABLE alert_cursors (
        platform text NOT NULL,
        channel text NOT NULL,
        article_id bigint NOT NULL,
        PRIMARY KEY (platform, channel)
      )`,
    ],
  },
  {
    name: '0007-documents',
    statements: [
      `CREATE TABLE documents (
        file text PRIMARY KEY,
        source_id bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        body bytea NOT NULL,
        size integer NOT NULL,
        fetched_at_ms bigint NOT NULL,
        quiet boolean NOT NULL
      )`,
      'CREATE INDEX documents_source ON documents (source_id)',
    ],
  },
];

/** Where umzug records what has run: one row per migration, in the schema it migrates. */
function pgStorage(tx: Sql): UmzugStorage {
  return {
    logMigration: async ({ name }) => void (await tx.query('INSERT INTO state_migrations (name, applied_at) VALUES ($1, now())', [name])),
    unlogMigration: async ({ name }) => void (await tx.query('DELETE FROM state_migrations WHERE name = $1', [name])),
    executed: async () => (await tx.query<{ name: string }>('SELECT name FROM state_migrations ORDER BY name COLLATE "C"')).map((r) => r.name),
  };
}

/**
 * Brings the state tables up to date; returns the migrations it ran. The whole run is one transaction holding an
 * advisory lock keyed by the schema, so replicas starting together run each migration once (the others wait, then
 * find nothing pending), and a migration that fails rolls back with the rest of the run, its error thrown.
 */
export function migratePgState(sql: Sql, migrations: readonly PgMigration[] = PG_STATE_MIGRATIONS): Promise<string[]> {
  return sql.transaction(async (tx) => {
    // Per schema: two briefbots in different schemas of one database do not wait for each other.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('briefbot.state_migrations:' || coalesce(current_schema(), '')))");
    await tx.query('CREATE TABLE IF NOT EXISTS state_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL)');
    const umzug = new Umzug({
      migrations: migrations.map((m) => ({
        name: m.name,
        up: async () => {
          for (const statement of m.statements) await tx.query(statement);
        },
      })),
      storage: pgStorage(tx),
      logger: undefined,
    });
    return (await umzug.up()).map((m) => m.name);
  });
}
