// The console adapter: the bot in a terminal, no tokens needed.
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefbot } from '../src/bot.ts';
import { runConsole } from '../adapters/console/console.ts';
import { openSeeds, ROOT } from './helpers.ts';

let bot: Briefbot;
beforeAll(async () => { bot = await openSeeds(); });
afterAll(() => bot.close());

/** Types the lines, ends input, and returns everything the console printed. */
async function session(...lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d) => (printed += d));
  const done = runConsole(bot, { input, output });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await done;
  return printed;
}

describe('the console', () => {
  it('says what it indexed and suggests a first question', async () => {
    const out = await session();
    expect(out).toMatch(/^briefbot: 5 articles indexed, 39 quotes from 5 speakers\.\nTry: what did Vaishnaw say\?/);
  });

  it('answers questions and takes the same commands as Slack', async () => {
    const out = await session('what did Gor say?', 'help', 'sources', 'speakers');
    expect(out).toContain('Sergio Gor (US Ambassador-designate to India): 5 statements in 3 of the 5 indexed articles.');
    expect(out).toContain('who said "prudent derisking over decoupling"?');
    expect(out).toContain('5 indexed articles:');
    expect(out).toContain('6 reader comments (not indexed as statements)');
    expect(out).toContain('- Sergio Gor, US Ambassador-designate to India: 5 quotes in 3 articles');
  });

  it('pages with "more" and says when there is nothing more', async () => {
    const out = await session('what did Vaishnaw say?', 'more', 'more');
    expect(out).toContain('Quotes 1–10 of 17. Type "more" for the next quotes.');
    expect(out).toMatch(/\n11\. /);
    expect(out).toContain('There are no more quotes for that question.');
  });

  it('keeps article text from driving the terminal', async () => {
    const { terminalSafe } = await import('../adapters/console/render.ts');
    expect(terminalSafe('a\u001b[2Jb\u0007c')).toBe('abc');
  });
});

describe('npm start with no tokens', () => {
  function start(): { child: ReturnType<typeof spawn>; output: Promise<{ out: string; code: number | null }> } {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'adapters', 'start.ts')], {
      cwd: ROOT,
      env: { ...process.env, BRIEFBOT_DB: ':memory:', SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    const output = new Promise<{ out: string; code: number | null }>((resolve) => child.on('close', (code) => resolve({ out, code })));
    return { child, output };
  }

  it('opens the console over the bundled seeds and exits cleanly at end of input', async () => {
    const { child, output } = start();
    child.stdin!.end('what did Bessent say?\n');
    const { out, code } = await output;
    expect(code).toBe(0);
    expect(out).toContain('briefbot: 5 articles indexed');
    expect(out).toContain('Scott Bessent (US Treasury Secretary)');
  });

  it('exits cleanly on Ctrl-C', async () => {
    const { child, output } = start();
    child.stdout!.once('data', () => child.kill('SIGINT'));
    const { code } = await output;
    expect(code).toBe(0);
  });
});
