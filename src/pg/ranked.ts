// Text queries of the PostgreSQL store, answered as the SQLite store answers them: the RECENT_MATCHES most recently
// indexed matches (highest ids first), ranked among themselves by FTS5's BM25 (fts-search.ts).
import type { PassageRow } from '../store/store.ts';
import { RECENT_MATCHES } from '../store/shared-index.ts';
import type { Sql } from './client.ts';
import { bm25, canMatch, matchingPhrases, phraseTsquery, usable, type FtsQuery, type IndexTotals } from './fts-search.ts';
import { ftsTokens } from './fts5-tokenizer.ts';

/** FTS5 column weights of citations_fts in the SQLite store: bm25(citations_fts, 1.0, 0.0, 0.3). */
const TEXT_WEIGHT = 1.0;
const CONTEXT_WEIGHT = 0.3;

/**
 * Quote ids whose citations match, best first: by kind, then the number of articles, then the best BM25 of their
 * matching citations, then id. Without a speaker, the words are looked for in the quoted text; with one, in that
 * speaker's quoted text and the sentences around it (a phrase within one of the two).
 */
export async function rankedQuoteIds(sql: Sql, q: FtsQuery, speakerId?: number): Promise<number[]> {
  if (!canMatch(q)) return [];
  const phrases = matchingPhrases(q);
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  // The columns searched: the quoted text, or (for one speaker) the text or the sentence around it.
  const found = (at: string) => (speakerId === undefined ? `c.text_words @@ ${at}::tsquery` : `(c.text_words @@ ${at}::tsquery OR c.context_words @@ ${at}::tsquery)`);
  const where =
    speakerId === undefined
      ? found(param(phrases.map((p) => `(${p})`).join(q.op === 'and' ? ' & ' : ' | ')))
      : `c.speaker_id = ${param(speakerId)} AND (${phrases.map((p) => found(param(p))).join(q.op === 'and' ? ' AND ' : ' OR ')})`;
  const hits = await sql.query<{ quote_id: number; kind_rank: number; articles: number; text: string; context: string; ntok: number }>(
    `SELECT c.quote_id, q.kind_rank, q.articles, c.text, ${speakerId === undefined ? "''" : 'c.context'} AS context, c.ntok
     FROM (SELECT * FROM citations c WHERE ${where} ORDER BY c.id DESC LIMIT ${RECENT_MATCHES}) c JOIN quotes q ON q.id = c.quote_id`,
    params,
  );
  if (hits.length === 0) return [];
  const totals = await indexTotals(sql, 'citation', q, found);
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
  const tsquery = matchingPhrases(q).map((p) => `(${p})`).join(q.op === 'and' ? ' & ' : ' | ');
  const hits = await sql.query<{ id: number; text: string; ntok: number; heading: number; article_id: number }>(
    `SELECT id, text, ntok, heading, article_id FROM paragraphs WHERE words @@ $1::tsquery ORDER BY id DESC LIMIT ${RECENT_MATCHES}`,
    [tsquery],
  );
  if (hits.length === 0) return [];
  const totals = await indexTotals(sql, 'passage', q, (at) => `words @@ ${at}::tsquery`);
  // Ties keep the order of the matches (latest first), as SQLite's sort does.
  const top = hits
    .map((h) => ({ h, score: bm25(q, [{ words: ftsTokens(h.text), weight: 1.0 }], h.ntok, totals) }))
    .sort((a, b) => a.score - b.score)
    .slice(0, limit < 0 ? undefined : limit) // SQLite: a negative LIMIT is none
    .filter((x) => x.h.heading === 0);
  if (top.length === 0) return [];
  const articles = await sql.query<{ id: number; file: string; outlet: string | null; title: string | null; date: string | null; url: string | null }>(
    'SELECT id, file, outlet, title, date, url FROM articles WHERE id = ANY($1::bigint[])',
    [[...new Set(top.map((x) => x.h.article_id))]],
  );
  const byId = new Map(articles.map((a) => [a.id, a]));
  return top.map(({ h }) => {
    const a = byId.get(h.article_id)!;
    return { text: h.text, articleId: a.id, file: a.file, outlet: a.outlet, title: a.title, date: a.date, url: a.url };
  });
}

/**
 * What BM25 needs of the whole index: its rows and words (index_state), and per phrase the rows it occurs in
 * (within the columns the query searches: `match` writes that condition for a tsquery parameter).
 */
async function indexTotals(sql: Sql, index: 'citation' | 'passage', q: FtsQuery, match: (at: string) => string): Promise<IndexTotals> {
  const table = index === 'citation' ? 'citations c' : 'paragraphs';
  const params: unknown[] = [];
  const counts = q.phrases.map((p) => (!usable(p) ? '0' : `(SELECT count(*) FROM ${table} WHERE ${match(`$${params.push(phraseTsquery(p))}`)})`));
  const [row] = await sql.query<Record<string, number>>(
    `SELECT ${index}_rows AS rows, ${index}_tokens AS tokens${counts.map((c, i) => `, ${c} AS h${i}`).join('')} FROM index_state`,
    params,
  );
  return { rows: Number(row!.rows), tokens: Number(row!.tokens), hits: q.phrases.map((_, i) => Number(row![`h${i}`])) };
}

