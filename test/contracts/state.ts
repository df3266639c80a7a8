// The State port's contract: what any backend (SQLite, PostgreSQL) must do, written against the interface alone. A backend's test file calls describeStateContract with a way to open a fresh, migrated State.
import { afterEach, describe, expect, it } from 'vitest';
import type { FetchResult, State } from '../../src/state/state.ts';

export interface OpenedState {
  state: State;
  close(): Promise<void>;
}

/** `open(now)`: a new, empty State whose clock is `now`. */
export function describeStateContract(backend: string, open: (now: () => Date) => Promise<OpenedState>): void {
  describe(`the State port on ${backend}`, () => {
    let clock = new Date('2026-03-02T08:00:00Z');
    const opened: OpenedState[] = [];
    const fresh = async () => {
      clock = new Date('2026-03-02T08:00:00Z');
      const o = await open(() => clock);
      opened.push(o);
      return o.state;
    };
    afterEach(async () => {
      for (const o of opened.splice(0)) await o.close();
    });
    const claim = (channel: string, slot: string, claimedBy = 'p1') => ({ platform: 'slack', channel, slot, since: null, until: '10', claimedBy });

    it('remembers a question for paging under a short id, and nothing under an unknown one', async () => {
      const state = await fresh();
      const id = await state.savePage('what did Bessent say?');
      expect(id).toMatch(/^[\w-]{1,32}$/);
      expect(await state.page(id)).toBe('what did Bessent say?');
      expect(await state.page('unknown')).toBeNull();
    });

    it('forgets a page after a week', async () => {
      const state = await fresh();
      const id = await state.savePage('old question');
      clock = new Date(clock.getTime() + 8 * 86_400_000);
      await state.savePage('new question');
      expect(await state.page(id)).toBeNull();
    });

    it('claims an event id once, and again after it is forgotten', async () => {
      const state = await fresh();
      expect(await state.claimEvent('slack:Ev1')).toBe(true);
      expect(await state.claimEvent('slack:Ev1')).toBe(false);
      expect(await state.claimEvent('discord:Ev1')).toBe(true);
      clock = new Date(clock.getTime() + 2 * 3_600_000);
      expect(await state.claimEvent('slack:Ev1')).toBe(true);
    });

    it('keeps one subscription per channel, replaced by the latest, until unsubscribed', async () => {
      const state = await fresh();
      await state.subscribe({ platform: 'slack', channel: 'C1', cron: '0 8 * * 1-5', timezone: 'UTC', postWhenEmpty: false, createdBy: 'U1' });
      const s = await state.subscribe({ platform: 'slack', channel: 'C1', cron: '30 7 * * *', timezone: 'Asia/Kolkata', postWhenEmpty: true, createdBy: 'U2' });
      await state.subscribe({ platform: 'discord', channel: 'C1', cron: '0 9 * * *', timezone: 'UTC', postWhenEmpty: false, createdBy: null });
      expect(s.createdAt).toBe('2026-03-02T08:00:00.000Z');
      expect(await state.subscription('slack', 'C1')).toEqual(s);
      expect((await state.subscriptions()).map((x) => `${x.platform}:${x.channel}`)).toEqual(['discord:C1', 'slack:C1']);
      expect(await state.unsubscribe('slack', 'C1')).toBe(true);
      expect(await state.unsubscribe('slack', 'C1')).toBe(false);
      expect(await state.subscription('slack', 'C1')).toBeNull();
    });

    it('gives a briefing to exactly one claimer, and to another only once the claim is stale', async () => {
      const state = await fresh();
      const at = clock;
      const first = await state.claimBriefing(claim('C1', '2026-03-02T08:00:00.000Z'), 60_000, at);
      expect(first).toMatchObject({ status: 'claimed', claimedBy: 'p1', attempts: 1, since: null, until: '10' });
      expect(await state.claimBriefing(claim('C1', '2026-03-02T08:00:00.000Z', 'p2'), 60_000, at)).toBeNull();
      expect(await state.claimBriefing(claim('C2', '2026-03-02T08:00:00.000Z', 'p2'), 60_000, at)).toMatchObject({ claimedBy: 'p2' });
      const later = new Date(at.getTime() + 60_000);
      expect(await state.claimBriefing(claim('C1', '2026-03-02T08:00:00.000Z', 'p2'), 60_000, later)).toMatchObject({ claimedBy: 'p2', attempts: 2 });
    });

    it('never gives a posted briefing again, and ends one that failed for good', async () => {
      const state = await fresh();
      const slot = '2026-03-02T08:00:00.000Z';
      await state.claimBriefing(claim('C1', slot), 60_000, clock);
      await state.finishBriefing('slack', 'C1', slot, { messageId: 'm1' });
      const much = new Date(clock.getTime() + 86_400_000);
      expect(await state.claimBriefing(claim('C1', slot, 'p2'), 60_000, much)).toBeNull();
      expect(await state.lastBriefing('slack', 'C1')).toMatchObject({ slot, status: 'posted', messageId: 'm1' });

      await state.claimBriefing(claim('C2', slot), 60_000, clock);
      await state.finishBriefing('slack', 'C2', slot, { error: 'rate limited', final: false });
      expect(await state.briefing('slack', 'C2', slot)).toMatchObject({ status: 'claimed', error: 'rate limited' });
      await state.finishBriefing('slack', 'C2', slot, { error: 'channel_not_found', final: true });
      expect(await state.claimBriefing(claim('C2', slot, 'p2'), 60_000, much)).toBeNull();
      expect(await state.briefing('slack', 'C2', slot)).toMatchObject({ status: 'failed', error: 'channel_not_found' });
      expect(await state.lastBriefing('slack', 'C2')).toBeNull();
    });

    it('lists a channel\'s briefings in slot order; the last posted one is where the next begins', async () => {
      const state = await fresh();
      for (const slot of ['2026-03-03T08:00:00.000Z', '2026-03-02T08:00:00.000Z']) {
        await state.claimBriefing({ ...claim('C1', slot), until: slot.slice(8, 10) }, 60_000, clock);
        await state.finishBriefing('slack', 'C1', slot, { messageId: `m${slot.slice(8, 10)}` });
      }
      expect((await state.briefings('slack', 'C1')).map((b) => b.slot)).toEqual(['2026-03-02T08:00:00.000Z', '2026-03-03T08:00:00.000Z']);
      expect(await state.lastBriefing('slack', 'C1')).toMatchObject({ until: '03', messageId: 'm03' });
    });

    it('gives a lease to one holder at a time, renewed by it, free once it lapses or is given up', async () => {
      const state = await fresh();
      expect(await state.lease('discord-gateway', 'r1', 30_000)).toBe(true);
      expect(await state.lease('discord-gateway', 'r2', 30_000)).toBe(false);
      expect(await state.lease('other', 'r2', 30_000)).toBe(true); // leases are by name
      clock = new Date(clock.getTime() + 20_000);
      expect(await state.lease('discord-gateway', 'r1', 30_000)).toBe(true); // renewed: now lasts to +50 s
      clock = new Date(clock.getTime() + 20_000);
      expect(await state.lease('discord-gateway', 'r2', 30_000)).toBe(false);
      clock = new Date(clock.getTime() + 10_001);
      expect(await state.lease('discord-gateway', 'r2', 30_000)).toBe(true); // r1 stopped renewing: lapsed
      await state.releaseLease('discord-gateway', 'r1'); // not r1's any more: nothing happens
      expect(await state.lease('discord-gateway', 'r1', 30_000)).toBe(false);
      await state.releaseLease('discord-gateway', 'r2');
      expect(await state.lease('discord-gateway', 'r1', 30_000)).toBe(true);
    });

    describe('sources', () => {
      const feed = 'https://example.com/feed.xml';
      const at = (minutes: number) => new Date(clock.getTime() + minutes * 60_000);
      const fetched = (minutes: number, r: Partial<FetchResult> = {}): FetchResult => ({ at: at(minutes), status: 'ok', nextFetchAt: at(minutes + 15), ...r });

      it('adds a source due at once, with nothing fetched yet', async () => {
        const state = await fresh();
        const { source, added } = await state.addSource(feed, 'slack:U1');
        expect(added).toBe(true);
        expect(source).toEqual({
          url: feed, addedBy: 'slack:U1', addedAt: '2026-03-02T08:00:00.000Z', kind: null, title: null, etag: null, lastModified: null,
          lastFetchAt: null, lastStatus: null, lastError: null, failures: 0, items: 0, nextFetchAt: '2026-03-02T08:00:00.000Z', firstFetchAt: null,
        });
        expect(await state.source(feed)).toEqual(source);
        expect(await state.dueSources(clock, 10)).toEqual([source]);
        expect(await state.source('https://example.com/other.xml')).toBeNull();
      });

      it('adds a source once: adding it again changes nothing and says so', async () => {
        const state = await fresh();
        await state.addSource(feed, 'slack:U1');
        await state.recordFetch(feed, fetched(1, { kind: 'feed', title: 'Treasury', newItems: 4 }));
        const before = await state.source(feed);
        clock = at(60);
        const again = await state.addSource(feed, 'cli');
        expect(again).toEqual({ source: before, added: false });
        expect(again.source).toMatchObject({ addedBy: 'slack:U1', title: 'Treasury', items: 4 });
        expect(await state.sources()).toHaveLength(1);
      });

      it('lists sources in the order added, forgets one removed, and puts it last when added again', async () => {
        const state = await fresh();
        for (const url of ['https://c.example/rss', 'https://a.example/atom', 'https://b.example/feed.json']) await state.addSource(url, 'cli');
        expect((await state.sources()).map((s) => s.url)).toEqual(['https://c.example/rss', 'https://a.example/atom', 'https://b.example/feed.json']);
        expect(await state.removeSource('https://a.example/atom')).toBe(true);
        expect(await state.removeSource('https://a.example/atom')).toBe(false);
        expect(await state.source('https://a.example/atom')).toBeNull();
        expect((await state.sources()).map((s) => s.url)).toEqual(['https://c.example/rss', 'https://b.example/feed.json']);
        await state.addSource('https://a.example/atom', null);
        expect((await state.sources()).map((s) => s.url)).toEqual(['https://c.example/rss', 'https://b.example/feed.json', 'https://a.example/atom']);
      });

      it('gives the sources due at a time, the earliest due first, at most as many as asked', async () => {
        const state = await fresh();
        const due = { 'https://one.example/rss': 30, 'https://two.example/rss': 10, 'https://three.example/rss': 20 };
        for (const [url, minutes] of Object.entries(due)) {
          await state.addSource(url, null);
          await state.recordFetch(url, fetched(0, { nextFetchAt: at(minutes) }));
        }
        const urls = async (t: Date, limit: number) => (await state.dueSources(t, limit)).map((s) => s.url);
        expect(await urls(at(5), 10)).toEqual([]);
        expect(await urls(at(20), 10)).toEqual(['https://two.example/rss', 'https://three.example/rss']); // due exactly then: due
        expect(await urls(at(60), 2)).toEqual(['https://two.example/rss', 'https://three.example/rss']);
        expect(await urls(at(60), 10)).toEqual(['https://two.example/rss', 'https://three.example/rss', 'https://one.example/rss']);
        expect(await urls(at(60), 0)).toEqual([]);
      });

      it('records a successful fetch: kind, title, validators, new items and the first successful fetch', async () => {
        const state = await fresh();
        await state.addSource(feed, 'cli');
        await state.recordFetch(feed, fetched(1, { kind: 'feed', title: 'Treasury press releases', etag: '"abc"', lastModified: 'Mon, 02 Mar 2026 07:00:00 GMT', newItems: 12 }));
        expect(await state.source(feed)).toMatchObject({
          kind: 'feed', title: 'Treasury press releases', etag: '"abc"', lastModified: 'Mon, 02 Mar 2026 07:00:00 GMT', lastFetchAt: '2026-03-02T08:01:00.000Z',
          lastStatus: 'ok', lastError: null, failures: 0, items: 12, nextFetchAt: '2026-03-02T08:16:00.000Z', firstFetchAt: '2026-03-02T08:01:00.000Z',
        });
        // What a fetch leaves out stays; the first successful fetch stays the first.
        await state.recordFetch(feed, fetched(20, { etag: '"def"', newItems: 3 }));
        expect(await state.source(feed)).toMatchObject({
          kind: 'feed', title: 'Treasury press releases', etag: '"def"', lastModified: 'Mon, 02 Mar 2026 07:00:00 GMT', items: 15,
          lastFetchAt: '2026-03-02T08:20:00.000Z', firstFetchAt: '2026-03-02T08:01:00.000Z',
        });
        await state.recordFetch(feed, fetched(40, { title: null, lastModified: null }));
        expect(await state.source(feed)).toMatchObject({ title: null, lastModified: null, etag: '"def"', items: 15 });
      });

      it('counts consecutive failures, keeping the last error, the validators and the kind until a success', async () => {
        const state = await fresh();
        await state.addSource(feed, 'cli');
        await state.recordFetch(feed, fetched(1, { kind: 'feed', title: 'Treasury', etag: '"abc"' }));
        await state.recordFetch(feed, fetched(16, { status: 'error', error: 'the server at example.com took longer than 10 s to answer' }));
        expect(await state.source(feed)).toMatchObject({ lastStatus: 'error', failures: 1, lastError: 'the server at example.com took longer than 10 s to answer' });
        await state.recordFetch(feed, fetched(31, { status: 'error', error: 'example.com answered 503 Service Unavailable', etag: null, title: null, nextFetchAt: at(90) }));
        expect(await state.source(feed)).toMatchObject({
          lastStatus: 'error', failures: 2, lastError: 'example.com answered 503 Service Unavailable', lastFetchAt: '2026-03-02T08:31:00.000Z',
          nextFetchAt: '2026-03-02T09:30:00.000Z', kind: 'feed', title: 'Treasury', etag: '"abc"', firstFetchAt: '2026-03-02T08:01:00.000Z',
        });
        await state.recordFetch(feed, fetched(90, { status: 'not-modified' }));
        expect(await state.source(feed)).toMatchObject({ lastStatus: 'not-modified', failures: 0, lastError: null, etag: '"abc"', title: 'Treasury' });
      });

      it('takes only a successful fetch, not a not-modified answer, as the first fetch', async () => {
        const state = await fresh();
        await state.addSource(feed, 'cli');
        await state.recordFetch(feed, fetched(1, { status: 'error', error: 'example.com answered 500' }));
        await state.recordFetch(feed, fetched(2, { status: 'not-modified' }));
        expect(await state.source(feed)).toMatchObject({ firstFetchAt: null, failures: 0 });
        await state.recordFetch(feed, fetched(3));
        expect(await state.source(feed)).toMatchObject({ firstFetchAt: '2026-03-02T08:03:00.000Z' });
      });

      it('takes as the first fetch only one that read every entry the source held, when told it did not', async () => {
        const state = await fresh();
        await state.addSource(feed, 'cli');
        await state.recordFetch(feed, fetched(1, { firstImportDone: false, newItems: 100 }));
        expect(await state.source(feed)).toMatchObject({ firstFetchAt: null, items: 100, lastStatus: 'ok' });
        await state.recordFetch(feed, fetched(2, { newItems: 40 }));
        expect(await state.source(feed)).toMatchObject({ firstFetchAt: '2026-03-02T08:02:00.000Z', items: 140 });
      });

      it('ignores a fetch recorded for a source removed meanwhile', async () => {
        const state = await fresh();
        await state.addSource(feed, 'cli');
        await state.removeSource(feed);
        await state.recordFetch(feed, fetched(1, { kind: 'feed', newItems: 3 }));
        expect(await state.source(feed)).toBeNull();
        expect(await state.sources()).toEqual([]);
      });

      it('bounds what a server puts in a source: a long title cut, NULs dropped, an over-long validator not kept', async () => {
        const state = await fresh();
        await state.addSource(feed, 'cli');
        await state.recordFetch(feed, fetched(1, { title: `Tr\u0000easury ${'very '.repeat(1000)}long`, etag: `"${'e'.repeat(5000)}"`, lastModified: 'Mon\u0000' }));
        const s = (await state.source(feed))!;
        expect(s.title!.startsWith('Treasury very')).toBe(true);
        expect(s.title!.length).toBeLessThanOrEqual(500);
        expect(s.title!.endsWith('…')).toBe(true);
        expect(s.etag).toBeNull();
        expect(s.lastModified).toBeNull();
        await state.recordFetch(feed, fetched(2, { status: 'error', error: `bad\u0000 ${'x'.repeat(10_000)}` }));
        expect((await state.source(feed))!.lastError!.startsWith('bad x')).toBe(true);
        expect((await state.source(feed))!.lastError!.length).toBeLessThanOrEqual(2000);
      });

      it('tells which entries a source has not indexed yet, each once and in order, and remembers those indexed', async () => {
        const state = await fresh();
        await state.addSource(feed, 'cli');
        expect(await state.unseenEntries(feed, ['a', 'b', 'a', 'c'])).toEqual(['a', 'b', 'c']);
        expect(await state.unseenEntries(feed, [])).toEqual([]);
        await state.markEntries(feed, [{ id: 'a', file: 'live/example.com/a.md' }, { id: 'c', file: 'live/example.com/c.md' }]);
        expect(await state.unseenEntries(feed, ['c', 'd', 'a', 'b'])).toEqual(['d', 'b']);
        // Marking again (a retried fetch) changes nothing.
        await state.markEntries(feed, [{ id: 'a', file: 'live/example.com/a.md' }, { id: 'a', file: 'live/example.com/a.md' }, { id: 'd', file: 'live/example.com/d.md' }]);
        await state.markEntries(feed, []);
        expect(await state.unseenEntries(feed, ['a', 'b', 'c', 'd'])).toEqual(['b']);
      });

      it('keeps each source\'s entries apart', async () => {
        const state = await fresh();
        await state.addSource(feed, 'cli');
        await state.addSource('https://other.example/rss', 'cli');
        await state.markEntries(feed, [{ id: 'tag:ap.org,2026:1', file: 'f1.md' }]);
        expect(await state.unseenEntries('https://other.example/rss', ['tag:ap.org,2026:1'])).toEqual(['tag:ap.org,2026:1']);
        expect(await state.unseenEntries(feed, ['tag:ap.org,2026:1'])).toEqual([]);
      });

      it('tells entry ids of any length and content apart, and keeps a source of a very long URL', async () => {
        const state = await fresh();
        const long = `https://example.com/story?${'q=1&'.repeat(2000)}`;
        const a = `${long}a`;
        const b = `${long}b`;
        await state.addSource(long, 'cli');
        expect((await state.source(long))!.url).toBe(long);
        await state.markEntries(long, [{ id: a, file: 'a.md' }, { id: 'x\u0000y', file: 'x.md' }, { id: 'ünïcödé'.repeat(400), file: 'u.md' }]);
        expect(await state.unseenEntries(long, [a, b, 'x\u0000y', 'xy', 'ünïcödé'.repeat(400), 'ünïcödé'.repeat(401)])).toEqual([b, 'xy', 'ünïcödé'.repeat(401)]);
        expect(await state.removeSource(long)).toBe(true);
        expect(await state.sources()).toEqual([]);
      });

      it('answers for thousands of entries at once', async () => {
        const state = await fresh();
        await state.addSource(feed, 'cli');
        const ids = Array.from({ length: 2500 }, (_, i) => `https://example.com/story/${i}`);
        await state.markEntries(feed, ids.slice(0, 1200).map((id) => ({ id, file: `${id.slice(-4)}.md` })));
        expect(await state.unseenEntries(feed, ids)).toEqual(ids.slice(1200));
      });

      it('forgets a removed source\'s entries: added again, they are new to it', async () => {
        const state = await fresh();
        await state.addSource(feed, 'cli');
        await state.markEntries(feed, [{ id: 'a', file: 'a.md' }]);
        await state.removeSource(feed);
        await state.markEntries(feed, [{ id: 'b', file: 'b.md' }]); // gone: nothing is kept
        await state.addSource(feed, 'cli');
        expect(await state.unseenEntries(feed, ['a', 'b'])).toEqual(['a', 'b']);
      });
    });

    describe('documents', () => {
      const feed = 'https://wire.example/feed.xml';
      const at = new Date('2026-12-03T10:00:00.000Z');
      const doc = (entryId: string, file: string, body: string, quiet = false) => ({ source: feed, entryId, file, body, fetchedAt: at, quiet });

      it('keeps what a source brought, byte for byte, with its size and fetch time, and marks its entry as indexed', async () => {
        const state = await fresh();
        await state.addSource(feed, 'cli');
        await state.keepDocument(doc('e1', 'web/wire.example/story-1.html', '<p>\u201cWe will not raise tariffs,\u201d she said. \u00e9</p>'));
        expect(await state.documentStamps()).toEqual([{ file: 'web/wire.example/story-1.html', size: Buffer.byteLength('<p>\u201cWe will not raise tariffs,\u201d she said. \u00e9</p>'), mtimeMs: at.getTime() }]);
        expect((await state.document('web/wire.example/story-1.html'))!.toString('utf8')).toBe('<p>\u201cWe will not raise tariffs,\u201d she said. \u00e9</p>');
        expect(await state.document('web/wire.example/other.html')).toBeNull();
        expect(await state.unseenEntries(feed, ['e1', 'e2'])).toEqual(['e2']);
      });

      it('leaves a document kept already as it is, and keeps nothing for a source that is gone', async () => {
        const state = await fresh();
        await state.addSource(feed, 'cli');
        await state.keepDocument(doc('e1', 'web/a.html', 'first'));
        await state.keepDocument(doc('e1-again', 'web/a.html', 'second'));
        expect((await state.document('web/a.html'))!.toString()).toBe('first');
        await state.keepDocument({ ...doc('e9', 'web/z.html', 'orphan'), source: 'https://gone.example/rss' });
        expect((await state.documentStamps()).map((d) => d.file)).toEqual(['web/a.html']);
      });

      it('tells which files came quietly, from a source\'s first fetch', async () => {
        const state = await fresh();
        await state.addSource(feed, 'cli');
        await state.keepDocument(doc('e1', 'web/first.html', 'x', true));
        await state.keepDocument(doc('e2', 'web/later.html', 'y', false));
        expect(await state.quietFiles(['web/first.html', 'web/later.html', 'seeds-file.md'])).toEqual(new Set(['web/first.html']));
        expect(await state.quietFiles([])).toEqual(new Set());
      });

      it('forgets a removed source\'s documents', async () => {
        const state = await fresh();
        await state.addSource(feed, 'cli');
        await state.addSource('https://other.example/rss', 'cli');
        await state.keepDocument(doc('e1', 'web/a.html', 'a'));
        await state.keepDocument({ ...doc('o1', 'web/o.html', 'o'), source: 'https://other.example/rss' });
        await state.removeSource(feed);
        expect((await state.documentStamps()).map((d) => d.file)).toEqual(['web/o.html']);
        expect(await state.document('web/a.html')).toBeNull();
      });
    });

    describe('watches', () => {
      const watch = (channel: string, kind: 'speaker' | 'phrase', term: string, platform = 'slack') => ({ platform, channel, kind, term, createdBy: 'U1', sinceArticle: 10 });

      it('keeps one watch per channel, kind and term in any case; adding it again keeps the original', async () => {
        const state = await fresh();
        const first = await state.addWatch({ ...watch('C1', 'speaker', 'Bessent'), sinceArticle: 1_099_511_627_776 });
        expect(first).toEqual({ added: true, watch: { platform: 'slack', channel: 'C1', kind: 'speaker', term: 'Bessent', createdBy: 'U1', createdAt: '2026-03-02T08:00:00.000Z', sinceArticle: 1_099_511_627_776 } });
        clock = new Date(clock.getTime() + 3_600_000);
        expect(await state.addWatch({ ...watch('C1', 'speaker', 'BESSENT'), createdBy: 'U2', sinceArticle: 20 })).toEqual({ added: false, watch: first.watch });
        expect((await state.addWatch(watch('C1', 'phrase', 'Bessent'))).added).toBe(true);
        expect((await state.addWatch(watch('C2', 'speaker', 'bessent'))).added).toBe(true);
        expect((await state.addWatch(watch('C1', 'speaker', 'Bessent', 'discord'))).added).toBe(true);
        // Beyond ASCII too: both backends fold case alike.
        expect((await state.addWatch(watch('C1', 'phrase', 'ÉNERGIE Éolienne'))).added).toBe(true);
        expect(await state.addWatch(watch('C1', 'phrase', 'énergie éolienne'))).toMatchObject({ added: false, watch: { term: 'ÉNERGIE Éolienne' } });
        expect(await state.watches()).toHaveLength(5);
      });

      it('lists watches, all or a platform\'s or a channel\'s, in the order made', async () => {
        const state = await fresh();
        await state.addWatch(watch('C2', 'phrase', 'rare earths'));
        await state.addWatch(watch('C1', 'speaker', 'Bessent'));
        await state.addWatch(watch('C1', 'speaker', 'Lagarde', 'discord'));
        await state.addWatch(watch('C1', 'phrase', 'tariffs'));
        const terms = (ws: { term: string }[]) => ws.map((w) => w.term);
        expect(terms(await state.watches())).toEqual(['rare earths', 'Bessent', 'Lagarde', 'tariffs']);
        expect(terms(await state.watches('slack'))).toEqual(['rare earths', 'Bessent', 'tariffs']);
        expect(terms(await state.watches('slack', 'C1'))).toEqual(['Bessent', 'tariffs']);
        expect(terms(await state.watches('discord', 'C2'))).toEqual([]);
      });

      it('removes a watch named in any case, and only that one', async () => {
        const state = await fresh();
        await state.addWatch(watch('C1', 'speaker', 'Bessent'));
        await state.addWatch(watch('C1', 'phrase', 'Bessent'));
        expect(await state.removeWatch('slack', 'C1', 'speaker', 'bessent')).toBe(true);
        expect(await state.removeWatch('slack', 'C1', 'speaker', 'Bessent')).toBe(false);
        expect(await state.removeWatch('slack', 'C2', 'phrase', 'Bessent')).toBe(false);
        expect(await state.watches('slack', 'C1')).toMatchObject([{ kind: 'phrase', term: 'Bessent' }]);
      });
    });

    describe('alerts', () => {
      const alert = (channel: string, key: string, claimedBy = 'p1') => ({ platform: 'slack', channel, key, claimedBy });

      it('gives an alert to exactly one claimer, and to another only once the claim is stale', async () => {
        const state = await fresh();
        const at = clock;
        expect(await state.claimAlert(alert('C1', 'quote:123'), 60_000, at)).toEqual({
          platform: 'slack', channel: 'C1', key: 'quote:123', status: 'claimed', claimedBy: 'p1', claimedAt: '2026-03-02T08:00:00.000Z', attempts: 1, messageId: null, error: null,
        });
        expect(await state.claimAlert(alert('C1', 'quote:123', 'p2'), 60_000, at)).toBeNull();
        expect(await state.claimAlert(alert('C1', 'quote:124', 'p2'), 60_000, at)).toMatchObject({ claimedBy: 'p2' });
        expect(await state.claimAlert(alert('C2', 'quote:123', 'p2'), 60_000, at)).toMatchObject({ claimedBy: 'p2' });
        expect(await state.claimAlert(alert('C1', 'quote:123', 'p2'), 60_000, new Date(at.getTime() + 59_999))).toBeNull();
        const later = new Date(at.getTime() + 60_000);
        expect(await state.claimAlert(alert('C1', 'quote:123', 'p2'), 60_000, later)).toMatchObject({ claimedBy: 'p2', attempts: 2, claimedAt: later.toISOString() });
        expect(await state.alert('slack', 'C1', 'quote:123')).toMatchObject({ claimedBy: 'p2', attempts: 2 });
        expect(await state.alert('slack', 'C1', 'quote:999')).toBeNull();
      });

      it('never gives a posted alert again, and ends one that failed for good', async () => {
        const state = await fresh();
        const much = new Date(clock.getTime() + 86_400_000);
        await state.claimAlert(alert('C1', 'burst:tariffs'), 60_000, clock);
        await state.finishAlert('slack', 'C1', 'burst:tariffs', { messageId: 'm1' });
        expect(await state.claimAlert(alert('C1', 'burst:tariffs', 'p2'), 60_000, much)).toBeNull();
        expect(await state.alert('slack', 'C1', 'burst:tariffs')).toMatchObject({ status: 'posted', messageId: 'm1', error: null });

        await state.claimAlert(alert('C2', 'quote:7'), 60_000, clock);
        await state.finishAlert('slack', 'C2', 'quote:7', { error: 'rate limited', final: false });
        expect(await state.alert('slack', 'C2', 'quote:7')).toMatchObject({ status: 'claimed', error: 'rate limited' });
        expect(await state.claimAlert(alert('C2', 'quote:7', 'p2'), 60_000, much)).toMatchObject({ claimedBy: 'p2', attempts: 2 });
        await state.finishAlert('slack', 'C2', 'quote:7', { error: 'channel_not_found', final: true });
        expect(await state.claimAlert(alert('C2', 'quote:7', 'p3'), 60_000, new Date(much.getTime() + 86_400_000))).toBeNull();
        expect(await state.alert('slack', 'C2', 'quote:7')).toMatchObject({ status: 'failed', error: 'channel_not_found', claimedBy: 'p2' });
      });

      it('gives an alert to exactly one of twenty claiming it at once, and a stale claim to exactly one of twenty', async () => {
        const state = await fresh();
        const at = clock;
        const race = (t: Date) => Promise.all(Array.from({ length: 20 }, (_, i) => state.claimAlert(alert('C1', 'quote:42', `replica-${i}`), 60_000, t)));
        const won = (await race(at)).filter((a) => a !== null);
        expect(won).toHaveLength(1);
        expect(await state.alert('slack', 'C1', 'quote:42')).toMatchObject({ claimedBy: won[0]!.claimedBy, attempts: 1 });
        const retaken = (await race(new Date(at.getTime() + 300_000))).filter((a) => a !== null);
        expect(retaken).toHaveLength(1);
        expect(await state.alert('slack', 'C1', 'quote:42')).toMatchObject({ claimedBy: retaken[0]!.claimedBy, attempts: 2 });
      });

      it('keeps each channel\'s alert cursor, which only ever moves forward', async () => {
        const state = await fresh();
        expect(await state.alertCursor('slack', 'C1')).toBeNull();
        await state.advanceAlertCursor('slack', 'C1', 10);
        await state.advanceAlertCursor('slack', 'C1', 5);
        expect(await state.alertCursor('slack', 'C1')).toBe(10);
        await state.advanceAlertCursor('slack', 'C1', 1_099_511_627_776);
        expect(await state.alertCursor('slack', 'C1')).toBe(1_099_511_627_776);
        expect(await state.alertCursor('slack', 'C2')).toBeNull();
        expect(await state.alertCursor('discord', 'C1')).toBeNull();
        // Checks finishing at once in any order leave the furthest.
        await Promise.all([3, 40, 7, 25].map((id) => state.advanceAlertCursor('discord', 'C1', id)));
        expect(await state.alertCursor('discord', 'C1')).toBe(40);
      });
    });
  });
}
