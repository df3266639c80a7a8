// Politeness towards the servers we poll: one request at a time per host, each starting at least a minimum
// interval after the previous one started there; different hosts proceed in parallel.
import { setTimeout as sleep } from 'node:timers/promises';
import PQueue from 'p-queue';

interface HostQueue {
  /** One task at a time for the host. */
  queue: PQueue;
  /** When the host's last task started, on the monotonic clock. */
  lastStart: number;
  /** Set while the queue is idle and waiting to be dropped. */
  dropTimer: NodeJS.Timeout | null;
}

export class HostPacer {
  readonly #minIntervalMs: number;
  readonly #queues = new Map<string, HostQueue>();

  constructor(minIntervalMs: number) {
    if (!(minIntervalMs > 0) || !Number.isFinite(minIntervalMs)) throw new RangeError(`HostPacer needs a positive interval, not ${minIntervalMs}`);
    this.#minIntervalMs = minIntervalMs;
  }

  /** Runs `task` when `url`'s host is free and its interval has passed; settles as the task does. */
  run<T>(url: string | URL, task: () => Promise<T>): Promise<T> {
    let host: string;
    try {
      host = new URL(url).hostname.toLowerCase();
    } catch {
      return Promise.reject(new TypeError(`"${String(url).slice(0, 200)}" is not a web address, so it has no host to pace`));
    }
    let entry = this.#queues.get(host);
    if (!entry) {
      entry = { queue: new PQueue({ concurrency: 1 }), lastStart: -Infinity, dropTimer: null };
      const created = entry;
      created.queue.on('idle', () => this.#dropLater(host, created));
      this.#queues.set(host, entry);
    }
    if (entry.dropTimer) {
      clearTimeout(entry.dropTimer);
      entry.dropTimer = null;
    }
    const paced = entry;
    return paced.queue.add(async () => {
      await this.#intervalAfter(paced.lastStart);
      paced.lastStart = performance.now();
      return task();
    });
  }

  /** Hosts with a queue (busy, or idle less than an interval ago): bounded by the hosts polled recently. */
  get hosts(): number {
    return this.#queues.size;
  }

  // The wait is measured on the monotonic clock and checked again after each timer, rather than left to p-queue's
  // interval option: that counts in Date.now(), which the wall clock's adjustments move, and a timer may fire a
  // little early, so under load two starts came closer than the interval.
  async #intervalAfter(lastStart: number): Promise<void> {
    for (let wait = lastStart + this.#minIntervalMs - performance.now(); wait > 0; wait = lastStart + this.#minIntervalMs - performance.now()) {
      await sleep(Math.ceil(wait));
    }
  }

  // An idle queue still remembers when its last task started; it is dropped only once a full interval has passed,
  // so a new queue for the host cannot start a task too soon.
  #dropLater(host: string, entry: HostQueue): void {
    if (entry.dropTimer) clearTimeout(entry.dropTimer);
    entry.dropTimer = setTimeout(() => {
      entry.dropTimer = null;
      if (entry.queue.size === 0 && entry.queue.pending === 0 && this.#queues.get(host) === entry) this.#queues.delete(host);
    }, this.#minIntervalMs);
    entry.dropTimer.unref();
  }
}
