// The alert check: for each channel with watches, the articles indexed since its cursor are read in bounded
// batches, their quotes tested against the channel's watches (./match.ts), and each matching quote posted once
// through the channel's adapter — or, past BURST of them, one grouped post. As with briefings, the database claim
// (claimAlert) is what makes a post exactly once across ticks, restarts and replicas; the cursor only moves past
// articles whose alerts are all settled (posted, or given up), so a crash mid-post loses nothing and repeats nothing.
import type { Briefbot } from '../bot.ts';
import { withContext, type Logger } from '../log.ts';
import type { Platform, Watch } from '../state/state.ts';
import type { ChatAdapter } from '../app/ports.ts';
import type { DigestArticleRow } from '../store/store.ts';
import { buildQuotes, CITATIONS_PER_QUOTE, SpeakerCache } from '../answer/build.ts';
import { resolveWatches, watchesMatching, type AlertItem, type AlertPost, type ResolvedWatch } from './match.ts';

/** More new matching quotes than this in one check, for one channel, become one grouped post. */
export const BURST = 5;
/** Articles read per batch: a channel far behind (a long outage) is caught up in bounded steps. */
export const ARTICLES_PER_BATCH = 100;

export interface AlertOptions {
  logger: Logger;
  /** Names this process in claims. */
  instance: string;
  /** A claim older than this whose post never completed is taken again; doubles per attempt. */
  retryAfterMs: number;
  /** Attempts before an alert is given up (and logged). */
  maxAttempts: number;
  now: () => Date;
  /** True once the process is stopping: no further claims are made. */
  stopping?: () => boolean;
}

/** pending: claimed by another replica mid-post; failed: will be retried; given-up: failed for the last time. */
export type AlertResult = 'posted' | 'not-mine' | 'pending' | 'failed' | 'given-up';
export type AlertOutcome = { platform: Platform; channel: string; key: string; quotes: number; result: AlertResult; error?: string };

/** Checks every channel that has watches and an adapter here; returns what happened to each alert it tried. */
export async function checkAlerts(bot: Briefbot, adapters: ReadonlyMap<Platform, ChatAdapter>, options: AlertOptions): Promise<AlertOutcome[]> {
  const channels = new Map<string, Watch[]>();
  for (const w of await bot.state.watches()) {
    const key = JSON.stringify([w.platform, w.channel]);
    const list = channels.get(key);
    if (list) list.push(w);
    else channels.set(key, [w]);
  }
  const outcomes: AlertOutcome[] = [];
  for (const watches of channels.values()) {
    const first = watches[0]!;
    // A platform this process does not run is checked by the process that does (its cursor is left alone).
    const adapter = adapters.get(first.platform);
    if (!adapter || options.stopping?.()) continue;
    outcomes.push(...(await checkChannel(bot, adapter, first.platform, first.channel, watches, options)));
  }
  return outcomes;
}

/** One post to make: its key, the quotes it shows and the articles it speaks for. */
interface Planned {
  key: string;
  post: AlertPost;
  /** The lowest article carrying one of its quotes: the cursor stays before it until the post is settled. */
  firstArticle: number;
}

async function checkChannel(bot: Briefbot, adapter: ChatAdapter, platform: Platform, channel: string, watches: Watch[], options: AlertOptions): Promise<AlertOutcome[]> {
  const { state } = bot;
  // Resolved once there is something new to test: most minutes bring no article, and resolving costs queries.
  let resolved: ResolvedWatch[] | null = null;
  let cursor = (await state.alertCursor(platform, channel)) ?? Math.min(...watches.map((w) => w.sinceArticle));
  const outcomes: AlertOutcome[] = [];
  for (;;) {
    const articles = await bot.store.digestArticles({ afterArticleId: cursor }, ARTICLES_PER_BATCH);
    const last = articles.at(-1);
    if (!last) break;
    resolved ??= await resolveWatches(bot.store, watches);
    const plans = await plan(bot, platform, channel, articles, resolved, cursor);
    let holdBefore: number | null = null;
    for (const p of plans) {
      if (options.stopping?.()) return outcomes;
      const outcome = await deliver(bot, adapter, platform, channel, p, options);
      outcomes.push(outcome);
      if (outcome.result === 'pending' || outcome.result === 'failed') holdBefore = Math.min(holdBefore ?? Infinity, p.firstArticle);
    }
    // Past every settled article; a post still unsettled (failed, or another replica mid-post) keeps the cursor
    // before its articles, and the next check claims it again (a posted one is then not-mine: nothing repeats).
    const next = holdBefore === null ? last.articleId : holdBefore - 1;
    if (next > cursor) await state.advanceAlertCursor(platform, channel, next);
    if (holdBefore !== null || articles.length < ARTICLES_PER_BATCH) break;
    cursor = next;
  }
  return outcomes;
}

/** The posts a batch of new articles calls for: each matching quote once, or all of them as one burst. */
async function plan(bot: Briefbot, platform: Platform, channel: string, articles: DigestArticleRow[], watches: ResolvedWatch[], cursor: number): Promise<Planned[]> {
  // What a source held at its first fetch is indexed and answerable, but never alerted.
  const quiet = await bot.state.quietFiles(articles.map((a) => a.file));
  const carriers = new Map<number, number[]>();
  for (const a of articles) {
    if (quiet.has(a.file)) continue;
    for (const id of a.quoteIds) {
      const list = carriers.get(id);
      if (list) list.push(a.articleId);
      else carriers.set(id, [a.articleId]);
    }
  }
  if (carriers.size === 0) return [];
  const groups = await bot.store.citations([...carriers.keys()], CITATIONS_PER_QUOTE);
  const matched: { id: number; watches: Watch[]; firstArticle: number }[] = [];
  for (const [id, articleIds] of carriers) {
    const rows = groups.get(id)?.rows;
    if (!rows?.length) continue;
    const hits = watchesMatching({ id, speakerId: rows[0]!.speakerId, texts: rows.map((r) => r.text), articleIds }, watches);
    if (hits.length === 0) continue;
    // A copy of a quote this channel was already alerted to (a new outlet carrying it later) is not news again.
    const done = await bot.state.alert(platform, channel, quoteKey(id));
    if (done && done.status !== 'claimed') continue;
    matched.push({ id, watches: hits, firstArticle: Math.min(...articleIds) });
  }
  if (matched.length === 0) return [];
  matched.sort((a, b) => a.id - b.id);
  const quotes = new Map((await buildQuotes(bot.store, new SpeakerCache(bot.store), matched.map((m) => m.id))).map((q) => [q.id, q]));
  const items = matched.flatMap((m) => {
    const quote = quotes.get(m.id);
    return quote ? [{ m, item: { quote, watches: m.watches.map(({ kind, term }) => ({ kind, term })) } satisfies AlertItem }] : [];
  });
  if (items.length > BURST) {
    // Keyed by where the batch starts, not by its quotes: a burst retried after a crash, when more articles have
    // arrived meanwhile, is still the same post (found by its key, not posted twice). The cursor does not move until
    // the burst is settled.
    return [{ key: `burst:after-${cursor}`, post: { items: items.map((i) => i.item), burst: true }, firstArticle: Math.min(...items.map((i) => i.m.firstArticle)) }];
  }
  return items.map(({ m, item }) => ({ key: quoteKey(m.id), post: { items: [item], burst: false }, firstArticle: m.firstArticle }));
}

const quoteKey = (id: number) => `quote:${id}`;

/** Claims, posts and records one alert, as the Scheduler delivers a briefing. */
async function deliver(bot: Briefbot, adapter: ChatAdapter, platform: Platform, channel: string, p: Planned, options: AlertOptions): Promise<AlertOutcome> {
  const { state } = bot;
  const base = { platform, channel, key: p.key, quotes: p.post.items.length };
  const log = withContext(options.logger, { platform, channel, alert: p.key });
  const existing = await state.alert(platform, channel, p.key);
  // Each failed attempt waits twice as long before the next: 1, 2, 4, 8… minutes.
  const backoff = options.retryAfterMs * 2 ** Math.max(0, (existing?.attempts ?? 1) - 1);
  const claim = await state.claimAlert({ platform, channel, key: p.key, claimedBy: options.instance }, backoff, options.now());
  if (!claim) {
    // Posted or given up already: settled. Still claimed: another replica is posting it, or one crashed mid-post
    // and its claim will be retaken once stale.
    const now = await state.alert(platform, channel, p.key);
    return { ...base, result: now?.status === 'claimed' ? 'pending' : 'not-mine' };
  }
  try {
    const messageId = await adapter.postAlert(channel, p.post, `${platform}:${channel}:${p.key}`);
    await state.finishAlert(platform, channel, p.key, { messageId });
    // A burst's quotes count as alerted: a later copy of one of them is not posted on its own.
    if (p.post.burst) {
      for (const item of p.post.items) {
        const key = quoteKey(item.quote.id);
        if (await state.claimAlert({ platform, channel, key, claimedBy: options.instance }, backoff, options.now())) await state.finishAlert(platform, channel, key, { messageId });
      }
    }
    bot.metrics?.alertsPosted.inc({ platform });
    log.info(`alert posted to ${platform} ${channel}: ${p.key}`);
    return { ...base, result: 'posted' };
  } catch (err) {
    const final = claim.attempts >= options.maxAttempts;
    const error = (err as Error).message;
    await state.finishAlert(platform, channel, p.key, { error, final });
    bot.metrics?.alertsFailed.inc({ platform });
    log[final ? 'error' : 'warn'](`alert ${p.key} to ${platform} ${channel} failed (attempt ${claim.attempts}${final ? ', giving up' : ', will retry'}): ${error}`);
    // A given-up alert is settled: the cursor moves on rather than holding every later alert back.
    return { ...base, result: final ? 'given-up' : 'failed', error };
  }
}
