// The Slack adapter: Bolt owns the connection (HTTP with a signing secret, or Socket Mode); this file turns
// /brief, @mentions and button clicks into core calls and sends replies through render.ts.
import { App, HTTPReceiver, LogLevel, type CustomRoute, type RespondFn } from '@slack/bolt';
import type { RetryOptions } from '@slack/web-api';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Briefbot } from '../../src/bot.ts';
import type { Digest } from '../../src/types.ts';
import type { Logger } from '../../src/log.ts';
import type { ScheduleDefaults } from '../../src/schedule/subscription.ts';
import type { ChatAdapter } from '../../src/app/ports.ts';
import { Conversation, type Reply } from '../../src/app/conversation.ts';
import type { SlackConfig } from './config.ts';
import type { AlertPost } from '../../src/alerts/match.ts';
import { ACTIONS, alertMessage, digestMessage, escapeSlack, mrkdwn, replyMessage, type SlackMessage, type SlackText } from './render.ts';

export interface SlackAdapterOptions {
  config: SlackConfig;
  schedule: ScheduleDefaults;
  logger: Logger;
  /** How the Web API client retries (default: Bolt's, up to ten retries over about half an hour). */
  retryConfig?: RetryOptions;
  /** Clock for the request-timestamp check (tests). */
  now?: () => number;
  /** HTTP mode: more routes on the receiver's port (the operations endpoints: /healthz, /readyz, /metrics). */
  customRoutes?: CustomRoute[];
}

/** Slack rejects a response_url after five uses in thirty minutes. */
const RESPONSE_URL_USES = 5;
const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
/** Requests stamped further ahead than this are rejected (Bolt itself only rejects old ones). */
const MAX_CLOCK_SKEW_S = 300;

export class SlackAdapter implements ChatAdapter {
  readonly platform = 'slack' as const;
  private readonly app: App;
  private readonly receiver: HTTPReceiver | null;
  private server: Server | null = null;
  private readonly responseUses = new ResponseUrlUses();
  private readonly conversation: Conversation;

  constructor(bot: Briefbot, private readonly options: SlackAdapterOptions) {
    const { config } = options;
    this.conversation = new Conversation(bot, { schedule: options.schedule, logger: options.logger });
    const clientOptions = { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}) };
    const logger = boltLogger(options.logger);
    if (config.mode === 'socket') {
      this.receiver = null;
      this.app = new App({ token: config.botToken, appToken: config.appToken!, socketMode: true, clientOptions, logger });
    } else {
      this.receiver = new HTTPReceiver({ signingSecret: config.signingSecret!, endpoints: '/slack/events', customRoutes: options.customRoutes ?? [], logger });
      this.app = new App({ token: config.botToken, receiver: this.receiver, clientOptions, logger });
    }
    this.routes();
  }

  /** The port the HTTP receiver listens on (after start). */
  get port(): number | null {
    return this.server ? (this.server.address() as AddressInfo).port : null;
  }

  async start(): Promise<void> {
    if (!this.receiver) {
      await this.app.start();
      return;
    }
    const listener = this.receiver.requestListener;
    const now = this.options.now ?? Date.now;
    this.server = createServer((req, res) => {
      const stamp = Number(req.headers['x-slack-request-timestamp']);
      if (Number.isFinite(stamp) && stamp - now() / 1000 > MAX_CLOCK_SKEW_S) {
        res.writeHead(401, { 'content-type': 'text/plain' }).end('request timestamp is in the future');
        return;
      }
      try {
        listener(req, res);
      } catch {
        // Bolt throws for a path it does not serve (a load balancer's GET /): a 404, not a crashed process.
        if (!res.headersSent) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      }
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.options.config.port, this.options.config.host, resolve);
    });
    this.options.logger.info(`Slack: listening for requests on ${this.options.config.host}:${this.port}/slack/events`);
  }

  async stop(): Promise<void> {
    if (this.server) {
      const server = this.server;
      this.server = null;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    } else {
      await this.app.stop();
    }
  }

  postBriefing(channel: string, digest: Digest, key: string): Promise<string> {
    return this.postOnce(channel, digestMessage(digest), 'briefbot_briefing', key);
  }

  postAlert(channel: string, alert: AlertPost, key: string): Promise<string> {
    return this.postOnce(channel, alertMessage(alert), 'briefbot_alert', key);
  }

  /** Posts a scheduled message unless it went out already: the key rides along as metadata, so a retry finds it. */
  private async postOnce(channel: string, m: ReturnType<typeof digestMessage>, eventType: string, key: string): Promise<string> {
    const previous = await this.findBriefing(channel, key);
    if (previous) return previous;
    const res = await this.app.client.chat.postMessage({
      channel,
      ...m,
      unfurl_links: false,
      metadata: { event_type: eventType, event_payload: { key } },
    });
    return String(res.ts);
  }

  private async findBriefing(channel: string, key: string): Promise<string | null> {
    try {
      const res = await this.app.client.conversations.history({ channel, limit: 20, include_all_metadata: true });
      const hit = (res.messages ?? []).find((m) => (m as { metadata?: { event_payload?: { key?: string } } }).metadata?.event_payload?.key === key);
      return hit?.ts ?? null;
    } catch {
      return null; // without channels:history the check is skipped; the database claim still guards the post
    }
  }

  private routes(): void {
    const { command } = this.options.config;
    const prefix = `${command} `;

    this.app.command(command, async ({ command: cmd, ack, respond }) => {
      // Acknowledge first, whatever the answer costs: Slack allows three seconds.
      await ack();
      const where = { user: cmd.user_id, channel: cmd.channel_id, ephemeral: true };
      const render = (r: Reply) => replyMessage(r, { prefix, shareable: true });
      await this.conversation.handle({ platform: 'slack', channel: cmd.channel_id, user: cmd.user_id, input: { text: cmd.text ?? '' } }, {
        send: async (r) => (await this.respondWith(respond, cmd.response_url, render(r), where), true),
        // The answer is replaced by the same answer with its grounded summary on top.
        edit: (_, r) => this.respondWith(respond, cmd.response_url, render(r), { ...where, replace: true }),
      });
    });

    this.app.event('app_mention', async ({ event, body, client }) => {
      // Slack redelivers an event it thinks was missed (X-Slack-Retry-Num); the core answers it once.
      const eventId = (body as { event_id?: string }).event_id ?? `${event.channel}:${event.ts}`;
      // Mentions as <@U123> and, from some clients, <@U123|name>.
      const text = event.text.replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, '').trim();
      const render = (r: Reply) => replyMessage(r, { prefix: '@briefbot ', shareable: false });
      const user = event.user ?? null;
      await this.conversation.handle({ platform: 'slack', channel: event.channel, user, eventId, input: { text } }, {
        send: (r) => this.post(client, { channel: event.channel, thread_ts: event.thread_ts ?? event.ts, ...render(r) }, user),
        edit: async (ts, r) => {
          await client.chat.update({ channel: event.channel, ts, ...render(r) }).catch((err: Error) => this.options.logger.warn(`Slack: adding the summary failed: ${err.message}`));
        },
      });
    });

    this.app.action(ACTIONS.more, async ({ ack, body, action, respond, client }) => {
      await ack();
      const b = body as { channel?: { id: string }; user: { id: string }; container?: { is_ephemeral?: boolean; thread_ts?: string; message_ts?: string }; response_url?: string };
      const ephemeral = b.container?.is_ephemeral === true;
      const render = (r: Reply) => replyMessage(r, { prefix, shareable: ephemeral });
      await this.conversation.handle({ platform: 'slack', channel: b.channel?.id ?? '', user: b.user.id, input: { more: (action as { value?: string }).value ?? '' } }, {
        send: async (r) => {
          if (ephemeral) {
            await this.respondWith(respond, b.response_url, render(r), { user: b.user.id, channel: b.channel?.id ?? '', ephemeral: true, replace: true });
            return true;
          }
          // A public answer pages on in its thread rather than changing under everyone's eyes.
          return b.channel ? this.post(client, { channel: b.channel.id, thread_ts: b.container?.thread_ts ?? b.container?.message_ts, ...render(r) }, b.user.id) : null;
        },
        edit: async () => {},
      });
    });

    this.app.action(ACTIONS.share, async ({ ack, body, action, client, respond }) => {
      await ack();
      const b = body as { channel?: { id: string }; user: { id: string }; response_url?: string };
      if (!b.channel) return;
      const channel = b.channel.id;
      const privately = (m: SlackMessage) => this.respondWith(respond, b.response_url, m, { user: b.user.id, channel, ephemeral: true, replace: false });
      await this.conversation.handle({ platform: 'slack', channel, user: b.user.id, input: { share: (action as { value?: string }).value ?? '' } }, {
        send: async (r) => {
          // Only an answer is shared; anything else (an expired page) is said to the person who clicked.
          if (r.type !== 'answer') return (await privately(replyMessage(r, { prefix, shareable: false })), null);
          const posted = await this.post(client, { channel, ...replyMessage(r, { prefix, shareable: false, sharedBy: r.sharedBy }) }, b.user.id);
          if (posted) await privately({ text: mrkdwn`Shared in the channel.`, blocks: [] });
          return posted;
        },
        edit: async () => {},
      });
    });

    this.app.error(async (err) => {
      this.options.logger.error(`Slack: ${err.message}`);
    });
  }

  /**
   * Answers through response_url while it has uses left (five in thirty minutes), then through the Web API.
   * A failure is told to the user plainly where possible, and logged.
   */
  private async respondWith(respond: RespondFn, url: string | undefined, m: SlackMessage, where: { user: string; channel: string; ephemeral: boolean; replace?: boolean }): Promise<void> {
    if (url && this.responseUses.take(url, Date.now())) {
      try {
        await respond({ ...m, response_type: where.ephemeral ? 'ephemeral' : 'in_channel', replace_original: where.replace ?? false });
        return;
      } catch (err) {
        this.options.logger.warn(`Slack: response_url refused the reply (${(err as Error).message}); using the Web API`);
      }
    }
    try {
      if (where.ephemeral) await this.app.client.chat.postEphemeral({ channel: where.channel, user: where.user, ...m });
      else await this.app.client.chat.postMessage({ channel: where.channel, ...m });
    } catch (err) {
      this.options.logger.error(`Slack: could not deliver a reply in ${where.channel}: ${(err as Error).message}`);
    }
  }

  /** Posts to a channel; if Slack refuses even after retries, tells the asker privately why, in plain words. */
  private async post(client: App['client'], args: { channel: string; thread_ts?: string | undefined } & SlackMessage, user: string | null): Promise<string | null> {
    try {
      const res = await client.chat.postMessage({ ...args, unfurl_links: false });
      return res.ts ?? null;
    } catch (err) {
      const why = slackError(err);
      this.options.logger.error(`Slack: chat.postMessage failed in ${args.channel}: ${why}`);
      if (user) {
        try {
          await client.chat.postEphemeral({ channel: args.channel, user, text: apology(why) });
        } catch {
          // Slack is refusing everything; the log has the reason.
        }
      }
      return null;
    }
  }
}

/** What the asker is told when a post is refused: what to do about it, where there is something to do. */
function apology(why: string): SlackText {
  if (why === 'not_in_channel') return mrkdwn`Sorry, I cannot post in this channel because I am not a member of it. Invite me with \`/invite @briefbot\`, then try again.`;
  return mrkdwn`Sorry, Slack did not accept my answer (${escapeSlack(why)}). Please try again in a minute.`;
}

/**
 * Which response_urls have uses left: Slack allows five uses in thirty minutes. A URL is forgotten once its thirty
 * minutes are up (it is dead by then), and past `max` URLs the oldest go first, so memory stays bounded however many
 * commands arrive.
 */
export class ResponseUrlUses {
  private readonly uses = new Map<string, { n: number; first: number }>();

  constructor(private readonly max = 10_000) {}

  /** URLs remembered now. */
  get size(): number {
    return this.uses.size;
  }

  /** Counts a use of `url` at `now` (ms); false when it has none left, and should not be used. */
  take(url: string, now: number): boolean {
    // Oldest first (Map order is first use): drop the expired ones, then any over the cap.
    for (const [u, use] of this.uses) {
      if (now - use.first <= RESPONSE_URL_LIFETIME_MS && this.uses.size < this.max) break;
      this.uses.delete(u);
    }
    const use = this.uses.get(url);
    if (!use || now - use.first > RESPONSE_URL_LIFETIME_MS) {
      this.uses.delete(url);
      this.uses.set(url, { n: 1, first: now });
      return true;
    }
    if (use.n >= RESPONSE_URL_USES) return false;
    use.n++;
    return true;
  }
}

function slackError(err: unknown): string {
  const e = err as { data?: { error?: string }; statusCode?: number; message?: string };
  return e.data?.error ?? (e.statusCode ? `HTTP ${e.statusCode}` : (e.message ?? 'unknown error'));
}

/** Bolt's logger interface over ours. */
function boltLogger(log: Logger) {
  let level = LogLevel.INFO;
  return {
    debug: (...m: unknown[]) => log.debug(`Slack: ${m.join(' ')}`),
    info: (...m: unknown[]) => log.debug(`Slack: ${m.join(' ')}`),
    warn: (...m: unknown[]) => log.warn(`Slack: ${m.join(' ')}`),
    error: (...m: unknown[]) => log.error(`Slack: ${m.join(' ')}`),
    setLevel: (l: LogLevel) => { level = l; },
    getLevel: () => level,
    setName: () => {},
  };
}
