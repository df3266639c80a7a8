// Keeps the store in step with a folder of articles: new and changed files are parsed (by content hash),
// removed files are removed, unchanged files are not even read.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { ExtractedArticle, SkippedFile } from './types.ts';
import type { FileState, Store } from './store/store.ts';
import { ARTICLE_EXTENSIONS, contentHash } from './ingest/files.ts';
import { MAX_ARTICLE_BYTES } from './ingest/read.ts';

/** The parsers (linkedom, Readability, marked, chrono) load only when a file needs parsing, and only once. */
let extractor: Promise<typeof import('./ingest/extract-article.ts')> | null = null;
const loadExtractor = () => (extractor ??= import('./ingest/extract-article.ts'));

export interface SyncReport {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: number;
  skipped: SkippedFile[];
  /** Quotes dropped because their words were not found verbatim where extracted (should stay empty). */
  unverified: { file: string; text: string }[];
}

/** Articles written per transaction during a sync. */
const BATCH = 200;

export interface SyncOptions {
  maxBytes?: number;
}

/**
 * Bump when extraction changes what it finds: articles parsed by an older extractor are parsed again at the
 * next start, even though their files did not change.
 */
export const EXTRACTOR_VERSION = '1';

export async function syncFolder(dir: string, store: Store, options: SyncOptions = {}): Promise<SyncReport> {
  const report: SyncReport = { added: [], updated: [], removed: [], unchanged: 0, skipped: [], unverified: [] };
  const files = listFiles(dir, report);
  const known = new Map((await store.fileStates()).map((s) => [s.file, s]));
  const reparse = (await store.getMeta('extractor')) !== EXTRACTOR_VERSION;
  const batch: ExtractedArticle[] = [];
  const flush = async () => {
    if (batch.length) await store.putArticles(batch.splice(0));
  };

  for (const { file, path } of files) {
    const before = known.get(file);
    known.delete(file);
    let stat;
    try {
      stat = statSync(path);
    } catch (err) {
      report.skipped.push({ file, reason: `it could not be read (${(err as NodeJS.ErrnoException).code})` });
      continue;
    }
    if (!reparse && before && before.size === stat.size && before.mtimeMs === stat.mtimeMs) {
      report.unchanged++;
      continue;
    }
    const maxBytes = options.maxBytes ?? MAX_ARTICLE_BYTES;
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
    const state: FileState = { file, hash, size: stat.size, mtimeMs: stat.mtimeMs };
    if (!reparse && before && before.hash === hash) {
      await store.touchFile(state);
      report.unchanged++;
      continue;
    }
    const { extractArticle } = await loadExtractor();
    const result = extractArticle(file, bytes, stat, { maxBytes, hash });
    if (!result.ok) {
      skip(report, file, result.reason, before);
      continue;
    }
    for (const text of result.dropped) report.unverified.push({ file, text });
    batch.push(result.article);
    (before ? report.updated : report.added).push(file);
    if (batch.length >= BATCH) await flush();
  }
  await flush();

  for (const gone of known.keys()) {
    await store.removeArticle(gone);
    report.removed.push(gone);
  }
  if (reparse) await store.setMeta('extractor', EXTRACTOR_VERSION);
  return report;
}

function skip(report: SyncReport, file: string, reason: string, before: FileState | undefined): void {
  // A file that turned bad keeps its last good version in the store: a broken save must not lose an article.
  report.skipped.push({ file, reason: before ? `${reason}; the previously indexed version is kept` : reason });
}

/** Article files under `dir`, as paths relative to it; other files are reported once, hidden files ignored. */
function listFiles(dir: string, report: SyncReport): { file: string; path: string }[] {
  const out: { file: string; path: string }[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const file = relative(dir, path).split(sep).join('/');
        if (ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push({ file, path });
        else report.skipped.push({ file, reason: `briefbot reads .txt, .md and .html files, not ${extname(entry.name) || 'files without an extension'}` });
      }
    }
  };
  walk(dir);
  return out;
}
