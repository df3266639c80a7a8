// The Discord adapter: discord.js owns the gateway and REST (including rate limits); this file turns @mentions,
// /brief and "More quotes" clicks into core calls and sends replies through render.ts. Of several replicas, only the
// one holding the gateway lease (gateway-lease.ts) is connected; any replica posts briefings, over REST.
import { createHash } from 'node:crypto';
import {
  Client,
  DiscordAPIError,
  DiscordjsErrorCodes,
  Events,
  GatewayCloseCodes,
  GatewayIntentBits,
  MessageFlags,
  REST,
  RESTEvents,
  Routes,
  type APIAllowedMentions,
  type APIMessage,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
  type MessageMentionOptions,
  type RESTOptions,
} from 'discord.js';
import type { Briefbot } from '../../src/bot.ts';
import type { Digest } from '../../src/types.ts';
import type { Logger } from '../../src/log.ts';
import type { ScheduleDefaults } from '../../src/schedule/subscription.ts';
import type { ChatAdapter } from '../../src/app/ports.ts';
import { Conversation, type Reply } from '../../src/app/conversation.ts';
import type { DiscordConfig } from './config.ts';
import { GatewayLease, LEASE_TIMING, type LeaseTiming } from './gateway-lease.ts';
import { MORE_PREFIX, alertMessage, digestMessage, replyMessage, type DiscordMessage } from './render.ts';
import type { AlertPost } from '../../src/alerts/match.ts';
import { COMMAND_NAME, QUESTION_OPTION } from './register.ts';

export interface DiscordAdapterOptions {
  config: DiscordConfig;
  schedule: ScheduleDefaults;
  logger: Logger;
  /** @discordjs/rest options over the defaults (tests: `offset: 0`). */
  rest?: Partial<RESTOptions>;
  /** How long the gateway lease lasts and how often it is renewed (default LEASE_TIMING; tests: a fraction of a second). */
  lease?: Partial<LeaseTiming>;
}

/**
 * No privileged intent: Discord delivers the text of messages that mention the bot without Message Content, and
 * mentions are all briefbot reads.
 */
export const INTENTS: readonly GatewayIntentBits[] = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];

/** Every message goes out with this: nothing the bot posts pings anyone, not even the person it replies to. */
const NO_PINGS: MessageMentionOptions = { parse: [], repliedUser: false };
const NO_PINGS_API: APIAllowedMentions = { parse: [], replied_user: false };

const PORTAL = 'discord.com/developers/applications → your application';

/** A login cut short because this replica gave up the gateway lease meanwhile. */
class SteppedDown extends Error {}

export class DiscordAdapter implements ChatAdapter {
  readonly platform = 'discord' as const;
  private readonly conversation: Conversation;
  /** Briefings go out through this, logged in or not: posting needs the token, not the gateway. */
  private readonly rest: REST;
  private readonly lease: GatewayLease;
  /** The gateway client. A destroyed discord.js client cannot log in again, so each lease term gets a new one. */
  private current: Client;
  private fresh = true;
  /** While a login waits for the gateway: fails it when Discord closes the connection for good, or on a step-down. */
  private failStart: ((err: Error) => void) | null = null;

  constructor(bot: Briefbot, private readonly options: DiscordAdapterOptions) {
    const { config } = options;
    this.conversation = new Conversation(bot, { schedule: options.schedule, logger: options.logger });
    this.rest = new REST(this.restOptions()).setToken(config.token);
    this.logRateLimits(this.rest);
    this.current = this.newClient();
    const timing = { ...LEASE_TIMING, ...options.lease };
    this.lease = new GatewayLease(() => bot.state, { connect: () => this.connect(), disconnect: () => this.disconnect() }, timing, options.logger);
  }

  /** The current gateway client (connected only while this replica holds the gateway lease). */
  get client(): Client {
    return this.current;
  }

  /** This replica's name in the leases table. */
  get holder(): string {
    return this.lease.holder;
  }

  /**
   * With the gateway lease: resolves once logged in and ready (guilds and channels cached), or rejects with the
   * reason Discord gave. Without it (another replica holds it): resolves at once, standing by to take over.
   */
  async start(): Promise<void> {
    await this.lease.start();
  }

  /** Disconnects, then gives up the gateway lease: a standby replica connects at its next attempt. */
  async stop(): Promise<void> {
    await this.lease.stop();
    this.rest.clearHashSweeper();
    this.rest.clearHandlerSweeper();
  }

  /**
   * Posts a briefing, over REST: a replica standing by (not connected to the gateway) posts too, so the scheduler
   * needs no notion of which replica is connected, and briefings go out during a handover. The nonce (from the key)
   * with enforce_nonce makes Discord return the earlier message instead of posting a second one when a delivery is
   * retried within its dedupe window (a few minutes); the state's briefing claim guards beyond that.
   */
  postBriefing(channel: string, digest: Digest, key: string): Promise<string> {
    return this.postOnce(channel, digestMessage(digest), key, 'the briefing');
  }

  postAlert(channel: string, alert: AlertPost, key: string): Promise<string> {
    return this.postOnce(channel, alertMessage(alert), key, 'the alert');
  }

  /**
   * Posts a scheduled message once: the nonce, derived from its key, makes Discord return the first message for a
   * retried delivery (enforce_nonce) instead of posting it again.
   */
  private async postOnce(channel: string, message: ReturnType<typeof digestMessage>, key: string, what: string): Promise<string> {
    const body = { ...message, allowed_mentions: NO_PINGS_API, nonce: briefingNonce(key), enforce_nonce: true };
    try {
      return ((await this.rest.post(Routes.channelMessages(channel), { body })) as APIMessage).id;
    } catch (err) {
      throw new Error(`Discord: could not post ${what} in channel ${channel}: ${discordError(err)}`);
    }
  }

  private restOptions(): Partial<RESTOptions> {
    return { ...(this.options.config.apiUrl ? { api: this.options.config.apiUrl } : {}), ...this.options.rest };
  }

  private newClient(): Client {
    const client = new Client({ intents: [...INTENTS], rest: this.restOptions(), allowedMentions: NO_PINGS, failIfNotExists: false });
    this.routes(client);
    return client;
  }

  /** Logs in (under the lease); resolves once ready, rejects with the reason Discord gave. */
  private async connect(): Promise<void> {
    if (!this.fresh) this.current = this.newClient();
    this.fresh = false;
    const client = this.current;
    const ready = new Promise<void>((resolve, reject) => {
      client.once(Events.ClientReady, () => resolve());
      this.failStart = reject;
    });
    try {
      await Promise.all([client.login(this.options.config.token), ready]);
    } catch (err) {
      if (err instanceof SteppedDown) throw err;
      const clear = startError(err);
      this.options.logger.error(`Discord: ${clear.message}`);
      await client.destroy();
      throw clear;
    } finally {
      this.failStart = null;
    }
    const me = client.user!;
    const appId = client.application?.id ?? me.id;
    const configured = this.options.config.applicationId;
    if (configured && configured !== appId) {
      this.options.logger.warn(`Discord: DISCORD_APPLICATION_ID is ${configured}, but DISCORD_TOKEN belongs to application ${appId}; register.ts would install /${COMMAND_NAME} in the wrong application`);
    }
    this.options.logger.info(`Discord: logged in as ${me.tag} (application ${appId})`);
    await this.checkCommands(client);
  }

  /** Leaves the gateway, cutting short a login in progress. */
  private async disconnect(): Promise<void> {
    this.failStart?.(new SteppedDown('Discord: gave up the gateway lease while logging in'));
    if (!this.fresh) await this.current.destroy();
  }

  private routes(client: Client): void {
    const log = this.options.logger;
    client.on(Events.MessageCreate, (m) => void this.onMessage(m).catch((err: Error) => log.error(`Discord: handling a message failed: ${err.stack ?? err}`)));
    client.on(Events.InteractionCreate, (i) => void this.onInteraction(i).catch((err: Error) => log.error(`Discord: handling an interaction failed: ${err.stack ?? err}`)));
    client.on(Events.ShardDisconnect, ({ code }) => {
      // discord.js reconnects by itself on every other close; these codes are final.
      const err = new Error(closeMessage(code));
      if (this.failStart) this.failStart(err);
      else log.error(`Discord: ${err.message}`);
    });
    client.on(Events.ShardError, (err) => log.warn(`Discord: gateway error: ${err.message}`));
    client.on(Events.Error, (err) => log.error(`Discord: ${err.message}`));
    client.on(Events.Warn, (msg) => log.warn(`Discord: ${msg}`));
    this.logRateLimits(client.rest);
  }

  /** discord.js waits out 429s and retries; this only records that it happened. */
  private logRateLimits(rest: REST): void {
    rest.on(RESTEvents.RateLimited, (info) => this.options.logger.debug(`Discord: rate limited on ${info.method} ${info.route}; retrying in ${info.retryAfter} ms`));
  }

  /** `@briefbot QUESTION`: answered as a reply to the mention, in the same channel or thread. */
  private async onMessage(message: Message): Promise<void> {
    const me = message.client.user;
    // Bots (this one included) are never answered: two bots could otherwise talk forever.
    if (!me || message.author.bot || message.author.id === me.id || message.system || !message.inGuild()) return;
    // The literal mention, not message.mentions: a reply to the bot "mentions" it too, and is not a question.
    if (!new RegExp(`<@!?${me.id}>`).test(message.content)) return;
    const text = message.content.replace(new RegExp(`<@!?${me.id}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
    const render = (r: Reply) => ({ ...replyMessage(r, { prefix: `@${me.username} ` }), allowedMentions: NO_PINGS });
    const answerTo = { messageReference: message.id, failIfNotExists: false };
    // A replayed gateway event (the same message id) is answered once.
    await this.conversation.handle({ platform: 'discord', channel: message.channelId, user: message.author.id, eventId: message.id, input: { text } }, {
      send: async (r) => {
        try {
          return await message.channel.send({ ...render(r), reply: answerTo });
        } catch (err) {
          this.options.logger.error(`Discord: could not answer in channel ${message.channelId}: ${discordError(err)}`);
          // A refused answer (not a refused channel) can still be followed by a plain apology.
          if (err instanceof DiscordAPIError && err.status === 400) {
            await message.channel.send({ content: 'Sorry, Discord did not accept my answer. Please try again in a minute.', allowedMentions: NO_PINGS, reply: answerTo }).catch(() => {});
          }
          return null;
        }
      },
      // With an LLM, the answer is then edited into the same answer with its grounded summary on top.
      edit: async (sent, r) => {
        await sent.edit(render(r)).catch((err: unknown) => this.options.logger.warn(`Discord: adding the summary failed: ${discordError(err)}`));
      },
    });
  }

  private async onInteraction(i: Interaction): Promise<void> {
    if (i.isChatInputCommand() && i.commandName === COMMAND_NAME) await this.onCommand(i);
    else if (i.isButton() && i.customId.startsWith(MORE_PREFIX)) await this.onMore(i);
  }

  /** `/brief question: …`: acknowledged at once (Discord allows 3 s), answered by editing the deferred reply. */
  private async onCommand(i: ChatInputCommandInteraction): Promise<void> {
    try {
      await i.deferReply();
    } catch (err) {
      this.options.logger.warn(`Discord: could not acknowledge /${COMMAND_NAME} in time: ${discordError(err)}`);
      return;
    }
    const text = i.options.getString(QUESTION_OPTION) ?? '';
    const render = (r: Reply) => replyMessage(r, { prefix: `/${COMMAND_NAME} ${QUESTION_OPTION}: ` });
    await this.conversation.handle({ platform: 'discord', channel: i.channelId, user: i.user.id, input: { text } }, {
      send: async (r) => (await this.edit(i, render(r)), true),
      edit: (_, r) => this.edit(i, render(r)),
    });
  }

  /** "More quotes": the message turns to the next page; an expired page is said privately to the clicker. */
  private async onMore(i: ButtonInteraction): Promise<void> {
    const render = (r: Reply) => replyMessage(r, { prefix: `/${COMMAND_NAME} ${QUESTION_OPTION}: ` });
    let deferred = false;
    await this.conversation.handle({ platform: 'discord', channel: i.channelId, user: i.user.id, input: { more: i.customId.slice(MORE_PREFIX.length) } }, {
      acknowledge: async () => {
        await i.deferUpdate();
        deferred = true;
      },
      send: async (r) => {
        if (r.type === 'answer') await this.edit(i, render(r));
        // Said before any acknowledgement (an expired page): the first response, seen only by the clicker.
        else if (!deferred) await i.reply({ ...render(r), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
        else await i.followUp({ ...render(r), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS }).catch((err: unknown) => this.options.logger.error(`Discord: ${discordError(err)}`));
        return true;
      },
      edit: async () => {},
    });
  }

  private async edit(i: ChatInputCommandInteraction | ButtonInteraction, m: DiscordMessage): Promise<void> {
    try {
      await i.editReply({ ...m, allowedMentions: NO_PINGS });
    } catch (err) {
      this.options.logger.error(`Discord: could not deliver a reply in channel ${i.channelId}: ${discordError(err)}`);
    }
  }

  /** The most common setup slip: /brief never registered. Worth a line in the log, never worth failing start. */
  private async checkCommands(client: Client): Promise<void> {
    try {
      const app = client.application!;
      const scopes = [await app.commands.fetch(), ...(this.options.config.guildId ? [await app.commands.fetch({ guildId: this.options.config.guildId })] : [])];
      if (!scopes.some((list) => list.some((c) => c.name === COMMAND_NAME))) {
        this.options.logger.warn(`Discord: /${COMMAND_NAME} is not registered; run: npx tsx adapters/discord/register.ts [--guild ID]`);
      }
    } catch (err) {
      this.options.logger.debug(`Discord: could not list application commands: ${discordError(err)}`);
    }
  }
}

/** A nonce for Discord's dedupe: the same key always gives the same ≤25 characters. */
export function briefingNonce(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 25);
}

const INTENT_NAMES: Partial<Record<GatewayIntentBits, string>> = {
  [GatewayIntentBits.MessageContent]: 'Message Content Intent',
  [GatewayIntentBits.GuildMembers]: 'Server Members Intent',
  [GatewayIntentBits.GuildPresences]: 'Presence Intent',
};

/** What to do about close code 4014, naming the privileged intents asked for (if any). */
export function disallowedIntentsMessage(intents: readonly GatewayIntentBits[] = INTENTS): string {
  const privileged = intents.map((i) => INTENT_NAMES[i]).filter((n): n is string => n !== undefined);
  const asked = intents.map((i) => GatewayIntentBits[i]).join(', ');
  const where = `${PORTAL} → Bot → Privileged Gateway Intents`;
  if (privileged.length) {
    return `Discord refused the ${privileged.join(' and ')} (gateway close 4014, disallowed intents): switch it on at ${where}, or stop asking for it (apps in 100 or more servers need Discord's approval for it).`;
  }
  return `Discord refused the gateway intents briefbot asked for (gateway close 4014, disallowed intents: ${asked}). None of them is privileged, so check ${where} for this application, and that DISCORD_TOKEN is the token of briefbot's application.`;
}

function closeMessage(code: number): string {
  if (code === GatewayCloseCodes.DisallowedIntents) return disallowedIntentsMessage();
  if (code === GatewayCloseCodes.AuthenticationFailed) return tokenMessage('gateway close 4004');
  return `Discord closed the gateway for good (close code ${code}, ${GatewayCloseCodes[code] ?? 'unknown'}); briefbot is offline on Discord until restarted.`;
}

const tokenMessage = (why: string) => `Discord rejected DISCORD_TOKEN (${why}): reset it at ${PORTAL} → Bot → Reset Token and set DISCORD_TOKEN to the new token.`;

/** A start failure in words a person can act on. */
function startError(err: unknown): Error {
  const e = err as Error & { code?: unknown };
  if (/disallowed intents/i.test(e.message ?? '')) return new Error(disallowedIntentsMessage());
  if (e.code === DiscordjsErrorCodes.TokenInvalid || /Authentication failed/i.test(e.message ?? '')) return new Error(tokenMessage('invalid token'));
  return e instanceof Error ? e : new Error(String(err));
}

function discordError(err: unknown): string {
  if (err instanceof DiscordAPIError) return `${err.message} (${err.status}, code ${err.code})`;
  return (err as Error).message ?? String(err);
}
