// What operations get: structured logs with a request id, Prometheus metrics, /healthz, /readyz and /metrics over
// real sockets on 127.0.0.1, and the pieces of a graceful shutdown (no new work, the work in flight finished).
import { hostname } from 'node:os';
import { join } from 'node:path';
import { mkdirSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Briefbot } from '../src/bot.ts';
import { Conversation, type Reply } from '../src/app/conversation.ts';
import type { Inbound, ReplyPort } from '../src/app/ports.ts';
import { AnswerQueue } from '../src/app/queue.ts';
import { Scheduler } from '../src/app/scheduler.ts';
import { opsRoutes, serveOps, type OpsServer } from '../src/app/health.ts';
import { createMetrics, type Metrics } from '../src/metrics.ts';
import { createLogger, logFormat, silentLogger, withContext, type Logger } from '../src/log.ts';
import { DEFAULT_SCHEDULE } from '../src/schedule/subscription.ts';
import { SlackAdapter } from '../adapters/slack/slack.ts';
import { MemoryAdapter } from './fakes/memory-adapter.ts';
import { postSigned, slashCommandBody, startFakeSlack } from './fakes/slack.ts';
import { copySeeds, openSeeds, SEEDS, tempDir } from './helpers.ts';

let dir: string;
let cleanup: () => void;
const bots: Briefbot[] = [];
const servers: OpsServer[] = [];
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const b of bots.splice(0)) await b.close();
  cleanup();
});

async function open(seedsDir = SEEDS, dbPath = ':memory:'): Promise<Briefbot> {
  const bot = await Briefbot.open({ seedsDir, dbPath });
  bots.push(bot);
  return bot;
}

/** A bot counting into a fresh registry (without process metrics, which are tested once, over HTTP). */
async function instrumented(): Promise<{ bot: Briefbot; metrics: Metrics }> {
  const bot = await open();
  const metrics = createMetrics({ processMetrics: false });
  bot.instrument(metrics);
  return { bot, metrics };
}

/** A port that records the replies; `hold` makes send wait until released. */
function recorder(hold?: Promise<void>) {
  const replies: Reply[] = [];
  const port: ReplyPort<number> = {
    send: async (r) => {
      await hold;
      return replies.push(r);
    },
    edit: async () => {},
  };
  return { replies, port };
}

const event = (input: Inbound['input'], more: Partial<Inbound> = {}): Inbound => ({ platform: 'memory', channel: 'C1', user: 'U1', input, ...more });

/** The value of one series in Prometheus text, or null when it is absent. */
function series(text: string, name: string, labels: Record<string, string> = {}): number | null {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2]?.split(',') ?? [];
    if (wanted.every((w) => have.includes(w))) return Number(m[3]);
  }
  return null;
}

const get = async (port: number, path: string) => {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
};

async function serve(bot: Briefbot, metrics: Metrics | null = null): Promise<OpsServer> {
  const server = await serveOps({ readiness: () => bot.readiness(), registry: metrics?.registry ?? null }, 0, '127.0.0.1');
  servers.push(server);
  return server;
}

describe('logs', () => {
  it('are "[briefbot] …" lines by default, as on a terminal, and a context does not change them', () => {
    const lines: string[] = [];
    const log = createLogger('info', (l) => lines.push(l));
    withContext(log, { requestId: 'r1' }).warn('careful');
    log.info('hello');
    log.debug('not shown at info');
    expect(lines).toEqual(['[briefbot] warn: careful', '[briefbot] hello']);
  });

  it('are JSON lines in the JSON format, with the level by name and the context as fields', () => {
    const lines: string[] = [];
    const log = createLogger('info', { format: 'json', write: (l) => lines.push(l) });
    withContext(withContext(log, { requestId: 'r1' }), { platform: 'slack' }).warn('careful');
    log.debug('not shown at info');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', msg: 'careful', requestId: 'r1', platform: 'slack', name: 'briefbot', time: expect.any(String) });
  });

  it('take the format from LOG_FORMAT, else JSON unless stderr is a terminal', () => {
    expect(logFormat(undefined, true)).toBe('text');
    expect(logFormat(undefined, false)).toBe('json');
    expect(logFormat('text', false)).toBe('text');
    expect(logFormat('json', true)).toBe('json');
  });

  it('carry the request id on every line about an event: the platform\'s event id, else one of its own', async () => {
    const lines: string[] = [];
    const logger: Logger = createLogger('debug', { format: 'json', write: (l) => lines.push(l) });
    const bot = await open();
    const conversation = new Conversation(bot, { schedule: DEFAULT_SCHEDULE, logger });
    // Slack redelivers: the answer and the dropped redelivery are both logged under Slack's id.
    for (let i = 0; i < 2; i++) await conversation.handle(event({ text: 'help' }, { eventId: 'Ev42', platform: 'slack', channel: 'C9' }), recorder().port);
    const closed = await openSeeds();
    await closed.close(); // the answer fails: an error line and the answered line, both about the one event
    await new Conversation(closed, { schedule: DEFAULT_SCHEDULE, logger }).handle(event({ text: 'sources' }), recorder().port);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const slack = parsed.filter((p) => p.platform === 'slack');
    expect(slack.map((p) => [p.requestId, p.channel, p.msg])).toEqual([
      ['Ev42', 'C9', expect.stringMatching(/^answered: help \(ok\) in \d+ ms$/)],
      ['Ev42', 'C9', 'a redelivered event, already answered: dropped'],
    ]);
    const own = parsed.filter((p) => p.platform === 'memory');
    expect(own.map((p) => [p.level, p.channel])).toEqual([['error', 'C1'], ['debug', 'C1']]);
    expect(own[0]!.msg).toMatch(/^memory: answering failed/);
    expect(own[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(own[1]!.requestId).toBe(own[0]!.requestId);
  });
});

describe('metrics', () => {
  it('count answers by platform, kind and outcome, and time them', async () => {
    const { bot, metrics } = await instrumented();
    const conversation = new Conversation(bot, { schedule: DEFAULT_SCHEDULE, logger: silentLogger });
    await conversation.handle(event({ text: 'what did Bessent say?' }), recorder().port);
    await conversation.handle(event({ text: 'help' }), recorder().port);
    await conversation.handle(event({ more: 'nosuchpage:10' }), recorder().port);
    const text = await metrics.registry.metrics();
    expect(series(text, 'briefbot_answers_total', { platform: 'memory', kind: 'speaker', outcome: 'ok' })).toBe(1);
    expect(series(text, 'briefbot_answers_total', { platform: 'memory', kind: 'help', outcome: 'ok' })).toBe(1);
    expect(series(text, 'briefbot_answers_total', { platform: 'memory', kind: 'notice', outcome: 'expired' })).toBe(1);
    expect(series(text, 'briefbot_answer_duration_seconds_count', { platform: 'memory', kind: 'speaker' })).toBe(1);
    expect(series(text, 'briefbot_answer_duration_seconds_bucket', { platform: 'memory', kind: 'speaker', le: '10' })).toBe(1);
    expect(series(text, 'briefbot_answer_queue_depth')).toBe(0);
  });

  it('count a redelivered event as a duplicate, answered once', async () => {
    const { bot, metrics } = await instrumented();
    const conversation = new Conversation(bot, { schedule: DEFAULT_SCHEDULE, logger: silentLogger });
    const { replies, port } = recorder();
    await conversation.handle(event({ text: 'help' }, { eventId: 'Ev1' }), port);
    await conversation.handle(event({ text: 'help' }, { eventId: 'Ev1' }), port);
    expect(replies).toHaveLength(1);
    const text = await metrics.registry.metrics();
    expect(series(text, 'briefbot_duplicate_events_total', { platform: 'memory' })).toBe(1);
    expect(series(text, 'briefbot_answers_total', { kind: 'help' })).toBe(1);
  });

  it('count what the sync at open indexed, and later syncs', async () => {
    const seeds = join(dir, 'seeds');
    copySeeds(seeds);
    const bot = await open(seeds);
    const metrics = createMetrics({ processMetrics: false });
    bot.instrument(metrics);
    let text = await metrics.registry.metrics();
    expect(series(text, 'briefbot_ingest_articles_total', { change: 'added' })).toBe(5);
    expect(series(text, 'briefbot_ingest_articles_total', { change: 'removed' })).toBe(0);
    rmSync(join(seeds, '004_563bebea083269ff.txt'));
    await bot.sync();
    text = await metrics.registry.metrics();
    expect(series(text, 'briefbot_ingest_articles_total', { change: 'removed' })).toBe(1);
    expect(series(text, 'briefbot_ingest_articles_total', { change: 'added' })).toBe(5);
  });

  it('count briefings posted and failed, by platform', async () => {
    const { bot, metrics } = await instrumented();
    await bot.state.subscribe({ platform: 'slack', channel: 'C1', cron: '0 8 * * *', timezone: 'UTC', postWhenEmpty: true, createdBy: 'U1' });
    await bot.state.subscribe({ platform: 'slack', channel: 'C2', cron: '0 8 * * *', timezone: 'UTC', postWhenEmpty: true, createdBy: 'U1' });
    const slack = new MemoryAdapter();
    slack.failures = [new Error('channel_not_found')];
    await new Scheduler(bot, [slack], { logger: silentLogger, now: () => new Date('2026-01-13T08:00:00Z') }).tick();
    const text = await metrics.registry.metrics();
    expect(series(text, 'briefbot_briefings_posted_total', { platform: 'slack' })).toBe(1);
    expect(series(text, 'briefbot_briefings_failed_total', { platform: 'slack' })).toBe(1);
  });

  it('follow the answer queues\' depth: waiting and running, summed over every queue', async () => {
    let depth = 0;
    const queue = new AnswerQueue(1, (change) => (depth += change));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tasks = [queue.run(() => held), queue.run(async () => {}), queue.run(async () => { throw new Error('x'); })];
    expect(depth).toBe(3);
    release();
    await Promise.allSettled(tasks);
    expect(depth).toBe(0);
  });

  it('are optional: a bot without them answers and posts as before', async () => {
    const bot = await open();
    const conversation = new Conversation(bot, { schedule: DEFAULT_SCHEDULE, logger: silentLogger });
    const { replies, port } = recorder();
    await conversation.handle(event({ text: 'help' }, { eventId: 'Ev1' }), port);
    await conversation.handle(event({ text: 'help' }, { eventId: 'Ev1' }), port);
    expect(replies).toEqual([{ type: 'help' }]);
    expect(bot.metrics).toBeNull();
  });
});

describe('/healthz, /readyz and /metrics', () => {
  it('say alive at once, ready only once the index is (another replica building it: not yet), and not after close', async () => {
    const db = join(dir, 'briefbot.db');
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    // Another replica holds the ingest lock of an empty index: this one answers from the index as it is (nothing).
    const other = await open(empty, db);
    await other.store.claimIngest({ id: 'the-other-replica', pid: process.pid, host: hostname() });
    const bot = await open(SEEDS, db);
    const server = await serve(bot);
    expect(await get(server.port, '/healthz')).toMatchObject({ status: 200, body: 'ok\n' });
    const before = await get(server.port, '/readyz');
    expect(before).toMatchObject({ status: 503, type: 'application/json' });
    expect(JSON.parse(before.body)).toEqual({ ready: false, reason: 'the index is being built' });
    await other.store.releaseIngest({ id: 'the-other-replica', pid: process.pid, host: hostname() });
    await bot.sync();
    expect(await get(server.port, '/readyz')).toMatchObject({ status: 200, body: '{"ready":true}\n' });
    await bot.close();
    const after = await get(server.port, '/readyz');
    expect(after.status).toBe(503);
    expect(JSON.parse(after.body)).toEqual({ ready: false, reason: 'closed' });
    expect(await get(server.port, '/healthz')).toMatchObject({ status: 200 });
  });

  it('say ready for an index built before, and for an empty folder indexed by this bot', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect(await (await open(empty)).readiness()).toEqual({ ready: true });
    expect(await (await open()).readiness()).toEqual({ ready: true });
  });

  it('say 503 with the reason when readiness does not answer in time', async () => {
    const server = await serveOps({ readiness: () => new Promise(() => {}), registry: null, timeoutMs: 50 }, 0, '127.0.0.1');
    servers.push(server);
    const r = await get(server.port, '/readyz');
    expect(r.status).toBe(503);
    expect(JSON.parse(r.body)).toEqual({ ready: false, reason: 'no answer within 50 ms' });
    expect(await get(server.port, '/metrics')).toMatchObject({ status: 404 });
    expect(await get(server.port, '/nope')).toMatchObject({ status: 404 });
  });

  it('serve Prometheus text: answers counted after a question, and the process\'s own metrics', async () => {
    const bot = await open();
    const metrics = createMetrics();
    bot.instrument(metrics);
    const server = await serve(bot, metrics);
    await new Conversation(bot, { schedule: DEFAULT_SCHEDULE, logger: silentLogger }).handle(event({ text: 'what did Gor say?' }), recorder().port);
    const r = await get(server.port, '/metrics');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(r.body).toContain('# TYPE briefbot_answers_total counter');
    expect(series(r.body, 'briefbot_answers_total', { platform: 'memory', kind: 'speaker', outcome: 'ok' })).toBe(1);
    expect(series(r.body, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(series(r.body, 'briefbot_ingest_articles_total', { change: 'added' })).toBe(5);
  });

  it('share the Slack HTTP port in HTTP mode, beside /slack/events', async () => {
    const fake = await startFakeSlack();
    const { bot, metrics } = await instrumented();
    const secret = '8f742231b10e8888abcd99aaaaaa85a5';
    const routes = opsRoutes({ readiness: () => bot.readiness(), registry: metrics.registry });
    const config = { botToken: 'xoxb-test', mode: 'http' as const, signingSecret: secret, appToken: null, port: 0, host: '127.0.0.1', command: '/brief', apiUrl: fake.apiUrl };
    const adapter = new SlackAdapter(bot, { config, schedule: DEFAULT_SCHEDULE, logger: silentLogger, customRoutes: routes });
    await adapter.start();
    try {
      const port = adapter.port!;
      expect(await get(port, '/healthz')).toMatchObject({ status: 200 });
      expect(await get(port, '/readyz')).toMatchObject({ status: 200 });
      // A path neither Slack nor operations serve is a 404, not a crash.
      expect(await get(port, '/')).toMatchObject({ status: 404 });
      await postSigned(`http://127.0.0.1:${port}/slack/events`, slashCommandBody({ text: 'help', response_url: fake.responseUrl() }), { secret });
      await expect.poll(() => fake.responses.length).toBe(1);
      await expect.poll(async () => series((await get(port, '/metrics')).body, 'briefbot_answers_total', { platform: 'slack', kind: 'help' })).toBe(1);
    } finally {
      await adapter.stop();
      await fake.close();
    }
  });
});

describe('shutting down', () => {
  it('finishes the answers in flight, replies delivered, and tells new askers to ask again', async () => {
    const bot = await open();
    const conversation = new Conversation(bot, { schedule: DEFAULT_SCHEDULE, logger: silentLogger });
    let release!: () => void;
    const slow = recorder(new Promise<void>((resolve) => (release = resolve)));
    const inFlight = conversation.handle(event({ text: 'what did Bessent say?' }), slow.port);
    await expect.poll(() => bot.requests.size).toBe(1);
    let drained = false;
    const closing = bot.requests.close(5000).then((ok) => (drained = ok));
    const late = recorder();
    await conversation.handle(event({ text: 'help' }), late.port);
    expect(late.replies).toEqual([{ type: 'notice', text: 'briefbot is restarting: please ask again in a minute.' }]);
    expect(drained).toBe(false);
    release();
    await inFlight;
    await closing;
    expect(drained).toBe(true);
    expect(slow.replies[0]).toMatchObject({ type: 'answer', answer: { speaker: 'Scott Bessent' } });
  });

  it('waits for the work in flight no longer than it is given', async () => {
    const bot = await open();
    const conversation = new Conversation(bot, { schedule: DEFAULT_SCHEDULE, logger: silentLogger });
    void conversation.handle(event({ text: 'help' }), recorder(new Promise(() => {})).port);
    await expect.poll(() => bot.requests.size).toBe(1);
    const started = Date.now();
    expect(await bot.requests.close(100)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('lets a briefing being posted finish, and claims no further one', async () => {
    const bot = await open();
    for (const channel of ['C1', 'C2']) {
      await bot.state.subscribe({ platform: 'slack', channel, cron: '0 8 * * *', timezone: 'UTC', postWhenEmpty: true, createdBy: 'U1' });
    }
    const slack = new MemoryAdapter();
    let release!: () => void;
    let posting!: () => void;
    const started = new Promise<void>((resolve) => (posting = resolve));
    slack.beforePost = () => (posting(), new Promise<void>((resolve) => (release = resolve)));
    const scheduler = new Scheduler(bot, [slack], { logger: silentLogger, now: () => new Date('2026-01-13T08:00:00Z') });
    const tick = scheduler.tick();
    await started;
    const stopped = scheduler.stop();
    release();
    await stopped;
    expect((await tick).map((o) => o.result)).toEqual(['posted']);
    expect(slack.posts.map((p) => p.channel)).toEqual(['C1']);
    expect((await bot.state.briefings('slack', 'C1'))[0]).toMatchObject({ messageId: 'm1' });
  });
});
