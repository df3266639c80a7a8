// State in the same SQLite file as the index, in tables the index rebuild never touches (created and changed by
// ./migrations.ts before this is constructed).
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { Briefing, Platform, State, Subscription } from './state.ts';
import { toBriefing, toSubscription, type Row } from './rows.ts';


/** Pages older than this are forgotten: a week-old "More quotes" button answers with a fresh question instead. */
const PAGE_DAYS = 7;


export class SqliteState implements State {
  private readonly claim: (b: Parameters<State['claimBriefing']>[0], staleMs: number, at: Date) => Briefing | null;

  constructor(private readonly db: Database.Database, private readonly now: () => Date = () => new Date()) {
    // BEGIN IMMEDIATE takes the write lock first: two processes claiming the same briefing are serialised.
    const claim = db.transaction((b: Parameters<State['claimBriefing']>[0], staleMs: number, at: Date): Briefing | null => {
      const existing = this.briefingRow(b.platform, b.channel, b.slot);
      if (!existing) {
        db.prepare(
          `INSERT INTO briefings (platform, channel, slot, status, since, until, claimed_by, claimed_at, attempts)
           VALUES (?, ?, ?, 'claimed', ?, ?, ?, ?, 1)`,
        ).run(b.platform, b.channel, b.slot, b.since, b.until, b.claimedBy, at.toISOString());
        return this.briefingRow(b.platform, b.channel, b.slot);
      }
      const abandoned = existing.status === 'claimed' && at.getTime() - Date.parse(existing.claimedAt) >= staleMs;
      if (!abandoned) return null;
      db.prepare('UPDATE briefings SET claimed_by = ?, claimed_at = ?, attempts = attempts + 1, status = ? WHERE platform = ? AND channel = ? AND slot = ?').run(
        b.claimedBy, at.toISOString(), 'claimed', b.platform, b.channel, b.slot,
      );
      return this.briefingRow(b.platform, b.channel, b.slot);
    });
    this.claim = (b, staleMs, at) => claim.immediate(b, staleMs, at);
  }

  async savePage(question: string): Promise<string> {
    const id = randomBytes(6).toString('base64url');
    const now = this.now().getTime();
    this.db.prepare('DELETE FROM pages WHERE created_at < ?').run(now - PAGE_DAYS * 86_400_000);
    this.db.prepare('INSERT INTO pages (id, question, created_at) VALUES (?, ?, ?)').run(id, question, now);
    return id;
  }

  async page(id: string): Promise<string | null> {
    return (this.db.prepare('SELECT question FROM pages WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
  }

  async claimEvent(id: string, keepMs = 3_600_000): Promise<boolean> {
    const now = this.now().getTime();
    this.db.prepare('DELETE FROM handled_events WHERE at < ?').run(now - keepMs);
    return this.db.prepare('INSERT OR IGNORE INTO handled_events (id, at) VALUES (?, ?)').run(id, now).changes === 1;
  }

  async subscribe(s: Omit<Subscription, 'createdAt'>): Promise<Subscription> {
    const createdAt = this.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO subscriptions (platform, channel, cron, timezone, post_when_empty, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, channel) DO UPDATE SET cron = excluded.cron, timezone = excluded.timezone,
           post_when_empty = excluded.post_when_empty, created_by = excluded.created_by, created_at = excluded.created_at`,
      )
      .run(s.platform, s.channel, s.cron, s.timezone, s.postWhenEmpty ? 1 : 0, s.createdBy, createdAt);
    return { ...s, createdAt };
  }

  async unsubscribe(platform: Platform, channel: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel = ?').run(platform, channel).changes > 0;
  }

  async subscription(platform: Platform, channel: string): Promise<Subscription | null> {
    const row = this.db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel = ?').get(platform, channel) as Row | undefined;
    return row ? toSubscription(row) : null;
  }

  async subscriptions(): Promise<Subscription[]> {
    return (this.db.prepare('SELECT * FROM subscriptions ORDER BY platform, channel').all() as Row[]).map(toSubscription);
  }

  async claimBriefing(b: Parameters<State['claimBriefing']>[0], staleMs: number, at: Date): Promise<Briefing | null> {
    return this.claim(b, staleMs, at);
  }

  async finishBriefing(platform: Platform, channel: string, slot: string, result: { messageId: string } | { error: string; final: boolean }): Promise<void> {
    if ('messageId' in result) {
      this.db.prepare("UPDATE briefings SET status = 'posted', message_id = ?, error = NULL WHERE platform = ? AND channel = ? AND slot = ?").run(result.messageId, platform, channel, slot);
    } else {
      // A retryable failure keeps the claim (to be retaken when stale); a final one ends it.
      this.db.prepare('UPDATE briefings SET status = ?, error = ? WHERE platform = ? AND channel = ? AND slot = ?').run(result.final ? 'failed' : 'claimed', result.error, platform, channel, slot);
    }
  }

  async lastBriefing(platform: Platform, channel: string): Promise<Briefing | null> {
    const row = this.db.prepare("SELECT * FROM briefings WHERE platform = ? AND channel = ? AND status = 'posted' ORDER BY slot DESC LIMIT 1").get(platform, channel) as Row | undefined;
    return row ? toBriefing(row) : null;
  }

  async briefings(platform: Platform, channel: string): Promise<Briefing[]> {
    return (this.db.prepare('SELECT * FROM briefings WHERE platform = ? AND channel = ? ORDER BY slot').all(platform, channel) as Row[]).map(toBriefing);
  }

  async briefing(platform: Platform, channel: string, slot: string): Promise<Briefing | null> {
    return this.briefingRow(platform, channel, slot);
  }

  async lease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = this.now().getTime();
    // One statement: taken when free, expired or already ours; otherwise the row is left as it is.
    return this.db.prepare(
      `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.holder = excluded.holder OR leases.expires_at <= ?`,
    ).run(name, holder, now + ttlMs, now).changes === 1;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    this.db.prepare('DELETE FROM leases WHERE name = ? AND holder = ?').run(name, holder);
  }

  private briefingRow(platform: Platform, channel: string, slot: string): Briefing | null {
    const row = this.db.prepare('SELECT * FROM briefings WHERE platform = ? AND channel = ? AND slot = ?').get(platform, channel, slot) as Row | undefined;
    return row ? toBriefing(row) : null;
  }
}
