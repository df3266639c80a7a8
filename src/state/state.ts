// What the bot must remember that the seeds cannot rebuild: paging for "More quotes" buttons, chat events already
// answered, each channel's briefing subscription, which briefings have been claimed and posted, the sources it polls
// (and which of their entries it has indexed), each channel's watches, and which alerts have been claimed and posted.

/** An adapter's name ("slack", "discord", "console"): the core keeps events, pages and subscriptions per platform. */
export type Platform = string;

export interface Subscription {
  platform: Platform;
  channel: string;
  /** A cron expression in `timezone` (node-cron syntax, five fields). */
  cron: string;
  timezone: string;
  /** Post "nothing new since …" on a day without news (otherwise post nothing). */
  postWhenEmpty: boolean;
  createdBy: string | null;
  createdAt: string;
}

export type BriefingStatus = 'claimed' | 'posted' | 'failed';

export interface Briefing {
  platform: Platform;
  channel: string;
  /** The scheduled slot (ISO) this briefing is for: unique per channel. */
  slot: string;
  status: BriefingStatus;
  /** The previous briefing's cut-off: articles numbered after it are in this one (null: the first briefing). */
  since: string | null;
  /** Its own cut-off, the latest article number when it was claimed: the next briefing covers what comes after. */
  until: string;
  claimedBy: string;
  claimedAt: string;
  attempts: number;
  messageId: string | null;
  error: string | null;
}

/** A feed or article page the bot polls, and how its fetches went. */
export interface SourceRecord {
  /** As added (normalised by the caller): the key. */
  url: string;
  /** Who added it: "slack:U123", "cli", … */
  addedBy: string | null;
  addedAt: string;
  /** null until first fetched. */
  kind: 'feed' | 'page' | null;
  title: string | null;
  /** The validators for a conditional GET. */
  etag: string | null;
  lastModified: string | null;
  lastFetchAt: string | null;
  lastStatus: FetchStatus | null;
  /** The last failure's message, kept until a success. */
  lastError: string | null;
  /** Consecutive failures: 0 after a success. */
  failures: number;
  /** Entries indexed from it so far. */
  items: number;
  /** When it is next due; a new source is due at once. */
  nextFetchAt: string;
  /** Its first successful fetch (that read every entry it then held): what it held then is indexed but never alerted. */
  firstFetchAt: string | null;
}

export type FetchStatus = 'ok' | 'not-modified' | 'error';

/** How one fetch of a source went. Fields left out keep their value; etag, lastModified and title may be cleared with null. */
export interface FetchResult {
  at: Date;
  status: FetchStatus;
  nextFetchAt: Date;
  kind?: 'feed' | 'page';
  title?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  /** The failure's message (status 'error'). */
  error?: string;
  /** Entries indexed from this fetch. */
  newItems?: number;
  /**
   * false: an ok fetch that left entries the source already held for the next polls (a long feed's first import),
   * so firstFetchAt stays unset and those entries come quietly too. Default true.
   */
  firstImportDone?: boolean;
}

export type WatchKind = 'speaker' | 'phrase';

/** A channel's standing request: alert when this speaker is quoted, or this phrase is said. */
export interface Watch {
  platform: Platform;
  channel: string;
  kind: WatchKind;
  /** As typed, e.g. "Bessent" or "rare earths". */
  term: string;
  createdBy: string | null;
  createdAt: string;
  /** The latest article id when it was made: only articles after it can alert. */
  sinceArticle: number;
}

export type AlertStatus = 'claimed' | 'posted' | 'failed';

export interface Alert {
  platform: Platform;
  channel: string;
  /** What the alert is about, e.g. "quote:123" or a burst's key: unique per channel. */
  key: string;
  status: AlertStatus;
  claimedBy: string;
  claimedAt: string;
  attempts: number;
  messageId: string | null;
  error: string | null;
}

export interface State {
  /** Remembers a question for paging buttons; returns a short id that fits a Discord custom_id. */
  savePage(question: string): Promise<string>;
  page(id: string): Promise<string | null>;
  /** True the first time an event id is seen (within `keepMs`): a redelivered event is answered once. */
  claimEvent(id: string, keepMs?: number): Promise<boolean>;

  subscribe(s: Omit<Subscription, 'createdAt'>): Promise<Subscription>;
  unsubscribe(platform: Platform, channel: string): Promise<boolean>;
  subscription(platform: Platform, channel: string): Promise<Subscription | null>;
  subscriptions(): Promise<Subscription[]>;

  /**
   * Claims the briefing of one channel for one slot. Exactly one caller (process, tick) ever gets true for a
   * (channel, slot); everyone else gets null. A claim abandoned mid-post (crash, failure) can be retaken once it is
   * `staleMs` old at `at` (the scheduler's clock).
   */
  claimBriefing(b: Pick<Briefing, 'platform' | 'channel' | 'slot' | 'since' | 'until' | 'claimedBy'>, staleMs: number, at: Date): Promise<Briefing | null>;
  finishBriefing(platform: Platform, channel: string, slot: string, result: { messageId: string } | { error: string; final: boolean }): Promise<void>;
  /** The last briefing posted to a channel: its cut-off is where the next one starts. */
  lastBriefing(platform: Platform, channel: string): Promise<Briefing | null>;
  briefings(platform: Platform, channel: string): Promise<Briefing[]>;
  briefing(platform: Platform, channel: string, slot: string): Promise<Briefing | null>;

  /**
   * Takes or renews the lease `name` (e.g. "discord-gateway") for `holder` until `ttlMs` after the clock: true when
   * `holder` has it now, false while another holder's lease lasts. What only one replica may do at a time is done
   * under a lease renewed well within its time; a holder that dies loses it when the time runs out.
   */
  lease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives up the lease `name` if `holder` has it (a clean shutdown: another replica may take it at once). */
  releaseLease(name: string, holder: string): Promise<void>;

  /** Adds a source, due at once; `added` false: it was there already, and is returned unchanged. */
  addSource(url: string, addedBy: string | null): Promise<{ source: SourceRecord; added: boolean }>;
  /** Forgets a source, which of its entries were indexed and the documents it brought; false when there was none. */
  removeSource(url: string): Promise<boolean>;
  /** In the order added. */
  sources(): Promise<SourceRecord[]>;
  source(url: string): Promise<SourceRecord | null>;
  /** Up to `limit` sources due at `at` (nextFetchAt <= at), the earliest due first. */
  dueSources(at: Date, limit: number): Promise<SourceRecord[]>;
  /**
   * Records a fetch. ok and not-modified: failures back to 0, lastError cleared, firstFetchAt set by the first ok;
   * error: one more failure, its message kept, the validators, kind and title kept. A removed source: nothing.
   */
  recordFetch(url: string, r: FetchResult): Promise<void>;
  /** Of an entry's ids, those this source has not indexed yet (an entry is fetched and indexed once), each once, in order. */
  unseenEntries(url: string, ids: string[]): Promise<string[]>;
  /** Remembers entries as indexed from this source (into `file`); idempotent, nothing for a removed source. */
  markEntries(url: string, entries: { id: string; file: string }[]): Promise<void>;

  /**
   * Keeps a page or feed entry a source brought, as fetched, under its article file name, and marks the entry as
   * indexed; the index is built from documents as from the seeds folder's files. `quiet`: brought by the source's
   * first fetch — answerable, never alerted. A file kept already is left as it is; nothing for a removed source.
   */
  keepDocument(d: { source: string; entryId: string; file: string; body: string; fetchedAt: Date; quiet: boolean }): Promise<void>;
  /** Every document's file name, size in bytes and fetch time: what a sync compares with the index. */
  documentStamps(): Promise<{ file: string; size: number; mtimeMs: number }[]>;
  /** A document's bytes, or null when there is none (its source was removed). */
  document(file: string): Promise<Buffer | null>;
  /** Of `files`, those kept as quiet documents (a source's first fetch): indexed but never alerted. */
  quietFiles(files: string[]): Promise<Set<string>>;

  /** One watch per (platform, channel, kind, term in any case): re-adding keeps the original (`added` false). */
  addWatch(w: Omit<Watch, 'createdAt'>): Promise<{ watch: Watch; added: boolean }>;
  /** `term` matched in any case; false when there was no such watch. */
  removeWatch(platform: Platform, channel: string, kind: WatchKind, term: string): Promise<boolean>;
  /** All watches, a platform's or a channel's, in the order made. */
  watches(platform?: Platform, channel?: string): Promise<Watch[]>;

  /**
   * Claims the alert `key` for a channel, as claimBriefing does a briefing: exactly one caller (process, tick)
   * ever gets it; a claim abandoned mid-post can be retaken once it is `staleMs` old at `at`.
   */
  claimAlert(a: Pick<Alert, 'platform' | 'channel' | 'key' | 'claimedBy'>, staleMs: number, at: Date): Promise<Alert | null>;
  finishAlert(platform: Platform, channel: string, key: string, result: { messageId: string } | { error: string; final: boolean }): Promise<void>;
  alert(platform: Platform, channel: string, key: string): Promise<Alert | null>;
  /** Per channel, the highest article id already considered for alerts: the next check starts after it. */
  alertCursor(platform: Platform, channel: string): Promise<number | null>;
  /** Moves the channel's cursor to `articleId`, never back. */
  advanceAlertCursor(platform: Platform, channel: string, articleId: number): Promise<void>;
}
