// The PostgreSQL store answers exactly as the SQLite store does. The same folder is indexed into both (the seeds,
// and with them the attribution eval articles when ../shared/eval is present), then every question below is asked of
// both, and the digest of every news day composed from both: the answers, their quotes, citations and passages, and
// the digests must be deeply equal.
//
// One thing may differ, by design: ids of rows that came after a deletion. PostgreSQL numbers rows from counters
// that never go back; SQLite gives a new row one more than the largest id present, so once the newest quote was merged
// into an older one, or the newest speaker or article removed, it hands out that number again. Quote and speaker ids
// are therefore compared through a mapping that must be one to one and keep their order (all that the core does with
// them: tell rows apart, break ties), and everything else must be equal as it is. On a folder indexed once, as
// here, SQLite deletes nothing and the ids are the same; the last case below changes articles to exercise deletions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ftsTokens } from '../src/pg/fts5-tokenizer.ts';
import { join } from 'node:path';
import type { Answer, Digest, ExtractedArticle } from '../src/types.ts';
import type { Store } from '../src/store/store.ts';
import { SqliteStore } from '../src/store/sqlite-store.ts';
import { connectPg, type Sql } from '../src/pg/client.ts';
import { PgStore } from '../src/pg/store.ts';
import { syncFolder } from '../src/sync.ts';
import { ask } from '../src/answer/answer.ts';
import { composeDigest } from '../src/digest/digest.ts';
import { ROOT, SEEDS, tempDir } from './helpers.ts';
import { article, type Who } from './store-fixtures.ts';
import { testDatabase, type TestDatabase } from './pg.ts';

const EVAL = join(ROOT, '..', 'shared', 'eval', 'attribution');
const EVAL_ARTICLES = join(EVAL, 'articles');
const hasEval = existsSync(EVAL_ARTICLES);
if (!hasEval) console.log(`parity-pg: ${EVAL_ARTICLES} is absent (a clean clone): the seeds and eval articles together are not compared`);

interface Gold {
  quotes: { speaker: string; text: string }[];
  questions?: { q: string }[];
}

/** Questions whose words exercise matching: stems, hyphens, dotted abbreviations, figures, accents, nothing found. */
const TOPICS = [
  'rare earths', 'what about tariffs on steel?', 'export controls on semiconductors', 'negotiations', 'negotiating a deal',
  'sanctioned companies', 'de-risking', 'the U.S. economy', 'a 3.5% tariff', 'COP29 climate finance', 'Šefčovič',
  'price cap on Russian oil', 'who said "legitimate action"?', 'who said "we will"?', 'zzzz qqqq', 'AI chips',
];

type IdKind = 'quote' | 'speaker';

class Pair {
  /** SQLite id → PostgreSQL id, as seen so far. */
  readonly quoteIds = new Map<number, number>();
  readonly speakerIds = new Map<number, number>();
  readonly differences: string[] = [];
  compared = 0;

  /** Compares two outputs: quote ids through the mapping, all else as is. */
  same(what: string, lite: unknown, pg: unknown): void {
    this.compared++;
    const a = this.strip(lite, true);
    const b = this.strip(pg, false);
    const sa = JSON.stringify(a);
    const sb = JSON.stringify(b);
    if (sa !== sb) this.differences.push(`${what}\n  sqlite:   ${sa.slice(0, 600)}\n  postgres: ${sb.slice(0, 600)}`);
  }

  private pending: [IdKind, number][] = [];

  /** The value with each quote's and speaker's id replaced by its place in the output (checked by the mapping). */
  private strip(value: unknown, lite: boolean): unknown {
    const ids: [IdKind, number][] = [];
    const walk = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(o).sort()) out[k] = walk(o[k]);
        // A Quote (it has citations and excerpts), a SpeakerRow (aliases) or SpeakerKeys (homes).
        const kind: IdKind | null = 'excerpts' in o && 'citations' in o ? 'quote' : 'aliases' in o || 'homes' in o ? 'speaker' : null;
        if (kind && typeof o.id === 'number') {
          ids.push([kind, o.id]);
          out.id = `${kind}#${ids.length}`;
        }
        return out;
      }
      return v;
    };
    const out = walk(value);
    if (lite) this.pending = ids;
    else this.pending.forEach(([kind, id], i) => this.map(kind, id, ids[i]?.[1]));
    return out;
  }

  private map(kind: IdKind, lite: number, pg: number | undefined): void {
    if (pg === undefined) return; // the outputs differ in length: reported by same()
    const ids = kind === 'quote' ? this.quoteIds : this.speakerIds;
    const known = ids.get(lite);
    if (known !== undefined && known !== pg) this.differences.push(`${kind} ${lite} is ${known} and ${pg} on PostgreSQL`);
    ids.set(lite, pg);
  }

  /** Whether the mappings keep the order of ids, one to one. */
  orderKept(): boolean {
    return [this.quoteIds, this.speakerIds].every((ids) => {
      const pairs = [...ids].sort((x, y) => x[0] - y[0]);
      return pairs.every(([, pg], i) => i === 0 || pg > pairs[i - 1]![1]);
    });
  }

  /** Ids numbered differently on the two backends. */
  renumbered(): number {
    return [...this.quoteIds, ...this.speakerIds].filter(([a, b]) => a !== b).length;
  }
}

/** Indexes `files` (folders whose files are copied into one) into SQLite in memory and into PostgreSQL. */
async function indexBoth(folders: string[]): Promise<{ lite: Store; pg: Store; pgSeconds: number; done(): Promise<void> }> {
  const t = tempDir('briefbot-parity-');
  for (const f of folders) cpSync(f, t.dir, { recursive: true });
  const lite = new SqliteStore(':memory:');
  await syncFolder(t.dir, lite, { workers: 0 });
  const db: TestDatabase = await testDatabase();
  const sql: Sql = await connectPg(db.url);
  const pg = await PgStore.open(sql);
  const started = performance.now();
  await syncFolder(t.dir, pg, { workers: 0 });
  const pgSeconds = (performance.now() - started) / 1000;
  return {
    lite, pg, pgSeconds,
    done: async () => {
      await lite.close();
      await pg.close();
      await sql.close();
      await db.drop();
      t.cleanup();
    },
  };
}

/** The questions asked of a corpus: the eval's own, who said each gold quote, each top speaker's words, topics. */
async function questions(store: Store, gold: Gold[]): Promise<string[]> {
  const out = [...gold.flatMap((g) => (g.questions ?? []).map((q) => q.q))];
  for (const g of gold) for (const q of g.quotes) out.push(`who said "${q.text.split(/\s+/).slice(0, 6).join(' ')}"?`);
  for (const s of await store.speakers(30)) out.push(`what did ${s.name} say?`, ...(s.role ? [`what did the ${s.role} say?`] : []));
  return [...new Set([...out, ...TOPICS])];
}

/** Asks every question of both (the first page, and the second for answers that have one), and compares. */
async function compareAnswers(pair: Pair, lite: Store, pg: Store, qs: string[]): Promise<void> {
  for (const q of qs) {
    const a: Answer = await ask(lite, q);
    pair.same(q, a, await ask(pg, q));
    if (a.total > 10) pair.same(`${q} (page 2)`, await ask(lite, q, { offset: 10 }), await ask(pg, q, { offset: 10 }));
  }
}

/** The digest of every news day, of the newest (with the undated), and of arrivals since the middle article. */
async function compareDigests(pair: Pair, lite: Store, pg: Store): Promise<number> {
  const days = [...new Set((await lite.sources(10_000)).sources.map((s) => s.date).filter((d): d is string => d !== null))];
  const middle = Math.floor((await lite.latestArticleId()) / 2);
  const options = [{}, ...days.map((date) => ({ date })), { since: { articleId: middle, at: '2026-01-01T00:00:00Z' } }];
  for (const o of options) {
    const d: Digest = await composeDigest(lite, o);
    pair.same(`digest ${JSON.stringify(o)}`, d, await composeDigest(pg, o));
  }
  return options.length;
}

/** What the stores list (speakers, sources, totals) must be equal too, speaker ids included. */
async function compareListings(pair: Pair, lite: Store, pg: Store): Promise<void> {
  pair.same('speakers', await lite.speakers(), await pg.speakers());
  pair.same('speaker totals', await lite.speakerTotals(), await pg.speakerTotals());
  pair.same('sources', await lite.sources(10_000), await pg.sources(10_000));
  const ids = async (store: Store) => (await store.speakers()).map((s) => s.id);
  pair.same('speaker keys', await lite.speakerKeys(await ids(lite)), await pg.speakerKeys(await ids(pg)));
}

function report(label: string, pair: Pair, digests: number, seconds: number): void {
  console.log(
    `parity-pg ${label}: ${pair.compared} outputs compared (${digests} digests), ${pair.differences.length} differences; ` +
      `${pair.quoteIds.size} quote and ${pair.speakerIds.size} speaker ids seen, ${pair.renumbered()} numbered differently` +
      (seconds ? `; PostgreSQL sync ${seconds.toFixed(1)} s` : ''),
  );
}

describe('the PostgreSQL index splits text into the words FTS5 makes of it', () => {
  /** Each text's words as SQLite's FTS5 indexes them (porter unicode61 remove_diacritics 2), read back from fts5vocab. */
  function fts5Words(texts: string[]): string[][] {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);");
    const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
    db.transaction(() => texts.forEach((t, i) => insert.run(i + 1, t)))();
    const out = texts.map(() => [] as string[]);
    for (const [term, doc, offset] of db.prepare('SELECT term, doc, offset FROM v').raw().all() as [string, number, number][]) out[doc - 1]![offset] = term;
    db.close();
    return out;
  }

  it('for every character of the Basic Multilingual Plane, in a word and alone', () => {
    const texts: string[] = [];
    for (let c = 0x80; c <= 0xffff; c++) if (c < 0xd800 || c > 0xdfff) texts.push(`a${String.fromCharCode(c)}a ${String.fromCharCode(c)} Xy${String.fromCharCode(c)}ing`);
    texts.push('naïve Café CAFÉ Ǆemal İstanbul ŠEFČOVIČ Šefčovič straße 北京 😀 a\u0301b x\u0301', 'U.S. 3.5% de-risking e-mail O\'Neill COP29 covid-19 _under_score_');
    const want = fts5Words(texts);
    const differ = texts.filter((t, i) => JSON.stringify(ftsTokens(t)) !== JSON.stringify(want[i]));
    expect(differ).toEqual([]);
  });

  it('and stems every word of the seeds and eval articles, with the suffixes Porter strips, as FTS5 does', () => {
    const folders = [SEEDS, ...(hasEval ? [EVAL_ARTICLES] : [])];
    const lines = folders.flatMap((d) => readdirSync(d).flatMap((f) => readFileSync(join(d, f), 'utf8').split('\n')));
    const words = [...new Set(lines.join(' ').toLowerCase().split(/[^a-z]+/).filter(Boolean))];
    const suffixes = ['s', 'ies', 'sses', 'ed', 'eed', 'ing', 'ational', 'tional', 'izer', 'bli', 'alli', 'ousli', 'ization', 'ation', 'fulness', 'iviti', 'biliti', 'icate', 'ical', 'ness', 'ance', 'ement', 'ion', 'ism', 'ive', 'ize', 'e', 'll', 'y', 'at', 'bl'];
    const texts = [...lines, ...words.map((w) => suffixes.map((x) => w + x).join(' '))];
    const want = fts5Words(texts);
    const differ = texts.filter((t, i) => JSON.stringify(ftsTokens(t)) !== JSON.stringify(want[i]));
    expect(differ).toEqual([]);
  });
});

describe('the PostgreSQL store answers as the SQLite store does', () => {
  describe('on the seeds', () => {
    let both: Awaited<ReturnType<typeof indexBoth>>;
    beforeAll(async () => {
      both = await indexBoth([SEEDS]);
    }, 120_000);
    afterAll(() => both?.done());

    it('gives equal answers, listings and digests', async () => {
      const pair = new Pair();
      await compareListings(pair, both.lite, both.pg);
      await compareAnswers(pair, both.lite, both.pg, await questions(both.lite, []));
      const digests = await compareDigests(pair, both.lite, both.pg);
      report('seeds', pair, digests, both.pgSeconds);
      expect(pair.differences).toEqual([]);
      expect(pair.orderKept()).toBe(true);
    }, 300_000);
  });

  describe.skipIf(!hasEval)('on the seeds and the attribution eval articles', () => {
    let both: Awaited<ReturnType<typeof indexBoth>>;
    beforeAll(async () => {
      both = await indexBoth([SEEDS, EVAL_ARTICLES]);
    }, 300_000);
    afterAll(() => both?.done());

    it('gives equal answers (the eval questions, who said each gold quote, speakers, topics), listings and digests', async () => {
      const gold = JSON.parse(readFileSync(join(EVAL, 'gold.json'), 'utf8')) as Gold[];
      const pair = new Pair();
      await compareListings(pair, both.lite, both.pg);
      const qs = await questions(both.lite, gold);
      await compareAnswers(pair, both.lite, both.pg, qs);
      const digests = await compareDigests(pair, both.lite, both.pg);
      report(`seeds + eval (${qs.length} questions)`, pair, digests, both.pgSeconds);
      expect(pair.differences).toEqual([]);
      expect(pair.orderKept()).toBe(true);
      expect(qs.length).toBeGreaterThan(200);
    }, 600_000);
  });

  describe('after articles are replaced, removed, repeated in a batch and their quotes merged', () => {
    const BESSENT: Who = { name: 'Scott Bessent', roles: ['US Treasury Secretary'], aliases: ['Bessent'] };
    const SURNAME: Who = { name: 'Bessent' };
    const LUTNICK: Who = { name: 'Howard Lutnick', roles: ['Commerce Secretary'] };
    const MOFCOM: Who = { name: "China's Ministry of Commerce", kind: 'organisation', roles: ['spokesperson'], aliases: ['MOFCOM'] };
    const KALLAS: Who = { name: 'Kaja Kallas', roles: ['EU foreign policy chief'] };
    const A = 'Supply chains must be secure and resilient';
    const B = 'We will not back down on critical minerals';
    const SEFCOVIC: Who = { name: 'Maroš Šefčovič', roles: ['EU trade commissioner'] };
    const VDL: Who = { name: 'Ursula von der Leyen', roles: ['European Commission President'] };
    /**
     * Each step is one batch (or a removal), applied to both stores. Chosen so that SQLite hands out again the id of
     * the newest quote (merged away in step 2) and of the newest speaker (gone with h.txt in step 4).
     */
    const steps: (ExtractedArticle[] | string)[] = [
      [
        article('b.txt', { date: '2026-01-11', quotes: [{ by: MOFCOM, text: 'China firmly opposes the export controls' }], mentions: [KALLAS] }),
        article('a.txt', { date: '2026-01-10', quotes: [{ by: null, text: 'Not one step back' }, { by: BESSENT, text: A }, { by: BESSENT, text: B }] }),
      ],
      [
        // Both earlier quotes inside one longer quotation: merged into the older.
        article('c.txt', { date: '2026-01-12', quotes: [{ by: BESSENT, text: `${A} and ${B}` }, { by: LUTNICK, text: 'Tariffs are a tool, not a goal' }] }),
        article('d.txt', { date: '2026-01-12', quotes: [{ by: SURNAME, text: A }, { by: null, text: 'Not one step back' }] }),
        // The same file twice in one batch, and an article replaced.
        article('d.txt', { date: '2026-01-13', quotes: [{ by: SURNAME, text: B }], reporting: ['Markets rose on the news of critical minerals.'] }),
        article('a.txt', { date: '2026-01-10', quotes: [{ by: BESSENT, text: A }] }),
        article('h.txt', { date: '2026-01-13', mentions: [SEFCOVIC], reporting: ['Trade talks on critical minerals resume.'] }),
      ],
      'b.txt',
      'h.txt',
      [
        article('e.txt', { date: '2026-01-14', quotes: [{ by: VDL, text: 'Sanctions on Russian oil will tighten further' }, { by: MOFCOM, text: 'China firmly opposes the export controls' }] }),
        article('f.txt', { date: '2026-01-14', quotes: [{ by: LUTNICK, text: 'Tariffs are a tool, not a goal', kind: 'reported' }] }),
      ],
      'c.txt',
      [article('g.txt', { date: '2026-01-15', quotes: [{ by: BESSENT, text: 'Critical minerals are the new oil' }] })],
    ];

    it('gives equal listings, answers and digests after each step', async () => {
      const db = await testDatabase();
      const sql = await connectPg(db.url);
      const lite = new SqliteStore(':memory:');
      const pg = await PgStore.open(sql);
      const differences: string[] = [];
      let [compared, digests, renumbered] = [0, 0, 0];
      try {
        for (const step of steps) {
          for (const store of [lite, pg]) await (typeof step === 'string' ? store.removeArticle(step) : store.putArticles(step));
          // A SQLite id names one row only until it is reused: ids are mapped anew after each step.
          const pair = new Pair();
          await compareListings(pair, lite, pg);
          const speakers = (await lite.speakers()).map((s) => `what did ${s.name} say?`);
          await compareAnswers(pair, lite, pg, [...speakers, 'who said "supply chains"?', 'critical minerals', 'who said "not one step back"?', 'tariffs']);
          for (const date of ['2026-01-10', '2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15']) {
            pair.same(`digest ${date} after ${JSON.stringify(step).slice(0, 40)}`, await composeDigest(lite, { date }), await composeDigest(pg, { date }));
            digests++;
          }
          if (!pair.orderKept()) pair.differences.push(`ids out of order after ${JSON.stringify(step).slice(0, 40)}`);
          differences.push(...pair.differences);
          compared += pair.compared;
          renumbered = Math.max(renumbered, pair.renumbered());
        }
        console.log(`parity-pg after changes: ${compared} outputs compared (${digests} digests) over ${steps.length} steps, ${differences.length} differences; at most ${renumbered} ids numbered differently`);
        expect(differences).toEqual([]);
        expect(renumbered).toBeGreaterThan(0); // the steps did reach SQLite's reuse of ids
      } finally {
        await lite.close();
        await pg.close();
        await sql.close();
        await db.drop();
      }
    }, 300_000);
  });
});
