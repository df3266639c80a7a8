// Faults of the database and the seeds folder end in a clear message naming the file and what to do, never a
// stack trace; a fault while the bot runs is logged and it keeps answering from what it has.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Briefbot } from '../src/bot.ts';
import { explainFault } from '../src/faults.ts';
import { ROOT, SEEDS, tempDir } from './helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

describe('a damaged database', () => {
  // The bot itself: test/recovery.test.ts.
  it('is set aside by the command line, which answers and says where the old file went, without a stack trace', async () => {
    const db = join(dir, 'briefbot.db');
    writeFileSync(db, 'not a database '.repeat(500));
    const run = promisify(execFile);
    const result = await run(process.execPath, [join(ROOT, 'adapters', 'cli', 'bin.mjs'), 'ask', 'what did Gor say?'], { cwd: ROOT, env: { ...process.env, BRIEFBOT_DB: db } });
    expect(result.stdout).toContain('Sergio Gor');
    expect(result.stderr).toContain(`${db} was damaged (file is not a database): it was moved to ${db}.damaged-`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a database briefbot may not write', () => {
  it('is answered from a copy, saying so and what to do', async () => {
    const { chmodSync, existsSync } = await import('node:fs');
    const db = join(dir, 'briefbot.db');
    await (await Briefbot.open({ seedsDir: SEEDS, dbPath: db })).close();
    // Root may write anything: the command then runs as the unprivileged user "nobody" instead.
    const root = process.getuid?.() === 0;
    chmodSync(dir, 0o555);
    chmodSync(db, 0o444);
    try {
      const run = promisify(execFile);
      const result = await run(process.execPath, [join(ROOT, 'adapters', 'cli', 'bin.mjs'), 'ask', 'what did Gor say?'], {
        cwd: ROOT, env: { ...process.env, BRIEFBOT_DB: db }, ...(root ? { uid: 65534, gid: 65534 } : {}),
      });
      expect(result.stdout).toContain('Sergio Gor');
      expect(result.stderr).toMatch(new RegExp(`cannot write to ${db} \\(attempt to write a readonly database\\): give briefbot write access .* Meanwhile briefbot answers from a copy of it \\(.+\\); what it learns until it stops \\(new articles, subscriptions\\) is not kept\\.`));
      const copy = /from a copy of it \((.+?)\)/.exec(result.stderr)![1]!;
      expect(existsSync(copy)).toBe(false); // removed when the command is done
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

describe('a seeds folder that cannot be read', () => {
  it('stops a first start with what to do', async () => {
    await expect(Briefbot.open({ seedsDir: join(dir, 'missing'), dbPath: ':memory:' })).rejects.toThrow(`the seeds folder ${join(dir, 'missing')} does not exist: create it, or set BRIEFBOT_SEEDS`);
  });

  it('is logged when it goes missing under a running bot, which keeps answering from its index', async () => {
    const seeds = join(dir, 'seeds');
    const { cpSync, rmSync } = await import('node:fs');
    cpSync(SEEDS, seeds, { recursive: true });
    const db = join(dir, 'briefbot.db');
    await (await Briefbot.open({ seedsDir: seeds, dbPath: db })).close();
    rmSync(seeds, { recursive: true });
    const errors: string[] = [];
    const bot = await Briefbot.open({ seedsDir: seeds, dbPath: db, logger: { debug() {}, info() {}, warn() {}, error: (m) => errors.push(m) } });
    expect((await bot.ask('what did Gor say?')).speaker).toBe('Sergio Gor');
    await bot.synced();
    expect(errors).toEqual([`could not check ${seeds} for new or changed articles: the seeds folder ${seeds} does not exist: create it, or set BRIEFBOT_SEEDS to the folder of your articles.`]);
    await bot.close();
  });
});

describe('every database fault', () => {
  it('is explained with the file and what to do', () => {
    const at = '/data/briefbot.db';
    expect(explainFault({ code: 'SQLITE_READONLY', message: 'attempt to write a readonly database' }, at, 'database')).toBe(
      'cannot write to /data/briefbot.db (attempt to write a readonly database): give briefbot write access to the file and its folder, or set BRIEFBOT_DB to a writable path.',
    );
    expect(explainFault({ code: 'SQLITE_FULL', message: 'database or disk is full' }, at, 'database')).toMatch(/^the disk holding \/data\/briefbot.db is full .*: free some space/);
    expect(explainFault({ code: 'SQLITE_CORRUPT', message: 'database disk image is malformed' }, at, 'database')).toMatch(/is not a briefbot database or is damaged \(database disk image is malformed\)\. Move it aside/);
    expect(explainFault({ code: 'EACCES', message: "EACCES: permission denied, scandir '/news'" }, '/news', 'seeds')).toMatch(/^cannot read the seeds folder \/news .*give briefbot read access/);
  });
});

describe('a file name that could disguise itself or break a line', () => {
  it('is shown quoted with its hidden characters escaped, in logs and in every list of sources', async () => {
    const { fileName } = await import('../src/present.ts');
    expect(fileName('ordinary name.txt')).toBe('ordinary name.txt');
    expect(fileName('two\nlines.txt')).toBe('"two\\nlines.txt"');
    expect(fileName('invoice\u202Etxt.exe')).toBe('"invoice\\u202etxt.exe"');
    const seeds = join(dir, 'seeds');
    const { cpSync } = await import('node:fs');
    cpSync(SEEDS, seeds, { recursive: true });
    writeFileSync(join(seeds, 'bad\nname.pdf'), '%PDF');
    const warnings: string[] = [];
    const bot = await Briefbot.open({ seedsDir: seeds, dbPath: ':memory:', logger: { debug() {}, info() {}, warn: (m) => warnings.push(m), error() {} } });
    expect(warnings).toEqual(['skipped "bad\\nname.pdf": briefbot reads .txt, .md and .html files, not .pdf']);
    const { renderSources } = await import('../adapters/console/render.ts');
    const { sources, skipped, total } = await bot.sources();
    expect(renderSources(sources, skipped, total)).toContain('- "bad\\nname.pdf": briefbot reads');
    await bot.close();
  });
});

describe('a bot killed (kill -9) while indexing', () => {
  it('loses nothing it committed, and the restart continues where it stopped', async () => {
    const { spawn } = await import('node:child_process');
    const { mkdirSync, readFileSync } = await import('node:fs');
    const { SqliteStore } = await import('../src/store/sqlite-store.ts');
    const { default: Database } = await import('better-sqlite3');
    const seeds = join(dir, 'seeds');
    mkdirSync(seeds);
    const text = readFileSync(join(SEEDS, '002_8e469fcc27185aef.txt'), 'utf8');
    for (let i = 0; i < 420; i++) writeFileSync(join(seeds, `a${String(i).padStart(4, '0')}.txt`), `${text}\nThe delegation said meeting ${i} would follow.\n`);
    const db = join(dir, 'briefbot.db');
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'fakes', 'ingest-forever.ts'), seeds, db], { cwd: ROOT, stdio: 'ignore' });
    // Killed once the first batches are committed, and long before the sync could finish.
    const committed = () => {
      try {
        const d = new Database(db, { readonly: true, fileMustExist: true });
        try {
          return d.prepare('SELECT count(*) FROM articles').pluck().get() as number;
        } finally {
          d.close();
        }
      } catch {
        return 0;
      }
    };
    while (committed() < 200) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const kept = committed();
    expect(kept).toBeGreaterThanOrEqual(200);
    expect(kept).toBeLessThan(420);

    const bot = await Briefbot.open({ seedsDir: seeds, dbPath: db });
    const report = await bot.synced();
    expect(report).toMatchObject({ updated: [], unchanged: kept });
    expect(report!.added).toHaveLength(420 - kept);
    expect((await bot.sources()).total).toBe(420);
    await bot.close();
    const store = new SqliteStore(db);
    expect((await store.fileStamps()).length).toBe(420);
    await store.close();
  }, 60_000);
});
