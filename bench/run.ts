// npm run bench [-- SIZES] [--corpus gentle|realistic|both]: every speed claim, measured.
//   SIZES    comma-separated article counts (default 1000,10000,100000)
//   --corpus which generated corpus: "gentle" (corpus.ts: ~250-word articles, 300 speakers with fixed roles),
//            "realistic" (realistic.ts: ~840-word articles, 4,000 Zipf-quoted people with varying titles,
//            co-mentions, wire stories, HTML and Markdown pages), or "both" — the default when not given.
//   --keep   keep each corpus, database and question file (the folder is printed) instead of deleting them
// e.g. npm run bench -- 1000 --corpus realistic;  npm run bench -- 1000,10000 --corpus both
//
// For each corpus and size: generate a seeded corpus in a temporary folder (counting its words), then run each phase
// in its own process (bench/phase.ts): ingest (articles/s, words/s, peak RSS); serve (cold start to the first
// answer, then — after a few warm-up questions of another seed — the question mix, every question answered by the
// bot and by an equivalent raw FTS5 query on the same file (the top 10 paragraphs with their text for the question's
// words, OR-ed, by BM25), alternating which goes first; digest of the busiest news day and of the latest 500
// arrivals; peak RSS);
// and one fresh process per question kind for cold start over the synced database (the max is reported).
// Prints a markdown table per corpus and writes JSON to bench/results/latest.json.
//
// Fails (exit code 1, after the tables and the JSON) with a loud line when, between two sizes of one corpus, ask p99
// grows faster than the corpus ("SCALING FAIL"; p99 below 1 ms counts as 1 ms, timer noise), or when a 100k run
// misses a goal for its corpus ("GOAL MISSED"). Smaller sizes show which goals they would miss, without failing.
// Not part of npm test or CI.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.ts';
import { generateRealisticCorpus } from './realistic.ts';
import { questionMix, realisticQuestionMix, type BenchQuestion } from './questions.ts';

type CorpusKind = 'gentle' | 'realistic';
const here = dirname(fileURLToPath(import.meta.url));

let sizesArg = '1000,10000,100000';
let corpusArg = 'both';
let keep = false;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (a === '--corpus') corpusArg = argv[++i] ?? '';
  else if (a.startsWith('--corpus=')) corpusArg = a.slice('--corpus='.length);
  else if (a === '--keep') keep = true;
  else if (/^\d[\d,_]*$/.test(a)) sizesArg = a;
  else usage(`unknown argument "${a}"`);
}
if (!['gentle', 'realistic', 'both'].includes(corpusArg)) usage(`--corpus must be gentle, realistic or both, not "${corpusArg}"`);
const sizes = sizesArg.split(',').map((s) => Number(s.replace(/_/g, ''))).filter((n) => n > 0);
if (sizes.length === 0) usage('no sizes');
const corpora: CorpusKind[] = corpusArg === 'both' ? ['gentle', 'realistic'] : [corpusArg as CorpusKind];

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: npm run bench [-- 1000,10000,100000] [--corpus gentle|realistic|both] [--keep]\n`);
  process.exit(2);
}

/** Goals at 100k articles. Gentle: as before. Realistic: issue 11. */
const GOALS = {
  gentle: { askP99: 50, askP50: 10, overhead: 5, ingestPerSec: 1000, coldStartMs: 2000, rssMb: 1024, digestMs: 500 },
  realistic: { askP99: 150, askP99VsRaw: 3, askP50: 10, digestBusiestMs: 2000, coldStartMs: 2000, ingestPerSec: 1000, ingestWordsPerSec: 800_000, rssMb: 768 },
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
      const db = join(dir, 'briefbot.db');
      log(`${kind} ${n}: ${words.toLocaleString('en')} words generated in ${((performance.now() - t) / 1000).toFixed(1)} s; ingesting…`);
      const ingest = phase('ingest', corpusDir, db);
      log(`${kind} ${n}: ingested in ${(ingest.ms / 1000).toFixed(1)} s; serving ${questions.length} questions…`);
      const serve = phase('serve', corpusDir, db, qfile);
      // Cold start for one question of each kind, each in a fresh process (the serve phase's first question too).
      const firsts = [...new Map(questions.map((q) => [q.kind, q])).values()].filter((q) => q.text !== questions[0]!.text);
      log(`${kind} ${n}: cold starts (${firsts.length + 1} processes)…`);
      const cold = [{ question: serve.firstQuestion, ms: serve.coldStartMs, quotes: serve.firstAnswerQuotes, reparsed: serve.reparsedOnRestart, peakRssMb: serve.peakRssMb }, ...firsts.map((q) => phase('coldstart', corpusDir, db, q.text))];
      results.push({
        corpus: kind,
        articles: n,
        words,
        gen,
        ingest: { ...ingest, perSec: (n / ingest.ms) * 1000, wordsPerSec: (words / ingest.ms) * 1000 },
        ...serve,
        // A start that reparsed files (the index schema or extractor changed under the run) is flagged in the table.
        coldStart: { maxMs: Math.max(...cold.map((c) => c.ms)), runs: cold, reparsed: Math.max(...cold.map((c) => c.reparsed ?? 0)) },
        ratio: { p50: serve.paired.ask.p50 / serve.paired.raw.p50, p99: serve.paired.ask.p99 / serve.paired.raw.p99 },
        overhead: serve.ask.p50 / serve.rawOld.p50,
        peakRssMb: { ingest: ingest.peakRssMb, serve: serve.peakRssMb, coldStart: Math.max(...cold.map((c) => c.peakRssMb)) },
      });
    } finally {
      if (keep) log(`kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    }
  }
}

// ————— goals and scaling —————

interface Check { goal: string; ok: boolean }
function checks(r: Record<string, any>): Check[] {
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
for (const kind of corpora) {
  const rows = results.filter((r) => r.corpus === kind).sort((a, b) => a.articles - b.articles);
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    const growth = b.articles / a.articles;
    const p99Growth = Math.max(b.ask.p99, NOISE_FLOOR_MS) / Math.max(a.ask.p99, NOISE_FLOOR_MS);
    const p50Growth = Math.max(b.ask.p50, NOISE_FLOOR_MS) / Math.max(a.ask.p50, NOISE_FLOOR_MS);
    const ok = p99Growth <= growth;
    scaling.push({ corpus: kind, from: a.articles, to: b.articles, corpusGrowth: growth, p99Growth, p50Growth, ok });
    if (!ok) failures.push(`SCALING FAIL (${kind}): ${a.articles.toLocaleString('en')} → ${b.articles.toLocaleString('en')} articles (${f(growth, 1)}×), ask p99 ${f(a.ask.p99, 2)} → ${f(b.ask.p99, 2)} ms (${f(p99Growth, 1)}×): p99 grows faster than the corpus`);
  }
  for (const r of rows) {
    r.goals = checks(r);
    if (r.articles >= GOAL_SIZE) for (const c of r.goals as Check[]) if (!c.ok) failures.push(`GOAL MISSED (${kind}, ${r.articles.toLocaleString('en')}): ${c.goal}`);
  }
}

// ————— output —————

function f(x: number, d = 1): string {
  return Number.isFinite(x) ? x.toFixed(d) : '—';
}
const k = (x: number) => (x >= 1e6 ? `${f(x / 1e6, 2)}M` : x >= 1e3 ? `${f(x / 1e3, 0)}k` : f(x, 0));
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const lines = [`Machine: ${machine}`];
for (const kind of corpora) {
  const rows = results.filter((r) => r.corpus === kind);
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
for (const s of scaling) lines.push(`Scaling (${s.corpus}): ${(s.from as number).toLocaleString('en')} → ${(s.to as number).toLocaleString('en')} articles ${f(s.corpusGrowth as number, 1)}×, ask p99 ${f(s.p99Growth as number, 1)}×, p50 ${f(s.p50Growth as number, 1)}×: ${s.ok ? 'ok' : 'FAIL'}.`);
if (failures.length) lines.push('', ...failures.map((x) => `**${x}**`));
process.stdout.write(`${lines.join('\n')}\n`);
const out = join(here, 'results', 'latest.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ machine, date: new Date().toISOString(), args: { sizes, corpus: corpusArg }, goals: GOALS, goalSize: GOAL_SIZE, results, scaling, failures }, null, 2));
log(`wrote ${out}`);
if (failures.length) {
  for (const x of failures) process.stderr.write(`${x}\n`);
  process.exitCode = 1;
}
