// The newest matches of a full-text search on PostgreSQL: whichever plan newestMatches takes (the bitmap scan of
// every candidate for few of them; for many, the newest id buckets in windows, then the rest at once when a window
// would be too wide), the rows are exactly those of `WHERE … ORDER BY id DESC LIMIT n`, in that order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../src/pg/client.ts';
import { idBucket } from '../src/pg/index-schema.ts';
import { newestMatches, PLAN, type Plan } from '../src/pg/newest.ts';
import { testSql } from './pg.ts';

let sql: Sql;
let drop: () => Promise<void>;
const ROWS = 3000;
/** Small id buckets (16 ids), so that 3,000 rows make many of them. */
const BITS = 4;
/** Rows holding each word (what fts_terms keeps), for the candidates' upper bound. */
const holding = new Map<string, number>();

beforeAll(async () => {
  ({ sql, drop } = await testSql());
  await sql.query('CREATE TABLE t (id bigint PRIMARY KEY, words tsvector NOT NULL)');
  await sql.query('CREATE INDEX t_words ON t USING gin (words)');
  // Words of every density: "common" in 1 row of 2, "some" 1 of 10, "rare" 1 of 500; "cut" follows "tax" in 1 of 40;
  // "late" only in the oldest 30 rows and "early" only in the newest 5 (ids have gaps, as after deletions).
  const rows: [number, string][] = [];
  for (let i = 1; i <= ROWS; i++) {
    const id = i * 3 - (i % 2);
    const words = ['filler'];
    if (i % 2 === 0) words.push('common');
    if (i % 10 === 0) words.push('some');
    if (i % 500 === 0) words.push('rare');
    if (i % 7 === 0) words.push('tax', 'cut');
    else if (i % 40 === 0) words.push('cut', 'tax');
    if (i <= 30) words.push('late');
    if (i > ROWS - 5) words.push('early');
    for (const w of new Set(words)) holding.set(w, (holding.get(w) ?? 0) + 1);
    rows.push([id, `${words.map((w, k) => `'${w}':${k + 1}`).join(' ')} '${idBucket(id, BITS)}'`]);
  }
  await sql.query('INSERT INTO t SELECT * FROM unnest($1::bigint[], $2::tsvector[])', [rows.map((r) => r[0]), rows.map((r) => r[1])]);
  await sql.query('ANALYZE t');
});
afterAll(() => drop());

const maxId = ROWS * 3;
const newest = (tsquery: string, limit: number, rows: number, plan?: Plan) =>
  newestMatches<{ id: number }>(sql, { from: 't', id: 'id', columns: 'id', vector: 'words', tsquery, outer: (inner) => inner }, limit, { rows, maxId }, plan);
const expected = async (tsquery: string, limit: number) =>
  (await sql.query<{ id: number }>('SELECT id FROM t WHERE words @@ $1::tsquery ORDER BY id DESC LIMIT $2', [tsquery, limit])).map((r) => r.id);
const bound = (...words: string[]) => Math.min(...words.map((w) => holding.get(w) ?? 0));

const PLANS: Record<string, Plan> = {
  'the bitmap scan': { ...PLAN, bitmapRows: Infinity },
  'id buckets': { bitmapRows: 0, bucketCost: 0, firstBuckets: 1, bucketBits: BITS },
  'id buckets, then the rest at once': { bitmapRows: 0, bucketCost: 2, firstBuckets: 4, bucketBits: BITS },
};
/** What is searched for, and (once the rows are in) how many rows may match. */
const SEARCHES: [string, string, () => number][] = [
  ['a word in every other row', 'common', () => bound('common')],
  ['a word in one row of ten', 'some', () => bound('some')],
  ['a rare word', 'rare', () => bound('rare')],
  ['a word only in the oldest rows', 'late', () => bound('late')],
  ['a word only in the newest rows', 'early', () => bound('early')],
  ['words together', 'common & some', () => bound('common', 'some')],
  ['a phrase of words that are common apart and rare together', "'cut' <-> 'tax'", () => bound('cut', 'tax')],
  ['alternatives', 'rare | late', () => bound('rare') + bound('late')],
];

describe('newestMatches', () => {
  for (const [plan, tuning] of Object.entries(PLANS)) {
    it(`finds exactly the newest matches by ${plan}`, async () => {
      for (const [, tsquery, rows] of SEARCHES) {
        for (const limit of [1, 20, 200]) expect([tsquery, limit, (await newest(tsquery, limit, rows(), tuning)).map((r) => r.id)]).toEqual([tsquery, limit, await expected(tsquery, limit)]);
      }
    });
  }

  it('finds them with the default plan, whatever the bound says', async () => {
    for (const [, tsquery, rows] of SEARCHES) {
      const plan = { ...PLAN, bucketBits: BITS };
      expect((await newest(tsquery, 200, rows(), plan)).map((r) => r.id)).toEqual(await expected(tsquery, 200));
      expect((await newest(tsquery, 200, ROWS * 10, plan)).map((r) => r.id)).toEqual(await expected(tsquery, 200));
    }
  });

  it('asks nothing when no row holds the words, or for no rows', async () => {
    const failing = { from: 't', id: 'id', columns: 'id', vector: 'no_such_column', tsquery: 'x', outer: (inner: string) => inner };
    expect(await newestMatches(sql, failing, 200, { rows: 0, maxId })).toEqual([]);
    expect(await newestMatches(sql, failing, 0, { rows: 10, maxId })).toEqual([]);
  });
});
