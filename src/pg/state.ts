// State in PostgreSQL, shared by every replica on the database (tables made by ./migrations.ts). Whatever only one
// replica may win (a briefing claim, an event, a lease) is decided by one atomic statement, never read-then-write.
import { randomBytes } from 'node:crypto';
import type { Briefing, Platform, State, Subscription } from '../state/state.ts';
import { toBriefing, toSubscription } from '../state/rows.ts';
import type { Sql } from './client.ts';

/** Pages older than this are forgotten: a week-old "More quotes" button answers with a fresh question instead. */
const PAGE_DAYS = 7;


/** Sorted as SQLite sorts text (byte order), whatever the database's collation. */
const BYTES = 'COLLATE "C"';

export class PgState implements State {
  constructor(private readonly sql: Sql, private readonly now: () => Date = () => new Date()) {}

  async savePage(question: string): Promise<string> {
    const id = randomBytes(6).toString('base64url');
    const now = this.now().getTime();
    await this.sql.query('DELETE FROM pages WHERE created_at < $1', [now - PAGE_DAYS * 86_400_000]);
    await this.sql.query('INSERT INTO pages (id, question, created_at) VALUES ($1, $2, $3)', [id, question, now]);
    return id;
  }

  async page(id: string): Promise<string | null> {
    const [row] = await this.sql.query<{ question: string }>('SELECT question FROM pages WHERE id = $1', [id]);
    return row?.question ?? null;
  }

  async claimEvent(id: string, keepMs = 3_600_000): Promise<boolean> {
    const now = this.now().getTime();
    await this.sql.query('DELETE FROM handled_events WHERE at < $1', [now - keepMs]);
    // Of replicas given the same event, only the one whose row went in answers it.
    const rows = await this.sql.query('INSERT INTO handled_events (id, at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id', [id, now]);
    return rows.length === 1;
  }

  async subscribe(s: Omit<Subscription, 'createdAt'>): Promise<Subscription> {
    const createdAt = this.now().toISOString();
    await this.sql.query(
      `INSERT INTO subscriptions (platform, channel, cron, timezone, post_when_empty, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (platform, channel) DO UPDATE SET cron = excluded.cron, timezone = excluded.timezone,
         post_when_empty = excluded.post_when_empty, created_by = excluded.created_by, created_at = excluded.created_at`,
      [s.platform, s.channel, s.cron, s.timezone, s.postWhenEmpty, s.createdBy, createdAt],
    );
    return { ...s, createdAt };
  }

  async unsubscribe(platform: Platform, channel: string): Promise<boolean> {
    return (await this.sql.query('DELETE FROM subscriptions WHERE platform = $1 AND channel = $2 RETURNING channel', [platform, channel])).length > 0;
  }

  async subscription(platform: Platform, channel: string): Promise<Subscription | null> {
    const [row] = await this.sql.query('SELECT * FROM subscriptions WHERE platform = $1 AND channel = $2', [platform, channel]);
    return row ? toSubscription(row) : null;
  }

  async subscriptions(): Promise<Subscription[]> {
    return (await this.sql.query(`SELECT * FROM subscriptions ORDER BY platform ${BYTES}, channel ${BYTES}`)).map(toSubscription);
  }

  async claimBriefing(b: Parameters<State['claimBriefing']>[0], staleMs: number, at: Date): Promise<Briefing | null> {
    // One statement: a new row is ours; an existing one is retaken only while still claimed and stale. Replicas
    // racing for the same slot queue on the row's lock, and each sees the winner's claim before judging it stale.
    const [row] = await this.sql.query(
      `INSERT INTO briefings (platform, channel, slot, status, since, until, claimed_by, claimed_at, attempts)
       VALUES ($1, $2, $3, 'claimed', $4, $5, $6, $7, 1)
       ON CONFLICT (platform, channel, slot) DO UPDATE
         SET claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at, attempts = briefings.attempts + 1, status = 'claimed'
         WHERE briefings.status = 'claimed' AND briefings.claimed_at <= $8
       RETURNING *`,
      [b.platform, b.channel, b.slot, b.since, b.until, b.claimedBy, at.toISOString(), new Date(at.getTime() - staleMs).toISOString()],
    );
    return row ? toBriefing(row) : null;
  }

  async finishBriefing(platform: Platform, channel: string, slot: string, result: { messageId: string } | { error: string; final: boolean }): Promise<void> {
    if ('messageId' in result) {
      await this.sql.query("UPDATE briefings SET status = 'posted', message_id = $1, error = NULL WHERE platform = $2 AND channel = $3 AND slot = $4", [result.messageId, platform, channel, slot]);
    } else {
      // A retryable failure keeps the claim (to be retaken when stale); a final one ends it.
      await this.sql.query('UPDATE briefings SET status = $1, error = $2 WHERE platform = $3 AND channel = $4 AND slot = $5', [result.final ? 'failed' : 'claimed', result.error, platform, channel, slot]);
    }
  }

  async lastBriefing(platform: Platform, channel: string): Promise<Briefing | null> {
    const [row] = await this.sql.query(`SELECT * FROM briefings WHERE platform = $1 AND channel = $2 AND status = 'posted' ORDER BY slot ${BYTES} DESC LIMIT 1`, [platform, channel]);
    return row ? toBriefing(row) : null;
  }

  async briefings(platform: Platform, channel: string): Promise<Briefing[]> {
    return (await this.sql.query(`SELECT * FROM briefings WHERE platform = $1 AND channel = $2 ORDER BY slot ${BYTES}`, [platform, channel])).map(toBriefing);
  }

  async briefing(platform: Platform, channel: string, slot: string): Promise<Briefing | null> {
    const [row] = await this.sql.query('SELECT * FROM briefings WHERE platform = $1 AND channel = $2 AND slot = $3', [platform, channel, slot]);
    return row ? toBriefing(row) : null;
  }

  async lease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = this.now().getTime();
    // One statement: taken when free, expired or already ours; otherwise the row is left as it is.
    const rows = await this.sql.query(
      `INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.holder = excluded.holder OR leases.expires_at <= $4
       RETURNING name`,
      [name, holder, now + ttlMs, now],
    );
    return rows.length === 1;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.sql.query('DELETE FROM leases WHERE name = $1 AND holder = $2', [name, holder]);
  }
}
