// State in PostgreSQL, shared by every replica on the database (tables made by ./migrations.ts). Whatever only one
// replica may win (a briefing or alert claim, an event, a lease, a source or watch added) is decided by one atomic statement, never read-then-write.
import { randomBytes } from 'node:crypto';
import type { Alert, Briefing, FetchResult, Platform, SourceRecord, State, Subscription, Watch, WatchKind } from '../state/state.ts';
import { boundedKey, fetchSet, rowLimit, termKey, toAlert, toBriefing, toSource, toSubscription, toWatch, unseenOf } from '../state/rows.ts';
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

  async addSource(url: string, addedBy: string | null): Promise<{ source: SourceRecord; added: boolean }> {
    const now = this.now().toISOString();
    const key = boundedKey(url);
    // Inserted, or there already; read again in a fresh snapshot, which sees a row another replica just added. Only
    // a removal in between sends it round again.
    for (let tries = 0; tries < 3; tries++) {
      const [mine] = await this.sql.query(
        'INSERT INTO sources (url_key, url, added_by, added_at, next_fetch_at) VALUES ($1, $2, $3, $4, $4) ON CONFLICT (url_key) DO NOTHING RETURNING *',
        [key, url, addedBy, now],
      );
      if (mine) return { source: toSource(mine), added: true };
      const [theirs] = await this.sql.query('SELECT * FROM sources WHERE url_key = $1', [key]);
      if (theirs) return { source: toSource(theirs), added: false };
    }
    throw new Error(`the source ${url} was added and removed again by others while it was being added: try adding it again`);
  }

  async removeSource(url: string): Promise<boolean> {
    // Its entries go with it (ON DELETE CASCADE).
    return (await this.sql.query('DELETE FROM sources WHERE url_key = $1 RETURNING id', [boundedKey(url)])).length > 0;
  }

  async sources(): Promise<SourceRecord[]> {
    return (await this.sql.query('SELECT * FROM sources ORDER BY id')).map(toSource);
  }

  async source(url: string): Promise<SourceRecord | null> {
    const [row] = await this.sql.query('SELECT * FROM sources WHERE url_key = $1', [boundedKey(url)]);
    return row ? toSource(row) : null;
  }

  async dueSources(at: Date, limit: number): Promise<SourceRecord[]> {
    return (await this.sql.query('SELECT * FROM sources WHERE next_fetch_at <= $1 ORDER BY next_fetch_at, id LIMIT $2', [at.toISOString(), rowLimit(limit)])).map(toSource);
  }

  async recordFetch(url: string, r: FetchResult): Promise<void> {
    const params: unknown[] = [boundedKey(url)];
    const set = fetchSet(r, (v) => `$${params.push(v)}`);
    await this.sql.query(`UPDATE sources SET ${set} WHERE url_key = $1`, params);
  }

  async unseenEntries(url: string, ids: string[]): Promise<string[]> {
    const keys = [...new Set(ids.map(boundedKey))];
    const seen = keys.length
      ? await this.sql.query<{ entry_key: string }>(
        'SELECT e.entry_key FROM source_entries e JOIN sources s ON s.id = e.source_id WHERE s.url_key = $1 AND e.entry_key = ANY($2::text[])',
        [boundedKey(url), keys],
      )
      : [];
    return unseenOf(ids, new Set(seen.map((r) => r.entry_key)));
  }

  async markEntries(url: string, entries: { id: string; file: string }[]): Promise<void> {
    if (!entries.length) return;
    // One statement; nothing when the source is gone; an entry marked already (or twice here) is left as it is.
    await this.sql.query(
      `INSERT INTO source_entries (source_id, entry_key, file, indexed_at)
       SELECT s.id, e.key, e.file, $4::timestamptz FROM sources s, unnest($2::text[], $3::text[]) AS e(key, file) WHERE s.url_key = $1
       ON CONFLICT (source_id, entry_key) DO NOTHING`,
      [boundedKey(url), entries.map((e) => boundedKey(e.id)), entries.map((e) => e.file), this.now().toISOString()],
    );
  }

  async keepDocument(d: { source: string; entryId: string; file: string; body: string; fetchedAt: Date; quiet: boolean }): Promise<void> {
    const body = Buffer.from(d.body, 'utf8');
    // One statement each, nothing when the source is gone; its documents and entries go with it (ON DELETE CASCADE).
    await this.sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO documents (file, source_id, body, size, fetched_at_ms, quiet) SELECT $2, s.id, $3, $4, $5, $6 FROM sources s WHERE s.url_key = $1
         ON CONFLICT (file) DO NOTHING`,
        [boundedKey(d.source), d.file, body, body.length, d.fetchedAt.getTime(), d.quiet],
      );
      await tx.query(
        `INSERT INTO source_entries (source_id, entry_key, file, indexed_at) SELECT s.id, $2, $3, $4::timestamptz FROM sources s WHERE s.url_key = $1
         ON CONFLICT (source_id, entry_key) DO NOTHING`,
        [boundedKey(d.source), boundedKey(d.entryId), d.file, this.now().toISOString()],
      );
    });
  }

  async documentStamps(): Promise<{ file: string; size: number; mtimeMs: number }[]> {
    return (await this.sql.query<{ file: string; size: number; mtimeMs: number }>('SELECT file, size, fetched_at_ms AS "mtimeMs" FROM documents ORDER BY file COLLATE "C"')).map((r) => ({ ...r, mtimeMs: Number(r.mtimeMs) }));
  }

  async document(file: string): Promise<Buffer | null> {
    const [row] = await this.sql.query<{ body: Uint8Array }>('SELECT body FROM documents WHERE file = $1', [file]);
    return row ? Buffer.from(row.body) : null;
  }

  async quietFiles(files: string[]): Promise<Set<string>> {
    if (!files.length) return new Set();
    const rows = await this.sql.query<{ file: string }>('SELECT file FROM documents WHERE quiet AND file = ANY($1::text[])', [files]);
    return new Set(rows.map((r) => r.file));
  }

  async addWatch(w: Omit<Watch, 'createdAt'>): Promise<{ watch: Watch; added: boolean }> {
    const key = termKey(w.term);
    // As addSource: inserted, or read again in a fresh snapshot; only a removal in between sends it round again.
    for (let tries = 0; tries < 3; tries++) {
      const [mine] = await this.sql.query(
        `INSERT INTO watches (platform, channel, kind, term_key, term, created_by, created_at, since_article) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (platform, channel, kind, term_key) DO NOTHING RETURNING *`,
        [w.platform, w.channel, w.kind, key, w.term, w.createdBy, this.now().toISOString(), w.sinceArticle],
      );
      if (mine) return { watch: toWatch(mine), added: true };
      const [theirs] = await this.sql.query('SELECT * FROM watches WHERE platform = $1 AND channel = $2 AND kind = $3 AND term_key = $4', [w.platform, w.channel, w.kind, key]);
      if (theirs) return { watch: toWatch(theirs), added: false };
    }
    throw new Error(`the watch for "${w.term}" was added and removed again by others while it was being added: try adding it again`);
  }

  async removeWatch(platform: Platform, channel: string, kind: WatchKind, term: string): Promise<boolean> {
    const rows = await this.sql.query('DELETE FROM watches WHERE platform = $1 AND channel = $2 AND kind = $3 AND term_key = $4 RETURNING id', [platform, channel, kind, termKey(term)]);
    return rows.length > 0;
  }

  async watches(platform?: Platform, channel?: string): Promise<Watch[]> {
    // A filter left out (null) matches every row.
    const rows = await this.sql.query('SELECT * FROM watches WHERE platform = coalesce($1, platform) AND channel = coalesce($2, channel) ORDER BY id', [platform ?? null, channel ?? null]);
    return rows.map(toWatch);
  }

  async claimAlert(a: Parameters<State['claimAlert']>[0], staleMs: number, at: Date): Promise<Alert | null> {
    // As claimBriefing: one statement, a new row ours, an existing one retaken only while still claimed and stale.
    const [row] = await this.sql.query(
      `INSERT INTO alerts (platform, channel, key, status, claimed_by, claimed_at, attempts)
       VALUES ($1, $2, $3, 'claimed', $4, $5, 1)
       ON CONFLICT (platform, channel, key) DO UPDATE
         SET claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at, attempts = alerts.attempts + 1, status = 'claimed'
         WHERE alerts.status = 'claimed' AND alerts.claimed_at <= $6
       RETURNING *`,
      [a.platform, a.channel, a.key, a.claimedBy, at.toISOString(), new Date(at.getTime() - staleMs).toISOString()],
    );
    return row ? toAlert(row) : null;
  }

  async finishAlert(platform: Platform, channel: string, key: string, result: { messageId: string } | { error: string; final: boolean }): Promise<void> {
    if ('messageId' in result) {
      await this.sql.query("UPDATE alerts SET status = 'posted', message_id = $1, error = NULL WHERE platform = $2 AND channel = $3 AND key = $4", [result.messageId, platform, channel, key]);
    } else {
      // A retryable failure keeps the claim (to be retaken when stale); a final one ends it.
      await this.sql.query('UPDATE alerts SET status = $1, error = $2 WHERE platform = $3 AND channel = $4 AND key = $5', [result.final ? 'failed' : 'claimed', result.error, platform, channel, key]);
    }
  }

  async alert(platform: Platform, channel: string, key: string): Promise<Alert | null> {
    const [row] = await this.sql.query('SELECT * FROM alerts WHERE platform = $1 AND channel = $2 AND key = $3', [platform, channel, key]);
    return row ? toAlert(row) : null;
  }

  async alertCursor(platform: Platform, channel: string): Promise<number | null> {
    const [row] = await this.sql.query<{ article_id: number }>('SELECT article_id FROM alert_cursors WHERE platform = $1 AND channel = $2', [platform, channel]);
    return row?.article_id ?? null;
  }

  async advanceAlertCursor(platform: Platform, channel: string, articleId: number): Promise<void> {
    // One statement: of replicas advancing at once, the furthest wins whatever the order.
    await this.sql.query(
      `INSERT INTO alert_cursors (platform, channel, article_id) VALUES ($1, $2, $3)
       ON CONFLICT (platform, channel) DO UPDATE SET article_id = excluded.article_id WHERE excluded.article_id > alert_cursors.article_id`,
      [platform, channel, articleId],
    );
  }
}
