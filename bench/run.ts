// npm run bench [-- SIZES] [--corpus gentle|realistic|both] [--store sqlite|postgres|both]: every speed claim, measured.
//   SIZES    comma-separated article counts (default 1000,10000,100000)
//   --corpus which generated corpus: "gentle" (corpus.ts: ~250-word articles, 300 speakers with fixed roles),
//            "realistic" (realistic.ts: ~840-word articles, 4,000 Zipf-quoted people with varying titles,
//            co-mentions, wire stories, HTML and Markdown pages), or "both" — the default when not given.
//   --store  which store: "sqlite" (the default), "postgres" (BRIEFBOT_DATABASE_URL's store, PgStore, on a fresh
//            database of the server at --pg-url, else BRIEFBOT_BENCH_PG_URL, else postgres://postgres@127.0.0.1:5432/postgres:
//            see postgres.ts), or "both" (each corpus generated once, measured on each store, compared side by side)
//   --pg-url the PostgreSQL server for --store postgres|both (a role that may create databases, or a schema is used)
//   --keep   keep each corpus, database and question file (the folder is printed; PostgreSQL databases are kept
//            too and named) instead of deleting them
// e.g. npm run bench -- 1000 --corpus realistic;  npm run bench -- 1000,10000 --corpus both
//      npm run bench -- 1000,10000 --corpus realistic --store both
//
// For each corpus and size: generate a seeded corpus in a temporary folder (counting its words), then run each phase
// in its own process (bench/phase.ts): ingest (articles/s, words/s, peak RSS); serve (cold start to the first
// answer, then — after a few warm-up questions of another seed — the question mix, every question answered by the
// bot and by an equivalent raw FTS5 query on the same file (the top 10 paragraphs with their text for the question's
// words, OR-ed, by BM25), alternating which goes first; digest of the busiest news day and of the latest 500
// arrivals; peak RSS);
// and one fresh process per question kind for cold start over the synced database (the max is reported).
// Prints a markdown table per corpus and writes JSON to bench/results/latest.json (latest-postgres.json or
// latest-both.json for the other stores).
//
// On PostgreSQL the phases are the same, over a fresh database per corpus and size (VACUUM (ANALYZE) after the
// ingest, untimed, as autovacuum would do), the raw query being PostgreSQL's own full-text search over PgStore's
// GIN-indexed tsvectors (the top 10 paragraphs with their text for the question's words, OR-ed, by ts_rank),
// interleaved with ask as on SQLite; peak RSS is the bot's process (the server's memory is not counted). Without a
// server answering, --store postgres stops at once with a message saying which server and how to name another.
//
// Fails (exit code 1, after the tables and the JSON) with a loud line when, between two sizes of one corpus, ask p99
// grows faster than the corpus ("SCALING FAIL"; p99 below 1 ms counts as 1 ms, timer noise), or when a 100k run
// misses a goal for its corpus ("GOAL MISSED"; on PostgreSQL: ask p99 ≤ 50 ms and ≤ 3× the raw query's p99).
// Smaller sizes show which goals they would miss, without failing.
// Not part of npm test or CI.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.ts';
import { generateRealisticCorpus } from './realistic.ts';
import { questionMix, realisticQuestionMix, type BenchQuestion } from './questions.ts';
import { benchPgUrl, checkPgServer, createBenchDatabase } from './postgres.ts';

type CorpusKind = 'gentle' | 'realistic';
type StoreKind = 'sqlite' | 'postgres';
const here = dirname(fileURLToPath(import.meta.url));

let sizesArg = '1000,10000,100000';
let corpusArg = 'both';
let storeArg = 'sqlite';
let pgUrlArg: string | undefined;
let keep = false;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (a === '--corpus') corpusArg = argv[++i] ?? '';
  else if (a.startsWith('--corpus=')) corpusArg = a.slice('--corpus='.length);
  else if (a === '--store') storeArg = argv[++i] ?? '';
  else if (a.startsWith('--store=')) storeArg = a.slice('--store='.length);
  else if (a === '--pg-url') pgUrlArg = argv[++i] ?? '';
  else if (a.startsWith('--pg-url=')) pgUrlArg = a.slice('--pg-url='.length);
  else if (a === '--keep') keep = true;
  else if (/^\d[\d,_]*$/.test(a)) sizesArg = a;
  else usage(`unknown argument "${a}"`);
}
if (!['gentle', 'realistic', 'both'].includes(corpusArg)) usage(`--corpus must be gentle, realistic or both, not "${corpusArg}"`);
const sizes = sizesArg.split(',').map((s) => Number(s.replace(/_/g, ''))).filter((n) => n > 0);
if (sizes.length === 0) usage('no sizes');
const corpora: CorpusKind[] = corpusArg === 'both' ? ['gentle', 'realistic'] : [corpusArg as CorpusKind];
if (!['sqlite', 'postgres', 'both'].includes(storeArg)) usage(`--store must be sqlite, postgres or both, not "${storeArg}"`);
const stores: StoreKind[] = storeArg === 'both' ? ['sqlite', 'postgres'] : [storeArg as StoreKind];
if (pgUrlArg !== undefined && !/^postgres(ql)?:\/\//.test(pgUrlArg)) usage('--pg-url must be a postgres:// or postgresql:// URL');

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: npm run bench [-- 1000,10000,100000] [--corpus gentle|realistic|both] [--store sqlite|postgres|both] [--pg-url postgres://USER@HOST:PORT/DB] [--keep]\n`,
  );
  process.exit(2);
}

// PostgreSQL: the server must answer before anything is generated.
const pgUrl = benchPgUrl(pgUrlArg);
let pgServer: { version: string; createDb: boolean } | null = null;
if (stores.includes('postgres')) {
  const found = await checkPgServer(pgUrl);
  if ('error' in found) {
    process.stderr.write(`${found.error}\n`);
    process.exit(2);
  }
  pgServer = found;
}

/** Goals at 100k articles. Gentle: as before. Realistic: issue 11. */
const GOALS = {
  gentle: { askP99: 50, askP50: 10, overhead: 5, ingestPerSec: 1000, coldStartMs: 2000, rssMb: 1024, digestMs: 500 },
  realistic: { askP99: 150, askP99VsRaw: 3, askP50: 10, digestBusiestMs: 2000, coldStartMs: 2000, ingestPerSec: 1000, ingestWordsPerSec: 800_000, rssMb: 768 },
  /** On PostgreSQL (either corpus): issue 14. */
  postgres: { askP99: 50, askP99VsRaw: 3 },
};
const GOAL_SIZE = 100_000;
/** ask p99 below this counts as this much in the scaling check: sub-millisecond differences are noise. */
const NOISE_FLOOR_MS = 1;

function phase(...args: string[]): Record<string, any> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'phase.ts'), ...args], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop()!);
}

function countWords(dir: string): number {
  let n = 0;
  for (const f of readdirSync(dir)) n += readFileSync(join(dir, f), 'utf8').split(/\s+/).filter(Boolean).length;
  return n;
}

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const results: Record<string, any>[] = [];
for (const kind of corpora) {
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `briefbot-bench-${kind}-${n}-`));
    try {
      log(`${kind} ${n}: generating…`);
      const t = performance.now();
      let corpusDir: string;
      let words: number;
      let questions: BenchQuestion[];
      let warmup: BenchQuestion[];
      let gen: Record<string, unknown>;
      if (kind === 'realistic') {
        const c = generateRealisticCorpus(join(dir, 'corpus'), n);
        corpusDir = c.dir;
        words = c.words;
        questions = realisticQuestionMix(c);
        warmup = realisticQuestionMix(c, 5, 99);
        const people = c.speakers.filter((s) => s.kind === 'person' && s.articles > 0).sort((a, b) => b.articles - a.articles);
        gen = {
          ms: performance.now() - t, wordsPerArticle: c.wordsPerArticle, busiestDay: c.busiestDay, formats: c.formats, events: c.events, wireEvents: c.wireEvents,
          peopleQuoted: people.length, topSpeakers: people.slice(0, 5).map((s) => ({ name: s.name, articles: s.articles })),
        };
      } else {
        const c = generateCorpus(join(dir, 'corpus'), n);
        corpusDir = c.dir;
        words = countWords(c.dir);
        questions = questionMix(c);
        warmup = questionMix(c, 35, 99);
        gen = { ms: performance.now() - t };
      }
      const qfile = join(dir, 'questions.json');
      writeFileSync(qfile, JSON.stringify({ warmup, questions }));
      log(`${kind} ${n}: ${words.toLocaleString('en')} words generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      for (const store of stores) {
        const on = stores.length > 1 || store !== 'sqlite' ? ` on ${store === 'sqlite' ? 'SQLite' : 'PostgreSQL'}` : '';
        // SQLite: a file in the folder; PostgreSQL: a fresh database (or schema) on the server, dropped afterwards.
        const pgDb = store === 'postgres' ? await createBenchDatabase(pgUrl, pgServer!.createDb) : null;
        const db = pgDb ? pgDb.url : join(dir, 'briefbot.db');
        try {
          log(`${kind} ${n}${on}: ingesting${pgDb ? ` into ${pgDb.name}` : ''}…`);
          // The machine's 1-minute load average as each phase starts: a busy machine (other work on its cores) shows here.
          const load: Record<string, number> = { ingest: loadavg()[0]! };
          const ingest = phase('ingest', corpusDir, db);
          load.serve = loadavg()[0]!;
          log(`${kind} ${n}${on}: ingested in ${(ingest.ms / 1000).toFixed(1)} s${pgDb ? ` (then VACUUM ANALYZE ${(ingest.vacuumMs / 1000).toFixed(1)} s, ${ingest.databaseMb.toFixed(0)} MB)` : ''}; serving ${questions.length} questions…`);
          const serve = phase('serve', corpusDir, db, qfile);
          // Cold start for one question of each kind, each in a fresh process (the serve phase's first question too).
          const firsts = [...new Map(questions.map((q) => [q.kind, q])).values()].filter((q) => q.text !== questions[0]!.text);
          log(`${kind} ${n}${on}: cold starts (${firsts.length + 1} processes)…`);
          load.coldStart = loadavg()[0]!;
          const cold = [{ question: serve.firstQuestion, ms: serve.coldStartMs, quotes: serve.firstAnswerQuotes, reparsed: serve.reparsedOnRestart, peakRssMb: serve.peakRssMb }, ...firsts.map((q) => phase('coldstart', corpusDir, db, q.text))];
          results.push({
            store,
            corpus: kind,
            articles: n,
            words,
            gen,
            ingest: { ...ingest, perSec: (n / ingest.ms) * 1000, wordsPerSec: (words / ingest.ms) * 1000 },
            ...serve,
            // A start that reparsed files (the index schema or extractor changed under the run) is flagged in the table.
            coldStart: { maxMs: Math.max(...cold.map((c) => c.ms)), runs: cold, reparsed: Math.max(...cold.map((c) => c.reparsed ?? 0)) },
            ratio: { p50: serve.paired.ask.p50 / serve.paired.raw.p50, p99: serve.paired.ask.p99 / serve.paired.raw.p99 },
            overhead: serve.rawOld ? serve.ask.p50 / serve.rawOld.p50 : null,
            peakRssMb: { ingest: ingest.peakRssMb, serve: serve.peakRssMb, coldStart: Math.max(...cold.map((c) => c.peakRssMb)) },
            loadAverage: load,
          });
        } finally {
          if (pgDb && keep) log(`kept ${pgDb.name}: ${pgDb.url.replace(/:[^:@/]*@/, ':***@')}`);
          else if (pgDb) await pgDb.drop();
        }
      }
    } finally {
      if (keep) log(`kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    }
  }
}

// ————— goals and scaling —————

interface Check { goal: string; ok: boolean }
function checks(r: Record<string, any>): Check[] {
  if (r.store === 'postgres') {
    const g = GOALS.postgres;
    return [
      { goal: `ask p99 ${f(r.ask.p99, 1)} ms ≤ ${g.askP99} ms`, ok: r.ask.p99 <= g.askP99 },
      { goal: `ask p99 ${f(r.paired.ask.p99, 1)} ms ≤ ${g.askP99VsRaw}× raw p99 ${f(r.paired.raw.p99, 1)} ms (${f(r.ratio.p99, 1)}×)`, ok: r.ratio.p99 <= g.askP99VsRaw },
    ];
  }
  const rss = Math.max(r.peakRssMb.ingest, r.peakRssMb.serve, r.peakRssMb.coldStart);
  if (r.corpus === 'gentle') {
    const g = GOALS.gentle;
    return [
      { goal: `ask p99 ${f(r.ask.p99, 1)} ms ≤ ${g.askP99} ms`, ok: r.ask.p99 <= g.askP99 },
      { goal: `ask p50 ${f(r.ask.p50, 2)} ms ≤ ${g.askP50} ms`, ok: r.ask.p50 <= g.askP50 },
      { goal: `core / old raw p50 ${f(r.overhead, 1)}× ≤ ${g.overhead}×`, ok: r.overhead <= g.overhead },
      { goal: `ingest ${f(r.ingest.perSec, 0)} articles/s ≥ ${g.ingestPerSec}`, ok: r.ingest.perSec >= g.ingestPerSec },
      { goal: `cold start ${f(r.coldStart.maxMs, 0)} ms ≤ ${g.coldStartMs} ms`, ok: r.coldStart.maxMs <= g.coldStartMs },
      { goal: `peak RSS ${f(rss, 0)} MB ≤ ${g.rssMb} MB`, ok: rss <= g.rssMb },
      { goal: `digest of ~500 new ${f(r.digest.ms, 0)} ms ≤ ${g.digestMs} ms`, ok: r.digest.ms <= g.digestMs },
    ];
  }
  const g = GOALS.realistic;
  return [
    { goal: `ask p99 ${f(r.paired.ask.p99, 1)} ms ≤ ${g.askP99VsRaw}× raw p99 ${f(r.paired.raw.p99, 1)} ms (${f(r.ratio.p99, 1)}×)`, ok: r.ratio.p99 <= g.askP99VsRaw },
    { goal: `ask p99 ${f(r.ask.p99, 1)} ms ≤ ${g.askP99} ms`, ok: r.ask.p99 <= g.askP99 },
    { goal: `ask p50 ${f(r.ask.p50, 2)} ms ≤ ${g.askP50} ms`, ok: r.ask.p50 <= g.askP50 },
    { goal: `digest of the busiest day ${f(r.digestBusiest?.ms ?? Infinity, 0)} ms ≤ ${g.digestBusiestMs} ms`, ok: (r.digestBusiest?.ms ?? Infinity) <= g.digestBusiestMs },
    { goal: `cold start (max of ${r.coldStart.runs.length}) ${f(r.coldStart.maxMs, 0)} ms ≤ ${g.coldStartMs} ms`, ok: r.coldStart.maxMs <= g.coldStartMs },
    { goal: `ingest ${f(r.ingest.perSec, 0)} articles/s ≥ ${g.ingestPerSec}`, ok: r.ingest.perSec >= g.ingestPerSec },
    { goal: `ingest ${f(r.ingest.wordsPerSec / 1000, 0)}k words/s ≥ ${g.ingestWordsPerSec / 1000}k`, ok: r.ingest.wordsPerSec >= g.ingestWordsPerSec },
    { goal: `peak RSS ${f(rss, 0)} MB ≤ ${g.rssMb} MB (ingest ${f(r.peakRssMb.ingest, 0)}, serve ${f(r.peakRssMb.serve, 0)}, cold start ${f(r.peakRssMb.coldStart, 0)})`, ok: rss <= g.rssMb },
  ];
}

const failures: string[] = [];
const scaling: Record<string, unknown>[] = [];
// "(realistic)" on SQLite as before; "(postgres, realistic)" on PostgreSQL.
const label = (store: StoreKind, kind: CorpusKind) => (store === 'sqlite' ? kind : `${store}, ${kind}`);
for (const store of stores) for (const kind of corpora) {
  const rows = results.filter((r) => r.store === store && r.corpus === kind).sort((a, b) => a.articles - b.articles);
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    const growth = b.articles / a.articles;
    const p99Growth = Math.max(b.ask.p99, NOISE_FLOOR_MS) / Math.max(a.ask.p99, NOISE_FLOOR_MS);
    const p50Growth = Math.max(b.ask.p50, NOISE_FLOOR_MS) / Math.max(a.ask.p50, NOISE_FLOOR_MS);
    const ok = p99Growth <= growth;
    scaling.push({ store, corpus: kind, from: a.articles, to: b.articles, corpusGrowth: growth, p99Growth, p50Growth, ok });
    if (!ok) failures.push(`SCALING FAIL (${label(store, kind)}): ${a.articles.toLocaleString('en')} → ${b.articles.toLocaleString('en')} articles (${f(growth, 1)}×), ask p99 ${f(a.ask.p99, 2)} → ${f(b.ask.p99, 2)} ms (${f(p99Growth, 1)}×): p99 grows faster than the corpus`);
  }
  for (const r of rows) {
    r.goals = checks(r);
    if (r.articles >= GOAL_SIZE) for (const c of r.goals as Check[]) if (!c.ok) failures.push(`GOAL MISSED (${label(store, kind)}, ${r.articles.toLocaleString('en')}): ${c.goal}`);
  }
}

// ————— output —————

function f(x: number, d = 1): string {
  return Number.isFinite(x) ? x.toFixed(d) : '—';
}
const k = (x: number) => (x >= 1e6 ? `${f(x / 1e6, 2)}M` : x >= 1e3 ? `${f(x / 1e3, 0)}k` : f(x, 0));
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}${pgServer ? `; PostgreSQL ${pgServer.version} at ${new URL(pgUrl).host}` : ''}`;
const lines = [`Machine: ${machine}`];
for (const kind of stores.includes('sqlite') ? corpora : []) {
  const rows = results.filter((r) => r.store === 'sqlite' && r.corpus === kind);
  const kinds = [...new Set(rows.flatMap((r) => Object.keys(r.byKind)))];
  lines.push(
    '',
    `### ${kind} corpus`,
    '',
    '| articles | words/article | ingest articles/s | ingest words/s | cold start (max) | restart reparses | ask p50 | ask p99 | raw p50 | raw p99 | ask/raw p50 | ask/raw p99 | old raw p50 | digest of the busiest day | digest of ~500 new | peak RSS ingest / serve |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) =>
      `| ${r.articles.toLocaleString('en')} | ${f(r.words / r.articles, 0)} | ${f(r.ingest.perSec, 0)} | ${k(r.ingest.wordsPerSec)} | ${f(r.coldStart.maxMs, 0)} ms (${r.coldStart.runs.length}) | ${r.coldStart.reparsed} files | ${f(r.ask.p50, 2)} ms | ${f(r.ask.p99, 1)} ms | ${f(r.paired.raw.p50, 2)} ms | ${f(r.paired.raw.p99, 1)} ms | ${f(r.ratio.p50, 1)}× | ${f(r.ratio.p99, 1)}× | ${f(r.rawOld.p50, 3)} ms | ${r.digestBusiest ? `${f(r.digestBusiest.ms, 0)} ms (${r.digestBusiest.date}: ${r.digestBusiest.articles} articles, ${r.digestBusiest.stories} stories)` : '—'} | ${f(r.digest.ms, 0)} ms (${r.digest.articles} articles, ${r.digest.stories} stories) | ${f(r.peakRssMb.ingest, 0)} / ${f(Math.max(r.peakRssMb.serve, r.peakRssMb.coldStart), 0)} MB |`),
    '',
    `| articles | ${kinds.map((x) => `${x} p50 / p99`).join(' | ')} |`,
    `| --- | ${kinds.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.articles.toLocaleString('en')} | ${kinds.map((x) => (r.byKind[x] ? `${f(r.byKind[x].p50, 2)} / ${f(r.byKind[x].p99, 1)} ms` : '—')).join(' | ')} |`),
    `| no quotes in the answer | ${kinds.map((x) => rows.map((r) => r.emptyByKind[x] ?? 0).join(' / ')).join(' | ')} |`,
    `| raw | ${kinds.map((x) => { const r = rows[rows.length - 1]!; return r.rawByKind[x] ? `${f(r.rawByKind[x].p50, 2)} / ${f(r.rawByKind[x].p99, 1)} ms` : '—'; }).join(' | ')} |`,
    '',
    `ask = bot.ask over ${rows[0]?.ask.n ?? 0} questions, after ${rows[0]?.warmup ?? 0} warm-up questions of another seed; raw = the top 10 paragraphs with their text for the question's words (OR, BM25) on the same file, interleaved with ask (ratios over the ${rows[0]?.paired.ask.n ?? 0} questions with words; "no quotes": answers without a quote, per size; raw row: the largest size); old raw = ids from citations_fts, every word required.`,
  );
  for (const r of rows) {
    const missed = (r.goals as Check[]).filter((c) => !c.ok);
    lines.push(`${r.articles >= GOAL_SIZE ? 'Goals' : `Goals (binding at ${GOAL_SIZE.toLocaleString('en')}; shown for information)`} at ${r.articles.toLocaleString('en')}: ${r.goals.length - missed.length}/${r.goals.length} met${missed.length ? `; missed: ${missed.map((c) => c.goal).join('; ')}` : ''}.`);
  }
}
for (const kind of stores.includes('postgres') ? corpora : []) pgTable(kind);
for (const s of scaling) lines.push(`Scaling (${label(s.store as StoreKind, s.corpus as CorpusKind)}): ${(s.from as number).toLocaleString('en')} → ${(s.to as number).toLocaleString('en')} articles ${f(s.corpusGrowth as number, 1)}×, ask p99 ${f(s.p99Growth as number, 1)}×, p50 ${f(s.p50Growth as number, 1)}×: ${s.ok ? 'ok' : 'FAIL'}.`);
if (failures.length) lines.push('', ...failures.map((x) => `**${x}**`));
process.stdout.write(`${lines.join('\n')}\n`);
const out = join(here, 'results', storeArg === 'sqlite' ? 'latest.json' : `latest-${storeArg}.json`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ machine, date: new Date().toISOString(), args: { sizes, corpus: corpusArg, store: storeArg }, goals: GOALS, goalSize: GOAL_SIZE, results, scaling, failures }, null, 2));
log(`wrote ${out}`);
if (failures.length) {
  for (const x of failures) process.stderr.write(`${x}\n`);
  process.exitCode = 1;
}

/** The PostgreSQL rows of one corpus: the same measures, SQLite's ask beside them when it ran on the same corpus. */
function pgTable(kind: CorpusKind): void {
  const rows = results.filter((r) => r.store === 'postgres' && r.corpus === kind);
  const sqlite = (r: Record<string, any>) => results.find((x) => x.store === 'sqlite' && x.corpus === kind && x.articles === r.articles);
  const kinds = [...new Set(rows.flatMap((r) => Object.keys(r.byKind)))];
  lines.push(
    '',
    `### ${kind} corpus on PostgreSQL`,
    '',
    '| articles | words/article | ingest articles/s | ingest words/s | VACUUM ANALYZE after (untimed) | index on disk | cold start (max) | ask p50 | ask p99 | raw p50 | raw p99 | ask/raw p50 | ask/raw p99 | SQLite ask p50 / p99 (same corpus) | digest of the busiest day | digest of ~500 new | peak RSS ingest / serve (bot) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => {
      const l = sqlite(r);
      return `| ${r.articles.toLocaleString('en')} | ${f(r.words / r.articles, 0)} | ${f(r.ingest.perSec, 0)} | ${k(r.ingest.wordsPerSec)} | ${f(r.ingest.vacuumMs / 1000, 1)} s | ${f(r.ingest.databaseMb, 0)} MB | ${f(r.coldStart.maxMs, 0)} ms (${r.coldStart.runs.length}) | ${f(r.ask.p50, 2)} ms | ${f(r.ask.p99, 1)} ms | ${f(r.paired.raw.p50, 2)} ms | ${f(r.paired.raw.p99, 1)} ms | ${f(r.ratio.p50, 1)}× | ${f(r.ratio.p99, 1)}× | ${l ? `${f(l.ask.p50, 2)} / ${f(l.ask.p99, 1)} ms` : '—'} | ${r.digestBusiest ? `${f(r.digestBusiest.ms, 0)} ms (${r.digestBusiest.date}: ${r.digestBusiest.articles} articles, ${r.digestBusiest.stories} stories)` : '—'} | ${f(r.digest.ms, 0)} ms (${r.digest.articles} articles, ${r.digest.stories} stories) | ${f(r.peakRssMb.ingest, 0)} / ${f(Math.max(r.peakRssMb.serve, r.peakRssMb.coldStart), 0)} MB |`;
    }),
    '',
    `| articles | ${kinds.map((x) => `${x} p50 / p99`).join(' | ')} |`,
    `| --- | ${kinds.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.articles.toLocaleString('en')} | ${kinds.map((x) => (r.byKind[x] ? `${f(r.byKind[x].p50, 2)} / ${f(r.byKind[x].p99, 1)} ms` : '—')).join(' | ')} |`),
    `| no quotes in the answer | ${kinds.map((x) => rows.map((r) => r.emptyByKind[x] ?? 0).join(' / ')).join(' | ')} |`,
    `| raw | ${kinds.map((x) => { const r = rows[rows.length - 1]!; return r?.rawByKind[x] ? `${f(r.rawByKind[x].p50, 2)} / ${f(r.rawByKind[x].p99, 1)} ms` : '—'; }).join(' | ')} |`,
    '',
    `ask = bot.ask over ${rows[0]?.ask.n ?? 0} questions with PgStore, after ${rows[0]?.warmup ?? 0} warm-up questions of another seed; raw = the top 10 paragraphs with their text for the question's words (OR, ts_rank over the GIN-indexed tsvectors) in the same database, interleaved with ask (ratios over the ${rows[0]?.paired.ask.n ?? 0} questions with words); a fresh database per size, VACUUM (ANALYZE) after the ingest; peak RSS is the bot's process, not the server's.`,
  );
  lines.push(`Load average (1 min, ${cpus().length} cores) as ingest / serve / cold starts began: ${rows.map((r) => `${r.articles.toLocaleString('en')}: ${f(r.loadAverage.ingest, 1)} / ${f(r.loadAverage.serve, 1)} / ${f(r.loadAverage.coldStart, 1)}`).join('; ')}.`);
  for (const r of rows) {
    for (const c of r.goals as Check[]) lines.push(`Goal (postgres, ${kind}, ${r.articles.toLocaleString('en')}${r.articles >= GOAL_SIZE ? '' : `; binding at ${GOAL_SIZE.toLocaleString('en')}`}): ${c.goal}: ${c.ok ? 'ok' : r.articles >= GOAL_SIZE ? 'GOAL MISSED' : 'missed'}`);
  }
}
