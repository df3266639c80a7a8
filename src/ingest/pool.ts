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
  /** The worker has loaded the extractor: a budget counts reading time, not start-up. */
  ready: boolean;
  /** Files waiting for this worker, and the one it is reading. */
  queue: Task[];
  running: Task | null;
  timer: NodeJS.Timeout | null;
}

export class ExtractorPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private failed: Error | null = null;
  private closed = false;
  private readonly budgetMs: number;

  constructor(size: number, options: { budgetMs?: number } = {}) {
    this.budgetMs = options.budgetMs ?? EXTRACT_BUDGET_MS;
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: null!, ready: false, queue: [], running: null, timer: null };
      this.start(slot);
      this.slots.push(slot);
    }
  }

  private start(slot: Slot): void {
    // A bounded heap: extraction keeps ~70 MB live, and V8 left to itself grows a worker's heap to several times
    // that before collecting. A worker that runs out anyway fails the pool, and the sync extracts on its own thread.
    const worker = new Worker(new URL('./extract-worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    slot.worker = worker;
    slot.ready = false;
    worker.on('message', (m: { id?: number; result?: Extracted; ready?: boolean }) => {
      if (slot.worker !== worker) return;
      if (m.ready) {
        slot.ready = true;
      } else if (m.id !== undefined && slot.running?.id === m.id) {
        clearTimeout(slot.timer!);
        const task = slot.running;
        slot.running = null;
        task.resolve(m.result!);
      }
      this.next(slot);
    });
    worker.on('error', (err) => { if (slot.worker === worker) this.fail(err); });
    worker.on('exit', (code) => { if (slot.worker === worker && code !== 0 && !this.closed) this.fail(new Error(`extraction worker exited with code ${code}`)); });
  }

  /** Hands the worker its next file, and starts that file's clock. */
  private next(slot: Slot): void {
    if (!slot.ready || slot.running || this.failed) return;
    const task = slot.queue.shift();
    if (!task) return;
    slot.running = task;
    // A private copy, transferred rather than cloned: Node may pool small file buffers.
    const bytes = new Uint8Array(task.job.bytes);
    slot.worker.postMessage({ id: task.id, ...task.job, bytes }, [bytes.buffer]);
    slot.timer = setTimeout(() => this.overBudget(slot, task), this.budgetMs);
  }

  /** The file ran out of time: its worker is stopped mid-file and replaced, and the file is given up. */
  private overBudget(slot: Slot, task: Task): void {
    if (slot.running !== task) return;
    slot.running = null;
    const old = slot.worker;
    this.start(slot);
    void old.terminate();
    task.resolve({ ok: false, reason: overBudgetReason(this.budgetMs), overBudget: true });
  }

  /** Extracts one file on the least busy worker; rejects if the workers have failed (the caller falls back). */
  extract(job: ExtractJob): Promise<Extracted> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    const load = (s: Slot) => s.queue.length + (s.running ? 1 : 0);
    const slot = this.slots.reduce((a, b) => (load(b) < load(a) ? b : a));
    return new Promise<Extracted>((resolve, reject) => {
      slot.queue.push({ id, job, resolve, reject });
      this.next(slot);
    });
  }

  private fail(err: Error): void {
    this.failed ??= err;
    for (const slot of this.slots) {
      clearTimeout(slot.timer ?? undefined);
      for (const task of [...(slot.running ? [slot.running] : []), ...slot.queue]) task.reject(err);
      slot.running = null;
      slot.queue = [];
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) clearTimeout(slot.timer ?? undefined);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
