// One adapter contract (test/contracts/adapter.ts), run on every platform: Slack and Discord through their real SDKs
// (@slack/bolt, discord.js) against the loopback fakes in test/fakes/, the console over in-memory streams, and the
// in-memory platform straight through the conversation core. Each driver below starts the real adapter, types and
// clicks as a person would, and reads back what the platform received as plain text and as the raw payload.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import type { APIEmbed } from 'discord.js';
import type { Briefbot } from '../src/bot.ts';
import { Conversation } from '../src/app/conversation.ts';
import { silentLogger } from '../src/log.ts';
import { DEFAULT_SCHEDULE } from '../src/schedule/subscription.ts';
import { SlackAdapter } from '../adapters/slack/slack.ts';
import { slackLimitProblems, type Block } from '../adapters/slack/render.ts';
import { DiscordAdapter } from '../adapters/discord/discord.ts';
import { discordLimitProblems, type DiscordPayload } from '../adapters/discord/render.ts';
import { consoleBriefings, runConsole } from '../adapters/console/console.ts';
import { describeAdapterContract, type AdapterDriver, type Button, type Received } from './contracts/adapter.ts';
import { appMentionEvent, blockActionBody, postSigned, slashCommandBody, startFakeSlack } from './fakes/slack.ts';
import { BOT_ID, CHANNEL_ID, USER_ID, snowflake, startFakeDiscord, type FakeRequest } from './fakes/discord.ts';
import { MemoryChat, alertText, replyButtons, replyText, type MemoryButton, type MemoryMessage } from './fakes/memory-adapter.ts';

// ───────────────────────────── when the core has answered ─────────────────────────────

// Every adapter hands each event to Conversation.handle and delivers the replies before it returns. Counting its calls
// tells a driver when everything an input caused has reached the platform, without guessing at quiet periods.
const handled = { started: 0, finished: 0 };
const handle = Conversation.prototype.handle;
beforeAll(() => {
  Conversation.prototype.handle = async function (this: Conversation, ...args: Parameters<typeof handle>) {
    handled.started++;
    try {
      return await handle.apply(this, args);
    } finally {
      handled.finished++;
    }
  } as typeof handle;
});
afterAll(() => {
  Conversation.prototype.handle = handle;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once the core has taken an event after `before` and finished every event it took. A redelivered event may
 * be dropped by the platform's SDK before the core sees it (discord.js keeps the messages it has seen), so when
 * `mayBeDropped` an event that never reaches the core counts as answered (with nothing) after a second.
 */
async function answered(before: number, mayBeDropped = false): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (handled.started > before && handled.finished === handled.started) return;
    if (mayBeDropped && handled.started === before && Date.now() - start > 1000) return;
    if (Date.now() - start > 10_000) throw new Error(`the core was not handed the event, or did not finish it, within 10 s (${JSON.stringify(handled)})`);
    await sleep(5);
  }
}

async function until(what: string, ready: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!ready()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

// ───────────────────────────── Slack ─────────────────────────────

const SLACK_SECRET = '8f742231b10e8888abcd99aaaaaa85a5';

/** What Slack displays of mrkdwn: date tokens as their fallback, links and mentions as their labels, entities decoded. */
function slackShows(mrkdwn: string): string {
  return mrkdwn
    .replace(/<!date\^\d+\^[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<([^<>|]+)\|([^<>]*)>/g, '$2')
    .replace(/<([@#])([A-Z0-9]+)>/g, '$1$2')
    .replace(/<!(\w+)>/g, '@$1')
    .replace(/<([^<>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u200b/g, '');
}

/** Every mrkdwn string of a message: what Slack parses for mentions and links. */
function slackMarkup(m: { text?: string; blocks?: Block[] }): string[] {
  const out = m.text ? [m.text] : [];
  for (const b of m.blocks ?? []) {
    const t = b.text as { type: string; text: string } | undefined;
    if (t?.type === 'mrkdwn') out.push(t.text);
    for (const e of (b.elements ?? []) as { type: string; text?: unknown }[]) if (e.type === 'mrkdwn') out.push(e.text as string);
  }
  return out;
}

function slackText(m: { text?: string; blocks?: Block[] }): string {
  const blocks = m.blocks ?? [];
  if (blocks.length === 0) return slackShows(m.text ?? ''); // Slack shows the fallback only when there are no blocks
  return blocks
    .flatMap((b) => {
      const t = b.text as { type: string; text: string } | undefined;
      const elements = (b.elements ?? []) as { type: string; text?: string | { text: string } }[];
      if (b.type === 'actions') return elements.map((e) => `[${(e.text as { text: string }).text}]`);
      if (b.type === 'context') return elements.map((e) => (e.type === 'mrkdwn' ? slackShows(e.text as string) : String(e.text)));
      if (t) return [t.type === 'mrkdwn' ? slackShows(t.text) : t.text];
      return [];
    })
    .join('\n');
}

/** Mentions, broadcasts and links in a message's mrkdwn: what Slack would act on rather than show. */
function slackHazards(m: { text?: string; blocks?: Block[] }): string[] {
  return slackMarkup(m).flatMap((s) => [
    ...s.matchAll(/<!(?!date\^00000000\^\{_\}\|)[^>]*>/g),
    ...s.matchAll(/<[@#][^>]*>/g),
    ...s.matchAll(/<(?:https?|mailto):[^>]*>/g),
    ...s.matchAll(/@(?:everyone|here|channel)\b/gi),
  ].map((x) => x[0]));
}

async function slackDriver(bot: Briefbot): Promise<AdapterDriver> {
  const fake = await startFakeSlack();
  const adapter = new SlackAdapter(bot, {
    config: { botToken: 'xoxb-test', mode: 'http', signingSecret: SLACK_SECRET, appToken: null, port: 0, host: '127.0.0.1', command: '/brief', apiUrl: fake.apiUrl },
    schedule: DEFAULT_SCHEDULE,
    logger: silentLogger,
    retryConfig: { retries: 0 },
  });
  await adapter.start();
  const url = `http://127.0.0.1:${adapter.port}/slack/events`;
  const users = ['U1', 'U7'] as const;
  const channel = 'C1';

  const received: Received[] = [];
  /** Where each response_url's replies went (response_url replies do not say). */
  const responseChannel = new Map<string, string>();
  let calls = 0;
  let responses = 0;
  const receive = (m: { text?: string; blocks?: Block[] }, where: string | null, ephemeral: boolean, ts: string | null) => {
    const buttons: Button[] = (m.blocks ?? [])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements as { action_id: string; value: string; text: { text: string } }[])
      .flatMap((e) => {
        const kind = e.action_id === 'brief_more' ? 'more' : e.action_id === 'brief_share' ? 'share' : null;
        return kind ? [{ kind, label: e.text.text, press: { action_id: e.action_id, value: e.value, ephemeral, channel: where, ts } }] : [];
      });
    received.push({
      text: slackText(m),
      raw: m,
      channel: where,
      buttons,
      problems: slackLimitProblems({ blocks: m.blocks ?? [], text: m.text as never }),
      hazards: slackHazards(m),
    });
  };
  const collect = () => {
    for (; calls < fake.calls.length; calls++) {
      const c = fake.calls[calls]!;
      if (!['chat.postMessage', 'chat.postEphemeral', 'chat.update'].includes(c.method)) continue;
      receive(c.args as { text?: string; blocks?: Block[] }, String(c.args.channel), c.method === 'chat.postEphemeral', (c.result?.ts as string | undefined) ?? null);
    }
    for (; responses < fake.responses.length; responses++) {
      const r = fake.responses[responses]!;
      receive(r.body, responseChannel.get(r.id) ?? null, r.body.response_type !== 'in_channel', null);
    }
  };
  let responseIds = 0;
  const responseUrl = (where: string) => {
    const id = `r${++responseIds}`;
    responseChannel.set(id, where);
    return fake.responseUrl(id);
  };
  /** How often each event id has been delivered, and the message ts it carries (the same on every redelivery). */
  const deliveries = new Map<string, { n: number; ts: string }>();
  const after = async (before: number, from: number, mayBeDropped = false) => {
    await answered(before, mayBeDropped);
    collect();
    return received.slice(from);
  };

  return {
    platform: 'slack',
    channel,
    users,
    cannot: {},
    briefings: adapter,
    async say(text, { user = users[0], channel: where = channel, eventId } = {}) {
      collect();
      const [before, from] = [handled.started, received.length];
      if (eventId === undefined) {
        // /brief: acknowledged at once, answered privately through the response_url.
        const res = await postSigned(url, slashCommandBody({ text, user_id: user, channel_id: where, response_url: responseUrl(where) }), { secret: SLACK_SECRET });
        if (res.status !== 200) throw new Error(`Slack refused the command: ${res.status} ${res.text}`);
        return after(before, from);
      }
      // @briefbot: an Events API delivery, redelivered by Slack (with X-Slack-Retry-Num) when it thinks it was missed.
      const delivery = deliveries.get(eventId) ?? { n: 0, ts: `${1_700_000_000 + deliveries.size}.000100` };
      const n = delivery.n++;
      deliveries.set(eventId, delivery);
      const event = appMentionEvent({ text: `<@UBOT> ${text}`, user, channel: where, event_id: eventId, ts: delivery.ts });
      const headers = n > 0 ? { 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' } : undefined;
      const res = await postSigned(url, event, { secret: SLACK_SECRET, ...(headers ? { headers } : {}) });
      if (res.status !== 200) throw new Error(`Slack refused the event: ${res.status} ${res.text}`);
      return after(before, from, n > 0);
    },
    async press(button, { user = users[0] } = {}) {
      collect();
      const [before, from] = [handled.started, received.length];
      const p = button.press as { action_id: string; value: string; ephemeral: boolean; channel: string | null; ts: string | null };
      const where = p.channel ?? channel;
      const body = blockActionBody({ action_id: p.action_id, value: p.value, is_ephemeral: p.ephemeral, user_id: user, channel_id: where, response_url: responseUrl(where), ...(p.ts ? { message_ts: p.ts } : {}) });
      const res = await postSigned(url, body, { secret: SLACK_SECRET });
      if (res.status !== 200) throw new Error(`Slack refused the click: ${res.status} ${res.text}`);
      return after(before, from);
    },
    replies() {
      collect();
      return [...received];
    },
    async stop() {
      await adapter.stop();
      await fake.close();
    },
  };
}

// ───────────────────────────── Discord ─────────────────────────────

/** What Discord displays of markdown: masked links as their labels, backslash escapes resolved, zero-width spaces unseen. */
function discordShows(markdown: string): string {
  return markdown
    .replace(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\(<?[^)\s]+>?\)/g, '$1')
    .replace(/\\([^0-9A-Za-z\s])/g, '$1')
    .replace(/\u200b/g, '');
}

function discordStrings(m: DiscordPayload): string[] {
  const embeds = (m.embeds ?? []) as APIEmbed[];
  return [
    ...(m.content ? [m.content] : []),
    ...embeds.flatMap((e) => [e.author?.name, e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].filter((s): s is string => !!s)),
  ];
}

/** Mentions and masked links Discord would act on, and a message sent without allowed_mentions parse: []. */
function discordHazards(m: DiscordPayload & { allowed_mentions?: { parse?: string[] } }): string[] {
  const found = discordStrings(m).flatMap((s) => [
    ...s.matchAll(/@(?:everyone|here)\b/g),
    ...s.matchAll(/<(?:@[!&]?|#)\d+>/g),
    ...s.matchAll(/(?<!\\)\[(?:\\.|[^\]\\])*\]\(\s*<?https?:[^)]*\)/g),
  ].map((x) => x[0]));
  const parse = m.allowed_mentions?.parse;
  if (!parse || parse.length > 0) found.push(`allowed_mentions ${JSON.stringify(m.allowed_mentions ?? null)}: mentions in it would ping`);
  return found;
}

async function discordDriver(bot: Briefbot): Promise<AdapterDriver> {
  const fake = await startFakeDiscord();
  const adapter = new DiscordAdapter(bot, {
    config: { token: 'fake-token', applicationId: null, guildId: null, apiUrl: fake.restUrl },
    schedule: DEFAULT_SCHEDULE,
    logger: silentLogger,
    rest: { offset: 0 },
  });
  await adapter.start();
  const users = [USER_ID, '1100000000000000077'] as const;

  const received: Received[] = [];
  /** The channel of each interaction, by id and by token (webhook replies name only the token). */
  const interactionChannel = new Map<string, string>();
  let seen = 0;
  const messageOf = (r: FakeRequest): { body: DiscordPayload; channel: string | null } | null => {
    if (r.status === undefined || r.status >= 300) return null;
    const channel = /^\/channels\/(\d+)\/messages(?:\/\d+)?$/.exec(r.path);
    if (channel && (r.method === 'POST' || r.method === 'PATCH')) return { body: r.body, channel: channel[1]! };
    const webhook = /^\/webhooks\/\d+\/([^/]+)/.exec(r.path);
    if (webhook && (r.method === 'POST' || r.method === 'PATCH')) return { body: r.body, channel: interactionChannel.get(webhook[1]!) ?? null };
    const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(r.path);
    if (callback && (r.body?.type === 4 || r.body?.type === 7)) return { body: r.body.data, channel: interactionChannel.get(callback[1]!) ?? null };
    return null; // deferrals ("thinking…") carry no message
  };
  const collect = () => {
    for (; seen < fake.requests.length && fake.requests[seen]!.status !== undefined; seen++) {
      const m = messageOf(fake.requests[seen]!);
      if (!m) continue;
      const rows = (m.body.components ?? []) as { components?: { label?: string; custom_id?: string }[] }[];
      const buttons: Button[] = rows.flatMap((row) => row.components ?? []).flatMap((b) =>
        b.custom_id?.startsWith('brief_more:') ? [{ kind: 'more' as const, label: b.label ?? '', press: { customId: b.custom_id, channel: m.channel } }] : []);
      received.push({
        text: [...discordStrings(m.body), ...buttons.map((b) => `[${b.label}]`)].map(discordShows).join('\n'),
        raw: m.body,
        channel: m.channel,
        buttons,
        problems: discordLimitProblems(m.body),
        hazards: discordHazards(m.body),
      });
    }
  };
  const interaction = (created: { id: string; token: string }, where: string) => {
    interactionChannel.set(created.id, where);
    interactionChannel.set(created.token, where);
  };
  const messageIds = new Map<string, string>();
  const after = async (before: number, from: number, mayBeDropped = false) => {
    await answered(before, mayBeDropped);
    // The core has finished; discord.js may still be reading the last REST response.
    await until('Discord requests to be answered', () => fake.requests.every((r) => r.status !== undefined));
    collect();
    return received.slice(from);
  };

  return {
    platform: 'discord',
    channel: CHANNEL_ID,
    users,
    cannot: { share: 'Discord answers /brief in the channel, where everyone sees it already, so there is no share button' },
    briefings: adapter,
    async say(text, { user = users[0], channel = CHANNEL_ID, eventId } = {}) {
      collect();
      const [before, from] = [handled.started, received.length];
      if (eventId === undefined) {
        // /brief question: …, deferred at once and answered by editing the deferred reply.
        interaction(fake.interactionCreate({ commandName: 'brief', options: [{ name: 'question', type: 3, value: text }], userId: user, channelId: channel }), channel);
        return after(before, from);
      }
      // @briefbot …: a gateway MESSAGE_CREATE, whose message id is its delivery id; the gateway may replay it.
      const replay = messageIds.has(eventId);
      if (!replay) messageIds.set(eventId, snowflake());
      fake.messageCreate({ content: `<@${BOT_ID}> ${text}`, messageId: messageIds.get(eventId)!, authorId: user, channelId: channel });
      return after(before, from, replay);
    },
    async press(button, { user = users[0] } = {}) {
      collect();
      const [before, from] = [handled.started, received.length];
      const { customId, channel } = button.press as { customId: string; channel: string | null };
      const message = [...fake.messages.values()].reverse().find((m) => JSON.stringify(m.components ?? []).includes(JSON.stringify(customId)));
      if (!message) throw new Error(`no message on the fake Discord carries the button ${customId}`);
      interaction(fake.buttonInteraction({ customId, messageId: message.id as string, userId: user, channelId: channel ?? CHANNEL_ID }), channel ?? CHANNEL_ID);
      return after(before, from);
    },
    replies() {
      collect();
      return [...received];
    },
    async stop() {
      await adapter.stop();
      await fake.close();
    },
  };
}

// ───────────────────────────── the console ─────────────────────────────

async function consoleDriver(bot: Briefbot): Promise<AdapterDriver> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString('utf8')));
  const session = runConsole(bot, { input, output, logger: silentLogger });
  await until('the console prompt', () => printed.endsWith('> '));

  const received: Received[] = [];
  let cursor = printed.length;
  /** Whatever was printed since the last read (a reply, or a briefing printed on schedule), as one message. */
  const take = () => {
    const chunk = printed.slice(cursor).replace(/(^|\n)> $/, '').replace(/^\n+/, '');
    cursor = printed.length;
    if (!chunk.trim()) return;
    received.push({
      text: chunk,
      raw: chunk,
      channel: 'console',
      // "more" is the console's button: typed, and offered at the foot of an answer with more quotes.
      buttons: /Type "more"/.test(chunk) ? [{ kind: 'more', label: 'more', press: 'more' }] : [],
      problems: [],
      hazards: [...chunk.matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g)].map((m) => `control character U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')}`),
    });
  };
  const type = async (line: string) => {
    take();
    const from = received.length;
    const mark = printed.length;
    input.write(`${line}\n`);
    // Lines are answered one at a time, and the prompt comes back once a line is answered.
    await until(`the console to answer "${line}"`, () => printed.length > mark && printed.endsWith('> '));
    take();
    return received.slice(from);
  };

  return {
    platform: 'console',
    channel: 'console',
    users: ['the person at the terminal', 'the person at the terminal'],
    cannot: {
      share: 'a terminal has one reader, and no channel to share an answer into',
      eventIds: 'typed lines have no delivery ids: a line typed twice is asked twice',
      limits: 'a terminal has no message size limits',
    },
    briefings: consoleBriefings(output),
    say: (text) => type(text),
    press: (button) => type(button.press as string),
    replies() {
      take();
      return [...received];
    },
    async stop() {
      input.end();
      await session;
    },
  };
}

// ───────────────────────────── the in-memory platform ─────────────────────────────

async function memoryDriver(bot: Briefbot): Promise<AdapterDriver> {
  const chat = new MemoryChat(bot, 'memory');
  const users = ['U1', 'U7'] as const;
  const received: Received[] = [];
  let posts = 0;
  let alerts = 0;
  const receive = (m: MemoryMessage): Received => ({
    text: m.text,
    raw: m.reply,
    channel: m.channel,
    buttons: replyButtons(m.reply).map((b) => ({ kind: b.kind, label: b.kind, press: { input: b.input, channel: m.channel } })),
    problems: [],
    hazards: [],
  });
  const collectPosts = () => {
    for (; posts < chat.posts.length; posts++) {
      const p = chat.posts[posts]!;
      received.push(receive({ channel: p.channel, reply: { type: 'digest', digest: p.digest }, text: replyText({ type: 'digest', digest: p.digest }), edit: false }));
    }
    // An alert is no Reply (nobody asked for it): its words are the core's, read by alertText.
    for (; alerts < chat.alerts.length; alerts++) {
      const p = chat.alerts[alerts]!;
      received.push({ text: alertText(p.alert), raw: p.alert, channel: p.channel, buttons: [], problems: [], hazards: [] });
    }
  };
  const deliver = async (event: Parameters<MemoryChat['deliver']>[0]) => {
    collectPosts();
    const replies = (await chat.deliver(event)).map(receive);
    received.push(...replies);
    return replies;
  };
  return {
    platform: 'memory',
    channel: 'C1',
    users,
    cannot: {
      limits: 'the in-memory platform records the core\'s Reply objects: nothing is rendered, so there is no message to size',
      markup: 'the in-memory platform has no markup, mentions or terminal: nothing in a Reply can act (escaping is each renderer\'s job, checked on the other platforms)',
    },
    briefings: chat,
    say: (text, { user = users[0], channel = 'C1', eventId } = {}) => deliver({ channel, user, ...(eventId !== undefined ? { eventId } : {}), input: { text } }),
    press(button, { user = users[0] } = {}) {
      const { input, channel } = button.press as { input: MemoryButton['input']; channel: string };
      return deliver({ channel, user, input });
    },
    replies() {
      collectPosts();
      return [...received];
    },
    async stop() {},
  };
}

describeAdapterContract('Slack', slackDriver);
describeAdapterContract('Discord', discordDriver);
describeAdapterContract('the console', consoleDriver);
describeAdapterContract('the in-memory platform', memoryDriver);
