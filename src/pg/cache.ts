// Model replies kept in PostgreSQL (the llm_cache table of ./migrations.ts): shared by every replica, so the same
// digest for ten channels costs one call whichever replica posts it. Keys are made by LlmCache.key.
import type { Cache } from '../llm/cache.ts';
import type { Sql } from './client.ts';

/** Replies older than this are written afresh: the table stays small and old wording ages out. */
const KEEP_DAYS = 30;

export class PgCache implements Cache {
  constructor(private readonly sql: Sql, private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<unknown> {
    const [row] = await this.sql.query<{ value: string }>('SELECT value FROM llm_cache WHERE key = $1 AND created_at >= $2', [key, this.oldest()]);
    return row === undefined ? undefined : JSON.parse(row.value);
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.sql.query('DELETE FROM llm_cache WHERE created_at < $1', [this.oldest()]);
    await this.sql.query(
      `INSERT INTO llm_cache (key, value, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at`,
      [key, JSON.stringify(value), this.now()],
    );
  }

  private oldest(): number {
    return this.now() - KEEP_DAYS * 86_400_000;
  }
}
