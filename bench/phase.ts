// One measured phase of the benchmark, in its own process so start-up and peak memory are its own.
//   ingest    CORPUS DB             sync a folder into a new database
//   serve     CORPUS DB QUESTIONS   cold start to the first answer, then the question mix, each question answered by
//                                   the bot and by a raw FTS5 query on the same file, interleaved; then digests
//   coldstart CORPUS DB QUESTION    a fresh process over a synced database: time from process start to one answer
// DB is an SQLite file, or a postgres:// URL (a fresh database of bench/postgres.ts): the same phases on PostgreSQL,
// the raw query then being PostgreSQL's full-text search over the tsvectors PgStore keeps (postgres.ts).
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BenchQuestion } from './questions.ts';
import { isPgUrl } from './postgres.ts';

const [phase, corpus, db, arg] = process.argv.slice(2);
/** The bot's options for DB: an SQLite file, or PostgreSQL (the file path is then unused: nothing is written there). */
const botOptions = () => (isPgUrl(db!) ? { seedsDir: corpus!, dbPath: join(dirname(corpus!), 'unused.db'), databaseUrl: db! } : { seedsDir: corpus!, dbPath: db! });
const pct = (xs: number[], p: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((s.length * p) / 100) - 1)] ?? 0;
};
const stats = (xs: number[]) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99), max: xs.length ? Math.max(...xs) : 0 });
const rssMb = () => process.resourceUsage().maxRSS / 1024;
const emit = (v: unknown) => process.stdout.write(`${JSON.stringify(v)}\n`);

if (phase === 'ingest' && isPgUrl(db!)) {
  // The bot's own way in (state migrated, index tables created), then the same sync as on SQLite.
  const { openPgStorage } = await import('../src/pg/storage.ts');
  const { connectPg } = await import('../src/pg/client.ts');
  const { syncFolder } = await import('../src/sync.ts');
  const { indexSize } = await import('./postgres.ts');
  const storage = await openPgStorage(db!);
  const t = performance.now();
  const report = await syncFolder(corpus!, storage.store);
  const ms = performance.now() - t;
  await storage.close();
  // Not timed as ingest: VACUUM (ANALYZE) of the index tables, what autovacuum does within a minute or so of a bulk
  // load (planner statistics, GIN pending lists merged), so the serve phase measures a settled database.
  const sql = await connectPg(db!);
  const { tables } = await indexSize(sql);
  const tv = performance.now();
  await sql.query(`VACUUM (ANALYZE) ${tables.join(', ')}`);
  const vacuumMs = performance.now() - tv;
  const { bytes } = await indexSize(sql);
  await sql.close();
  emit({ ms, added: report.added.length, skipped: report.skipped.length, unverified: report.unverified.length, vacuumMs, databaseMb: bytes / 2 ** 20, peakRssMb: rssMb() });
} else if (phase === 'ingest') {
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
  const bot = await Briefbot.open(botOptions());
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
  const bot = await Briefbot.open(botOptions());
  const first = await bot.ask(questions[0]!.text);
  const coldStartMs = performance.now();
  const syncReport = (await bot.synced())!;
  // A few questions of another seed first, so the mix is measured on a warmed-up process (cold start is measured
  // above and in fresh processes).
  for (const q of warmup) await bot.ask(q.text);

  // The honest baseline: the same retrieval done by hand on the same file, in the same process — the top 10
  // paragraphs, with their text, for the question's words (any of them, by BM25). Bot and raw alternate which
  // goes first, so neither always finds the pages the other just read.
  const raw = isPgUrl(db!) ? await pgRaw(db!) : sqliteRaw(db!);

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
    const rawOnce = raw.passages(terms);
    let askMs: number;
    let rawMs: number | null = null;
    if (!rawOnce) askMs = await askOnce();
    else if (i % 2 === 0) { askMs = await askOnce(); rawMs = await rawOnce(); }
    else { rawMs = await rawOnce(); askMs = await askOnce(); }
    all.push(askMs);
    (byKind[q.kind] ??= []).push(askMs);
    if (rawMs !== null) {
      pairedAsk.push(askMs);
      pairedRaw.push(rawMs);
      (rawByKind[q.kind] ??= []).push(rawMs);
    }
  }

  // The old baseline, kept for comparison (SQLite only): ids only, from the quotations index, every word required.
  const oldMs: number[] | null = raw.old ? [] : null;
  if (raw.old && oldMs) {
    for (const q of questions) {
      const terms = searchTerms(q.text);
      if (terms.length === 0) continue;
      oldMs.push(raw.old(terms));
    }
  }

  // Digests: the busiest news day in the database, and (as before) the latest 500 arrivals.
  const { composeDigest } = await import('../src/digest/digest.ts');
  const busiest = await raw.busiest();
  const undated = await raw.undated();
  await raw.close();
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
    rawOld: oldMs ? stats(oldMs) : null,
    emptyByKind,
    digestBusiest,
    undatedArticles: undated,
    digest,
    peakRssMb: rssMb(),
  });
}

/** The raw side of the serve phase: the baseline query, timed, and what the digests need to know of the database. */
interface Raw {
  /** A timed run of the raw query for these terms, or null when they leave nothing to search. */
  passages(terms: string[]): (() => number | Promise<number>) | null;
  /** The old baseline (SQLite only), timed. */
  old: ((terms: string[]) => number) | null;
  busiest(): Promise<{ date: string; n: number } | undefined>;
  undated(): Promise<number>;
  close(): Promise<void>;
}

/** FTS5 on the same file, on a connection of its own. */
function sqliteRaw(file: string): Raw {
  const raw = new Database(file, { readonly: true });
  raw.pragma('cache_size = -65536'); // as the store's own connection
  const passages = raw.prepare('SELECT p.text FROM passages_fts f JOIN paragraphs p ON p.id = f.rowid WHERE passages_fts MATCH ? ORDER BY rank LIMIT 10');
  const old = raw.prepare('SELECT rowid FROM citations_fts WHERE citations_fts MATCH ? ORDER BY rank LIMIT 10');
  const ftsQuery = (terms: string[]) => terms.map((w) => `"${w}"`).join(' OR ');
  return {
    passages: (terms) =>
      terms.length === 0
        ? null
        : () => {
            const t = performance.now();
            passages.all(ftsQuery(terms));
            return performance.now() - t;
          },
    old: (terms) => {
      const t = performance.now();
      old.all(terms.map((w) => `"${w}"`).join(' AND '));
      return performance.now() - t;
    },
    busiest: async () => raw.prepare('SELECT date, COUNT(*) AS n FROM articles WHERE date IS NOT NULL GROUP BY date ORDER BY n DESC, date LIMIT 1').get() as { date: string; n: number } | undefined,
    undated: async () => raw.prepare('SELECT COUNT(*) FROM articles WHERE date IS NULL').pluck().get() as number,
    close: async () => void raw.close(),
  };
}

/** PostgreSQL's full-text search over the tsvectors PgStore keeps (bench/postgres.ts), on a connection of its own. */
async function pgRaw(url: string): Promise<Raw> {
  const { connectPg } = await import('../src/pg/client.ts');
  const { RAW_PASSAGES, rawTsquery } = await import('./postgres.ts');
  const sql = await connectPg(url);
  await sql.query('SELECT 1'); // the connection is opened here, not in the first timed query
  return {
    passages: (terms) => {
      const q = rawTsquery(terms);
      if (q === null) return null;
      return async () => {
        const t = performance.now();
        await sql.query(RAW_PASSAGES, [q]);
        return performance.now() - t;
      };
    },
    old: null,
    busiest: async () => (await sql.query<{ date: string; n: number }>('SELECT date, count(*) AS n FROM articles WHERE date IS NOT NULL GROUP BY date ORDER BY n DESC, date LIMIT 1'))[0],
    undated: async () => (await sql.query<{ n: number }>('SELECT count(*) AS n FROM articles WHERE date IS NULL'))[0]!.n,
    close: () => sql.close(),
  };
}
