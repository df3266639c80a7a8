// Keeps the store in step with a folder of articles: new and changed files are parsed (by content hash),
// removed files are removed, unchanged files are not even read.
import { availableParallelism } from 'node:os';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

export interface SyncReport {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: number;
  skipped: SkippedFile[];
  /** Quotes dropped because their words were not found verbatim where extracted (should stay empty). */
  unverified: { file: string; text: string }[];
}

export interface SyncOptions {
  maxBytes?: number;
  /** Extraction worker threads; default: one per core beyond the first, none for a handful of files. */
  workers?: number;
}

/** The parsers (linkedom, Readability, marked, chrono) load only when a file needs parsing, and only once. */
let extractor: Promise<typeof import('./ingest/extract-article.ts')> | null = null;
const loadExtractor = () => (extractor ??= import('./ingest/extract-article.ts'));

export async function syncFolder(dir: string, store: Store, options: SyncOptions = {}): Promise<SyncReport> {
  const report: SyncReport = { added: [], updated: [], removed: [], unchanged: 0, skipped: [], unverified: [] };
  const maxBytes = options.maxBytes ?? MAX_ARTICLE_BYTES;
  const known = new Map((await store.fileStamps()).map((s) => [s.file, s]));
  const reparse = (await store.getMeta('extractor')) !== EXTRACTOR_VERSION;

  // First pass: what changed, judged by size and modification time alone.
  // Only the size and time of each file to parse are kept: a first sync of 100,000 files lists them all.
  const candidates: { file: string; path: string; stat: { size: number; mtimeMs: number }; before: FileStamp | undefined }[] = [];
  for (const { file, path } of listFiles(dir, report)) {
    const before = known.get(file);
    known.delete(file);
    let stat: { size: number; mtimeMs: number };
    try {
      const { size, mtimeMs } = statSync(path);
      stat = { size, mtimeMs };
    } catch (err) {
      report.skipped.push({ file, reason: `it could not be read (${(err as NodeJS.ErrnoException).code})` });
      continue;
    }
    if (!reparse && before && before.size === stat.size && before.mtimeMs === stat.mtimeMs) report.unchanged++;
    else candidates.push({ file, path, stat, before });
  }

  const workers = options.workers ?? (candidates.length >= POOL_THRESHOLD ? Math.max(1, availableParallelism() - 1) : 0);
  const pool = workers > 0 ? new (await import('./ingest/pool.ts')).ExtractorPool(workers) : null;
  const { extractArticle } = candidates.length ? await loadExtractor() : { extractArticle: null };
  const extract = async (job: ExtractJob): Promise<Extracted> => {
    if (pool) {
      try {
        return await pool.extract(job);
      } catch {
        // A worker that cannot start or dies leaves the work to this thread.
      }
    }
    return extractArticle!(job.file, job.bytes, job.stat, { maxBytes: job.maxBytes, hash: job.hash });
  };

  const batch: ExtractedArticle[] = [];
  const flush = async () => {
    if (batch.length) await store.putArticles(batch.splice(0));
  };
  // Results are taken in file order, whichever worker finishes first, so indexing order never varies.
  const inFlight: { file: string; before: FileStamp | undefined; result: Promise<Extracted> }[] = [];
  const settle = async () => {
    const { file, before, result } = inFlight.shift()!;
    const r = await result;
    if (!r.ok) return skip(report, file, r.reason, before);
    for (const text of r.dropped) report.unverified.push({ file, text });
    batch.push(r.article);
    (before ? report.updated : report.added).push(file);
    if (batch.length >= BATCH) await flush();
  };

  try {
    for (const { file, path, stat, before } of candidates) {
      if (stat.size > maxBytes) {
        skip(report, file, `it is ${(stat.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(1)} MB limit for one article`, before);
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch (err) {
        skip(report, file, `it could not be read (${(err as NodeJS.ErrnoException).code})`, before);
        continue;
      }
      const hash = contentHash(bytes);
      // Touched but not changed (a copy, a checkout): the same content needs no parsing.
      if (!reparse && before && (await store.fileHash(file)) === hash) {
        await store.touchFile({ file, hash, size: stat.size, mtimeMs: stat.mtimeMs });
        report.unchanged++;
        continue;
      }
      inFlight.push({ file, before, result: extract({ file, bytes, stat, maxBytes, hash }) });
      if (inFlight.length >= IN_FLIGHT) await settle();
    }
    while (inFlight.length) await settle();
    await flush();
  } finally {
    await pool?.close();
  }

  for (const gone of known.keys()) {
    await store.removeArticle(gone);
    report.removed.push(gone);
  }
  if (reparse) await store.setMeta('extractor', EXTRACTOR_VERSION);
  return report;
}

function skip(report: SyncReport, file: string, reason: string, before: FileStamp | undefined): void {
  // A file that turned bad keeps its last good version in the store: a broken save must not lose an article.
  report.skipped.push({ file, reason: before ? `${reason}; the previously indexed version is kept` : reason });
}

/** Article files under `dir`, as paths relative to it; other files are reported once, hidden files ignored. */
function listFiles(dir: string, report: SyncReport): { file: string; path: string }[] {
  const out: { file: string; path: string }[] = [];
  const walk = (d: string, prefix: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else if (entry.isFile()) {
        const file = prefix + entry.name;
        if (ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push({ file, path });
        else report.skipped.push({ file, reason: `briefbot reads .txt, .md and .html files, not ${extname(entry.name) || 'files without an extension'}` });
      }
    }
  };
  walk(dir, '');
  return out;
}
