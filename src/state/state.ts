// What the bot must remember that the seeds cannot rebuild: paging for "More quotes" buttons, chat events already
// answered, each channel's briefing subscription, and which briefings have been claimed and posted.

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
}
