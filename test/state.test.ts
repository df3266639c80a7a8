// The State port's contract on SQLite: in a file (as the bot runs) and in memory.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { migrateState } from '../src/state/migrations.ts';
import { SqliteState } from '../src/state/sqlite-state.ts';
import { describeStateContract } from './contracts/state.ts';
import { tempDir } from './helpers.ts';

async function sqliteState(path: string, now: () => Date) {
  const db = new Database(path);
  await migrateState(db);
  return { state: new SqliteState(db, now), close: async () => void db.close() };
}

describeStateContract('SQLite in memory', (now) => sqliteState(':memory:', now));

describeStateContract('a SQLite file', async (now) => {
  const t = tempDir();
  const opened = await sqliteState(join(t.dir, 'state.db'), now);
  return { state: opened.state, close: async () => (await opened.close(), t.cleanup()) };
});
