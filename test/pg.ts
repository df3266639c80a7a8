// PostgreSQL for tests: the server at 127.0.0.1:5432 when one answers (CI, these machines), each caller in a fresh
// schema of the `test` database, dropped afterwards; otherwise PGlite in memory, so `npm test` passes on a laptop
// with nothing installed. BRIEFBOT_TEST_PG overrides the server's address.
import { randomBytes } from 'node:crypto';
import { connectPg, type Sql } from '../src/pg/client.ts';

export const TEST_SERVER = process.env.BRIEFBOT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

let reachable: Promise<boolean> | null = null;

/**
 * Whether the test server answers (asked once per test file, within 2 s). With BRIEFBOT_TEST_PG_REQUIRE=1 (set by
 * .ci/run when the server is up) a server that stops answering fails the tests instead of falling back to PGlite.
 */
export function serverReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const up = await ping();
    if (!up && process.env.BRIEFBOT_TEST_PG_REQUIRE === '1') throw new Error(`BRIEFBOT_TEST_PG_REQUIRE is set but PostgreSQL does not answer at ${TEST_SERVER.replace(/:[^:@/]*@/, ':***@')}`);
    return up;
  })();
  return reachable;
}

async function ping(): Promise<boolean> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: TEST_SERVER, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestDatabase {
  /** What BRIEFBOT_DATABASE_URL would be: the server with this schema first on the search path, or pglite:. */
  url: string;
  engine: 'postgres' | 'pglite';
  /** Drops the schema (nothing to do for PGlite in memory). */
  drop(): Promise<void>;
}

/** A database of one's own: a fresh schema on the server, or (without one) PGlite in memory. */
export async function testDatabase(): Promise<TestDatabase> {
  if (!(await serverReachable())) return { url: 'pglite:', engine: 'pglite', drop: async () => undefined };
  const schema = `bt_${randomBytes(6).toString('hex')}`;
  const admin = await connectPg(TEST_SERVER);
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.close();
  const url = `${TEST_SERVER}${TEST_SERVER.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    url,
    engine: 'postgres',
    drop: async () => {
      const a = await connectPg(TEST_SERVER);
      await a.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await a.close();
    },
  };
}

/** Connects to a test database (see testDatabase). */
export async function testSql(): Promise<{ sql: Sql; drop(): Promise<void>; engine: 'postgres' | 'pglite' }> {
  const db = await testDatabase();
  const sql = await connectPg(db.url);
  return { sql, engine: db.engine, drop: async () => { await sql.close(); await db.drop(); } };
}
