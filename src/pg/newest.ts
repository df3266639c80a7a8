// The newest rows matching a full-text condition (highest ids first, at most `limit`), found without reading every
// match or every row. Left to itself, PostgreSQL takes one of two plans for `WHERE words @@ q ORDER BY id DESC LIMIT
// n`, and each is ruinous somewhere: walking the primary key backwards, testing rows until n match, reads the whole
// table when few rows match (a word in no row: 2.4 million paragraphs, 1.5 s); a bitmap scan of the GIN index reads
// every match's heap page before keeping n (47,000 citations of a stock phrase: 0.5 s). FTS5 has neither problem: it
// reads a word's matches in rowid order and stops after n.
//
// So the plan is chosen here, from how many rows hold the words (fts_terms, exact for one word, an upper bound for
// words together or a phrase): none, no query; few, the bitmap scan; many, a walk of the newest ids in windows (the
// condition written so that the GIN index cannot serve it, which leaves the primary key's range scan), each window
// sized from the matches found so far, until n match — or until the walk has read a budget of rows, when the rest is
// left to the bitmap scan (words that are common alone and rare together).
import type { Sql } from './client.ts';

export interface Plan {
  /** Up to this many candidate rows, the bitmap scan reads them all (~10–30 µs a row, a heap page each). */
  bitmapRows: number;
  /** The first window when there is no telling how dense the matches are (the walk: ~0.6 µs a row). */
  firstWindow: number;
  /** Rows the walk reads before the rest goes to the bitmap scan. */
  walkBudget: number;
}

export const PLAN: Plan = { bitmapRows: 4000, firstWindow: 8000, walkBudget: 150_000 };
/** Margin on a window sized from the density seen so far. */
const MARGIN = 1.5;

export interface NewestQuery {
  /** `FROM …` of the inner query (e.g. `citations c`), and its id column (`c.id`). */
  from: string;
  id: string;
  /** The inner query's select list. */
  columns: string;
  /** The condition, the GIN index able to serve it (`words @@ $1::tsquery`, parameters in `params`). */
  where: string;
  params: unknown[];
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
  const run = (indexed: boolean, range: string, n: number) =>
    sql.query<R>(
      q.outer(
        `SELECT ${q.columns} FROM ${q.from} WHERE ${indexed ? q.where : `COALESCE((${q.where}), false)`}${range} ` +
          // `id + 0`: not the key's order, so the planner sorts the bitmap scan's rows instead of walking the key.
          `ORDER BY ${indexed ? `${q.id} + 0` : q.id} DESC LIMIT ${n}`,
      ),
      q.params,
    );
  if (c.rows <= plan.bitmapRows) return run(true, '', limit);
  const found: R[] = [];
  let hi = c.maxId;
  let walked = 0;
  // Were every candidate a match, this many ids would hold `limit` of them.
  let window = Math.max(1, Math.min(plan.firstWindow, Math.ceil((MARGIN * limit * c.maxId) / c.rows)));
  while (found.length < limit && hi > 0) {
    if (walked + window > plan.walkBudget) {
      // The bound as a filter: the key's bitmap of every id below it would cost more than the walked rows' matches.
      found.push(...(await run(true, ` AND ${q.id} + 0 <= ${hi}`, limit - found.length)));
      break;
    }
    const lo = Math.max(0, hi - window);
    found.push(...(await run(false, ` AND ${q.id} > ${lo} AND ${q.id} <= ${hi}`, limit - found.length)));
    walked += hi - lo;
    hi = lo;
    // The next window: what the density so far says the rest needs, or four times as wide when nothing matched yet.
    window = found.length ? Math.ceil((MARGIN * (limit - found.length) * walked) / found.length) : window * 4;
  }
  return found;
}
