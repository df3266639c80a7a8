// Text queries of the PostgreSQL store, answered as the SQLite store answers them: the RECENT_MATCHES most recently
// indexed matches (highest ids first), ranked among themselves by FTS5's BM25 (fts-search.ts).
import type { PassageRow } from '../store/store.ts';
import { RECENT_MATCHES } from '../store/shared-index.ts';
import type { Sql } from './client.ts';
import { TERM_INDEX, bm25, canMatch, matchingPhrases, phraseTsquery, usable, type FtsQuery, type IndexTotals } from './fts-search.ts';
import { ftsTokens } from './fts5-tokenizer.ts';
import { newestMatches } from './newest.ts';

/** FTS5 column weights of citations_fts in the SQLite store: bm25(citations_fts, 1.0, 0.0, 0.3). */
const TEXT_WEIGHT = 1.0;
const CONTEXT_WEIGHT = 0.3;

/** A tsquery of the phrases that can match, combined as the query combines them. */
const tsqueryOf = (q: FtsQuery) => matchingPhrases(q).map((p) => `(${p})`).join(q.op === 'and' ? ' & ' : ' | ');

/** What is known of an index before searching it: its rows and words, its highest id, and the rows of each word asked. */
interface IndexStats {
  rows: number;
  tokens: number;
  maxId: number;
  /** Rows holding each word of the query (fts_terms); a word in none is not there. */
  terms: Record<string, number>;
}

async function indexStats(sql: Sql, index: 'citation' | 'passage', ix: number, q: FtsQuery): Promise<IndexStats> {
  const words = [...new Set(q.phrases.filter(usable).flat())];
  const [row] = await sql.query<{ rows: number; tokens: number; maxId: number; terms: Record<string, number> | null }>(
    `SELECT ${index}_rows AS rows, ${index}_tokens AS tokens, next_${index === 'citation' ? 'citation' : 'paragraph'} - 1 AS "maxId",
            (SELECT json_object_agg(term, rows) FROM fts_terms WHERE ix = $1 AND term = ANY($2::text[])) AS terms
     FROM index_state`,
    [ix, words],
  );
  return { rows: Number(row!.rows), tokens: Number(row!.tokens), maxId: Number(row!.maxId), terms: row!.terms ?? {} };
}

/**
 * The query without the phrases that are in no row (no alternative under OR; under AND nothing matches, null), and
 * how many rows may match: a phrase is in at most as many rows as its rarest word; phrases together (AND) in at most
 * as many as the rarest phrase, alternatives (OR) in at most the sum.
 */
function narrowed(q: FtsQuery, terms: Record<string, number>): { q: FtsQuery; rows: number } | null {
  const rows = (p: string[]) => (usable(p) ? Math.min(...p.map((w) => terms[w] ?? 0)) : 0);
  if (q.op === 'and') {
    const fewest = Math.min(...q.phrases.map(rows));
    return fewest > 0 ? { q, rows: fewest } : null;
  }
  const found = q.phrases.filter((p) => rows(p) > 0);
  return found.length ? { q: { phrases: found, op: 'or' }, rows: found.reduce((sum, p) => sum + rows(p), 0) } : null;
}

/**
 * Quote ids whose citations match, best first: by kind, then the number of articles, then the best BM25 of their
 * matching citations, then id. Without a speaker, the words are looked for in the quoted text; with one, in that
 * speaker's quoted text and the sentences around it (a phrase within one of the two).
 */
export async function rankedQuoteIds(sql: Sql, asked: FtsQuery, speakerId?: number): Promise<number[]> {
  if (!canMatch(asked)) return [];
  const ix = speakerId === undefined ? TERM_INDEX.text : TERM_INDEX.textOrContext;
  const stats = await indexStats(sql, 'citation', ix, asked);
  const found = narrowed(asked, stats.terms);
  if (!found) return [];
  const { q } = found;
  // The columns searched: the quoted text, or (for one speaker) the text or the sentence around it.
  const match = (at: string) => (speakerId === undefined ? `c.text_words @@ ${at}::tsquery` : `(c.text_words @@ ${at}::tsquery OR c.context_words @@ ${at}::tsquery)`);
  // Each hit's quote read by its key (a hash join would read every quote).
  const outer = (inner: string) => `SELECT c.quote_id, q.kind_rank, q.articles, c.text, c.context, c.ntok FROM (${inner}) c
       CROSS JOIN LATERAL (SELECT kind_rank, articles FROM quotes WHERE id = c.quote_id LIMIT 1) q`;
  type Hit = { quote_id: number; kind_rank: number; articles: number; text: string; context: string; ntok: number };
  const [hits, totals] = await Promise.all([
    speakerId === undefined
      ? newestMatches<Hit>(
          sql,
          { from: 'citations c', id: 'c.id', columns: "c.id, c.quote_id, c.text, '' AS context, c.ntok", vector: 'c.text_words', tsquery: tsqueryOf(q), outer },
          RECENT_MATCHES,
          { rows: found.rows, maxId: stats.maxId },
        )
      : speakerMatches<Hit>(sql, q, speakerId, match, outer),
    indexTotals(sql, 'citation', asked, stats, match),
  ]);
  const best = new Map<number, { rank: number; articles: number; score: number }>();
  for (const h of hits) {
    const columns = [{ words: ftsTokens(h.text), weight: TEXT_WEIGHT }];
    if (speakerId !== undefined) columns.push({ words: ftsTokens(h.context), weight: CONTEXT_WEIGHT });
    const score = bm25(asked, columns, h.ntok, totals);
    const b = best.get(h.quote_id);
    if (!b) best.set(h.quote_id, { rank: h.kind_rank, articles: h.articles, score });
    else if (score < b.score) b.score = score;
  }
  return [...best].sort(([ia, a], [ib, b]) => a.rank - b.rank || b.articles - a.articles || a.score - b.score || ia - ib).map(([id]) => id);
}

/**
 * One speaker's most recent matching citations: each phrase in the text or in the sentence around it. A speaker's
 * citations are few beside the index's, and the planner's way to them (by speaker) is the right one.
 */
function speakerMatches<R>(sql: Sql, q: FtsQuery, speakerId: number, match: (at: string) => string, outer: (inner: string) => string): Promise<R[]> {
  const params: unknown[] = [speakerId];
  const phrases = matchingPhrases(q).map((p) => match(`$${params.push(p)}`));
  return sql.query<R>(
    outer(
      `SELECT c.id, c.quote_id, c.text, c.context, c.ntok FROM citations c WHERE c.speaker_id = $1 AND (${phrases.join(q.op === 'and' ? ' AND ' : ' OR ')})
       ORDER BY c.id DESC LIMIT ${RECENT_MATCHES}`,
    ),
    params,
  );
}

/** Paragraphs of reporting that match (headings take a place among the matches but are not returned), best first. */
export async function rankedPassages(sql: Sql, asked: FtsQuery, limit: number): Promise<PassageRow[]> {
  if (!canMatch(asked) || limit === 0) return [];
  const stats = await indexStats(sql, 'passage', TERM_INDEX.passages, asked);
  const found = narrowed(asked, stats.terms);
  if (!found) return [];
  type Hit = { text: string; ntok: number; heading: number; articleId: number; file: string; outlet: string | null; title: string | null; date: string | null; url: string | null };
  const [hits, totals] = await Promise.all([
    newestMatches<Hit>(
      sql,
      {
        from: 'paragraphs',
        id: 'id',
        columns: 'id, text, ntok, heading, article_id',
        vector: 'words',
        tsquery: tsqueryOf(found.q),
        outer: (inner) => `SELECT p.text, p.ntok, p.heading, a.id AS "articleId", a.file, a.outlet, a.title, a.date, a.url FROM (${inner}) p
          CROSS JOIN LATERAL (SELECT id, file, outlet, title, date, url FROM articles WHERE id = p.article_id LIMIT 1) a
          ORDER BY p.id DESC`,
      },
      RECENT_MATCHES,
      { rows: found.rows, maxId: stats.maxId },
    ),
    indexTotals(sql, 'passage', asked, stats, (at) => `words @@ ${at}::tsquery`),
  ]);
  // Ties keep the order of the matches (latest first), as SQLite's sort does.
  return hits
    .map((h) => ({ h, score: bm25(asked, [{ words: ftsTokens(h.text), weight: 1.0 }], h.ntok, totals) }))
    .sort((a, b) => a.score - b.score)
    .slice(0, limit < 0 ? undefined : limit) // SQLite: a negative LIMIT is none
    .filter((x) => x.h.heading === 0)
    .map(({ h: { ntok: _n, heading: _h, ...row } }) => row);
}

/**
 * What BM25 needs of the whole index: its rows and words, and per phrase the rows holding it within the columns the
 * query searches: a one-word phrase's from fts_terms (in `stats`), a longer phrase's counted (`match` writes the
 * condition for a tsquery parameter); a phrase that cannot match is in no row.
 */
async function indexTotals(sql: Sql, index: 'citation' | 'passage', q: FtsQuery, stats: IndexStats, match: (at: string) => string): Promise<IndexTotals> {
  const totals = (count: (i: number) => number): IndexTotals => ({
    rows: stats.rows,
    tokens: stats.tokens,
    hits: q.phrases.map((p, i) => (!usable(p) ? 0 : p.length === 1 ? (stats.terms[p[0]!] ?? 0) : count(i))),
  });
  // With one phrase that can match, its IDF multiplies every row's score alike: the order needs no counts.
  if (q.phrases.filter(usable).length <= 1) return { rows: stats.rows, tokens: stats.tokens, hits: q.phrases.map(() => 0) };
  // A phrase with a word in no row is in no row: nothing to count.
  const counted = q.phrases.map((p, i) => (p.length > 1 && usable(p) && p.every((w) => stats.terms[w]) ? i : -1)).filter((i) => i >= 0);
  if (!counted.length) return totals(() => 0);
  const table = index === 'citation' ? 'citations c' : 'paragraphs';
  const params = counted.map((i) => phraseTsquery(q.phrases[i]!));
  const [row] = await sql.query<Record<string, number>>(
    `SELECT ${counted.map((i, k) => `(SELECT count(*) FROM ${table} WHERE ${match(`$${k + 1}`)}) AS h${i}`).join(', ')}`,
    params,
  );
  return totals((i) => Number(row![`h${i}`] ?? 0));
}
