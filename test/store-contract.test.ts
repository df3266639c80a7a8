// The Store port's contract on SQLite: in memory and in a file.
import { join } from 'node:path';
import { SqliteStore } from '../src/store/sqlite-store.ts';
import { describeStoreContract } from './contracts/store.ts';
import { tempDir } from './helpers.ts';

describeStoreContract('SQLite in memory', async () => {
  const store = new SqliteStore(':memory:');
  return { store, close: () => store.close() };
});

describeStoreContract('a SQLite file', async () => {
  const t = tempDir();
  const store = new SqliteStore(join(t.dir, 'index.db'));
  return { store, close: async () => (await store.close(), t.cleanup()) };
});
