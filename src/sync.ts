// Keeps the store in step with a folder of articles: new and changed files are parsed (by content hash),
// removed files are removed, unchanged files are not even read.
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { lstatSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import type { ExtractedArticle, SkippedFile } from './types.ts';
import type { FileStamp, Store } from './store/store.ts';
import type { Extracted } from './ingest/extract-article.ts';
import { ARTICLE_EXTENSIONS, contentHash } from './ingest/files.ts';
import { MAX_ARTICLE_BYTES } from './ingest/read.ts';
import type { ExtractJob } from './ingest/pool.ts';

/**
 * Bump when extraction changes what it finds: articles parsed by an older extractor are parsed again at the
 * next start, even though their files did not change.
 */
export const EXTRACTOR_VERSION = '4';

/**
 * Articles written per transaction during a sync. Writing a batch blocks the main thread: the files in flight keep
 * the workers busy meanwhile, so there are more of them than a batch holds.
 */
const BATCH = 200;
/** Files being parsed at once: enough to keep the workers busy, few enough to bound memory. */
const IN_FLIGHT = 256;
/** Below this many files to parse, starting worker threads costs more than it saves. */
const POOL_THRESHOLD = 200;
/**
 * In a small sync, files up to this size are read on the main thread: parsing is linear and any such file reads in
 * well under a second (npm run bench:faults). A larger one goes to a worker, where the time budget can stop it.
 */
const MAIN_THREAD_BYTES = 100 * 1024;
/**
 * How far (percent) V8 may grow a heap over its live data before collecting, while a bulk sync runs. Left to itself,
 * under a bulk sync's allocation rate it grows the heap to 3–4× the live data (470 MB of heap for 130 MB live at
 * 100,000 articles). The setting is the process's (V8 has none per thread), so it holds for the bulk sync only.
 */
const BULK_HEAP_GROWTH_PERCENT = 50;

export interface SyncReport {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: number;
  skipped: SkippedFile[];
  /** Quotes dropped because their words were not found verbatim where extracted (should stay empty). */
  unverified: { file: string; text: string }[];
  /** Set when nothing was synced because another process was indexing the database. */
  indexedBy?: { pid: number; host: string };
}

/**
 * Articles kept elsewhere than the folder: the pages and feed entries polled sources brought, kept in the state
 * (they cannot be fetched again), indexed and removed as the folder's files are. A folder file of the same name wins.
 */
export interface DocumentSource {
  /** Every document's name, size and time (when it was fetched): a changed time or size means a changed document. */
  stamps(): Promise<{ file: string; size: number; mtimeMs: number }[]>;
  read(file: string): Promise<Buffer | null>;
}

/** Where a document's path starts; a folder file's path starts with its folder's. */
const DOCUMENT = 'document:';

export interface SyncOptions {
  documents?: DocumentSource;
  maxBytes?: number;
  /** Extraction worker threads; default: one per core beyond the first, none for a handful of files. */
  workers?: number;
  /** Stops the sync at the next file: what was written stays, the rest is picked up by the next sync. */
  signal?: AbortSignal;
  /** How long one file may take to read on a worker before it is given up (default 2 s, see ingest/pool.ts). */
  budgetMs?: number;
}

/** Files given up for taking too long, by folder and name, with the content that did: not read again until it changes. */
const overBudget = new Map<string, { hash: string; reason: string }>();

/** The parsers (linkedom, Readability, marked, chrono) load only when a file needs parsing, and only once. */
let extractor: Promise<typeof import('./ingest/extract-article.ts')> | null = null;
const loadExtractor = () => (extractor ??= import('./ingest/extract-article.ts'));

export async function syncFolder(dir: string, store: Store, options: SyncOptions = {}): Promise<SyncReport> {
  const report: SyncReport = { added: [], updated: [], removed: [], unchanged: 0, skipped: [], unverified: [] };
  const maxBytes = options.maxBytes ?? MAX_ARTICLE_BYTES;
  const known = new Map((await store.fileStamps()).map((s) => [s.file, s]));

  // First pass: what changed, judged by size and modification time alone.
  // Only the size and time of each file to parse are kept: a first sync of 100,000 files lists them all.
  // A document's path is DOCUMENT and its name: what reads it, and what the over-budget list knows it by.
  const candidates: { file: string; path: string; stat: { size: number; mtimeMs: number }; before: FileStamp | undefined }[] = [];
  const listed = new Set<string>();
  const documents = options.documents ? await options.documents.stamps() : [];
  const everything = async function* () {
    yield* listFiles(dir, report, options.signal);
    for (const d of documents) if (!listed.has(d.file)) yield { file: d.file, path: DOCUMENT + d.file, stat: d };
  };
  const read = async (path: string): Promise<Buffer | null> => (path.startsWith(DOCUMENT) ? options.documents!.read(path.slice(DOCUMENT.length)) : readFileSync(path));
  for await (const { file, path, stat } of everything()) {
    if (documents.length) listed.add(file); // only to let a folder file win over a document of its name
    const before = known.get(file);
    known.delete(file);
    // Parsed by this extractor, and the same size and time: unchanged. A sync cut short (a crash, a stop) leaves
    // only the files it had not reached, so a restart continues where it stopped.
    if (before && before.extractor === EXTRACTOR_VERSION && before.size === stat.size && before.mtimeMs === stat.mtimeMs) report.unchanged++;
    else candidates.push({ file, path, stat, before });
  }
  if (options.signal?.aborted) return report;

  const bulk = candidates.length >= POOL_THRESHOLD;
  // Only a worker can be stopped mid-file: a small sync starts one when it has a large file to read.
  const large = (size: number) => size > MAIN_THREAD_BYTES;
  const anyLarge = candidates.some((c) => large(c.stat.size) && c.stat.size <= maxBytes);
  const workers = options.workers ?? (bulk ? Math.max(1, availableParallelism() - 1) : anyLarge ? 1 : 0);
  if (bulk) setFlagsFromString(`--heap-growing-percent=${BULK_HEAP_GROWTH_PERCENT}`);
  const pool = workers > 0 ? new (await import('./ingest/pool.ts')).ExtractorPool(workers, { budgetMs: options.budgetMs }) : null;
  const everyFileOnPool = bulk || options.workers !== undefined;
  const { extractArticle } = candidates.length ? await loadExtractor() : { extractArticle: null };
  const extract = async (job: ExtractJob): Promise<Extracted> => {
    if (pool && (everyFileOnPool || large(job.bytes.length))) {
      try {
        return await pool.extract(job);
      } catch {
        // A worker that cannot start or dies leaves the work to this thread (unless the sync was stopped).
        if (options.signal?.aborted) return { ok: false, reason: 'the sync was stopped' };
      }
    }
    return extractArticle!(job.file, job.bytes, job.stat, { maxBytes: job.maxBytes, hash: job.hash });
  };

  const batch: ExtractedArticle[] = [];
  const flush = async () => {
    if (batch.length) await store.putArticles(batch.splice(0));
  };
  // Results are taken in file order, whichever worker finishes first, so indexing order never varies.
  const inFlight: { file: string; path: string; hash: string; before: FileStamp | undefined; result: Promise<Extracted> }[] = [];
  const settle = async () => {
    const { file, path, hash, before, result } = inFlight.shift()!;
    const r = await result;
    if (!r.ok && r.overBudget) overBudget.set(path, { hash, reason: r.reason });
    if (!r.ok) return skip(report, file, r.reason, before);
    for (const text of r.dropped) report.unverified.push({ file, text });
    batch.push({ ...r.article, extractor: EXTRACTOR_VERSION });
    (before ? report.updated : report.added).push(file);
    if (batch.length >= BATCH) await flush();
  };

  try {
    for (const { file, path, stat, before } of candidates) {
      if (options.signal?.aborted) break;
      if (stat.size > maxBytes) {
        skip(report, file, `it is ${(stat.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(1)} MB limit for one article`, before);
        continue;
      }
      let bytes: Buffer | null;
      try {
        bytes = await read(path);
      } catch (err) {
        skip(report, file, `it could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, before);
        continue;
      }
      if (bytes === null) continue; // a document removed since it was listed: the next sync removes its article
      const hash = contentHash(bytes);
      // Touched but not changed (a copy, a checkout): the same content needs no parsing.
      if (before?.extractor === EXTRACTOR_VERSION && (await store.fileHash(file)) === hash) {
        await store.touchFile({ file, hash, size: stat.size, mtimeMs: stat.mtimeMs });
        report.unchanged++;
        continue;
      }
      const slow = overBudget.get(path);
      if (slow?.hash === hash) {
        skip(report, file, slow.reason, before);
        continue;
      }
      inFlight.push({ file, path, hash, before, result: extract({ file, bytes, stat, maxBytes, hash }) });
      if (inFlight.length >= IN_FLIGHT) await settle();
    }
    // Stopped: the files still being parsed are left for the next sync; what was parsed is written.
    while (inFlight.length && !options.signal?.aborted) await settle();
    await flush();
  } finally {
    await pool?.close();
    if (bulk) setFlagsFromString('--heap-growing-percent=0'); // V8's own choice again
  }
  if (options.signal?.aborted) return report;

  for (const gone of known.keys()) {
    await store.removeArticle(gone);
    report.removed.push(gone);
  }
  return report;
}

function skip(report: SyncReport, file: string, reason: string, before: FileStamp | undefined): void {
  // A file that turned bad keeps its last good version in the store: a broken save must not lose an article.
  report.skipped.push({ file, reason: before ? `${reason}; the previously indexed version is kept` : reason });
}

/** Entries looked at between turns of the event loop: a folder of 100,000 files takes half a second to list. */
const LIST_SLICE = 2000;

/**
 * Article files under `dir`, as paths relative to it, with their size and time; other files are reported once,
 * hidden files ignored. A link to a file is followed; a link to a folder is not (it could lead back up the tree).
 */
async function* listFiles(dir: string, report: SyncReport, signal?: AbortSignal): AsyncGenerator<{ file: string; path: string; stat: { size: number; mtimeMs: number } }> {
  let looked = 0;
  const walk = async function* (d: string, prefix: string): AsyncGenerator<{ file: string; path: string; stat: { size: number; mtimeMs: number } }> {
    // Names only, and one stat each: a Dirent per entry would cost as much again.
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      if (++looked % LIST_SLICE === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (signal?.aborted) return;
      }
      const path = join(d, name);
      const file = prefix + name;
      let st: Stats | undefined;
      try {
        st = lstatSync(path);
        if (st.isSymbolicLink()) {
          const target = statSync(path, { throwIfNoEntry: false });
          if (target?.isDirectory()) {
            report.skipped.push({ file, reason: 'it is a link to a folder, which briefbot does not follow: move or copy the folder in' });
            continue;
          }
          st = target;
        }
      } catch (err) {
        report.skipped.push({ file, reason: `it could not be read (${(err as NodeJS.ErrnoException).code})` });
        continue;
      }
      if (!st) report.skipped.push({ file, reason: 'it is a link to a file that does not exist' });
      else if (st.isDirectory()) yield* walk(path, `${file}/`);
      else if (!st.isFile()) continue;
      else if (ARTICLE_EXTENSIONS.has(extname(name).toLowerCase())) yield { file, path, stat: { size: st.size, mtimeMs: st.mtimeMs } };
      else report.skipped.push({ file, reason: `briefbot reads .txt, .md and .html files, not ${extname(name) || 'files without an extension'}` });
    }
  };
  yield* walk(dir, '');
}
