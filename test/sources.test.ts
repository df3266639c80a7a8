// Polled sources, end to end: a feed served on 127.0.0.1 is added as a person would add it, polled, and what it
// brought is answered; refusals and failures are said plainly.
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { Briefbot } from '../src/bot.ts';
import { converse, type Reply } from '../src/app/conversation.ts';
import { DEFAULT_SCHEDULE } from '../src/schedule/subscription.ts';
import { start, type FeedServer } from './fakes/feed-server.ts';
import { tempDir } from './helpers.ts';
import { rssFeed, storyPage } from './fakes/feeds.ts';

const CONSOLE: { platform: string; channel: string; user: string | null } = { platform: 'console', channel: 'console', user: null };

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ministry of Finance</title><id>urn:mof:press</id><updated>2026-12-03T09:00:00Z</updated>
<entry><id>urn:mof:press:881</id><title>Statement on the budget</title><updated>2026-12-03T09:00:00Z</updated>
<content type="html">&lt;p&gt;"The budget will be balanced within three years without new taxes," Finance Minister Ruth Okafor said on Thursday.&lt;/p&gt;&lt;p&gt;She spoke at the ministry after a cabinet meeting on the spending review.&lt;/p&gt;</content></entry>
</feed>`;

const JSON_FEED = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Energy Desk',
  items: [{
    id: 'ed-77',
    title: 'Grid plans',
    date_published: '2026-12-03T08:00:00Z',
    content_text: '"We will connect every offshore wind farm to the grid by 2030," Energy Secretary Tom Ridley said on Thursday.\n\nThe plan covers twelve projects in the North Sea.',
  }],
};

function text(reply: Reply): string {
  return reply.type === 'notice' ? reply.text : JSON.stringify(reply);
}

describe('polled sources', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setUp(options: { privateHosts?: string[]; admins?: string[]; entriesPerPoll?: number } = {}) {
    let feedBody = '';
    let etag = '"v1"';
    const server: FeedServer = await start({
      '/feed.xml': (req, res: ServerResponse) => {
        if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(feedBody);
      },
      '/bad.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item><title>broken'),
      '/atom.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(ATOM),
      '/feed.json': (_req, res) => void res.writeHead(200, { 'content-type': 'application/feed+json' }).end(JSON.stringify(JSON_FEED)),
      // 50 MB of feed, written as fast as the client reads it.
      '/huge.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(1 << 20, 'a');
        let sent = 0;
        const more = () => {
          while (sent < 50 && res.write(chunk)) sent++;
          if (sent >= 50) res.end();
          else res.once('drain', () => { sent++; more(); });
        };
        more();
      },
      '/slow.xml': () => undefined, // never answers
      '/loop': (_req, res) => void res.writeHead(302, { location: '/loop' }).end(),
      '/to-metadata': (_req, res) => void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
      '/markets/bessent-rates': (_req, res) =>
        void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(storyPage('Bessent on rates', '"We will not raise tariffs on our allies this winter," Treasury Secretary Scott Bessent said on Wednesday.')),
      '/markets/lagarde-prices': (_req, res) =>
        void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(storyPage('Lagarde on prices', '"Inflation is coming down faster than we expected in the spring," ECB President Christine Lagarde said on Thursday.')),
    });
    cleanups.push(() => server.close());
    const seeds = tempDir();
    cleanups.push(seeds.cleanup);
    // The state stamps a new source with the real time (due at once); the polls' clock starts there and moves on.
    let clock = new Date(Date.now() + 60_000);
    const bot = await Briefbot.open({
      seedsDir: seeds.dir,
      dbPath: ':memory:',
      sources: {
        privateHosts: new Set(options.privateHosts ?? ['127.0.0.1']),
        admins: new Set(options.admins ?? []),
        hostIntervalMs: 1,
        fetch: { timeoutMs: 1000 },
        ...(options.entriesPerPoll ? { entriesPerPoll: options.entriesPerPoll } : {}),
        now: () => clock,
      },
    });
    cleanups.push(() => bot.close());
    return {
      bot,
      server,
      clock: () => clock,
      setFeed: (items: { id: string; path: string; title: string }[], version: string) => {
        feedBody = rssFeed(items.map((i) => ({ ...i, url: server.url(i.path) })));
        etag = `"${version}"`;
      },
      later: (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000)),
      say: (line: string, where = CONSOLE) => converse(bot, line, where, DEFAULT_SCHEDULE).then(text),
    };
  }

  it('polls a feed added from the console: its new entries become answerable, cited to their own pages', async () => {
    const { bot, server, setFeed, say } = await setUp();
    setFeed([{ id: 'tw-1', path: '/markets/bessent-rates', title: 'Bessent on rates' }], 'v1');
    expect(await say(`sources add ${server.url('/feed.xml')}`)).toMatch(/^Added http:\/\/127\.0\.0\.1:\d+\/feed\.xml: it is fetched within a minute/);
    expect(await bot.polled.pollDue()).toEqual({ polled: 1, newEntries: 1 });
    const answer = await bot.ask('what did Bessent say?');
    expect(answer.quotes.map((q) => q.text)).toEqual(['We will not raise tariffs on our allies this winter']);
    expect(answer.quotes[0]!.speaker).toBe('Scott Bessent');
    expect(answer.quotes[0]!.citations[0]!.url).toBe(server.url('/markets/bessent-rates'));
    const [source] = await bot.polled.list();
    expect(source).toMatchObject({ kind: 'feed', title: 'Treasury Wire', items: 1, lastStatus: 'ok', failures: 0, lastError: null });
  });

  it('fetches an unchanged feed conditionally (304), and reads only the entries it has not read before', async () => {
    const { bot, server, setFeed, say, later } = await setUp();
    setFeed([{ id: 'tw-1', path: '/markets/bessent-rates', title: 'Bessent on rates' }], 'v1');
    await say(`sources add ${server.url('/feed.xml')}`);
    await bot.polled.pollDue();
    later(16);
    expect(await bot.polled.pollDue()).toEqual({ polled: 1, newEntries: 0 });
    expect(server.requests.filter((r) => r.path === '/feed.xml').at(-1)!.headers['if-none-match']).toBe('"v1"');
    expect((await bot.polled.list())[0]!.lastStatus).toBe('not-modified');
    setFeed([{ id: 'tw-2', path: '/markets/lagarde-prices', title: 'Lagarde on prices' }, { id: 'tw-1', path: '/markets/bessent-rates', title: 'Bessent on rates' }], 'v2');
    later(16);
    expect(await bot.polled.pollDue()).toEqual({ polled: 1, newEntries: 1 });
    expect(server.count('/markets/bessent-rates')).toBe(1);
    expect((await bot.ask('what did Lagarde say?')).quotes[0]!.text).toBe('Inflation is coming down faster than we expected in the spring');
    // Not due again until its interval has passed.
    expect(await bot.polled.pollDue()).toEqual({ polled: 0, newEntries: 0 });
  });

  it('lists each source with its last fetch, status, articles, next fetch and last error', async () => {
    const { bot, server, setFeed, say, clock } = await setUp();
    setFeed([{ id: 'tw-1', path: '/markets/bessent-rates', title: 'Bessent on rates' }], 'v1');
    await say(`sources add ${server.url('/feed.xml')}`);
    await say(`sources add ${server.url('/bad.xml')}`);
    await bot.polled.pollDue();
    const reply = await converse(bot, 'sources', CONSOLE, DEFAULT_SCHEDULE);
    expect(reply.type).toBe('sources');
    const polled = reply.type === 'sources' ? reply.polled : [];
    expect(polled.map((s) => [s.url, s.lastStatus, s.items])).toEqual([[server.url('/feed.xml'), 'ok', 1], [server.url('/bad.xml'), 'error', 0]]);
    const bad = polled[1]!;
    // The first failure waits about a minute (less up to a fifth, so failed sources spread out), and says until when.
    const wait = Date.parse(bad.nextFetchAt) - clock().getTime();
    expect(wait).toBeGreaterThanOrEqual(48_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(bad.lastError).toContain(`tried again at ${bad.nextFetchAt.slice(0, 16).replace('T', ' ')} UTC`);
    expect(bad.lastError).toMatch(/not valid XML/);
    expect(bad.failures).toBe(1);
  });

  it('reads a long feed over several polls, newest first, fetching it in full until every entry is read', async () => {
    const { bot, server, setFeed, say, later } = await setUp({ entriesPerPoll: 1 });
    setFeed([{ id: 'tw-2', path: '/markets/lagarde-prices', title: 'Lagarde on prices' }, { id: 'tw-1', path: '/markets/bessent-rates', title: 'Bessent on rates' }], 'v1');
    await say(`sources add ${server.url('/feed.xml')}`);
    expect(await bot.polled.pollDue()).toEqual({ polled: 1, newEntries: 1 });
    expect((await bot.ask('what did Lagarde say?')).quotes).toHaveLength(1);
    expect((await bot.ask('what did Bessent say?')).quotes).toHaveLength(0);
    later(1);
    expect(await bot.polled.pollDue()).toEqual({ polled: 1, newEntries: 1 });
    expect(server.requests.filter((r) => r.path === '/feed.xml').map((r) => r.headers['if-none-match'] ?? null)).toEqual([null, null]);
    expect((await bot.ask('what did Bessent say?')).quotes).toHaveLength(1);
    // Both were in the feed when it was added: both came quietly (answerable, never alerted), however many polls it took.
    const files = (await bot.state.documentStamps()).map((d) => d.file);
    expect(files).toHaveLength(2);
    expect(await bot.state.quietFiles(files)).toEqual(new Set(files));
    expect((await bot.polled.list())[0]!.firstFetchAt).not.toBeNull();
  });

  it('imports the whole feed at once when asked to poll it now, telling its progress', async () => {
    const { bot, server, setFeed, say } = await setUp({ entriesPerPoll: 1 });
    setFeed([{ id: 'tw-2', path: '/markets/lagarde-prices', title: 'Lagarde on prices' }, { id: 'tw-1', path: '/markets/bessent-rates', title: 'Bessent on rates' }], 'v1');
    await say(`sources add ${server.url('/feed.xml')}`);
    const seen: string[] = [];
    const outcome = await bot.polled.pollNow(server.url('/feed.xml'), ({ done, total }) => seen.push(`${done}/${total}`));
    expect(outcome).toMatchObject({ status: 'ok', newEntries: 2, more: 0 });
    expect(seen).toEqual(['1/2', '2/2']);
    expect((await bot.ask('what did Bessent say?')).quotes).toHaveLength(1);
  });

  it('takes a plain article page as a source of one', async () => {
    const { bot, server, say } = await setUp();
    await say(`sources add ${server.url('/markets/lagarde-prices')}`);
    expect(await bot.polled.pollDue()).toEqual({ polled: 1, newEntries: 1 });
    expect((await bot.polled.list()).map((s) => [s.kind, s.items])).toEqual([['page', 1]]);
    const [quote] = (await bot.ask('what did Lagarde say?')).quotes;
    expect([quote!.speaker, quote!.citations[0]!.url]).toEqual(['Christine Lagarde', server.url('/markets/lagarde-prices')]);
  });

  it('reads Atom and JSON Feed sources too, from the entries\' own content when they link no page', async () => {
    const { bot, server, say } = await setUp();
    await say(`sources add ${server.url('/atom.xml')}`);
    await say(`sources add ${server.url('/feed.json')}`);
    expect(await bot.polled.pollDue()).toEqual({ polled: 2, newEntries: 2 });
    expect((await bot.ask('what did Okafor say?')).quotes.map((q) => [q.text, q.speaker])).toEqual([['The budget will be balanced within three years without new taxes', 'Ruth Okafor']]);
    expect((await bot.ask('what did Ridley say?')).quotes.map((q) => [q.text, q.speaker])).toEqual([['We will connect every offshore wind farm to the grid by 2030', 'Tom Ridley']]);
    expect((await bot.polled.list()).map((s) => [s.kind, s.title, s.items])).toEqual([['feed', 'Ministry of Finance', 1], ['feed', 'Energy Desk', 1]]);
  });

  it('gives a feed too large, a server too slow, a redirect loop and a redirect to the metadata address each a clear status', async () => {
    const { bot, server, say } = await setUp();
    for (const path of ['/huge.xml', '/slow.xml', '/loop', '/to-metadata']) expect(await say(`sources add ${server.url(path)}`)).toMatch(/^Added /);
    expect(await bot.polled.pollDue()).toEqual({ polled: 4, newEntries: 0 });
    const errors = Object.fromEntries((await bot.polled.list()).map((s) => [new URL(s.url).pathname, [s.lastStatus, s.lastError]]));
    expect(errors['/huge.xml']).toEqual(['error', expect.stringMatching(/more than 10 MB.*tried again at/)]);
    expect(errors['/slow.xml']).toEqual(['error', expect.stringMatching(/longer than 1 s.*tried again at/)]);
    expect(errors['/loop']).toEqual(['error', expect.stringMatching(/redirect.*tried again at/i)]);
    expect(errors['/to-metadata']).toEqual(['error', expect.stringMatching(/169\.254\.169\.254.*(link-local|private)/)]);
    expect(server.count('/huge.xml') + server.count('/slow.xml') + server.count('/to-metadata')).toBe(3);
  });

  it('refuses a source from someone the admins setting does not name, and takes it from someone it does', async () => {
    const { server, say } = await setUp({ admins: ['slack:UADMIN'] });
    const url = server.url('/feed.xml');
    expect(await say(`sources add ${url}`, { platform: 'slack', channel: 'C1', user: 'U2' })).toMatch(/^Only source admins can add or remove sources \(you are slack:U2\)\. An administrator can add you with BRIEFBOT_SOURCE_ADMINS=slack:U2/);
    expect(await say(`sources add <${url}>`, { platform: 'slack', channel: 'C1', user: 'UADMIN' })).toMatch(/^Added /);
    expect(await say(`sources remove ${url}`, { platform: 'discord', channel: 'C1', user: 'UADMIN' })).toMatch(/^Only source admins/);
  });

  it('refuses private, link-local and non-web addresses when they are added, and never fetches them', async () => {
    const { server, say } = await setUp({ privateHosts: [] });
    expect(await say(`sources add ${server.url('/feed.xml')}`)).toMatch(/^Not added: .*127\.0\.0\.1.*BRIEFBOT_PRIVATE_HOSTS/);
    expect(await say('sources add http://169.254.169.254/latest/meta-data/')).toMatch(/^Not added: /);
    expect(await say('sources add file:///etc/passwd')).toMatch(/^Not added: /);
    expect(server.count()).toBe(0);
  });

  it('forgets what a removed source brought', async () => {
    const { bot, server, setFeed, say } = await setUp();
    setFeed([{ id: 'tw-1', path: '/markets/bessent-rates', title: 'Bessent on rates' }], 'v1');
    await say(`sources add ${server.url('/feed.xml')}`);
    await bot.polled.pollDue();
    expect(await say(`sources remove ${server.url('/feed.xml')}`)).toMatch(/^Removed .*the article it brought is no longer indexed/);
    expect((await bot.ask('what did Bessent say?')).quotes).toEqual([]);
    expect(await bot.polled.list()).toEqual([]);
  });
});
