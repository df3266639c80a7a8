// The connection layer under the PostgreSQL store: a connection the server ends while the bot holds it (the ingest
// lock's, a transaction's) is a failed statement for its holder, never a stopped process, and is not reused.
import { afterEach, describe, expect, it } from 'vitest';
import { connectPg, type Sql } from '../src/pg/client.ts';
import { serverReachable, testDatabase, TEST_SERVER, type TestDatabase } from './pg.ts';

const WHY = 'needs a PostgreSQL server (PGlite has no other connection to end); CI runs it';
const onServer = await serverReachable();
if (!onServer) console.log(`test/pg-client.test.ts skipped: ${WHY}`);

let db: TestDatabase | null = null;
const opened: Sql[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close().catch(() => undefined);
  await db?.drop();
  db = null;
});

async function open(url: string): Promise<Sql> {
  const sql = await connectPg(url);
  opened.push(sql);
  return sql;
}

/** Ends a backend from another connection, as an operator's pg_terminate_backend or a failover would. */
async function terminate(pid: number): Promise<void> {
  const admin = await open(TEST_SERVER);
  await admin.query('SELECT pg_terminate_backend($1)', [pid]);
}

const backend = async (sql: Sql) => (await sql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid;
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe.skipIf(!onServer)(`connections the server ends (${WHY})`, () => {
  it('a reserved connection ended while idle fails its next statement; the pool goes on with a new one', async () => {
    db = await testDatabase();
    const sql = await open(db.url);
    const held = await sql.reserve();
    const pid = await backend(held);
    await terminate(pid);
    await settle(); // the 'error' event arrives now, with no statement running: unheard, it would end the process
    await expect(held.query('SELECT 1')).rejects.toThrow();
    await held.release();
    await held.release(); // twice is harmless
    const again = await sql.reserve();
    expect(await backend(again)).not.toBe(pid);
    await again.release();
    expect(await sql.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('a transaction whose connection is ended rejects, and what it wrote is not committed', async () => {
    db = await testDatabase();
    const sql = await open(db.url);
    await sql.query('CREATE TABLE t (n integer)');
    const done = sql.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (1)');
      await terminate(await backend(tx));
      await settle();
      await tx.query('INSERT INTO t VALUES (2)');
    });
    await expect(done).rejects.toThrow();
    expect(await sql.query('SELECT count(*)::int AS n FROM t')).toEqual([{ n: 0 }]);
  });
});
