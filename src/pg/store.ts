// The Store on PostgreSQL (a server through `pg`, or PGlite in process): the same answers as the SQLite store
// (sqlite-store.ts) through the same port. Index tables: index-schema.ts; writing: index-writer.ts; text queries:
// ranked.ts; the ingest lock: ingest-lock.ts. The Sql belongs to whoever opened it (the storage), who closes it.
import type { Source } from '../types.ts';
import type { Sql } from './client.ts';
import { MAX_ALIASES, MAX_KEYS } from '../store/store.ts';
import type {
  CitationRow, DigestArticleRow, DigestFilter, FileStamp, FileState, IngestHolder, PassageRow, QuoteCitations, QuotePage, SpeakerKeys, SpeakerRow, Store, TextQuery, WordScope,
} from '../store/store.ts';
import type { ExtractedArticle } from '../types.ts';
import { KEYS_PER_QUOTE, MAX_NAMED, RARE_ROLE, STAMPS_PAGE } from '../store/shared-index.ts';
import { openIndex } from './index-schema.ts';
import { IndexWriter } from './index-writer.ts';
import { IngestLock } from './ingest-lock.ts';
import { ftsPhrases } from './fts-search.ts';
import { rankedPassages, rankedQuoteIds } from './ranked.ts';

const ARTICLE_REF = 'a.id AS "articleId", a.file, a.outlet, a.title, a.date, a.url';

export class PgStore implements Store {
  private readonly writer: IndexWriter;
  private readonly lock: IngestLock;
  /** Speakers asked for in this turn of the event loop, read together at its end. */
  private wanted: { ids: Map<number, ((s: SpeakerRow | null) => void)[]>; failed: ((err: unknown) => void)[] } | null = null;

  private constructor(private readonly sql: Sql) {
    this.writer = new IndexWriter(sql);
    this.lock = new IngestLock(sql);
  }

  /** Opens the index in `sql`'s database (its search path's first schema), creating or rebuilding its tables. */
  static async open(sql: Sql): Promise<PgStore> {
    await openIndex(sql);
    return new PgStore(sql);
  }

  async getMeta(key: string): Promise<string | null> {
    return (await this.sql.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]))[0]?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.sql.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  /**
   * Memory needs no reset here, though another process may have written while this one did not hold the lock: the
   * first write after taking it finds another writer recorded in index_state and forgets what memory holds of
   * speakers and recent quotes (index-writer.ts), as a failed write does.
   */
  claimIngest(holder: IngestHolder): Promise<IngestHolder | null> {
    return this.lock.claim(holder);
  }

  releaseIngest(holder: IngestHolder): Promise<void> {
    return this.lock.release(holder);
  }

  async fileStamps(): Promise<FileStamp[]> {
    // In pages by file name (the order of articles_files), with a turn of the event loop between them.
    const stamps: FileStamp[] = [];
    for (let after = ''; ; ) {
      const rows = await this.sql.query<{ file: string; size: number; mtime_ms: number; extractor: string }>(
        `SELECT file, size, mtime_ms, extractor FROM articles WHERE file > $1 ORDER BY file LIMIT ${STAMPS_PAGE}`,
        [after],
      );
      for (const r of rows) stamps.push({ file: r.file, size: r.size, mtimeMs: r.mtime_ms, extractor: r.extractor });
      if (rows.length < STAMPS_PAGE) return stamps;
      after = rows[rows.length - 1]!.file;
    }
  }

  async fileHash(file: string): Promise<string | null> {
    return (await this.sql.query<{ hash: string }>('SELECT hash FROM articles WHERE file = $1', [file]))[0]?.hash ?? null;
  }

  putArticles(articles: ExtractedArticle[]): Promise<void> {
    return this.writer.putArticles(articles);
  }

  async touchFile(s: FileState): Promise<void> {
    await this.sql.query('UPDATE articles SET size = $1, mtime_ms = $2 WHERE file = $3 AND hash = $4', [s.size, s.mtimeMs, s.file, s.hash]);
  }

  removeArticle(file: string): Promise<void> {
    return this.writer.removeArticle(file);
  }

  async articleCount(): Promise<number> {
    // Kept by the writers: counting 100,000 rows on every answer would cost milliseconds.
    return (await this.sql.query<{ articles: number }>('SELECT articles FROM index_state'))[0]!.articles;
  }

  async sources(limit: number): Promise<{ total: number; sources: Source[] }> {
    const sources = await this.sql.query<Source>(
      `SELECT a.file, a.title, a.outlet, a.author, a.date, a.url,
              (SELECT count(DISTINCT quote_id) FROM citations c WHERE c.article_id = a.id) AS quotes,
              json_array_length(a.comments::json) AS comments
       FROM articles a ORDER BY a.date DESC NULLS LAST, a.id DESC ${limitClause(limit)}`,
    );
    return { total: await this.articleCount(), sources };
  }

  async speakers(limit = -1): Promise<SpeakerRow[]> {
    const ids = await this.sql.query<{ id: number }>(`SELECT id FROM speakers WHERE quotes > 0 ORDER BY quotes DESC, name, id ${limitClause(limit)}`);
    return this.speakerRows(ids.map((r) => r.id));
  }

  async speakerTotals(): Promise<{ speakers: number; quotes: number; topPerson: string | null }> {
    const [t] = await this.sql.query<{ speakers: number; quotes: number; top: string | null }>(
      `SELECT count(*) AS speakers, coalesce(sum(quotes), 0) AS quotes,
              (SELECT name FROM speakers WHERE kind = 'person' AND quotes > 0 ORDER BY quotes DESC, name, id LIMIT 1) AS top
       FROM speakers WHERE quotes > 0`,
    );
    return { speakers: t!.speakers, quotes: Number(t!.quotes), topPerson: t!.top };
  }

  /**
   * One speaker; those asked for in the same turn of the event loop (a digest asks for a story's people at once) are
   * read in one query: a round trip to the server costs more than the rows.
   */
  speaker(id: number): Promise<SpeakerRow | null> {
    if (!this.wanted) {
      const wanted = new Map<number, ((s: SpeakerRow | null) => void)[]>();
      const failed: ((err: unknown) => void)[] = [];
      this.wanted = { ids: wanted, failed };
      setImmediate(() => {
        this.wanted = null;
        this.speakerRows([...wanted.keys()]).then(
          (rows) => {
            const byId = new Map(rows.map((r) => [r.id, r]));
            for (const [sid, waiting] of wanted) for (const resolve of waiting) resolve(byId.get(sid) ?? null);
          },
          (err) => failed.forEach((reject) => reject(err)),
        );
      });
    }
    const { ids, failed } = this.wanted;
    return new Promise((resolve, reject) => {
      ids.set(id, [...(ids.get(id) ?? []), resolve]);
      failed.push(reject);
    });
  }

  /** Speakers with their most used names, in the order of `ids`. */
  private async speakerRows(ids: number[]): Promise<SpeakerRow[]> {
    if (ids.length === 0) return [];
    return this.sql.query<SpeakerRow>(
      `SELECT s.id, s.name, s.kind, s.role, s.quotes, s.quoted_in AS articles, s.mentions,
              ARRAY(SELECT name FROM speaker_keys WHERE speaker_id = s.id AND is_role = 0 ORDER BY articles DESC, name LIMIT ${MAX_ALIASES}) AS aliases
       FROM unnest($1::bigint[]) WITH ORDINALITY u(id, o) JOIN speakers s ON s.id = u.id ORDER BY u.o`,
      [ids],
    );
  }

  async speakersNamed(key: string, options: { roles?: boolean; orgKey?: string } = {}): Promise<number[]> {
    // The most quoted first, and no more than a question can use: "minister" is the role of hundreds.
    // The organisation (with orgKey) comes after the named, as a Set keeps them.
    const rows = await this.sql.query<{ id: number }>(
      `(SELECT s.id FROM speakers s WHERE s.id IN (SELECT speaker_id FROM speaker_keys WHERE key = $1${options.roles ? '' : ' AND is_role = 0'})
        ORDER BY s.quotes DESC, s.mentions DESC, s.id LIMIT ${MAX_NAMED})
       ${options.orgKey ? "UNION ALL (SELECT id FROM speakers WHERE kind = 'organisation' AND key = $2)" : ''}`,
      options.orgKey ? [key, options.orgKey] : [key],
    );
    return [...new Set(rows.map((r) => r.id))];
  }

  async speakersWithWords(groups: string[][], scope: WordScope, limit: number, prefer: string[] = []): Promise<number[]> {
    if (groups.length === 0 || groups.some((g) => g.length === 0)) return [];
    const role = scope === 'names' ? ' AND is_role = 0' : '';
    const lists = groups.map((g) => [...new Set(g)]);
    // Index lookups only: the group fewest speakers have drives, each other group is checked per speaker by its
    // primary key (word, speaker_id), so a rare word ("nvidia") never costs what a common one ("minister") would.
    const sizes = await this.sql.query<Record<string, number>>(
      `SELECT ${lists.map((_, i) => `(SELECT count(*) FROM speaker_words WHERE word = ANY($${i + 1}::text[])${role}) AS n${i}`).join(', ')}`,
      lists,
    );
    const order = lists.map((l, i) => ({ l, n: sizes[0]![`n${i}`]! })).sort((a, b) => a.n - b.n);
    if (order[0]!.n === 0) return [];
    const others = order
      .slice(1)
      .map((_, i) => `AND EXISTS (SELECT 1 FROM speaker_words w WHERE w.word = ANY($${i + 3}::text[]) AND w.speaker_id = s.id${role.replace('is_role', 'w.is_role')})`)
      .join(' ');
    // Those with a preferred word (the question's country) first, then the most quoted: a limit drops the least
    // likely, not the speakers a question most likely means.
    const rows = await this.sql.query<{ id: number }>(
      `WITH m AS MATERIALIZED (SELECT DISTINCT speaker_id FROM speaker_words WHERE word = ANY($1::text[])${role}),
            p AS MATERIALIZED (SELECT DISTINCT speaker_id FROM speaker_words WHERE word = ANY($2::text[]))
       SELECT s.id FROM m JOIN speakers s ON s.id = m.speaker_id LEFT JOIN p ON p.speaker_id = s.id
       WHERE true ${others}
       ORDER BY p.speaker_id IS NULL, s.quotes DESC, s.mentions DESC, s.id
       ${limitClause(limit)}`,
      [order[0]!.l, prefer, ...order.slice(1).map((o) => o.l)],
    );
    return rows.map((r) => r.id);
  }

  async speakerKeys(ids: number[]): Promise<SpeakerKeys[]> {
    if (ids.length === 0) return [];
    // Each speaker's most used keys, read from the index in that order: bounded however often they were reported.
    // A role fewer than one in a hundred of a much-reported speaker's articles give is a misread sentence ("Trump
    // and European Central Bank President Christine Lagarde"), not a title a question should find them by (the bound
    // computed in float8, as JavaScript computes it for SQLite).
    return this.sql.query<SpeakerKeys>(
      `SELECT s.id, s.kind, s.quotes, s.mentions,
              ARRAY(SELECT key FROM speaker_keys WHERE speaker_id = s.id AND is_role = 0 ORDER BY articles DESC, key LIMIT ${MAX_KEYS}) AS names,
              ARRAY(SELECT key FROM (SELECT key, articles FROM speaker_keys WHERE speaker_id = s.id AND is_role = 1 ORDER BY articles DESC, key LIMIT ${MAX_KEYS}) r
                    WHERE r.articles >= ceil(s.mentions * $2::float8) ORDER BY r.articles DESC, r.key) AS roles,
              ARRAY(SELECT country FROM speaker_countries WHERE speaker_id = s.id ORDER BY country) AS homes
       FROM unnest($1::bigint[]) WITH ORDINALITY u(id, o) JOIN speakers s ON s.id = u.id ORDER BY u.o`,
      [ids, RARE_ROLE],
    );
  }

  async quoteIds(filter: { speakerId?: number; text?: TextQuery; exclude?: number[] }, page: { limit: number; offset: number }): Promise<QuotePage> {
    const { speakerId, text } = filter;
    if (!text) {
      if (speakerId === undefined) throw new Error('quoteIds needs a speaker or a text query');
      const all = (await this.sql.query<{ quotes: number }>('SELECT quotes FROM speakers WHERE id = $1', [speakerId]))[0]?.quotes as number;
      const exclude = filter.exclude ?? [];
      const ids = await this.sql.query<{ id: number }>(
        `SELECT id FROM quotes WHERE speaker_id = $1${exclude.length ? ' AND id <> ALL($2::bigint[])' : ''}
         ORDER BY kind_rank, articles DESC, latest DESC NULLS LAST, id ${limitClause(page.limit)} ${offsetClause(page.offset)}`,
        exclude.length ? [speakerId, exclude] : [speakerId],
      );
      return { ids: ids.map((r) => r.id), total: exclude.length ? Math.max(0, all - exclude.length) : all };
    }
    const q = ftsPhrases(text);
    if (!q) return { ids: [], total: 0 };
    const ranked = await rankedQuoteIds(this.sql, q, speakerId);
    return { ids: ranked.slice(page.offset, page.offset + page.limit), total: ranked.length };
  }

  async quoteKeys(ids: number[]): Promise<Map<number, { attributed: boolean; keys: string[] }>> {
    const unique = [...new Set(ids)];
    const out = new Map<number, { attributed: boolean; keys: string[] }>();
    if (unique.length === 0) return out;
    // The wordings of each quote's latest citations: a wire quote carried by thousands has a handful of wordings.
    const rows = await this.sql.query<{ id: number; attributed: boolean; key: string | null }>(
      `SELECT q.id, q.speaker_id IS NOT NULL AS attributed, c.key FROM unnest($1::bigint[]) WITH ORDINALITY u(id, o) JOIN quotes q ON q.id = u.id
       LEFT JOIN LATERAL (SELECT id, key FROM citations WHERE quote_id = q.id ORDER BY id DESC LIMIT ${KEYS_PER_QUOTE}) c ON true
       ORDER BY u.o, c.id DESC`,
      [unique],
    );
    for (const r of rows) {
      const entry = out.get(r.id) ?? { attributed: r.attributed, keys: [] };
      if (r.key !== null && !entry.keys.includes(r.key)) entry.keys.push(r.key);
      out.set(r.id, entry);
    }
    return out;
  }

  async citations(quoteIds: number[], perQuote: number): Promise<Map<number, QuoteCitations>> {
    const unique = [...new Set(quoteIds)];
    const out = new Map<number, QuoteCitations>();
    if (unique.length === 0) return out;
    // Only each quote's latest citations, through its index: a wire quote may be carried by thousands.
    const rows = await this.sql.query<CitationRow & { articles: number }>(
      `SELECT c.quote_id AS "quoteId", c.speaker_id AS "speakerId", c.sieve, c.kind, c.verb, c.via, c.text, ${ARTICLE_REF}, q.articles
       FROM unnest($1::bigint[]) WITH ORDINALITY u(id, o) JOIN quotes q ON q.id = u.id
       CROSS JOIN LATERAL (
         SELECT id, quote_id, speaker_id, sieve, kind, verb, via, text, article_id FROM citations WHERE quote_id = q.id ORDER BY id DESC ${limitClause(perQuote)}
       ) c
       JOIN articles a ON a.id = c.article_id
       ORDER BY u.o, a.date IS NULL, a.date, a.file, c.id DESC`,
      [unique],
    );
    for (const { articles, ...row } of rows) {
      const entry = out.get(row.quoteId) ?? { rows: [], articles };
      entry.rows.push(row);
      out.set(row.quoteId, entry);
    }
    return out;
  }

  async passages(query: TextQuery, limit: number): Promise<PassageRow[]> {
    const q = ftsPhrases(query);
    return q ? rankedPassages(this.sql, q, limit) : [];
  }

  async latestNewsDay(): Promise<string | null> {
    return (await this.sql.query<{ day: string | null }>('SELECT max(date) AS day FROM articles'))[0]?.day ?? null;
  }

  async latestArticleId(): Promise<number> {
    return (await this.sql.query<{ id: number | null }>('SELECT max(id) AS id FROM articles'))[0]?.id ?? 0;
  }

  async digestArticles(filter: DigestFilter, limit: number): Promise<DigestArticleRow[]> {
    const base = 'SELECT a.id AS "articleId", a.file, a.outlet, a.title, a.date, a.url, a.indexed_at AS "indexedAt" FROM articles a';
    const rows =
      'date' in filter
        ? await this.sql.query<Omit<DigestArticleRow, 'paragraphs' | 'quoteIds' | 'attributedQuoteIds' | 'speakerIds'>>(
            `${base} WHERE a.date = $1 OR ($2 AND a.date IS NULL) ORDER BY a.id ${limitClause(limit)}`,
            [filter.date, filter.includeUndated],
          )
        : await this.sql.query<Omit<DigestArticleRow, 'paragraphs' | 'quoteIds' | 'attributedQuoteIds' | 'speakerIds'>>(
            `${base} WHERE a.id > $1 ORDER BY a.id ${limitClause(limit)}`,
            [filter.afterArticleId],
          );
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.articleId);
    const paragraphs = await this.sql.query<{ article_id: number; text: string }>(
      'SELECT article_id, text FROM paragraphs WHERE article_id = ANY($1::bigint[]) AND heading = 0 ORDER BY article_id, idx',
      [ids],
    );
    // Each article's quotes in the order it cites them.
    const cites = await this.sql.query<{ article_id: number; quote_id: number; speaker_id: number | null }>(
      'SELECT article_id, quote_id, speaker_id FROM citations WHERE article_id = ANY($1::bigint[]) ORDER BY article_id, id',
      [ids],
    );
    const texts = group(paragraphs, (p) => p.article_id);
    const quoted = group(cites, (c) => c.article_id);
    return rows.map((r) => {
      const c = quoted.get(r.articleId) ?? [];
      const named = c.filter((x) => x.speaker_id !== null);
      return {
        ...r,
        paragraphs: (texts.get(r.articleId) ?? []).map((p) => p.text),
        quoteIds: [...new Set(c.map((x) => x.quote_id))],
        attributedQuoteIds: [...new Set(named.map((x) => x.quote_id))],
        speakerIds: [...new Set(named.map((x) => x.speaker_id!))],
      };
    });
  }

  async articleText(file: string): Promise<string | null> {
    const rows = await this.sql.query<{ text: string }>('SELECT p.text FROM paragraphs p JOIN articles a ON a.id = p.article_id WHERE a.file = $1 ORDER BY p.idx', [file]);
    return rows.length ? rows.map((r) => r.text).join('\n\n') : null;
  }

  /** Gives up the ingest lock and its connection; the Sql stays open for its owner to close. */
  async close(): Promise<void> {
    await this.lock.drop();
  }
}

/** SQLite's LIMIT: a negative one is none. Written as a number (never text from outside). */
function limitClause(limit: number): string {
  return limit < 0 ? '' : `LIMIT ${integer(limit)}`;
}

/** SQLite's OFFSET: a negative one is none. */
function offsetClause(offset: number): string {
  return offset > 0 ? `OFFSET ${integer(offset)}` : '';
}

function integer(n: number): number {
  if (!Number.isFinite(n)) throw new Error(`not a number of rows: ${n}`);
  return Math.floor(n);
}

function group<T>(rows: T[], by: (r: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(by(r));
    if (list) list.push(r);
    else out.set(by(r), [r]);
  }
  return out;
}
