// The morning briefing on schedule. node-cron ticks every minute; each tick finds the subscriptions that are due
// (latestSlot), claims each (channel, slot) in the database, composes the digest of what arrived since that
// channel's last briefing, and posts it through the channel's adapter. The database claim, not node-cron, is what
// makes it exactly once: a second tick, a restart, or a second process sharing the database gets no claim.
// Alerts for watches are checked after each poll of the sources and after a briefing tick's sync, in a run of their
// own (checkAlerts) that a briefing never waits for.
import cron from 'node-cron';
import { hostname } from 'node:os';
import type { Briefbot } from '../bot.ts';
import { withContext, type Logger } from '../log.ts';
import type { Platform, Subscription } from '../state/state.ts';
import { latestSlot } from '../schedule/slots.ts';
import { nothingNew } from '../present.ts';
import type { ChatAdapter } from './ports.ts';
import { checkAlerts, type AlertOutcome } from '../alerts/alerts.ts';

export interface SchedulerOptions {
  logger: Logger;
  /** How late a missed briefing may still be posted (default two hours). */
  graceMs?: number;
  /** A claim older than this whose post never completed (a crash, a failure) is taken again; doubles per attempt. */
  retryAfterMs?: number;
  /** Attempts before a briefing is given up (and logged). */
  maxAttempts?: number;
  /** Names this process in claims, so logs show who posted. */
  instance?: string;
  now?: () => Date;
}

export type Outcome = { channel: string; platform: Platform; slot: string; result: 'posted' | 'empty-skipped' | 'not-mine' | 'failed' | 'no-adapter'; error?: string };

export class Scheduler {
  private task: ReturnType<typeof cron.schedule> | null = null;
  private pollTask: ReturnType<typeof cron.schedule> | null = null;
  private polling: Promise<void> = Promise.resolve();
  private ticking: Promise<Outcome[]> | null = null;
  private alerting: Promise<AlertOutcome[]> | null = null;
  private stopping = false;
  private readonly adapters: Map<Platform, ChatAdapter>;
  private readonly graceMs: number;
  private readonly retryAfterMs: number;
  private readonly maxAttempts: number;
  private readonly instance: string;
  private readonly now: () => Date;

  constructor(private readonly bot: Briefbot, adapters: ChatAdapter[], private readonly options: SchedulerOptions) {
    this.adapters = new Map(adapters.map((a) => [a.platform, a]));
    this.graceMs = options.graceMs ?? 2 * 3_600_000;
    this.retryAfterMs = options.retryAfterMs ?? 60_000;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.instance = options.instance ?? `${hostname()}:${process.pid}`;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Ticks at every minute, and once now so a briefing missed while down goes out at start-up. Polled sources that
   * are due are fetched on a schedule of their own (a slow feed must not hold up a briefing).
   */
  start(): void {
    // A tick that fails as a whole (the database unreachable) is logged and tried again at the next minute.
    const tick = () => void this.tick().catch((err: Error) => this.options.logger.error(`briefings: ${err.message}`));
    this.task = cron.schedule('* * * * *', tick, { name: 'briefbot-briefings', noOverlap: true });
    const poll = () => {
      if (this.stopping) return;
      this.polling = this.bot.polled.pollDue().then(() => undefined, (err: Error) => this.options.logger.error(`sources: ${err.message}`)).then(() => this.alertsInBackground());
    };
    this.pollTask = cron.schedule('* * * * *', poll, { name: 'briefbot-sources', noOverlap: true });
    tick();
    poll();
  }

  /** No more ticks, and a tick or alert check under way claims nothing further: what it is posting finishes (or fails). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.task?.destroy();
    await this.pollTask?.destroy();
    this.task = null;
    this.pollTask = null;
    await this.ticking;
    await this.alerting;
  }

  /** Resolves when the poll of sources under way (if any) has finished. */
  async polled(): Promise<void> {
    await this.polling;
  }

  /** One pass over every subscription. Ticks never overlap within a process; across processes the claim decides. */
  async tick(): Promise<Outcome[]> {
    if (this.ticking) return this.ticking;
    this.ticking = this.run().finally(() => { this.ticking = null; });
    return this.ticking;
  }

  private async run(): Promise<Outcome[]> {
    const now = this.now();
    const due = (await this.bot.state.subscriptions())
      .map((sub) => ({ sub, slot: latestSlot(sub.cron, sub.timezone, now, this.graceMs) }))
      .filter((d): d is { sub: Subscription; slot: Date } => d.slot !== null);
    // Articles dropped into the seeds folder since the last sync belong in the briefing.
    if (due.length) await this.bot.sync();
    const outcomes: Outcome[] = [];
    for (const { sub, slot } of due) {
      // A claim left untaken is taken by the next tick of another process (or of this one after a restart).
      if (this.stopping) break;
      outcomes.push(await this.deliver(sub, slot, now));
    }
    // What that sync indexed may quote a watched speaker: checked once the briefings are out, without holding the tick.
    if (due.length) void this.alertsInBackground();
    return outcomes;
  }

  /**
   * Posts the alerts that newly indexed articles call for, in every channel with watches on a platform this
   * scheduler has an adapter for. Checks never overlap within a process (a call during one gets that one's
   * outcomes); across processes the claims decide.
   */
  async alerts(): Promise<AlertOutcome[]> {
    if (this.alerting) return this.alerting;
    this.alerting = checkAlerts(this.bot, this.adapters, {
      logger: this.options.logger,
      instance: this.instance,
      retryAfterMs: this.retryAfterMs,
      maxAttempts: this.maxAttempts,
      now: this.now,
      stopping: () => this.stopping,
    }).finally(() => { this.alerting = null; });
    return this.alerting;
  }

  /** An alert check whose failure as a whole (the database unreachable) is logged and tried again at the next round. */
  private async alertsInBackground(): Promise<void> {
    if (this.stopping) return;
    await this.alerts().then(() => undefined, (err: Error) => this.options.logger.error(`alerts: ${err.message}`));
  }

  private async deliver(sub: Subscription, slotTime: Date, now: Date): Promise<Outcome> {
    const slot = slotTime.toISOString();
    const base = { channel: sub.channel, platform: sub.platform, slot };
    const log = withContext(this.options.logger, base);
    const metrics = this.bot.metrics;
    const adapter = this.adapters.get(sub.platform);
    if (!adapter) return { ...base, result: 'no-adapter' };
    const previous = await this.bot.state.lastBriefing(sub.platform, sub.channel);
    const existing = await this.bot.state.briefing(sub.platform, sub.channel, slot);
    // Each failed attempt waits twice as long before the next: 1, 2, 4, 8… minutes.
    const backoff = this.retryAfterMs * 2 ** Math.max(0, (existing?.attempts ?? 1) - 1);
    // The cut-off is the latest article indexed now: the next briefing starts after it.
    const until = existing?.until ?? String(await this.bot.latestArticleId());
    const claim = await this.bot.state.claimBriefing({ platform: sub.platform, channel: sub.channel, slot, since: previous?.until ?? null, until, claimedBy: this.instance }, backoff, now);
    if (!claim) return { ...base, result: 'not-mine' };
    try {
      const since = claim.since !== null && previous ? { articleId: Number(claim.since), at: previous.claimedAt } : null;
      const digest = await this.bot.digest(since ? { since } : {});
      if (digest.stories.length === 0 && !sub.postWhenEmpty) {
        await this.bot.state.finishBriefing(sub.platform, sub.channel, slot, { messageId: '' });
        return { ...base, result: 'empty-skipped' };
      }
      const text = digest.stories.length === 0 && since ? nothingNew(since.at) : null;
      // With an LLM, the briefing leads with a grounded summary; ten channels share one cached call.
      const briefing = text ? { ...digest, text } : await this.bot.withLead(digest);
      const messageId = await adapter.postBriefing(sub.channel, briefing, `${sub.platform}:${sub.channel}:${slot}`);
      await this.bot.state.finishBriefing(sub.platform, sub.channel, slot, { messageId });
      metrics?.briefingsPosted.inc({ platform: sub.platform });
      log.info(`briefing posted to ${sub.platform} ${sub.channel} for ${slot}`);
      return { ...base, result: 'posted' };
    } catch (err) {
      const final = claim.attempts >= this.maxAttempts;
      const error = (err as Error).message;
      await this.bot.state.finishBriefing(sub.platform, sub.channel, slot, { error, final });
      metrics?.briefingsFailed.inc({ platform: sub.platform });
      log[final ? 'error' : 'warn'](`briefing to ${sub.platform} ${sub.channel} for ${slot} failed (attempt ${claim.attempts}${final ? ', giving up' : ', will retry'}): ${error}`);
      return { ...base, result: 'failed', error };
    }
  }
}
