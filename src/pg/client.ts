// One way to talk to PostgreSQL whichever engine is behind it: a server through `pg` (a connection pool), or PGlite
// (PostgreSQL compiled to WebAssembly, running in this process) for a machine without a server — tests on a fresh
// laptop. The PostgreSQL store, state and cache speak only this.
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

export interface Sql {
  /** Rows of one statement; parameters are $1, $2, … */
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Runs `f` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(f: (tx: Sql) => Promise<T>): Promise<T>;
  /** A connection of its own until released: what session-scoped things (advisory locks) need. */
  reserve(): Promise<Sql & { release(): Promise<void> }>;
  close(): Promise<void>;
  readonly engine: 'postgres' | 'pglite';
}

/** PostgreSQL's bigint (int8: count(*), sum, bigserial) read as a number, as SQLite gives it; ids stay far below 2^53. */
const INT8 = 20;

/**
 * Connects to `url`: postgres://… or postgresql://… (a server), pglite: (in memory) or pglite:/a/folder (PGlite
 * keeping its files there).
 */
export async function connectPg(url: string): Promise<Sql> {
  if (url.startsWith('pglite:')) return pglite(url.slice('pglite:'.length));
  const pg = (await import('pg')).default;
  const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format as 'text')) };
  const pool = new pg.Pool({ connectionString: url, types: types as never, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle connection the server drops (a restart, a failover) must not take the process down with it.
  pool.on('error', () => undefined);
  return poolSql(pool);
}

function poolSql(pool: Pool): Sql {
  return {
    engine: 'postgres',
    query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
    transaction: async (f) => {
      const { client, release } = await checkout(pool);
      try {
        return await inTransaction(clientSql(client), f);
      } finally {
        release();
      }
    },
    reserve: async () => {
      const { client, release } = await checkout(pool);
      return { ...clientSql(client), release: async () => release() };
    },
    close: () => pool.end(),
  };
}

/**
 * A connection taken from the pool. While it is out, the pool no longer listens for its errors, and a connection
 * the server ends in between two statements (a restart, pg_terminate_backend, a failover) emits one that would stop
 * the process unheard; it is heard here, and the connection is discarded on release instead of going back.
 */
async function checkout(pool: Pool): Promise<{ client: PoolClient; release(): void }> {
  const client = await pool.connect();
  let fault: Error | undefined;
  const heard = (err: Error) => {
    fault = err;
  };
  client.on('error', heard);
  let released = false;
  return {
    client,
    release: () => {
      if (released) return;
      released = true;
      client.off('error', heard);
      client.release(fault);
    },
  };
}

/** One connection of the pool as an Sql (its transaction is a nested one's: the caller's). */
function clientSql(client: PoolClient): Sql {
  const self: Sql = {
    engine: 'postgres',
    query: async (text, params) => (await client.query(text, params as unknown[])).rows,
    transaction: (f) => inTransaction(self, f),
    reserve: async () => ({ ...self, release: async () => undefined }),
    close: async () => undefined,
  };
  return self;
}

async function inTransaction<T>(sql: Sql, f: (tx: Sql) => Promise<T>): Promise<T> {
  await sql.query('BEGIN');
  try {
    const result = await f(sql);
    await sql.query('COMMIT');
    return result;
  } catch (err) {
    await sql.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

async function pglite(dataDir: string): Promise<Sql> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db: PGlite = new PGlite(dataDir || undefined, { parsers: { [INT8]: Number } });
  await db.waitReady;
  // One connection in all: PGlite queues statements itself, a transaction holding it until done.
  const on = (q: Pick<PGlite, 'query'>, inTx: boolean): Sql => ({
    engine: 'pglite',
    query: async (text, params) => (await q.query(text, params as unknown[])).rows as never,
    // Within a transaction, a transaction asked for is the same one (PGlite would wait for itself).
    transaction: (f) => (inTx ? f(on(q, true)) : db.transaction((tx) => f(on(tx, true)))),
    reserve: async () => ({ ...on(db, false), release: async () => undefined }),
    close: () => db.close(),
  });
  return on(db, false);
}
