// The morning briefing on schedule: right channel, right local time, exactly once, never seven at once.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Briefbot } from '../src/bot.ts';
import { silentLogger } from '../src/log.ts';
import { latestSlot } from '../src/schedule/slots.ts';
import { Scheduler } from '../src/app/scheduler.ts';
import { MemoryAdapter } from './fakes/memory-adapter.ts';
import { copySeeds, ROOT, tempDir } from './helpers.ts';

let dir: string;
let cleanup: () => void;
let seeds: string;
let clock: Date;
const bots: Briefbot[] = [];

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  seeds = join(dir, 'seeds');
  copySeeds(seeds);
});
afterEach(async () => {
  for (const b of bots.splice(0)) await b.close();
  cleanup();
});

async function open(db = join(dir, 'briefbot.db')): Promise<Briefbot> {
  const bot = await Briefbot.open({ seedsDir: seeds, dbPath: db });
  bots.push(bot);
  return bot;
}

function scheduler(bot: Briefbot, adapter: MemoryAdapter, extra: Partial<ConstructorParameters<typeof Scheduler>[2]> = {}): Scheduler {
  return new Scheduler(bot, [adapter], { logger: silentLogger, now: () => clock, ...extra });
}

const subscribe = (bot: Briefbot, channel: string, cron: string, timezone: string, postWhenEmpty = true) =>
  bot.state.subscribe({ platform: 'slack', channel, cron, timezone, postWhenEmpty, createdBy: 'U1' });

describe('due times', () => {
  it('follow each channel\'s time zone, across a daylight-saving change', () => {
    const ny = (iso: string) => latestSlot('0 8 * * 1-5', 'America/New_York', new Date(iso), 0)?.toISOString() ?? null;
    expect(ny('2026-03-06T13:00:00Z')).toBe('2026-03-06T13:00:00.000Z'); // Friday 08:00 EST
    expect(ny('2026-03-09T12:00:00Z')).toBe('2026-03-09T12:00:00.000Z'); // Monday 08:00 EDT, after the change
    expect(ny('2026-03-09T13:00:00Z')).toBeNull();
    expect(ny('2026-03-07T13:00:00Z')).toBeNull(); // Saturday
    expect(latestSlot('30 7 * * *', 'Asia/Kolkata', new Date('2026-01-13T02:00:00Z'), 0)?.toISOString()).toBe('2026-01-13T02:00:00.000Z');
  });

  it('include a missed one within the grace window, and only the latest', () => {
    const at = (iso: string, graceH: number) => latestSlot('0 8 * * *', 'UTC', new Date(iso), graceH * 3_600_000)?.toISOString() ?? null;
    expect(at('2026-01-13T09:30:00Z', 2)).toBe('2026-01-13T08:00:00.000Z');
    expect(at('2026-01-13T10:30:00Z', 2)).toBeNull();
    expect(at('2026-01-13T09:30:00Z', 24 * 7)).toBe('2026-01-13T08:00:00.000Z');
  });
});

describe('the scheduler', () => {
  it('posts to the channels that are due, each at its own local time', async () => {
    const bot = await open();
    await subscribe(bot, 'NY', '0 8 * * 1-5', 'America/New_York');
    await subscribe(bot, 'DEL', '0 8 * * *', 'Asia/Kolkata');
    const slack = new MemoryAdapter();
    const s = scheduler(bot, slack);
    clock = new Date('2026-03-09T02:30:00Z'); // 08:00 in Delhi
    await s.tick();
    clock = new Date('2026-03-09T12:00:00Z'); // 08:00 in New York (EDT)
    await s.tick();
    expect(slack.posts.map((p) => p.channel)).toEqual(['DEL', 'NY']);
    expect(slack.posts[0]!.digest.stories[0]!.headline).toMatch(/^India Joins US-Led Talks/);
  });

  it('posts a briefing once across ticks, restarts and two processes sharing the database', async () => {
    const bot = await open();
    await subscribe(bot, 'C1', '0 8 * * *', 'UTC');
    const slack = new MemoryAdapter();
    clock = new Date('2026-01-13T08:00:00Z');
    await scheduler(bot, slack).tick();
    await scheduler(bot, slack).tick(); // a second tick in the same minute
    clock = new Date('2026-01-13T08:01:00Z');
    await scheduler(await open(), slack).tick(); // a restart
    const [a, b] = [await open(), await open()]; // two processes on one database
    await Promise.all([scheduler(a, slack, { instance: 'a' }).tick(), scheduler(b, slack, { instance: 'b' }).tick()]);
    expect(slack.posts).toHaveLength(1);
    expect((await bot.state.briefings('slack', 'C1')).map((x) => x.status)).toEqual(['posted']);
  });

  it('posts a briefing missed while down once, and never a week of them', async () => {
    const bot = await open();
    await subscribe(bot, 'C1', '0 8 * * *', 'UTC');
    const slack = new MemoryAdapter();
    clock = new Date('2026-01-20T09:30:00Z'); // down for a week, back 90 minutes after today's slot
    await scheduler(bot, slack).tick();
    expect(slack.posts.map((p) => p.key)).toEqual(['slack:C1:2026-01-20T08:00:00.000Z']);
    clock = new Date('2026-01-21T11:00:00Z'); // back three hours late: outside the grace window
    await scheduler(bot, slack).tick();
    expect(slack.posts).toHaveLength(1);
  });

  it('covers what arrived since the channel\'s last briefing, and says so when nothing did', async () => {
    const bot = await open();
    await subscribe(bot, 'C1', '0 8 * * *', 'UTC');
    await subscribe(bot, 'QUIET', '0 8 * * *', 'UTC', false);
    const slack = new MemoryAdapter();
    clock = new Date('2026-01-13T08:00:00Z');
    await scheduler(bot, slack).tick();
    expect(slack.posts.map((p) => p.digest.articleCount)).toEqual([5, 5]);

    clock = new Date('2026-01-14T08:00:00Z');
    await scheduler(bot, slack).tick();
    expect(slack.posts.slice(2).map((p) => [p.channel, p.digest.text])).toEqual([['C1', expect.stringMatching(/^Nothing new since /)]]);

    writeFileSync(join(seeds, 'new.txt'), 'Envoy confirms the invitation\n\nDate 2026-01-14\n\n"The invitation to join Pax Silica will be sent in February," Sergio Gor said on Wednesday in Washington.\n');
    clock = new Date('2026-01-15T08:00:00Z');
    await scheduler(bot, slack).tick();
    const latest = slack.posts.slice(3);
    expect(latest.map((p) => p.channel).sort()).toEqual(['C1', 'QUIET']);
    for (const p of latest) expect(p.digest.stories.map((st) => st.citations.map((c) => c.file))).toEqual([['new.txt']]);
  });

  it('retries a failed post with growing waits, and posts it once it goes through', async () => {
    const bot = await open();
    await subscribe(bot, 'C1', '0 8 * * *', 'UTC');
    const slack = new MemoryAdapter();
    slack.failures = [new Error('HTTP 503'), new Error('ratelimited')];
    const at = (iso: string) => { clock = new Date(iso); return scheduler(bot, slack).tick(); };
    expect((await at('2026-01-13T08:00:00Z'))[0]).toMatchObject({ result: 'failed', error: 'HTTP 503' });
    expect((await at('2026-01-13T08:00:30Z'))[0]!.result).toBe('not-mine'); // waits a minute first
    expect((await at('2026-01-13T08:01:00Z'))[0]).toMatchObject({ result: 'failed', error: 'ratelimited' });
    expect((await at('2026-01-13T08:02:00Z'))[0]!.result).toBe('not-mine'); // then two
    expect((await at('2026-01-13T08:03:00Z'))[0]!.result).toBe('posted');
    expect((await at('2026-01-13T08:04:00Z'))[0]!.result).toBe('not-mine');
    expect(slack.posts).toHaveLength(1);
  });
});

describe('a crash between claim and post', () => {
  it('leaves the database whole, and the briefing is posted once when the bot comes back', async () => {
    const db = join(dir, 'crash.db');
    const bot = await open(db);
    await subscribe(bot, 'C1', '0 8 * * *', 'UTC');
    await bot.close();
    bots.length = 0;
    // A bot process that claims the briefing and is killed before it can post.
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'fakes', 'crash-mid-post.ts'), seeds, db], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => { if (d.toString().includes('claimed')) resolve(); }));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));

    const back = await open(db);
    expect((await back.state.briefings('slack', 'C1')).map((b) => b.status)).toEqual(['claimed']);
    const slack = new MemoryAdapter();
    clock = new Date('2026-01-13T08:00:30Z');
    expect((await scheduler(back, slack).tick())[0]!.result).toBe('not-mine'); // the claim is fresh: maybe it is still posting
    clock = new Date('2026-01-13T08:02:00Z');
    expect((await scheduler(back, slack).tick())[0]!.result).toBe('posted');
    await scheduler(back, slack).tick();
    expect(slack.posts).toHaveLength(1);
  });
});

describe('with an LLM configured', () => {
  it('leads each briefing with a grounded summary, one model call for ten channels', async () => {
    const { startFakeOpenAI, reply } = await import('./fakes/openai.ts');
    const openai = await startFakeOpenAI();
    try {
      openai.always(reply.json({ lead: [{ sentence: 'Finance ministers met in Washington on critical minerals, and India is to be invited to join Pax Silica.', ids: ['s1'] }] }));
      const bot = await Briefbot.open({ seedsDir: seeds, dbPath: ':memory:', llm: { apiKey: 'sk-test', baseURL: openai.url, model: 'test-model', timeoutMs: 3000, maxRetries: 1 } });
      bots.push(bot);
      for (let i = 0; i < 10; i++) await subscribe(bot, `C${i}`, '0 8 * * *', 'UTC');
      const slack = new MemoryAdapter();
      clock = new Date('2026-01-13T08:00:00Z');
      await scheduler(bot, slack).tick();
      expect(slack.posts).toHaveLength(10);
      expect(openai.requests).toHaveLength(1);
      for (const p of slack.posts) {
        expect(p.digest.text).toMatch(/^Summary, AI-written from the stories below \(the quotes are the record\):\nFinance ministers met in Washington/);
        expect(p.digest.stories[0]!.quotes[0]!.text).toMatch(/^At today's Finance Ministerial/); // quotes still from the articles
      }
    } finally {
      await openai.close();
    }
  });
});
