// The rows one write transaction adds, held until they are sent: each table's new rows in one multi-row INSERT
// (unnest of arrays), not one round trip per row. Ids are handed out here, from the counters in index_state, one more
// than the last, as SQLite numbers rows; they are never reused (the counters only grow), so a briefing's cut-off by
// article id keeps its meaning after the newest article is removed.
import type { QuoteKind, SpeakerKind } from '../types.ts';
import type { Sql } from './client.ts';
import { KIND_RANK } from '../store/shared-index.ts';
import { withIdBucket } from './index-schema.ts';

/** index_state as a writer reads it (FOR UPDATE) at the start of a transaction. */
export interface IndexState {
  writer: string;
  generation: number;
  next_article: number;
  next_paragraph: number;
  next_speaker: number;
  next_quote: number;
  next_citation: number;
}

interface QuoteRow {
  speakerId: number | null;
  kind: QuoteKind;
  articles: number;
  latest: string | null;
}

/** SQLite's `CASE WHEN latest IS NULL OR date > latest THEN date ELSE latest END`: the later date, a missing one ignored. */
export function laterDate(latest: string | null, date: string | null): string | null {
  return latest === null || (date !== null && date > latest) ? date : latest;
}

export class PendingRows {
  readonly next: { article: number; paragraph: number; speaker: number; quote: number; citation: number };
  /** Changes to index_state's totals. */
  readonly totals = { articles: 0, citationRows: 0, citationTokens: 0, passageRows: 0, passageTokens: 0 };
  private speakers = new Map<number, { kind: SpeakerKind; name: string; key: string; surname: string | null }>();
  private renames = new Map<number, { name: string; key: string }>();
  private articles: unknown[][] = [];
  private paragraphs: unknown[][] = [];
  private quotes = new Map<number, QuoteRow>();
  /** Articles added to stored quotes, and the latest date among them. */
  private counted = new Map<number, { n: number; latest: string | null }>();
  private citations: unknown[][] = [];
  /** Rows gained (or lost) per index and word: fts_terms, written with the counts. */
  readonly terms = new Map<string, number>();

  constructor(state: IndexState) {
    this.next = { article: state.next_article, paragraph: state.next_paragraph, speaker: state.next_speaker, quote: state.next_quote, citation: state.next_citation };
  }

  speaker(s: { kind: SpeakerKind; name: string; key: string; surname: string | null }): number {
    const id = this.next.speaker++;
    this.speakers.set(id, { kind: s.kind, name: s.name, key: s.key, surname: s.surname });
    return id;
  }

  rename(id: number, name: string, key: string): void {
    const pending = this.speakers.get(id);
    if (pending) Object.assign(pending, { name, key });
    else this.renames.set(id, { name, key });
  }

  /** Columns as in the INSERT of flush(). */
  article(row: unknown[]): number {
    const id = this.next.article++;
    this.articles.push([id, ...row]);
    this.totals.articles++;
    return id;
  }

  paragraph(articleId: number, idx: number, heading: boolean, text: string, ntok: number, words: string): void {
    const id = this.next.paragraph++;
    this.paragraphs.push([id, articleId, idx, heading ? 1 : 0, text, ntok, withIdBucket(words, id)]);
    this.totals.passageRows++;
    this.totals.passageTokens += ntok;
  }

  quote(speakerId: number | null, kind: QuoteKind, date: string | null): number {
    const id = this.next.quote++;
    this.quotes.set(id, { speakerId, kind, articles: 1, latest: date });
    return id;
  }

  /** One more article carries the quote. */
  countQuote(id: number, date: string | null): void {
    const q = this.quotes.get(id);
    if (q) {
      q.articles++;
      q.latest = laterDate(q.latest, date);
      return;
    }
    const c = this.counted.get(id) ?? { n: 0, latest: null };
    c.n++;
    // Applying the CASE once with the latest of the dates equals applying it once per date.
    c.latest = laterDate(c.latest, date);
    this.counted.set(id, c);
  }

  /** Columns as in the INSERT of flush(), after the id. */
  citation(row: unknown[], ntok: number): number {
    const id = this.next.citation++;
    // The quoted text's words (the 14th column) are searched by recency: with the id bucket.
    this.citations.push([id, ...row.slice(0, 13), withIdBucket(row[13] as string, id), ...row.slice(14)]);
    this.totals.citationRows++;
    this.totals.citationTokens += ntok;
    return id;
  }

  /** Sends what is held, in an order the rows can refer to each other in. */
  async flush(tx: Sql): Promise<void> {
    if (this.speakers.size) {
      const s = [...this.speakers];
      await tx.query(
        'INSERT INTO speakers (id, kind, name, key, surname) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[])',
        [s.map(([id]) => id), s.map(([, r]) => r.kind), s.map(([, r]) => r.name), s.map(([, r]) => r.key), s.map(([, r]) => r.surname)],
      );
    }
    if (this.renames.size) {
      const r = [...this.renames];
      await tx.query('UPDATE speakers s SET name = u.name, key = u.key FROM unnest($1::bigint[], $2::text[], $3::text[]) u(id, name, key) WHERE s.id = u.id', [
        r.map(([id]) => id), r.map(([, x]) => x.name), r.map(([, x]) => x.key),
      ]);
    }
    if (this.articles.length) {
      await tx.query(
        `INSERT INTO articles (id, file, hash, size, mtime_ms, title, outlet, author, date, url, country, comments, speakers, extractor, indexed_at)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::float8[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                              $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])`,
        columns(this.articles, 15),
      );
    }
    if (this.paragraphs.length) {
      await tx.query(
        `INSERT INTO paragraphs (id, article_id, idx, heading, text, ntok, words)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::smallint[], $5::text[], $6::int[], $7::tsvector[])`,
        columns(this.paragraphs, 7),
      );
    }
    if (this.quotes.size) {
      const q = [...this.quotes];
      await tx.query(
        `INSERT INTO quotes (id, speaker_id, kind, kind_rank, articles, latest)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::smallint[], $5::int[], $6::text[])`,
        [q.map(([id]) => id), q.map(([, r]) => r.speakerId), q.map(([, r]) => r.kind), q.map(([, r]) => KIND_RANK[r.kind]), q.map(([, r]) => r.articles), q.map(([, r]) => r.latest)],
      );
    }
    if (this.counted.size) {
      const c = [...this.counted];
      await tx.query(
        `UPDATE quotes q SET articles = q.articles + u.n, latest = CASE WHEN q.latest IS NULL OR u.latest > q.latest THEN u.latest ELSE q.latest END
         FROM unnest($1::bigint[], $2::int[], $3::text[]) u(id, n, latest) WHERE q.id = u.id`,
        [c.map(([id]) => id), c.map(([, x]) => x.n), c.map(([, x]) => x.latest)],
      );
    }
    if (this.citations.length) {
      await tx.query(
        `INSERT INTO citations (id, quote_id, article_id, speaker_id, sieve, kind, verb, via, text, key, paragraph, start, context, ntok, text_words, context_words)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                              $11::int[], $12::int[], $13::text[], $14::int[], $15::tsvector[], $16::tsvector[])`,
        columns(this.citations, 16),
      );
    }
    this.speakers.clear();
    this.renames.clear();
    this.articles = [];
    this.paragraphs = [];
    this.quotes.clear();
    this.counted.clear();
    this.citations = [];
  }

  /** One more row (or, with -1, one fewer) of index `ix` holds each of these words. */
  countTerms(ix: number, lexemes: Iterable<string>, by = 1): void {
    for (const w of lexemes) {
      const k = `${ix}\u0000${w}`;
      this.terms.set(k, (this.terms.get(k) ?? 0) + by);
    }
  }

  /** Saves the counters and totals with the transaction; `writer` is now the last to have written. */
  async save(tx: Sql, writer: string): Promise<void> {
    const t = this.totals;
    await tx.query(
      `UPDATE index_state SET writer = $1, generation = generation + 1, articles = articles + $2,
         next_article = $3, next_paragraph = $4, next_speaker = $5, next_quote = $6, next_citation = $7,
         citation_rows = citation_rows + $8, citation_tokens = citation_tokens + $9, passage_rows = passage_rows + $10, passage_tokens = passage_tokens + $11`,
      [writer, t.articles, this.next.article, this.next.paragraph, this.next.speaker, this.next.quote, this.next.citation, t.citationRows, t.citationTokens, t.passageRows, t.passageTokens],
    );
  }
}

/** Rows as one array per column, for unnest. */
function columns(rows: unknown[][], n: number): unknown[][] {
  return Array.from({ length: n }, (_, i) => rows.map((r) => r[i]));
}
