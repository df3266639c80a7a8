// Full-text matching and ranking as SQLite's FTS5 does them, over PostgreSQL tsvectors of FTS5's own words.
// A TextQuery becomes FTS5 phrases (each term a quoted string, or all the terms one phrase); the rows to rank are the
// most recently indexed matches, found with a tsquery built from the phrases' words; they are ranked with FTS5's
// BM25 (fts5Bm25Function: k1 = 1.2, b = 0.75, an IDF per phrase, column weights), computed here from the same
// counts. PostgreSQL's ts_rank orders rows differently, and the answers would then differ between the backends.
import type { TextQuery } from '../store/store.ts';
import { eachFtsToken, ftsTokens } from './fts5-tokenizer.ts';

/** PostgreSQL keeps no longer lexeme (bytes); the index leaves such a word out, and no query can ask for it. */
const MAX_LEXEME = 2047;
/** Positions a tsvector can hold: the last one stands for all beyond (a phrase past it is not found). */
const MAX_POSITION = 16383;
/** Positions a tsvector keeps per lexeme. */
const MAX_POSITIONS = 255;

/** A query as FTS5 parses it: phrases of words, combined by AND or OR. */
export interface FtsQuery {
  phrases: string[][];
  op: 'and' | 'or';
}

/**
 * The FTS5 query of a TextQuery (what ftsQuery in the SQLite store writes, as FTS5 reads it), or null when no term
 * is left. A phrase with no words matches nothing: under AND the whole query matches nothing, under OR it is no
 * alternative.
 */
export function ftsPhrases(q: TextQuery): FtsQuery | null {
  const terms = q.terms.map((t) => t.replace(/"/g, '')).filter((t) => t.length > 0);
  if (terms.length === 0) return null;
  if (q.mode === 'phrase') return { phrases: [ftsTokens(terms.join(' '))], op: 'and' };
  return { phrases: terms.map((t) => ftsTokens(t)), op: q.mode === 'all' ? 'and' : 'or' };
}

/** A phrase some row can hold: it has words, none too long to be indexed. */
export const usable = (p: string[]) => p.length > 0 && p.every((w) => Buffer.byteLength(w) <= MAX_LEXEME);

/** Whether any row can match (no unusable phrase under AND, some usable one under OR). */
export function canMatch(q: FtsQuery): boolean {
  return q.op === 'and' ? q.phrases.every(usable) : q.phrases.some(usable);
}

/** A phrase as a tsquery: its words quoted (never read as query syntax), each followed by the next. */
export function phraseTsquery(phrase: string[]): string {
  return phrase.map((w) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' <-> ');
}

/** The phrases that can match, as tsqueries (under OR, the others are no alternative; canMatch says whether any is left). */
export function matchingPhrases(q: FtsQuery): string[] {
  return q.phrases.filter(usable).map(phraseTsquery);
}

/**
 * The words of a text as a tsvector literal (each at its positions, 1-based as FTS5 counts them from 0), and how
 * many there are (the row's length for BM25). Words are letters and digits only: nothing in them needs quoting.
 */
export function ftsVector(text: string): { words: number; vector: string; lexemes: Set<string> } {
  const at = new Map<string, number[]>();
  let n = 0;
  eachFtsToken(text, (w) => {
    const position = Math.min(++n, MAX_POSITION);
    if (w.length * 3 > MAX_LEXEME && Buffer.byteLength(w) > MAX_LEXEME) return; // at most 3 bytes a UTF-16 unit
    const list = at.get(w);
    if (!list) at.set(w, [position]);
    else if (list.length < MAX_POSITIONS && list[list.length - 1] !== position) list.push(position);
  });
  let vector = '';
  for (const [w, positions] of at) vector += `${vector ? ' ' : ''}'${w}':${positions.join(',')}`;
  return { words: n, vector, lexemes: new Set(at.keys()) };
}

/**
 * The word counts kept per index (table fts_terms): how many rows hold each word, which FTS5 reads from its
 * doclists and BM25 needs for a phrase's IDF. Counting matches at query time would cost as much as there are.
 */
export const TERM_INDEX = { text: 0, textOrContext: 1, passages: 2 } as const;

/** What BM25 needs of the whole index: its rows and their words, and the rows each phrase occurs in. */
export interface IndexTotals {
  rows: number;
  tokens: number;
  /** Per phrase, in query order. */
  hits: number[];
}

/** A row's columns as FTS5 weighs them: each column's words, and the weight of a phrase found there. */
export interface WeightedColumn {
  words: string[];
  weight: number;
}

const K1 = 1.2;
const B = 0.75;

/** FTS5's bm25() of one row (lower is better): `size` is the row's length in words over all its columns. */
export function bm25(q: FtsQuery, columns: WeightedColumn[], size: number, totals: IndexTotals): number {
  const avgdl = totals.tokens / totals.rows;
  let score = 0.0;
  q.phrases.forEach((phrase, i) => {
    // Instances in column order, each adding its column's weight (the order matters to the floating-point sum).
    let freq = 0.0;
    for (const c of columns) {
      const n = occurrences(c.words, phrase);
      for (let k = 0; k < n; k++) freq += c.weight;
    }
    let idf = Math.log((totals.rows - totals.hits[i]! + 0.5) / (totals.hits[i]! + 0.5));
    if (idf <= 0.0) idf = 1e-6;
    score += idf * ((freq * (K1 + 1.0)) / (freq + K1 * (1 - B + (B * size) / avgdl)));
  });
  return -1.0 * score;
}

/** How many times the phrase occurs in the words (overlapping occurrences counted, as FTS5 counts instances). */
function occurrences(words: string[], phrase: string[]): number {
  if (phrase.length === 0) return 0;
  let n = 0;
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    n++;
  }
  return n;
}
