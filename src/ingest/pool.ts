// A small pool of extraction workers. Parsing and quote extraction are pure CPU work on one file at a time,
// so with a second core they run beside the database writes instead of between them.
import { Worker } from 'node:worker_threads';
import type { Extracted } from './extract-article.ts';

/** Old-generation heap per worker. */
const WORKER_HEAP_MB = 192;

export interface ExtractJob {
  file: string;
  bytes: Uint8Array;
  stat: { size: number; mtimeMs: number };
  maxBytes: number;
  hash: string;
}

interface Pending {
  resolve: (r: Extracted) => void;
  reject: (e: Error) => void;
}

export class ExtractorPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failed: Error | null = null;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      // A bounded heap: extraction keeps ~70 MB live, and V8 left to itself grows a worker's heap to several times
      // that before collecting. A worker that runs out anyway fails the pool, and the sync extracts on its own thread.
      const worker = new Worker(new URL('./extract-worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      const entry = { worker, busy: 0 };
      worker.on('message', (m: { id?: number; result?: Extracted }) => {
        if (m.id === undefined) return;
        entry.busy--;
        this.pending.get(m.id)?.resolve(m.result!);
        this.pending.delete(m.id);
      });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => { if (code !== 0) this.fail(new Error(`extraction worker exited with code ${code}`)); });
      this.workers.push(entry);
    }
  }

  /** Extracts one file on the least busy worker; rejects if the workers have failed (the caller falls back). */
  extract(job: ExtractJob): Promise<Extracted> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    const entry = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    entry.busy++;
    // A private copy, transferred rather than cloned: Node may pool small file buffers.
    const bytes = new Uint8Array(job.bytes);
    return new Promise<Extracted>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      entry.worker.postMessage({ id, ...job, bytes }, [bytes.buffer]);
    });
  }

  private fail(err: Error): void {
    this.failed ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
