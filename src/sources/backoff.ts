// When to poll a source next: its usual interval after a success, exponentially later after failures, and never
// sooner than a server's Retry-After asks.

export interface BackoffOptions {
  /** The normal poll interval, used after a success. */
  intervalMs: number;
  /** The delay after the first failure; it doubles with each further one. */
  baseMs: number;
  /** The longest delay the doubling reaches. */
  maxMs: number;
  /** Up to this fraction of a failure delay is taken off at random, so sources that failed together spread out. */
  jitter: number;
  /** A number in [0, 1); tests inject a fixed one. */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  intervalMs: 15 * 60_000,
  baseMs: 60_000,
  maxMs: 6 * 3_600_000,
  jitter: 0.2,
  random: Math.random,
};

/** A Retry-After longer than this is cut to it: a server's typo must not silence a source for weeks. */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * Milliseconds until the next fetch of a source after `failures` consecutive failures (0 after a success):
 * baseMs·2^(failures-1) up to maxMs, less up to `jitter` of it; at least `retryAfterMs` when the server sent one.
 */
export function nextFetchDelay(failures: number, options: Partial<BackoffOptions> & { retryAfterMs?: number | null } = {}): number {
  const o = { ...DEFAULT_BACKOFF, ...options };
  if (!(failures >= 1)) return o.intervalMs;
  // 2^(n-1) overflows to Infinity for huge n; min() then gives the cap, which is what a long outage should get.
  const doubled = Math.min(o.maxMs, o.baseMs * 2 ** (Math.floor(failures) - 1));
  const jittered = Math.round(doubled * (1 - o.jitter * o.random()));
  const asked = options.retryAfterMs == null ? 0 : Math.min(Math.max(0, options.retryAfterMs), MAX_RETRY_AFTER_MS);
  return Math.max(jittered, asked);
}

/**
 * A Retry-After header in milliseconds from `now`: either delay-seconds ("120") or an HTTP date
 * ("Fri, 04 Dec 2026 18:00:00 GMT"); a date in the past gives 0. Null when absent or not understood.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, Number.MAX_SAFE_INTEGER);
  // Only date-shaped text goes to Date.parse, which would otherwise accept odd strings such as "1".
  if (!/^[A-Za-z]{3},? /.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
