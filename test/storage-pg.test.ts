// BRIEFBOT_DATABASE_URL puts the index, the state and the LLM cache in PostgreSQL, which several replicas share; a
// database that cannot be reached stops the bot with what to do, naming the server but never the password.
import { execFileSync } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Briefbot } from '../src/bot.ts';
import { ConfigError, loadCoreConfig } from '../src/config.ts';
import { describeDatabaseUrl, explainPgFault, StartError } from '../src/faults.ts';
import { openStorage } from '../src/storage.ts';
import { ROOT, SEEDS, tempDir } from './helpers.ts';
import { serverReachable, TEST_SERVER, testDatabase, type TestDatabase } from './pg.ts';

const onServer = await serverReachable();

/** The test server's URL with another user or database. */
function serverWith(change: { user?: string; database?: string }): string {
  const u = new URL(TEST_SERVER);
  if (change.user) u.username = change.user;
  if (change.database) u.pathname = `/${change.database}`;
  return u.toString();
}

describe('briefbot on PostgreSQL', () => {
  let db: TestDatabase;
  const bots: Briefbot[] = [];
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    for (const b of bots.splice(0)) await b.close();
    await db.drop();
  });
  const open = async () => {
    const bot = await Briefbot.open({ seedsDir: SEEDS, dbPath: ':memory:', databaseUrl: db.url });
    bots.push(bot);
    return bot;
  };

  it('indexes the articles into the database and answers from it', async () => {
    const bot = await open();
    const answer = await bot.ask('what did Gor say?');
    expect(answer.quotes[0]!.speaker).toBe('Sergio Gor');
    await bot.state.subscribe({ platform: 'slack', channel: 'C1', cron: '0 8 * * 1-5', timezone: 'UTC', postWhenEmpty: false, createdBy: 'U1' });
  });

  it.skipIf(!onServer)('lets a second replica answer from the same index without indexing again, sharing subscriptions (needs a server: PGlite in memory is one process\'s)', async () => {
    const second = await open();
    expect((await second.ask('what did Gor say?')).quotes[0]!.speaker).toBe('Sergio Gor');
    // It checked the folder against the index the first built, and found every article there already.
    expect(await second.synced()).toMatchObject({ added: [], updated: [], removed: [], unchanged: 5 });
    expect(await second.state.subscription('slack', 'C1')).toMatchObject({ cron: '0 8 * * 1-5', createdBy: 'U1' });
    await second.state.unsubscribe('slack', 'C1');
    expect(await bots[0]!.state.subscription('slack', 'C1')).toBeNull();
  });
});

describe('a database briefbot cannot use', () => {
  const startError = async (databaseUrl: string) => {
    const err = await Briefbot.open({ seedsDir: SEEDS, dbPath: ':memory:', databaseUrl }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StartError);
    return (err as StartError).message;
  };

  it('is refused: the server is named, with what to do, and never the password', async () => {
    const message = await startError('postgres://briefbot:s3cr%3Et@127.0.0.1:1/briefbot');
    expect(message).toBe('PostgreSQL at 127.0.0.1:1/briefbot refused the connection (nothing listens on 127.0.0.1:1): start PostgreSQL there, or correct the host and port in BRIEFBOT_DATABASE_URL.');
  });

  it('is on a host that does not exist', async () => {
    const message = await startError('postgres://briefbot:s3cret@no-such-host.invalid:5432/briefbot');
    expect(message).toMatch(/^cannot find the host "no-such-host\.invalid" of PostgreSQL at no-such-host\.invalid:5432\/briefbot \(.+\): check the host name in BRIEFBOT_DATABASE_URL/);
    expect(message).not.toContain('s3cret');
  });

  it.skipIf(!onServer)('does not exist on the server (needs a server)', async () => {
    const url = serverWith({ database: 'briefbot_no_such_db' });
    const { hostname, port } = new URL(url);
    expect(await startError(url)).toBe(
      `the database "briefbot_no_such_db" does not exist on PostgreSQL at ${hostname}:${port || 5432}: create it (createdb -h ${hostname} -p ${port || 5432} -U postgres briefbot_no_such_db) or correct its name in BRIEFBOT_DATABASE_URL.`,
    );
  });

  it.skipIf(!onServer)('turns the user away (needs a server)', async () => {
    expect(await startError(serverWith({ user: 'briefbot_no_such_role' }))).toMatch(/refused user "briefbot_no_such_role" \(role "briefbot_no_such_role" does not exist\): create the role or allow it in pg_hba\.conf/);
  });

  it('is a PGlite folder that cannot be made', async () => {
    const t = tempDir();
    try {
      const file = join(t.dir, 'a-file');
      writeFileSync(file, '');
      expect(await startError(`pglite:${file}/pg`)).toMatch(/^could not open PGlite at .*a-file\/pg \(.+\): check that briefbot may write to that folder, or set BRIEFBOT_DATABASE_URL to another\.$/);
    } finally {
      t.cleanup();
    }
  });

  it('refuses the password (PostgreSQL error 28P01)', () => {
    const err = Object.assign(new Error('password authentication failed for user "briefbot"'), { code: '28P01' });
    expect(explainPgFault(err, 'postgres://briefbot:hunter2@db.example.org/briefbot')).toBe(
      'PostgreSQL at db.example.org:5432/briefbot refused the password of user "briefbot": correct the password in BRIEFBOT_DATABASE_URL.',
    );
  });

  describe('does not answer', () => {
    let silent: Server;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      silent = createServer((socket) => void sockets.push(socket)); // accepts, then says nothing
      await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    });
    afterAll(async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((done) => silent.close(() => done()));
    });

    it('within the connection timeout', async () => {
      const pg = (await import('pg')).default;
      const port = (silent.address() as { port: number }).port;
      const url = `postgres://briefbot:s3cret@127.0.0.1:${port}/briefbot`;
      // The pool as connectPg makes it, with a shorter timeout than its 10 s.
      const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 300 });
      pool.on('error', () => undefined);
      const err = await pool.query('SELECT 1').catch((e: unknown) => e);
      await pool.end();
      expect(explainPgFault(err, url)).toBe(`PostgreSQL at 127.0.0.1:${port}/briefbot did not answer in time: check that the server is up and that no firewall stands between it and briefbot.`);
    });
  });

  it('hides the password even when the driver repeats the URL', () => {
    const url = 'postgres://briefbot:p%40ss@db.example.org:6543/briefbot';
    expect(explainPgFault(new Error(`could not parse ${url} (p@ss)`), url)).toBe('a database error at PostgreSQL at db.example.org:6543/briefbot: could not parse postgres://briefbot:***@db.example.org:6543/briefbot (***)');
  });

  it('is described by server and database alone', () => {
    expect(describeDatabaseUrl('postgresql://briefbot:secret@db.example.org/briefbot?sslmode=require')).toBe('PostgreSQL at db.example.org:5432/briefbot');
    expect(describeDatabaseUrl('pglite:')).toBe('PGlite in memory');
    expect(describeDatabaseUrl('pglite:/var/lib/briefbot/pg')).toBe('PGlite at /var/lib/briefbot/pg');
  });
});

describe('storage without BRIEFBOT_DATABASE_URL', () => {
  it('stays SQLite', async () => {
    const storage = await openStorage({ dbPath: ':memory:' });
    try {
      expect(storage.store.constructor.name).toBe('SqliteStore');
    } finally {
      await storage.close();
    }
  });

  it('never loads the PostgreSQL driver', () => {
    // In a process of its own: this one has loaded pg already. The same probe sees pg once a pool is made.
    const script = `
      import { createRequire } from 'node:module';
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/pg/'));
      const { openStorage } = await import('./src/storage.ts');
      await (await openStorage({ dbPath: ':memory:' })).close();
      const sqlite = loaded();
      await (await (await import('./src/pg/client.ts')).connectPg('postgres://nobody@127.0.0.1:1/none')).close();
      console.log(JSON.stringify({ sqlite, pg: loaded() }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ sqlite: false, pg: true });
  });
});

describe('BRIEFBOT_DATABASE_URL', () => {
  const load = (value?: string) => loadCoreConfig({ BRIEFBOT_SEEDS: SEEDS, ...(value === undefined ? {} : { BRIEFBOT_DATABASE_URL: value }) });

  it('is unset by default: SQLite', () => {
    expect(load().databaseUrl).toBeUndefined();
    expect(load('  ').databaseUrl).toBeUndefined();
  });

  it('takes a PostgreSQL server as postgres:// or postgresql://', () => {
    expect(load('postgres://briefbot:secret@db.example.org:5432/briefbot').databaseUrl).toBe('postgres://briefbot:secret@db.example.org:5432/briefbot');
    expect(load(' postgresql://db.example.org/briefbot?sslmode=require ').databaseUrl).toBe('postgresql://db.example.org/briefbot?sslmode=require');
  });

  it('takes PGlite in memory, or in a folder taken from the current directory', () => {
    expect(load('pglite:').databaseUrl).toBe('pglite:');
    expect(load('pglite:data/pg').databaseUrl).toBe(`pglite:${resolve('data/pg')}`);
  });

  it('refuses anything else, naming the variable with an example and never repeating the value', () => {
    for (const bad of ['mysql://briefbot:secret@db.example.org/briefbot', 'postgres://', 'db.example.org:5432/briefbot', 'secret']) {
      let err: unknown;
      try {
        load(bad);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toBe(
        'BRIEFBOT_DATABASE_URL is invalid: is not a PostgreSQL URL. For example BRIEFBOT_DATABASE_URL=postgres://briefbot:PASSWORD@db.example.org:5432/briefbot (or pglite:./data/pg for PostgreSQL in process); leave it unset for SQLite.',
      );
      expect((err as Error).message).not.toContain('secret');
    }
  });
});
