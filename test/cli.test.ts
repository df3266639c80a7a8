// The briefbot command, run as a user runs it: a real process, real output.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { ROOT, SEEDS, tempDir } from './helpers.ts';
import { start } from './fakes/feed-server.ts';

const run = promisify(execFile);
const BIN = join(ROOT, 'adapters', 'cli', 'bin.mjs');

async function briefbot(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return briefbotWith({}, ...args);
}

async function briefbotWith(env: Record<string, string>, ...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, BRIEFBOT_DB: '', ...env } });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('briefbot ask', () => {
  it('prints a readable answer, each quote with its speaker and source', async () => {
    const { stdout, code } = await briefbot('ask', 'what did Bessent say?', '--seeds', SEEDS);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Scott Bessent \(US Treasury Secretary\): 14 statements in 4 of the 5 indexed articles\./);
    expect(stdout).toContain('1. \u201cAt today\'s Finance Ministerial hosted by the @USTreasury');
    expect(stdout).toContain('IANS, 13 Jan 2026 [001_4e1481897fb26327.txt]');
    expect(stdout).toContain('[reported] Scott Bessent urged nations to work together quickly and take decisive action.');
  });

  it('prints exactly the answer as JSON with --json', async () => {
    const { stdout, code } = await briefbot('ask', 'what did Bessent say?', '--json', '--seeds', SEEDS, '--limit', '3');
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ question: 'what did Bessent say?', speaker: 'Scott Bessent', total: 14 });
    expect(answer.quotes).toHaveLength(3);
    expect(answer.quotes[0].citations[0]).toEqual({ file: '001_4e1481897fb26327.txt', outlet: 'IANS', title: 'India Joins US-Led Push to Secure Critical Minerals Supply Chains', date: '2026-01-13', url: null });
  });

  it('lists sources and speakers, as text or JSON', async () => {
    const sources = JSON.parse((await briefbot('sources', '--json', '--seeds', SEEDS)).stdout);
    expect(sources.sources).toHaveLength(5);
    const speakers = (await briefbot('speakers', '--seeds', SEEDS)).stdout;
    expect(speakers).toContain('- Scott Bessent, US Treasury Secretary: 14 quotes in 4 articles');
  });

  it('explains a mistake instead of failing obscurely', async () => {
    expect(await briefbot('ask')).toMatchObject({ code: 2, stderr: expect.stringContaining('ask needs a question') });
    expect(await briefbot('frobnicate')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
    expect(await briefbot('ask', 'x', '--seeds', '/nonexistent')).toMatchObject({ code: 2, stderr: expect.stringContaining('BRIEFBOT_SEEDS must be a folder') });
  });

  it('refuses a --limit or --offset that is not a whole number in range, naming the option and what it allows', async () => {
    const cases: [string, string, string][] = [
      ['--offset', '1.5', '--offset must be a whole number from 0 to 1,000,000'],
      ['--limit', '2.5', '--limit must be a whole number from 1 to 50'],
      ['--offset', '1e20', '--offset must be a whole number from 0 to 1,000,000'],
      ['--limit', '0', '--limit must be a whole number from 1 to 50'],
      ['--limit', '51', '--limit must be a whole number from 1 to 50'],
      ['--limit', 'ten', '--limit must be a whole number from 1 to 50'],
    ];
    const results = await Promise.all(cases.map(([option, value]) => briefbot('ask', 'what did Bessent say?', '--seeds', SEEDS, option, value)));
    results.forEach((r, i) => {
      const [option, value, message] = cases[i]!;
      expect(r, `${option} ${value}`).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining(message) });
      expect(r.stderr).toContain(`(got "${value}")`);
      expect(r.stderr).not.toMatch(/SqliteError|datatype mismatch|at .*\.ts:/);
    });
    // A negative number, written either way, is refused too.
    expect(await briefbot('ask', 'what did Bessent say?', '--seeds', SEEDS, '--offset=-1')).toMatchObject({ code: 2, stderr: expect.stringContaining('--offset must be a whole number') });
    expect(await briefbot('ask', 'what did Bessent say?', '--seeds', SEEDS, '--limit', '-2')).toMatchObject({ code: 2, stderr: expect.stringContaining("'--limit'") });
  }, 60_000);

  it('answers a question too long with a clear message, not a long wait', async () => {
    const question = Array.from({ length: 1_000 }, (_, i) => `word${i}`).join(' ');
    const { stdout, code } = await briefbot('ask', question, '--seeds', SEEDS);
    expect(code).toBe(0);
    expect(stdout).toBe('That question is too long: ask in at most 500 characters.\n');
  });
});

describe('briefbot sources', () => {
  it('adds a feed, fetches it at once with its progress, then answers from it and lists it with its status', async () => {
    const page = (who: string, words: string) => `<html><head><title>${who}</title></head><body><article><h1>${who} speaks</h1><p>"${words}," Treasury Secretary Scott ${who} said on Wednesday in Washington.</p><p>Markets were calm after the remarks on trade.</p></article></body></html>`;
    const server = await start({
      '/rss': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
        <item><title>One</title><link>${server.url('/a')}</link><guid>a</guid></item><item><title>Two</title><link>${server.url('/b')}</link><guid>b</guid></item></channel></rss>`),
      '/a': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(page('Bessent', 'Tariffs on our allies will not rise this winter')),
      '/b': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(page('Bessent', 'The dollar will stay strong through the next year')),
    });
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(join(dir, 'seeds'));
      const where = ['--seeds', join(dir, 'seeds'), '--db', join(dir, 'b.db')];
      const env = { BRIEFBOT_PRIVATE_HOSTS: '127.0.0.1' };
      const added = await briefbotWith(env, 'sources', 'add', server.url('/rss'), ...where);
      expect(added.code).toBe(0);
      expect(added.stderr).toContain(`Added ${server.url('/rss')}: it is fetched within a minute`);
      expect(added.stderr).toContain('read 2 of 2 new entries');
      expect(added.stdout.trim()).toBe(`${server.url('/rss')}: feed, 2 new entries indexed and answerable.`);
      const answer = await briefbotWith(env, 'ask', 'what did Bessent say?', ...where);
      expect(answer.stdout).toContain('Tariffs on our allies will not rise this winter');
      expect(answer.stdout).toContain('The dollar will stay strong through the next year');
      const listed = await briefbotWith(env, 'sources', ...where);
      expect(listed.stdout).toMatch(/^1 polled source:\n- Wire \[http:\/\/127\.0\.0\.1:\d+\/rss\]\n  feed \u00b7 2 articles \u00b7 fetched \d{4}-\d\d-\d\d \d\d:\d\d UTC: ok \u00b7 next /);
      const refused = await briefbotWith({}, 'sources', 'add', 'http://169.254.169.254/latest/meta-data/', ...where);
      expect([refused.code, refused.stdout]).toEqual([1, expect.stringMatching(/^Not added: /)]);
    } finally {
      cleanup();
      await server.close();
    }
  });
});
