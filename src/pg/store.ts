// The Store port on PostgreSQL (a server, or PGlite in process). First cut: opens its index schema; the methods
// follow in the next commits.
import type { Sql } from './client.ts';
import type {
  DigestArticleRow, DigestFilter, FileStamp, FileState, IngestHolder, PassageRow, QuoteCitations, QuotePage,
  SpeakerKeys, SpeakerRow, Store, TextQuery, WordScope,
} from '../store/store.ts';
import type { ExtractedArticle, Source } from '../types.ts';

const unfinished = (): never => { throw new Error('PgStore: not yet implemented'); };

export class PgStore implements Store {
  private constructor(private readonly sql: Sql) {}

  static async open(sql: Sql): Promise<PgStore> {
    await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7261530001)');
      await tx.query('CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL)');
    });
    return new PgStore(sql);
  }

  async getMeta(key: string): Promise<string | null> {
    const rows = await this.sql.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]);
    return rows[0]?.value ?? null;
  }
  async setMeta(key: string, value: string): Promise<void> {
    await this.sql.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }
  claimIngest(_holder: IngestHolder): Promise<IngestHolder | null> { return unfinished(); }
  releaseIngest(_holder: IngestHolder): Promise<void> { return unfinished(); }
  fileStamps(): Promise<FileStamp[]> { return unfinished(); }
  fileHash(_file: string): Promise<string | null> { return unfinished(); }
  putArticles(_articles: ExtractedArticle[]): Promise<void> { return unfinished(); }
  touchFile(_state: FileState): Promise<void> { return unfinished(); }
  removeArticle(_file: string): Promise<void> { return unfinished(); }
  articleCount(): Promise<number> { return unfinished(); }
  sources(_limit: number): Promise<{ total: number; sources: Source[] }> { return unfinished(); }
  speakers(_limit?: number): Promise<SpeakerRow[]> { return unfinished(); }
  speakerTotals(): Promise<{ speakers: number; quotes: number; topPerson: string | null }> { return unfinished(); }
  speaker(_id: number): Promise<SpeakerRow | null> { return unfinished(); }
  speakersNamed(_nameKey: string, _options?: { roles?: boolean; orgKey?: string }): Promise<number[]> { return unfinished(); }
  speakersWithWords(_groups: string[][], _scope: WordScope, _limit: number, _prefer?: string[]): Promise<number[]> { return unfinished(); }
  speakerKeys(_ids: number[]): Promise<SpeakerKeys[]> { return unfinished(); }
  quoteIds(_filter: { speakerId?: number; text?: TextQuery; exclude?: number[] }, _page: { limit: number; offset: number }): Promise<QuotePage> { return unfinished(); }
  quoteKeys(_ids: number[]): Promise<Map<number, { attributed: boolean; keys: string[] }>> { return unfinished(); }
  citations(_quoteIds: number[], _perQuote: number): Promise<Map<number, QuoteCitations>> { return unfinished(); }
  passages(_query: TextQuery, _limit: number): Promise<PassageRow[]> { return unfinished(); }
  latestNewsDay(): Promise<string | null> { return unfinished(); }
  latestArticleId(): Promise<number> { return unfinished(); }
  digestArticles(_filter: DigestFilter, _limit: number): Promise<DigestArticleRow[]> { return unfinished(); }
  articleText(_file: string): Promise<string | null> { return unfinished(); }

  /** Leaves the Sql open: whoever passed it in (the storage) closes it. */
  async close(): Promise<void> {}
}
