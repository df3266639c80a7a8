// The Store on SQLite (better-sqlite3). Synchronous underneath; async at the interface so other stores fit.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ExtractedArticle, FoundSpeaker, QuoteKind, SpeakerKind, Source } from '../types.ts';
import { matchKey, nameKey } from '../text/normalize.ts';
import { SCHEMA, SCHEMA_VERSION } from './schema.ts';
import type { CitationRow, FileState, PassageRow, QuotePage, SpeakerRow, Store, TextQuery } from './store.ts';

const KIND_RANK: Record<QuoteKind, number> = { direct: 0, statement: 1, reported: 2 };
/** The shorter of two texts must be this long (letters and digits) before it folds into the longer one. */
const MIN_FOLD_KEY = 12;
/** How many of a speaker's latest citations a new quote is compared with, to fold excerpts into one quote. */
const FOLD_WINDOW = 500;
/** Full-text hits considered per query: enough to rank a speaker's quotes, bounded so a common word stays fast. */
const MAX_HITS = 2000;

export class SqliteStore implements Store {
  readonly db: Database.Database;
  private nameKeyCache: { key: string; speakerId: number }[] | null = null;

  private readonly statements = new Map<string, Database.Statement>();

  /** A prepared statement, prepared once per SQL text. */
  private sql(text: string): Database.Statement {
    let st = this.statements.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
    // One transaction for a whole batch: a sync of thousands of files commits a few times, not thousands.
    this.writeArticles = this.db.transaction((articles: ExtractedArticle[]) => {
      for (const a of articles) this.writeArticle(a);
    });
    this.removeFile = this.db.transaction((file: string) => {
      const old = this.sql('SELECT id FROM articles WHERE file = ?').get(file) as { id: number } | undefined;
      if (old) this.deleteArticle(old.id);
    });
  }

  private readonly writeArticles: (articles: ExtractedArticle[]) => void;
  private readonly removeFile: (file: string) => void;

  private migrate(): void {
    const hasMeta = this.sql("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").get();
    const version = hasMeta ? (this.sql("SELECT value FROM meta WHERE key='schema'").get() as { value: string } | undefined)?.value : undefined;
    if (version !== undefined && Number(version) !== SCHEMA_VERSION) {
      throw new Error(`The database was written by another briefbot version (schema ${version}, this one needs ${SCHEMA_VERSION}). Move it aside or set BRIEFBOT_DB to a new file.`);
    }
    this.db.exec(SCHEMA);
    this.sql("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?)").run(String(SCHEMA_VERSION));
  }

  async getMeta(key: string): Promise<string | null> {
    return (this.sql('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  async fileStates(): Promise<FileState[]> {
    return this.sql('SELECT file, hash, size, mtime_ms AS mtimeMs FROM articles').all() as FileState[];
  }

  async touchFile(s: FileState): Promise<void> {
    this.sql('UPDATE articles SET size = ?, mtime_ms = ? WHERE file = ? AND hash = ?').run(s.size, s.mtimeMs, s.file, s.hash);
  }

  async putArticles(articles: ExtractedArticle[]): Promise<void> {
    this.writeArticles(articles);
    this.nameKeyCache = null;
  }


  private writeArticle(a: ExtractedArticle): void {
    const old = this.sql('SELECT id FROM articles WHERE file = ?').get(a.file) as { id: number } | undefined;
    if (old) this.deleteArticle(old.id);
    const articleId = Number(
      this.sql(
        `INSERT INTO articles (file, hash, size, mtime_ms, title, outlet, author, date, url, comments, indexed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(a.file, a.hash, a.size, a.mtimeMs, a.title, a.outlet, a.author, a.date, a.url, JSON.stringify(a.comments), new Date().toISOString())
        .lastInsertRowid,
    );
    const insPara = this.sql('INSERT INTO paragraphs (article_id, idx, heading, text) VALUES (?, ?, ?, ?)');
    const insPassage = this.sql('INSERT INTO passages_fts (rowid, text) VALUES (?, ?)');
    a.paragraphs.forEach((p, i) => {
      const id = insPara.run(articleId, i, p.heading ? 1 : 0, p.text).lastInsertRowid;
      insPassage.run(id, p.text);
    });

    const speakerIds = a.speakers.map((s) => this.speakerFor(s));
    a.speakers.forEach((s, i) => this.addNames(speakerIds[i]!, articleId, s));

    const insCitation = this.sql(
      `INSERT INTO citations (quote_id, article_id, speaker_id, kind, verb, via, text, key, paragraph, start)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insFts = this.sql('INSERT INTO citations_fts (rowid, text, speaker) VALUES (?, ?, ?)');
    const counted = new Set<number>();
    for (const q of a.quotes) {
      const speakerId = speakerIds[q.speakerRef]!;
      const key = matchKey(q.text);
      const quoteId = this.quoteFor(speakerId, q.kind, key);
      const id = insCitation.run(quoteId, articleId, speakerId, q.kind, q.verb, q.via, q.text, key, q.paragraph, q.start).lastInsertRowid;
      insFts.run(id, q.text, `s${speakerId}`);
      // One more article carries this quote (counted once, however many times the article prints it).
      if (!counted.has(quoteId)) {
        counted.add(quoteId);
        this.sql(
          `UPDATE quotes SET articles = articles + 1,
             latest = CASE WHEN latest IS NULL OR @date > latest THEN @date ELSE latest END
           WHERE id = @id`,
        ).run({ id: quoteId, date: a.date });
      }
    }
  }

  async removeArticle(file: string): Promise<void> {
    this.removeFile(file);
    this.nameKeyCache = null;
  }



  private deleteArticle(articleId: number): void {
    const cites = this.sql('SELECT id, quote_id AS quoteId FROM citations WHERE article_id = ?').all(articleId) as { id: number; quoteId: number }[];
    const delFts = this.sql('DELETE FROM citations_fts WHERE rowid = ?');
    for (const c of cites) delFts.run(c.id);
    this.sql('DELETE FROM passages_fts WHERE rowid IN (SELECT id FROM paragraphs WHERE article_id = ?)').run(articleId);
    const names = this.sql('SELECT speaker_id AS speakerId, key, is_role AS isRole FROM speaker_names WHERE article_id = ?').all(articleId) as { speakerId: number; key: string; isRole: number }[];
    const dec = this.sql('UPDATE speaker_keys SET articles = articles - 1 WHERE speaker_id = ? AND key = ? AND is_role = ?');
    for (const n of names) dec.run(n.speakerId, n.key, n.isRole);
    this.sql('DELETE FROM speaker_keys WHERE articles <= 0').run();
    this.sql('DELETE FROM articles WHERE id = ?').run(articleId); // cascades to paragraphs, citations, names
    this.refreshQuotes(new Set(cites.map((c) => c.quoteId)));
    // A speaker no article names any more is gone with them.
    const orphan = this.sql(
      `DELETE FROM speakers WHERE id = @id
         AND NOT EXISTS (SELECT 1 FROM speaker_keys WHERE speaker_id = @id)
         AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_id = @id)`,
    );
    for (const id of new Set(names.map((n) => n.speakerId))) orphan.run({ id });
  }

  /** After a removal: recounts each quote's articles and latest date, and drops quotes no article carries now. */
  private refreshQuotes(ids: Set<number>): void {
    const upd = this.sql(
      `UPDATE quotes SET
         articles = (SELECT count(DISTINCT c.article_id) FROM citations c WHERE c.quote_id = quotes.id),
         latest = (SELECT max(a.date) FROM citations c JOIN articles a ON a.id = c.article_id WHERE c.quote_id = quotes.id)
       WHERE id = ?`,
    );
    const del = this.sql('DELETE FROM quotes WHERE id = ? AND articles = 0');
    for (const id of ids) {
      upd.run(id);
      del.run(id);
    }
  }

  /**
   * The corpus-wide speaker for a speaker as one article names them: the same full name, or, for a bare surname
   * or a shorter organisation name ("Treasury"), the one known speaker it can only mean.
   */
  private speakerFor(s: FoundSpeaker): number {
    const find = (kind: SpeakerKind, key: string) =>
      (this.sql('SELECT id FROM speakers WHERE kind = ? AND key = ?').get(kind, key) as { id: number } | undefined)?.id;
    const exact = find(s.kind, s.key);
    if (exact !== undefined) return exact;
    if (s.kind === 'person') {
      if (!s.key.includes(' ') && s.surname) {
        const same = this.sql("SELECT id FROM speakers WHERE kind = 'person' AND surname = ? LIMIT 2").all(s.surname) as { id: number }[];
        if (same.length === 1) return same[0]!.id;
      } else if (s.surname) {
        // A surname-only speaker from an earlier article becomes this full name.
        const bare = find('person', s.surname);
        if (bare !== undefined) {
          this.sql('UPDATE speakers SET name = ?, key = ? WHERE id = ?').run(s.name, s.key, bare);
          return bare;
        }
      }
    } else {
      const broader = this.sql("SELECT id FROM speakers WHERE kind = 'organisation' AND key LIKE ? LIMIT 2").all(`% ${s.key}`) as { id: number }[];
      if (broader.length === 1) return broader[0]!.id;
    }
    return Number(
      this.sql('INSERT INTO speakers (kind, name, key, surname) VALUES (?, ?, ?, ?)').run(s.kind, s.name, s.key, s.surname).lastInsertRowid,
    );
  }

  private addNames(speakerId: number, articleId: number, s: FoundSpeaker): void {
    const ins = this.sql('INSERT OR IGNORE INTO speaker_names (speaker_id, article_id, name, key, is_role) VALUES (?, ?, ?, ?, ?)');
    const inc = this.sql(
      `INSERT INTO speaker_keys (speaker_id, key, is_role, name, articles) VALUES (?, ?, ?, ?, 1)
       ON CONFLICT (speaker_id, key, is_role) DO UPDATE SET articles = articles + 1, name = excluded.name`,
    );
    const seen = new Set<string>();
    const add = (name: string, isRole: number) => {
      const key = nameKey(name);
      if (!key || seen.has(`${isRole}${key}`)) return;
      seen.add(`${isRole}${key}`);
      if (ins.run(speakerId, articleId, name, key, isRole).changes > 0) inc.run(speakerId, key, isRole, name);
    };
    add(s.name, 0);
    for (const alias of s.aliases) add(alias, 0);
    for (const role of s.roles) add(role, 1);
  }

  /**
   * The quote these words belong to: the same words from the same speaker, however old; or a longer or shorter
   * excerpt of words that speaker was quoted with recently (their last FOLD_WINDOW citations). The window keeps
   * indexing fast at any corpus size: outlets reprint and excerpt a quote within days, not a year later.
   */
  private quoteFor(speakerId: number, kind: QuoteKind, key: string): number {
    const rows = this.sql(
      `SELECT quote_id AS id FROM citations WHERE speaker_id = @speakerId AND kind = @kind AND key = @key
       UNION
       SELECT quote_id AS id FROM (
         SELECT quote_id, key FROM citations WHERE speaker_id = @speakerId AND kind = @kind ORDER BY id DESC LIMIT ${FOLD_WINDOW}
       ) WHERE (length(@key) >= @min AND instr(key, @key) > 0) OR (length(key) >= @min AND instr(@key, key) > 0)
       ORDER BY id`,
    ).all({ speakerId, kind, key, min: MIN_FOLD_KEY }) as { id: number }[];
    if (rows.length === 0) {
      return Number(this.sql('INSERT INTO quotes (speaker_id, kind, kind_rank) VALUES (?, ?, ?)').run(speakerId, kind, KIND_RANK[kind]).lastInsertRowid);
    }
    const [keep, ...merge] = rows.map((r) => r.id);
    if (merge.length) {
      for (const id of merge) {
        this.sql('UPDATE citations SET quote_id = ? WHERE quote_id = ?').run(keep, id);
        this.sql('DELETE FROM quotes WHERE id = ?').run(id);
      }
      this.refreshQuotes(new Set([keep!]));
    }
    return keep!;
  }

  async articleCount(): Promise<number> {
    return (this.sql('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  }

  async sources(): Promise<Source[]> {
    return this.db
      .prepare(
        `SELECT a.file, a.title, a.outlet, a.author, a.date, a.url,
                (SELECT count(DISTINCT quote_id) FROM citations c WHERE c.article_id = a.id) AS quotes,
                json_array_length(a.comments) AS comments
         FROM articles a ORDER BY a.date DESC NULLS LAST, a.file`,
      )
      .all() as Source[];
  }

  async speakers(): Promise<SpeakerRow[]> {
    const rows = this.db
      .prepare(
        `SELECT s.id, s.name, s.kind, count(DISTINCT c.quote_id) AS quotes, count(DISTINCT c.article_id) AS articles
         FROM speakers s JOIN citations c ON c.speaker_id = s.id
         GROUP BY s.id ORDER BY quotes DESC, s.name`,
      )
      .all() as Omit<SpeakerRow, 'roles' | 'aliases' | 'mentions'>[];
    return rows.map((r) => ({ ...r, ...this.namesOf(r.id) }));
  }

  async speaker(id: number): Promise<SpeakerRow | null> {
    const s = this.sql('SELECT id, name, kind FROM speakers WHERE id = ?').get(id) as Pick<SpeakerRow, 'id' | 'name' | 'kind'> | undefined;
    if (!s) return null;
    const counts = this.db
      .prepare('SELECT count(DISTINCT quote_id) AS quotes, count(DISTINCT article_id) AS articles FROM citations WHERE speaker_id = ?')
      .get(id) as { quotes: number; articles: number };
    return { ...s, ...counts, ...this.namesOf(id) };
  }

  private namesOf(id: number): Pick<SpeakerRow, 'roles' | 'aliases' | 'mentions'> {
    const keys = this.sql('SELECT name, is_role AS isRole, articles FROM speaker_keys WHERE speaker_id = ? ORDER BY articles DESC, name').all(id) as { name: string; isRole: number; articles: number }[];
    const mentions = (this.sql('SELECT count(DISTINCT article_id) AS n FROM speaker_names WHERE speaker_id = ?').get(id) as { n: number }).n;
    return {
      roles: keys.filter((k) => k.isRole).map((k) => ({ role: k.name, count: k.articles })),
      aliases: keys.filter((k) => !k.isRole).map((k) => k.name),
      mentions,
    };
  }

  async speakersNamed(key: string): Promise<number[]> {
    return (this.sql('SELECT DISTINCT speaker_id AS id FROM speaker_keys WHERE key = ?').all(key) as { id: number }[]).map((r) => r.id);
  }

  async nameKeys(): Promise<{ key: string; speakerId: number }[]> {
    this.nameKeyCache ??= this.sql('SELECT DISTINCT key, speaker_id AS speakerId FROM speaker_keys').all() as { key: string; speakerId: number }[];
    return this.nameKeyCache;
  }

  async quoteIds(filter: { speakerId?: number; text?: TextQuery }, page: { limit: number; offset: number }): Promise<QuotePage> {
    const { speakerId, text } = filter;
    if (!text) {
      if (speakerId === undefined) throw new Error('quoteIds needs a speaker or a text query');
      const ids = this.db
        .prepare('SELECT id FROM quotes WHERE speaker_id = ? ORDER BY kind_rank, articles DESC, latest DESC, id LIMIT ? OFFSET ?')
        .pluck()
        .all(speakerId, page.limit, page.offset) as number[];
      const total = this.sql('SELECT count(*) FROM quotes WHERE speaker_id = ?').pluck().get(speakerId) as number;
      return { ids, total };
    }
    const match = ftsQuery(text);
    if (!match) return { ids: [], total: 0 };
    const expr = speakerId === undefined ? match : `speaker : "s${speakerId}" AND (${match})`;
    const ranked = this.db
      .prepare(
        `WITH hits AS (
           SELECT rowid AS cid, bm25(citations_fts, 1.0, 0.0) AS score FROM citations_fts
           WHERE citations_fts MATCH ? ORDER BY score LIMIT ${MAX_HITS}
         )
         SELECT q.id FROM hits h JOIN citations c ON c.id = h.cid JOIN quotes q ON q.id = c.quote_id
         GROUP BY q.id ORDER BY q.kind_rank, q.articles DESC, min(h.score), q.id`,
      )
      .pluck()
      .all(expr) as number[];
    return { ids: ranked.slice(page.offset, page.offset + page.limit), total: ranked.length };
  }

  async citations(quoteIds: number[]): Promise<Map<number, CitationRow[]>> {
    const out = new Map<number, CitationRow[]>();
    if (quoteIds.length === 0) return out;
    const rows = this.db
      .prepare(
        `SELECT c.quote_id AS quoteId, c.speaker_id AS speakerId, c.kind, c.verb, c.via, c.text, c.article_id AS articleId,
                a.file, a.outlet, a.title, a.date, a.url
         FROM citations c JOIN articles a ON a.id = c.article_id
         WHERE c.quote_id IN (SELECT value FROM json_each(?))
         ORDER BY c.quote_id, a.date IS NULL, a.date, a.file, c.paragraph, c.start`,
      )
      .all(JSON.stringify(quoteIds)) as CitationRow[];
    for (const r of rows) {
      const list = out.get(r.quoteId) ?? [];
      list.push(r);
      out.set(r.quoteId, list);
    }
    return out;
  }

  async passages(query: TextQuery, limit: number): Promise<PassageRow[]> {
    const match = ftsQuery(query);
    if (!match) return [];
    return this.db
      .prepare(
        `WITH hits AS (
           SELECT rowid AS pid, rank FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT ?
         )
         SELECT p.text, a.id AS articleId, a.file, a.outlet, a.title, a.date, a.url
         FROM hits h JOIN paragraphs p ON p.id = h.pid JOIN articles a ON a.id = p.article_id
         WHERE p.heading = 0
         ORDER BY h.rank`,
      )
      .all(match, limit) as PassageRow[];
  }

  async articleText(file: string): Promise<string | null> {
    const rows = this.db
      .prepare('SELECT p.text FROM paragraphs p JOIN articles a ON a.id = p.article_id WHERE a.file = ? ORDER BY p.idx')
      .pluck()
      .all(file) as string[];
    return rows.length ? rows.join('\n\n') : null;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** An FTS5 query from plain words: each word quoted, so nothing a user types is read as query syntax. */
export function ftsQuery(q: TextQuery): string | null {
  const terms = q.terms.map((t) => t.replace(/"/g, '')).filter((t) => t.length > 0);
  if (terms.length === 0) return null;
  if (q.mode === 'phrase') return `"${terms.join(' ')}"`;
  return terms.map((t) => `"${t}"`).join(q.mode === 'all' ? ' AND ' : ' OR ');
}
