// Where the bot keeps its data, chosen once from configuration: the index (Store), what cannot be rebuilt from the
// seeds (State) and the LLM cache. Today one SQLite file holds all three; a PostgreSQL backend is chosen here too.
import type { Store } from './store/store.ts';
import type { State } from './state/state.ts';
import type { Cache } from './llm/cache.ts';
import { explainFault, StartError } from './faults.ts';

export interface Storage {
  readonly store: Store;
  readonly state: State;
  readonly cache: Cache;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** A SQLite file (created with its folder when missing), or ":memory:". */
  dbPath: string;
}

/** Opens the storage and brings its state tables up to date (versioned migrations; the index rebuilds itself). */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  const [{ SqliteStore }, { SqliteState }, { LlmCache }, { migrateState }] = await Promise.all([
    import('./store/sqlite-store.ts'),
    import('./state/sqlite-state.ts'),
    import('./llm/cache.ts'),
    import('./state/migrations.ts'),
  ]);
  let store: InstanceType<typeof SqliteStore>;
  try {
    store = new SqliteStore(options.dbPath);
  } catch (err) {
    throw new StartError(explainFault(err, options.dbPath, 'database'));
  }
  try {
    await migrateState(store.db);
  } catch (err) {
    await store.close();
    throw new StartError(explainFault(err, options.dbPath, 'database'));
  }
  return { store, state: new SqliteState(store.db), cache: new LlmCache(store.db), close: () => store.close() };
}
