// The seeds folder and the database stay in step; nothing a user drops in the folder crashes the bot or loses data.
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Briefbot } from '../src/bot.ts';
import { SqliteStore } from '../src/store/sqlite-store.ts';
import { syncFolder } from '../src/sync.ts';
import { ask } from '../src/answer/answer.ts';
import { allQuotes, copySeeds, FILES, SEEDS, tempDir } from './helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

describe('bad files', () => {
  it('are skipped with a warning naming the file and the reason, and the rest still loads', async () => {
    const seeds = join(dir, 'seeds');
    copySeeds(seeds);
    writeFileSync(join(seeds, 'empty.txt'), '');
    writeFileSync(join(seeds, 'blank.md'), '   \n\n  ');
    writeFileSync(join(seeds, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    writeFileSync(join(seeds, 'latin1.txt'), Buffer.from('Caf\xe9 au lait, said the minister.', 'latin1'));
    writeFileSync(join(seeds, 'huge.txt'), 'word '.repeat(300_000));
    writeFileSync(join(seeds, 'bad-yaml.md'), '---\ntitle: [unclosed\n---\nSome text.');
    writeFileSync(join(seeds, 'nav-only.html'), '<html><body><nav><a href="/">Home</a></nav></body></html>');
    writeFileSync(join(seeds, 'chrome-only.txt'), 'Share this article:\nLeave a Comment\n');
    writeFileSync(join(seeds, 'slides.pdf'), '%PDF-1.4');
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (m: string) => warnings.push(m) };
    const bot = await Briefbot.open({ seedsDir: seeds, dbPath: ':memory:', maxArticleBytes: 1024 * 1024, logger });
    const { sources, skipped } = await bot.sources();
    expect(sources.map((s) => s.file).sort()).toEqual(Object.values(FILES).sort());
    const reasons = Object.fromEntries(skipped.map((s) => [s.file, s.reason]));
    expect(reasons).toEqual({
      'empty.txt': 'it is empty',
      'blank.md': 'it is empty (only whitespace)',
      'binary.txt': 'it looks binary (it contains NUL bytes), not text',
      'latin1.txt': 'it is not valid UTF-8 text (re-save it as UTF-8)',
      'huge.txt': 'it is 1.4 MB, over the 1.0 MB limit for one article',
      'bad-yaml.md': expect.stringMatching(/^its front matter is not valid YAML/),
      'nav-only.html': 'no article text was found in its HTML',
      'chrome-only.txt': 'no article text is left once page furniture is removed',
      'slides.pdf': 'briefbot reads .txt, .md and .html files, not .pdf',
    });
    expect(warnings).toContain('skipped latin1.txt: it is not valid UTF-8 text (re-save it as UTF-8)');
    expect((await bot.ask('what did Bessent say?')).quotes.length).toBeGreaterThan(0);
    await bot.close();
  });
});

describe('syncing the seeds folder', () => {
  it('parses nothing again on a restart over an unchanged folder', async () => {
    const db = join(dir, 'briefbot.db');
    const first = await Briefbot.open({ seedsDir: SEEDS, dbPath: db });
    const before = await first.ask('what did Gor say?');
    await first.close();

    const store = new SqliteStore(db);
    const report = await syncFolder(SEEDS, store);
    expect(report).toMatchObject({ added: [], updated: [], removed: [], unchanged: 5, skipped: [] });
    await store.close();

    const again = await Briefbot.open({ seedsDir: SEEDS, dbPath: db });
    expect(await again.ask('what did Gor say?')).toEqual(before);
    await again.close();
  });

  it('adds new files, re-parses changed ones by content hash and removes deleted ones', async () => {
    const seeds = join(dir, 'seeds');
    copySeeds(seeds);
    const store = new SqliteStore(join(dir, 'db.sqlite'));
    expect((await syncFolder(seeds, store)).added).toHaveLength(5);

    // Touched but identical: read and hashed, not parsed.
    utimesSync(join(seeds, FILES.ani), new Date(), new Date(Date.now() + 5000));
    expect(await syncFolder(seeds, store)).toMatchObject({ added: [], updated: [], unchanged: 5 });

    appendFileSync(join(seeds, FILES.ani), '\nGor later said that the invitation would be sent by the embassy.\n');
    rmSync(join(seeds, FILES.toi));
    copyFileSync(join(seeds, FILES.wire), join(seeds, 'copy.txt'));
    const report = await syncFolder(seeds, store);
    expect(report).toMatchObject({ added: ['copy.txt'], updated: [FILES.ani], removed: [FILES.toi] });
    expect((await store.sources(50)).sources.map((s) => s.file)).not.toContain(FILES.toi);
    await store.close();
  });

  it('keeps the last good version of a file that turns bad', async () => {
    const seeds = join(dir, 'seeds');
    copySeeds(seeds);
    const store = new SqliteStore(':memory:');
    await syncFolder(seeds, store);
    writeFileSync(join(seeds, FILES.ani), Buffer.from([0, 1, 2, 3]));
    const report = await syncFolder(seeds, store);
    expect(report.skipped).toEqual([{ file: FILES.ani, reason: 'it looks binary (it contains NUL bytes), not text; the previously indexed version is kept' }]);
    expect((await store.sources(50)).sources.map((s) => s.file)).toContain(FILES.ani);
    await store.close();
  });

  it('removes a quote with the only article that carried it, and keeps one another article still carries', async () => {
    const seeds = join(dir, 'seeds');
    copySeeds(seeds);
    const bot = await Briefbot.open({ seedsDir: seeds, dbPath: ':memory:' });
    rmSync(join(seeds, FILES.unattributed));
    await bot.sync();
    const gor = (await bot.ask('what did Gor say?')).quotes;
    const announce = gor.find((q) => q.text.startsWith('I am pleased to announce'));
    expect(announce!.citations.map((c) => c.file)).toEqual([FILES.ani]);
    rmSync(join(seeds, FILES.ani));
    rmSync(join(seeds, FILES.wire));
    await bot.sync();
    expect((await bot.ask('what did Gor say?')).kind).toBe('unknown-speaker');
    await bot.close();
  });
});

describe('an index kept up to date', () => {
  it('answers exactly as one built from scratch over the same files', async () => {
    const seeds = join(dir, 'seeds');
    copySeeds(seeds);
    const kept = await Briefbot.open({ seedsDir: seeds, dbPath: join(dir, 'kept.db') });
    rmSync(join(seeds, FILES.ians));
    appendFileSync(join(seeds, FILES.wire), '\nSecretary Bessent said that the next meeting would be held in Tokyo in March.\n');
    await kept.sync();
    const fresh = await Briefbot.open({ seedsDir: seeds, dbPath: ':memory:' });
    const view = async (bot: Briefbot) => ({
      speakers: (await bot.speakers()).map(({ id: _, aliases, ...s }) => ({ ...s, aliases: aliases.sort() })),
      // The same quotes; the order among equally ranked quotes (same kind, reach and date) is not specified.
      answers: await Promise.all(
        ['what did Bessent say?', 'what did Vaishnaw say?', 'what did the Treasury say?'].map(async (q) =>
          (await bot.ask(q, { limit: 50 })).quotes.map(({ id: _, ...rest }) => rest).sort((a, b) => a.text.localeCompare(b.text))),
      ),
    });
    expect(await view(kept)).toEqual(await view(fresh));
    await kept.close();
    await fresh.close();
  });
});

describe('parsing on worker threads', () => {
  it('indexes exactly what parsing on the main thread indexes', async () => {
    const inline = new SqliteStore(':memory:');
    const pooled = new SqliteStore(':memory:');
    await syncFolder(SEEDS, inline, { workers: 0 });
    const report = await syncFolder(SEEDS, pooled, { workers: 2 });
    expect(report.added).toHaveLength(5);
    const view = async (s: SqliteStore) => ({ sources: await s.sources(50), speakers: await s.speakers() });
    expect(await view(pooled)).toEqual(await view(inline));
    await inline.close();
    await pooled.close();
  });
});

describe('a database from an older briefbot', () => {
  it('has its index rebuilt from the seeds, keeping what is not index', async () => {
    const db = join(dir, 'old.db');
    const { default: Database } = await import('better-sqlite3');
    const old = new Database(db);
    old.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('schema', '1');");
    old.exec('CREATE TABLE articles (id INTEGER PRIMARY KEY, file TEXT); CREATE TABLE speakers (id INTEGER PRIMARY KEY, name TEXT);');
    old.exec('CREATE TABLE speaker_names (speaker_id INTEGER REFERENCES speakers(id)); INSERT INTO speakers VALUES (1, \'x\'); INSERT INTO speaker_names VALUES (1);');
    old.exec("CREATE TABLE keep_me (x TEXT); INSERT INTO keep_me VALUES ('state');");
    old.close();
    const bot = await Briefbot.open({ seedsDir: SEEDS, dbPath: db });
    expect((await bot.ask('what did Gor say?')).speaker).toBe('Sergio Gor');
    await bot.close();
    const after = new Database(db, { readonly: true });
    expect(after.prepare('SELECT x FROM keep_me').pluck().get()).toBe('state');
    after.close();
  });
});

/** `n` articles of the seeds' kind, each its own file with its own words. */
function manyArticles(folder: string, n: number): void {
  const text = readFileSync(join(SEEDS, FILES.ani), 'utf8');
  for (let i = 0; i < n; i++) writeFileSync(join(folder, `more-${String(i).padStart(4, '0')}.txt`), `${text}\nThe delegation said meeting ${i} would follow.\n`);
}

describe('a restart over an indexed folder', () => {
  it('is ready to answer before the folder is checked, and takes in what changed once it is', async () => {
    const seeds = join(dir, 'seeds');
    copySeeds(seeds);
    const db = join(dir, 'briefbot.db');
    await (await Briefbot.open({ seedsDir: seeds, dbPath: db })).close();
    appendFileSync(join(seeds, FILES.ani), '\nGor later said that the invitation would be sent by the embassy.\n');

    const bot = await Briefbot.open({ seedsDir: seeds, dbPath: db });
    expect(bot.lastSyncReport).toBeNull(); // open did not wait for the check
    expect((await bot.ask('what did Gor say?')).speaker).toBe('Sergio Gor');
    expect(await bot.synced()).toMatchObject({ added: [], updated: [FILES.ani], removed: [] });
    expect((await allQuotes(bot, 'what did Gor say?')).map((q) => q.text)).toContain('the invitation would be sent by the embassy');
    await bot.close();
  });

  it('builds an empty index before answering', async () => {
    const bot = await Briefbot.open({ seedsDir: SEEDS, dbPath: join(dir, 'briefbot.db') });
    expect(bot.lastSyncReport?.added).toHaveLength(5);
    await bot.close();
  });

  it('stops a check when the bot is closed, and the next start finishes it', async () => {
    const seeds = join(dir, 'seeds');
    copySeeds(seeds);
    const db = join(dir, 'briefbot.db');
    await (await Briefbot.open({ seedsDir: seeds, dbPath: db })).close();
    manyArticles(seeds, 300);
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) };
    await (await Briefbot.open({ seedsDir: seeds, dbPath: db, logger })).close();
    expect(warnings).toEqual([]);

    const again = await Briefbot.open({ seedsDir: seeds, dbPath: db });
    await again.synced();
    expect((await again.sources()).total).toBe(305);
    await again.close();
  });
});

/** A sync of `seeds` into `store`, stopped as soon as its first batch is written. */
function syncStoppedAfterFirstBatch(seeds: string, store: SqliteStore) {
  const stop = new AbortController();
  const stopping = Object.assign(Object.create(store) as SqliteStore, {
    putArticles: async (articles: Parameters<SqliteStore['putArticles']>[0]) => {
      await store.putArticles(articles);
      stop.abort();
    },
  });
  return syncFolder(seeds, stopping, { signal: stop.signal });
}

describe('a sync that is stopped', () => {
  it('keeps what it wrote, removes nothing and leaves the rest to the next sync', async () => {
    const seeds = join(dir, 'seeds');
    copySeeds(seeds);
    const store = new SqliteStore(join(dir, 'briefbot.db'));
    await syncFolder(seeds, store);
    manyArticles(seeds, 450);
    rmSync(join(seeds, FILES.toi));
    const stopped = await syncStoppedAfterFirstBatch(seeds, store);
    expect(stopped.added.length).toBeGreaterThan(0);
    expect(stopped.added.length).toBeLessThan(450);
    expect(stopped.removed).toEqual([]);
    expect(await store.articleCount()).toBe(5 + stopped.added.length);

    const rest = await syncFolder(seeds, store);
    expect(rest.added).toHaveLength(450 - stopped.added.length);
    expect(rest.removed).toEqual([FILES.toi]);
    expect(await store.articleCount()).toBe(454);
    await store.close();
  });
});

describe('links in the seeds folder', () => {
  it('follows a link to a file, and says why a link to a folder or to nothing is not read', async () => {
    const seeds = join(dir, 'seeds');
    copySeeds(seeds);
    const outside = join(dir, 'elsewhere');
    mkdirSync(outside);
    copyFileSync(join(SEEDS, FILES.ani), join(outside, 'linked.txt'));
    symlinkSync(join(outside, 'linked.txt'), join(seeds, 'linked.txt'));
    symlinkSync(outside, join(seeds, 'folder'));
    symlinkSync(join(dir, 'missing.txt'), join(seeds, 'gone.txt'));
    const store = new SqliteStore(':memory:');
    const report = await syncFolder(seeds, store);
    expect(report.added).toContain('linked.txt');
    expect(report.skipped).toEqual([
      { file: 'folder', reason: 'it is a link to a folder, which briefbot does not follow: move or copy the folder in' },
      { file: 'gone.txt', reason: 'it is a link to a file that does not exist' },
    ]);
    await store.close();
  });
});

describe('a first sync cut short (a crash, a stop)', () => {
  it('is continued by the next sync, which parses only the files it had not reached', async () => {
    const seeds = join(dir, 'seeds');
    mkdirSync(seeds);
    manyArticles(seeds, 450);
    const store = new SqliteStore(join(dir, 'briefbot.db'));
    const first = await syncStoppedAfterFirstBatch(seeds, store);
    expect(first.added.length).toBeGreaterThan(0);
    const rest = await syncFolder(seeds, store);
    expect(rest).toMatchObject({ updated: [], unchanged: first.added.length });
    expect(rest.added).toHaveLength(450 - first.added.length);
    await store.close();
  });
});

describe('two processes on one database', () => {
  it('index it one at a time: the other answers from the index as it is, and says who is indexing', async () => {
    const seeds = join(dir, 'seeds');
    copySeeds(seeds);
    const db = join(dir, 'briefbot.db');
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) };
    const bot = await Briefbot.open({ seedsDir: seeds, dbPath: db, logger });
    const other = new SqliteStore(db);
    const indexer = { id: 'another-bot', pid: process.pid, host: hostname() };
    expect(await other.claimIngest(indexer)).toBeNull();
    appendFileSync(join(seeds, FILES.ani), '\nGor later said that the invitation would be sent by the embassy.\n');
    expect(await bot.sync()).toMatchObject({ updated: [], indexedBy: { pid: process.pid } });
    expect(warnings).toEqual([`another briefbot is indexing this database (pid ${process.pid}); answering from the index as it is`]);
    expect((await bot.ask('what did Gor say?')).speaker).toBe('Sergio Gor');
    // Replicas sync on every tick: the same holder is not warned of again.
    expect(await bot.sync()).toMatchObject({ indexedBy: { pid: process.pid } });
    expect(warnings).toHaveLength(1);
    await other.releaseIngest(indexer);
    expect((await bot.sync()).updated).toEqual([FILES.ani]);
    await other.close();
    await bot.close();
  });

  it('take over the lock of a process that died while indexing', async () => {
    const db = join(dir, 'briefbot.db');
    const store = new SqliteStore(db);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    expect(await store.claimIngest({ id: 'crashed', pid: dead, host: hostname() })).toBeNull();
    const bot = await Briefbot.open({ seedsDir: SEEDS, dbPath: db });
    expect(bot.lastSyncReport?.added).toHaveLength(5);
    await bot.close();
    await store.close();
  });
});

describe('a file saved as UTF-16 (Windows "Unicode")', () => {
  it('is read like its UTF-8 twin, little- or big-endian', async () => {
    const seeds = join(dir, 'seeds');
    mkdirSync(seeds);
    const text = readFileSync(join(SEEDS, FILES.ani), 'utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    writeFileSync(join(seeds, 'le.txt'), le);
    writeFileSync(join(seeds, 'be.txt'), be);
    writeFileSync(join(seeds, 'utf8.txt'), text);
    const store = new SqliteStore(':memory:');
    const report = await syncFolder(seeds, store);
    expect(report.skipped).toEqual([]);
    const cited = (await ask(store, 'what did Gor say?', { limit: 50 })).quotes.flatMap((q) => q.citations.map((c) => c.file));
    expect(new Set(cited)).toEqual(new Set(['le.txt', 'be.txt', 'utf8.txt']));
    await store.close();
  });
});
