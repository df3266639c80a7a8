// Alerts for watches: a channel watching a speaker or a phrase gets one post per new quote, exactly once across
// checks, restarts and replicas; a burst is one post; nothing already there when a watch or a source was added.
import { writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Briefbot } from '../src/bot.ts';
import { converse, type Reply } from '../src/app/conversation.ts';
import { Scheduler } from '../src/app/scheduler.ts';
import type { ChatAdapter } from '../src/app/ports.ts';
import { silentLogger } from '../src/log.ts';
import { DEFAULT_SCHEDULE } from '../src/schedule/subscription.ts';
import { BURST } from '../src/alerts/alerts.ts';
import { phraseWords, saysPhrase } from '../src/alerts/match.ts';
import { SlackAdapter } from '../adapters/slack/slack.ts';
import { alertMessage as slackAlert, slackLimitProblems } from '../adapters/slack/render.ts';
import { DiscordAdapter } from '../adapters/discord/discord.ts';
import { alertMessage as discordAlert, discordLimitProblems } from '../adapters/discord/render.ts';
import { MemoryAdapter, alertText } from './fakes/memory-adapter.ts';
import { startFakeSlack, type FakeSlack } from './fakes/slack.ts';
import { CHANNEL_ID, startFakeDiscord, type FakeDiscord } from './fakes/discord.ts';
import { start, type FeedServer } from './fakes/feed-server.ts';
import { allQuotes, copySeeds, tempDir } from './helpers.ts';
import { rssFeed, storyPage } from './fakes/feeds.ts';
import { testDatabase } from './pg.ts';

let dir: string;
let seeds: string;
let db: string;
const cleanups: (() => unknown)[] = [];
const clock = { now: new Date('2026-01-14T09:00:00Z') };

beforeEach(() => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  dir = t.dir;
  seeds = join(dir, 'seeds');
  db = join(dir, 'briefbot.db');
  copySeeds(seeds);
  clock.now = new Date('2026-01-14T09:00:00Z');
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function open(options: Partial<Parameters<typeof Briefbot.open>[0]> = {}): Promise<Briefbot> {
  const bot = await Briefbot.open({ seedsDir: seeds, dbPath: db, ...options });
  cleanups.push(() => bot.close());
  return bot;
}

function scheduler(bot: Briefbot, adapters: ChatAdapter[], instance = 'test'): Scheduler {
  const s = new Scheduler(bot, adapters, { logger: silentLogger, now: () => clock.now, instance });
  cleanups.push(() => s.stop());
  return s;
}

/** Types a command in a channel as a person would (the conversation core every adapter hands its events to). */
async function say(bot: Briefbot, line: string, platform: string, channel: string): Promise<string> {
  const reply: Reply = await converse(bot, line, { platform, channel, user: 'U1' }, DEFAULT_SCHEDULE);
  return reply.type === 'notice' ? reply.text : JSON.stringify(reply);
}

/** Drops an article into the seeds folder, as an analyst saving one would. */
function article(file: string, body: string, meta: { outlet?: string; date?: string; title?: string } = {}): void {
  const front = Object.entries({ title: meta.title ?? 'Treasury remarks', outlet: meta.outlet ?? 'Wire One', date: meta.date ?? '2026-01-14' }).map(([k, v]) => `${k}: ${v}`);
  writeFileSync(join(seeds, file), `---\n${front.join('\n')}\n---\n\n${body}\n`);
}

const BESSENT = '"We will keep every option on the table for critical minerals," Treasury Secretary Scott Bessent said on Wednesday in Washington.';

describe('a channel watching a speaker', () => {
  it('gets exactly one Slack post when an article quoting him is indexed, and none on a second check or after a restart', async () => {
    const fake: FakeSlack = await startFakeSlack();
    cleanups.push(() => fake.close());
    const slackAdapter = async (bot: Briefbot) => {
      const config = { botToken: 'xoxb-test', mode: 'http' as const, signingSecret: 'secret', appToken: null, port: 0, host: '127.0.0.1', command: '/brief', apiUrl: fake.apiUrl };
      const a = new SlackAdapter(bot, { config, schedule: DEFAULT_SCHEDULE, logger: silentLogger, retryConfig: { retries: 0 } });
      await a.start();
      cleanups.push(() => a.stop());
      return a;
    };
    const bot = await open();
    const adapter = await slackAdapter(bot);
    expect(await say(bot, 'watch Bessent', 'slack', 'C1')).toMatch(/^Watching Bessent \(Scott Bessent\b/);
    const s = scheduler(bot, [adapter]);
    expect(await s.alerts()).toEqual([]); // what was indexed before the watch is not news to it
    article('new-bessent.txt', BESSENT);
    await bot.sync();
    expect((await s.alerts()).map((o) => o.result)).toEqual(['posted']);
    expect(await s.alerts()).toEqual([]);

    const posts = () => fake.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts()).toHaveLength(1);
    const post = posts()[0]!.args as { channel: string; text: string; blocks: Record<string, unknown>[]; metadata: unknown };
    expect(post.channel).toBe('C1');
    expect(post.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Bessent was quoted' } });
    expect(JSON.stringify(post.blocks)).toContain('\u201cWe will keep every option on the table for critical minerals\u201d');
    expect(JSON.stringify(post.blocks)).toContain('Wire One, 14 Jan 2026');
    expect(post.metadata).toMatchObject({ event_type: 'briefbot_alert' });
    expect(slackLimitProblems(post as never)).toEqual([]);

    // A restart: a new bot and scheduler over the same database file find the claim and post nothing.
    const again = await open();
    expect(await scheduler(again, [await slackAdapter(again)]).alerts()).toEqual([]);
    expect(posts()).toHaveLength(1);
    // Bolt checks each app's token at start, in the background: done before the fake Slack closes.
    await fake.waitFor(() => fake.calls.filter((c) => c.method === 'auth.test')[1]);
  });

  it('gets exactly one Discord post when an article quoting him is indexed, and none on a second check or after a restart', async () => {
    const fake: FakeDiscord = await startFakeDiscord();
    cleanups.push(() => fake.close());
    const discordAdapter = async (bot: Briefbot) => {
      const a = new DiscordAdapter(bot, { config: { token: 'fake-token', applicationId: null, guildId: null, apiUrl: fake.restUrl }, schedule: DEFAULT_SCHEDULE, logger: silentLogger, rest: { offset: 0 } });
      await a.start();
      cleanups.push(() => a.stop());
      return a;
    };
    const bot = await open();
    const adapter = await discordAdapter(bot);
    await say(bot, 'watch Bessent', 'discord', CHANNEL_ID);
    const s = scheduler(bot, [adapter]);
    article('new-bessent.txt', BESSENT);
    await bot.sync();
    expect((await s.alerts()).map((o) => o.result)).toEqual(['posted']);
    expect(await s.alerts()).toEqual([]);
    const again = await open();
    expect(await scheduler(again, [await discordAdapter(again)]).alerts()).toEqual([]);

    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL_ID}/messages`);
    expect(posts).toHaveLength(1);
    const body = posts[0]!.body;
    expect(body.content).toBe('**Bessent was quoted**');
    expect(body.embeds[0].fields[0].name).toBe('Scott Bessent, US Treasury Secretary');
    expect(body.embeds[0].fields[0].value).toContain('\u201cWe will keep every option on the table for critical minerals\u201d');
    expect(body).toMatchObject({ allowed_mentions: { parse: [] }, enforce_nonce: true });
    expect(discordLimitProblems(body)).toEqual([]);
  });

  it('gets one post for a quote three outlets carry, listing the outlets', async () => {
    const bot = await open();
    const chat = new MemoryAdapter('slack');
    await say(bot, 'watch Bessent', 'slack', 'C1');
    for (const outlet of ['Wire One', 'Wire Two', 'Wire Three']) article(`${outlet.replace(' ', '-')}.txt`, BESSENT, { outlet, title: `${outlet} on minerals` });
    await bot.sync();
    await scheduler(bot, [chat]).alerts();
    expect(chat.alerts).toHaveLength(1);
    const [quote] = chat.alerts[0]!.alert.items.map((i) => i.quote);
    expect(quote!.citations.map((c) => c.outlet).sort()).toEqual(['Wire One', 'Wire Three', 'Wire Two']);
    expect(alertText(chat.alerts[0]!.alert)).toMatch(/Wire One, 14 Jan 2026/);
  });

  it('is not alerted to what was indexed before the watch was made', async () => {
    const bot = await open();
    const chat = new MemoryAdapter('slack');
    article('new-bessent.txt', BESSENT);
    await bot.sync();
    await say(bot, 'watch Bessent', 'slack', 'C1');
    const s = scheduler(bot, [chat]);
    expect(await s.alerts()).toEqual([]);
    article('later.txt', '"Supply chains must not depend on one country," Scott Bessent said on Thursday.');
    await bot.sync();
    await s.alerts();
    expect(chat.alerts.map((a) => a.alert.items.map((i) => i.quote.text))).toEqual([['Supply chains must not depend on one country']]);
  });

  it('waits for someone never quoted, and is alerted when they first are', async () => {
    const bot = await open();
    const chat = new MemoryAdapter('slack');
    expect(await say(bot, 'watch Jerome Powell', 'slack', 'C1')).toMatch(/no one by that name is quoted yet/);
    const s = scheduler(bot, [chat]);
    article('powell.txt', '"Rates will stay where they are for now," Federal Reserve Chair Jerome Powell said on Wednesday.');
    await bot.sync();
    await s.alerts();
    expect(chat.alerts.map((a) => alertText(a.alert).split('\n')[0])).toEqual(['Jerome Powell was quoted']);
  });

  it('turns a burst of more than BURST new quotes into one grouped post', async () => {
    const bot = await open();
    const chat = new MemoryAdapter('slack');
    await say(bot, 'watch Bessent', 'slack', 'C1');
    const s = scheduler(bot, [chat]);
    for (let i = 1; i <= 8; i++) article(`burst-${i}.txt`, `"Point number ${i} of the plan is about ${['ports', 'mines', 'refineries', 'tariffs', 'loans', 'stockpiles', 'shipping', 'magnets'][i - 1]}," Scott Bessent said on Wednesday.`, { outlet: `Wire ${i}` });
    await bot.sync();
    const outcomes = await s.alerts();
    expect(8).toBeGreaterThan(BURST);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ result: 'posted', quotes: 8, key: expect.stringMatching(/^burst:after-\d+$/) });
    expect(chat.alerts).toHaveLength(1);
    expect(chat.alerts[0]!.alert.burst).toBe(true);
    expect(alertText(chat.alerts[0]!.alert).split('\n')[0]).toBe('8 new quotes for this channel\u2019s watches: Bessent');
    // The quotes it grouped count as alerted: a later copy of one is not posted on its own.
    article('burst-copy.txt', '"Point number 3 of the plan is about refineries," Scott Bessent said on Thursday.', { outlet: 'Late Wire' });
    await bot.sync();
    expect(await s.alerts()).toEqual([]);
    expect(chat.alerts).toHaveLength(1);
  });

  it('keeps a burst that failed the same post when it is retried after more articles arrived', async () => {
    const bot = await open();
    const chat = new MemoryAdapter('slack');
    await say(bot, 'watch Bessent', 'slack', 'C1');
    const s = scheduler(bot, [chat]);
    const topics = ['ports', 'mines', 'refineries', 'tariffs', 'loans', 'stockpiles', 'shipping', 'magnets', 'grids'];
    for (let i = 1; i <= 7; i++) article(`burst-${i}.txt`, `"Point number ${i} of the plan is about ${topics[i - 1]}," Scott Bessent said on Wednesday.`, { outlet: `Wire ${i}` });
    await bot.sync();
    chat.failures = [new Error('HTTP 503')];
    const [failed] = await s.alerts();
    expect(failed).toMatchObject({ result: 'failed', quotes: 7 });
    article('burst-8.txt', `"Point number 8 of the plan is about ${topics[7]}," Scott Bessent said on Thursday.`, { outlet: 'Wire 8' });
    await bot.sync();
    clock.now = new Date('2026-01-14T09:01:00Z');
    const [retried] = await s.alerts();
    expect(retried).toMatchObject({ result: 'posted', key: failed!.key, quotes: 8 });
    expect(chat.alerts.map((a) => a.key)).toEqual([`slack:C1:${failed!.key}`]);
  });
});

describe('a grouped post', () => {
  it('keeps inside Slack\'s and Discord\'s limits however many quotes, saying how many it leaves out', async () => {
    const bot = await open();
    const quotes = await allQuotes(bot, 'what did Bessent say?');
    // Sixty quotes, some long: more than any one message can hold.
    const items = Array.from({ length: 60 }, (_, i) => ({ quote: quotes[i % quotes.length]!, watches: [{ kind: 'speaker' as const, term: 'Bessent' }] }));
    const slack = slackAlert({ items, burst: true });
    const discord = discordAlert({ items, burst: true });
    expect(slackLimitProblems(slack)).toEqual([]);
    expect(discordLimitProblems(discord)).toEqual([]);
    expect(slack.blocks[0]).toMatchObject({ type: 'header', text: { text: '60 new quotes for this channel\u2019s watches: Bessent' } });
    expect(JSON.stringify(slack.blocks)).toMatch(/\u2026and \d+ more quotes/);
    expect(discord.content).toMatch(/^\*\*60 new quotes for this channel\u2019s watches: Bessent\*\*\n\u2026and \d+ more quotes/);
  });
});

describe('a channel watching a phrase', () => {
  it('gets a post for a new quote saying it, in any case, accent or punctuation, naming the phrase', async () => {
    const bot = await open();
    const chat = new MemoryAdapter('discord');
    expect(await say(bot, 'watch "rare earths"', 'discord', 'D1')).toMatch(/^Watching /);
    const s = scheduler(bot, [chat]);
    article('phrase.txt', [
      '"Our RARE-EARTHS refining will double by 2028," Ashwini Vaishnaw said on Wednesday.',
      '',
      '"Rare metals and earths are not the same thing," Ashwini Vaishnaw said later.',
    ].join('\n'));
    await bot.sync();
    await s.alerts();
    expect(chat.alerts.map((a) => a.alert.items.map((i) => i.quote.text))).toEqual([['Our RARE-EARTHS refining will double by 2028']]);
    expect(alertText(chat.alerts[0]!.alert).split('\n')[0]).toBe('New quote saying \u201crare earths\u201d');
  });

  it('matches the phrase\'s words in order, folding case, accents and punctuation', () => {
    const quote = phraseWords('La Société Générale a dit: «rare—earths» sont clés');
    expect(saysPhrase(quote, phraseWords('societe generale'))).toBe(true);
    expect(saysPhrase(quote, phraseWords('Rare Earths'))).toBe(true);
    expect(saysPhrase(quote, phraseWords('earths rare'))).toBe(false);
    expect(saysPhrase(quote, phraseWords('rare clés'))).toBe(false);
    expect(saysPhrase(quote, phraseWords('  ...  '))).toBe(false);
  });
});

describe('exactly once', () => {
  /** Two replicas over one database: a SQLite file, or PostgreSQL (the server; without one, one bot on PGlite checked twice). */
  const databases: [string, () => Promise<[Briefbot, Briefbot]>][] = [
    ['one SQLite file', async () => [await open(), await open()]],
    ['one PostgreSQL database', async () => {
      const t = await testDatabase();
      cleanups.push(() => t.drop());
      const a = await open({ databaseUrl: t.url });
      return [a, t.engine === 'postgres' ? await open({ databaseUrl: t.url }) : a];
    }],
  ];

  it.each(databases)('two replicas on %s post each alert once between them', async (_name, replicas) => {
    const [a, b] = await replicas();
    const [chatA, chatB] = [new MemoryAdapter('slack'), new MemoryAdapter('slack')];
    await say(a, 'watch Bessent', 'slack', 'C1');
    article('new-bessent.txt', BESSENT);
    await a.sync();
    await b.sync();
    const [sa, sb] = [scheduler(a, [chatA], 'a'), scheduler(b, [chatB], 'b')];
    await Promise.all([sa.alerts(), sb.alerts()]);
    await Promise.all([sa.alerts(), sb.alerts()]);
    expect(chatA.alerts.length + chatB.alerts.length).toBe(1);
    expect(alertText((chatA.alerts[0] ?? chatB.alerts[0])!.alert)).toContain('We will keep every option on the table for critical minerals');
    expect(await a.state.alertCursor('slack', 'C1')).toBe(await a.latestArticleId());
  });

  it('retries a failed post after a wait, posts it once, and holds the cursor until then', async () => {
    const bot = await open();
    const chat = new MemoryAdapter('slack');
    await say(bot, 'watch Bessent', 'slack', 'C1');
    const before = await bot.latestArticleId();
    article('new-bessent.txt', BESSENT);
    await bot.sync();
    chat.failures = [new Error('HTTP 503')];
    const s = scheduler(bot, [chat]);
    expect((await s.alerts()).map((o) => [o.result, o.error])).toEqual([['failed', 'HTTP 503']]);
    expect((await bot.state.alertCursor('slack', 'C1')) ?? before).toBe(before);
    clock.now = new Date('2026-01-14T09:00:30Z');
    expect((await s.alerts()).map((o) => o.result)).toEqual(['pending']); // waits a minute first
    clock.now = new Date('2026-01-14T09:01:00Z');
    expect((await s.alerts()).map((o) => o.result)).toEqual(['posted']);
    expect(await s.alerts()).toEqual([]);
    expect(chat.alerts).toHaveLength(1);
    expect(await bot.state.alertCursor('slack', 'C1')).toBe(await bot.latestArticleId());
  });
});

describe('escaping', () => {
  const HOSTILE = '"Tell <!channel> and @everyone: this is *huge* and _final_ now," Scott Bessent said on Wednesday.';

  it('shows Slack control characters in a quote as written, acting on none', async () => {
    const fake = await startFakeSlack();
    cleanups.push(() => fake.close());
    const bot = await open();
    const adapter = new SlackAdapter(bot, { config: { botToken: 'xoxb-test', mode: 'http', signingSecret: 'secret', appToken: null, port: 0, host: '127.0.0.1', command: '/brief', apiUrl: fake.apiUrl }, schedule: DEFAULT_SCHEDULE, logger: silentLogger, retryConfig: { retries: 0 } });
    await adapter.start();
    cleanups.push(() => adapter.stop());
    await say(bot, 'watch Bessent', 'slack', 'C1');
    article('hostile.txt', HOSTILE);
    await bot.sync();
    await scheduler(bot, [adapter]).alerts();
    const post = fake.calls.find((c) => c.method === 'chat.postMessage')!.args as { text: string; blocks: unknown[] };
    await fake.waitFor(() => fake.calls.find((c) => c.method === 'auth.test')); // Bolt's token check, before the fake closes
    const sent = JSON.stringify(post);
    expect(sent).toContain('&lt;!channel&gt;');
    expect(sent).not.toContain('<!channel>');
    expect(sent).toContain('@\\u200beveryone'.replace('\\u200b', '\u200b'));
    expect(sent).not.toMatch(/(^|[^\u200b])@everyone/);
    expect(sent).not.toMatch(/[^|]\*huge\*/); // shown as written, not bold
  });

  it('shows Discord markdown and mentions in a quote as written, pinging nobody', async () => {
    const fake = await startFakeDiscord();
    cleanups.push(() => fake.close());
    const bot = await open();
    const adapter = new DiscordAdapter(bot, { config: { token: 'fake-token', applicationId: null, guildId: null, apiUrl: fake.restUrl }, schedule: DEFAULT_SCHEDULE, logger: silentLogger, rest: { offset: 0 } });
    await adapter.start();
    cleanups.push(() => adapter.stop());
    await say(bot, 'watch Bessent', 'discord', CHANNEL_ID);
    article('hostile.txt', HOSTILE);
    await bot.sync();
    await scheduler(bot, [adapter]).alerts();
    const body = fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL_ID}/messages`)!.body;
    const value: string = body.embeds[0].fields[0].value;
    expect(value).toContain('@\u200beveryone');
    expect(value).toContain('\\*huge\\*');
    expect(value).toContain('\\_final\\_');
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });
});

describe('polled sources', () => {
  it('never alert what a source held at its first fetch, and alert what it brings after, once the scheduler polls', async () => {
    let feed = '';
    const server: FeedServer = await start({
      '/feed.xml': (_req, res: ServerResponse) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed),
      '/old': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(storyPage('Bessent on rates', '"We will not raise tariffs on our allies this winter," Treasury Secretary Scott Bessent said on Wednesday.')),
      '/new': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(storyPage('Bessent on ports', '"Our ports will be open to every ally by the spring," Treasury Secretary Scott Bessent said on Thursday.')),
    });
    cleanups.push(() => server.close());
    // A new source is due at once by the database's clock: the sources' clock starts just after it.
    const sourceClock = { now: new Date(Date.now() + 60_000) };
    const bot = await open({ sources: { privateHosts: new Set(['127.0.0.1']), admins: new Set(), hostIntervalMs: 1, now: () => sourceClock.now } });
    const chat = new MemoryAdapter('console');
    await say(bot, 'watch Bessent', 'console', 'console');
    feed = rssFeed([{ id: 'old', url: server.url('/old'), title: 'Bessent on rates' }]);
    await say(bot, `sources add ${server.url('/feed.xml')}`, 'console', 'console');
    const s = scheduler(bot, [chat]);
    s.start();
    await s.polled();
    expect((await allQuotes(bot, 'what did Bessent say?')).map((q) => q.text)).toContain('We will not raise tariffs on our allies this winter');
    expect(await s.alerts()).toEqual([]);
    expect(chat.alerts).toEqual([]); // indexed and answerable, but the source's first fetch: not alerted

    feed = rssFeed([{ id: 'new', url: server.url('/new'), title: 'Bessent on ports' }, { id: 'old', url: server.url('/old'), title: 'Bessent on rates' }]);
    sourceClock.now = new Date(sourceClock.now.getTime() + 3_600_000);
    await bot.polled.pollDue();
    await s.alerts();
    expect(chat.alerts.map((a) => a.alert.items.map((i) => i.quote.text))).toEqual([['Our ports will be open to every ally by the spring']]);
  });
});
