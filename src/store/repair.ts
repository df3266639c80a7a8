// A damaged SQLite file is never fatal and never deleted: it is moved aside whole, a fresh file takes its place
// holding what could still be read of the state the articles cannot rebuild (subscriptions, briefing records,
// paging, handled events, the LLM cache), and the index is rebuilt from the articles by the next sync.
//
// Damage is found two ways: opening fails (SQLITE_NOTADB, SQLITE_CORRUPT), or `PRAGMA quick_check` — run when the
// last process to use the file did not close it (a crash, kill -9, power loss) — reports a fault. quick_check reads
// every page (seconds at 10,000 articles, most of a minute at 100,000), so it runs on a worker thread while the bot
// answers from the file as it is.
import Database from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { processAlive } from './sqlite-store.ts';

/** The tables of state, in the order they are carried over (the migrations' own record is made afresh). */
const STATE_TABLES = [
  'subscriptions', 'briefings', 'pages', 'handled_events', 'llm_cache',
  // A source before what refers to it (its entries, its documents): ids are carried as they are.
  'sources', 'source_entries', 'documents', 'watches', 'alerts', 'alert_cursors',
] as const;

/** What became of a damaged database. */
export interface Repair {
  /** Why it was set aside: the driver's message or quick_check's first finding. */
  reason: string;
  /** Where the damaged file now is (with its -wal and -shm beside it). */
  backup: string;
  /** Rows of state carried into the fresh file, by table. */
  kept: Record<string, number>;
  /** State tables that could not be read (wholly or partly) from the damaged file. */
  unreadable: string[];
}

/** Whether an error says the file is damaged or not a database at all (as opposed to locked, read-only, full). */
export function isDamage(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB');
}

/** Moves the database and its -wal and -shm files aside under one new name; returns that name. */
export function setAside(path: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let backup = `${path}.damaged-${stamp}`;
  for (let n = 2; existsSync(backup); n++) backup = `${path}.damaged-${stamp}-${n}`;
  // The log first: were the main file moved and the log not, a fresh file would adopt the old log.
  for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, backup + suffix);
  renameSync(path, backup);
  return backup;
}

/**
 * Copies what can be read of the state tables of the damaged file `backup` into `fresh` (already migrated). Columns
 * are matched by name; a table read partly keeps the rows read before the fault. Never throws for the damaged file.
 */
export function salvageState(backup: string, fresh: Database.Database): { kept: Record<string, number>; unreadable: string[] } {
  const kept: Record<string, number> = {};
  const unreadable: string[] = [];
  let old: Database.Database;
  try {
    old = new Database(backup, { readonly: true, fileMustExist: true });
  } catch {
    return { kept, unreadable: [...STATE_TABLES] };
  }
  try {
    for (const table of STATE_TABLES) {
      let n = 0;
      try {
        const theirs = new Set((old.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
        const columns = (fresh.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name).filter((c) => theirs.has(c));
        if (!columns.length) continue; // not in the old file: nothing to carry
        const list = columns.map((c) => `"${c}"`).join(', ');
        const insert = fresh.prepare(`INSERT OR IGNORE INTO ${table} (${list}) VALUES (${columns.map(() => '?').join(', ')})`);
        const rows = old.prepare(`SELECT ${list} FROM ${table}`).raw();
        fresh.transaction(() => {
          try {
            for (const row of rows.iterate() as IterableIterator<unknown[]>) n += insert.run(...row).changes;
          } catch {
            unreadable.push(table); // the rows read before the fault are kept
          }
        })();
      } catch {
        unreadable.push(table);
      }
      if (n) kept[table] = n;
    }
  } finally {
    old.close();
  }
  return { kept, unreadable };
}

/**
 * Runs SQLite's quick_check over the file on a worker thread with its own read-only connection; resolves to null
 * when the file is sound, else to its first findings. A check that cannot run at all reports why.
 */
export function quickCheck(path: string): Promise<string | null> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.driver);
    let found;
    try {
      const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
      try { found = db.pragma('quick_check(5)', { simple: false }).map((r) => r.quick_check); } finally { db.close(); }
    } catch (err) { found = [err.message]; }
    parentPort.postMessage(found.length === 1 && found[0] === 'ok' ? null : found.join('; '));`;
  return new Promise((resolve) => {
    const worker = new Worker(code, { eval: true, workerData: { driver, path } });
    worker.once('message', (m: string | null) => resolve(m));
    worker.once('error', (err) => resolve(`the check could not run (${err.message})`));
    worker.once('exit', () => resolve('the check stopped before it finished'));
  });
}

/**
 * Records this process as having the file open (a row in `meta`, removed by `close`), and reports whether a process
 * on this host that had it open is gone without closing it — a run that did not close cleanly.
 */
export function markOpen(db: Database.Database): { unclean: boolean; close(): void } {
  const key = `open:${randomUUID()}`;
  const host = hostname();
  const gone = (db.prepare("SELECT key, value FROM meta WHERE key LIKE 'open:%'").all() as { key: string; value: string }[])
    .filter((r) => {
      const run = JSON.parse(r.value) as { pid: number; host: string };
      return run.host === host && !processAlive(run.pid);
    });
  db.transaction(() => {
    for (const r of gone) db.prepare('DELETE FROM meta WHERE key = ?').run(r.key);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, JSON.stringify({ pid: process.pid, host, at: Date.now() }));
  }).immediate();
  return {
    unclean: gone.length > 0,
    close: () => {
      if (db.open) db.prepare('DELETE FROM meta WHERE key = ?').run(key);
    },
  };
}
