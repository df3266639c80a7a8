// The Discord adapter against the real discord.js Client, over real sockets on 127.0.0.1, with a loopback Discord
// (test/fakes/discord.ts) in place of Discord. Every message the bot sends in any test is checked against Discord's
// limits and for pings (see afterEach).
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GatewayIntentBits, REST, type APIEmbed, type APIEmbedField } from 'discord.js';
import { WebSocketServer } from 'ws';
import { Briefbot, type BotOptions } from '../src/bot.ts';
import { createLogger } from '../src/log.ts';
import type { Answer, Digest, Quote, Story } from '../src/types.ts';
import { DiscordAdapter, briefingNonce, disallowedIntentsMessage } from '../adapters/discord/discord.ts';
import { loadDiscordConfig, type DiscordConfig } from '../adapters/discord/config.ts';
import { answerMessage, digestMessage, discordLimitProblems, embedChars, quoteFields, type DiscordPayload } from '../adapters/discord/render.ts';
import { COMMANDS, registerCommands } from '../adapters/discord/register.ts';
import { APP_ID, BOT_ID, CHANNEL_ID, GUILD_ID, USER_ID, snowflake, startFakeDiscord, type FakeDiscord } from './fakes/discord.ts';
import { ROOT, SEEDS, seedsWithHostileArticle } from './helpers.ts';

const SCHEDULE = { cron: '0 8 * * 1-5', timezone: 'UTC' };
const MESSAGES = `/channels/${CHANNEL_ID}/messages`;

let fake: FakeDiscord;
let bot: Briefbot | undefined;
let adapter: DiscordAdapter | undefined;
let logged: string[];

async function startAdapter(seedsDir = SEEDS, overrides: Partial<DiscordConfig> = {}, llm: BotOptions['llm'] = null): Promise<DiscordAdapter> {
  bot = await Briefbot.open({ seedsDir, dbPath: ':memory:', llm });
  const config: DiscordConfig = { token: 'fake-token', applicationId: null, guildId: null, apiUrl: fake.restUrl, ...overrides };
  adapter = new DiscordAdapter(bot, { config, schedule: SCHEDULE, logger: createLogger('debug', (l) => logged.push(l)), rest: { offset: 0 } });
  await adapter.start();
  return adapter;
}

beforeEach(async () => {
  logged = [];
  fake = await startFakeDiscord();
});

afterEach(async () => {
  const bodies = sentMessages();
  await adapter?.stop(); // before fake.close(), so the client does not try to reconnect
  adapter = undefined;
  await bot?.close();
  bot = undefined;
  await fake.close();
  for (const b of bodies) {
    expect(discordLimitProblems(b)).toEqual([]);
    expect((b as { allowed_mentions?: unknown }).allowed_mentions).toMatchObject({ parse: [] });
  }
});

/** Every message body the bot sent: posts, edits, follow-ups and interaction responses that carry a message. */
function sentMessages(): DiscordPayload[] {
  return fake.requests.flatMap((r) => {
    if (/^\/channels\/\d+\/messages(\/\d+)?$/.test(r.path) && (r.method === 'POST' || r.method === 'PATCH')) return [r.body];
    if (/^\/webhooks\//.test(r.path) && (r.method === 'POST' || r.method === 'PATCH')) return [r.body];
    if (/\/callback$/.test(r.path) && (r.body?.type === 4 || r.body?.type === 7)) return [r.body.data];
    return [];
  });
}

const answered = (path = MESSAGES) => fake.waitForRequest((r) => r.method === 'POST' && r.path === path && r.status === 200);
const fieldsOf = (embeds: APIEmbed[]): APIEmbedField[] => embeds.flatMap((e) => e.fields ?? []);
const ask = (question: string) => fake.interactionCreate({ commandName: 'brief', options: [{ name: 'question', type: 3, value: question }] });
const edited = (token: string) => fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${token}/messages/@original`);

describe('@briefbot mentions', () => {
  beforeEach(() => startAdapter().then(() => undefined));

  it('are answered as a reply to the mention, with embeds, pinging nobody', async () => {
    const mention = fake.messageCreate({ content: `<@${BOT_ID}> what did Gor say?` });
    const { body } = await answered();
    expect(body.message_reference).toMatchObject({ message_id: mention.id, fail_if_not_exists: false });
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.embeds[0]).toMatchObject({ title: 'Sergio Gor', description: expect.stringMatching(/^Sergio Gor \(US Ambassador-designate to India\): 5 statements/) });
    const fields = fieldsOf(body.embeds);
    expect(fields[0]!.name).toMatch(/^Sergio Gor, US Ambassador-designate to India/);
    expect(fields.map((f) => f.value).join('\n')).toContain('\u201cI am pleased to announce that India will be invited to join PaxSilica as a full member next month\u201d\n\u2014 ANI, 13 Jan 2026');
  });

  it('need no privileged intent: the bot asks for Guilds and GuildMessages only, not Message Content', () => {
    const identify = fake.gatewayReceived.find((f) => f.op === 2);
    expect(identify?.d.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages);
  });

  it('in a thread are answered in that thread', async () => {
    const thread = snowflake();
    fake.dispatch('THREAD_CREATE', {
      id: thread, type: 11, guild_id: GUILD_ID, parent_id: CHANNEL_ID, owner_id: USER_ID, name: 'minerals', last_message_id: null,
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
      message_count: 0, member_count: 1, rate_limit_per_user: 0, flags: 0, newly_created: true,
    });
    await fake.waitFor(() => adapter!.client.channels.cache.has(thread)); // else the client drops the message
    const mention = fake.messageCreate({ content: `<@${BOT_ID}> what did Gor say?`, channelId: thread });
    // The fake knows one channel and refuses posts elsewhere; what matters here is where the answer went.
    const post = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${thread}/messages`);
    expect(post.body.message_reference).toMatchObject({ message_id: mention.id });
    expect(fake.requests.filter((r) => r.path === MESSAGES)).toEqual([]);
  });

  it('from bots, this one included, are ignored', async () => {
    fake.messageCreate({ content: `<@${BOT_ID}> what did Gor say?`, authorId: '1100000000000000099', authorBot: true });
    fake.messageCreate({ content: `<@${BOT_ID}> what did Gor say?`, authorId: BOT_ID });
    const human = fake.messageCreate({ content: `<@${BOT_ID}> what did Bessent say?` });
    await answered();
    await new Promise((r) => setTimeout(r, 100));
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === MESSAGES);
    expect(posts.map((p) => p.body.message_reference.message_id)).toEqual([human.id]);
  });

  it('are answered once when the gateway delivers the same message twice', async () => {
    const id = snowflake();
    fake.messageCreate({ content: `<@${BOT_ID}> what did Gor say?`, messageId: id });
    fake.messageCreate({ content: `<@${BOT_ID}> what did Gor say?`, messageId: id });
    await answered();
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === MESSAGES)).toHaveLength(1);
  });

  it('wait out a rate limit (through discord.js) and still deliver the answer', async () => {
    fake.rateLimitNext(`POST ${MESSAGES}`, { retryAfterSeconds: 0.3 });
    fake.messageCreate({ content: `<@${BOT_ID}> what did Gor say?` });
    const { body } = await answered();
    expect(body.embeds[0].title).toBe('Sergio Gor');
    expect(fake.requests.filter((r) => r.path === MESSAGES).map((r) => r.status)).toEqual([429, 200]);
    expect(logged.some((l) => l.includes('rate limited'))).toBe(true);
  });
});

describe('untrusted article text', () => {
  it('is shown as written, escaped, and pings nobody; a long quote continues in the next field, split between words', async () => {
    const { dir, cleanup, long } = seedsWithHostileArticle('Everyone look @everyone <@123> **now** [here](https://evil.example)', 150);
    try {
      await startAdapter(dir);
      fake.messageCreate({ content: `<@${BOT_ID}> what did Jane Doe say?` });
      const { body } = await answered();
      const all = JSON.stringify(body.embeds);
      // Zero-width spaces break the mentions, backslashes the markdown: Discord shows the text exactly as written.
      expect(all).toContain('Everyone look @\u200beveryone <\u200b@123> \\\\*\\\\*now\\\\*\\\\* \\\\[here](https://evil.example)');
      expect(all).not.toMatch(/@everyone|<@\d|\*\*now|[^\\]\[here\]/);
      expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
      const stored = fake.messages.get([...fake.messages.keys()].at(-1)!)!;
      expect(stored.mentions).toEqual([]);
      expect(stored.mention_everyone).toBe(false);

      const parts = fieldsOf(body.embeds).filter((f) => f.value.includes('point'));
      expect(parts.length).toBeGreaterThan(1);
      expect(parts.slice(1).every((p) => p.name === 'Jane Doe (continued)')).toBe(true);
      for (const p of parts) expect(p.value).toMatch(/^\S[\s\S]*\S$/);
      // Nothing lost or cut mid-word: the pieces, rejoined at the spaces they were split on, are the quote.
      expect(parts.map((p) => p.value.split('\n\u2014 ')[0]).join(' ')).toBe(`\u201c${long}\u201d`);
    } finally {
      cleanup();
    }
  });
});

describe('/brief', () => {
  beforeEach(() => startAdapter().then(() => undefined));

  it('is deferred at once, then answered by editing the reply, with a More quotes button', async () => {
    const { id, token } = ask('what did Bessent say?');
    const callback = await fake.waitForRequest(`POST /interactions/${id}/`);
    expect(callback.body).toMatchObject({ type: 5 });
    const { body } = await edited(token);
    expect(fake.requests.indexOf(callback)).toBeLessThan(fake.requests.findIndex((r) => r.method === 'PATCH'));
    expect(body.embeds[0]).toMatchObject({ title: 'Scott Bessent', description: expect.stringMatching(/^Scott Bessent \(US Treasury Secretary\): 14 statements/) });
    expect(JSON.stringify(body.embeds)).toContain('\u201cAt today\'s Finance Ministerial hosted by the @USTreasury');
    expect(body.embeds.at(-1).footer.text).toBe('Quotes 1\u201310 of 14');
    expect(body.components[0].components[0]).toMatchObject({ label: 'More quotes (11\u201314 of 14)', custom_id: expect.stringMatching(/^brief_more:[\w-]+:10$/) });
    expect(body.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('is acknowledged within Discord\'s three seconds however long the answer takes', async () => {
    const slow = bot!.ask.bind(bot);
    bot!.ask = async (q, o) => { await new Promise((r) => setTimeout(r, 1500)); return slow(q, o); };
    const started = Date.now();
    const { id, token } = ask('what did Gor say?');
    const callback = await fake.waitForRequest(`POST /interactions/${id}/`);
    expect(callback.at - started).toBeLessThan(1000);
    expect(callback.status).toBe(204);
    await edited(token);
  });

  it.each([
    ['help', /\/brief question: what did Bessent say\?/],
    ['sources', /5 indexed articles/],
    ['speakers', /Sergio Gor/],
    ['digest', /Briefing \\u2014 13 Jan 2026|Briefing — 13 Jan 2026/],
  ])('answers "/brief question: %s"', async (words, expected) => {
    const { token } = ask(words);
    const { body } = await edited(token);
    expect(JSON.stringify(body)).toMatch(expected);
  });

  it('subscribes and unsubscribes the channel, and explains a bad schedule without saving it', async () => {
    await edited(ask('subscribe 08:00 America/New_York weekdays').token);
    expect(await bot!.state.subscription('discord', CHANNEL_ID)).toMatchObject({ cron: '0 8 * * 1-5', timezone: 'America/New_York', createdBy: USER_ID });
    const bad = await edited(ask('subscribe 08:00 Mars/Base').token);
    expect(bad.body.content).toContain('"Mars/Base" is not a time zone');
    expect(await bot!.state.subscription('discord', CHANNEL_ID)).toMatchObject({ timezone: 'America/New_York' });
    await edited(ask('unsubscribe').token);
    expect(await bot!.state.subscription('discord', CHANNEL_ID)).toBeNull();
  });
});

describe('"More quotes"', () => {
  beforeEach(() => startAdapter().then(() => undefined));

  it('turns the answer to the next page', async () => {
    const first = await edited(ask('what did Vaishnaw say?').token);
    const button = first.body.components[0].components[0];
    expect(button.label).toBe('More quotes (11\u201317 of 17)');
    const message = [...fake.messages.values()].find((m) => (m.embeds as APIEmbed[])[0]?.title === 'Ashwini Vaishnaw')!;
    const click = fake.buttonInteraction({ customId: button.custom_id, messageId: message.id as string });
    const callback = await fake.waitForRequest(`POST /interactions/${click.id}/`);
    expect(callback.body).toMatchObject({ type: 6 }); // deferred update: the same message changes
    const { body } = await edited(click.token);
    expect(JSON.stringify(body.embeds)).not.toContain('Participated in the Critical Minerals Ministerial Meeting');
    expect(body.embeds.at(-1).footer.text).toBe('Quotes 11\u201317 of 17');
    expect(body.components).toEqual([]);
    expect((fake.messages.get(message.id as string)!.embeds as APIEmbed[]).at(-1)!.footer!.text).toBe('Quotes 11\u201317 of 17');
  });

  it('says privately when the answer has expired', async () => {
    const click = fake.buttonInteraction({ customId: 'brief_more:gone:10' });
    const callback = await fake.waitForRequest(`POST /interactions/${click.id}/`);
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'That answer has expired; ask the question again.', flags: 64 } });
  });
});

describe('briefings', () => {
  beforeEach(() => startAdapter().then(() => undefined));

  it('are posted with a nonce from the key and enforce_nonce, so a retried post is not doubled', async () => {
    const key = 'discord:1100000000000000003:2026-01-13T08:00:00.000Z';
    const id = await adapter!.postBriefing(CHANNEL_ID, await bot!.digest(), key);
    const post = fake.requests.find((r) => r.method === 'POST' && r.path === MESSAGES)!;
    expect(post.body).toMatchObject({ nonce: briefingNonce(key), enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(post.body.nonce.length).toBeLessThanOrEqual(25);
    expect(briefingNonce(key)).toBe(briefingNonce(key));
    expect(briefingNonce(`${key}x`)).not.toBe(briefingNonce(key));
    expect(post.body.content).toMatch(/^\*\*Briefing \u2014 13 Jan 2026\*\*/);
    expect(post.body.embeds[0].title).toBe('India Joins US-Led Talks on Critical Minerals as Secretary Bessent Pushes Supply Chain Security');
    expect(fake.messages.get(id)?.nonce).toBe(briefingNonce(key));
  });
});

describe('start-up', () => {
  it('fails with what to do when Discord refuses the intents (close 4014)', async () => {
    // A gateway that refuses every Identify, as Discord does when an intent is not allowed.
    const gateway = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await once(gateway, 'listening');
    const identified: number[] = [];
    gateway.on('connection', (ws) => {
      ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null }));
      ws.on('message', (raw) => {
        const p = JSON.parse(String(raw)) as { op: number; d: { intents: number } };
        if (p.op === 2) identified.push(p.d.intents), ws.close(4014, 'Disallowed intent(s).');
      });
    });
    try {
      const url = `ws://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
      fake.failNext('GET /gateway/bot', 200, 5, { url, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
      await expect(startAdapter()).rejects.toThrow(/^Discord refused the gateway intents briefbot asked for \(gateway close 4014, disallowed intents: Guilds, GuildMessages\).*Bot → Privileged Gateway Intents/);
      expect(identified).toEqual([GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages]);
      expect(logged.some((l) => l.includes('error: Discord: Discord refused the gateway intents'))).toBe(true);
    } finally {
      for (const ws of gateway.clients) ws.terminate();
      gateway.close();
    }
  });

  it('fails with what to do when Discord rejects the token', async () => {
    await fake.close();
    fake = await startFakeDiscord({ token: 'the.real.token' });
    await expect(startAdapter(SEEDS, { token: 'an.old.token' })).rejects.toThrow(/^Discord rejected DISCORD_TOKEN \(invalid token\): reset it at .* → Bot → Reset Token/);
  });

  it('names a refused privileged intent and where to switch it on', () => {
    expect(disallowedIntentsMessage([GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent])).toMatch(
      /^Discord refused the Message Content Intent \(gateway close 4014, disallowed intents\): switch it on at discord\.com\/developers\/applications → your application → Bot → Privileged Gateway Intents/,
    );
  });

  it('logs a 4014 that comes after start', async () => {
    await startAdapter();
    fake.closeGateway(4014);
    await fake.waitFor(() => logged.find((l) => l.includes('gateway close 4014')));
  });

  it('warns when /brief is not registered, and not once it is', async () => {
    await startAdapter();
    expect(logged.some((l) => l.includes('/brief is not registered; run: npx tsx adapters/discord/register.ts'))).toBe(true);
    await adapter!.stop();
    await bot!.close();
    logged = [];
    await registerCommands(new REST({ api: fake.restUrl }).setToken('fake-token'), APP_ID, GUILD_ID);
    await startAdapter(SEEDS, { guildId: GUILD_ID });
    expect(logged.some((l) => l.includes('not registered'))).toBe(false);
  });
});

describe('command registration', () => {
  it('installs /brief with its question option in one server, or globally', async () => {
    const rest = new REST({ api: fake.restUrl, offset: 0 }).setToken('fake-token');
    const inGuild = await registerCommands(rest, APP_ID, GUILD_ID);
    expect(inGuild).toMatchObject([{ name: 'brief', guild_id: GUILD_ID, options: [{ type: 3, name: 'question', required: true }] }]);
    expect(fake.requests.find((r) => r.method === 'PUT')?.path).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    await registerCommands(rest, APP_ID);
    expect(fake.commands.get('global')).toMatchObject([{ name: 'brief' }]);
    for (const c of COMMANDS) {
      expect(c.description.length).toBeLessThanOrEqual(100);
      for (const o of c.options ?? []) expect(o.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('runs as documented: npx tsx adapters/discord/register.ts --guild ID', async () => {
    const env = { ...process.env, DISCORD_TOKEN: 'fake.token.value', DISCORD_API_URL: fake.restUrl, DISCORD_APPLICATION_ID: '', DISCORD_GUILD_ID: '' };
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'adapters/discord/register.ts', '--guild', GUILD_ID], { cwd: ROOT, env });
    expect(stdout).toContain(`Registered /brief in server ${GUILD_ID} (available now).`);
    expect(stdout).toContain(`https://discord.com/oauth2/authorize?client_id=${APP_ID}&scope=bot+applications.commands&permissions=`);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /applications/@me'); // the id, asked of Discord
    expect(fake.commands.get(GUILD_ID)).toMatchObject([{ name: 'brief' }]);
  });
});

describe('rendering', () => {
  const cite = { file: 'a.txt', outlet: 'IANS', title: null, date: '2026-01-13', url: null };
  const quote = (id: number, text: string): Quote => ({ id, speaker: 'Jane Doe', role: 'Minister', kind: 'direct', verb: 'said', via: null, text, citations: [cite], excerpts: [], articles: 1, sieve: 'trigram/name' });
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
  const answer = (quotes: Quote[], total = quotes.length): Answer => ({
    question: 'what did Jane Doe say?', kind: 'speaker', speaker: 'Jane Doe', role: 'Minister', answer: 'Jane Doe (Minister): many statements.',
    quotes, passages: [], total, alternatives: [], articleCount: 1, onTopic: null,
  });

  it('cuts a long answer at a quote boundary and pages on from the first quote not shown', () => {
    const m = answerMessage(answer(Array.from({ length: 10 }, (_, i) => quote(i, words(120))), 30), 0, 'p1');
    expect(discordLimitProblems(m)).toEqual([]);
    const shown = fieldsOf(m.embeds).length;
    expect(shown).toBeGreaterThan(2);
    expect(shown).toBeLessThan(10);
    expect(m.components[0]!.components[0]).toMatchObject({ custom_id: `brief_more:p1:${shown}`, label: `More quotes (${shown + 1}\u2013${shown + 10} of 30)` });
  });

  it('heads an answer about a speaker nobody quoted by the question, as on Slack', () => {
    const unknown: Answer = { ...answer([]), kind: 'unknown-speaker', speaker: null, role: null, question: 'what did Narendra Modi say?', answer: 'I found no statements by Narendra Modi.' };
    expect(answerMessage(unknown, 0, 'p1').embeds[0]!.title).toBe('what did Narendra Modi say?');
  });

  it('shortens a first quote too long for any message rather than never showing it', () => {
    const m = answerMessage(answer([quote(1, words(3000))]), 0, 'p1');
    expect(discordLimitProblems(m)).toEqual([]);
    const values = fieldsOf(m.embeds).map((f) => f.value);
    expect(values[0]).toMatch(/^\u201cword0 word1/);
    expect(values.join(' ')).toMatch(/word\d+\u2026\u201d/);
    expect(m.components).toEqual([]);
  });

  it('cuts a busy briefing by importance, with "…and N more stories"', () => {
    const story = (i: number): Story => ({
      headline: `Story ${i}`, summary: words(150), date: '2026-01-13', quotes: [quote(i, words(80))], speakers: [], figures: ['$5 billion'],
      next: ['A vote on Friday.'], outlets: ['IANS'], citations: [cite],
    });
    const d: Digest = { date: '2026-01-13', since: null, stories: Array.from({ length: 12 }, (_, i) => story(i)), more: 3, articleCount: 40, text: '' };
    const m = digestMessage(d);
    expect(discordLimitProblems(m)).toEqual([]);
    expect(m.embeds.map((e) => e.title)).toEqual(m.embeds.map((_, i) => `Story ${i}`));
    expect(m.content).toContain(`\u2026and ${15 - m.embeds.length} more stories`);
    expect(m.embeds.reduce((n, e) => n + embedChars(e), 0)).toBeLessThanOrEqual(6000);
  });

  it('has a checker that catches every limit', () => {
    const field = { name: 'n', value: 'v'.repeat(1025) };
    const problems = discordLimitProblems({
      content: 'x'.repeat(2001),
      embeds: [{ title: 't'.repeat(257), fields: Array.from({ length: 26 }, () => field) }],
      components: [{ components: [{ label: 'l', custom_id: 'c'.repeat(101) }] }],
    });
    expect(problems.join('\n')).toMatch(/content of 2001[\s\S]*characters across embeds[\s\S]*title of 257[\s\S]*26 fields[\s\S]*field value of 1025[\s\S]*custom_id of 101/);
    expect(discordLimitProblems({ content: '', embeds: [] })).toEqual(['empty message']);
  });
});

describe('with an LLM configured', () => {
  it('answers without waiting for the model, then edits the grounded summary into the same answer', async () => {
    const { startFakeOpenAI, reply } = await import('./fakes/openai.ts');
    const openai = await startFakeOpenAI();
    try {
      const summary = { summary: [{ sentence: 'Sergio Gor said India will be invited to join PaxSilica next month.', ids: ['q1'] }] };
      openai.next({ ...reply.json(summary), delayMs: 500 }, reply.json(summary));
      await startAdapter(SEEDS, {}, { apiKey: 'sk-test', baseURL: openai.url, model: 'test-model', timeoutMs: 5000, maxRetries: 1 });

      fake.messageCreate({ content: `<@${BOT_ID}> what did Gor say?` });
      const first = await answered();
      expect(JSON.stringify(first.body)).not.toContain('AI-written');
      const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.startsWith(`${MESSAGES}/`), 5000);
      const text = JSON.stringify(edit.body.embeds);
      expect(text).toContain('Sergio Gor said India will be invited to join PaxSilica next month. [1]');
      expect(text).toContain('Summary, AI-written from the quotes below (the quotes are the record) \u00b7 test-model');
      expect(text).toContain('I am pleased to announce that India will be invited to join PaxSilica'); // the quotes, from the articles

      const { token } = ask('what did Gor say?');
      await fake.waitFor(() => fake.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(`${token}/messages/@original`)).length === 2 || undefined, 5000);
      const [plain, better] = fake.requests.filter((r) => r.path.endsWith(`${token}/messages/@original`));
      expect(JSON.stringify(plain!.body)).not.toContain('AI-written');
      expect(JSON.stringify(better!.body)).toContain('Sergio Gor said India will be invited to join PaxSilica next month. [1]');
    } finally {
      await openai.close();
    }
  });
});

describe('Discord settings', () => {
  it('stop the bot with the variable to fix and where to get it', () => {
    expect(loadDiscordConfig({})).toBeNull();
    expect(() => loadDiscordConfig({ DISCORD_TOKEN: 'abc' })).toThrow(/^DISCORD_TOKEN must be the bot token \(three parts separated by dots\).*: set it to the bot token from discord\.com\/developers\/applications → your application → Bot → Reset Token/);
    expect(() => loadDiscordConfig({ DISCORD_TOKEN: 'Bot a.b.c' })).toThrow(/^DISCORD_TOKEN must be the token alone, without "Bot "/);
    expect(() => loadDiscordConfig({ DISCORD_TOKEN: 'a.b.c', DISCORD_APPLICATION_ID: 'briefbot' })).toThrow(/^DISCORD_APPLICATION_ID must be a numeric Discord id: set it to the Application ID from .*General Information/);
    expect(() => loadDiscordConfig({ DISCORD_TOKEN: 'a.b.c', DISCORD_GUILD_ID: '12' })).toThrow(/^DISCORD_GUILD_ID must be a numeric Discord id: .*Copy Server ID/);
    expect(() => loadDiscordConfig({ DISCORD_GUILD_ID: GUILD_ID })).toThrow(/^DISCORD_TOKEN is missing \(DISCORD_GUILD_ID is set\): set it to the bot token/);
    expect(loadDiscordConfig({ DISCORD_TOKEN: 'a.b.c', DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: '' })).toEqual({ token: 'a.b.c', applicationId: null, guildId: GUILD_ID, apiUrl: null });
  });
});

describe('the scheduled briefing', () => {
  it('arrives once in the subscribed Discord channel, however many ticks', async () => {
    await startAdapter();
    const { Scheduler } = await import('../src/app/scheduler.ts');
    const { silentLogger } = await import('../src/log.ts');
    await bot!.state.subscribe({ platform: 'discord', channel: CHANNEL_ID, cron: '0 8 * * *', timezone: 'UTC', postWhenEmpty: true, createdBy: USER_ID });
    const scheduler = new Scheduler(bot!, [adapter!], { logger: silentLogger, now: () => new Date('2026-01-13T08:00:00Z') });
    await scheduler.tick();
    await scheduler.tick();
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === MESSAGES);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({ enforce_nonce: true });
    expect(posts[0]!.body.embeds[0].title).toBe('India Joins US-Led Talks on Critical Minerals as Secretary Bessent Pushes Supply Chain Security');
  });
});

/** What Discord displays of markdown text: backslash escapes resolved, zero-width spaces unseen. */
const discordShows = (markdown: string) => markdown.replace(/\\([^0-9A-Za-z\s])/g, '$1').replace(/\u200b/g, '');
/** What Discord reads at the start of a line: headings, subtext, block quotes, list items. */
const LINE_MARKDOWN = /^\s*(#{1,3}\s|-#\s|>|[-*+]\s|\d+\.\s)/;

describe('untrusted text in Discord', () => {
  it('can never form a masked link, however its brackets nest, and is still shown as written', async () => {
    const hostile = 'Read [[the official statement]](https://evil.example) or [see [this]](https://evil.example/2) [sic]';
    const { dir, cleanup } = seedsWithHostileArticle(hostile, 3);
    try {
      await startAdapter(dir);
      fake.messageCreate({ content: `<@${BOT_ID}> what did Jane Doe say?` });
      const { body } = await answered();
      const quoted = fieldsOf(body.embeds).map((f) => f.value).find((v) => v.includes('Read'))!.split('\n')[0]!;
      // No "[" that Discord would read (one without a backslash) before a "](": no link, wherever it might start.
      expect(quoted).not.toMatch(/(?<!\\)\[.*\]\(/);
      expect(discordShows(quoted)).toBe(`\u201c${hostile}\u201d`);
    } finally {
      cleanup();
    }
  });

  const cite = { file: 'a.txt', outlet: 'IANS', title: null, date: '2026-01-13', url: null };
  const quote = (text: string): Quote => ({ id: 1, speaker: 'Jane Doe', role: 'Minister', kind: 'direct', verb: 'said', via: null, text, citations: [cite], excerpts: [], articles: 1, sieve: 'trigram/name' });

  it('starting a line is shown as written: subtext (-#), headings, block quotes and list items do nothing', () => {
    const text = 'Fine print follows\n-# small print\n# Heading\n## Subheading\n### Minor\n> quoted\n>>> all quoted\n- item\n  * starred\n1. first';
    const fields = quoteFields(quote(text));
    for (const line of fields.flatMap((f) => f.value.split('\n'))) expect(line).not.toMatch(LINE_MARKDOWN);
    expect(discordShows(fields[0]!.value.split('\n\u2014 ')[0]!)).toBe(`\u201c${text}\u201d`);
  });

  it('starting the next field of a long quote (continued at a space) is shown as written too', () => {
    const filler = `${Array.from({ length: 170 }, () => 'words').join(' ')} ab`; // the field ends just before "-#"
    const fields = quoteFields(quote(`${filler} -# small print`));
    expect(fields).toHaveLength(2);
    expect(discordShows(fields[1]!.value)).toMatch(/^-# small print/);
    expect(fields[1]!.value).not.toMatch(LINE_MARKDOWN);
  });
});
