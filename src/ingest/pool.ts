// A small pool of extraction workers. Parsing and quote extraction are pure CPU work on one file at a time,
// so with a second core they run beside the database writes instead of between them.
// Each file has a time budget: a worker still reading a file when its budget runs out is terminated and replaced,
// and the file is given up with a reason, so one pathological file cannot hold up a sync.
import { Worker } from 'node:worker_threads';
import type { Extracted } from './extract-article.ts';

/** Old-generation heap per worker. */
const WORKER_HEAP_MB = 192;

/** How long one file may take to read before it is given up. */
export const EXTRACT_BUDGET_MS = 2_000;

/** Why a file that ran out of time is skipped. */
export function overBudgetReason(budgetMs: number): string {
  return `it took longer than ${budgetMs >= 1000 ? `${budgetMs / 1000} s` : `${budgetMs} ms`} to read; it is skipped until it changes`;
}

export interface ExtractJob {
  file: string;
  bytes: Uint8Array;
  stat: { size: number; mtimeMs: number };
  maxBytes: number;
  hash: string;
}

interface Task {
  id: number;
  job: ExtractJob;
  resolve: (r: Extracted) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /**
   * Shared with the worker: [0] the id of the file it is reading (-1 between files), [1] when it began (Date.now()).
   * The worker writes both itself, so the budget counts its reading time only — not its start-up, not the files
   * queued before, and not a main thread busy writing a batch.
   */
  reading: Float64Array;
  /** Files posted to this worker and not yet answered, in order: it reads them back to back. */
  posted: Map<number, Task>;
}

/** How often the budget is checked. */
const WATCH_MS = 100;

export class ExtractorPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private failed: Error | null = null;
  private closed = false;
  private readonly budgetMs: number;
  private readonly watch: NodeJS.Timeout;

  constructor(size: number, options: { budgetMs?: number } = {}) {
    this.budgetMs = options.budgetMs ?? EXTRACT_BUDGET_MS;
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: null!, reading: null!, posted: new Map() };
      this.start(slot);
      this.slots.push(slot);
    }
    this.watch = setInterval(() => this.check(), Math.min(WATCH_MS, this.budgetMs / 4));
    this.watch.unref();
  }

  private start(slot: Slot): void {
    const reading = new Float64Array(new SharedArrayBuffer(16));
    reading[0] = -1;
    // A bounded heap: extraction keeps ~70 MB live, and V8 left to itself grows a worker's heap to several times
    // that before collecting. A worker that runs out anyway fails the pool, and the sync extracts on its own thread.
    const worker = new Worker(new URL('./extract-worker.mjs', import.meta.url), { workerData: { reading }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    slot.worker = worker;
    slot.reading = reading;
    worker.on('message', (m: { id?: number; result?: Extracted }) => {
      if (slot.worker !== worker || m.id === undefined) return;
      const task = slot.posted.get(m.id);
      slot.posted.delete(m.id);
      task?.resolve(m.result!);
    });
    worker.on('error', (err) => { if (slot.worker === worker) this.fail(err); });
    worker.on('exit', (code) => { if (slot.worker === worker && code !== 0 && !this.closed) this.fail(new Error(`extraction worker exited with code ${code}`)); });
    // Files a replaced worker had not answered go to the new one, in order.
    for (const task of slot.posted.values()) this.post(slot, task);
  }

  private post(slot: Slot, task: Task): void {
    // A private copy, transferred rather than cloned: Node may pool small file buffers, and a file may be posted
    // again to a new worker.
    const bytes = new Uint8Array(task.job.bytes);
    slot.worker.postMessage({ id: task.id, ...task.job, bytes }, [bytes.buffer]);
  }

  /** A worker reading one file for longer than the budget is stopped mid-file and replaced; that file is given up. */
  private check(): void {
    const now = Date.now();
    for (const slot of this.slots) {
      const id = slot.reading[0]!;
      if (id < 0 || now - slot.reading[1]! <= this.budgetMs) continue;
      const task = slot.posted.get(id);
      if (!task) continue;
      slot.posted.delete(id);
      const old = slot.worker;
      this.start(slot);
      void old.terminate();
      task.resolve({ ok: false, reason: overBudgetReason(this.budgetMs), overBudget: true });
    }
  }

  /** Extracts one file on the least busy worker; rejects if the workers have failed (the caller falls back). */
  extract(job: ExtractJob): Promise<Extracted> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    const slot = this.slots.reduce((a, b) => (b.posted.size < a.posted.size ? b : a));
    return new Promise<Extracted>((resolve, reject) => {
      const task = { id, job, resolve, reject };
      slot.posted.set(id, task);
      this.post(slot, task);
    });
  }

  private fail(err: Error): void {
    this.failed ??= err;
    for (const slot of this.slots) {
      for (const task of slot.posted.values()) task.reject(err);
      slot.posted.clear();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watch);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
