// Text queries of the PostgreSQL store, answered as the SQLite store answers them: the RECENT_MATCHES most recently
// indexed matches (highest ids first), ranked among themselves by FTS5's BM25 (fts-search.ts).
import type { PassageRow } from '../store/store.ts';
import { RECENT_MATCHES } from '../store/shared-index.ts';
import type { Sql } from './client.ts';
import { TERM_INDEX, bm25, canMatch, matchingPhrases, phraseTsquery, usable, type FtsQuery, type IndexTotals } from './fts-search.ts';
import { ftsTokens } from './fts5-tokenizer.ts';

/** FTS5 column weights of citations_fts in the SQLite store: bm25(citations_fts, 1.0, 0.0, 0.3). */
const TEXT_WEIGHT = 1.0;
const CONTEXT_WEIGHT = 0.3;

/** A tsquery of the phrases that can match, combined as the query combines them. */
const tsqueryOf = (q: FtsQuery) => matchingPhrases(q).map((p) => `(${p})`).join(q.op === 'and' ? ' & ' : ' | ');

/**
 * Quote ids whose citations match, best first: by kind, then the number of articles, then the best BM25 of their
 * matching citations, then id. Without a speaker, the words are looked for in the quoted text; with one, in that
 * speaker's quoted text and the sentences around it (a phrase within one of the two).
 */
export async function rankedQuoteIds(sql: Sql, q: FtsQuery, speakerId?: number): Promise<number[]> {
  if (!canMatch(q)) return [];
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  // The columns searched: the quoted text, or (for one speaker) the text or the sentence around it.
  const found = (at: string) => (speakerId === undefined ? `c.text_words @@ ${at}::tsquery` : `(c.text_words @@ ${at}::tsquery OR c.context_words @@ ${at}::tsquery)`);
  const where =
    speakerId === undefined
      ? found(param(tsqueryOf(q)))
      : `c.speaker_id = ${param(speakerId)} AND (${matchingPhrases(q).map((p) => found(param(p))).join(q.op === 'and' ? ' AND ' : ' OR ')})`;
  const [hits, totals] = await Promise.all([
    // Each hit's quote read by its key (a hash join would read every quote).
    sql.query<{ quote_id: number; kind_rank: number; articles: number; text: string; context: string; ntok: number }>(
      `SELECT c.quote_id, q.kind_rank, q.articles, c.text, c.context, c.ntok
       FROM (SELECT c.id, c.quote_id, c.text, ${speakerId === undefined ? "''" : 'c.context'} AS context, c.ntok FROM citations c
             WHERE ${where} ORDER BY c.id DESC LIMIT ${RECENT_MATCHES}) c
       CROSS JOIN LATERAL (SELECT kind_rank, articles FROM quotes WHERE id = c.quote_id LIMIT 1) q`,
      params,
    ),
    indexTotals(sql, 'citation', q, speakerId === undefined ? TERM_INDEX.text : TERM_INDEX.textOrContext, found),
  ]);
  const best = new Map<number, { rank: number; articles: number; score: number }>();
  for (const h of hits) {
    const columns = [{ words: ftsTokens(h.text), weight: TEXT_WEIGHT }];
    if (speakerId !== undefined) columns.push({ words: ftsTokens(h.context), weight: CONTEXT_WEIGHT });
    const score = bm25(q, columns, h.ntok, totals);
    const b = best.get(h.quote_id);
    if (!b) best.set(h.quote_id, { rank: h.kind_rank, articles: h.articles, score });
    else if (score < b.score) b.score = score;
  }
  return [...best].sort(([ia, a], [ib, b]) => a.rank - b.rank || b.articles - a.articles || a.score - b.score || ia - ib).map(([id]) => id);
}

/** Paragraphs of reporting that match (headings take a place among the matches but are not returned), best first. */
export async function rankedPassages(sql: Sql, q: FtsQuery, limit: number): Promise<PassageRow[]> {
  if (!canMatch(q) || limit === 0) return [];
  const [hits, totals] = await Promise.all([
    sql.query<{ text: string; ntok: number; heading: number; articleId: number; file: string; outlet: string | null; title: string | null; date: string | null; url: string | null }>(
      `SELECT p.text, p.ntok, p.heading, a.id AS "articleId", a.file, a.outlet, a.title, a.date, a.url
       FROM (SELECT id, text, ntok, heading, article_id FROM paragraphs WHERE words @@ $1::tsquery ORDER BY id DESC LIMIT ${RECENT_MATCHES}) p
       CROSS JOIN LATERAL (SELECT id, file, outlet, title, date, url FROM articles WHERE id = p.article_id LIMIT 1) a
       ORDER BY p.id DESC`,
      [tsqueryOf(q)],
    ),
    indexTotals(sql, 'passage', q, TERM_INDEX.passages, (at) => `words @@ ${at}::tsquery`),
  ]);
  // Ties keep the order of the matches (latest first), as SQLite's sort does.
  return hits
    .map((h) => ({ h, score: bm25(q, [{ words: ftsTokens(h.text), weight: 1.0 }], h.ntok, totals) }))
    .sort((a, b) => a.score - b.score)
    .slice(0, limit < 0 ? undefined : limit) // SQLite: a negative LIMIT is none
    .filter((x) => x.h.heading === 0)
    .map(({ h: { ntok: _n, heading: _h, ...row } }) => row);
}

/**
 * What BM25 needs of the whole index: its rows and words (index_state), and per phrase the rows holding it within
 * the columns the query searches: a one-word phrase's from fts_terms (index `ix`), a longer phrase's counted (`match`
 * writes the condition for a tsquery parameter); a phrase that cannot match is in no row.
 */
async function indexTotals(sql: Sql, index: 'citation' | 'passage', q: FtsQuery, ix: number, match: (at: string) => string): Promise<IndexTotals> {
  // With one phrase that can match, its IDF multiplies every row's score alike: the order needs no counts.
  if (q.phrases.filter(usable).length <= 1) {
    const [row] = await sql.query<{ rows: number; tokens: number }>(`SELECT ${index}_rows AS rows, ${index}_tokens AS tokens FROM index_state`);
    return { rows: Number(row!.rows), tokens: Number(row!.tokens), hits: q.phrases.map(() => 0) };
  }
  const table = index === 'citation' ? 'citations c' : 'paragraphs';
  const params: unknown[] = [ix, [...new Set(q.phrases.filter((p) => p.length === 1 && usable(p)).map((p) => p[0]!))]];
  const counted = q.phrases.map((p) => (p.length > 1 && usable(p) ? `(SELECT count(*) FROM ${table} WHERE ${match(`$${params.push(phraseTsquery(p))}`)})` : 'NULL'));
  const [row] = await sql.query<{ rows: number; tokens: number; terms: Record<string, number> | null } & Record<string, number | null>>(
    `SELECT ${index}_rows AS rows, ${index}_tokens AS tokens,
            (SELECT json_object_agg(term, rows) FROM fts_terms WHERE ix = $1 AND term = ANY($2::text[])) AS terms
            ${counted.map((c, i) => `, ${c} AS h${i}`).join('')}
     FROM index_state`,
    params,
  );
  const terms = row!.terms ?? {};
  const hits = q.phrases.map((p, i) => (!usable(p) ? 0 : p.length === 1 ? (terms[p[0]!] ?? 0) : Number(row![`h${i}`])));
  return { rows: Number(row!.rows), tokens: Number(row!.tokens), hits };
}
