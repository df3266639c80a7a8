// One measured phase of the benchmark, in its own process so start-up and peak memory are its own.
//   ingest CORPUS DB            sync a folder into a new database
//   serve  CORPUS DB QUESTIONS  cold start to the first answer, then the question mix, then raw FTS5 queries
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import type { BenchQuestion } from './questions.ts';

const [phase, corpus, db, questionsFile] = process.argv.slice(2);
const pct = (xs: number[], p: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((s.length * p) / 100) - 1)] ?? 0;
};
const stats = (xs: number[]) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99), max: Math.max(...xs) });
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
} else if (phase === 'serve') {
  // Cold start: from this process's start (module loading included) to the first answer over a synced database.
  const { Briefbot } = await import('../src/bot.ts');
  const { searchTerms } = await import('../src/answer/question.ts');
  const questions = JSON.parse(readFileSync(questionsFile!, 'utf8')) as BenchQuestion[];
  const bot = await Briefbot.open({ seedsDir: corpus!, dbPath: db! });
  const first = await bot.ask(questions[0]!.text);
  const coldStartMs = performance.now();
  const syncReport = bot.lastSyncReport!;

  const byKind: Record<string, number[]> = {};
  const all: number[] = [];
  for (const q of questions) {
    const t = performance.now();
    await bot.ask(q.text);
    const ms = performance.now() - t;
    all.push(ms);
    (byKind[q.kind] ??= []).push(ms);
  }
  // A morning digest over the latest 500 arrivals.
  const { composeDigest } = await import('../src/digest/digest.ts');
  const since = { articleId: (await bot.store.latestArticleId()) - 500, at: new Date().toISOString() };
  const digestTimes: number[] = [];
  let digestArticles = 0;
  let digestStories = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const d = await composeDigest(bot.store, { since });
    digestTimes.push(performance.now() - t);
    digestArticles = d.articleCount;
    digestStories = d.stories.length + d.more;
  }
  await bot.close();

  // The raw engine, queried directly with the same words: one FTS5 top-10 query by BM25.
  const raw = new Database(db!, { readonly: true });
  const query = raw.prepare('SELECT rowid FROM citations_fts WHERE citations_fts MATCH ? ORDER BY rank LIMIT 10');
  const rawMs: number[] = [];
  for (const q of questions) {
    const terms = searchTerms(q.text);
    if (terms.length === 0) continue;
    const t = performance.now();
    query.all(terms.map((w) => `"${w}"`).join(' AND '));
    rawMs.push(performance.now() - t);
  }
  raw.close();
  emit({
    coldStartMs,
    firstAnswerQuotes: first.quotes.length,
    reparsedOnRestart: syncReport.added.length + syncReport.updated.length,
    ask: stats(all),
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, stats(v)])),
    raw: stats(rawMs),
    digest: { ms: Math.max(...digestTimes), articles: digestArticles, stories: digestStories },
    peakRssMb: rssMb(),
  });
}
