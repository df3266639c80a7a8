// The State port's rows as both backends keep them, read and written in one place. The engines differ in two column
// types only: SQLite keeps booleans as 0/1 and times as ISO text; PostgreSQL has boolean and timestamptz (read as a
// Date by pg and PGlite), shown as the ISO text SQLite keeps.
import { createHash } from 'node:crypto';
import type { Alert, Briefing, FetchResult, Platform, SourceRecord, Subscription, Watch } from './state.ts';

export type Row = Record<string, unknown>;

const bool = (v: unknown) => v === true || v === 1;
const time = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string));
const timeOrNull = (v: unknown) => (v === null || v === undefined ? null : time(v));
const textOrNull = (v: unknown) => (v as string | null | undefined) ?? null;

export function toSubscription(r: Row): Subscription {
  return {
    platform: r.platform as Platform,
    channel: r.channel as string,
    cron: r.cron as string,
    timezone: r.timezone as string,
    postWhenEmpty: bool(r.post_when_empty),
    createdBy: textOrNull(r.created_by),
    createdAt: time(r.created_at),
  };
}

export function toBriefing(r: Row): Briefing {
  return {
    platform: r.platform as Platform,
    channel: r.channel as string,
    slot: r.slot as string,
    status: r.status as Briefing['status'],
    since: textOrNull(r.since),
    until: r.until as string,
    claimedBy: r.claimed_by as string,
    claimedAt: time(r.claimed_at),
    attempts: r.attempts as number,
    messageId: textOrNull(r.message_id),
    error: textOrNull(r.error),
  };
}

export function toSource(r: Row): SourceRecord {
  return {
    url: r.url as string,
    addedBy: textOrNull(r.added_by),
    addedAt: time(r.added_at),
    kind: textOrNull(r.kind) as SourceRecord['kind'],
    title: textOrNull(r.title),
    etag: textOrNull(r.etag),
    lastModified: textOrNull(r.last_modified),
    lastFetchAt: timeOrNull(r.last_fetch_at),
    lastStatus: textOrNull(r.last_status) as SourceRecord['lastStatus'],
    lastError: textOrNull(r.last_error),
    failures: r.failures as number,
    items: r.items as number,
    nextFetchAt: time(r.next_fetch_at),
    firstFetchAt: timeOrNull(r.first_fetch_at),
  };
}

export function toWatch(r: Row): Watch {
  return {
    platform: r.platform as Platform,
    channel: r.channel as string,
    kind: r.kind as Watch['kind'],
    term: r.term as string,
    createdBy: textOrNull(r.created_by),
    createdAt: time(r.created_at),
    sinceArticle: r.since_article as number,
  };
}

export function toAlert(r: Row): Alert {
  return {
    platform: r.platform as Platform,
    channel: r.channel as string,
    key: r.key as string,
    status: r.status as Alert['status'],
    claimedBy: r.claimed_by as string,
    claimedAt: time(r.claimed_at),
    attempts: r.attempts as number,
    messageId: textOrNull(r.message_id),
    error: textOrNull(r.error),
  };
}

/** Longer keys are kept as their hash: PostgreSQL's btree refuses index entries over ~2,700 bytes. */
const KEY_BYTES = 2000;

/**
 * What a source's URL or an entry's id is keyed by: itself, or (when longer than 2,000 bytes, or holding a NUL,
 * which PostgreSQL's text cannot) its SHA-256. Feeds are remote input: an id may be anything.
 */
export function boundedKey(value: string): string {
  if (Buffer.byteLength(value) <= KEY_BYTES && !value.includes('\0')) return value;
  return `sha256:${createHash('sha256').update(value).digest('hex')}`;
}

/**
 * A watch's term as compared: folded in JavaScript, not by SQL's lower() (SQLite's folds ASCII only, PostgreSQL's
 * follows the database's locale), so both backends match "ÉNERGIE" to "énergie" alike.
 */
export function termKey(term: string): string {
  return boundedKey(term.normalize('NFC').toLowerCase());
}

/** Of an entry's ids, those whose key is not in `seen`, each once, in the order given. */
export function unseenOf(ids: readonly string[], seen: ReadonlySet<string>): string[] {
  const given = new Set<string>();
  return ids.filter((id) => {
    const key = boundedKey(id);
    if (seen.has(key) || given.has(key)) return false;
    given.add(key);
    return true;
  });
}

/** dueSources' limit as a row count both engines take: whole, 0 to 10,000 (NaN: 0). */
export function rowLimit(limit: number): number {
  return Math.min(10_000, Math.max(0, Math.floor(limit) || 0));
}

/** Bounds on what a remote server puts in a source's row (a title, a failure's message). */
const TITLE_CHARS = 500;
const ERROR_CHARS = 2000;
const VALIDATOR_CHARS = 1000;

/** Without NULs (PostgreSQL's text cannot hold them), at most `max` characters, an ellipsis marking a cut. */
function clip(text: string, max: number): string {
  const clean = text.replaceAll('\0', '');
  if (clean.length <= max) return clean;
  return `${clean.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;
}

/** A validator cut short would never match again: one too long (or holding a NUL) is not kept at all. */
const validator = (v: string | null) => (v === null || v.length > VALIDATOR_CHARS || v.includes('\0') ? null : v);

/**
 * The SET clause recording a fetch (see State.recordFetch), in either engine's SQL: `param` takes a value and gives
 * its placeholder ("?" or "$n"). One UPDATE: a replica recording a fetch never overwrites another's counts.
 */
export function fetchSet(r: FetchResult, param: (value: unknown) => string): string {
  const at = r.at.toISOString();
  const set = [
    `last_fetch_at = ${param(at)}`,
    `last_status = ${param(r.status)}`,
    `next_fetch_at = ${param(r.nextFetchAt.toISOString())}`,
    `items = items + ${param(Math.max(0, Math.trunc(r.newItems ?? 0) || 0))}`,
  ];
  if (r.status === 'error') {
    // The validators, kind and title stay: the next fetch asks conditionally as before.
    set.push('failures = failures + 1', `last_error = ${param(clip(r.error ?? 'the fetch failed without a reason given', ERROR_CHARS))}`);
    return set.join(', ');
  }
  set.push('failures = 0', 'last_error = NULL');
  if (r.status === 'ok' && r.firstImportDone !== false) set.push(`first_fetch_at = COALESCE(first_fetch_at, ${param(at)})`);
  if (r.kind !== undefined) set.push(`kind = ${param(r.kind)}`);
  if (r.title !== undefined) set.push(`title = ${param(r.title === null ? null : clip(r.title, TITLE_CHARS))}`);
  if (r.etag !== undefined) set.push(`etag = ${param(validator(r.etag))}`);
  if (r.lastModified !== undefined) set.push(`last_modified = ${param(validator(r.lastModified))}`);
  return set.join(', ');
}
