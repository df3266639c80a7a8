// npm start under a service manager: JSON logs on stderr, the operations endpoints on BRIEFBOT_HTTP_PORT, and
// SIGTERM while an answer is in flight: readiness turns 503 at once, the answer is finished and delivered, exit 0.
// The answer is kept in flight by its LLM summary, which a loopback OpenAI holds back for a while.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reply, startFakeOpenAI, type FakeOpenAI } from './fakes/openai.ts';
import { ROOT } from './helpers.ts';

let fake: FakeOpenAI;
beforeEach(async () => { fake = await startFakeOpenAI(); });
afterEach(() => fake.close());

/** npm start with no chat tokens (the console), its logs as parsed JSON lines. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'adapters', 'start.ts')], {
    cwd: ROOT,
    env: { ...process.env, BRIEFBOT_DB: ':memory:', SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '', LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const logs = () => err.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { level: string; msg: string });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, logs, exited };
}

const readyz = async (port: number) => {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`);
  return { status: res.status, body: await res.json() };
};

describe('npm start, stopped by SIGTERM', () => {
  it('turns not ready, finishes the answer in flight and exits 0', async () => {
    fake.next(reply.delayed(2000, reply.json({ summary: [{ sentence: 'Bessent spoke about critical minerals.', ids: ['q1'] }] })));
    const bot = start({ BRIEFBOT_HTTP_PORT: '0', BRIEFBOT_HTTP_HOST: '127.0.0.1', OPENAI_API_KEY: 'test', OPENAI_BASE_URL: fake.url, OPENAI_TIMEOUT_MS: '10000' });
    let port = 0;
    await expect.poll(() => {
      const m = bot.logs().map((l) => /^operations endpoints on http:\/\/127\.0\.0\.1:(\d+)/.exec(l.msg)).find(Boolean);
      port = m ? Number(m[1]) : 0;
      return port;
    }, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await readyz(port)).status, { timeout: 15_000 }).toBe(200);

    bot.child.stdin!.write('what did Bessent say?\n');
    // The answer is out; its summary is being written: the event is still being handled.
    await expect.poll(() => fake.requests.length, { timeout: 10_000 }).toBe(1);
    expect(bot.out()).toContain('Scott Bessent (US Treasury Secretary)');
    bot.child.kill('SIGTERM');
    await expect.poll(() => readyz(port)).toEqual({ status: 503, body: { ready: false, reason: 'shutting down' } });

    expect(await bot.exited).toBe(0);
    expect(bot.out()).toContain('Summary, AI-written from the quotes below');
    expect(bot.out()).toContain('Bessent spoke about critical minerals.');
    const messages = bot.logs().map((l) => l.msg);
    expect(messages).toContain('shutting down: finishing 1 answer(s) in flight (waiting up to 10 s)');
    expect(messages.at(-1)).toBe('shut down');
    expect(bot.err()).not.toContain('[briefbot]'); // every line JSON: stderr is not a terminal
  });

  it('exits 0 at once when idle, and stops serving the endpoints', async () => {
    const bot = start({ BRIEFBOT_HTTP_PORT: '0', BRIEFBOT_HTTP_HOST: '127.0.0.1' });
    let port = 0;
    await expect.poll(() => {
      const m = bot.logs().map((l) => /:(\d+) \(\/healthz/.exec(l.msg)).find(Boolean);
      port = m ? Number(m[1]) : 0;
      return port;
    }, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await readyz(port)).status, { timeout: 15_000 }).toBe(200);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('refuses a bad setting with its name', async () => {
    const bot = start({ BRIEFBOT_HTTP_PORT: 'eighty' });
    expect(await bot.exited).toBe(1);
    expect(bot.err()).toContain('briefbot cannot start: BRIEFBOT_HTTP_PORT is invalid');
  });
});
