// Storage of attributed and unattributed quotations: exact counters, the attribution rule kept per citation, the
// words speakers are found by, and an index updated article by article that equals one built from scratch.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ask } from '../src/answer/answer.ts';
import { SqliteStore } from '../src/store/sqlite-store.ts';
import { INDEX_TABLES } from '../src/store/schema.ts';
import { article, storeWith, type Who } from './store-fixtures.ts';
import { tempDir } from './helpers.ts';

const BESSENT: Who = { name: 'Scott Bessent', roles: ['US Treasury Secretary'], aliases: ['Bessent'] };
const BESSENT_AS_CHAIR: Who = { ...BESSENT, roles: ['Chair of the Financial Stability Oversight Council'] };
const TREASURY: Who = { name: 'US Treasury', kind: 'organisation', aliases: ['Treasury'] };
const MOFCOM: Who = { name: "China's Ministry of Commerce", kind: 'organisation', roles: ['spokesperson'], aliases: ['MOFCOM'] };
const BANNER = 'We will not back down on critical minerals';

const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});
const track = (s: SqliteStore) => (stores.push(s), s);

/** The whole index as comparable rows: speakers by key, not by id. */
function dump(store: SqliteStore) {
  const db = store.db;
  const keyOf = new Map((db.prepare('SELECT id, kind, key FROM speakers').all() as { id: number; kind: string; key: string }[]).map((s) => [s.id, `${s.kind}:${s.key}`]));
  const who = (id: number | null) => (id === null ? null : keyOf.get(id));
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    speakers: sorted(db.prepare('SELECT kind, name, key, surname, role, quotes, quoted_in, mentions FROM speakers').all()),
    countries: sorted((db.prepare('SELECT speaker_id, country, articles FROM speaker_countries').all() as { speaker_id: number }[]).map((r) => ({ ...r, speaker_id: who(r.speaker_id) }))),
    keys: sorted((db.prepare('SELECT speaker_id, key, is_role, name, articles FROM speaker_keys').all() as { speaker_id: number }[]).map((r) => ({ ...r, speaker_id: who(r.speaker_id) }))),
    words: sorted((db.prepare('SELECT speaker_id, word, is_role, keys FROM speaker_words').all() as { speaker_id: number }[]).map((r) => ({ ...r, speaker_id: who(r.speaker_id) }))),
    quotes: sorted(
      (db.prepare(`SELECT q.speaker_id, q.kind, q.articles, q.latest, (SELECT json_group_array(x) FROM (SELECT c.text || '|' || c.sieve || '|' || a.file AS x FROM citations c JOIN articles a ON a.id = c.article_id WHERE c.quote_id = q.id ORDER BY x)) AS cites FROM quotes q`).all() as { speaker_id: number | null }[])
        .map((r) => ({ ...r, speaker_id: who(r.speaker_id) })),
    ),
    fts: db.prepare("SELECT count(*) FROM citations_fts WHERE citations_fts MATCH 'speaker : \"none\"'").pluck().get(),
  };
}

describe('unattributed quotations', () => {
  it('are stored without a speaker, fold across articles on the same words, and count for no one', async () => {
    const store = track(await storeWith(
      article('a.txt', { quotes: [{ by: BESSENT, text: 'Supply chains must be secure' }, { by: null, text: BANNER }] }),
      article('b.txt', { date: '2026-01-14', quotes: [{ by: null, text: `${BANNER}.` }, { by: null, text: 'We will not back down' }] }),
    ));
    const rows = store.db.prepare('SELECT speaker_id AS speakerId, articles, latest FROM quotes WHERE speaker_id IS NULL ORDER BY articles DESC').all();
    // The same words (punctuation aside) are one quote in two articles; a shorter part is not folded in, as it
    // could be anyone's.
    expect(rows).toEqual([{ speakerId: null, articles: 2, latest: '2026-01-14' }, { speakerId: null, articles: 1, latest: '2026-01-14' }]);
    expect(store.db.prepare('SELECT name, quotes, quoted_in AS quotedIn, mentions FROM speakers').all()).toEqual([{ name: 'Scott Bessent', quotes: 1, quotedIn: 1, mentions: 1 }]);
    expect(store.db.prepare('SELECT DISTINCT sieve FROM citations WHERE speaker_id IS NULL').pluck().all()).toEqual(['none']);
    const [q] = (await ask(store, `who said "${BANNER}"?`)).quotes;
    expect(q).toMatchObject({ speaker: null, role: null, sieve: 'none', articles: 2 });
  });

  it('keep the rule that attributed each quote', async () => {
    const store = track(await storeWith(article('a.txt', { quotes: [{ by: BESSENT, text: 'Supply chains must be secure', sieve: 'intro/pronoun' }] })));
    expect((await ask(store, 'what did Bessent say?')).quotes[0]!.sieve).toBe('intro/pronoun');
  });
});

describe('an index updated article by article', () => {
  it('holds exactly what one built from the final articles holds: counters, names, words and quotes', async () => {
    const a = article('a.txt', { quotes: [{ by: BESSENT, text: 'Supply chains must be secure' }, { by: null, text: BANNER }] });
    const b = article('b.txt', { quotes: [{ by: BESSENT_AS_CHAIR, text: 'Supply chains must be secure' }, { by: null, text: BANNER }, { by: TREASURY, text: 'The Treasury welcomes the talks', kind: 'statement' }] });
    const c1 = article('c.txt', { quotes: [{ by: MOFCOM, text: 'China firmly opposes the export controls' }, { by: null, text: 'Not one step back' }] });
    const c2 = article('c.txt', { date: '2026-01-15', quotes: [{ by: MOFCOM, text: 'China will take necessary measures' }], mentions: [TREASURY] });
    const d = article('d.txt', { quotes: [{ by: BESSENT, text: 'Decoupling is not the goal' }, { by: null, text: BANNER }] });

    const incremental = track(await storeWith(a, b, c1));
    await incremental.removeArticle('b.txt');
    await incremental.putArticles([c2]);
    await incremental.putArticles([d]);
    const rebuilt = track(await storeWith(a, c2, d));

    expect(dump(incremental)).toEqual(dump(rebuilt));
    // The role only b.txt gave is gone, with the words it could be found by.
    expect(incremental.db.prepare("SELECT count(*) FROM speaker_words WHERE word = 'oversight'").pluck().get()).toBe(0);
    for (const q of ['what did Bessent say?', 'what did the Treasury say?', 'what did the Mofcom spokesperson say?', `who said "${BANNER}"?`, 'critical minerals']) {
      const strip = (x: object) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'id' ? undefined : v)));
      expect(strip(await ask(incremental, q)), q).toEqual(strip(await ask(rebuilt, q)));
    }
  });
});

describe('a batch that fails', () => {
  it('leaves no trace: the next batch writes its speakers and quotes afresh', async () => {
    const store = track(await storeWith(article('a.txt', { quotes: [{ by: BESSENT, text: 'Supply chains must be secure' }] })));
    const broken = article('c.txt', { quotes: [{ by: null, text: 'Not one step back' }] });
    broken.quotes[0]!.text = null as unknown as string; // a row the database refuses
    const newcomer = article('b.txt', { quotes: [{ by: MOFCOM, text: 'China firmly opposes the export controls' }] });
    await expect(store.putArticles([newcomer, broken])).rejects.toThrow();
    await store.putArticles([newcomer]);
    expect(dump(store)).toEqual(dump(track(await storeWith(article('a.txt', { quotes: [{ by: BESSENT, text: 'Supply chains must be secure' }] }), newcomer))));
    expect((await ask(store, 'what did the Mofcom spokesperson say?')).quotes.map((q) => q.text)).toEqual(['China firmly opposes the export controls']);
  });
});

describe('two processes writing one database', () => {
  it('see each other\'s speakers: a speaker the other added is the same speaker, not a second one', async () => {
    const t = tempDir();
    try {
      const path = join(t.dir, 'db.sqlite');
      const a = track(new SqliteStore(path));
      const b = track(new SqliteStore(path));
      await a.putArticles([article('a.txt', { quotes: [{ by: BESSENT, text: 'Supply chains must be secure' }] })]);
      await b.putArticles([article('b.txt', { quotes: [{ by: MOFCOM, text: 'China firmly opposes the export controls' }] })]);
      await a.putArticles([article('c.txt', { quotes: [{ by: MOFCOM, text: 'China will take necessary measures' }] })]);
      expect(a.db.prepare("SELECT name, quotes FROM speakers WHERE kind = 'organisation'").all()).toEqual([{ name: "China's Ministry of Commerce", quotes: 2 }]);
    } finally {
      t.cleanup();
    }
  });
});

describe('the index layout', () => {
  it('is rebuilt when it changes, speaker words included', async () => {
    expect(INDEX_TABLES).toContain('speaker_words');
    const t = tempDir();
    try {
      const path = join(t.dir, 'db.sqlite');
      const first = new SqliteStore(path);
      await first.putArticles([article('a.txt', { quotes: [{ by: BESSENT, text: 'Supply chains must be secure' }] })]);
      first.db.prepare("UPDATE meta SET value = 'an older layout' WHERE key = 'index'").run();
      await first.close();
      const again = track(new SqliteStore(path));
      expect(await again.articleCount()).toBe(0);
      expect(again.db.prepare('SELECT count(*) FROM speaker_words').pluck().get()).toBe(0);
    } finally {
      t.cleanup();
    }
  });
});

describe('the stamps of indexed files', () => {
  it('are read in full across pages, every file once', async () => {
    const store = track(new SqliteStore(':memory:'));
    // More files than one page of stamps (5,000) holds, with names that do not sort as they were written.
    const files = Array.from({ length: 5_003 }, (_, i) => `${String((i * 7919) % 5_003).padStart(5, '0')}/n.txt`);
    const batch = files.map((file) => article(file, { reporting: ['Nothing was said.'] }));
    for (let i = 0; i < batch.length; i += 1_000) await store.putArticles(batch.slice(i, i + 1_000));
    const stamps = await store.fileStamps();
    expect(stamps).toHaveLength(5_003);
    expect(new Set(stamps.map((s) => s.file))).toEqual(new Set(files));
  });
});
