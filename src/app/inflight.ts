// The inbound events being answered right now. A shutdown closes it: new events are turned away (the asker is told
// to ask again) and those in flight get a bounded time to finish, replies delivered, before the adapters and the
// database close under them.
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  /** False once closing has begun. */
  get accepting(): boolean {
    return !this.closed;
  }

  get size(): number {
    return this.running.size;
  }

  /** Runs `work`, remembered until it settles; its result and errors reach the caller. */
  track<T>(work: () => Promise<T>): Promise<T> {
    const p = work();
    this.running.add(p);
    const forget = () => void this.running.delete(p);
    p.then(forget, forget);
    return p;
  }

  /** Takes no more work and waits up to `ms` for the work in flight: true when all of it finished in time. */
  close(ms: number): Promise<boolean> {
    this.closed = true;
    return within(Promise.allSettled([...this.running]), ms);
  }
}

/** Waits for `work` at most `ms`: true when it settled in time (a rejection counts as settled). */
export async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), ms); });
  try {
    return await Promise.race([work.then(() => true, () => true), late]);
  } finally {
    clearTimeout(timer);
  }
}
