// State in the same SQLite file as the index, in tables the index rebuild never touches (created and changed by
// ./migrations.ts before this is constructed).
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { Alert, Briefing, FetchResult, Platform, SourceRecord, State, Subscription, Watch, WatchKind } from './state.ts';
import { boundedKey, fetchSet, rowLimit, termKey, toAlert, toBriefing, toSource, toSubscription, toWatch, unseenOf, type Row } from './rows.ts';


/** Pages older than this are forgotten: a week-old "More quotes" button answers with a fresh question instead. */
const PAGE_DAYS = 7;

/** Entry keys asked about per statement: well under SQLite's limit on bound parameters. */
const KEYS_PER_QUERY = 500;

export class SqliteState implements State {
  private readonly claim: (b: Parameters<State['claimBriefing']>[0], staleMs: number, at: Date) => Briefing | null;
  private readonly claimAlertRow: (a: Parameters<State['claimAlert']>[0], staleMs: number, at: Date) => Alert | null;

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

    // The same discipline for alerts.
    const claimAlert = db.transaction((a: Parameters<State['claimAlert']>[0], staleMs: number, at: Date): Alert | null => {
      const existing = this.alertRow(a.platform, a.channel, a.key);
      if (!existing) {
        db.prepare(
          `INSERT INTO alerts (platform, channel, key, status, claimed_by, claimed_at, attempts) VALUES (?, ?, ?, 'claimed', ?, ?, 1)`,
        ).run(a.platform, a.channel, a.key, a.claimedBy, at.toISOString());
        return this.alertRow(a.platform, a.channel, a.key);
      }
      const abandoned = existing.status === 'claimed' && at.getTime() - Date.parse(existing.claimedAt) >= staleMs;
      if (!abandoned) return null;
      db.prepare("UPDATE alerts SET claimed_by = ?, claimed_at = ?, attempts = attempts + 1, status = 'claimed' WHERE platform = ? AND channel = ? AND key = ?").run(
        a.claimedBy, at.toISOString(), a.platform, a.channel, a.key,
      );
      return this.alertRow(a.platform, a.channel, a.key);
    });
    this.claimAlertRow = (a, staleMs, at) => claimAlert.immediate(a, staleMs, at);
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

  async addSource(url: string, addedBy: string | null): Promise<{ source: SourceRecord; added: boolean }> {
    const now = this.now().toISOString();
    return this.db.transaction(() => {
      const added = this.db
        .prepare('INSERT INTO sources (url_key, url, added_by, added_at, next_fetch_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (url_key) DO NOTHING')
        .run(boundedKey(url), url, addedBy, now, now).changes === 1;
      return { source: this.sourceRow(url)!, added };
    }).immediate();
  }

  async removeSource(url: string): Promise<boolean> {
    return this.db.transaction(() => {
      const id = this.sourceId(url);
      if (id === undefined) return false;
      // Explicitly: the connection may not enforce foreign keys (and so not cascade).
      this.db.prepare('DELETE FROM source_entries WHERE source_id = ?').run(id);
      this.db.prepare('DELETE FROM documents WHERE source_id = ?').run(id);
      this.db.prepare('DELETE FROM sources WHERE id = ?').run(id);
      return true;
    }).immediate();
  }

  async sources(): Promise<SourceRecord[]> {
    return (this.db.prepare('SELECT * FROM sources ORDER BY id').all() as Row[]).map(toSource);
  }

  async source(url: string): Promise<SourceRecord | null> {
    return this.sourceRow(url);
  }

  async dueSources(at: Date, limit: number): Promise<SourceRecord[]> {
    // ISO times of one format sort as text in time order.
    return (this.db.prepare('SELECT * FROM sources WHERE next_fetch_at <= ? ORDER BY next_fetch_at, id LIMIT ?').all(at.toISOString(), rowLimit(limit)) as Row[]).map(toSource);
  }

  async recordFetch(url: string, r: FetchResult): Promise<void> {
    const params: unknown[] = [];
    const set = fetchSet(r, (v) => (params.push(v), '?'));
    this.db.prepare(`UPDATE sources SET ${set} WHERE url_key = ?`).run(...params, boundedKey(url));
  }

  async unseenEntries(url: string, ids: string[]): Promise<string[]> {
    const id = this.sourceId(url);
    const seen = new Set<string>();
    if (id !== undefined) {
      const keys = [...new Set(ids.map(boundedKey))];
      for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
        const chunk = keys.slice(i, i + KEYS_PER_QUERY);
        const found = this.db
          .prepare(`SELECT entry_key FROM source_entries WHERE source_id = ? AND entry_key IN (${chunk.map(() => '?').join(', ')})`)
          .pluck()
          .all(id, ...chunk) as string[];
        for (const key of found) seen.add(key);
      }
    }
    return unseenOf(ids, seen);
  }

  async markEntries(url: string, entries: { id: string; file: string }[]): Promise<void> {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      const id = this.sourceId(url);
      if (id === undefined) return;
      const insert = this.db.prepare('INSERT OR IGNORE INTO source_entries (source_id, entry_key, file, indexed_at) VALUES (?, ?, ?, ?)');
      for (const e of entries) insert.run(id, boundedKey(e.id), e.file, at);
    }).immediate();
  }

  async keepDocument(d: { source: string; entryId: string; file: string; body: string; fetchedAt: Date; quiet: boolean }): Promise<void> {
    const body = Buffer.from(d.body, 'utf8');
    this.db.transaction(() => {
      const id = this.sourceId(d.source);
      if (id === undefined) return;
      this.db.prepare('INSERT OR IGNORE INTO documents (file, source_id, body, size, fetched_at_ms, quiet) VALUES (?, ?, ?, ?, ?, ?)').run(d.file, id, body, body.length, d.fetchedAt.getTime(), d.quiet ? 1 : 0);
      this.db.prepare('INSERT OR IGNORE INTO source_entries (source_id, entry_key, file, indexed_at) VALUES (?, ?, ?, ?)').run(id, boundedKey(d.entryId), d.file, this.now().toISOString());
    }).immediate();
  }

  async documentStamps(): Promise<{ file: string; size: number; mtimeMs: number }[]> {
    return this.db.prepare('SELECT file, size, fetched_at_ms AS mtimeMs FROM documents ORDER BY file').all() as { file: string; size: number; mtimeMs: number }[];
  }

  async document(file: string): Promise<Buffer | null> {
    return (this.db.prepare('SELECT body FROM documents WHERE file = ?').pluck().get(file) as Buffer | undefined) ?? null;
  }

  async quietFiles(files: string[]): Promise<Set<string>> {
    const quiet = this.db.prepare('SELECT quiet FROM documents WHERE file = ?').pluck();
    return new Set(files.filter((f) => quiet.get(f) === 1));
  }

  async addWatch(w: Omit<Watch, 'createdAt'>): Promise<{ watch: Watch; added: boolean }> {
    const key = termKey(w.term);
    return this.db.transaction(() => {
      const added = this.db
        .prepare(
          `INSERT INTO watches (platform, channel, kind, term_key, term, created_by, created_at, since_article) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (platform, channel, kind, term_key) DO NOTHING`,
        )
        .run(w.platform, w.channel, w.kind, key, w.term, w.createdBy, this.now().toISOString(), w.sinceArticle).changes === 1;
      const row = this.db.prepare('SELECT * FROM watches WHERE platform = ? AND channel = ? AND kind = ? AND term_key = ?').get(w.platform, w.channel, w.kind, key) as Row;
      return { watch: toWatch(row), added };
    }).immediate();
  }

  async removeWatch(platform: Platform, channel: string, kind: WatchKind, term: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM watches WHERE platform = ? AND channel = ? AND kind = ? AND term_key = ?').run(platform, channel, kind, termKey(term)).changes > 0;
  }

  async watches(platform?: Platform, channel?: string): Promise<Watch[]> {
    // A filter left out (null) matches every row.
    const sql = 'SELECT * FROM watches WHERE platform = coalesce(?, platform) AND channel = coalesce(?, channel) ORDER BY id';
    return (this.db.prepare(sql).all(platform ?? null, channel ?? null) as Row[]).map(toWatch);
  }

  async claimAlert(a: Parameters<State['claimAlert']>[0], staleMs: number, at: Date): Promise<Alert | null> {
    return this.claimAlertRow(a, staleMs, at);
  }

  async finishAlert(platform: Platform, channel: string, key: string, result: { messageId: string } | { error: string; final: boolean }): Promise<void> {
    if ('messageId' in result) {
      this.db.prepare("UPDATE alerts SET status = 'posted', message_id = ?, error = NULL WHERE platform = ? AND channel = ? AND key = ?").run(result.messageId, platform, channel, key);
    } else {
      // A retryable failure keeps the claim (to be retaken when stale); a final one ends it.
      this.db.prepare('UPDATE alerts SET status = ?, error = ? WHERE platform = ? AND channel = ? AND key = ?').run(result.final ? 'failed' : 'claimed', result.error, platform, channel, key);
    }
  }

  async alert(platform: Platform, channel: string, key: string): Promise<Alert | null> {
    return this.alertRow(platform, channel, key);
  }

  async alertCursor(platform: Platform, channel: string): Promise<number | null> {
    return (this.db.prepare('SELECT article_id FROM alert_cursors WHERE platform = ? AND channel = ?').pluck().get(platform, channel) as number | undefined) ?? null;
  }

  async advanceAlertCursor(platform: Platform, channel: string, articleId: number): Promise<void> {
    this.db.prepare(
      `INSERT INTO alert_cursors (platform, channel, article_id) VALUES (?, ?, ?)
       ON CONFLICT (platform, channel) DO UPDATE SET article_id = excluded.article_id WHERE excluded.article_id > alert_cursors.article_id`,
    ).run(platform, channel, articleId);
  }

  private sourceRow(url: string): SourceRecord | null {
    const row = this.db.prepare('SELECT * FROM sources WHERE url_key = ?').get(boundedKey(url)) as Row | undefined;
    return row ? toSource(row) : null;
  }

  private sourceId(url: string): number | undefined {
    return this.db.prepare('SELECT id FROM sources WHERE url_key = ?').pluck().get(boundedKey(url)) as number | undefined;
  }

  private alertRow(platform: Platform, channel: string, key: string): Alert | null {
    const row = this.db.prepare('SELECT * FROM alerts WHERE platform = ? AND channel = ? AND key = ?').get(platform, channel, key) as Row | undefined;
    return row ? toAlert(row) : null;
  }

  private briefingRow(platform: Platform, channel: string, slot: string): Briefing | null {
    const row = this.db.prepare('SELECT * FROM briefings WHERE platform = ? AND channel = ? AND slot = ?').get(platform, channel, slot) as Row | undefined;
    return row ? toBriefing(row) : null;
  }
}
