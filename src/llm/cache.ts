// Model replies kept in the bot's SQLite file, keyed by prompt version, model and input: the same digest for ten
// channels, or the same question asked twice, costs one call. A table of its own that the index rebuild never drops.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/** Replies older than this are written afresh: the table stays small and old wording ages out. */
const KEEP_DAYS = 30;

/** What the summarizer needs of a cache: any backend (the table is made by state/migrations.ts). */
export interface Cache {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export class LlmCache implements Cache {
  constructor(private readonly db: Database.Database, private readonly now: () => number = Date.now) {}

  /**
   * "<prompt id>|<model>|<sha256>": the hash covers the endpoint, the prompt's text (so an edit without a version
   * bump still misses) and the exact user message.
   */
  static key(promptId: string, promptText: string, model: string, endpoint: string, input: string): string {
    const hash = createHash('sha256').update([endpoint, promptText, input].join('\u0000')).digest('hex');
    return `${promptId}|${model}|${hash}`;
  }

  async get(key: string): Promise<unknown> {
    const row = this.db.prepare('SELECT value FROM llm_cache WHERE key = ? AND created_at >= ?').pluck().get(key, this.oldest()) as string | undefined;
    return row === undefined ? undefined : JSON.parse(row);
  }

  async set(key: string, value: unknown): Promise<void> {
    this.db.prepare('DELETE FROM llm_cache WHERE created_at < ?').run(this.oldest());
    this.db.prepare('INSERT OR REPLACE INTO llm_cache (key, value, created_at) VALUES (?, ?, ?)').run(key, JSON.stringify(value), this.now());
  }

  private oldest(): number {
    return this.now() - KEEP_DAYS * 86_400_000;
  }
}
