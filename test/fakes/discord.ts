// Loopback fake of Discord (REST v10 + Gateway v10, JSON, no compression) for tests.
// Shapes follow what discord.js 14 / @discordjs/rest 2 / @discordjs/ws 1 read and send.
// Point a real client at it:
//   new Client({ intents, rest: { api: fake.restUrl, offset: 0 } }); await client.login('fake-token')
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, WebSocket } from 'ws';

export const BOT_ID = '1100000000000000001';
export const APP_ID = BOT_ID; // Discord apps created since 2020 share the bot user's id
export const GUILD_ID = '1100000000000000002';
export const CHANNEL_ID = '1100000000000000003';
export const USER_ID = '1100000000000000004'; // default human author
export const BOT_ROLE_ID = '1100000000000000005';

type Json = Record<string, unknown>;
export type RouteMatcher = string | RegExp; // prefix of / RegExp on `${METHOD} ${path}`, e.g. 'POST /channels/'

export interface FakeFile { field: string; filename: string; contentType: string; size: number }
export interface FakeRequest {
  method: string;
  /** Path below /api/v10, without the query: '/channels/123/messages'. */
  path: string;
  query: Record<string, string>;
  /** JSON body, or the parsed payload_json of a multipart body; undefined when there is none. */
  body: any;
  files: FakeFile[];
  headers: IncomingHttpHeaders;
  /** Status the fake answered with (set once answered). */
  status?: number;
  at: number;
}
export interface GatewayFrame { op: number; d: any; at: number }

export interface FakeDiscordOptions {
  /** Hello heartbeat_interval; discord.js sends its first heartbeat after interval * random(). */
  heartbeatIntervalMs?: number;
  /** If set, REST Authorization and Identify token must equal it (401 / close 4004 otherwise). */
  token?: string;
  /** Privileged intents "enabled in the portal"; Identify asking for others gets close 4014. Default: all. */
  allowedPrivilegedIntents?: number;
  /** Interactions not acknowledged within this many ms get 404 Unknown interaction (Discord: 3000). Default: off. */
  ackDeadlineMs?: number;
}

export interface MessageCreateInput {
  content: string;
  authorId?: string;
  authorName?: string;
  authorBot?: boolean;
  /** Default: content contains <@BOT_ID>. When true and the content lacks it, it is prefixed (as the client would). */
  mentionsBot?: boolean;
  channelId?: string;
  messageId?: string;
  /** Id of a message this one replies to (type 19, message_reference + referenced_message). */
  replyTo?: string;
}

export interface CommandOption { name: string; type: number; value?: string | number | boolean; options?: CommandOption[]; focused?: boolean }
export interface InteractionInput {
  commandName?: string;
  /** Leaf options; wrapped in subcommand (type 1) / group (type 2) options when those are given. */
  options?: CommandOption[];
  subcommand?: string;
  subcommandGroup?: string;
  userId?: string;
  username?: string;
  channelId?: string;
  locale?: string;
}
export interface ButtonInput { customId: string; messageId?: string; userId?: string; username?: string; channelId?: string; locale?: string }
export interface CreatedInteraction { id: string; token: string; applicationId: string; payload: Json }

// Gateway intent bits used for gating (values from the API docs).
const INTENT_GUILD_MESSAGES = 1 << 9;
const INTENT_MESSAGE_CONTENT = 1 << 15;
const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | INTENT_MESSAGE_CONTENT; // members, presences, content

// ViewChannel|SendMessages|EmbedLinks|AttachFiles|ReadMessageHistory|AddReactions|UseApplicationCommands|SendMessagesInThreads|CreatePublicThreads
const PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n) | (1n << 6n) | (1n << 31n) | (1n << 38n) | (1n << 35n));

const MSG_EPHEMERAL = 64;
const MSG_LOADING = 128;

let sequence = 0;
/** Real-looking snowflake (19 digits), so @discordjs/rest's \d{17,19} route bucketing works. */
export function snowflake(): string {
  sequence = (sequence + 1) & 0xfff;
  return String(((BigInt(Date.now()) - 1420070400000n) << 22n) | BigInt(sequence));
}

const iso = () => new Date().toISOString();
const apiError = (status: number, code: number, message: string, errors?: Json): Reply => ({ status, body: { message, code, ...(errors && { errors }) } });
const formError = (field: string, code: string, message: string) => apiError(400, 50035, 'Invalid Form Body', { [field]: { _errors: [{ code, message }] } });

interface Reply { status: number; body?: unknown; headers?: Record<string, string> }
interface Injection { matcher: RouteMatcher; times: number; reply: () => Reply }
interface Conn { ws: WebSocket; sessionId?: string; intents: number }
interface Session { id: string; seq: number; intents: number }
interface InteractionState {
  id: string; token: string; type: number; channelId: string; createdAt: number;
  acked: boolean; deferred: boolean; originalId?: string; componentMessageId?: string; messageIds: Set<string>; payload: Json;
}
type Route = [method: string, pattern: RegExp, handler: (req: FakeRequest, m: RegExpExecArray) => Reply | Promise<Reply>];

export class FakeDiscord {
  readonly restUrl: string;
  readonly gatewayUrl: string;
  /** Every REST request, in arrival order (including ones answered 429/500). */
  readonly requests: FakeRequest[] = [];
  /** Every gateway payload the client sent. */
  readonly gatewayReceived: GatewayFrame[] = [];
  /** Messages known to the fake (dispatched to the client or created by it), by id. */
  readonly messages = new Map<string, Json>();
  /** Application commands per scope: 'global' or a guild id. */
  readonly commands = new Map<string, Json[]>();
  readonly users = new Map<string, Json>();

  private readonly conns = new Set<Conn>();
  private readonly sessions = new Map<string, Session>();
  private readonly interactions = new Map<string, InteractionState>();
  private readonly injections: Injection[] = [];
  private readonly readyWaiters: Array<() => void> = [];
  private readonly routes: Route[];
  private closed = false;

  constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    port: number,
    private readonly opts: Required<Omit<FakeDiscordOptions, 'token'>> & { token?: string },
  ) {
    this.restUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    this.users.set(BOT_ID, { id: BOT_ID, username: 'briefbot', discriminator: '0', global_name: null, avatar: null, bot: true, system: false, flags: 0, public_flags: 0 });
    this.user(USER_ID, 'alice');
    this.routes = this.buildRoutes();
    server.on('request', (req, res) => void this.onHttp(req, res));
    wss.on('connection', (ws, req) => this.onGateway(ws, req));
  }

  get botUser(): Json { return this.users.get(BOT_ID)!; }

  // ───────────────────────────── test controls ─────────────────────────────

  /** Resolves once a gateway connection is identified and READY + GUILD_CREATE were sent (the client may still be processing them). */
  ready(timeoutMs = 5000): Promise<void> {
    if ([...this.conns].some((c) => c.sessionId && c.ws.readyState === WebSocket.OPEN)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake discord: no READY within ${timeoutMs}ms`)), timeoutMs);
      this.readyWaiters.push(() => { clearTimeout(timer); resolve(); });
    });
  }

  /** Sends a dispatch (op 0) to every identified connection. Throws if none, so lost events are loud. */
  dispatch(t: string, d: unknown): void {
    const targets = this.liveConns();
    if (!targets.length) throw new Error(`fake discord: dispatch(${t}) with no identified gateway connection`);
    if (t === 'MESSAGE_CREATE') this.messages.set((d as Json).id as string, d as Json);
    for (const c of targets) this.send(c, t, d);
  }

  /** Sends any raw gateway payload (e.g. { op: 7 } Reconnect) to every open connection. */
  sendRaw(payload: Json): void {
    for (const c of this.conns) if (c.ws.readyState === WebSocket.OPEN) c.ws.send(JSON.stringify(payload));
  }

  /** Closes every gateway connection with `code` (4014 Disallowed intents, 4004 Authentication failed, 4000 → client resumes). */
  closeGateway(code: number, reason = ''): number {
    let n = 0;
    for (const c of this.conns) if (c.ws.readyState === WebSocket.OPEN) { c.ws.close(code, reason); n++; }
    return n;
  }

  /** MESSAGE_CREATE as a user would produce it in the guild text channel. Honors intents like Discord:
   * connections without GUILD_MESSAGES get nothing; without MESSAGE_CONTENT, content/embeds/attachments are blanked
   * unless the message mentions the bot. Returns the full payload. */
  messageCreate(input: MessageCreateInput): Json {
    const authorId = input.authorId ?? USER_ID;
    const author = this.user(authorId, input.authorName, input.authorBot);
    const mentionTag = `<@${BOT_ID}>`;
    const mentionsBot = input.mentionsBot ?? (input.content.includes(mentionTag) || input.content.includes(`<@!${BOT_ID}>`));
    const content = mentionsBot && !input.content.includes(BOT_ID) ? `${mentionTag} ${input.content}` : input.content;
    const channelId = input.channelId ?? CHANNEL_ID;
    const referenced = input.replyTo ? this.messages.get(input.replyTo) ?? null : null;
    const mentions: Json[] = [];
    if (mentionsBot) mentions.push(this.botUser);
    const refAuthor = referenced?.author as Json | undefined;
    if (refAuthor && !mentions.some((u) => u.id === refAuthor.id)) mentions.push(refAuthor); // replies ping by default
    const msg: Json = {
      id: input.messageId ?? snowflake(), channel_id: channelId, guild_id: GUILD_ID, author,
      member: this.member(authorId, false), content, timestamp: iso(), edited_timestamp: null, tts: false,
      mention_everyone: false, mentions, mention_roles: [], attachments: [], embeds: [], pinned: false,
      type: input.replyTo ? 19 : 0, flags: 0, components: [], nonce: snowflake(),
      ...(input.replyTo && { message_reference: { type: 0, message_id: input.replyTo, channel_id: channelId, guild_id: GUILD_ID }, referenced_message: referenced }),
    };
    this.messages.set(msg.id as string, msg);
    for (const c of this.liveConns()) {
      if (!(c.intents & INTENT_GUILD_MESSAGES)) continue;
      const seesContent = c.intents & INTENT_MESSAGE_CONTENT || mentionsBot || authorId === BOT_ID;
      this.send(c, 'MESSAGE_CREATE', seesContent ? msg : { ...msg, content: '', embeds: [], attachments: [], components: [] });
    }
    return msg;
  }

  /** INTERACTION_CREATE for a chat-input command (type 2). */
  interactionCreate(input: InteractionInput = {}): CreatedInteraction {
    const name = input.commandName ?? 'brief';
    let options: CommandOption[] = input.options ?? [];
    if (input.subcommand) options = [{ name: input.subcommand, type: 1, options }];
    if (input.subcommandGroup) options = [{ name: input.subcommandGroup, type: 2, options }];
    const command = [...(this.commands.get(GUILD_ID) ?? []), ...(this.commands.get('global') ?? [])].find((c) => c.name === name);
    const data: Json = { id: (command?.id as string | undefined) ?? snowflake(), name, type: 1, options, ...(command?.guild_id ? { guild_id: command.guild_id } : {}) };
    return this.createInteraction(2, data, input);
  }

  /** INTERACTION_CREATE for a button click (type 3) on `messageId` (a known message, or a stub bot message). */
  buttonInteraction(input: ButtonInput): CreatedInteraction {
    const channelId = input.channelId ?? CHANNEL_ID;
    const messageId = input.messageId ?? snowflake();
    const message = this.messages.get(messageId) ?? this.storeMessage(this.botMessage(channelId, { content: '' }, { id: messageId }));
    return this.createInteraction(3, { custom_id: input.customId, component_type: 2 }, input, message);
  }

  /** Next `times` requests matching get 429 with Discord's headers; @discordjs/rest waits Retry-After and retries. */
  rateLimitNext(matcher: RouteMatcher, opts: { retryAfterSeconds: number; global?: boolean }, times = 1): void {
    const { retryAfterSeconds: after, global = false } = opts;
    this.injections.push({
      matcher, times,
      reply: () => ({
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: after, global, ...(global ? {} : { code: 0 }) },
        headers: {
          // @discordjs/rest reads the Retry-After header (not the body) and accepts fractions; Discord sends whole seconds.
          'retry-after': String(after),
          'x-ratelimit-scope': global ? 'global' : 'user',
          ...(global
            ? { 'x-ratelimit-global': 'true' }
            : { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Date.now() / 1000 + after), 'x-ratelimit-reset-after': String(after) }),
        },
      }),
    });
  }

  /** Next `times` requests matching get `status` (5xx: @discordjs/rest retries up to 3 times; 4xx: DiscordAPIError). */
  failNext(matcher: RouteMatcher, status: number, times = 1, body?: Json): void {
    this.injections.push({ matcher, times, reply: () => ({ status, body: body ?? { message: `${status}: fake failure`, code: 0 } }) });
  }

  /** Resolves with the first truthy value of `predicate` (polled every 10ms). */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 3000): Promise<T> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const tick = () => {
        let value: T | undefined | null | false;
        try { value = predicate(); } catch (err) { return reject(err); }
        if (value) return resolve(value);
        if (Date.now() - started >= timeoutMs) {
          const seen = this.requests.map((r) => `${r.method} ${r.path} → ${r.status ?? '…'}`).join('\n  ');
          return reject(new Error(`fake discord: waitFor timed out after ${timeoutMs}ms; requests:\n  ${seen || '(none)'}`));
        }
        setTimeout(tick, 10);
      };
      tick();
    });
  }

  /** First answered request matching (`'POST /channels/'` prefix, RegExp, or predicate). */
  waitForRequest(match: RouteMatcher | ((r: FakeRequest) => boolean), timeoutMs = 3000): Promise<FakeRequest> {
    const test = typeof match === 'function' ? match : (r: FakeRequest) => matches(match, r);
    return this.waitFor(() => this.requests.find((r) => r.status !== undefined && test(r)), timeoutMs);
  }

  /** Stops everything. Destroy clients first; sockets still open are closed with 4004 so a forgotten client
   * stops instead of reconnecting forever (it will emit shardError "Authentication failed"). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.conns].map((c) => new Promise<void>((resolve) => {
      if (c.ws.readyState === WebSocket.CLOSED) return resolve();
      const timer = setTimeout(() => { c.ws.terminate(); resolve(); }, 500);
      c.ws.once('close', () => { clearTimeout(timer); resolve(); });
      if (c.ws.readyState === WebSocket.OPEN) c.ws.close(4004, 'fake discord closed');
    })));
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections(); // undici keeps REST sockets alive
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ───────────────────────────── gateway ─────────────────────────────

  private liveConns(): Conn[] {
    return [...this.conns].filter((c) => c.sessionId && c.ws.readyState === WebSocket.OPEN);
  }

  private send(c: Conn, t: string, d: unknown): void {
    const session = this.sessions.get(c.sessionId!)!;
    session.seq += 1;
    c.ws.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
  }

  private onGateway(ws: WebSocket, req: IncomingMessage): void {
    const conn: Conn = { ws, intents: 0 };
    this.conns.add(conn);
    ws.on('close', () => this.conns.delete(conn));
    ws.on('error', () => {}); // client resets are normal in tests
    const query = new URL(req.url ?? '/', 'ws://x').searchParams;
    // discord.js sends ?v=10&encoding=json. It only adds compress=zlib-stream when zlib-sync is installed; we ignore it
    // and send text frames, which the client always parses as plain JSON.
    if (query.get('v') !== '10') return ws.close(4012, 'Invalid API version');
    if ((query.get('encoding') ?? 'json') !== 'json') return ws.close(4002, 'Only JSON encoding is supported');
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.opts.heartbeatIntervalMs }, s: null, t: null }));
    ws.on('message', (raw, isBinary) => {
      let payload: Json;
      try { payload = JSON.parse(isBinary ? '' : raw.toString()) as Json; } catch { return ws.close(4002, 'Decode error'); }
      const op = payload.op as number;
      this.gatewayReceived.push({ op, d: payload.d, at: Date.now() });
      this.onOp(conn, op, payload.d as any);
    });
  }

  private onOp(conn: Conn, op: number, d: any): void {
    const { ws } = conn;
    switch (op) {
      case 1: // Heartbeat
        return ws.send(JSON.stringify({ op: 11, s: null, t: null, d: null }));
      case 2: { // Identify
        if (conn.sessionId) return ws.close(4005, 'Already authenticated');
        if (this.opts.token !== undefined && d?.token !== this.opts.token) return ws.close(4004, 'Authentication failed');
        const intents = Number(d?.intents ?? 0);
        if (intents & PRIVILEGED_INTENTS & ~this.opts.allowedPrivilegedIntents) return ws.close(4014, 'Disallowed intent(s).');
        conn.intents = intents;
        const session: Session = { id: randomBytes(16).toString('hex'), seq: 0, intents };
        this.sessions.set(session.id, session);
        conn.sessionId = session.id;
        this.send(conn, 'READY', {
          v: 10, user_settings: {}, user: { ...this.botUser, mfa_enabled: false, verified: true, email: null },
          guilds: [{ id: GUILD_ID, unavailable: true }], private_channels: [], presences: [], relationships: [],
          guild_join_requests: [], geo_ordered_rtc_regions: [], session_type: 'normal', session_id: session.id,
          resume_gateway_url: this.gatewayUrl, shard: d?.shard ?? [0, 1], application: { id: APP_ID, flags: 0 },
          _trace: ['["fake-discord",{"micros":0}]'],
        });
        // discord.js holds ClientReady until every READY guild arrives (else waits waitGuildTimeout, 15s), and only
        // caches channels that come inside GUILD_CREATE — messages for uncached channels are dropped.
        this.send(conn, 'GUILD_CREATE', this.guild(true));
        for (const w of this.readyWaiters.splice(0)) w();
        return;
      }
      case 6: { // Resume
        const session = this.sessions.get(d?.session_id);
        if (!session) return ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
        conn.sessionId = session.id;
        conn.intents = session.intents;
        this.send(conn, 'RESUMED', { _trace: ['fake-discord'] });
        for (const w of this.readyWaiters.splice(0)) w();
        return;
      }
      case 3: case 4: return; // presence / voice state updates: accepted, no reply
      case 8: { // Request Guild Members
        if (!conn.sessionId) return ws.close(4003, 'Not authenticated');
        const members = [...this.users.keys()].map((id) => this.member(id, true));
        return this.send(conn, 'GUILD_MEMBERS_CHUNK', { guild_id: GUILD_ID, members, chunk_index: 0, chunk_count: 1, not_found: [], nonce: d?.nonce });
      }
      default:
        return ws.close(4001, 'Unknown opcode');
    }
  }

  // ───────────────────────────── REST ─────────────────────────────

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://x');
    const record: FakeRequest = {
      // Routes.* percent-encode tokens and emoji; record the decoded path so tests can compare with plain strings.
      method: req.method ?? 'GET', path: safeDecode(url.pathname.replace(/^\/api(\/v\d+)?/, '')),
      query: Object.fromEntries(url.searchParams), body: undefined, files: [], headers: req.headers, at: Date.now(),
    };
    this.requests.push(record);
    let reply: Reply;
    try {
      await parseBody(record, raw);
      reply = this.injected(record) ?? (await this.route(record));
    } catch (err) {
      reply = apiError(500, 0, `fake discord error: ${(err as Error).message}`);
    }
    record.status = reply.status;
    const bucket = this.bucketHeaders(record);
    const base = reply.status < 300 ? bucket : reply.status === 429 && !reply.headers?.['x-ratelimit-global'] ? { 'x-ratelimit-bucket': bucket['x-ratelimit-bucket']! } : {};
    const headers: Record<string, string> = { ...base, ...reply.headers };
    if (reply.body === undefined) { // 204: no body and no JSON content-type, or @discordjs/rest tries to parse one
      res.writeHead(reply.status, headers).end();
    } else {
      res.writeHead(reply.status, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    }
  }

  private injected(r: FakeRequest): Reply | undefined {
    const inj = this.injections.find((i) => i.times > 0 && matches(i.matcher, r));
    if (!inj) return undefined;
    inj.times -= 1;
    return inj.reply();
  }

  // Healthy bucket headers: Remaining stays > 0 so @discordjs/rest never pre-emptively sleeps.
  private bucketHeaders(r: FakeRequest): Record<string, string> {
    const route = r.path.replace(/\d{17,19}/g, ':id').replace(/\/(webhooks|interactions)\/:id\/[^/]+/, '/$1/:id/:token');
    return {
      'x-ratelimit-bucket': createHash('sha1').update(`${r.method} ${route}`).digest('hex').slice(0, 16),
      'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4',
      'x-ratelimit-reset': String(Date.now() / 1000 + 1), 'x-ratelimit-reset-after': '1',
    };
  }

  private async route(r: FakeRequest): Promise<Reply> {
    const needsAuth = !/^\/(interactions|webhooks)\//.test(r.path);
    if (needsAuth && this.opts.token !== undefined && r.headers.authorization !== `Bot ${this.opts.token}`) {
      return apiError(401, 0, '401: Unauthorized');
    }
    for (const [method, pattern, handler] of this.routes) {
      const m = pattern.exec(r.path);
      if (m && method === r.method) return handler(r, m);
    }
    return apiError(404, 0, 'Unknown');
  }

  private buildRoutes(): Route[] {
    const ok = (body: unknown): Reply => ({ status: 200, body });
    const noContent: Reply = { status: 204 };
    const channel = (id: string) => (id === CHANNEL_ID ? undefined : apiError(404, 10003, 'Unknown Channel'));
    const ownMessage = (channelId: string, id: string) => {
      const msg = this.messages.get(id);
      return msg && msg.channel_id === channelId ? msg : undefined;
    };
    const commandRoutes = (scope: (m: RegExpExecArray) => string): Array<[string, (r: FakeRequest, m: RegExpExecArray) => Reply]> => [
      ['GET', (_r, m) => ok(this.commands.get(scope(m)) ?? [])],
      ['PUT', (r, m) => {
        if (!Array.isArray(r.body)) return formError('_root', 'BASE_TYPE_ARRAY', 'Must be an array.');
        const previous = this.commands.get(scope(m)) ?? [];
        const list = (r.body as Json[]).map((c) => this.command(c, scope(m), previous.find((p) => p.name === c.name)?.id as string | undefined));
        this.commands.set(scope(m), list);
        return ok(list);
      }],
      ['POST', (r, m) => {
        const list = this.commands.get(scope(m)) ?? [];
        const existing = list.find((p) => p.name === r.body?.name);
        const cmd = this.command(r.body as Json, scope(m), existing?.id as string | undefined);
        this.commands.set(scope(m), [...list.filter((p) => p !== existing), cmd]);
        return { status: existing ? 200 : 201, body: cmd };
      }],
    ];
    const routes: Route[] = [
      ['GET', /^\/gateway\/bot$/, () => ok({ url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } })],
      ['GET', /^\/gateway$/, () => ok({ url: this.gatewayUrl })],
      ['GET', /^\/users\/@me$/, () => ok({ ...this.botUser, mfa_enabled: false, verified: true, email: null, locale: 'en-US' })],
      ['GET', /^\/applications\/@me$/, () => ok(this.application())],
      ['GET', /^\/guilds\/(\d+)$/, (_r, m) => (m[1] === GUILD_ID ? ok(this.guild(false)) : apiError(404, 10004, 'Unknown Guild'))],
      ['GET', /^\/guilds\/(\d+)\/channels$/, (_r, m) => (m[1] === GUILD_ID ? ok([this.channel()]) : apiError(404, 10004, 'Unknown Guild'))],
      ['GET', /^\/guilds\/(\d+)\/members\/(\d+)$/, (_r, m) => (this.users.has(m[2]!) ? ok(this.member(m[2]!, true)) : apiError(404, 10007, 'Unknown Member'))],
      ['GET', /^\/channels\/(\d+)$/, (_r, m) => channel(m[1]!) ?? ok(this.channel())],
      ['POST', /^\/channels\/(\d+)\/typing$/, (_r, m) => channel(m[1]!) ?? noContent],
      ['POST', /^\/channels\/(\d+)\/messages$/, (r, m) => {
        const bad = channel(m[1]!) ?? validateMessage(r, true);
        if (bad) return bad;
        const ref = r.body?.message_reference as Json | undefined;
        const referenced = ref?.message_id ? this.messages.get(ref.message_id as string) : undefined;
        if (ref?.message_id && !referenced && ref.fail_if_not_exists !== false) {
          return formError('message_reference', 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
        }
        const extra: Json = referenced
          ? { type: 19, referenced_message: referenced, message_reference: { type: 0, channel_id: m[1], guild_id: GUILD_ID, message_id: referenced.id } }
          : {};
        return ok(this.storeMessage(this.botMessage(m[1]!, r, extra)));
      }],
      ['GET', /^\/channels\/(\d+)\/messages\/(\d+)$/, (_r, m) => {
        const msg = ownMessage(m[1]!, m[2]!);
        return msg ? ok(msg) : apiError(404, 10008, 'Unknown Message');
      }],
      ['PATCH', /^\/channels\/(\d+)\/messages\/(\d+)$/, (r, m) => {
        const msg = ownMessage(m[1]!, m[2]!);
        if (!msg) return apiError(404, 10008, 'Unknown Message');
        if ((msg.author as Json).id !== BOT_ID) return apiError(403, 50005, 'Cannot edit a message authored by another user');
        return validateMessage(r, false) ?? ok(this.editMessage(msg, r));
      }],
      ['DELETE', /^\/channels\/(\d+)\/messages\/(\d+)$/, (_r, m) => (this.messages.delete(m[2]!) ? noContent : apiError(404, 10008, 'Unknown Message'))],
      ['PUT', /^\/channels\/(\d+)\/messages\/(\d+)\/reactions\/[^/]+\/@me$/, (_r, m) => (ownMessage(m[1]!, m[2]!) ? noContent : apiError(404, 10008, 'Unknown Message'))],
      ['DELETE', /^\/channels\/(\d+)\/messages\/(\d+)\/reactions\/[^/]+\/@me$/, () => noContent],
      ['POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, (r, m) => this.callback(r, m[1]!, m[2]!)],
      ['POST', /^\/webhooks\/(\d+)\/([^/]+)$/, (r, m) => this.followUp(r, m[1]!, m[2]!)],
      ...(['GET', 'PATCH', 'DELETE'].map((method): Route => [method, /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/, (r, m) => this.webhookMessage(r, m[1]!, m[2]!, m[3]!)])),
      ...commandRoutes(() => 'global').map(([method, h]): Route => [method, new RegExp(`^/applications/${APP_ID}/commands$`), h]),
      ...commandRoutes((m) => m[1]!).map(([method, h]): Route => [method, new RegExp(`^/applications/${APP_ID}/guilds/(\\d+)/commands$`), h]),
    ];
    return routes;
  }

  // Interaction callback: 204 by default; with_response=true → 200 { interaction, resource } (discord.js always sends
  // the query, as with_response=false unless asked).
  private callback(r: FakeRequest, id: string, token: string): Reply {
    const it = this.interactions.get(id);
    if (!it || it.token !== token || Date.now() - it.createdAt > this.opts.ackDeadlineMs) return apiError(404, 10062, 'Unknown interaction');
    if (it.acked) return apiError(400, 40060, 'Interaction has already been acknowledged.');
    const type = Number(r.body?.type);
    const data = (r.body?.data ?? {}) as Json;
    const flags = Number(data.flags ?? 0);
    let message: Json | undefined;
    switch (type) {
      case 4: { // ChannelMessageWithSource
        const bad = validateMessage({ ...r, body: data }, true);
        if (bad) return bad;
        message = this.interactionMessage(it, { ...r, body: data }, flags & MSG_EPHEMERAL);
        it.originalId = message.id as string;
        break;
      }
      case 5: // DeferredChannelMessageWithSource: a "thinking…" placeholder becomes @original
        message = this.interactionMessage(it, { ...r, body: { content: '' } }, (flags & MSG_EPHEMERAL) | MSG_LOADING);
        it.originalId = message.id as string;
        it.deferred = true;
        break;
      case 6: case 7: { // DeferredUpdateMessage / UpdateMessage: @original is the component's message
        if (!it.componentMessageId) return formError('type', 'INTERACTION_RESPONSE_TYPE_INVALID', 'Invalid for this interaction type');
        it.originalId = it.componentMessageId;
        const target = this.messages.get(it.componentMessageId);
        if (!target) return apiError(404, 10008, 'Unknown Message');
        if (type === 7) {
          const bad = validateMessage({ ...r, body: data }, false);
          if (bad) return bad;
          message = this.editMessage(target, { ...r, body: data });
        } else message = target;
        break;
      }
      case 1: case 8: case 9: break; // Pong / autocomplete result / modal: no message
      default: return formError('type', 'BASE_TYPE_CHOICES', `Value must be one of {1, 4, 5, 6, 7, 8, 9}.`);
    }
    it.acked = true;
    if (r.query.with_response !== 'true') return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: { id: it.id, type: it.type, response_message_id: it.originalId ?? null, response_message_loading: type === 5, response_message_ephemeral: Boolean(flags & MSG_EPHEMERAL) },
        resource: { type, ...(message && { message }) },
      },
    };
  }

  private interactionByToken(appId: string, token: string): InteractionState | undefined {
    if (appId !== APP_ID) return undefined;
    return [...this.interactions.values()].find((i) => i.token === token);
  }

  private followUp(r: FakeRequest, appId: string, token: string): Reply {
    const it = this.interactionByToken(appId, token);
    if (!it || !it.acked) return apiError(404, 10015, 'Unknown Webhook');
    const bad = validateMessage(r, true);
    if (bad) return bad;
    const original = it.originalId ? this.messages.get(it.originalId) : undefined;
    let msg: Json;
    if (original && it.deferred && Number(original.flags) & MSG_LOADING) {
      // Discord: the first follow-up after a defer replaces the "thinking…" message, keeping the defer's ephemeral flag.
      msg = this.editMessage(original, r);
    } else {
      msg = this.interactionMessage(it, r, Number(r.body?.flags ?? 0) & MSG_EPHEMERAL);
    }
    return r.query.wait === 'true' ? { status: 200, body: msg } : { status: 204 };
  }

  private webhookMessage(r: FakeRequest, appId: string, token: string, messageId: string): Reply {
    const it = this.interactionByToken(appId, token);
    if (!it) return apiError(404, 10015, 'Unknown Webhook');
    const id = messageId === '@original' ? it.originalId : messageId;
    const msg = id && (it.messageIds.has(id) || id === it.componentMessageId) ? this.messages.get(id) : undefined;
    if (!msg) return apiError(404, 10008, 'Unknown Message');
    if (r.method === 'GET') return { status: 200, body: msg };
    if (r.method === 'DELETE') { this.messages.delete(msg.id as string); return { status: 204 }; }
    return validateMessage(r, false) ?? { status: 200, body: this.editMessage(msg, r) };
  }

  // ───────────────────────────── payload builders ─────────────────────────────

  private createInteraction(type: number, data: Json, input: { userId?: string; username?: string; channelId?: string; locale?: string }, message?: Json): CreatedInteraction {
    const id = snowflake();
    const token = Buffer.from(`interaction:${id}:${randomBytes(48).toString('hex')}`).toString('base64url'); // shaped like Discord's
    const userId = input.userId ?? USER_ID;
    const channelId = input.channelId ?? CHANNEL_ID;
    this.user(userId, input.username);
    const payload: Json = {
      id, application_id: APP_ID, type, data, token, version: 1,
      guild_id: GUILD_ID, guild: { id: GUILD_ID, locale: 'en-US', features: [] },
      channel_id: channelId, channel: { ...this.channel(channelId), permissions: PERMISSIONS },
      member: { ...this.member(userId, true), permissions: PERMISSIONS },
      app_permissions: PERMISSIONS, locale: input.locale ?? 'en-US', guild_locale: 'en-US',
      entitlements: [], // discord.js reduces over it: a missing array crashes the INTERACTION_CREATE handler
      authorizing_integration_owners: { '0': GUILD_ID }, context: 0, attachment_size_limit: 10485760,
      ...(message && { message }),
    };
    this.interactions.set(id, {
      id, token, type, channelId, createdAt: Date.now(), acked: false, deferred: false, messageIds: new Set(), payload,
      ...(message && { componentMessageId: message.id as string }),
    });
    this.dispatch('INTERACTION_CREATE', payload);
    return { id, token, applicationId: APP_ID, payload };
  }

  private user(id: string, username?: string, bot?: boolean): Json {
    const existing = this.users.get(id);
    if (existing) return existing;
    const user: Json = { id, username: username ?? `user${id.slice(-4)}`, discriminator: '0', global_name: null, avatar: null, flags: 0, public_flags: 0, ...(bot && { bot: true }) };
    this.users.set(id, user);
    return user;
  }

  private member(id: string, withUser: boolean): Json {
    return {
      ...(withUser && { user: this.users.get(id) }), nick: null, avatar: null, banner: null,
      roles: id === BOT_ID ? [BOT_ROLE_ID] : [], joined_at: '2024-01-01T00:00:00.000Z', premium_since: null,
      deaf: false, mute: false, flags: 0, pending: false, communication_disabled_until: null,
    };
  }

  private channel(id = CHANNEL_ID): Json {
    return {
      id, type: 0, guild_id: GUILD_ID, name: 'general', position: 0, permission_overwrites: [], topic: null,
      nsfw: false, last_message_id: null, rate_limit_per_user: 0, parent_id: null, flags: 0,
    };
  }

  private guild(withGatewayFields: boolean): Json {
    const role = (id: string, name: string, extra: Json = {}) => ({
      id, name, permissions: PERMISSIONS, position: 0, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false, managed: false, mentionable: false, icon: null, unicode_emoji: null, flags: 0, ...extra,
    });
    const guild: Json = {
      id: GUILD_ID, name: 'Briefbot Test Guild', icon: null, splash: null, discovery_splash: null, owner_id: USER_ID,
      afk_channel_id: null, afk_timeout: 300, verification_level: 0, default_message_notifications: 0, explicit_content_filter: 0,
      roles: [role(GUILD_ID, '@everyone'), role(BOT_ROLE_ID, 'briefbot', { position: 1, managed: true, tags: { bot_id: BOT_ID } })],
      emojis: [], stickers: [], features: [], mfa_level: 0, application_id: null, system_channel_id: CHANNEL_ID,
      system_channel_flags: 0, rules_channel_id: null, max_members: 500000, vanity_url_code: null, description: null,
      banner: null, premium_tier: 0, premium_subscription_count: 0, preferred_locale: 'en-US', public_updates_channel_id: null,
      nsfw_level: 0, premium_progress_bar_enabled: false, safety_alerts_channel_id: null, incidents_data: null,
    };
    if (!withGatewayFields) return guild;
    const { guild_id: _omit, ...channel } = this.channel(); // GUILD_CREATE channels carry no guild_id
    return {
      ...guild, joined_at: '2024-01-01T00:00:00.000Z', large: false, unavailable: false, member_count: this.users.size,
      voice_states: [], members: [...this.users.keys()].map((id) => this.member(id, true)), channels: [channel], threads: [],
      presences: [], stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [], lazy: true,
    };
  }

  private application(): Json {
    return {
      id: APP_ID, name: 'briefbot', icon: null, description: 'Policy briefings', summary: '', type: null, bot_public: false,
      bot_require_code_grant: false, verify_key: 'a'.repeat(64), flags: 0, team: null, owner: this.users.get(USER_ID),
      bot: this.botUser, tags: [], install_params: null, integration_types_config: { '0': {} },
      approximate_guild_count: 1, approximate_user_install_count: 0, redirect_uris: [], interactions_endpoint_url: null,
    };
  }

  private command(body: Json, scope: string, id?: string): Json {
    return {
      id: id ?? snowflake(), application_id: APP_ID, version: snowflake(), type: 1, description: '', options: [],
      default_member_permissions: null, nsfw: false, integration_types: [0], contexts: null,
      ...(scope === 'global' ? { dm_permission: true } : { guild_id: scope }),
      ...body,
    };
  }

  /** A message authored by the bot from a create/edit request body (JSON or multipart payload_json + files). */
  private botMessage(channelId: string, r: FakeRequest | Json, extra: Json = {}): Json {
    const body = ('method' in r ? (r as FakeRequest).body : r) as Json;
    const files = 'method' in r ? (r as FakeRequest).files : [];
    const id = (extra.id as string | undefined) ?? snowflake();
    return {
      id, channel_id: channelId, guild_id: GUILD_ID, author: this.botUser, content: (body.content as string | undefined) ?? '',
      timestamp: iso(), edited_timestamp: null, tts: Boolean(body.tts), mention_everyone: false,
      mentions: this.mentionsIn(String(body.content ?? ''), body.allowed_mentions as Json | undefined), mention_roles: [],
      attachments: attachmentsFor(channelId, files), embeds: normalizeEmbeds(body.embeds), components: body.components ?? [],
      pinned: false, type: 0, flags: Number(body.flags ?? 0), ...(body.nonce !== undefined && { nonce: body.nonce }),
      ...extra,
    };
  }

  private interactionMessage(it: InteractionState, r: FakeRequest, flags: number): Json {
    const p = it.payload;
    const user = (p.member as Json).user as Json;
    const msg = this.botMessage(it.channelId, r, {
      webhook_id: APP_ID, application_id: APP_ID, flags, type: it.type === 2 ? 20 : 0,
      interaction_metadata: { id: it.id, type: it.type, user, authorizing_integration_owners: p.authorizing_integration_owners, ...(it.type === 2 && { name: (p.data as Json).name, command_type: 1 }) },
    });
    it.messageIds.add(msg.id as string);
    return this.storeMessage(msg);
  }

  private editMessage(msg: Json, r: FakeRequest): Json {
    const body = (r.body ?? {}) as Json;
    if ('content' in body) { msg.content = body.content ?? ''; msg.mentions = this.mentionsIn(String(msg.content), body.allowed_mentions as Json | undefined); }
    if ('embeds' in body) msg.embeds = normalizeEmbeds(body.embeds);
    if ('components' in body) msg.components = body.components ?? [];
    if ('attachments' in body || r.files.length) msg.attachments = attachmentsFor(msg.channel_id as string, r.files);
    if ('flags' in body && body.flags != null) msg.flags = (Number(msg.flags) & MSG_EPHEMERAL) | Number(body.flags); // ephemeral can't be toggled
    msg.flags = Number(msg.flags) & ~MSG_LOADING; // the first edit ends "thinking…"
    msg.edited_timestamp = iso();
    return msg;
  }

  private storeMessage(msg: Json): Json {
    this.messages.set(msg.id as string, msg);
    return msg;
  }

  private mentionsIn(content: string, allowed?: Json): Json[] {
    const parse = allowed?.parse as string[] | undefined;
    const allowedUsers = allowed?.users as string[] | undefined;
    if (allowed && !parse?.includes('users') && !allowedUsers?.length) return [];
    const ids = [...content.matchAll(/<@!?(\d{17,19})>/g)].map((m) => m[1]!).filter((id) => !allowedUsers || allowedUsers.includes(id));
    return [...new Set(ids)].flatMap((id) => (this.users.has(id) ? [this.users.get(id)!] : []));
  }
}

// ───────────────────────────── helpers ─────────────────────────────

function safeDecode(path: string): string {
  try { return decodeURIComponent(path); } catch { return path; }
}

function matches(matcher: RouteMatcher, r: FakeRequest): boolean {
  const key = `${r.method} ${r.path}`;
  return typeof matcher === 'string' ? key.startsWith(matcher) : matcher.test(key);
}

async function parseBody(record: FakeRequest, raw: Buffer): Promise<void> {
  if (!raw.length) return;
  const type = String(record.headers['content-type'] ?? '');
  if (type.startsWith('multipart/form-data')) {
    // @discordjs/rest sends files as multipart with the JSON body in payload_json.
    const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    for (const [field, value] of form.entries()) {
      if (field === 'payload_json') record.body = JSON.parse(String(value));
      else if (typeof value !== 'string') record.files.push({ field, filename: value.name, contentType: value.type, size: value.size });
    }
    return;
  }
  const text = raw.toString('utf8');
  try { record.body = JSON.parse(text); } catch { record.body = text; }
}

/** Discord's message limits: content ≤ 2000, ≤ 10 embeds, embed description ≤ 4096, embeds total ≤ 6000, not empty. */
function validateMessage(r: FakeRequest, mustHaveContent: boolean): Reply | undefined {
  const body = (r.body ?? {}) as Json;
  const content = typeof body.content === 'string' ? body.content : '';
  if (content.length > 2000) return formError('content', 'BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Json[]) : [];
  if (embeds.length > 10) return formError('embeds', 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  let total = 0;
  for (const e of embeds) {
    if (String(e.title ?? '').length > 256) return formError('embeds', 'BASE_TYPE_MAX_LENGTH', 'Embed title must be 256 or fewer in length.');
    if (String(e.description ?? '').length > 4096) return formError('embeds', 'BASE_TYPE_MAX_LENGTH', 'Embed description must be 4096 or fewer in length.');
    const fields = Array.isArray(e.fields) ? (e.fields as Json[]) : [];
    if (fields.length > 25) return formError('embeds', 'BASE_TYPE_MAX_LENGTH', 'Embed fields must be 25 or fewer in length.');
    for (const f of fields) {
      if (String(f.name ?? '').length > 256 || String(f.value ?? '').length > 1024) return formError('embeds', 'BASE_TYPE_MAX_LENGTH', 'Embed field too long.');
    }
    total += [e.title, e.description, (e.footer as Json | undefined)?.text, (e.author as Json | undefined)?.name, ...fields.flatMap((f) => [f.name, f.value])]
      .reduce<number>((n, s) => n + String(s ?? '').length, 0);
  }
  if (total > 6000) return formError('embeds', 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
  const hasSomething = content.trim() || embeds.length || (Array.isArray(body.components) && body.components.length) || r.files.length || (Array.isArray(body.sticker_ids) && body.sticker_ids.length) || body.poll;
  if (mustHaveContent && !hasSomething) return apiError(400, 50006, 'Cannot send an empty message');
  return undefined;
}

function normalizeEmbeds(embeds: unknown): Json[] {
  return Array.isArray(embeds) ? (embeds as Json[]).map((e) => ({ type: 'rich', ...e })) : [];
}

function attachmentsFor(channelId: string, files: FakeFile[]): Json[] {
  return files.map((f) => {
    const id = snowflake();
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${f.filename}`;
    return { id, filename: f.filename, size: f.size, url, proxy_url: url, content_type: f.contentType };
  });
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const server = createServer();
  const wss = new WebSocketServer({ server });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return new FakeDiscord(server, wss, port, {
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 45_000,
    allowedPrivilegedIntents: options.allowedPrivilegedIntents ?? PRIVILEGED_INTENTS,
    ackDeadlineMs: options.ackDeadlineMs ?? Number.POSITIVE_INFINITY,
    ...(options.token !== undefined && { token: options.token }),
  });
}
