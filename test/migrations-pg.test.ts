// The state tables on PostgreSQL change only through versioned migrations, and replicas starting together against
// one database run each migration exactly once. On the local server when one answers, else on PGlite.
import { afterEach, describe, expect, it } from 'vitest';
import { connectPg, type Sql } from '../src/pg/client.ts';
import { migratePgState, PG_STATE_MIGRATIONS } from '../src/pg/migrations.ts';
import { PgState } from '../src/pg/state.ts';
import { testDatabase, type TestDatabase } from './pg.ts';
import { expectUpgraded, FIRST_NEW_MIGRATION, holdPreviousRelease } from './contracts/state-upgrade.ts';

const ALL = PG_STATE_MIGRATIONS.map((m) => m.name);

describe('state migrations on PostgreSQL', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });

  async function database(): Promise<TestDatabase> {
    const db = await testDatabase();
    cleanup.push(db.drop);
    return db;
  }

  /** A connection of its own, as a replica has (PGlite in memory: one database, so one connection shared). */
  async function connect(db: TestDatabase, shared?: Sql): Promise<Sql> {
    if (db.engine === 'pglite' && shared) return shared;
    const sql = await connectPg(db.url);
    cleanup.push(() => sql.close());
    return sql;
  }

  const recorded = async (sql: Sql) => (await sql.query<{ name: string }>('SELECT name FROM state_migrations ORDER BY name')).map((r) => r.name);
  const tables = async (sql: Sql) =>
    (await sql.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name")).map((r) => r.table_name);

  it('run in order on a new database, each recorded once, making the same tables as SQLite', async () => {
    const sql = await connect(await database());
    expect(await migratePgState(sql)).toEqual(ALL);
    expect(await recorded(sql)).toEqual(ALL);
    expect(await tables(sql)).toEqual(['alert_cursors', 'alerts', 'briefings', 'documents', 'handled_events', 'leases', 'llm_cache', 'pages', 'source_entries', 'sources', 'state_migrations', 'subscriptions', 'watches']);
  });

  it('run nothing on a database already migrated, and keep what it holds', async () => {
    const sql = await connect(await database());
    await migratePgState(sql);
    await new PgState(sql).subscribe({ platform: 'slack', channel: 'C1', cron: '0 8 * * 1-5', timezone: 'UTC', postWhenEmpty: false, createdBy: 'U1' });
    expect(await migratePgState(sql)).toEqual([]);
    expect(await new PgState(sql).subscription('slack', 'C1')).toMatchObject({ cron: '0 8 * * 1-5', createdBy: 'U1' });
  });

  it('upgrade a database of the previous release in place: it keeps what it holds and gains sources, watches and alerts', async () => {
    const sql = await connect(await database());
    const previous = PG_STATE_MIGRATIONS.slice(0, ALL.indexOf(FIRST_NEW_MIGRATION));
    expect(await migratePgState(sql, previous)).toEqual(['0001-state', '0002-llm-cache', '0003-leases']);
    await holdPreviousRelease(new PgState(sql));
    expect(await migratePgState(sql)).toEqual(ALL.slice(previous.length));
    await expectUpgraded(new PgState(sql));
  });

  it('run each migration once when three replicas start together', async () => {
    const db = await database();
    const first = await connect(db);
    const replicas = [first, await connect(db, first), await connect(db, first)];
    const runs = await Promise.all(replicas.map((sql) => migratePgState(sql)));
    // Between them the runs ran everything exactly once; whichever came first did it all.
    expect(runs.flat().sort()).toEqual(ALL);
    expect(runs.filter((ran) => ran.length > 0)).toHaveLength(1);
    expect(await recorded(first)).toEqual(ALL);
  });

  it('roll back a run whose migration fails, with its reason, and run it all next time', async () => {
    const sql = await connect(await database());
    const broken = [...PG_STATE_MIGRATIONS, { name: '9999-broken', statements: ['CREATE TABLE pages (x integer)'] }];
    await expect(migratePgState(sql, broken)).rejects.toThrow(/9999-broken.*relation "pages" already exists/);
    expect(await tables(sql)).toEqual([]);
    expect(await migratePgState(sql)).toEqual(ALL);
  });

  it('roll back a later migration alone when the earlier ones ran in a previous start', async () => {
    const sql = await connect(await database());
    await migratePgState(sql);
    const broken = [...PG_STATE_MIGRATIONS, { name: '0004-half', statements: ['CREATE TABLE extra (x integer)', 'SELECT no_such_function()'] }];
    await expect(migratePgState(sql, broken)).rejects.toThrow(/0004-half.*no_such_function/);
    expect(await recorded(sql)).toEqual(ALL);
    expect(await tables(sql)).not.toContain('extra');
  });
});
