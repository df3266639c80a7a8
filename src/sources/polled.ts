// The feeds and pages the bot polls: added and removed from chat (by source admins) or the CLI, polled when due —
// one replica per source at a time, under a lease in the shared state — and what they bring indexed by the next
// sync, as the seeds folder's files are.
import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import type { Logger } from '../log.ts';
import type { SourceRecord, State } from '../state/state.ts';
import type { SyncReport } from '../sync.ts';
import { mayManageSources, notAnAdmin, parseSourceAdmins, type SourceAdmins } from './admins.ts';
import { checkSourceUrl, fetchSource, type FetchPolicy } from './fetch.ts';
import { HostPacer } from './pacer.ts';
import type { PollOutcome } from './poll.ts';

/** The feed and page readers (linkedom, chrono, the feed parser) load when a source is first added or polled, not at start-up. */
const readers = () => Promise.all([import('./entry.ts'), import('./poll.ts')]).then(([entry, poll]) => ({ canonicalUrl: entry.canonicalUrl, pollSource: poll.pollSource }));

export interface SourceSettings {
  /** Who may add and remove sources from chat (BRIEFBOT_SOURCE_ADMINS). */
  admins: SourceAdmins;
  /** Hosts allowed to resolve to private addresses (BRIEFBOT_PRIVATE_HOSTS): intranet feeds, tests. */
  privateHosts: ReadonlySet<string>;
  /** The usual time between two polls of a source (BRIEFBOT_POLL_MINUTES). */
  intervalMs: number;
  /** The least time between two requests to one host. */
  hostIntervalMs: number;
  /** New entries read per poll of a source: a feed listing its archive is read over several polls. */
  entriesPerPoll: number;
  /** Fetch limits (timeouts, sizes) and, for tests, the resolver. */
  fetch: Partial<Omit<FetchPolicy, 'privateHosts'>>;
  now: () => Date;
}

export const DEFAULT_SOURCE_SETTINGS: SourceSettings = {
  admins: new Set(),
  privateHosts: new Set(),
  intervalMs: 15 * 60_000,
  hostIntervalMs: 1000,
  entriesPerPoll: 100,
  fetch: {},
  now: () => new Date(),
};

/** Sources polled at once per round; the rest wait for the next round (a minute later). */
const PER_ROUND = 50;
/** A replica polling a source holds it this long at most (renewed by nothing: a poll is bounded by its fetches). */
const LEASE_MS = 10 * 60_000;

export interface Reply {
  ok: boolean;
  text: string;
  /** The source's key (its canonical URL), when there is one. */
  url?: string;
}

export class PolledSources {
  private readonly settings: SourceSettings;
  private readonly pacer: HostPacer;
  private readonly instance = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private round: Promise<{ polled: number; newEntries: number }> | null = null;

  constructor(
    private readonly state: () => State,
    settings: Partial<SourceSettings>,
    private readonly log: Logger,
    private readonly signal: AbortSignal,
    private readonly sync: () => Promise<SyncReport>,
  ) {
    this.settings = { ...DEFAULT_SOURCE_SETTINGS, ...settings };
    // Every fetch in flight listens for the bot closing: a round has up to PER_ROUND sources (and their pages) at once.
    setMaxListeners(4 * PER_ROUND, signal);
    this.pacer = new HostPacer(this.settings.hostIntervalMs);
  }

  /** Adds a feed or page for `who` (platform and user); refused with the reason when they may not or it may not be fetched. */
  async add(url: string, who: { platform: string; user: string | null }): Promise<Reply> {
    if (!mayManageSources(this.settings.admins, who.platform, who.user)) return { ok: false, text: notAnAdmin(who.platform, who.user) };
    const checked = checkSourceUrl(url, this.settings.privateHosts);
    if (!checked.ok) return { ok: false, text: `Not added: ${checked.reason}` };
    const key = (await readers()).canonicalUrl(checked.url.href);
    const { source, added } = await this.state().addSource(key, addedBy(who));
    if (!added) return { ok: true, url: key, text: `${key} is already a source (added ${source.addedAt.slice(0, 10)}${source.addedBy ? ` by ${source.addedBy}` : ''}); "sources" shows how its fetches went.` };
    return {
      ok: true,
      url: key,
      text: `Added ${key}: it is fetched within a minute, then every ${minutes(this.settings.intervalMs)}. What it already holds is indexed and answerable, but not alerted; "sources" shows how its fetches go.`,
    };
  }

  /** Stops polling a source and forgets what it brought (its articles leave the index at the next sync). */
  async remove(url: string, who: { platform: string; user: string | null }): Promise<Reply> {
    if (!mayManageSources(this.settings.admins, who.platform, who.user)) return { ok: false, text: notAnAdmin(who.platform, who.user) };
    const state = this.state();
    const key = (await state.source(url.trim())) ? url.trim() : (await readers()).canonicalUrl(url);
    const source = await state.source(key);
    if (!source) return { ok: false, text: `${url.trim()} is not a source; "sources" lists them.` };
    await state.removeSource(key);
    await this.sync();
    const brought = source.items === 0 ? 'it had brought nothing' : source.items === 1 ? 'the article it brought is no longer indexed' : `the ${plural(source.items, 'article')} it brought are no longer indexed`;
    return { ok: true, url: key, text: `Removed ${key}: it is no longer polled, and ${brought}.` };
  }

  list(): Promise<SourceRecord[]> {
    return this.state().sources();
  }

  /**
   * Polls every source that is due (each by one replica: the lease), then indexes what they brought. Rounds never
   * overlap in a process; a round asked for meanwhile is the one under way.
   */
  pollDue(progress?: (p: { source: string; done: number; total: number }) => void): Promise<{ polled: number; newEntries: number }> {
    this.round ??= this.runRound(progress).finally(() => (this.round = null));
    return this.round;
  }

  /**
   * Polls one source now, whether due or not, until it has no new entry left (the CLI's first import, with its
   * progress); the outcome sums the polls.
   */
  async pollNow(url: string, progress?: (p: { source: string; done: number; total: number }) => void): Promise<PollOutcome | null> {
    let outcome: PollOutcome | null = null;
    let read = 0;
    for (;;) {
      const source = await this.state().source(url);
      if (!source) return outcome;
      const next = await this.pollOne(source, progress && ((p) => progress({ ...p, done: read + p.done, total: read + p.total })));
      if (next?.status === 'ok') read += next.newEntries;
      outcome = next?.status === 'ok' ? { ...next, newEntries: read } : next;
      if (next?.status !== 'ok' || next.more === 0 || next.newEntries === 0 || this.signal.aborted) break;
    }
    if (read > 0) await this.sync();
    return outcome;
  }

  private async runRound(progress?: (p: { source: string; done: number; total: number }) => void): Promise<{ polled: number; newEntries: number }> {
    const due = await this.state().dueSources(this.settings.now(), PER_ROUND);
    // Concurrently: the pacer keeps each host to one request at a time, different hosts go in parallel.
    const outcomes = await Promise.all(due.map((s) => this.pollOne(s, progress).catch((err: Error) => {
      if (!this.signal.aborted) this.log.error(`source ${s.url}: polling failed: ${err.message}`);
      return null;
    })));
    const newEntries = outcomes.reduce((n, o) => n + (o?.status === 'ok' ? o.newEntries : 0), 0);
    if (newEntries > 0 && !this.signal.aborted) await this.sync();
    return { polled: outcomes.filter(Boolean).length, newEntries };
  }

  /** One poll under the source's lease; null when another replica has it or it is no longer due. */
  private async pollOne(listed: SourceRecord, progress?: (p: { source: string; done: number; total: number }) => void): Promise<PollOutcome | null> {
    const state = this.state();
    const lease = `source:${listed.url}`;
    if (!(await state.lease(lease, this.instance, LEASE_MS))) return null;
    try {
      // Read again under the lease: another replica may have polled it since it was listed as due.
      const source = await state.source(listed.url);
      if (!source || (source.lastFetchAt !== listed.lastFetchAt && Date.parse(source.nextFetchAt) > this.settings.now().getTime())) return null;
      const { pollSource } = await readers();
      return await pollSource(source, {
        state,
        fetch: (url, conditional, signal) => fetchSource(url, conditional, { ...this.settings.fetch, privateHosts: this.settings.privateHosts }, signal),
        pacer: this.pacer,
        now: this.settings.now,
        intervalMs: this.settings.intervalMs,
        entriesPerPoll: this.settings.entriesPerPoll,
        log: this.log,
        signal: this.signal,
        progress,
      });
    } finally {
      await state.releaseLease(lease, this.instance).catch(() => undefined);
    }
  }
}

/** Settings as read from the environment (config.ts validates the numbers). */
export function sourceSettings(env: { admins?: string; privateHosts?: ReadonlySet<string>; pollMinutes?: number }): Partial<SourceSettings> {
  return {
    admins: parseSourceAdmins(env.admins),
    ...(env.privateHosts ? { privateHosts: env.privateHosts } : {}),
    ...(env.pollMinutes ? { intervalMs: env.pollMinutes * 60_000 } : {}),
  };
}

const addedBy = (who: { platform: string; user: string | null }) => (who.user ? `${who.platform}:${who.user}` : who.platform);
const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
const minutes = (ms: number) => (ms % 3_600_000 === 0 ? plural(ms / 3_600_000, 'hour') : plural(Math.round(ms / 60_000), 'minute'));
