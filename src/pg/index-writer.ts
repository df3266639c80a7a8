// Writing articles into the PostgreSQL index: the SQLite store's rules, step for step (which corpus speaker an
// article's speaker is, which quote new words fold into, what counts change), with the writes of a whole batch held
// and sent as a few multi-row statements. What a step needs to read back is read ahead, once per batch: every stored
// speaker (when memory lacks them), the quotes with exactly the words of each of the batch's quotations, and the
// folding window of each speaker new to memory. A step that changes stored rows sends what is held first; after an
// article is replaced the read-ahead is read again, after quotes are merged it is renumbered.
import { randomUUID } from 'node:crypto';
import type { ExtractedArticle, FoundSpeaker, QuoteKind } from '../types.ts';
import type { Sql } from './client.ts';
import { matchKey } from '../text/normalize.ts';
import { SpeakerDirectory, type KnownSpeaker } from '../ingest/speaker-identity.ts';
import { FOLD_WINDOW, FoldingWindow, type RecentQuote } from '../ingest/quote-folding.ts';
import { Tally, articleNames, namesJson, tallyAdded, tallyRemoved } from '../store/shared-index.ts';
import { TERM_INDEX, ftsVector } from './fts-search.ts';
import { PendingRows, type IndexState } from './index-rows.ts';
import { writeCounts, writeTermCounts } from './index-counts.ts';

/**
 * How many speakers' windows FoldingWindow keeps (its own bound, not exported): used only to guess which windows it
 * will ask for, so they are read ahead. A wrong guess costs a round trip, never a different quote.
 */
const FOLD_SPEAKERS = 1000;

/** FoldingWindow asked for a window that was not read ahead: it is read, and the fold asked again. */
class WindowMissing extends Error {
  constructor(readonly pair: string) {
    super(`folding window ${pair} not read ahead`);
  }
}

const pairOf = (speakerId: number, kind: QuoteKind) => `${speakerId}:${kind}`;
const tripleOf = (speakerId: number | null, kind: QuoteKind, key: string) => `${speakerId ?? ''}\u0000${kind}\u0000${key}`;

interface Quotation {
  speakerId: number | null;
  kind: QuoteKind;
  key: string;
}

export class IndexWriter {
  /** This writer, as index_state records the last one to write. */
  readonly id = randomUUID();
  private generation: number | null = null;
  private readonly directory: SpeakerDirectory;
  private readonly folding: FoldingWindow;
  /** The stored speakers read ahead for the directory; null once it has them. */
  private speakerRows: KnownSpeaker[] | null = null;
  private directoryLoaded = false;
  /** Windows read ahead, by "speaker:kind", until FoldingWindow takes them. */
  private readonly windows = new Map<string, RecentQuote[]>();
  /** The windows FoldingWindow holds, least recently used first (as it keeps them): these need no reading ahead. */
  private readonly held = new Map<string, true>();
  /** Write transactions run one at a time: memory follows one batch at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly sql: Sql) {
    this.directory = new SpeakerDirectory(() => {
      const rows = this.speakerRows;
      if (!rows) throw new Error('the stored speakers were not read ahead');
      this.speakerRows = null;
      return rows;
    });
    this.folding = new FoldingWindow((speakerId, kind) => {
      const pair = pairOf(speakerId, kind);
      const w = this.windows.get(pair);
      if (!w) throw new WindowMissing(pair);
      this.windows.delete(pair);
      return w;
    });
  }

  /** Adds each article, replacing what its file held before: one transaction. */
  putArticles(articles: ExtractedArticle[]): Promise<void> {
    return this.write(async (tx, rows, tally) => {
      const files = await tx.query<{ file: string; id: number }>('SELECT file, id FROM articles WHERE file = ANY($1::text[])', [articles.map((a) => a.file)]);
      const batch = new Batch(this, tx, rows, tally, new Map(files.map((f) => [f.file, f.id])));
      await batch.write(articles);
    });
  }

  removeArticle(file: string): Promise<void> {
    return this.write(async (tx, rows, tally) => {
      const old = (await tx.query<{ id: number }>('SELECT id FROM articles WHERE file = $1', [file]))[0];
      if (old) await new Batch(this, tx, rows, tally, new Map()).deleteArticle(old.id);
    });
  }

  /**
   * One write transaction. It starts by taking index_state (writers wait for each other there); when another writer
   * wrote last, what memory holds of speakers and recent quotes is forgotten: SQLite's data_version check. The
   * ingest lock keeps other processes from writing meanwhile, but a store that writes without claiming it (a
   * one-shot command, a test) is caught here too. A failed write forgets memory as well: it may hold rows rolled back.
   */
  private write(f: (tx: Sql, rows: PendingRows, tally: Tally) => Promise<void>): Promise<void> {
    const run = async () => {
      try {
        const generation = await this.sql.transaction(async (tx) => {
          const state = (await tx.query<IndexState>('SELECT * FROM index_state FOR UPDATE'))[0]!;
          if (state.writer !== this.id || state.generation !== this.generation) this.forget();
          const rows = new PendingRows(state);
          const tally = new Tally();
          await f(tx, rows, tally);
          await rows.flush(tx);
          if (await writeCounts(tx, tally)) this.forgetSpeakers();
          await writeTermCounts(tx, rows.terms);
          await rows.save(tx, this.id);
          return state.generation + 1;
        });
        this.generation = generation;
      } catch (err) {
        this.forget();
        throw err;
      } finally {
        this.windows.clear();
      }
    };
    const done = this.queue.then(run, run);
    this.queue = done.catch(() => undefined);
    return done;
  }

  /** Drops what memory holds of stored speakers and quotes; read again when next needed. */
  forget(): void {
    this.generation = null;
    this.forgetSpeakers();
    this.forgetWindows();
  }

  private forgetSpeakers(): void {
    this.directory.reset();
    this.directoryLoaded = false;
    this.speakerRows = null;
  }

  forgetWindows(): void {
    this.folding.clear();
    this.held.clear();
    this.windows.clear();
  }

  /** The directory, its speakers read first when it has none. */
  async speakerDirectory(tx: Sql): Promise<SpeakerDirectory> {
    if (!this.directoryLoaded) {
      this.speakerRows = await tx.query<KnownSpeaker>('SELECT id, kind, key, surname FROM speakers ORDER BY id');
      this.directory.reset();
      this.directoryLoaded = true;
    }
    return this.directory;
  }

  /** Reads ahead the windows of these speakers that FoldingWindow does not hold. */
  async readWindows(tx: Sql, pairs: Iterable<string>): Promise<void> {
    const wanted = [...new Set(pairs)].filter((p) => !this.held.has(p) && !this.windows.has(p));
    if (wanted.length === 0) return;
    const split = wanted.map((p) => p.split(':'));
    const rows = await tx.query<{ sid: number; kind: string; quote_id: number; key: string }>(
      `SELECT u.sid, u.kind, c.quote_id, c.key FROM unnest($1::bigint[], $2::text[]) u(sid, kind)
       CROSS JOIN LATERAL (SELECT id, quote_id, key FROM citations WHERE speaker_id = u.sid AND kind = u.kind ORDER BY id DESC LIMIT ${FOLD_WINDOW}) c
       ORDER BY u.sid, u.kind, c.id`,
      [split.map(([s]) => Number(s)), split.map(([, k]) => k)],
    );
    for (const p of wanted) this.windows.set(p, []);
    for (const r of rows) this.windows.get(`${r.sid}:${r.kind}`)!.push({ quoteId: r.quote_id, key: r.key });
  }

  /** FoldingWindow's answer (the quotes these words belong to), reading a window it asks for that was not read ahead. */
  async fold(tx: Sql, rows: PendingRows, speakerId: number | null, kind: QuoteKind, key: string, exact: number[]): Promise<number[]> {
    for (;;) {
      try {
        const found = this.folding.fold(speakerId, kind, key, exact);
        if (speakerId !== null && kind !== 'reported') this.touch(pairOf(speakerId, kind));
        return found;
      } catch (err) {
        if (!(err instanceof WindowMissing)) throw err;
        // FoldingWindow let this window go: read it, with the rows held so far.
        this.held.delete(err.pair);
        await rows.flush(tx);
        await this.readWindows(tx, [err.pair]);
      }
    }
  }

  record(speakerId: number | null, kind: QuoteKind, quoteId: number, key: string): void {
    this.folding.record(speakerId, kind, quoteId, key);
  }

  merged(speakerId: number | null, kind: QuoteKind, from: number, into: number): void {
    this.folding.merged(speakerId, kind, from, into);
  }

  /** FoldingWindow now holds this window (most recently used), and any copy read ahead is stale. */
  private touch(pair: string): void {
    this.windows.delete(pair);
    if (this.held.delete(pair)) {
      this.held.set(pair, true);
      return;
    }
    if (this.held.size >= FOLD_SPEAKERS) this.held.delete(this.held.keys().next().value!);
    this.held.set(pair, true);
  }
}

/** One transaction's articles, written in order as the SQLite store writes them. */
class Batch {
  /** Quotes with exactly the words of a quotation still to write, as stored when read ahead. */
  private exact = new Map<string, number[]>();
  /** Quotes cited with those words since. */
  private since = new Map<string, Set<number>>();
  private directory!: SpeakerDirectory;

  constructor(
    private readonly writer: IndexWriter,
    private readonly tx: Sql,
    private readonly rows: PendingRows,
    private readonly tally: Tally,
    /** The article id of each file stored or written so far. */
    private readonly files: Map<string, number>,
  ) {}

  async write(articles: ExtractedArticle[]): Promise<void> {
    this.directory = await this.writer.speakerDirectory(this.tx);
    // Speakers first: who an article's speaker is depends only on the speakers before it, never on quotes.
    const speakerIds = articles.map((a) => a.speakers.map((s) => this.speakerId(s)));
    const quotations = articles.map((a, i) => a.quotes.map((q) => ({
      speakerId: q.speakerRef === null ? null : speakerIds[i]![q.speakerRef]!,
      kind: q.kind,
      key: matchKey(q.text),
    })));
    await this.readAhead(quotations.flat());
    for (let i = 0; i < articles.length; i++) {
      const a = articles[i]!;
      const old = this.files.get(a.file);
      if (old !== undefined) {
        await this.deleteArticle(old);
        await this.readAhead(quotations.slice(i).flat());
      }
      this.writeArticle(a, speakerIds[i]!);
      await this.writeQuotes(a, quotations[i]!);
    }
  }

  /** The corpus-wide speaker an article's speaker is (the directory decides), added or renamed here as it says. */
  private speakerId(s: FoundSpeaker): number {
    const found = this.directory.match(s);
    if (found?.rename) this.rows.rename(found.id, s.name, s.key);
    if (found) return found.id;
    const id = this.rows.speaker(s);
    this.directory.add({ id, kind: s.kind, key: s.key, surname: s.surname });
    return id;
  }

  /** Reads the stored quotes with exactly these words, and the folding windows FoldingWindow will ask for. */
  private async readAhead(quotations: Quotation[]): Promise<void> {
    await this.rows.flush(this.tx);
    this.exact = new Map();
    this.since = new Map();
    const named = quotations.filter((q) => q.speakerId !== null);
    const unnamed = quotations.filter((q) => q.speakerId === null);
    const found = await this.tx.query<{ speaker_id: number | null; kind: QuoteKind; key: string; quote_id: number }>(
      `SELECT c.speaker_id, c.kind, c.key, c.quote_id FROM citations c
       JOIN unnest($1::bigint[], $2::text[], $3::text[]) u(sid, kind, key)
         ON c.speaker_id = u.sid AND c.kind = u.kind AND hashtextextended(c.key, 0) = hashtextextended(u.key, 0) AND c.key = u.key
       UNION ALL
       SELECT c.speaker_id, c.kind, c.key, c.quote_id FROM citations c
       JOIN unnest($4::text[], $5::text[]) u(kind, key)
         ON c.speaker_id IS NULL AND c.kind = u.kind AND hashtextextended(c.key, 0) = hashtextextended(u.key, 0) AND c.key = u.key`,
      [named.map((q) => q.speakerId), named.map((q) => q.kind), named.map((q) => q.key), unnamed.map((q) => q.kind), unnamed.map((q) => q.key)],
    );
    // A quotation repeated in the batch joins its stored citations once per repeat: duplicates change nothing.
    for (const r of found) {
      const t = tripleOf(r.speaker_id, r.kind, r.key);
      const list = this.exact.get(t) ?? [];
      list.push(r.quote_id);
      this.exact.set(t, list);
    }
    await this.writer.readWindows(this.tx, named.filter((q) => q.kind !== 'reported').map((q) => pairOf(q.speakerId!, q.kind)));
  }

  private writeArticle(a: ExtractedArticle, speakerIds: number[]): void {
    const names = articleNames(a, speakerIds);
    const articleId = this.rows.article([
      a.file, a.hash, a.size, a.mtimeMs, a.title, a.outlet, a.author, a.date, a.url, a.country, JSON.stringify(a.comments), namesJson(names), a.extractor ?? '',
      new Date().toISOString(),
    ]);
    this.files.set(a.file, articleId);
    a.paragraphs.forEach((p, i) => {
      const { words, vector, lexemes } = ftsVector(p.text);
      this.rows.paragraph(articleId, i, p.heading, p.text, words, vector);
      this.rows.countTerms(TERM_INDEX.passages, lexemes);
    });
    tallyAdded(this.tally, names, a.country);
  }

  private async writeQuotes(a: ExtractedArticle, quotations: Quotation[]): Promise<void> {
    const articleId = this.files.get(a.file)!;
    const counted = new Set<number>();
    const quoting = new Set<number>();
    for (let i = 0; i < a.quotes.length; i++) {
      const q = a.quotes[i]!;
      // null: an unattributed quotation. It is stored and searchable, but no speaker's count or answer has it.
      const { speakerId, kind, key } = quotations[i]!;
      const sieve = q.sieve ?? (speakerId === null ? 'none' : 'unknown');
      const { quoteId, created } = await this.quoteFor(speakerId, kind, key, a.date);
      const context = q.context ? (a.paragraphs[q.paragraph]?.text ?? '').slice(q.context.start, q.context.end) : '';
      const inText = ftsVector(q.text);
      const inContext = ftsVector(context);
      // The row's length as FTS5 counts it: its text, the speaker token, its context.
      const ntok = inText.words + 1 + inContext.words;
      this.rows.citation([quoteId, articleId, speakerId, sieve, kind, q.verb, q.via, q.text, key, q.paragraph, q.start, context, ntok, inText.vector, inContext.vector], ntok);
      this.rows.countTerms(TERM_INDEX.text, inText.lexemes);
      this.rows.countTerms(TERM_INDEX.textOrContext, new Set([...inText.lexemes, ...inContext.lexemes]));
      const t = tripleOf(speakerId, kind, key);
      this.since.set(t, (this.since.get(t) ?? new Set()).add(quoteId));
      if (created && speakerId !== null) this.tally.speaker(speakerId, 'quotes', 1);
      // One more article carries this quote (counted once, however many times the article prints it).
      if (created) counted.add(quoteId); // written with this article counted
      if (!counted.has(quoteId)) {
        counted.add(quoteId);
        this.rows.countQuote(quoteId, a.date);
      }
      if (speakerId !== null && !quoting.has(speakerId)) {
        quoting.add(speakerId);
        this.tally.speaker(speakerId, 'quotedIn', 1);
      }
    }
  }

  /** The quote these words belong to (the folding window decides); a new quote, or several merged into the oldest. */
  private async quoteFor(speakerId: number | null, kind: QuoteKind, key: string, date: string | null): Promise<{ quoteId: number; created: boolean }> {
    const t = tripleOf(speakerId, kind, key);
    const exact = [...(this.exact.get(t) ?? []), ...(this.since.get(t) ?? [])];
    const [keep, ...merge] = await this.writer.fold(this.tx, this.rows, speakerId, kind, key, exact);
    let quoteId: number;
    let created = false;
    if (keep === undefined) {
      quoteId = this.rows.quote(speakerId, kind, date);
      created = true;
    } else {
      quoteId = keep;
      if (merge.length) {
        await this.rows.flush(this.tx);
        await this.tx.query('UPDATE citations SET quote_id = $1 WHERE quote_id = ANY($2::bigint[])', [keep, merge]);
        await this.tx.query('DELETE FROM quotes WHERE id = ANY($1::bigint[])', [merge]);
        for (const id of merge) {
          if (speakerId !== null) this.tally.speaker(speakerId, 'quotes', -1);
          this.writer.merged(speakerId, kind, id, keep);
        }
        this.remap(new Set(merge), keep);
        await this.refreshQuotes([keep]);
      }
    }
    this.writer.record(speakerId, kind, quoteId, key);
    return { quoteId, created };
  }

  /** Citations of merged quotes now cite the quote kept: so do the words read ahead. */
  private remap(from: Set<number>, into: number): void {
    for (const [t, ids] of this.exact) if (ids.some((id) => from.has(id))) this.exact.set(t, ids.map((id) => (from.has(id) ? into : id)));
    for (const [t, ids] of this.since) {
      if ([...ids].some((id) => from.has(id))) this.since.set(t, new Set([...ids].map((id) => (from.has(id) ? into : id))));
    }
  }

  /** Removes an article, taking back what it added to its speakers' and quotes' counts. */
  async deleteArticle(articleId: number): Promise<void> {
    await this.rows.flush(this.tx);
    const cites = await this.tx.query<{ quote_id: number; speaker_id: number | null; ntok: number }>(
      'SELECT quote_id, speaker_id, ntok FROM citations WHERE article_id = $1 ORDER BY id',
      [articleId],
    );
    const passages = (await this.tx.query<{ n: number; tokens: number | null }>('SELECT count(*) AS n, sum(ntok) AS tokens FROM paragraphs WHERE article_id = $1', [articleId]))[0]!;
    const row = (await this.tx.query<{ country: string | null; speakers: string; file: string }>('SELECT country, speakers, file FROM articles WHERE id = $1', [articleId]))[0]!;
    tallyRemoved(this.tally, row, cites.map((c) => c.speaker_id));
    // The words its rows held, one row fewer each: what they were indexed with, read back from their tsvectors (less
    // the id buckets, which are not counted).
    const words = await this.tx.query<{ ix: number; term: string; n: number }>(
      `SELECT ${TERM_INDEX.text} AS ix, w AS term, count(*) AS n FROM citations, unnest(tsvector_to_array(text_words)) w WHERE article_id = $1 AND w NOT LIKE '~%' GROUP BY w
       UNION ALL
       SELECT ${TERM_INDEX.textOrContext}, w, count(*) FROM citations, unnest(tsvector_to_array(text_words || context_words)) w WHERE article_id = $1 AND w NOT LIKE '~%' GROUP BY w
       UNION ALL
       SELECT ${TERM_INDEX.passages}, w, count(*) FROM paragraphs, unnest(tsvector_to_array(words)) w WHERE article_id = $1 AND w NOT LIKE '~%' GROUP BY w`,
      [articleId],
    );
    for (const w of words) this.rows.countTerms(w.ix, [w.term], -w.n);
    await this.tx.query('DELETE FROM citations WHERE article_id = $1', [articleId]);
    await this.tx.query('DELETE FROM paragraphs WHERE article_id = $1', [articleId]);
    await this.tx.query('DELETE FROM articles WHERE id = $1', [articleId]);
    const totals = this.rows.totals;
    totals.articles--;
    totals.citationRows -= cites.length;
    totals.citationTokens -= cites.reduce((n, c) => n + c.ntok, 0);
    totals.passageRows -= passages.n;
    totals.passageTokens -= passages.tokens ?? 0;
    this.files.delete(row.file);
    for (const gone of await this.refreshQuotes([...new Set(cites.map((c) => c.quote_id))])) {
      if (gone.speaker_id !== null) this.tally.speaker(gone.speaker_id, 'quotes', -1);
    }
    this.writer.forgetWindows();
  }

  /** Recounts each quote's articles and latest date; drops (and returns) quotes no article carries. */
  private async refreshQuotes(ids: number[]): Promise<{ id: number; speaker_id: number | null }[]> {
    if (ids.length === 0) return [];
    await this.tx.query(
      `UPDATE quotes q SET
         articles = (SELECT count(DISTINCT c.article_id) FROM citations c WHERE c.quote_id = q.id),
         latest = (SELECT max(a.date) FROM citations c JOIN articles a ON a.id = c.article_id WHERE c.quote_id = q.id)
       WHERE q.id = ANY($1::bigint[])`,
      [ids],
    );
    return this.tx.query('DELETE FROM quotes WHERE id = ANY($1::bigint[]) AND articles = 0 RETURNING id, speaker_id', [ids]);
  }
}
