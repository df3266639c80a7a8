// npm run bench:sources [-- --feeds 500 --items 20 --hosts 50 --host-interval-ms 250]
//
// Polled sources at scale: FEEDS RSS feeds of ITEMS new entries each, spread over HOSTS loopback addresses
// (127.0.1.1, 127.0.1.2, …: distinct hosts to the per-host pacing), every entry's page served too. The bot adds them
// all, polls until none is due, and indexes what they brought. Prints the time until every entry is answerable,
// the peak memory, and the requests per host per second (the pacing's promise: at most one request per host per
// interval), beside the raw engine in the same run: the same pages fetched with plain fetch() and no pacing.
import { parseArgs } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Briefbot } from '../src/bot.ts';
import { start, type FeedServer } from '../test/fakes/feed-server.ts';

const { values } = parseArgs({
  options: {
    feeds: { type: 'string', default: '500' },
    items: { type: 'string', default: '20' },
    hosts: { type: 'string', default: '50' },
    'host-interval-ms': { type: 'string', default: '250' },
  },
});
const FEEDS = Number(values.feeds);
const ITEMS = Number(values.items);
const HOSTS = Number(values.hosts);
const INTERVAL = Number(values['host-interval-ms']);
for (const [name, n] of Object.entries({ feeds: FEEDS, items: ITEMS, hosts: HOSTS, 'host-interval-ms': INTERVAL })) {
  if (!(Number.isInteger(n) && n > 0)) throw new Error(`--${name} must be a whole number above 0`);
}

const SURNAMES = ['Bessent', 'Lagarde', 'Okonjo', 'Vaishnaw', 'Sitharaman', 'Albanese', 'Carney', 'Merz', 'Ishiba', 'Lula'];
const TOPICS = ['tariffs', 'interest rates', 'rare earths', 'the budget', 'chip exports', 'climate finance', 'energy prices', 'fiscal rules'];

const page = (f: number, i: number) => {
  const who = SURNAMES[(f + i) % SURNAMES.length]!;
  const topic = TOPICS[(f * 7 + i) % TOPICS.length]!;
  return `<!doctype html><html><head><title>Feed ${f} story ${i}: ${who} on ${topic}</title><meta property="og:site_name" content="Outlet ${f}"></head>
<body><article><h1>Feed ${f} story ${i}: ${who} on ${topic}</h1>
<p>"We will set out our position on ${topic} in story ${f}-${i} this week," Minister Alex ${who} said on Thursday.</p>
<p>Officials said talks on ${topic} would continue, and markets reacted calmly to the remarks about item ${f}-${i}.</p>
</article></body></html>`;
};

const rss = (origin: string, f: number) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Outlet ${f}</title><link>${origin}/</link>
${Array.from({ length: ITEMS }, (_, i) => `<item><title>Story ${i}</title><link>${origin}/f${f}/s${i}</link><guid isPermaLink="false">f${f}-s${i}</guid><pubDate>Thu, 03 Dec 2026 10:${String(i % 60).padStart(2, '0')}:00 GMT</pubDate></item>`).join('\n')}
</channel></rss>`;

// One server per host; each host serves FEEDS / HOSTS feeds.
const servers: FeedServer[] = [];
for (let h = 0; h < HOSTS; h++) {
  const host = `127.0.1.${h + 1}`;
  const routes: Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void> = {};
  const s = await start(routes, { host });
  for (let f = h; f < FEEDS; f += HOSTS) {
    routes[`/feed${f}.xml`] = (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(s.origin, f));
    for (let i = 0; i < ITEMS; i++) routes[`/f${f}/s${i}`] = (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(f, i));
  }
  servers.push(s);
}
const feedUrl = (f: number) => `${servers[f % HOSTS]!.origin}/feed${f}.xml`;

// The raw engine: every feed and page fetched with fetch(), all hosts at once, no pacing, nothing parsed or indexed.
const rawStarted = performance.now();
await Promise.all(Array.from({ length: FEEDS }, async (_, f) => {
  await (await fetch(feedUrl(f))).text();
  for (let i = 0; i < ITEMS; i++) await (await fetch(`${servers[f % HOSTS]!.origin}/f${f}/s${i}`)).text();
}));
const rawMs = performance.now() - rawStarted;
const rawRequests = servers.reduce((n, s) => n + s.requests.length, 0);
for (const s of servers) s.requests.length = 0;

const dir = mkdtempSync(join(tmpdir(), 'briefbot-bench-sources-'));
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const hosts = new Set(servers.map((s) => new URL(s.origin).hostname));
mkdirSync(join(dir, 'seeds'));
const bot = await Briefbot.open({ seedsDir: join(dir, 'seeds'), dbPath: join(dir, 'bench.db'), sources: { privateHosts: hosts, hostIntervalMs: INTERVAL } });
try {
  const started = performance.now();
  for (let f = 0; f < FEEDS; f++) {
    const r = await bot.polled.add(feedUrl(f), { platform: 'cli', user: null });
    if (!r.ok) throw new Error(r.text);
  }
  let entries = 0;
  for (;;) {
    const round = await bot.polled.pollDue();
    entries += round.newEntries;
    if (round.polled === 0) break;
  }
  await bot.synced();
  const ms = performance.now() - started;
  const articles = await bot.store.articleCount();
  const probe = await bot.ask(`what did ${SURNAMES[0]} say about tariffs?`);
  // Requests per host per second: the busiest host's count over the whole run.
  const perHost = servers.map((s) => s.requests.length);
  const busiest = Math.max(...perHost);
  console.log(`Machine: Node ${process.version}; ${FEEDS} feeds × ${ITEMS} new items over ${HOSTS} hosts, at most one request per host every ${INTERVAL} ms\n`);
  console.log('| feeds × items | hosts | entries indexed | articles | time until all answerable | peak RSS | requests | busiest host: requests, per second | raw fetch() of the same, unpaced |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(`| ${FEEDS} × ${ITEMS} | ${HOSTS} | ${entries} | ${articles} | ${(ms / 1000).toFixed(1)} s | ${Math.round(peakRss / 1048576)} MB | ${perHost.reduce((a, b) => a + b, 0)} | ${busiest}, ${(busiest / (ms / 1000)).toFixed(2)}/s (limit ${(1000 / INTERVAL).toFixed(2)}/s) | ${rawRequests} requests in ${(rawMs / 1000).toFixed(1)} s |`);
  console.log(`\nprobe: "what did ${SURNAMES[0]} say about tariffs?" → ${probe.quotes.length} quotes (of ${probe.total})`);
  if (entries !== FEEDS * ITEMS || articles !== FEEDS * ITEMS) {
    console.log(`MISSED: ${FEEDS * ITEMS} entries expected, ${entries} read and ${articles} indexed`);
    process.exitCode = 1;
  }
} finally {
  clearInterval(sampler);
  await bot.close();
  await Promise.all(servers.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
}
