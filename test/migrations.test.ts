// The state tables (subscriptions, claims, pages, handled events, the LLM cache) change only through versioned
// migrations: a newer briefbot upgrades an older database in place and keeps what it holds.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateState, STATE_MIGRATIONS } from '../src/state/migrations.ts';
import { SqliteState } from '../src/state/sqlite-state.ts';
import { openStorage } from '../src/storage.ts';
import { join } from 'node:path';
import { tempDir } from './helpers.ts';
import { expectUpgraded, FIRST_NEW_MIGRATION, holdPreviousRelease } from './contracts/state-upgrade.ts';

const ALL = STATE_MIGRATIONS.map((m) => m.name);

describe('state migrations', () => {
  it('run in order on a new database, each recorded once, and nothing runs twice', async () => {
    const db = new Database(':memory:');
    expect(await migrateState(db)).toEqual(ALL);
    expect(await migrateState(db)).toEqual([]);
    expect(db.prepare('SELECT name FROM state_migrations ORDER BY name').pluck().all()).toEqual(ALL);
    db.close();
  });

  it('adopt a database from before migrations, keeping its subscriptions', async () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE subscriptions (platform TEXT NOT NULL, channel TEXT NOT NULL, cron TEXT NOT NULL, timezone TEXT NOT NULL,
      post_when_empty INTEGER NOT NULL, created_by TEXT, created_at TEXT NOT NULL, PRIMARY KEY (platform, channel))`);
    db.prepare("INSERT INTO subscriptions VALUES ('slack', 'C1', '0 8 * * 1-5', 'UTC', 0, 'U1', '2026-01-01T00:00:00Z')").run();
    expect(await migrateState(db)).toEqual(ALL);
    expect(await new SqliteState(db).subscription('slack', 'C1')).toMatchObject({ cron: '0 8 * * 1-5', createdBy: 'U1' });
    db.close();
  });

  it('upgrade a database of the previous release in place: it keeps what it holds and gains sources, watches and alerts', async () => {
    const db = new Database(':memory:');
    const previous = STATE_MIGRATIONS.slice(0, ALL.indexOf(FIRST_NEW_MIGRATION));
    expect(await migrateState(db, previous)).toEqual(['0001-state', '0002-llm-cache', '0003-leases']);
    await holdPreviousRelease(new SqliteState(db));
    expect(await migrateState(db)).toEqual(ALL.slice(previous.length));
    await expectUpgraded(new SqliteState(db));
    db.close();
  });

  it('roll back a run whose migration fails, with its reason', async () => {
    const db = new Database(':memory:');
    const broken = [...STATE_MIGRATIONS, { name: '9999-broken', sql: 'CREATE TABLE pages (x)' }];
    await expect(migrateState(db, broken)).rejects.toThrow(/table pages already exists/);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('pages', 'state_migrations')").pluck().get()).toBe(0);
    expect(await migrateState(db)).toEqual(ALL);
    db.close();
  });

  it('run once when several bots open one database at the same time', async () => {
    const t = tempDir();
    try {
      const path = join(t.dir, 'briefbot.db');
      const opened = await Promise.all([openStorage({ dbPath: path }), openStorage({ dbPath: path }), openStorage({ dbPath: path })]);
      const db = new Database(path, { readonly: true });
      expect(db.prepare('SELECT name FROM state_migrations ORDER BY name').pluck().all()).toEqual(ALL);
      db.close();
      for (const s of opened) await s.close();
    } finally {
      t.cleanup();
    }
  });
});
