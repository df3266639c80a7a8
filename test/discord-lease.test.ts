// Several replicas share one database; Discord allows one gateway connection, so only the replica holding the
// gateway lease connects. Real discord.js clients against the loopback Discord (test/fakes/discord.ts), replicas as
// Briefbots over one SQLite file, and (for a replica that dies) a second Node process killed with SIGKILL.
// Leases last a fraction of a second here (LEASE below) instead of 45 s.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Briefbot } from '../src/bot.ts';
import { createLogger } from '../src/log.ts';
import { DiscordAdapter } from '../adapters/discord/discord.ts';
import { GATEWAY_LEASE, type LeaseTiming } from '../adapters/discord/gateway-lease.ts';
import { Scheduler } from '../src/app/scheduler.ts';
import { silentLogger } from '../src/log.ts';
import { BOT_ID, CHANNEL_ID, USER_ID, startFakeDiscord, type FakeDiscord } from './fakes/discord.ts';
import { ROOT, SEEDS, tempDir } from './helpers.ts';

const LEASE: LeaseTiming = { ttlMs: 400, renewMs: 100 };
/** Timers fire late on a busy machine: added to every bound on when something happens. */
const SLACK_MS = 250;
const MESSAGES = `/channels/${CHANNEL_ID}/messages`;
const SCHEDULE = { cron: '0 8 * * 1-5', timezone: 'UTC' };

interface Replica {
  bot: Briefbot;
  adapter: DiscordAdapter;
  log: { at: number; line: string }[];
}

let scratch: ReturnType<typeof tempDir>;
let template: string;
let dbPath: string;
let fake: FakeDiscord;
let replicas: Replica[];
let child: ChildProcess | undefined;

beforeAll(async () => {
  scratch = tempDir('briefbot-lease-');
  template = join(scratch.dir, 'template.db');
  await (await Briefbot.open({ seedsDir: SEEDS, dbPath: template })).close(); // the index, built once
});
afterAll(() => scratch.cleanup());

beforeEach(async () => {
  dbPath = join(scratch.dir, `${Date.now()}-${Math.random().toString(36).slice(2)}.db`);
  copyFileSync(template, dbPath);
  fake = await startFakeDiscord();
  replicas = [];
});

afterEach(async () => {
  child?.kill('SIGKILL');
  child = undefined;
  for (const r of replicas) await r.adapter.stop();
  for (const r of replicas) await r.bot.close();
  await fake.close();
});

/** A replica: its own Briefbot over the shared database file, its own Discord adapter; not started. */
async function replica(lease: LeaseTiming = LEASE): Promise<Replica> {
  const log: Replica['log'] = [];
  const bot = await Briefbot.open({ seedsDir: SEEDS, dbPath });
  const logger = createLogger('debug', (line) => log.push({ at: Date.now(), line }));
  const config = { token: 'fake-token', applicationId: null, guildId: null, apiUrl: fake.restUrl };
  const r = { bot, adapter: new DiscordAdapter(bot, { config, schedule: SCHEDULE, logger, rest: { offset: 0 }, lease }), log };
  replicas.push(r);
  return r;
}

/** Gateway sessions opened at the fake (Identify frames), with when. */
const identifies = () => fake.gatewayReceived.filter((f) => f.op === 2);
/** True while any client holds an identified gateway connection (the fake refuses to dispatch to none). */
function gatewayOpen(): boolean {
  try {
    fake.dispatch('BRIEFBOT_PROBE', {}); // a dispatch discord.js does not know: ignored by the client
    return true;
  } catch {
    return false;
  }
}
const logged = (r: Replica, text: string) => r.log.find((l) => l.line.includes(text));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks the bot by mention; resolves with every answer posted once the first has been and a moment has passed. */
async function mention(question: string): Promise<unknown[]> {
  const asked = fake.messageCreate({ content: `<@${BOT_ID}> ${question}` });
  const isAnswer = (r: (typeof fake.requests)[number]) => r.method === 'POST' && r.path === MESSAGES && r.status === 200 && r.body.message_reference?.message_id === asked.id;
  await fake.waitForRequest(isAnswer);
  await sleep(150); // a second replica answering would have posted by now
  return fake.requests.filter(isAnswer);
}

describe('the Discord gateway among replicas', () => {
  it('is opened by one replica only; the others stand by, and a mention is answered once', async () => {
    const [a, b] = [await replica(), await replica()];
    await Promise.all([a.adapter.start(), b.adapter.start()]);
    const [holder, standby] = a.adapter.client.isReady() ? [a, b] : [b, a];
    expect(holder.adapter.client.isReady()).toBe(true);
    expect(standby.adapter.client.isReady()).toBe(false);
    expect(logged(standby, 'Discord: another replica holds the gateway; standing by')).toBeDefined();

    await sleep(2 * LEASE.ttlMs); // two lease lengths: the holder renews, the standby keeps trying and is refused
    expect(identifies()).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path === '/gateway/bot')).toHaveLength(1);
    expect(await mention('what did Gor say?')).toHaveLength(1);
  });

  it('is handed over at once when the holder stops (a rolling deploy), without waiting for its lease to lapse', async () => {
    const slow: LeaseTiming = { ttlMs: 5000, renewMs: 100 };
    const a = await replica(slow);
    await a.adapter.start();
    const b = await replica(slow);
    await b.adapter.start();
    expect(b.adapter.client.isReady()).toBe(false);

    const stopped = Date.now();
    await a.adapter.stop();
    expect(gatewayOpen()).toBe(false); // disconnected before giving the lease up
    await fake.waitFor(() => identifies().length === 2);
    expect(identifies()[1]!.at - stopped).toBeLessThan(slow.ttlMs / 2);
    await fake.waitFor(() => b.adapter.client.isReady());
    expect(await mention('what did Bessent say?')).toHaveLength(1);
  });

  it('is taken over within a lease and a renewal interval when the holder dies without giving the lease up', async () => {
    // The holder is another Node process over the same database file, killed outright: nothing runs on its way out.
    const script = `
      const { Briefbot } = await import('./src/bot.ts');
      const { createLogger } = await import('./src/log.ts');
      const { DiscordAdapter } = await import('./adapters/discord/discord.ts');
      const o = JSON.parse(process.env.REPLICA);
      const bot = await Briefbot.open({ seedsDir: o.seeds, dbPath: o.db });
      const config = { token: 'fake-token', applicationId: null, guildId: null, apiUrl: o.api };
      await new DiscordAdapter(bot, { config, schedule: o.schedule, logger: createLogger('info'), rest: { offset: 0 }, lease: o.lease }).start();
      process.stdout.write('connected\\n');`;
    const env = { ...process.env, REPLICA: JSON.stringify({ seeds: SEEDS, db: dbPath, api: fake.restUrl, schedule: SCHEDULE, lease: LEASE }) };
    const dead = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = dead;
    let output = '';
    dead.stdout!.on('data', (d) => (output += d));
    dead.stderr!.on('data', (d) => (output += d));
    await fake.waitFor(() => output.includes('connected\n'), 20_000).catch(() => Promise.reject(new Error(`the replica did not connect:\n${output}`)));

    const b = await replica();
    await b.adapter.start();
    expect(logged(b, 'another replica holds the gateway; standing by')).toBeDefined();

    dead.kill('SIGKILL');
    const killed = Date.now();
    await fake.waitFor(() => identifies().length === 2, 5000);
    const takeover = logged(b, 'the gateway lease was free')!;
    expect(takeover.at - killed).toBeLessThanOrEqual(LEASE.ttlMs + LEASE.renewMs + SLACK_MS);
    await fake.waitFor(() => b.adapter.client.isReady());
    expect(await mention('what did Gor say?')).toHaveLength(1);
  });

  it('is left by a holder whose renewal is refused (another replica took over while it was paused)', async () => {
    const a = await replica();
    await a.adapter.start();
    const b = await replica();
    await b.adapter.start();
    // As if a's lease had lapsed while it was paused, and someone else took it meanwhile.
    await b.bot.state.releaseLease(GATEWAY_LEASE, a.adapter.holder);
    expect(await b.bot.state.lease(GATEWAY_LEASE, 'replica-that-took-over', 60_000)).toBe(true);

    await fake.waitFor(() => !gatewayOpen(), LEASE.renewMs + SLACK_MS);
    expect(a.adapter.client.isReady()).toBe(false);
    expect(logged(a, 'another replica took over the gateway')?.line).toMatch(/disconnecting and standing by$/);
    expect(b.adapter.client.isReady()).toBe(false); // the lease is someone else's: b stands by too

    await b.bot.state.releaseLease(GATEWAY_LEASE, 'replica-that-took-over');
    await fake.waitFor(() => a.adapter.client.isReady() || b.adapter.client.isReady());
    expect(identifies()).toHaveLength(2);
    expect(await mention('what did Gor say?')).toHaveLength(1);
  });

  it('is left by a holder cut off from the database before its lease runs out, then taken over', async () => {
    const a = await replica();
    await a.adapter.start();
    const b = await replica();
    await b.adapter.start();
    a.bot.state.lease = () => Promise.reject(new Error('connection to the database lost'));

    await fake.waitFor(() => identifies().length === 2, LEASE.ttlMs + LEASE.renewMs + 3000);
    const left = logged(a, 'could not renew the gateway lease before it ran out')!;
    expect(left.line).toMatch(/disconnecting and standing by$/);
    expect(left.at).toBeLessThanOrEqual(identifies()[1]!.at); // never two connections at once
    expect(logged(a, 'could not renew the gateway lease: connection to the database lost')).toBeDefined();
    await fake.waitFor(() => b.adapter.client.isReady());
    expect(a.adapter.client.isReady()).toBe(false);
    expect(await mention('what did Gor say?')).toHaveLength(1);
  });

  it('is not needed to post briefings: a standby replica posts them over REST, once per slot among replicas', async () => {
    const a = await replica();
    await a.adapter.start();
    const b = await replica();
    await b.adapter.start();
    expect(b.adapter.client.isReady()).toBe(false);
    await b.bot.state.subscribe({ platform: 'discord', channel: CHANNEL_ID, cron: '0 8 * * *', timezone: 'UTC', postWhenEmpty: true, createdBy: USER_ID });

    const at = () => new Date('2026-01-13T08:00:00Z');
    const [byStandby] = await new Scheduler(b.bot, [b.adapter], { logger: silentLogger, now: at }).tick();
    const [byHolder] = await new Scheduler(a.bot, [a.adapter], { logger: silentLogger, now: at }).tick();
    expect(byStandby).toMatchObject({ result: 'posted' });
    expect(byHolder).toMatchObject({ result: 'not-mine' });
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === MESSAGES);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(posts[0]!.body.embeds[0].title).toBe('India Joins US-Led Talks on Critical Minerals as Secretary Bessent Pushes Supply Chain Security');
    expect(identifies()).toHaveLength(1); // posting opened no second gateway connection
  });
});
