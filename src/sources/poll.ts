// One poll of one source: its feed (or page) fetched conditionally, the entries it has not indexed yet each read
// from their own page (or from the feed's content when the page cannot be fetched), and kept as documents in the
// state — the durable record the index is built from, as the seeds folder is for files — then the fetch recorded
// with the source's next time: its interval after a success, later and later after failures.
import type { Logger } from '../log.ts';
import type { SourceRecord, State } from '../state/state.ts';
import { nextFetchDelay } from './backoff.ts';
import { articleKey, canonicalUrl, entryDocument, entryKey } from './entry.ts';
import { decodeBody, parseFeed, sniffBody, type FeedEntry, type ParsedFeed } from './feed.ts';
import { FetchError, type Fetched } from './fetch.ts';
import type { HostPacer } from './pacer.ts';

/** New entries read per poll: a feed listing its archive is read over several polls, newest first. */
export const ENTRIES_PER_POLL = 100;

export interface PollDeps {
  state: State;
  /** fetchSource with the deployment's policy (private hosts, limits). */
  fetch: (url: string, conditional: { etag?: string | null; lastModified?: string | null }, signal?: AbortSignal) => Promise<Fetched>;
  pacer: HostPacer;
  now: () => Date;
  /** The usual time between two polls of a source. */
  intervalMs: number;
  log: Logger;
  signal?: AbortSignal;
  /** New entries read per poll (default ENTRIES_PER_POLL). */
  entriesPerPoll?: number;
  /** Told as each new entry is read, of all the new entries the feed lists (the CLI's progress line on a long first import). */
  progress?: (p: { source: string; done: number; total: number }) => void;
}

export type PollOutcome =
  /** `more`: new entries are left for the next poll (due within a minute, fetched in full again). */
  | { status: 'ok'; kind: 'feed' | 'page'; newEntries: number; more: number; notes: string[] }
  | { status: 'not-modified' }
  | { status: 'error'; error: string; nextFetchAt: Date };

export async function pollSource(source: SourceRecord, deps: PollDeps): Promise<PollOutcome> {
  const { state, log } = deps;
  let fetched: Fetched;
  let feed: ParsedFeed | null = null;
  try {
    fetched = await deps.pacer.run(source.url, () => deps.fetch(source.url, { etag: source.etag, lastModified: source.lastModified }, deps.signal));
    if (fetched.status === 'ok') feed = read(fetched);
  } catch (err) {
    if (deps.signal?.aborted) throw err;
    return failed(source, err, deps);
  }
  const at = deps.now();
  if (fetched.status === 'not-modified') {
    await state.recordFetch(source.url, { at, status: 'not-modified', nextFetchAt: new Date(at.getTime() + deps.intervalMs) });
    return { status: 'not-modified' };
  }
  const kind = feed ? 'feed' : 'page';
  // A page is a source of one: itself, under its final URL.
  const entries: FeedEntry[] = feed?.entries ?? [{ id: canonicalUrl(fetched.url), url: fetched.url, title: null, published: null, html: null, author: null }];
  const unseen = new Set(await state.unseenEntries(source.url, entries.map((e) => e.id)));
  const todo = entries.filter((e) => unseen.has(e.id)).slice(0, deps.entriesPerPoll ?? ENTRIES_PER_POLL);
  const notes = [...(feed?.notes ?? [])];
  const more = unseen.size - todo.length;
  if (more > 0) notes.push(`${more} more new entries are read at the next polls`);
  let done = 0;
  for (const entry of todo) {
    deps.signal?.throwIfAborted();
    const page = feed ? await entryPage(entry, deps) : decodeBody(fetched.body, fetched.contentType);
    const body = entryDocument(entry, page, { title: feed?.title ?? null, home: feed?.home ?? null });
    const file = entry.url ? articleKey(entry.url) : entryKey(entry, source.url);
    // What a source holds at its first fetch is indexed and answerable, never alerted: adding a source never floods.
    await state.keepDocument({ source: source.url, entryId: entry.id, file, body, fetchedAt: deps.now(), quiet: source.firstFetchAt === null });
    deps.progress?.({ source: source.url, done: ++done, total: unseen.size });
  }
  const title = feed?.title ?? (todo.length ? null : source.title);
  // With entries left unread, the feed is fetched again soon and in full: a 304 would hide them.
  await state.recordFetch(source.url, {
    at,
    status: 'ok',
    kind,
    title,
    etag: more > 0 ? null : fetched.etag,
    lastModified: more > 0 ? null : fetched.lastModified,
    newItems: todo.length,
    // Until the entries it held when first fetched are all read, what it brings stays quiet (never alerted).
    firstImportDone: source.firstFetchAt !== null || more === 0,
    nextFetchAt: new Date(deps.now().getTime() + (more > 0 ? Math.min(60_000, deps.intervalMs) : deps.intervalMs)),
  });
  if (notes.length) log.debug(`${source.url}: ${notes.join('; ')}`);
  return { status: 'ok', kind, newEntries: todo.length, more, notes };
}

/** The fetched body as a feed, null for a page; anything else is a failure of the source. */
function read(fetched: Extract<Fetched, { status: 'ok' }>): ParsedFeed | null {
  const text = decodeBody(fetched.body, fetched.contentType);
  const what = sniffBody(text, fetched.contentType);
  if (what === 'page') return null;
  if (what !== 'feed') throw new FetchError('content-type', `${fetched.url} is neither a feed nor an article page: ${what.unknown}`);
  const parsed = parseFeed(text, fetched.contentType, fetched.url);
  if (!parsed.ok) throw new FetchError('content-type', parsed.reason);
  return parsed.feed;
}

/** An entry's own page, or null (the feed's content is used) when it has no link or cannot be fetched as a page. */
async function entryPage(entry: FeedEntry, deps: PollDeps): Promise<string | null> {
  if (!entry.url) return null;
  try {
    const page = await deps.pacer.run(entry.url, () => deps.fetch(entry.url!, {}, deps.signal));
    if (page.status !== 'ok') return null;
    const html = decodeBody(page.body, page.contentType);
    return sniffBody(html, page.contentType) === 'page' ? html : null;
  } catch (err) {
    if (deps.signal?.aborted) throw err;
    deps.log.debug(`${entry.url}: ${(err as Error).message}; the feed's own content is indexed instead`);
    return null;
  }
}

async function failed(source: SourceRecord, err: unknown, deps: PollDeps): Promise<PollOutcome> {
  const at = deps.now();
  const retryAfterMs = err instanceof FetchError ? err.retryAfterMs : undefined;
  const nextFetchAt = new Date(at.getTime() + nextFetchDelay(source.failures + 1, { intervalMs: deps.intervalMs, retryAfterMs }));
  const why = err instanceof FetchError ? err.message : `fetching it failed (${(err as Error).message})`;
  const error = `${why}; it will be tried again at ${nextFetchAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  await deps.state.recordFetch(source.url, { at, status: 'error', error, nextFetchAt });
  deps.log.warn(`source ${source.url}: ${error}`);
  return { status: 'error', error, nextFetchAt };
}
