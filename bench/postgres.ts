// PostgreSQL for the benchmark (npm run bench -- --store postgres|both): which server, a fresh database per run, and
// the raw full-text query the bot is compared with.
//
// The server is --pg-url, else BRIEFBOT_BENCH_PG_URL, else postgres://postgres@127.0.0.1:5432/postgres. Each corpus
// and size gets a database of its own, CREATE DATABASE bench_<random> (dropped afterwards, or kept with --keep); a
// role that may not create databases gets a schema bench_<random> in the URL's database instead (the URL's
// options=-c search_path=…, as test/pg.ts does), dropped the same way. Nothing the bench did not create is touched.
import { randomBytes } from 'node:crypto';
import { connectPg } from '../src/pg/client.ts';
import { explainPgFault } from '../src/faults.ts';
import { ftsPhrases, matchingPhrases } from '../src/pg/fts-search.ts';

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The server to run on: --pg-url, else BRIEFBOT_BENCH_PG_URL, else the local default. */
export function benchPgUrl(flag: string | undefined): string {
  return flag || process.env.BRIEFBOT_BENCH_PG_URL || DEFAULT_PG_URL;
}

/** Whether a phase's DB argument is a PostgreSQL URL (else it is an SQLite file). */
export const isPgUrl = (db: string) => /^postgres(ql)?:\/\//.test(db);

/**
 * Checks that the server answers (within 5 s) before anything is generated; otherwise a message saying which server,
 * why (never the password) and how to name another. Also tells whether the role may create databases.
 */
export async function checkPgServer(url: string): Promise<{ version: string; createDb: boolean } | { error: string }> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const [row] = (await client.query<{ version: string; createdb: boolean }>(
      "SELECT current_setting('server_version') AS version, (SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user) AS createdb",
    )).rows;
    return { version: row!.version, createDb: row!.createdb };
  } catch (err) {
    return {
      error:
        `--store postgres needs a PostgreSQL server: ${explainPgFault(err, url).replace(/BRIEFBOT_DATABASE_URL/g, '--pg-url')}\n` +
        `Name the server with --pg-url postgres://USER@HOST:PORT/DATABASE or BRIEFBOT_BENCH_PG_URL (default ${DEFAULT_PG_URL}); ` +
        'the bench creates a database bench_<random> there for each run (or a schema, if the role may not create databases) and drops it afterwards.',
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface BenchDatabase {
  /** What the bot is given as BRIEFBOT_DATABASE_URL. */
  url: string;
  /** "database bench_…" or "schema bench_… in DB", for the log. */
  name: string;
  drop(): Promise<void>;
}

/** A fresh database on the server at `url` (or, without CREATEDB, a fresh schema in its database). */
export async function createBenchDatabase(url: string, createDb: boolean): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(5).toString('hex')}`;
  const admin = await connectPg(url);
  try {
    if (createDb) {
      await admin.query(`CREATE DATABASE ${name}`);
      const u = new URL(url);
      u.pathname = `/${name}`;
      return {
        url: u.toString(),
        name: `database ${name}`,
        drop: async () => {
          const a = await connectPg(url);
          try {
            // FORCE (PostgreSQL 13+): a connection a crashed phase left behind does not keep it.
            await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => a.query(`DROP DATABASE IF EXISTS ${name}`));
          } finally {
            await a.close();
          }
        },
      };
    }
    await admin.query(`CREATE SCHEMA ${name}`);
    const database = new URL(url).pathname.slice(1) || 'the default database';
    return {
      url: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${name}`)}`,
      name: `schema ${name} in ${database}`,
      drop: async () => {
        const a = await connectPg(url);
        try {
          await a.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
        } finally {
          await a.close();
        }
      },
    };
  } finally {
    await admin.close();
  }
}

/**
 * The raw query's tsquery for a question's search terms: each term's words (FTS5's tokenizer, as PgStore indexes
 * them) as a phrase, the phrases OR-ed — the words PgStore looks up for the same terms (ftsPhrases and
 * matchingPhrases, as rankedPassages builds its query), and what the SQLite bench's `"w1" OR "w2"` asks FTS5.
 * Null when no term leaves a word.
 */
export function rawTsquery(terms: string[]): string | null {
  const q = ftsPhrases({ terms, mode: 'any' });
  if (!q) return null;
  const phrases = matchingPhrases(q);
  return phrases.length ? phrases.map((p) => `(${p})`).join(' | ') : null;
}

/**
 * The raw query: the top 10 paragraphs, with their text, for the question's words (any of them), ranked by ts_rank
 * over the GIN-indexed tsvector column PgStore keeps — what the SQLite bench asks FTS5 (MATCH, ORDER BY rank).
 */
export const RAW_PASSAGES = 'SELECT text FROM paragraphs WHERE words @@ $1::tsquery ORDER BY ts_rank(words, $1::tsquery) DESC LIMIT 10';

/** The index's tables in the search path's first schema: what VACUUM (ANALYZE) and the size are about. */
export async function indexSize(sql: Awaited<ReturnType<typeof connectPg>>): Promise<{ tables: string[]; bytes: number }> {
  const rows = await sql.query<{ relname: string; bytes: number }>(
    `SELECT c.relname, pg_total_relation_size(c.oid) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.relname`,
  );
  return { tables: rows.map((r) => r.relname), bytes: rows.reduce((s, r) => s + Number(r.bytes), 0) };
}
