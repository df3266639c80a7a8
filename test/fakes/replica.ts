// A briefbot replica in a process of its own, for the replica test (test/replicas.test.ts): a Briefbot over a shared
// PostgreSQL database, the real SlackAdapter in HTTP mode on a port of its own, and a Scheduler whose clock the test
// sets. Run as `node --import tsx test/fakes/replica.ts '<options as JSON>'`; it takes commands as JSON lines on
// stdin and answers as JSON lines on stdout, and on SIGTERM shuts down as adapters/start.ts does. Its log (warnings
// and errors; everything with BRIEFBOT_REPLICA_LOG=debug) goes to stderr, whose last lines failure messages quote.
//
// Imported (by the test), it gives the other side: spawnReplica() to start and talk to one, and a relay in front of
// the fake Slack that can hold one briefing's chat.postMessage in flight, so that a replica can be killed mid-post.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Outcome } from '../../src/app/scheduler.ts';
import type { Briefing, Subscription } from '../../src/state/state.ts';
import type { SyncReport } from '../../src/sync.ts';
import { readBody } from './http.ts';

export interface ReplicaOptions {
  /** Names the replica: its scheduler instance, and its bot token (xoxb-<name>), so the fake Slack can tell who called. */
  name: string;
  databaseUrl: string;
  seedsDir: string;
  /** The Web API the replica's Slack client calls (SLACK_API_URL). */
  apiUrl: string;
  signingSecret: string;
}

/** What a replica says once it listens: the sync it ran or checked at open, and the index it sees. */
export interface Ready {
  type: 'ready';
  pid: number;
  port: number;
  sync: SyncReport | null;
  articles: number;
  latestArticleId: number;
}
export interface Stats {
  articles: number;
  latestArticleId: number;
  /** Redelivered events this replica dropped as already answered (briefbot_duplicate_events_total). */
  duplicates: number;
}
export interface StateDump {
  subscriptions: Subscription[];
  briefings: Briefing[];
}

type Command = { cmd: 'tick'; at: string } | { cmd: 'stats' } | { cmd: 'state' };

// ---------------------------------------------------------------- the replica process

async function runReplica(options: ReplicaOptions): Promise<void> {
  const [{ Briefbot }, { SlackAdapter }, { Scheduler }, { createLogger }, { createMetrics }, { DEFAULT_SCHEDULE }] = await Promise.all([
    import('../../src/bot.ts'),
    import('../../adapters/slack/slack.ts'),
    import('../../src/app/scheduler.ts'),
    import('../../src/log.ts'),
    import('../../src/metrics.ts'),
    import('../../src/schedule/subscription.ts'),
  ]);
  const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
  // stdout carries the protocol; the bot's warnings and errors go to stderr, which the test keeps for its failures.
  const logger = createLogger(process.env.BRIEFBOT_REPLICA_LOG === 'debug' ? 'debug' : 'warn', (line) => process.stderr.write(`[${options.name}] ${line}\n`));
  const metrics = createMetrics({ processMetrics: false });
  let clock = new Date(0);

  const bot = await Briefbot.open({ seedsDir: options.seedsDir, dbPath: ':memory:', databaseUrl: options.databaseUrl, logger });
  bot.instrument(metrics);
  const adapter = new SlackAdapter(bot, {
    config: { botToken: `xoxb-${options.name}`, mode: 'http', signingSecret: options.signingSecret, appToken: null, port: 0, host: '127.0.0.1', command: '/brief', apiUrl: options.apiUrl },
    schedule: DEFAULT_SCHEDULE,
    logger,
    retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 },
  });
  const scheduler = new Scheduler(bot, [adapter], { logger, instance: options.name, now: () => clock });
  await adapter.start();

  const counted = async (counter: { get(): Promise<{ values: { value: number }[] }> }) => (await counter.get()).values.reduce((n, v) => n + v.value, 0);
  const run = async (c: Command): Promise<object> => {
    switch (c.cmd) {
      case 'tick':
        clock = new Date(c.at);
        return { outcomes: await scheduler.tick() };
      case 'stats':
        return { articles: await bot.store.articleCount(), latestArticleId: await bot.latestArticleId(), duplicates: await counted(metrics.duplicateEvents) };
      case 'state': {
        const subscriptions = await bot.state.subscriptions();
        const briefings = (await Promise.all(subscriptions.map((s) => bot.state.briefings(s.platform, s.channel)))).flat();
        return { subscriptions, briefings };
      }
    }
  };
  const commands = createInterface({ input: process.stdin });
  // The test holds the other end of stdin: when it is gone (a crashed or killed test run), so is the replica.
  commands.on('close', () => process.exit(1));
  commands.on('line', (line) => {
    const { id, ...command } = JSON.parse(line) as Command & { id: number };
    run(command).then(
      (result) => say({ id, ...result }),
      (err: Error) => say({ id, error: err.stack ?? err.message }),
    );
  });

  // As adapters/start.ts: answers and a briefing in flight finish, then the adapter stops and the bot closes.
  process.once('SIGTERM', () => {
    void (async () => {
      await Promise.all([bot.requests.close(5000), scheduler.stop()]);
      await adapter.stop();
      await bot.close();
      say({ type: 'stopped' });
      process.exit(0);
    })();
  });

  say({ type: 'ready', pid: process.pid, port: adapter.port!, sync: await bot.synced(), articles: await bot.store.articleCount(), latestArticleId: await bot.latestArticleId() } satisfies Ready);
}

const HERE = fileURLToPath(import.meta.url);
if (process.argv[1] && resolve(process.argv[1]) === HERE) await runReplica(JSON.parse(process.argv[2]!) as ReplicaOptions);

// ---------------------------------------------------------------- the test's side

export interface Replica {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves when the replica listens; rejects if it exits first. */
  readonly ready: Promise<Ready>;
  /** The port of its Slack HTTP receiver (once ready). */
  readonly port: number;
  readonly eventsUrl: string;
  /** Whether the process is still running. */
  readonly alive: boolean;
  /** Resolves with the exit code (null when a signal ended it) and the signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  tick(at: string): Promise<Outcome[]>;
  stats(): Promise<Stats>;
  state(): Promise<StateDump>;
  /** SIGTERM, then waits for a clean shutdown (its "stopped" line and exit 0). */
  stop(timeoutMs?: number): Promise<void>;
  /** SIGKILL, and waits for the process to be gone. */
  kill(): Promise<void>;
  /** The last lines it wrote to stderr, for failure messages. */
  stderr(): string;
}

const CALL_TIMEOUT_MS = 20_000;

/** Starts a replica process; `ready` says when it listens. */
export function spawnReplica(options: ReplicaOptions): Replica {
  const child = spawn(process.execPath, ['--import', 'tsx', HERE, JSON.stringify(options)], {
    cwd: join(HERE, '..', '..', '..'),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const keep = (line: string) => {
    tail.push(line);
    if (tail.length > 400) tail.shift();
  };
  createInterface({ input: child.stderr! }).on('line', keep);
  const stderr = () => tail.join('\n');

  let exitedWith: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      exitedWith = { code, signal };
      for (const [, p] of pending) p.reject(new Error(`replica ${options.name} exited (${signal ?? code}) before answering; stderr:\n${stderr()}`));
      pending.clear();
      done(exitedWith);
    }),
  );
  child.stdin!.on('error', () => undefined); // writing to a killed replica is the caller's problem, reported by `exited`

  let port = 0;
  let stopped = false;
  let nextId = 0;
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  let onReady!: (r: Ready) => void;
  const ready = new Promise<Ready>((resolveReady, rejectReady) => {
    onReady = resolveReady;
    void exited.then(({ code, signal }) => rejectReady(new Error(`replica ${options.name} exited (${signal ?? code}) before it was ready; stderr:\n${stderr()}`)));
  });
  ready.catch(() => undefined); // awaited by the caller; a replica killed later must not leave an unhandled rejection

  createInterface({ input: child.stdout! }).on('line', (line) => {
    let msg: any;
    try {
      msg = JSON.parse(line);
    } catch {
      return keep(`(stdout) ${line}`);
    }
    if (msg.type === 'ready') {
      port = msg.port;
      onReady(msg as Ready);
    } else if (msg.type === 'stopped') stopped = true;
    else if (typeof msg.id === 'number') {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(`replica ${options.name}: ${msg.error}`));
      else p?.resolve(msg);
    }
  });

  const call = <T>(command: Command): Promise<T> => {
    if (exitedWith) return Promise.reject(new Error(`replica ${options.name} has exited`));
    const id = ++nextId;
    return new Promise<T>((resolveCall, rejectCall) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        rejectCall(new Error(`replica ${options.name}: no answer to ${JSON.stringify(command)} within ${CALL_TIMEOUT_MS} ms; stderr:\n${stderr()}`));
      }, CALL_TIMEOUT_MS);
      const settle = <A>(f: (a: A) => void) => (a: A) => { clearTimeout(timer); f(a); };
      pending.set(id, { resolve: settle(resolveCall), reject: settle(rejectCall) });
      child.stdin!.write(`${JSON.stringify({ id, ...command })}\n`);
    });
  };

  return {
    name: options.name,
    child,
    ready,
    exited,
    get port() {
      return port;
    },
    get eventsUrl() {
      return `http://127.0.0.1:${port}/slack/events`;
    },
    get alive() {
      return exitedWith === null;
    },
    tick: async (at) => (await call<{ outcomes: Outcome[] }>({ cmd: 'tick', at })).outcomes,
    stats: () => call<Stats>({ cmd: 'stats' }),
    state: () => call<StateDump>({ cmd: 'state' }),
    async stop(timeoutMs = 15_000) {
      if (exitedWith) return;
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`replica ${options.name} did not stop within ${timeoutMs} ms of SIGTERM; stderr:\n${stderr()}`)), timeoutMs);
      });
      try {
        const { code, signal } = await Promise.race([exited, late]);
        if (code !== 0 || !stopped) throw new Error(`replica ${options.name} stopped badly (${signal ?? code}, stopped line: ${stopped}); stderr:\n${stderr()}`);
      } finally {
        clearTimeout(timer);
      }
    },
    async kill() {
      if (!exitedWith) child.kill('SIGKILL');
      await exited;
    },
    stderr,
  };
}

/** A chat.postMessage held in flight by the relay: who sent it. */
export interface Held {
  /** The bot token it came with (xoxb-<replica name>). */
  token: string;
}

export interface SlackRelay {
  /** The Web API URL to give replicas (SLACK_API_URL). */
  readonly apiUrl: string;
  /**
   * Holds the next chat.postMessage of the briefing `key` (its metadata) and never answers it. `delivered`: passed on
   * to Slack first, so the message is posted and only the answer is lost; otherwise it never reaches Slack.
   * Resolves once the request is held.
   */
  holdBriefing(key: string, how: { delivered: boolean }): Promise<Held>;
  close(): Promise<void>;
}

/**
 * Passes every Web API call through to the fake Slack at `target` unchanged, except a briefing post it was told to
 * hold: the test can then kill the replica that sent it while the post is in flight.
 */
export async function startSlackRelay(target: string): Promise<SlackRelay> {
  const holds: { key: string; delivered: boolean; resolve: (h: Held) => void }[] = [];
  const parked = new Set<ServerResponse>();
  const park = (res: ServerResponse) => {
    parked.add(res);
    res.on('close', () => parked.delete(res));
  };

  async function relay(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const token = /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const key = req.url?.startsWith('/api/chat.postMessage') ? briefingKey(raw, req.headers['content-type']) : null;
    const i = key === null ? -1 : holds.findIndex((h) => h.key === key);
    const hold = i < 0 ? undefined : holds.splice(i, 1)[0];
    if (hold && !hold.delivered) return (park(res), hold.resolve({ token }));
    const headers: Record<string, string> = {};
    for (const h of ['content-type', 'authorization'] as const) if (req.headers[h]) headers[h] = String(req.headers[h]);
    const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers, ...(req.method === 'POST' ? { body: raw } : {}) });
    const body = await upstream.text();
    if (hold) return (park(res), hold.resolve({ token }));
    const out: Record<string, string> = { 'content-type': upstream.headers.get('content-type') ?? 'application/json' };
    const retryAfter = upstream.headers.get('retry-after');
    if (retryAfter) out['retry-after'] = retryAfter;
    res.writeHead(upstream.status, out).end(body);
  }

  const server: Server = createServer((req, res) => {
    relay(req, res).catch((err: Error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end(`relay: ${err.message}`);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    holdBriefing: (key, how) => new Promise<Held>((resolveHold) => holds.push({ key, delivered: how.delivered, resolve: resolveHold })),
    async close() {
      for (const res of parked) res.destroy();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** The briefing key a chat.postMessage carries in its metadata, if any. */
function briefingKey(raw: string, contentType: string | undefined): string | null {
  let metadata: unknown;
  try {
    metadata = contentType?.includes('json') ? (JSON.parse(raw) as { metadata?: unknown }).metadata : new URLSearchParams(raw).get('metadata');
    if (typeof metadata === 'string') metadata = JSON.parse(metadata);
  } catch {
    return null;
  }
  const key = (metadata as { event_payload?: { key?: unknown } } | null | undefined)?.event_payload?.key;
  return typeof key === 'string' ? key : null;
}
