// The core as adapters see it: open over a seeds folder and a database, then ask, list sources and speakers.
// Adapters call only this (and the types); they never reach into the store or the extractor.
import type { Answer, Digest, SkippedFile, Source, Speaker } from './types.ts';
import { withLead } from './digest/text.ts';
import { ask, type AskOptions } from './answer/answer.ts';
import type { DigestOptions } from './digest/digest.ts';
import { openStorage, type Storage } from './storage.ts';
import { describeRepair, explainFault, explainPgFault, REBUILDING, StartError, Unavailable } from './faults.ts';
import { isDamage } from './store/repair.ts';
import { fileName } from './present.ts';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Store } from './store/store.ts';
import { syncFolder, type SyncReport } from './sync.ts';
import { silentLogger, type Logger } from './log.ts';
import type { State } from './state/state.ts';
import type { LlmConfig } from './llm/config.ts';
import type { Summarizer } from './llm/summarize.ts';
import type { Metrics } from './metrics.ts';
import { InFlight } from './app/inflight.ts';
import { PolledSources, type SourceSettings } from './sources/polled.ts';

export interface BotOptions {
  seedsDir: string;
  dbPath: string;
  /** postgres://… (or pglite:): the index and the state in PostgreSQL instead of the SQLite file at dbPath. */
  databaseUrl?: string;
  maxArticleBytes?: number;
  logger?: Logger;
  /** From loadLlmConfig(); absent or null: no summaries, the bot stays fully extractive. */
  llm?: LlmConfig | null;
  /** Polled sources: who may add them from chat, which private hosts may be fetched, how often. */
  sources?: Partial<SourceSettings>;
}

/** Whether this bot should be sent questions now, and if not, why (for a load balancer's readiness probe). */
export type Readiness = { ready: true } | { ready: false; reason: string };

export interface Stats {
  articles: number;
  speakers: number;
  quotes: number;
  /** A first question worth asking of this corpus: about its most quoted person. */
  suggestion: string;
}

export class Briefbot {
  private lastSync: SyncReport | null = null;
  /** The latest sync started, settled or not. */
  private syncing: Promise<unknown> = Promise.resolve();
  private readonly closing = new AbortController();
  /** This bot as the holder of its database's ingest lock. */
  private readonly ingester = { id: randomUUID(), pid: process.pid, host: hostname() };
  private summarizer: Summarizer | null = null;
  /** Set while a damaged database is being replaced and its index rebuilt. */
  private repairing: Promise<unknown> | null = null;
  /** True once a sync of this bot's own has finished: its index is the folder's, even if the folder is empty. */
  private indexed = false;
  /** Who was indexing when a sync last found the database taken: said once as a warning, then at debug level. */
  private indexedBy: string | null = null;
  private counters: Metrics | null = null;
  /** The inbound events being answered: a shutdown closes it and waits for them before closing the bot. */
  readonly requests = new InFlight();
  /** The feeds and pages this bot polls (added from chat or the CLI), kept in the state. */
  readonly polled: PolledSources;

  private constructor(
    private storage: Storage,
    private readonly options: BotOptions,
    private readonly log: Logger,
  ) {
    this.polled = new PolledSources(() => this.state, options.sources ?? {}, log, this.closing.signal, () => this.sync());
  }

  get store(): Store {
    return this.storage.store;
  }

  /** Subscriptions, paging and delivery records: what adapters and the scheduler remember. */
  get state(): State {
    return this.storage.state;
  }

  /** Opens the database over the seeds folder: builds the index first when it is empty, else checks it meanwhile. */
  static async open(options: BotOptions): Promise<Briefbot> {
    const storage = await openStorage({ dbPath: options.dbPath, databaseUrl: options.databaseUrl });
    const log = options.logger ?? silentLogger;
    const bot = new Briefbot(storage, options, log);
    await bot.adopt(storage);
    // An index already built answers at once while the folder is checked for changes (at 100,000 articles the
    // check takes a second); an empty one is built first, or the first questions would find nothing. After a run
    // that did not close cleanly, the file's pages are checked first, meanwhile, and a damaged file replaced.
    let indexed: number;
    try {
      indexed = await storage.store.articleCount();
    } catch (err) {
      await storage.close().catch(() => undefined);
      throw new StartError(bot.explain(err));
    }
    if (indexed > 0) bot.checkInBackground(storage.unclean);
    else {
      try {
        await bot.sync();
      } catch (err) {
        await bot.close();
        throw new StartError(bot.explain(err));
      }
    }
    return bot;
  }

  /** Takes `storage` as the bot's own: logs a repair it went through, and gives the summarizer its cache. */
  private async adopt(storage: Storage): Promise<void> {
    this.storage = storage;
    if (storage.repaired) this.log.warn(describeRepair(this.options.dbPath, storage.repaired));
    if (storage.workingCopy) this.log.warn(storage.workingCopy);
    // The OpenAI client loads only when a key is set: without one, start-up pays nothing for it.
    if (this.options.llm) this.summarizer = new (await import('./llm/summarize.ts')).Summarizer(this.options.llm, storage.cache, this.log);
  }

  /**
   * Starts a sync after this turn of the event loop: a question asked right after open is answered first. With
   * `verify`, the database's pages are checked first (off the main thread) and a damaged file replaced.
   */
  private checkInBackground(verify = false): void {
    const check = this.queueSync(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      const problem = verify ? await this.storage.check() : null;
      if (problem !== null && !this.closing.signal.aborted) await this.replaceDamaged(problem);
      return this.syncNow();
    });
    check.catch((err: Error) => {
      if (this.closing.signal.aborted) return;
      if (isDamage(err)) this.repair(err);
      else this.log.error(`could not check ${this.options.seedsDir} for new or changed articles: ${this.explain(err)}`);
    });
  }

  /** Closes the damaged database, sets it aside for a fresh one holding what state could be read, and says so. */
  private async replaceDamaged(reason: string): Promise<void> {
    await this.storage.close().catch(() => undefined);
    await this.adopt(await openStorage({ dbPath: this.options.dbPath, databaseUrl: this.options.databaseUrl, damaged: reason }));
  }

  /**
   * Runs a read of the index; when it finds the database damaged, the file is replaced and the index rebuilt in
   * the background (once), and the person asking is told so.
   */
  private async reading<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (err) {
      if (!isDamage(err)) throw err;
      this.repair(err as Error);
      throw new Unavailable(REBUILDING);
    }
  }

  /** Replaces a database found damaged by `err` and rebuilds the index, in the background; once at a time. */
  private repair(err: Error): void {
    if (this.repairing || this.closing.signal.aborted) return;
    this.log.error(`${this.options.dbPath} is damaged (${err.message}): replacing it and rebuilding the index from the articles`);
    this.repairing = this.queueSync(async () => {
      await this.replaceDamaged(err.message);
      return this.syncNow();
    }).catch((e: Error) => this.log.error(`could not rebuild the index: ${this.explain(e)}`)).finally(() => (this.repairing = null));
  }

  /** A sync's fault in words: the database's, or the seeds folder's. */
  private explain(err: unknown): string {
    // The file system names the call and the path of its faults; a database's faults come without them.
    const fs = typeof (err as { syscall?: unknown }).syscall === 'string' && typeof (err as { path?: unknown }).path === 'string';
    if (fs) return explainFault(err, this.options.seedsDir, 'seeds');
    return this.options.databaseUrl ? explainPgFault(err, this.options.databaseUrl) : explainFault(err, this.options.dbPath, 'database');
  }

  /** Counts into `metrics` from now on (answers, the answer queues, ingest, briefings), and the sync open ran. */
  instrument(metrics: Metrics): void {
    this.counters = metrics;
    if (this.lastSync) this.count(this.lastSync);
  }

  /** Where this bot, its conversations and its scheduler count what they do (none until instrument()). */
  get metrics(): Metrics | null {
    return this.counters;
  }

  /**
   * Ready when the database answers a cheap read and the index is usable: built by a sync of this bot's, or not
   * empty (built before, or being built by another replica that has written some of it).
   */
  async readiness(): Promise<Readiness> {
    if (this.closing.signal.aborted) return { ready: false, reason: 'closed' };
    if (this.repairing) return { ready: false, reason: 'the database was damaged; the index is being rebuilt' };
    let articles: number;
    try {
      articles = await this.store.articleCount();
    } catch (err) {
      return { ready: false, reason: `the database did not answer: ${(err as Error).message}` };
    }
    return articles > 0 || this.indexed ? { ready: true } : { ready: false, reason: 'the index is being built' };
  }

  /** Resolves when the syncs started so far (the check begun at open included) have finished. */
  async synced(): Promise<SyncReport | null> {
    await this.syncing.catch(() => undefined);
    return this.lastSync;
  }

  /** True when an LLM is configured: an answer is then followed by the same answer with its summary. */
  get summarizes(): boolean {
    return this.summarizer !== null;
  }

  /** The answer with its grounded summary (null without an LLM or when it fails). The one way a summary is attached; never throws. */
  async summarized(answer: Answer): Promise<Answer> {
    return { ...answer, summary: this.summarizer ? await this.summarizer.summarizeAnswer(answer) : null };
  }

  /** The digest with a grounded lead on top when there is one (the one way a lead is attached); never throws. */
  async withLead(digest: Digest): Promise<Digest> {
    return this.summarizer ? withLead(digest, await this.summarizer.digestLead(digest)) : digest;
  }

  /** Brings the index in step with the folder. One sync at a time: one asked for meanwhile starts when it ends. */
  sync(): Promise<SyncReport> {
    return this.queueSync(() => this.syncNow());
  }

  private queueSync(run: () => Promise<SyncReport>): Promise<SyncReport> {
    const next = this.syncing.catch(() => undefined).then(run);
    this.syncing = next;
    return next;
  }

  private async syncNow(): Promise<SyncReport> {
    if (this.closing.signal.aborted) throw new Error('the bot is closing');
    // One process indexes a database at a time; the others answer from the index as it is.
    const other = await this.store.claimIngest(this.ingester);
    if (other) {
      // Replicas sync on every tick and all but one find it taken: a warning when the holder changes, not each time.
      const message = `another briefbot is indexing this database (pid ${other.pid}${other.host === this.ingester.host ? '' : ` on ${other.host}`}); answering from the index as it is`;
      if (this.indexedBy === other.id) this.log.debug(message);
      else this.log.warn(message);
      this.indexedBy = other.id;
      this.lastSync = { added: [], updated: [], removed: [], unchanged: 0, skipped: [], unverified: [], indexedBy: other };
      return this.lastSync;
    }
    this.indexedBy = null;
    let report: SyncReport;
    try {
      const documents = { stamps: () => this.state.documentStamps(), read: (file: string) => this.state.document(file) };
      report = await syncFolder(this.options.seedsDir, this.store, { maxBytes: this.options.maxArticleBytes, signal: this.closing.signal, documents });
    } finally {
      await this.store.releaseIngest(this.ingester);
    }
    for (const s of report.skipped) this.log.warn(`skipped ${fileName(s.file)}: ${s.reason}`);
    for (const u of report.unverified) this.log.warn(`dropped a quote not found verbatim in ${fileName(u.file)}: "${u.text.slice(0, 60)}"`);
    const changed = report.added.length + report.updated.length + report.removed.length;
    if (changed) this.log.info(`indexed ${report.added.length} new, ${report.updated.length} changed and removed ${report.removed.length} articles`);
    this.lastSync = report;
    this.indexed = true;
    this.count(report);
    return report;
  }

  private count(report: SyncReport): void {
    const ingested = this.counters?.ingested;
    if (!ingested) return;
    ingested.inc({ change: 'added' }, report.added.length);
    ingested.inc({ change: 'updated' }, report.updated.length);
    ingested.inc({ change: 'removed' }, report.removed.length);
    ingested.inc({ change: 'skipped' }, report.skipped.length);
  }

  /** The number of the latest article indexed: a briefing covers the articles after the previous one's. */
  latestArticleId(): Promise<number> {
    return this.store.latestArticleId();
  }

  /** What the latest sync found: added, updated, removed and skipped files. */
  get lastSyncReport(): SyncReport | null {
    return this.lastSync;
  }

  ask(question: string, options?: AskOptions): Promise<Answer> {
    return this.reading(() => ask(this.store, question, options));
  }

  /** The briefing for a news day (default: the newest), or of what arrived since a moment. */
  async digest(options?: DigestOptions): Promise<Digest> {
    const { composeDigest } = await import('./digest/digest.ts'); // loaded when a digest is first asked for
    return this.reading(() => composeDigest(this.store, options));
  }

  /** The latest articles (50 unless asked for more), the total, and the files the last sync skipped. */
  async sources(limit = 50): Promise<{ total: number; sources: Source[]; skipped: SkippedFile[] }> {
    return { ...(await this.reading(() => this.store.sources(limit))), skipped: this.lastSync?.skipped ?? [] };
  }

  /** Quoted speakers, most quoted first (the first `limit`, when given). */
  async speakers(limit?: number): Promise<Speaker[]> {
    return (await this.reading(() => this.store.speakers(limit))).map((s) => ({
      id: s.id, name: s.name, kind: s.kind, role: s.role, aliases: s.aliases, quotes: s.quotes, articles: s.articles,
    }));
  }

  async stats(): Promise<Stats> {
    // Counted by the database: a corpus of 100,000 articles quotes tens of thousands of speakers.
    const t = await this.reading(() => this.store.speakerTotals());
    return {
      articles: await this.reading(() => this.store.articleCount()),
      speakers: t.speakers,
      quotes: t.quotes,
      suggestion: t.topPerson ? `what did ${t.topPerson.split(' ').pop()} say?` : 'sources',
    };
  }

  /** Stops a sync in progress at its next file (what it wrote stays), then closes the database. */
  async close(): Promise<void> {
    this.closing.abort();
    await this.syncing.catch(() => undefined);
    await this.storage.close();
  }
}
