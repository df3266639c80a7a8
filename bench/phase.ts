// One measured phase of the benchmark, in its own process so start-up and peak memory are its own.
//   ingest    CORPUS DB             sync a folder into a new database
//   serve     CORPUS DB QUESTIONS   cold start to the first answer, then the question mix, each question answered by
//                                   the bot and by a raw FTS5 query on the same file, interleaved; then digests
//   coldstart CORPUS DB QUESTION    a fresh process over a synced database: time from process start to one answer
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import type { BenchQuestion } from './questions.ts';

const [phase, corpus, db, arg] = process.argv.slice(2);
const pct = (xs: number[], p: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((s.length * p) / 100) - 1)] ?? 0;
};
const stats = (xs: number[]) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99), max: xs.length ? Math.max(...xs) : 0 });
const rssMb = () => process.resourceUsage().maxRSS / 1024;
const emit = (v: unknown) => process.stdout.write(`${JSON.stringify(v)}\n`);

if (phase === 'ingest') {
  const { SqliteStore } = await import('../src/store/sqlite-store.ts');
  const { syncFolder } = await import('../src/sync.ts');
  const store = new SqliteStore(db!);
  const t = performance.now();
  const report = await syncFolder(corpus!, store);
  const ms = performance.now() - t;
  await store.close();
  emit({ ms, added: report.added.length, skipped: report.skipped.length, unverified: report.unverified.length, peakRssMb: rssMb() });
} else if (phase === 'coldstart') {
  // From this process's start (module loading included) to the answer.
  const { Briefbot } = await import('../src/bot.ts');
  const bot = await Briefbot.open({ seedsDir: corpus!, dbPath: db! });
  const answer = await bot.ask(arg!);
  const ms = performance.now();
  // The index answers at once; the folder check runs after the answer, and is awaited for its report.
  const report = (await bot.synced())!;
  const reparsed = report.added.length + report.updated.length;
  await bot.close();
  emit({ question: arg, ms, quotes: answer.quotes.length, reparsed, peakRssMb: rssMb() });
} else if (phase === 'serve') {
  const { Briefbot } = await import('../src/bot.ts');
  const { searchTerms } = await import('../src/answer/question.ts');
  const file = JSON.parse(readFileSync(arg!, 'utf8')) as BenchQuestion[] | { warmup: BenchQuestion[]; questions: BenchQuestion[] };
  const { warmup, questions } = Array.isArray(file) ? { warmup: [], questions: file } : file;
  const bot = await Briefbot.open({ seedsDir: corpus!, dbPath: db! });
  const first = await bot.ask(questions[0]!.text);
  const coldStartMs = performance.now();
  const syncReport = (await bot.synced())!;
  // A few questions of another seed first, so the mix is measured on a warmed-up process (cold start is measured
  // above and in fresh processes).
  for (const q of warmup) await bot.ask(q.text);

  // The honest baseline: the same retrieval done by hand on the same file, in the same process — the top 10
  // paragraphs, with their text, for the question's words (any of them, by BM25). Bot and raw alternate which
  // goes first, so neither always finds the pages the other just read.
  const raw = new Database(db!, { readonly: true });
  raw.pragma('cache_size = -65536'); // as the store's own connection
  const passages = raw.prepare('SELECT p.text FROM passages_fts f JOIN paragraphs p ON p.id = f.rowid WHERE passages_fts MATCH ? ORDER BY rank LIMIT 10');
  const ftsQuery = (terms: string[]) => terms.map((w) => `"${w}"`).join(' OR ');

  const byKind: Record<string, number[]> = {};
  const all: number[] = [];
  const pairedAsk: number[] = [];
  const pairedRaw: number[] = [];
  const rawByKind: Record<string, number[]> = {};
  const emptyByKind: Record<string, number> = {};
  for (const [i, q] of questions.entries()) {
    const terms = searchTerms(q.text);
    const askOnce = async () => {
      const t = performance.now();
      const a = await bot.ask(q.text);
      const ms = performance.now() - t;
      if (a.quotes.length === 0) emptyByKind[q.kind] = (emptyByKind[q.kind] ?? 0) + 1;
      return ms;
    };
    const rawOnce = () => {
      const t = performance.now();
      passages.all(ftsQuery(terms));
      return performance.now() - t;
    };
    let askMs: number;
    let rawMs: number | null = null;
    if (terms.length === 0) askMs = await askOnce();
    else if (i % 2 === 0) { askMs = await askOnce(); rawMs = rawOnce(); }
    else { rawMs = rawOnce(); askMs = await askOnce(); }
    all.push(askMs);
    (byKind[q.kind] ??= []).push(askMs);
    if (rawMs !== null) {
      pairedAsk.push(askMs);
      pairedRaw.push(rawMs);
      (rawByKind[q.kind] ??= []).push(rawMs);
    }
  }

  // The old baseline, kept for comparison: ids only, from the quotations index, every word required.
  const old = raw.prepare('SELECT rowid FROM citations_fts WHERE citations_fts MATCH ? ORDER BY rank LIMIT 10');
  const oldMs: number[] = [];
  for (const q of questions) {
    const terms = searchTerms(q.text);
    if (terms.length === 0) continue;
    const t = performance.now();
    old.all(terms.map((w) => `"${w}"`).join(' AND '));
    oldMs.push(performance.now() - t);
  }

  // Digests: the busiest news day in the database, and (as before) the latest 500 arrivals.
  const { composeDigest } = await import('../src/digest/digest.ts');
  const busiest = raw.prepare('SELECT date, COUNT(*) AS n FROM articles WHERE date IS NOT NULL GROUP BY date ORDER BY n DESC, date LIMIT 1').get() as { date: string; n: number } | undefined;
  const undated = raw.prepare('SELECT COUNT(*) FROM articles WHERE date IS NULL').pluck().get() as number;
  raw.close();
  const digestOf = async (options: Parameters<typeof composeDigest>[1]) => {
    const times: number[] = [];
    let articles = 0;
    let stories = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const d = await composeDigest(bot.store, options);
      times.push(performance.now() - t);
      articles = d.articleCount;
      stories = d.stories.length + d.more;
    }
    return { ms: Math.max(...times), firstMs: times[0]!, articles, stories };
  };
  const digestBusiest = busiest ? { date: busiest.date, ...(await digestOf({ date: busiest.date })) } : null;
  const digest = await digestOf({ since: { articleId: (await bot.store.latestArticleId()) - 500, at: new Date().toISOString() } });
  await bot.close();

  emit({
    coldStartMs,
    firstQuestion: questions[0]!.text,
    firstAnswerQuotes: first.quotes.length,
    warmup: warmup.length,
    reparsedOnRestart: syncReport.added.length + syncReport.updated.length,
    ask: stats(all),
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, stats(v)])),
    paired: { ask: stats(pairedAsk), raw: stats(pairedRaw) },
    rawByKind: Object.fromEntries(Object.entries(rawByKind).map(([k, v]) => [k, stats(v)])),
    rawOld: stats(oldMs),
    emptyByKind,
    digestBusiest,
    undatedArticles: undated,
    digest,
    peakRssMb: rssMb(),
  });
}
