// The per-file time budget on the extraction workers: a file that takes too long to read is given up (its worker is
// terminated and replaced), skipped with a reason, and not read again until it changes.
import { appendFileSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExtractorPool, overBudgetReason } from '../src/ingest/pool.ts';
import { SqliteStore } from '../src/store/sqlite-store.ts';
import { syncFolder } from '../src/sync.ts';
import { FILES, SEEDS, tempDir } from './helpers.ts';

/** A tiny budget: the seed articles take a few milliseconds each, the slow page several seconds. */
const BUDGET_MS = 500;

/**
 * A page that is slow to read but linear in its size: 160 KB of <div>s nested 120 deep, which Readability walks again
 * and again (seconds, far over the budget).
 */
function slowPage(): string {
  const one = `${'<div>'.repeat(120)}<p>The minister said the tariffs would stay.</p>${'</div>'.repeat(120)}`;
  return `<html><body>${one.repeat(Math.ceil(160_000 / one.length))}</body></html>`;
}

/** An article read in milliseconds even by a fresh worker on a loaded machine (its first file runs cold). */
const SHORT = 'The minister said on Monday that the tariffs would stay.\n\n"We will not move on steel," the minister, Ana Ruiz, said.\n';

const job = (file: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { file, bytes, stat: { size: bytes.length, mtimeMs: 0 }, maxBytes: 5 * 1024 * 1024, hash: file };
};

describe('the per-file time budget', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir('briefbot-budget-')));
  afterEach(() => cleanup());

  it('gives up a file that runs over, and a new worker reads the next', async () => {
    const pool = new ExtractorPool(1, { budgetMs: BUDGET_MS });
    const seed = (await import('node:fs')).readFileSync(join(SEEDS, FILES.wire), 'utf8');
    try {
      expect((await pool.extract(job('a.txt', seed))).ok).toBe(true);
      // Posted together: the file queued behind the slow one is read by the worker that replaces it.
      const [slow, after] = await Promise.all([pool.extract(job('slow.html', slowPage())), pool.extract(job('b.txt', SHORT))]);
      expect(slow).toEqual({ ok: false, reason: overBudgetReason(BUDGET_MS), overBudget: true });
      expect(overBudgetReason(BUDGET_MS)).toBe('it took longer than 500 ms to read; it is skipped until it changes');
      expect(overBudgetReason(2000)).toBe('it took longer than 2 s to read; it is skipped until it changes');
      expect(after).toMatchObject({ ok: true }); // not given up: the new worker's one-time start is not its budget
      expect(after.ok && after.article.quotes.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('skips the file in a sync, keeps the others, and does not read it again until it changes', async () => {
    writeFileSync(join(dir, 'wire.txt'), SHORT);
    writeFileSync(join(dir, 'slow.html'), slowPage());
    const store = new SqliteStore(':memory:');
    try {
      const first = await syncFolder(dir, store, { workers: 1, budgetMs: BUDGET_MS });
      expect(first.added).toEqual(['wire.txt']);
      expect(first.skipped).toEqual([{ file: 'slow.html', reason: overBudgetReason(BUDGET_MS) }]);
      // Unchanged: skipped for the same reason without being read again (no pool at all: a worker would be needed).
      const again = await syncFolder(dir, store, { workers: 0, budgetMs: BUDGET_MS });
      expect(again.skipped).toEqual([{ file: 'slow.html', reason: overBudgetReason(BUDGET_MS) }]);
      // Changed into something readable: read again, and indexed.
      writeFileSync(join(dir, 'slow.html'), '<html><body><article><p>The minister said on Tuesday that the tariffs would stay in place for now, and that talks would go on.</p></article></body></html>');
      appendFileSync(join(dir, 'slow.html'), '\n');
      const changed = await syncFolder(dir, store, { workers: 0 });
      expect(changed.skipped).toEqual([]);
      expect(changed.added).toEqual(['slow.html']);
    } finally {
      await store.close();
    }
  });

  it('holds in a small sync too: a large file is read on a worker, small ones on the main thread', async () => {
    copyFileSync(join(SEEDS, FILES.wire), join(dir, 'wire.txt'));
    writeFileSync(join(dir, 'slow.html'), slowPage());
    const store = new SqliteStore(':memory:');
    try {
      // No worker count given: two files are a small sync, yet the 160 KB page is stopped by the budget.
      const report = await syncFolder(dir, store, { budgetMs: BUDGET_MS });
      expect(report.added).toEqual(['wire.txt']);
      expect(report.skipped).toEqual([{ file: 'slow.html', reason: overBudgetReason(BUDGET_MS) }]);
    } finally {
      await store.close();
    }
  });
});
