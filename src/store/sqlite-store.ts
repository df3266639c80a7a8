// The Store on SQLite (better-sqlite3). Synchronous underneath; async at the interface so other stores fit.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import type { ExtractedArticle, QuoteKind, SpeakerKind, Source } from '../types.ts';
import { matchKey } from '../text/normalize.ts';
import { INDEX_SCHEMA, INDEX_TABLES, INDEX_VERSION, META } from './schema.ts';
import {
  KEYS_PER_QUOTE, KIND_RANK, MAX_NAMED, RARE_ROLE, RECENT_MATCHES, STAMPS_PAGE, Tally, articleNames, namesJson, tallyAdded, tallyRemoved, wordChanges, type KeyAfter,
} from './shared-index.ts';
import { preferredRole } from './roles.ts';
import { SpeakerDirectory, type KnownSpeaker } from '../ingest/speaker-identity.ts';
import { FoldingWindow, type RecentQuote } from '../ingest/quote-folding.ts';
import { MAX_ALIASES, MAX_KEYS } from './store.ts';
import type {
  CitationRow, DigestArticleRow, DigestFilter, FileStamp, FileState, IngestHolder, PassageRow, QuoteCitations, QuotePage, SpeakerKeys, SpeakerRow, Store, TextQuery, WordScope,
} from './store.ts';

/** How long a lock taken on another host is honoured: its process cannot be asked whether it is alive. */
const REMOTE_LOCK_MS = 30 * 60_000;

/** Whether the process holding the ingest lock is still there (a crashed one leaves its lock behind). */
function holderAlive(h: IngestHolder & { at: number }): boolean {
  return h.host === hostname() ? processAlive(h.pid) : Date.now() - h.at < REMOTE_LOCK_MS;
}

/** Whether a process of this host is running. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}
/** The FTS speaker token of an unattributed quotation (speakers are "s<id>"). */
const NO_SPEAKER = 'none';
const speakerToken = (id: number | null) => (id === null ? NO_SPEAKER : `s${id}`);

export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Counting 100,000 rows costs milliseconds on every answer; the count changes only when articles do. */
  private articleCountCache: number | null = null;
  /** Each speaker's latest quotations, for folding excerpts into one quote (the rule is the core's). */
  private readonly folding: FoldingWindow;
  private readonly directory: SpeakerDirectory;
  /** SQLite's data_version when this connection last wrote: another process's commit changes it. */
  private dataVersion: number | null = null;
  private readonly writeArticles: (articles: ExtractedArticle[]) => void;
  private readonly removeFile: (file: string) => void;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    // A writer waits up to 10 s for another's transaction rather than failing at once.
    this.db = new Database(path, { timeout: 10_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    // A larger page cache keeps the indexes' upper levels in memory while thousands of articles are written.
    this.db.pragma('cache_size = -65536');
    // Checkpoint the write-ahead log less often (every ~160 MB): a bulk sync writes the same index pages many times,
    // and each checkpoint copies them and waits for the disk twice.
    this.db.pragma('wal_autocheckpoint = 40000');
    this.migrate();
    this.folding = new FoldingWindow((speakerId, kind, limit) =>
      (this.sql('SELECT quote_id AS quoteId, key FROM citations WHERE speaker_id = ? AND kind = ? ORDER BY id DESC LIMIT ?').all(speakerId, kind, limit) as RecentQuote[]).reverse());
    this.directory = new SpeakerDirectory(() => this.sql('SELECT id, kind, key, surname FROM speakers').all() as KnownSpeaker[]);
    // One transaction for a whole batch: a sync of thousands of files commits a few times, not thousands.
    // Write transactions take the write lock when they begin (IMMEDIATE): a deferred one that reads first and then
    // writes fails with SQLITE_BUSY, without waiting, when another process has written in between.
    this.writeArticles = this.rollingBack(this.db.transaction((articles: ExtractedArticle[]) => {
      this.forgetOthersWrites();
      const tally = new Tally();
      for (const a of articles) this.writeArticle(a, tally);
      this.flush(tally);
    }));
    this.removeFile = this.rollingBack(this.db.transaction((file: string) => {
      this.forgetOthersWrites();
      const old = this.sql('SELECT id FROM articles WHERE file = ?').get(file) as { id: number } | undefined;
      if (!old) return;
      const tally = new Tally();
      this.deleteArticle(old.id, tally);
      this.flush(tally);
    }));
  }

  /**
   * What memory holds of speakers and recent quotes is only this connection's view: when another process has
   * written to the database since (data_version changes), it is read again.
   */
  private forgetOthersWrites(): void {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (this.dataVersion !== null && version !== this.dataVersion) this.forgetMemory();
    this.dataVersion = version;
  }

  /** Drops what memory holds of the stored speakers and quotes; it is read again from the database when needed. */
  private forgetMemory(): void {
    this.directory.reset();
    this.folding.clear();
  }

  /** A transaction whose failure also forgets what memory holds of the rows it wrote. */
  private rollingBack<A extends unknown[]>(write: Database.Transaction<(...args: A) => void>): (...args: A) => void {
    return (...args: A) => {
      try {
        write.immediate(...args);
      } catch (err) {
        this.forgetMemory();
        throw err;
      }
    };
  }

  /** A prepared statement, prepared once per SQL text. */
  private sql(text: string): Database.Statement {
    let st = this.statements.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  /** Creates the tables; index tables of an older layout are dropped, and the next sync rebuilds them. */
  private migrate(): void {
    this.db.exec(META);
    const version = this.db.prepare("SELECT value FROM meta WHERE key = 'index'").pluck().get() as string | undefined;
    const hasIndex = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'").get() !== undefined;
    if (hasIndex && version !== INDEX_VERSION) {
      this.db.pragma('foreign_keys = OFF');
      this.db.transaction(() => {
        for (const t of INDEX_TABLES) this.db.exec(`DROP TABLE IF EXISTS ${t}`);
        this.db.prepare("DELETE FROM meta WHERE key = 'extractor'").run();
      })();
      this.db.pragma('foreign_keys = ON');
    }
    this.db.exec(INDEX_SCHEMA);
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('index', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(INDEX_VERSION);
  }

  async getMeta(key: string): Promise<string | null> {
    return (this.sql('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  async claimIngest(holder: IngestHolder): Promise<IngestHolder | null> {
    return this.db.transaction((): IngestHolder | null => {
      const raw = this.sql("SELECT value FROM meta WHERE key = 'ingest_lock'").pluck().get() as string | undefined;
      const held = raw ? (JSON.parse(raw) as IngestHolder & { at: number }) : null;
      if (held && held.id !== holder.id && holderAlive(held)) return { id: held.id, pid: held.pid, host: held.host };
      this.sql("INSERT INTO meta (key, value) VALUES ('ingest_lock', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify({ ...holder, at: Date.now() }));
      return null;
    }).immediate();
  }

  async releaseIngest(holder: IngestHolder): Promise<void> {
    this.sql("DELETE FROM meta WHERE key = 'ingest_lock' AND json_extract(value, '$.id') = ?").run(holder.id);
  }

  async fileStamps(): Promise<FileStamp[]> {
    // Rows as arrays, and no hashes. Read in pages with a turn of the event loop between them: at 100,000
    // articles this takes a third of a second, and questions asked meanwhile are answered between pages.
    // Paged by file name, which the covering index articles_files is ordered by.
    const page = this.sql(`SELECT file, size, mtime_ms, extractor FROM articles WHERE file > ? ORDER BY file LIMIT ${STAMPS_PAGE}`).raw();
    const stamps: FileStamp[] = [];
    for (let after = ''; ; ) {
      const rows = page.all(after) as [string, number, number, string][];
      for (const [file, size, mtimeMs, extractor] of rows) stamps.push({ file, size, mtimeMs, extractor });
      if (rows.length < STAMPS_PAGE) return stamps;
      after = rows[rows.length - 1]![0];
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async fileHash(file: string): Promise<string | null> {
    return (this.sql('SELECT hash FROM articles WHERE file = ?').pluck().get(file) as string | undefined) ?? null;
  }

  async touchFile(s: FileState): Promise<void> {
    this.sql('UPDATE articles SET size = ?, mtime_ms = ? WHERE file = ? AND hash = ?').run(s.size, s.mtimeMs, s.file, s.hash);
  }

  async putArticles(articles: ExtractedArticle[]): Promise<void> {
    this.writeArticles(articles);
    this.articleCountCache = null;
  }

  async removeArticle(file: string): Promise<void> {
    this.removeFile(file);
    this.articleCountCache = null;
  }

  private writeArticle(a: ExtractedArticle, tally: Tally): void {
    const old = this.sql('SELECT id FROM articles WHERE file = ?').get(a.file) as { id: number } | undefined;
    if (old) this.deleteArticle(old.id, tally);
    // Several speakers of one article can be one speaker of the corpus ("Bessent" and "Scott Bessent").
    const speakerIds = a.speakers.map((s) => this.speakerId(s));
    const names = articleNames(a, speakerIds);
    // What the article names is kept with it (one row, not one per speaker): removing it takes exactly that away.
    const named = namesJson(names);
    const articleId = Number(
      this.sql(
        `INSERT INTO articles (file, hash, size, mtime_ms, title, outlet, author, date, url, country, comments, speakers, extractor, indexed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(a.file, a.hash, a.size, a.mtimeMs, a.title, a.outlet, a.author, a.date, a.url, a.country, JSON.stringify(a.comments), named, a.extractor ?? '', new Date().toISOString())
        .lastInsertRowid,
    );
    const insPara = this.sql('INSERT INTO paragraphs (article_id, idx, heading, text) VALUES (?, ?, ?, ?)');
    const insPassage = this.sql('INSERT INTO passages_fts (rowid, text) VALUES (?, ?)');
    a.paragraphs.forEach((p, i) => {
      const id = insPara.run(articleId, i, p.heading ? 1 : 0, p.text).lastInsertRowid;
      insPassage.run(id, p.text);
    });

    tallyAdded(tally, names, a.country);

    const insCitation = this.sql(
      `INSERT INTO citations (quote_id, article_id, speaker_id, sieve, kind, verb, via, text, key, paragraph, start)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insFts = this.sql('INSERT INTO citations_fts (rowid, text, speaker, context) VALUES (?, ?, ?, ?)');
    const countQuote = this.sql(
      `UPDATE quotes SET articles = articles + 1, latest = CASE WHEN latest IS NULL OR @date > latest THEN @date ELSE latest END
       WHERE id = @id`,
    );
    const counted = new Set<number>();
    const quoting = new Set<number>();
    for (const q of a.quotes) {
      // null: an unattributed quotation. It is stored and searchable, but no speaker's count or answer has it.
      const speakerId = q.speakerRef === null ? null : speakerIds[q.speakerRef]!;
      const sieve = q.sieve ?? (speakerId === null ? 'none' : 'unknown');
      const key = matchKey(q.text);
      const { quoteId, created } = this.quoteFor(speakerId, q.kind, key, a.date, tally);
      const id = insCitation.run(quoteId, articleId, speakerId, sieve, q.kind, q.verb, q.via, q.text, key, q.paragraph, q.start).lastInsertRowid;
      insFts.run(id, q.text, speakerToken(speakerId), q.context ? (a.paragraphs[q.paragraph]?.text ?? '').slice(q.context.start, q.context.end) : '');
      if (created && speakerId !== null) tally.speaker(speakerId, 'quotes', 1);
      // One more article carries this quote (counted once, however many times the article prints it).
      if (created) counted.add(quoteId); // written with this article counted
      if (!counted.has(quoteId)) {
        counted.add(quoteId);
        countQuote.run({ id: quoteId, date: a.date });
      }
      if (speakerId !== null && !quoting.has(speakerId)) {
        quoting.add(speakerId);
        tally.speaker(speakerId, 'quotedIn', 1);
      }
    }
  }

  /** The corpus-wide speaker an article's speaker is (the directory decides), added or renamed here as it says. */
  private speakerId(s: ExtractedArticle['speakers'][number]): number {
    const found = this.directory.match(s);
    if (found?.rename) this.sql('UPDATE speakers SET name = ?, key = ? WHERE id = ?').run(s.name, s.key, found.id);
    if (found) return found.id;
    const id = Number(this.sql('INSERT INTO speakers (kind, name, key, surname) VALUES (?, ?, ?, ?)').run(s.kind, s.name, s.key, s.surname).lastInsertRowid);
    this.directory.add({ id, kind: s.kind, key: s.key, surname: s.surname });
    return id;
  }

  private deleteArticle(articleId: number, tally: Tally): void {
    const cites = this.sql('SELECT id, quote_id AS quoteId, speaker_id AS speakerId FROM citations WHERE article_id = ?').all(articleId) as {
      id: number;
      quoteId: number;
      speakerId: number | null;
    }[];
    const delFts = this.sql('DELETE FROM citations_fts WHERE rowid = ?');
    for (const c of cites) delFts.run(c.id);
    this.sql('DELETE FROM passages_fts WHERE rowid IN (SELECT id FROM paragraphs WHERE article_id = ?)').run(articleId);
    const row = this.sql('SELECT country, speakers FROM articles WHERE id = ?').get(articleId) as { country: string | null; speakers: string };
    tallyRemoved(tally, row, cites.map((c) => c.speakerId));
    this.sql('DELETE FROM articles WHERE id = ?').run(articleId); // cascades to paragraphs and citations
    for (const gone of this.refreshQuotes(new Set(cites.map((c) => c.quoteId)))) if (gone.speakerId !== null) tally.speaker(gone.speakerId, 'quotes', -1);
    this.folding.clear();
  }

  /**
   * Writes a batch's summed counts; a speaker no article names or quotes any more is removed. A key that appears
   * (no article used it before) adds its words to speaker_words, one that disappears takes them away.
   */
  private flush(tally: Tally): void {
    const upKey = this.sql(
      `INSERT INTO speaker_keys (speaker_id, key, is_role, name, articles) VALUES (@speakerId, @key, @isRole, @name, @n)
       ON CONFLICT (speaker_id, key, is_role) DO UPDATE SET articles = articles + @n, name = CASE WHEN @n > 0 THEN @name ELSE name END
       RETURNING articles`,
    ).pluck();
    const delKey = this.sql('DELETE FROM speaker_keys WHERE speaker_id = ? AND key = ? AND is_role = ?');
    const kindOf = this.sql('SELECT kind FROM speakers WHERE id = ?').pluck();
    const after: KeyAfter[] = [];
    let removed = false;
    for (const k of tally.keys.values()) {
      if (k.n === 0) continue;
      const articles = upKey.get(k) as number;
      if (articles <= 0) {
        delKey.run(k.speakerId, k.key, k.isRole);
        removed = true;
      }
      after.push({ ...k, articles });
    }
    const words = wordChanges(after, (id) => kindOf.get(id) as SpeakerKind | undefined);
    const upWord = this.sql(
      `INSERT INTO speaker_words (word, is_role, speaker_id, keys) VALUES (@word, @isRole, @speakerId, @n)
       ON CONFLICT (word, speaker_id, is_role) DO UPDATE SET keys = keys + @n RETURNING keys`,
    ).pluck();
    const delWord = this.sql('DELETE FROM speaker_words WHERE word = ? AND is_role = ? AND speaker_id = ?');
    for (const w of words.values()) {
      if (w.n !== 0 && (upWord.get(w) as number) <= 0) delWord.run(w.word, w.isRole, w.speakerId);
    }
    const upCountry = this.sql(
      `INSERT INTO speaker_countries (speaker_id, country, articles) VALUES (@speakerId, @country, @n)
       ON CONFLICT (speaker_id, country) DO UPDATE SET articles = articles + @n RETURNING articles`,
    ).pluck();
    const delCountry = this.sql('DELETE FROM speaker_countries WHERE speaker_id = ? AND country = ?');
    for (const c of tally.countries.values()) {
      if (c.n !== 0 && (upCountry.get(c) as number) <= 0) delCountry.run(c.speakerId, c.country);
    }
    const upSpeaker = this.sql('UPDATE speakers SET quotes = quotes + @quotes, quoted_in = quoted_in + @quotedIn, mentions = mentions + @mentions WHERE id = @id');
    for (const [id, s] of tally.speakers) upSpeaker.run({ id, ...s });
    // The role shown with a speaker's name, chosen again for those whose roles changed in this batch.
    const topRoles = this.sql(`SELECT name AS role, articles AS count FROM speaker_keys WHERE speaker_id = ? AND is_role = 1 ORDER BY articles DESC, name LIMIT ${MAX_KEYS}`);
    const setRole = this.sql('UPDATE speakers SET role = ? WHERE id = ?');
    for (const id of tally.roleChanged()) {
      setRole.run(preferredRole(topRoles.all(id) as { role: string; count: number }[]), id);
    }
    if (removed || tally.lostNames()) {
      if (this.sql('DELETE FROM speakers WHERE mentions <= 0 AND quotes <= 0').run().changes > 0) this.directory.reset();
    }
  }

  /** After a removal: recounts each quote's articles and latest date; drops (and returns) quotes no article carries. */
  private refreshQuotes(ids: Set<number>): { id: number; speakerId: number | null }[] {
    const upd = this.sql(
      `UPDATE quotes SET
         articles = (SELECT count(DISTINCT c.article_id) FROM citations c WHERE c.quote_id = quotes.id),
         latest = (SELECT max(a.date) FROM citations c JOIN articles a ON a.id = c.article_id WHERE c.quote_id = quotes.id)
       WHERE id = ?`,
    );
    const gone: { id: number; speakerId: number | null }[] = [];
    for (const id of ids) {
      upd.run(id);
      const row = this.sql('DELETE FROM quotes WHERE id = ? AND articles = 0 RETURNING id, speaker_id AS speakerId').get(id) as { id: number; speakerId: number | null } | undefined;
      if (row) gone.push(row);
    }
    return gone;
  }

  /** The quote these words belong to (the folding window decides); a new quote, or several merged into the oldest. */
  private quoteFor(speakerId: number | null, kind: QuoteKind, key: string, date: string | null, tally: Tally): { quoteId: number; created: boolean } {
    const exact = this.sql('SELECT quote_id FROM citations WHERE speaker_id IS ? AND kind = ? AND key = ?').pluck().all(speakerId, kind, key) as number[];
    const [keep, ...merge] = this.folding.fold(speakerId, kind, key, exact);
    let quoteId: number;
    let created = false;
    if (keep === undefined) {
      quoteId = Number(this.sql('INSERT INTO quotes (speaker_id, kind, kind_rank, articles, latest) VALUES (?, ?, ?, 1, ?)').run(speakerId, kind, KIND_RANK[kind], date).lastInsertRowid);
      created = true;
    } else {
      quoteId = keep;
      for (const id of merge) {
        this.sql('UPDATE citations SET quote_id = ? WHERE quote_id = ?').run(keep, id);
        this.sql('DELETE FROM quotes WHERE id = ?').run(id);
        if (speakerId !== null) tally.speaker(speakerId, 'quotes', -1);
        this.folding.merged(speakerId, kind, id, keep);
      }
      if (merge.length) this.refreshQuotes(new Set([keep]));
    }
    this.folding.record(speakerId, kind, quoteId, key);
    return { quoteId, created };
  }

  async articleCount(): Promise<number> {
    this.articleCountCache ??= this.sql('SELECT count(*) FROM articles').pluck().get() as number;
    return this.articleCountCache;
  }

  async sources(limit: number): Promise<{ total: number; sources: Source[] }> {
    const sources = this.sql(
      `SELECT a.file, a.title, a.outlet, a.author, a.date, a.url,
              (SELECT count(DISTINCT quote_id) FROM citations c WHERE c.article_id = a.id) AS quotes,
              json_array_length(a.comments) AS comments
       FROM articles a ORDER BY a.date DESC NULLS LAST, a.id DESC LIMIT ?`,
    ).all(limit) as Source[];
    return { total: await this.articleCount(), sources };
  }

  async speakers(limit = -1): Promise<SpeakerRow[]> {
    const rows = this.sql('SELECT id FROM speakers WHERE quotes > 0 ORDER BY quotes DESC, name LIMIT ?').pluck().all(limit) as number[];
    return rows.map((id) => this.speakerRow(id)!);
  }

  async speakerTotals(): Promise<{ speakers: number; quotes: number; topPerson: string | null }> {
    const t = this.sql('SELECT count(*) AS speakers, coalesce(sum(quotes), 0) AS quotes FROM speakers WHERE quotes > 0').get() as { speakers: number; quotes: number };
    const top = this.sql("SELECT name FROM speakers WHERE kind = 'person' AND quotes > 0 ORDER BY quotes DESC, name LIMIT 1").pluck().get() as string | undefined;
    return { ...t, topPerson: top ?? null };
  }

  async speaker(id: number): Promise<SpeakerRow | null> {
    return this.speakerRow(id);
  }

  private speakerRow(id: number): SpeakerRow | null {
    const s = this.sql('SELECT id, name, kind, role, quotes, quoted_in AS articles, mentions FROM speakers WHERE id = ?').get(id) as Omit<SpeakerRow, 'aliases'> | undefined;
    if (!s) return null;
    const aliases = this.sql(`SELECT name FROM speaker_keys WHERE speaker_id = ? AND is_role = 0 ORDER BY articles DESC, name LIMIT ${MAX_ALIASES}`).pluck().all(id) as string[];
    return { ...s, aliases };
  }

  async speakersNamed(key: string, options: { roles?: boolean; orgKey?: string } = {}): Promise<number[]> {
    // The most quoted first, and no more than a question can use: "minister" is the role of hundreds.
    const ids = new Set(
      this.sql(
        `SELECT s.id FROM speakers s WHERE s.id IN (SELECT speaker_id FROM speaker_keys WHERE key = ?${options.roles ? '' : ' AND is_role = 0'})
         ORDER BY s.quotes DESC, s.mentions DESC, s.id LIMIT ${MAX_NAMED}`,
      ).pluck().all(key) as number[],
    );
    if (options.orgKey) {
      const org = this.sql("SELECT id FROM speakers WHERE kind = 'organisation' AND key = ?").pluck().get(options.orgKey) as number | undefined;
      if (org !== undefined) ids.add(org);
    }
    return [...ids];
  }

  async speakersWithWords(groups: string[][], scope: WordScope, limit: number, prefer: string[] = []): Promise<number[]> {
    if (groups.length === 0 || groups.some((g) => g.length === 0)) return [];
    const role = scope === 'names' ? ' AND is_role = 0' : '';
    const lists = groups.map((g) => JSON.stringify([...new Set(g)]));
    // Index lookups only: the group fewest speakers have drives, each other group is checked per speaker by its
    // primary key (word, speaker_id), so a rare word ("nvidia") never costs what a common one ("minister") would.
    const sizes = lists.map((l) => this.sql(`SELECT count(*) FROM speaker_words WHERE word IN (SELECT value FROM json_each(?))${role}`).pluck().get(l) as number);
    const order = lists.map((l, i) => ({ l, n: sizes[i]! })).sort((a, b) => a.n - b.n);
    if (order[0]!.n === 0) return [];
    const others = order.slice(1).map(() => `AND EXISTS (SELECT 1 FROM json_each(?) j JOIN speaker_words w ON w.word = j.value AND w.speaker_id = s.id${role.replace('is_role', 'w.is_role')})`).join(' ');
    // Those with a preferred word (the question's country) first, then the most quoted: a limit drops the least
    // likely, not the speakers a question most likely means.
    return this.sql(
      `WITH m AS MATERIALIZED (SELECT DISTINCT speaker_id FROM speaker_words WHERE word IN (SELECT value FROM json_each(?))${role}),
            p AS MATERIALIZED (SELECT DISTINCT speaker_id FROM speaker_words WHERE word IN (SELECT value FROM json_each(?)))
       SELECT s.id FROM m JOIN speakers s ON s.id = m.speaker_id LEFT JOIN p ON p.speaker_id = s.id
       WHERE 1 ${others}
       ORDER BY p.speaker_id IS NULL, s.quotes DESC, s.mentions DESC, s.id
       LIMIT ?`,
    )
      .pluck()
      .all(order[0]!.l, JSON.stringify(prefer), ...order.slice(1).map((o) => o.l), limit) as number[];
  }

  async speakerKeys(ids: number[]): Promise<SpeakerKeys[]> {
    if (ids.length === 0) return [];
    const speakers = this.sql('SELECT id, kind, quotes, mentions FROM speakers WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Omit<SpeakerKeys, 'names' | 'roles'>[];
    // Each speaker's most used keys, read from the index in that order: bounded however often they were reported.
    const top = this.sql(`SELECT key, articles FROM speaker_keys WHERE speaker_id = ? AND is_role = ? ORDER BY articles DESC LIMIT ${MAX_KEYS}`).raw();
    const mentions = new Map(speakers.map((s) => [s.id, s.mentions]));
    const keys = ids.flatMap((speakerId) => [0, 1].flatMap((isRole) => {
      // A role fewer than one in a hundred of a much-reported speaker's articles give is a misread sentence ("Trump
      // and European Central Bank President Christine Lagarde"), not a title a question should find them by.
      const least = isRole ? Math.ceil((mentions.get(speakerId) ?? 0) * RARE_ROLE) : 0;
      return (top.all(speakerId, isRole) as [string, number][]).filter(([, n]) => n >= least).map(([key]) => ({ speakerId, key, isRole }));
    }));
    const homes = this.sql('SELECT speaker_id AS speakerId, country FROM speaker_countries WHERE speaker_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as {
      speakerId: number;
      country: string;
    }[];
    const byId = new Map(speakers.map((s) => [s.id, { ...s, names: [] as string[], roles: [] as string[], homes: [] as string[] }]));
    for (const k of keys) byId.get(k.speakerId)?.[k.isRole ? 'roles' : 'names'].push(k.key);
    for (const h of homes) byId.get(h.speakerId)?.homes.push(h.country);
    return ids.map((id) => byId.get(id)).filter((s): s is SpeakerKeys => s !== undefined);
  }

  async quoteIds(filter: { speakerId?: number; text?: TextQuery; exclude?: number[] }, page: { limit: number; offset: number }): Promise<QuotePage> {
    const { speakerId, text } = filter;
    if (!text) {
      if (speakerId === undefined) throw new Error('quoteIds needs a speaker or a text query');
      const all = this.sql('SELECT quotes FROM speakers WHERE id = ?').pluck().get(speakerId) as number;
      if (filter.exclude?.length) {
        const ids = this.sql(
          `SELECT id FROM quotes WHERE speaker_id = ? AND id NOT IN (SELECT value FROM json_each(?))
           ORDER BY kind_rank, articles DESC, latest DESC, id LIMIT ? OFFSET ?`,
        )
          .pluck()
          .all(speakerId, JSON.stringify(filter.exclude), page.limit, page.offset) as number[];
        return { ids, total: Math.max(0, all - filter.exclude.length) };
      }
      const ids = this.sql('SELECT id FROM quotes WHERE speaker_id = ? ORDER BY kind_rank, articles DESC, latest DESC, id LIMIT ? OFFSET ?')
        .pluck()
        .all(speakerId, page.limit, page.offset) as number[];
      return { ids, total: all };
    }
    const match = ftsQuery(text);
    if (!match) return { ids: [], total: 0 };
    // The words are looked for in the quoted text (and, for one speaker's words on a topic, the sentence around it),
    // never in the speaker column's tokens.
    const expr = speakerId === undefined ? `text : (${match})` : `speaker : "${speakerToken(speakerId)}" AND {text context} : (${match})`;
    const ranked = this.sql(
      `WITH hits AS (
         SELECT rowid AS cid, bm25(citations_fts, 1.0, 0.0, 0.3) AS score FROM citations_fts
         WHERE citations_fts MATCH ? ORDER BY rowid DESC LIMIT ${RECENT_MATCHES}
       )
       SELECT q.id FROM hits h JOIN citations c ON c.id = h.cid JOIN quotes q ON q.id = c.quote_id
       GROUP BY q.id ORDER BY q.kind_rank, q.articles DESC, min(h.score), q.id`,
    )
      .pluck()
      .all(expr) as number[];
    return { ids: ranked.slice(page.offset, page.offset + page.limit), total: ranked.length };
  }

  async quoteKeys(ids: number[]): Promise<Map<number, { attributed: boolean; keys: string[] }>> {
    const out = new Map<number, { attributed: boolean; keys: string[] }>();
    // The wordings of each quote's latest citations: a wire quote carried by thousands has a handful of wordings.
    const attributed = this.sql('SELECT speaker_id IS NOT NULL FROM quotes WHERE id = ?').pluck();
    const keys = this.sql(`SELECT DISTINCT key FROM (SELECT key FROM citations WHERE quote_id = ? ORDER BY id DESC LIMIT ${KEYS_PER_QUOTE})`).pluck();
    for (const id of new Set(ids)) {
      const a = attributed.get(id) as number | undefined;
      if (a !== undefined) out.set(id, { attributed: a === 1, keys: keys.all(id) as string[] });
    }
    return out;
  }

  async citations(quoteIds: number[], perQuote: number): Promise<Map<number, QuoteCitations>> {
    const out = new Map<number, QuoteCitations>();
    // One indexed query per quote, reading only its latest citations: a wire quote may be carried by thousands.
    const latest = this.sql(
      `SELECT c.quote_id AS quoteId, c.speaker_id AS speakerId, c.sieve, c.kind, c.verb, c.via, c.text, c.article_id AS articleId,
              a.file, a.outlet, a.title, a.date, a.url
       FROM (SELECT * FROM citations WHERE quote_id = ? ORDER BY id DESC LIMIT ?) c JOIN articles a ON a.id = c.article_id
       ORDER BY a.date IS NULL, a.date, a.file`,
    );
    const carried = this.sql('SELECT articles FROM quotes WHERE id = ?').pluck();
    for (const id of new Set(quoteIds)) {
      const articles = carried.get(id) as number | undefined;
      if (articles === undefined) continue;
      const rows = latest.all(id, perQuote) as CitationRow[];
      if (rows.length) out.set(id, { rows, articles });
    }
    return out;
  }

  async passages(query: TextQuery, limit: number): Promise<PassageRow[]> {
    const match = ftsQuery(query);
    if (!match) return [];
    return this.sql(
      `WITH hits AS (
         SELECT pid, score FROM (
           SELECT rowid AS pid, bm25(passages_fts) AS score FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rowid DESC LIMIT ${RECENT_MATCHES}
         ) ORDER BY score LIMIT ?
       )
       SELECT p.text, a.id AS articleId, a.file, a.outlet, a.title, a.date, a.url
       FROM hits h JOIN paragraphs p ON p.id = h.pid JOIN articles a ON a.id = p.article_id
       WHERE p.heading = 0
       ORDER BY h.score`,
    ).all(match, limit) as PassageRow[];
  }

  async latestNewsDay(): Promise<string | null> {
    return (this.sql('SELECT max(date) FROM articles').pluck().get() as string | null) ?? null;
  }

  async latestArticleId(): Promise<number> {
    return (this.sql('SELECT max(id) FROM articles').pluck().get() as number | null) ?? 0;
  }

  async digestArticles(filter: DigestFilter, limit: number): Promise<DigestArticleRow[]> {
    const base = 'SELECT id AS articleId, file, outlet, title, date, url, indexed_at AS indexedAt FROM articles';
    const rows = (
      'date' in filter
        ? this.sql(`${base} WHERE date = @date OR (@undated AND date IS NULL) ORDER BY id LIMIT @limit`).all({ date: filter.date, undated: filter.includeUndated ? 1 : 0, limit })
        : this.sql(`${base} WHERE id > @after ORDER BY id LIMIT @limit`).all({ after: filter.afterArticleId, limit })
    ) as Omit<DigestArticleRow, 'paragraphs' | 'quoteIds' | 'attributedQuoteIds' | 'speakerIds'>[];
    const paragraphs = this.sql('SELECT text FROM paragraphs WHERE article_id = ? AND heading = 0 ORDER BY idx').pluck();
    const cites = this.sql('SELECT DISTINCT quote_id AS quoteId, speaker_id AS speakerId FROM citations WHERE article_id = ?');
    return rows.map((r) => {
      const c = cites.all(r.articleId) as { quoteId: number; speakerId: number | null }[];
      const named = c.filter((x) => x.speakerId !== null);
      return {
        ...r,
        paragraphs: paragraphs.all(r.articleId) as string[],
        quoteIds: [...new Set(c.map((x) => x.quoteId))],
        attributedQuoteIds: [...new Set(named.map((x) => x.quoteId))],
        speakerIds: [...new Set(named.map((x) => x.speakerId!))],
      };
    });
  }

  async articleText(file: string): Promise<string | null> {
    const rows = this.sql('SELECT p.text FROM paragraphs p JOIN articles a ON a.id = p.article_id WHERE a.file = ? ORDER BY p.idx').pluck().all(file) as string[];
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
