// Politeness and patience towards polled servers: one request at a time per host with a minimum interval,
// exponential backoff after failures, and a server's Retry-After respected.
import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, nextFetchDelay, parseRetryAfter } from '../src/sources/backoff.ts';
import { HostPacer } from '../src/sources/pacer.ts';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A task that records when it started and how many tasks were running at once. */
function recorder() {
  const starts: Record<string, number[]> = {};
  let running = 0;
  let mostAtOnce = 0;
  const task = (name: string, ms: number) => async () => {
    (starts[name] ??= []).push(performance.now());
    mostAtOnce = Math.max(mostAtOnce, ++running);
    await sleep(ms);
    running--;
    return name;
  };
  return { starts, task, mostAtOnce: () => mostAtOnce };
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe('the host pacer', () => {
  it('runs one host\'s tasks one after another, each starting at least the interval after the previous one', async () => {
    const pacer = new HostPacer(30);
    const r = recorder();
    const results = await Promise.all([1, 2, 3, 4].map((n) => pacer.run(`https://a.example/feed/${n}`, r.task('a', 5))));
    expect(results).toEqual(['a', 'a', 'a', 'a']);
    expect(r.mostAtOnce()).toBe(1);
    for (const gap of gaps(r.starts.a!)) expect(gap).toBeGreaterThanOrEqual(29.9); // less the microseconds between the pacer reading its clock and the task reading it
  });

  it('holds a host\'s next task until a slow one finishes, even when the interval has passed', async () => {
    const pacer = new HostPacer(30);
    const r = recorder();
    await Promise.all([pacer.run('https://a.example/', r.task('a', 80)), pacer.run('https://a.example/', r.task('a', 1))]);
    expect(r.mostAtOnce()).toBe(1);
    expect(gaps(r.starts.a!)[0]).toBeGreaterThanOrEqual(78);
  });

  it('runs different hosts at the same time', async () => {
    const pacer = new HostPacer(30);
    const r = recorder();
    await Promise.all(['a', 'b', 'c'].map((h) => pacer.run(`https://${h}.example/feed`, r.task(h, 60))));
    expect(r.mostAtOnce()).toBe(3);
    const firstStarts = ['a', 'b', 'c'].map((h) => r.starts[h]![0]!);
    expect(Math.max(...firstStarts) - Math.min(...firstStarts)).toBeLessThan(40);
  });

  it('rejects only the failing task\'s call, and the host\'s next task still runs', async () => {
    const pacer = new HostPacer(10);
    const failing = pacer.run('https://a.example/', async () => {
      throw new Error('the server at a.example had an error');
    });
    const next = pacer.run('https://a.example/', async () => 'fetched');
    await expect(failing).rejects.toThrow('the server at a.example had an error');
    await expect(next).resolves.toBe('fetched');
  });

  it('forgets an idle host after an interval, so memory stays bounded by the hosts polled recently', async () => {
    const pacer = new HostPacer(20);
    await Promise.all(Array.from({ length: 50 }, (_, i) => pacer.run(`https://host${i}.example/`, async () => i)));
    expect(pacer.hosts).toBe(50);
    await sleep(80);
    expect(pacer.hosts).toBe(0);
  });

  it('keeps the interval for a host that is asked again just after going idle', async () => {
    const pacer = new HostPacer(40);
    const r = recorder();
    await pacer.run('https://a.example/', r.task('a', 1));
    await pacer.run('https://a.example/', r.task('a', 1));
    expect(gaps(r.starts.a!)[0]).toBeGreaterThanOrEqual(39.9);
  });
});

describe('the delay before the next fetch', () => {
  const options = { intervalMs: 15 * 60_000, baseMs: 60_000, maxMs: 6 * 3_600_000, jitter: 0.2, random: () => 0 };

  it('is the normal poll interval after a success', () => {
    expect(nextFetchDelay(0, options)).toBe(15 * 60_000);
  });

  it('doubles with each consecutive failure from the base, up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => nextFetchDelay(n, options))).toEqual([60_000, 120_000, 240_000, 480_000, 960_000]);
    expect(nextFetchDelay(9, options)).toBe(256 * 60_000); // still under the 6 h cap
  });

  it('never passes the cap, however many failures', () => {
    expect(nextFetchDelay(10, options)).toBe(6 * 3_600_000); // 512 min > 6 h
    expect(nextFetchDelay(5_000, options)).toBe(6 * 3_600_000);
  });

  it('takes up to the jitter fraction off a failure delay, as the injected random number says', () => {
    expect(nextFetchDelay(1, { ...options, random: () => 0.5 })).toBe(54_000);
    expect(nextFetchDelay(3, { ...options, random: () => 0.999 })).toBe(Math.round(240_000 * (1 - 0.2 * 0.999)));
  });

  it('waits at least as long as a Retry-After asks, but not more than a day', () => {
    expect(nextFetchDelay(1, { ...options, retryAfterMs: 600_000 })).toBe(600_000);
    expect(nextFetchDelay(4, { ...options, retryAfterMs: 10_000 })).toBe(480_000);
    expect(nextFetchDelay(1, { ...options, retryAfterMs: 30 * 24 * 3_600_000 })).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-12-04T17:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date as the time from now, and a past date as no wait', () => {
    expect(parseRetryAfter('Fri, 04 Dec 2026 17:05:00 GMT', now)).toBe(300_000);
    expect(parseRetryAfter('Fri, 04 Dec 2026 16:00:00 GMT', now)).toBe(0);
  });

  it('gives null when absent or not understood', () => {
    for (const value of [undefined, null, '', 'soon', '-5', '1.5', '12 minutes']) expect(parseRetryAfter(value, now), String(value)).toBeNull();
  });
});
