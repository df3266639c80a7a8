/**
 * A loopback fake of the Slack platform for tests: Web API, Socket Mode, response_url endpoints,
 * plus builders for signed Events API / slash command / interactivity requests.
 * Everything binds 127.0.0.1 on an ephemeral port; nothing touches the internet.
 */
import { readBody } from './http.ts';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

// ---------------------------------------------------------------- types

export type Failure =
  | { status: number; body?: string } // e.g. 500 / 503: an HTTP-level failure
  | { rateLimited: true; retryAfterSeconds: number } // HTTP 429 + Retry-After, as Slack sends
  | { error: string; status?: number }; // Web API: 200 {ok:false,error}; response_url: 4xx text body

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  token?: string;
  /** JSON body the fake answered with (only on `calls`, i.e. normal handling). */
  result?: Record<string, unknown>;
}
export interface ApiAttempt extends ApiCall {
  status: number;
  /** Set when an injected failure answered this attempt. */
  failure?: Failure;
}
export interface ResponseAttempt {
  id: string;
  body: any;
  status: number;
  failure?: Failure;
}
export interface FakeMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown;
  thread_ts?: string;
}
export interface SocketEnvelope {
  envelope_id?: string;
  type: 'slash_commands' | 'events_api' | 'interactive' | (string & {});
  payload: unknown;
  accepts_response_payload?: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}
export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}
export type ApiHandler = (args: Record<string, unknown>, call: ApiCall) => Record<string, unknown>;

export interface FakeSlackOptions {
  /** channel id → name, for conversations.info (default { C1: 'general' }). */
  channels?: Record<string, string>;
  /** user id → profile bits, for users.info. */
  users?: Record<string, { name: string; real_name?: string; tz?: string }>;
  /** Extra or overriding Web API methods. */
  handlers?: Record<string, ApiHandler>;
}

export interface FakeSlack {
  readonly url: string; // http://127.0.0.1:PORT
  readonly apiUrl: string; // http://127.0.0.1:PORT/api/ (WebClient slackApiUrl)
  readonly socketUrl: string; // ws://127.0.0.1:PORT/socket
  readonly calls: ApiCall[];
  readonly attempts: ApiAttempt[];
  readonly messages: FakeMessage[];
  readonly responses: Array<{ id: string; body: any }>;
  readonly responseAttempts: ResponseAttempt[];
  readonly acks: SocketAck[];
  /** Every parsed message a Socket Mode client sent (acks included). */
  readonly socketMessages: unknown[];
  /** Open Socket Mode connections right now. */
  readonly socketCount: number;
  /** Socket Mode connections accepted so far (reconnects count). */
  readonly socketConnections: number;
  failNext(method: string, failure: Failure, times?: number): void;
  failResponses(failure: Failure, times?: number): void;
  handle(method: string, handler: ApiHandler): void;
  responseUrl(id?: string): string;
  sendEnvelope(envelope: SocketEnvelope): string;
  sendDisconnect(reason?: string): void;
  socketConnected(timeoutMs?: number): Promise<void>;
  ackFor(envelopeId: string, timeoutMs?: number): Promise<SocketAck>;
  waitFor<T>(predicate: () => T, timeoutMs?: number, label?: string): Promise<Truthy<T>>;
  close(): Promise<void>;
}
type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

export const BOT = { user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'briefbot', app_id: 'A1' } as const;

// Fields Slack clients send JSON-encoded inside form bodies; others (e.g. text "[1] …") stay strings.
const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'view', 'unfurls', 'user_auth_blocks']);
const RESPONSE_URL_LIMIT = 5; // Slack: "up to 5 times within 30 minutes"

// ---------------------------------------------------------------- server

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const channels: Record<string, string> = { C1: 'general', ...options.channels };
  const handlers = new Map<string, ApiHandler>(Object.entries(options.handlers ?? {}));
  const failures = new Map<string, Failure[]>();
  const responseFailures: Failure[] = [];
  const responseCounts = new Map<string, number>();
  const waiters = new Set<() => void>();
  const sockets: WebSocket[] = [];
  let tsCounter = 0;
  let idCounter = 0;
  let connections = 0;
  let closed = false;

  const calls: ApiCall[] = [];
  const attempts: ApiAttempt[] = [];
  const messages: FakeMessage[] = [];
  const responses: Array<{ id: string; body: any }> = [];
  const responseAttempts: ResponseAttempt[] = [];
  const acks: SocketAck[] = [];
  const socketMessages: unknown[] = [];

  // Monotonic fake ts: 1700000000.000100, .000200, … (same width, so string order = numeric order).
  const nextTs = (): string => {
    tsCounter += 100;
    return `${1_700_000_000 + Math.floor(tsCounter / 1e6)}.${String(tsCounter % 1e6).padStart(6, '0')}`;
  };
  const notify = (): void => {
    for (const w of [...waiters]) w();
  };

  const builtins: Record<string, ApiHandler> = {
    'auth.test': () => ({
      url: 'https://fake.slack.com/', team: 'Fake Team', user: BOT.user, team_id: BOT.team_id,
      user_id: BOT.user_id, bot_id: BOT.bot_id, is_enterprise_install: false,
    }),
    'chat.postMessage': (a) => {
      const channel = str(a.channel);
      if (!channel) return { ok: false, error: 'channel_not_found' };
      if (!a.text && !a.blocks && !a.attachments) return { ok: false, error: 'no_text' };
      const msg: FakeMessage = { channel, ts: nextTs(), ...msgBits(a) };
      messages.push(msg);
      const { channel: _c, ...rest } = msg;
      return { channel, ts: msg.ts, message: { type: 'message', user: BOT.user_id, bot_id: BOT.bot_id, ...rest } };
    },
    'chat.postEphemeral': (a) => {
      if (!str(a.channel)) return { ok: false, error: 'channel_not_found' };
      if (!str(a.user)) return { ok: false, error: 'user_not_in_channel' };
      if (!a.text && !a.blocks && !a.attachments) return { ok: false, error: 'no_text' };
      return { message_ts: nextTs() };
    },
    'chat.update': (a) => {
      const msg = messages.find((m) => m.channel === a.channel && m.ts === a.ts);
      if (!msg) return { ok: false, error: 'message_not_found' }; // as Slack: only messages it knows
      Object.assign(msg, msgBits(a));
      return { channel: msg.channel, ts: msg.ts, text: msg.text ?? '', message: { ...msg } };
    },
    'chat.delete': (a) => {
      const i = messages.findIndex((m) => m.channel === a.channel && m.ts === a.ts);
      if (i < 0) return { ok: false, error: 'message_not_found' };
      messages.splice(i, 1);
      return { channel: a.channel, ts: a.ts };
    },
    'conversations.info': (a) => {
      const id = str(a.channel);
      if (!id) return { ok: false, error: 'channel_not_found' };
      const name = channels[id] ?? `channel-${id.toLowerCase()}`;
      return { channel: { id, name, is_channel: true, is_private: false, is_member: true } };
    },
    'users.info': (a) => {
      const id = str(a.user);
      if (!id) return { ok: false, error: 'user_not_found' };
      const u = options.users?.[id] ?? { name: id === BOT.user_id ? BOT.user : `user-${id.toLowerCase()}` };
      const real_name = u.real_name ?? u.name;
      return {
        user: { id, team_id: BOT.team_id, name: u.name, real_name, tz: u.tz ?? 'UTC', is_bot: id === BOT.user_id,
          profile: { display_name: u.name, real_name } },
      };
    },
    'apps.connections.open': (_a, call) => {
      // Slack only accepts app-level tokens here; catches a bot token wired into appToken.
      if (!call.token?.startsWith('xapp-')) return { ok: false, error: 'not_allowed_token_type' };
      return { url: `${fake.socketUrl}?ticket=${randomUUID()}&app_id=${BOT.app_id}` };
    },
  };

  const takeFailure = (method: string): Failure | undefined =>
    (failures.get(method)?.length ? failures.get(method) : failures.get('*'))?.shift();

  async function onApi(req: IncomingMessage, res: ServerResponse, method: string, query: URLSearchParams) {
    const raw = await readBody(req);
    const args = { ...parseArgs(Object.fromEntries(query)), ...parseBody(raw, req.headers['content-type']) };
    const bearer = /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? str(args.token);
    delete args.token; // recorded separately, never part of args
    const call: ApiCall = { method, args, ...(token ? { token } : {}) };

    const failure = takeFailure(method);
    if (failure) {
      const status = sendFailure(res, failure, 'api');
      attempts.push({ ...call, status, failure });
      return notify();
    }
    const handler = handlers.get(method) ?? builtins[method];
    let result: Record<string, unknown>;
    if (!handler) result = { ok: false, error: 'unknown_method' };
    else if (!token) result = { ok: false, error: 'not_authed' };
    else result = { ok: true, ...handler(args, call) };
    json(res, 200, result);
    attempts.push({ ...call, status: 200, result });
    calls.push({ ...call, result });
    notify();
  }

  async function onResponse(req: IncomingMessage, res: ServerResponse, id: string) {
    const raw = await readBody(req);
    const body = parseBody(raw, req.headers['content-type'] ?? 'application/json');
    const failure = responseFailures.shift();
    let status: number;
    if (failure) status = sendFailure(res, failure, 'response');
    else if ((responseCounts.get(id) ?? 0) >= RESPONSE_URL_LIMIT) {
      status = 404; // Slack's answer once a response_url is spent
      res.writeHead(404, { 'content-type': 'text/plain' }).end('used_url');
    } else {
      status = 200;
      responseCounts.set(id, (responseCounts.get(id) ?? 0) + 1); // only delivered responses count
      responses.push({ id, body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    }
    responseAttempts.push({ id, body, status, ...(failure ? { failure } : {}) });
    notify();
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
    const resp = /^\/response\/([^/]+)$/.exec(url.pathname);
    const done = (p: Promise<void>) =>
      p.catch((err: unknown) => {
        if (!res.headersSent) json(res, 500, { ok: false, error: 'fake_internal_error', detail: String(err) });
      });
    if (api?.[1] && (req.method === 'POST' || req.method === 'GET')) return done(onApi(req, res, api[1], url.searchParams));
    if (resp?.[1] && req.method === 'POST') return done(onResponse(req, res, decodeURIComponent(resp[1])));
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });

  // Socket Mode rides the same port: upgrades on /socket only.
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/socket') return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  wss.on('connection', (ws: WebSocket) => {
    sockets.push(ws);
    connections++;
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let msg: unknown;
      try {
        msg = JSON.parse(String(data));
      } catch {
        msg = String(data);
      }
      socketMessages.push(msg);
      if (isRecord(msg) && typeof msg.envelope_id === 'string') {
        acks.push({ envelope_id: msg.envelope_id, ...('payload' in msg ? { payload: msg.payload } : {}) });
      }
      notify();
    });
    ws.on('close', () => {
      sockets.splice(sockets.indexOf(ws), 1);
      notify();
    });
    ws.on('error', () => {}); // a client vanishing mid-frame must not crash the test process
    // The client only counts as connected (and Bolt's start() only resolves) after this hello.
    ws.send(JSON.stringify({
      type: 'hello', num_connections: sockets.length,
      debug_info: { host: 'fake', approximate_connection_time: 18060 },
      connection_info: { app_id: BOT.app_id },
    }));
    notify();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  const fake: FakeSlack = {
    url: base,
    apiUrl: `${base}/api/`,
    socketUrl: `ws://127.0.0.1:${port}/socket`,
    calls, attempts, messages, responses, responseAttempts, acks, socketMessages,
    get socketCount() {
      return sockets.length;
    },
    get socketConnections() {
      return connections;
    },

    failNext(method, failure, times = 1) {
      const q = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) q.push(failure);
      failures.set(method, q);
    },
    failResponses(failure, times = 1) {
      for (let i = 0; i < times; i++) responseFailures.push(failure);
    },
    handle(method, handler) {
      handlers.set(method, handler);
    },
    responseUrl(id = `r${++idCounter}`) {
      return `${base}/response/${encodeURIComponent(id)}`;
    },

    sendEnvelope(envelope) {
      // Slack delivers each envelope over ONE connection; use the newest, as during a reconnect.
      const ws = sockets.at(-1);
      if (!ws) throw new Error('fake Slack: no Socket Mode client connected (await fake.socketConnected() first)');
      const envelope_id = envelope.envelope_id ?? `env-${++idCounter}`;
      const full: Record<string, unknown> = {
        envelope_id,
        accepts_response_payload: envelope.type !== 'events_api',
        ...(envelope.type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}),
        ...envelope,
      };
      full.envelope_id = envelope_id;
      ws.send(JSON.stringify(full));
      return envelope_id;
    },
    sendDisconnect(reason = 'refresh_requested') {
      // What Slack sends before recycling a connection; the client should reconnect.
      for (const ws of sockets) ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake' } }));
    },
    async socketConnected(timeoutMs = 3000) {
      await fake.waitFor(() => sockets.length > 0, timeoutMs, 'a Socket Mode client to connect');
    },
    ackFor(envelopeId, timeoutMs = 3000) {
      return fake.waitFor(() => acks.find((a) => a.envelope_id === envelopeId), timeoutMs, `ack of ${envelopeId}`);
    },

    waitFor<T>(predicate: () => T, timeoutMs = 3000, label?: string): Promise<Truthy<T>> {
      return new Promise((resolve, reject) => {
        let lastError: unknown;
        const check = () => {
          if (closed) return finish(new Error('fake Slack closed while waiting'));
          try {
            const v = predicate();
            if (v) finish(undefined, v as Truthy<T>);
          } catch (err) {
            lastError = err; // e.g. fake.calls[0]!.args before the call arrived: keep waiting
          }
        };
        // Event-driven via notify(), plus a slow poll for predicates over state outside the fake.
        const poll = setInterval(check, 20);
        const timer = setTimeout(() => {
          const what = label ?? String(predicate).replace(/\s+/g, ' ').slice(0, 160);
          finish(new Error(
            `fake Slack: waitFor timed out after ${timeoutMs}ms waiting for ${what}; ` +
              `calls=[${calls.map((c) => c.method).join(', ')}] attempts=${attempts.length} ` +
              `acks=${acks.length} responses=${responses.length} sockets=${sockets.length}` +
              (lastError ? `; predicate last threw: ${String(lastError)}` : ''),
          ));
        }, timeoutMs);
        const finish = (err?: Error, v?: Truthy<T>) => {
          waiters.delete(check);
          clearInterval(poll);
          clearTimeout(timer);
          if (err) reject(err);
          else resolve(v as Truthy<T>);
        };
        waiters.add(check);
        check();
      });
    },

    async close() {
      if (closed) return;
      closed = true;
      notify(); // reject pending waiters
      for (const ws of [...sockets]) ws.terminate(); // wss.close() leaves noServer clients open
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // keep-alive fetch sockets would otherwise hold close() open
      await done;
    },
  };
  return fake;
}

// ---------------------------------------------------------------- helpers

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function msgBits(a: Record<string, unknown>): Omit<FakeMessage, 'channel' | 'ts'> {
  return {
    ...(typeof a.text === 'string' ? { text: a.text } : {}),
    ...(a.blocks !== undefined ? { blocks: a.blocks } : {}),
    ...(typeof a.thread_ts === 'string' ? { thread_ts: a.thread_ts } : {}),
  };
}
function parseArgs(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (JSON_FIELDS.has(k) && typeof v === 'string') {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // not JSON after all: keep the string, as Slack would reject it anyway
      }
    }
    out[k] = v;
  }
  return out;
}
function parseBody(raw: string, contentType: string | undefined): Record<string, any> {
  if (!raw) return {};
  if (contentType?.includes('json') || (!contentType && /^\s*[{[]/.test(raw))) {
    try {
      const v: unknown = JSON.parse(raw);
      return isRecord(v) ? parseArgs(v) : { _body: v };
    } catch {
      return { _raw: raw };
    }
  }
  return parseArgs(Object.fromEntries(new URLSearchParams(raw)));
}
function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
/** Answers with an injected failure, returns the HTTP status used. */
function sendFailure(res: ServerResponse, f: Failure, kind: 'api' | 'response'): number {
  if ('rateLimited' in f) {
    res.setHeader('retry-after', String(f.retryAfterSeconds));
    json(res, 429, { ok: false, error: 'ratelimited' });
    return 429;
  }
  if ('error' in f) {
    // Web API errors are HTTP 200 {ok:false}; response_url errors are 4xx with a bare text body.
    if (kind === 'api') {
      json(res, f.status ?? 200, { ok: false, error: f.error });
      return f.status ?? 200;
    }
    const status = f.status ?? (/(used|expired)_url/.test(f.error) ? 404 : 400);
    res.writeHead(status, { 'content-type': 'text/plain' }).end(f.error);
    return status;
  }
  res.writeHead(f.status, { 'content-type': 'text/plain' }).end(f.body ?? STATUS_CODES[f.status] ?? 'error');
  return f.status;
}

// ---------------------------------------------------------------- request builders & signing

/** Slack's v0 request signature headers for `rawBody`. */
export function signSlackRequest(
  signingSecret: string,
  rawBody: string,
  timestampSeconds: number = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const sig = createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex');
  return {
    'x-slack-signature': `v0=${sig}`,
    'x-slack-request-timestamp': String(timestampSeconds),
    'content-type': /^\s*[{[]/.test(rawBody) ? 'application/json' : 'application/x-www-form-urlencoded',
  };
}

// An unroutable default (port 9 refuses): a handler that responds without a fake URL fails fast and visibly.
const NO_RESPONSE_URL = 'http://127.0.0.1:9/response/unset';

export interface SlashCommandFields {
  token: string; team_id: string; team_domain: string; channel_id: string; channel_name: string;
  user_id: string; user_name: string; command: string; text: string; api_app_id: string;
  response_url: string; trigger_id: string; is_enterprise_install: string;
}
/** Slash command fields as Slack sends them (all strings); also the Socket Mode `slash_commands` payload. */
export function slashCommandPayload(fields: Partial<SlashCommandFields> = {}): SlashCommandFields {
  return {
    token: 'verification-token', team_id: BOT.team_id, team_domain: 'fake', channel_id: 'C1',
    channel_name: 'general', user_id: 'U1', user_name: 'alice', command: '/brief', text: '',
    api_app_id: BOT.app_id, is_enterprise_install: 'false', response_url: NO_RESPONSE_URL,
    trigger_id: `1337.42.${randomUUID().slice(0, 8)}`, ...defined(fields),
  };
}
/** URL-encoded slash command body for the HTTP receiver. */
export function slashCommandBody(fields: Partial<SlashCommandFields> = {}): string {
  return new URLSearchParams(Object.entries(slashCommandPayload(fields))).toString();
}

export interface AppMentionFields {
  user?: string; text?: string; channel?: string; ts?: string; thread_ts?: string;
  team_id?: string; api_app_id?: string; event_id?: string; event_time?: number;
}
/** An `event_callback` body wrapping an app_mention; also the Socket Mode `events_api` payload. */
export function appMentionEvent(f: AppMentionFields = {}): Record<string, unknown> {
  const team_id = f.team_id ?? BOT.team_id;
  const ts = f.ts ?? `${Math.floor(Date.now() / 1000)}.000200`;
  return {
    token: 'verification-token', team_id, api_app_id: f.api_app_id ?? BOT.app_id, type: 'event_callback',
    event_id: f.event_id ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
    event_time: f.event_time ?? Math.floor(Date.now() / 1000),
    event: {
      type: 'app_mention', user: f.user ?? 'U1', text: f.text ?? `<@${BOT.user_id}> hello`, ts,
      channel: f.channel ?? 'C1', event_ts: ts, team: team_id, ...(f.thread_ts ? { thread_ts: f.thread_ts } : {}),
    },
    authorizations: [{ enterprise_id: null, team_id, user_id: BOT.user_id, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false, event_context: `4-fake-${team_id}`,
  };
}

export interface BlockActionFields {
  user_id?: string; user_name?: string; team_id?: string; channel_id?: string; channel_name?: string;
  message_ts?: string; is_ephemeral?: boolean; action_id?: string; block_id?: string; value?: string;
  response_url?: string; trigger_id?: string;
}
/** A block_actions (button click) payload; also the Socket Mode `interactive` payload. */
export function blockActionPayload(f: BlockActionFields = {}): Record<string, unknown> {
  const channel_id = f.channel_id ?? 'C1';
  const message_ts = f.message_ts ?? '1700000000.000100';
  const team_id = f.team_id ?? BOT.team_id;
  const is_ephemeral = f.is_ephemeral ?? false;
  return {
    type: 'block_actions',
    user: { id: f.user_id ?? 'U1', username: f.user_name ?? 'alice', name: f.user_name ?? 'alice', team_id },
    api_app_id: BOT.app_id, token: 'verification-token',
    container: { type: 'message', message_ts, channel_id, is_ephemeral },
    trigger_id: f.trigger_id ?? `1337.42.${randomUUID().slice(0, 8)}`,
    team: { id: team_id, domain: 'fake' }, enterprise: null, is_enterprise_install: false,
    channel: { id: channel_id, name: f.channel_name ?? 'general' },
    // Slack omits `message` for clicks on ephemeral messages.
    ...(is_ephemeral ? {} : { message: { type: 'message', user: BOT.user_id, bot_id: BOT.bot_id, ts: message_ts, text: '' } }),
    state: { values: {} },
    response_url: f.response_url ?? NO_RESPONSE_URL,
    actions: [{
      action_id: f.action_id ?? 'button', block_id: f.block_id ?? 'actions', value: f.value ?? '',
      type: 'button', text: { type: 'plain_text', text: 'Button', emoji: true },
      action_ts: `${Math.floor(Date.now() / 1000)}.000300`,
    }],
  };
}
/** URL-encoded `payload=<json>` body, as Slack posts interactions. */
export function blockActionBody(f: BlockActionFields = {}): string {
  return new URLSearchParams({ payload: JSON.stringify(blockActionPayload(f)) }).toString();
}

export interface PostSignedOptions {
  secret: string;
  timestamp?: number;
  contentType?: string;
  headers?: Record<string, string>;
}
/** POSTs `body` (objects become JSON) signed with `secret`; `ms` is the time until response headers. */
export async function postSigned(
  url: string,
  body: string | Record<string, unknown>,
  opts: PostSignedOptions,
): Promise<{ status: number; text: string; ms: number }> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const headers = { ...signSlackRequest(opts.secret, raw, opts.timestamp) };
  if (opts.contentType) headers['content-type'] = opts.contentType;
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', body: raw, headers: { ...headers, ...opts.headers } });
  const ms = performance.now() - started;
  return { status: res.status, text: await res.text(), ms };
}
