// Where the bot keeps its data, chosen once from configuration: the index (Store), what cannot be rebuilt from the
// seeds (State) and the LLM cache: one SQLite file holds all three, or (BRIEFBOT_DATABASE_URL) one PostgreSQL database
// that several replicas share.
import type { Store } from './store/store.ts';
import type { State } from './state/state.ts';
import type { Cache } from './llm/cache.ts';
import type { Repair } from './store/repair.ts';
import { explainFault, StartError } from './faults.ts';

export interface Storage {
  readonly store: Store;
  readonly state: State;
  readonly cache: Cache;
  /** Set when the database was found damaged at open and replaced by a fresh one: where it went, what was kept. */
  readonly repaired: Repair | null;
  /**
   * Set when the database could not be written (read-only, disk full) and the bot works on a copy of it instead: the
   * fault in words. What it learns meanwhile is not kept after it stops.
   */
  readonly workingCopy: string | null;
  /** The last process to use the database stopped without closing it (a crash, kill -9): worth a check. */
  readonly unclean: boolean;
  /** Checks every page of the database off the main thread: null when it is sound, else what is wrong. */
  check(): Promise<string | null>;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** A SQLite file (created with its folder when missing), or ":memory:". */
  dbPath: string;
  /** postgres://… or pglite:: PostgreSQL holds everything instead (dbPath is then not used). */
  databaseUrl?: string;
  /** SQLite: the file is known to be damaged (why): it is set aside and a fresh one opened with what state could be read. */
  damaged?: string;
}

/**
 * Opens the storage and brings its state tables up to date (versioned migrations; the index rebuilds itself). A
 * damaged file is moved aside and replaced (see store/repair.ts); any other fault is a StartError saying what to do.
 * With `databaseUrl`, PostgreSQL holds everything (pg/storage.ts).
 */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  // Loaded only when asked for: a SQLite bot never loads pg.
  if (options.databaseUrl) return (await import('./pg/storage.ts')).openPgStorage(options.databaseUrl);
  const { isDamage } = await import('./store/repair.ts');
  if (options.damaged !== undefined) return replaceDamaged(options.dbPath, options.damaged);
  try {
    return await openSqlite(options.dbPath);
  } catch (err) {
    if (options.dbPath === ':memory:') throw new StartError(explainFault(err, options.dbPath, 'database'));
    if (isDamage(err)) return replaceDamaged(options.dbPath, (err as Error).message);
    if (unwritable(err)) return openWorkingCopy(options.dbPath, explainFault(err, options.dbPath, 'database'));
    throw new StartError(explainFault(err, options.dbPath, 'database'));
  }
}

/** Opens the SQLite file; `damaged`: the file it replaces, whose state is carried over once migrations have run. */
async function openSqlite(dbPath: string, damaged?: { reason: string; backup: string }): Promise<Storage> {
  const [{ SqliteStore }, { SqliteState }, { LlmCache }, { migrateState }, { markOpen, quickCheck, salvageState }] = await Promise.all([
    import('./store/sqlite-store.ts'),
    import('./state/sqlite-state.ts'),
    import('./llm/cache.ts'),
    import('./state/migrations.ts'),
    import('./store/repair.ts'),
  ]);
  const store = new SqliteStore(dbPath);
  let run: ReturnType<typeof markOpen>;
  let repaired: Repair | null = null;
  try {
    await migrateState(store.db);
    if (damaged) repaired = { ...damaged, ...salvageState(damaged.backup, store.db) };
    run = dbPath === ':memory:' ? { unclean: false, close() {} } : markOpen(store.db);
  } catch (err) {
    await store.close();
    throw err;
  }
  return {
    store,
    state: new SqliteState(store.db),
    cache: new LlmCache(store.db),
    repaired,
    workingCopy: null,
    unclean: run.unclean,
    check: async () => (dbPath === ':memory:' ? null : quickCheck(dbPath)),
    close: async () => {
      try {
        run.close();
      } finally {
        await store.close();
      }
    },
  };
}

/** Moves the damaged file aside, opens a fresh one in its place and carries over what state can be read. */
async function replaceDamaged(dbPath: string, reason: string): Promise<Storage> {
  const { setAside } = await import('./store/repair.ts');
  let backup: string;
  try {
    backup = setAside(dbPath);
  } catch (err) {
    throw new StartError(`${dbPath} is damaged (${reason}) and could not be moved aside (${(err as Error).message}): move it away yourself and start again; the index is rebuilt from the articles.`);
  }
  try {
    return await openSqlite(dbPath, { reason, backup });
  } catch (err) {
    throw new StartError(explainFault(err, dbPath, 'database'));
  }
}

/** A write refused for want of permission or space: the file itself may still be read. */
function unwritable(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_FULL') || code.startsWith('SQLITE_CANTOPEN');
}

/**
 * The database cannot be written here: the bot answers from a copy of it in the temporary folder (SQLite cannot
 * read a write-ahead-logged file from a folder it may not write to), and says that nothing new is kept.
 */
async function openWorkingCopy(dbPath: string, fault: string): Promise<Storage> {
  const { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { basename, join } = await import('node:path');
  if (!existsSync(dbPath)) throw new StartError(fault);
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-copy-'));
  const copy = join(dir, basename(dbPath));
  let storage: Storage;
  try {
    // A copy keeps the file's mode: made writable, as it is this process's own.
    for (const suffix of ['', '-wal']) {
      if (suffix && !existsSync(dbPath + suffix)) continue;
      copyFileSync(dbPath + suffix, copy + suffix);
      chmodSync(copy + suffix, 0o600);
    }
    storage = await openSqlite(copy);
  } catch {
    rmSync(dir, { recursive: true, force: true });
    throw new StartError(fault);
  }
  return {
    ...storage,
    workingCopy: `${fault} Meanwhile briefbot answers from a copy of it (${copy}); what it learns until it stops (new articles, subscriptions) is not kept.`,
    close: async () => {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
