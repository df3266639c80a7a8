// The newest rows matching a full-text condition (highest ids first, at most `limit`), found without reading every
// match or every row. Left to itself, PostgreSQL takes one of two plans for `WHERE words @@ q ORDER BY id DESC LIMIT
// n`, and each is ruinous somewhere: walking the primary key backwards, testing rows until n match, reads the whole
// table when few rows match (a word in no row: 2.4 million paragraphs, 1.5 s); a bitmap scan of the GIN index reads
// every match's heap page before keeping n (thousands of pages for two common words together, 0.25 s). FTS5 has
// neither problem: it reads a word's matches in rowid order and stops after n.
//
// So the plan is chosen here, from how many rows hold the words (fts_terms, exact for one word, an upper bound for
// words together or a phrase): none, no query; few, the bitmap scan of them all; many, the newest id buckets first
// (every searched tsvector holds its row's bucket as a word, index-schema.ts), the GIN index intersecting the words
// with the buckets so that only matches among the newest rows are read, window after window sized from the matches
// found so far, until n match — or, when reading the matches of all the rest costs less than the next window (the
// GIN index's cost grows with the window's ids; few matches of words together or of a phrase), the rest at once.
import type { Sql } from './client.ts';
import { BUCKET_BITS, bucketWord } from './index-schema.ts';

export interface Plan {
  /** Up to this many candidate rows, the bitmap scan reads them all (a heap page each, ~20 µs when not cached). */
  bitmapRows: number;
  /** What a bucket of a window costs in the GIN index (~1 ms), in candidate rows read by the bitmap scan instead. */
  bucketCost: number;
  /** The widest first window, in buckets: before any match is seen, the rows' count is only an upper bound. */
  firstBuckets: number;
  /** The rows' id buckets, as written (index-schema.ts). */
  bucketBits: number;
}

export const PLAN: Plan = { bitmapRows: 4000, bucketCost: 50, firstBuckets: 16, bucketBits: BUCKET_BITS };
/** Margin on a window sized from the density of matches expected or seen. */
const MARGIN = 1.25;

export interface NewestQuery {
  /** `FROM …` of the inner query (e.g. `citations c`), and its id column (`c.id`). */
  from: string;
  id: string;
  /** The inner query's select list. */
  columns: string;
  /** The tsvector column searched (GIN-indexed, holding id buckets), and the tsquery looked for. */
  vector: string;
  tsquery: string;
  /** The statement run around the inner query (joins); it keeps the inner rows' order. */
  outer: (inner: string) => string;
}

export interface Candidates {
  /** Rows that may match: exact for one word, an upper bound otherwise; 0 when none can. */
  rows: number;
  /** The table's highest id. */
  maxId: number;
}

/** Up to `limit` rows of `q`, newest (highest id) first. */
export async function newestMatches<R>(sql: Sql, q: NewestQuery, limit: number, c: Candidates, plan = PLAN): Promise<R[]> {
  if (c.rows === 0 || limit <= 0) return [];
  // `id + 0`: not the key's order, so the planner sorts the bitmap scan's rows instead of walking the key.
  const inner = (where: string, n: number) => q.outer(`SELECT ${q.columns} FROM ${q.from} WHERE ${where} ORDER BY ${q.id} + 0 DESC LIMIT ${n}`);
  if (c.rows <= plan.bitmapRows) return sql.query<R>(inner(`${q.vector} @@ $1::tsquery`, limit), [q.tsquery]);
  const size = 2 ** plan.bucketBits;
  const found: R[] = [];
  let top = Math.floor(c.maxId / size); // the newest bucket not yet read
  let read = 0;
  // Were every candidate a match, this many buckets would hold `limit` of them.
  let window = Math.min(plan.firstBuckets, Math.ceil((MARGIN * limit * Math.max(1, c.maxId)) / (c.rows * size)));
  while (found.length < limit && top >= 0) {
    if (read > 0) {
      // The next window from the density seen so far, unless reading the rest at once costs less: the matches
      // expected below (one more than seen, so that a window with none still counts), each a heap page, against a
      // window's buckets (words together or a phrase that the first window found nowhere: few rows hold them).
      window = Math.ceil((MARGIN * (limit - found.length) * read) / Math.max(1, found.length));
      const rest = ((found.length + 1) / read) * (top + 1);
      if (window * plan.bucketCost >= rest) {
        // The ids below the buckets read, as a filter (the key's bitmap of them all would cost more).
        found.push(...(await sql.query<R>(inner(`${q.vector} @@ $1::tsquery AND ${q.id} + 0 < ${(top + 1) * size}`, limit - found.length), [q.tsquery])));
        break;
      }
    }
    const bottom = Math.max(0, top - window + 1);
    const buckets: string[] = [];
    for (let b = top; b >= bottom; b--) buckets.push(`'${bucketWord(b)}'`);
    found.push(...(await sql.query<R>(inner(`${q.vector} @@ ($1::tsquery && $2::tsquery)`, limit - found.length), [q.tsquery, buckets.join(' | ')])));
    read += top - bottom + 1;
    top = bottom - 1;
  }
  return found;
}
