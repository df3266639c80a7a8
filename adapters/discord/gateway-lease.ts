// Discord allows one gateway connection per shard, so of several replicas sharing one database exactly one may be
// connected: the one holding the lease "discord-gateway" in the shared State. It renews the lease every renewal
// interval; the others stand by and try to take it as often. A holder that dies stops renewing and is replaced once
// its lease lapses; a holder that stops (a rolling deploy) disconnects, then gives the lease up, and is replaced at
// the next attempt. Only receiving (the gateway) is leased: every replica can post briefings over REST.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../../src/log.ts';
import type { State } from '../../src/state/state.ts';

export const GATEWAY_LEASE = 'discord-gateway';

export interface LeaseTiming {
  /** How long a take or renewal lasts. */
  ttlMs: number;
  /** How often the holder renews and a standby replica tries to take over. */
  renewMs: number;
}

/**
 * 45 s and 15 s: a dead holder's lease lapses within 45 s and a standby tries every 15 s, so Discord is answered
 * again within a minute; the holder renews three times per lease, so one slow or failed renewal (a database
 * failover, a long pause for garbage collection) does not cost it the gateway; a standby costs one small write every
 * 15 s.
 */
export const LEASE_TIMING: LeaseTiming = { ttlMs: 45_000, renewMs: 15_000 };

/** The connection held under the lease. */
export interface Gateway {
  /** Resolves once connected; rejects with the reason the platform gave, or when disconnect() interrupts it. */
  connect(): Promise<void>;
  /** Disconnects, interrupting a connect() in progress. Never rejects. */
  disconnect(): Promise<void>;
}

type LeaseState = Pick<State, 'lease' | 'releaseLease'>;
type Attempt = 'taken' | 'renewed' | 'refused' | 'failed' | 'resting';

export class GatewayLease {
  /** This process in the leases table: host and pid for whoever reads it, plus a random part (a restart is a new holder). */
  readonly holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private phase: 'standby' | 'holding' | 'stopped' = 'standby';
  /** Counts takes: a connect() failing after this replica stepped down (and perhaps took over again) is not acted on. */
  private term = 0;
  /** After a failed connect this replica leaves its lease to lapse (performance.now() time), for another to try. */
  private restUntil = 0;
  private attempt: Promise<Attempt> | null = null;
  /** The last disconnect: the next connect waits for it, so one client is gone before the next logs in. */
  private disconnected: Promise<void> = Promise.resolve();
  private next: NodeJS.Timeout | undefined;
  private expiry: NodeJS.Timeout | undefined;

  /** `state` is asked each time: the bot replaces its storage after repairing a damaged database. */
  constructor(
    private readonly state: () => LeaseState,
    private readonly gateway: Gateway,
    private readonly timing: LeaseTiming,
    private readonly log: Logger,
  ) {
    if (!(timing.renewMs > 0 && timing.renewMs * 2 <= timing.ttlMs)) {
      throw new Error(`the gateway lease must be renewed at least twice per lease (renew every ${timing.renewMs} ms, lease of ${timing.ttlMs} ms)`);
    }
  }

  /**
   * Takes the lease and connects, or stands by when another replica holds it; either way keeps trying every renewal
   * interval until stop(). Rejects only when the lease was taken and the first connect failed (the lease is then
   * given up and the attempts stopped: the reason, such as a wrong token, is the same on every replica).
   */
  async start(): Promise<void> {
    const first = await this.try();
    this.schedule();
    if (first !== 'taken') {
      this.log.info(first === 'refused' ? 'Discord: another replica holds the gateway; standing by' : 'Discord: standing by until the gateway lease can be taken');
      return;
    }
    const term = this.term;
    try {
      await this.connect();
    } catch (err) {
      if (term !== this.term || this.phase !== 'holding') return; // stepped down (or stopped) while logging in
      await this.stop();
      throw err;
    }
  }

  /** Stops trying, disconnects, then gives the lease up so a standby replica takes over at its next attempt. */
  async stop(): Promise<void> {
    this.phase = 'stopped';
    clearTimeout(this.next);
    clearTimeout(this.expiry);
    await this.attempt; // one in flight cannot take the gateway any more (stopped), but may have renewed the lease
    await this.gateway.disconnect();
    await this.disconnected;
    try {
      await this.state().releaseLease(GATEWAY_LEASE, this.holder);
    } catch (err) {
      this.log.warn(`Discord: could not give up the gateway lease (another replica takes over when it lapses): ${(err as Error).message}`);
    }
  }

  private schedule(): void {
    if (this.phase === 'stopped') return;
    this.next = setTimeout(() => void this.tick(), this.timing.renewMs).unref();
  }

  private async tick(): Promise<void> {
    const result = await this.try();
    this.schedule();
    if (result !== 'taken') return;
    this.log.info('Discord: the gateway lease was free (the replica holding it stopped or stopped renewing); connecting');
    const term = this.term;
    this.connect().catch(() => {
      if (term !== this.term || this.phase !== 'holding') return; // interrupted by a step-down: nothing more to do
      // The reason is logged by the gateway. The lease is left to lapse rather than given up: an attempt in flight
      // could otherwise renew it after the release. Then any replica, this one included, may try again.
      this.restUntil = performance.now() + this.timing.ttlMs;
      void this.stepDown(`could not connect; leaving the gateway lease to lapse (${this.timing.ttlMs / 1000} s) for any replica to try again`);
    });
  }

  /** One take or renewal, one at a time (the next is scheduled once this one is settled). */
  private async try(): Promise<Attempt> {
    const result = this.leaseOnce();
    this.attempt = result;
    try {
      return await result;
    } finally {
      this.attempt = null;
    }
  }

  private async leaseOnce(): Promise<Attempt> {
    if (performance.now() < this.restUntil) return 'resting';
    const sent = performance.now();
    let held: boolean;
    try {
      held = await this.state().lease(GATEWAY_LEASE, this.holder, this.timing.ttlMs);
    } catch (err) {
      // A holder keeps the gateway until its lease would have lapsed (see expireAt): a brief outage costs nothing.
      this.log.warn(`Discord: could not ${this.phase === 'holding' ? 'renew' : 'take'} the gateway lease: ${(err as Error).message}`);
      return 'failed';
    }
    if (this.phase === 'stopped' || performance.now() < this.restUntil) return 'resting';
    if (!held) {
      if (this.phase === 'holding') void this.stepDown('another replica took over the gateway (this one did not renew its lease in time: paused, or cut off from the database)');
      return 'refused';
    }
    // Timed from before the call: the lease itself lasts at least this long.
    this.expireAt(sent + this.timing.ttlMs);
    if (this.phase === 'holding') return 'renewed';
    this.phase = 'holding';
    this.term += 1;
    return 'taken';
  }

  /** When no renewal has succeeded by the time the lease runs out, another replica may take it: disconnect first. */
  private expireAt(at: number): void {
    clearTimeout(this.expiry);
    this.expiry = setTimeout(() => {
      if (this.phase === 'holding') void this.stepDown('could not renew the gateway lease before it ran out');
    }, Math.max(0, at - performance.now())).unref();
  }

  private connect(): Promise<void> {
    const term = this.term;
    return this.disconnected.then(() => {
      if (term !== this.term || this.phase !== 'holding') throw new Error('Discord: stepped down before connecting');
      return this.gateway.connect();
    });
  }

  private async stepDown(why: string): Promise<void> {
    this.phase = 'standby';
    clearTimeout(this.expiry);
    this.log.warn(`Discord: ${why}; disconnecting and standing by`);
    this.disconnected = this.gateway.disconnect();
    await this.disconnected;
  }
}
