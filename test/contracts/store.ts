// The Store port's contract: what any index backend (SQLite today, PostgreSQL next) must do, checked through the
// interface and the core's own functions over it (ask, the digest, the folder sync), never through SQL.
import { afterEach, describe, expect, it } from 'vitest';
import { hostname } from 'node:os';
import type { Store } from '../../src/store/store.ts';
import { ask } from '../../src/answer/answer.ts';
import { composeDigest } from '../../src/digest/digest.ts';
import { syncFolder } from '../../src/sync.ts';
import { article, type Who } from '../store-fixtures.ts';
import { SEEDS } from '../helpers.ts';

export interface OpenedStore {
  store: Store;
  close(): Promise<void>;
}

const BESSENT: Who = { name: 'Scott Bessent', roles: ['US Treasury Secretary'], aliases: ['Bessent'] };
const MOFCOM: Who = { name: "China's Ministry of Commerce", kind: 'organisation', roles: ['spokesperson'], aliases: ['MOFCOM'] };

/** `open()`: a new, empty Store. */
export function describeStoreContract(backend: string, open: () => Promise<OpenedStore>): void {
  describe(`the Store port on ${backend}`, () => {
    const opened: OpenedStore[] = [];
    const fresh = async () => {
      const o = await open();
      opened.push(o);
      return o.store;
    };
    afterEach(async () => {
      for (const o of opened.splice(0)) await o.close();
    });

    it('keeps named values', async () => {
      const store = await fresh();
      expect(await store.getMeta('extractor')).toBeNull();
      await store.setMeta('extractor', '4');
      await store.setMeta('extractor', '5');
      expect(await store.getMeta('extractor')).toBe('5');
    });

    it('keeps each file\'s stamp, hash and extractor version, replaces an article by file, and removes it', async () => {
      const store = await fresh();
      const a = { ...article('a.txt', { quotes: [{ by: BESSENT, text: 'Supply chains must be secure' }] }), extractor: 'v7' };
      await store.putArticles([a, article('b.txt', { quotes: [{ by: MOFCOM, text: 'China firmly opposes the export controls' }] })]);
      expect(await store.articleCount()).toBe(2);
      expect(await store.fileHash('a.txt')).toBe(a.hash);
      await store.touchFile({ file: 'a.txt', hash: a.hash, size: 7, mtimeMs: 9 });
      expect((await store.fileStamps()).find((s) => s.file === 'a.txt')).toEqual({ file: 'a.txt', size: 7, mtimeMs: 9, extractor: 'v7' });
      const before = await store.latestArticleId();
      await store.putArticles([article('a.txt', { quotes: [{ by: BESSENT, text: 'We will not back down on critical minerals' }] })]);
      expect(await store.articleCount()).toBe(2);
      expect(await store.latestArticleId()).toBeGreaterThan(before);
      expect((await ask(store, 'what did Bessent say?')).quotes.map((q) => q.text)).toEqual(['We will not back down on critical minerals']);
      await store.removeArticle('a.txt');
      expect(await store.articleCount()).toBe(1);
      expect((await ask(store, 'what did Bessent say?')).kind).toBe('unknown-speaker');
    });

    it('lets one live holder at a time index it; a holder renews its own claim', async () => {
      const store = await fresh();
      const a = { id: 'a', pid: process.pid, host: hostname() };
      const b = { id: 'b', pid: process.pid, host: hostname() };
      expect(await store.claimIngest(a)).toBeNull();
      expect(await store.claimIngest(a)).toBeNull();
      expect(await store.claimIngest(b)).toEqual(a);
      await store.releaseIngest(b); // not b's to release
      expect(await store.claimIngest(b)).toEqual(a);
      await store.releaseIngest(a);
      expect(await store.claimIngest(b)).toBeNull();
    });

    it('writes a batch whole or not at all', async () => {
      const store = await fresh();
      const broken = article('c.txt', { quotes: [{ by: null, text: 'Not one step back' }] });
      broken.quotes[0]!.text = null as unknown as string; // a row no backend accepts
      await expect(store.putArticles([article('a.txt', { quotes: [{ by: BESSENT, text: 'Supply chains must be secure' }] }), broken])).rejects.toThrow();
      expect(await store.articleCount()).toBe(0);
      expect(await store.speakers()).toEqual([]);
    });

    it('answers the seeds: speakers, their quotes with citations, who said some words, and the digest', async () => {
      const store = await fresh();
      const report = await syncFolder(SEEDS, store, { workers: 0 });
      expect(report.added).toHaveLength(5);
      const bessent = await ask(store, 'what did Bessent say?');
      expect(bessent).toMatchObject({ kind: 'speaker', speaker: 'Scott Bessent' });
      expect(bessent.quotes[0]!.text).toContain('prudent derisking over decoupling');
      expect(bessent.quotes[0]!.citations.length).toBeGreaterThan(0);
      const who = await ask(store, 'who said "prudent derisking over decoupling"?');
      expect(who.quotes[0]?.speaker).toBe('Scott Bessent');
      expect((await store.speakers(3)).length).toBe(3);
      const totals = await store.speakerTotals();
      expect(totals.speakers).toBeGreaterThan(3);
      expect((await store.sources(2)).total).toBe(5);
      const digest = await composeDigest(store, {});
      expect(digest.stories.length).toBeGreaterThan(0);
      expect(await store.articleText(report.added[0]!)).toBeTruthy();
    });
  });
}
