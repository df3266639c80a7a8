// A damaged database never stops the bot and never loses what the articles cannot rebuild: the file is moved aside
// whole, a fresh one takes its place with the state that could be read (subscriptions, briefing records, …), the
// index is rebuilt from the articles, and the log says where the old file went. Damage is found when the file will
// not open, when a question or sync meets it, or by SQLite's quick_check after a run that did not close cleanly.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Briefbot } from '../src/bot.ts';
import { REBUILDING, Unavailable } from '../src/faults.ts';
import { markOpen, quickCheck } from '../src/store/repair.ts';
import { SEEDS, tempDir } from './helpers.ts';

let dir: string;
let db: string;
let cleanup: () => void;
let log: { warn: string[]; error: string[] };
const logger = () => ({ debug() {}, info() {}, warn: (m: string) => log.warn.push(m), error: (m: string) => log.error.push(m) });
beforeEach(() => {
  ({ dir, cleanup } = tempDir('briefbot-recovery-'));
  db = join(dir, 'briefbot.db');
  log = { warn: [], error: [] };
});
afterEach(() => cleanup());

/** An indexed database with a subscription and a handled event, closed cleanly. */
async function built(): Promise<void> {
  const bot = await Briefbot.open({ seedsDir: SEEDS, dbPath: db });
  await bot.state.subscribe({ platform: 'slack', channel: 'C1', cron: '0 8 * * 1-5', timezone: 'UTC', postWhenEmpty: false, createdBy: 'U1' });
  await bot.state.claimEvent('slack:Ev1');
  await bot.close();
}

/** Overwrites the first page of a table with garbage, as a failing disk might. */
function damageTable(table: string): void {
  const d = new Database(db);
  const pageSize = d.pragma('page_size', { simple: true }) as number;
  const root = d.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(table) as number;
  d.close();
  const fd = openSync(db, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
  closeSync(fd);
}

/** Leaves the mark of a process that had the file open and died without closing it. */
function crashedRun(): void {
  const dead = spawnSync(process.execPath, ['-e', '']).pid!;
  const d = new Database(db);
  d.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('open:crashed', JSON.stringify({ pid: dead, host: hostname(), at: Date.now() }));
  d.close();
}

const backups = () => readdirSync(dir).filter((f) => /^briefbot\.db\.damaged-\d{8}T\d{6}Z$/.test(f));

describe('a file that is not a database', () => {
  it('is moved aside, and the bot starts afresh and answers', async () => {
    const note = 'this is not a database, it is a note '.repeat(200);
    writeFileSync(db, note);
    const bot = await Briefbot.open({ seedsDir: SEEDS, dbPath: db, logger: logger() });
    expect((await bot.ask('what did Gor say?')).speaker).toBe('Sergio Gor');
    await bot.close();
    expect(backups()).toHaveLength(1);
    expect(readFileSync(join(dir, backups()[0]!), 'utf8')).toBe(note); // never deleted
    expect(log.warn).toEqual([
      `${db} was damaged (file is not a database): it was moved to ${join(dir, backups()[0]!)} and a fresh database started; the index is rebuilt from the articles. Kept from the old file: nothing; could not read all of: subscriptions, briefings, pages, handled_events, llm_cache, sources, source_entries, documents, watches, alerts, alert_cursors.`,
    ]);
  });
});

describe('damage found by a question', () => {
  it('is told to the person asking; the index is rebuilt and the subscriptions kept', async () => {
    await built();
    damageTable('quotes');
    const bot = await Briefbot.open({ seedsDir: SEEDS, dbPath: db, logger: logger() });
    const asking = bot.ask('what did Gor say?');
    await expect(asking).rejects.toBeInstanceOf(Unavailable);
    await expect(asking).rejects.toThrow(REBUILDING);
    await bot.synced();
    expect((await bot.ask('what did Gor say?')).speaker).toBe('Sergio Gor');
    expect((await bot.state.subscriptions()).map((s) => s.channel)).toEqual(['C1']);
    expect(await bot.state.claimEvent('slack:Ev1')).toBe(false); // still remembered: a redelivery is not answered twice
    await bot.close();
    expect(backups()).toHaveLength(1);
    expect(log.error[0]).toBe(`${db} is damaged (database disk image is malformed): replacing it and rebuilding the index from the articles`);
    expect(log.warn.at(-1)).toMatch(/Kept from the old file: 1 subscription, 1 handled event\.$/);
  });
});

describe('after a run that did not close cleanly', () => {
  it('checks every page meanwhile, and replaces a damaged file keeping what state it can read', async () => {
    await built();
    damageTable('handled_events'); // nothing at start-up reads it: only the check finds it
    crashedRun();
    const bot = await Briefbot.open({ seedsDir: SEEDS, dbPath: db, logger: logger() });
    await bot.synced();
    expect(backups()).toHaveLength(1);
    expect(log.warn.at(-1)).toMatch(/^.* was damaged \(.+\): it was moved to .*\. Kept from the old file: 1 subscription; could not read all of: handled_events\.$/);
    expect((await bot.ask('what did Gor say?')).speaker).toBe('Sergio Gor');
    expect((await bot.state.subscriptions()).map((s) => s.channel)).toEqual(['C1']);
    await bot.close();
  });

  it('leaves a sound file as it is', async () => {
    await built();
    crashedRun();
    const bot = await Briefbot.open({ seedsDir: SEEDS, dbPath: db, logger: logger() });
    await bot.synced();
    await bot.close();
    expect(backups()).toEqual([]);
    expect(log.warn).toEqual([]);
  });
});

describe('the marks of open runs', () => {
  it('tell a run that closed from one that did not', async () => {
    await built();
    const d = new Database(db);
    const first = markOpen(d);
    expect(first.unclean).toBe(false);
    first.close();
    expect(markOpen(d).unclean).toBe(false); // left open by this live process: not a crash
    d.close();
    crashedRun();
    const e = new Database(db);
    expect(markOpen(e).unclean).toBe(true);
    expect(markOpen(e).unclean).toBe(false); // the dead run's mark is cleared once seen
    e.close();
  });

  it('are checked page by page off the main thread', async () => {
    await built();
    expect(await quickCheck(db)).toBeNull();
    damageTable('citations');
    expect(await quickCheck(db)).toMatch(/./);
    expect(await quickCheck(join(dir, 'missing.db'))).toMatch(/unable to open|does not exist|missing/i);
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);
  });
});
