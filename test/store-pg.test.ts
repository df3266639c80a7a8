// The Store port's contract on PostgreSQL: the local server when one answers, else PGlite in memory (test/pg.ts);
// each store in a fresh schema of its own. Then what only PostgreSQL has to do: open safely when replicas start
// together, rebuild an index of another layout, and keep the ingest lock across stores and connections.
import { describe, expect, it } from 'vitest';
import { hostname } from 'node:os';
import { connectPg, type Sql } from '../src/pg/client.ts';
import { PgStore } from '../src/pg/store.ts';
import { describeStoreContract } from './contracts/store.ts';
import { article } from './store-fixtures.ts';
import { testDatabase, type TestDatabase } from './pg.ts';

describeStoreContract('PostgreSQL', async () => {
  const db = await testDatabase();
  const sql = await connectPg(db.url);
  const store = await PgStore.open(sql);
  return { store, close: async () => (await store.close(), await sql.close(), await db.drop()) };
});

/** A database and `n` connections to it (on PGlite there is one database per connection: n must be 1). */
async function connections(n: number): Promise<{ db: TestDatabase; sqls: Sql[]; done(): Promise<void> }> {
  const db = await testDatabase();
  const sqls = await Promise.all(Array.from({ length: n }, () => connectPg(db.url)));
  return { db, sqls, done: async () => (await Promise.all(sqls.map((s) => s.close())), await db.drop()) };
}

const BESSENT = { name: 'Scott Bessent', roles: ['US Treasury Secretary'], aliases: ['Bessent'] };

describe('the PostgreSQL store', () => {
  it('opens alike when replicas start together, and leaves the connection to its owner when closed', async () => {
    const { db, sqls, done } = await connections(1);
    const more = db.engine === 'postgres' ? await Promise.all([connectPg(db.url), connectPg(db.url)]) : [];
    try {
      const stores = await Promise.all([...sqls, ...more].map((s) => PgStore.open(s)));
      await stores[0]!.putArticles([article('a.txt', { quotes: [{ by: BESSENT, text: 'Supply chains must be secure' }] })]);
      for (const s of stores) expect(await s.articleCount()).toBe(1);
      for (const s of stores) await s.close();
      expect(await sqls[0]!.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await Promise.all(more.map((s) => s.close()));
      await done();
    }
  });

  it('drops an index of another layout and forgets which extractor read the folder, keeping other values', async () => {
    const { sqls, done } = await connections(1);
    try {
      const sql = sqls[0]!;
      const store = await PgStore.open(sql);
      await store.putArticles([article('a.txt', { quotes: [{ by: BESSENT, text: 'Supply chains must be secure' }] })]);
      await store.setMeta('extractor', '7');
      await store.setMeta('kept', 'yes');
      await sql.query("UPDATE meta SET value = 'an older layout' WHERE key = 'index'");
      const reopened = await PgStore.open(sql);
      expect(await reopened.articleCount()).toBe(0);
      expect(await reopened.getMeta('extractor')).toBeNull();
      expect(await reopened.getMeta('kept')).toBe('yes');
    } finally {
      await done();
    }
  });

  it('lets one holder index a database across stores, tells the others who holds it, and frees it on close', async () => {
    const { db, sqls, done } = await connections(1);
    // On a server each store has its own pool, as separate processes would; PGlite is one process's database.
    const other = db.engine === 'postgres' ? await connectPg(db.url) : sqls[0]!;
    try {
      const a = { id: 'a', pid: process.pid, host: hostname() };
      const b = { id: 'b', pid: 4242, host: 'elsewhere' };
      const first = await PgStore.open(sqls[0]!);
      const second = await PgStore.open(other);
      expect(await first.claimIngest(a)).toBeNull();
      expect(await second.claimIngest(b)).toEqual(a);
      await second.releaseIngest(a); // not the second store's to release
      expect(await second.claimIngest(b)).toEqual(a);
      await first.close();
      expect(await second.claimIngest(b)).toBeNull();
      expect(JSON.parse((await second.getMeta('ingest_lock'))!)).toMatchObject(b);
      // Released: unlocked, and its record gone with it (while a record is there, someone is named as the holder).
      await second.releaseIngest(b);
      expect(await second.getMeta('ingest_lock')).toBeNull();
      expect(await second.claimIngest(a)).toBeNull();
      await second.close();
    } finally {
      if (other !== sqls[0]) await other.close();
      await done();
    }
  });

  it('counts the rows holding each word exactly through additions and removals, its id buckets aside', async () => {
    const { sqls, done } = await connections(1);
    const sql = sqls[0]!;
    try {
      const store = await PgStore.open(sql);
      await store.putArticles([
        article('a.txt', { quotes: [{ by: BESSENT, text: 'Supply chains must be secure' }] }),
        article('b.txt', { quotes: [{ by: BESSENT, text: 'Chains of supply are long' }, { by: null, text: 'Nobody saw it coming' }] }),
        article('c.txt', { quotes: [{ by: { name: 'Ana Ruiz' }, text: 'Tariffs must stay for now' }] }),
      ]);
      await store.removeArticle('b.txt');
      // What fts_terms says, per index, against what the rows' tsvectors hold (the '~' words are their id buckets).
      const held = (vector: string, from: string) =>
        `SELECT w AS term, count(*)::int AS rows FROM ${from}, unnest(tsvector_to_array(${vector})) w WHERE w NOT LIKE '~%' GROUP BY w`;
      const expected = await sql.query(
        `SELECT 0 AS ix, * FROM (${held('text_words', 'citations')}) t UNION ALL SELECT 1, * FROM (${held('text_words || context_words', 'citations')}) t
         UNION ALL SELECT 2, * FROM (${held('words', 'paragraphs')}) t ORDER BY 1, 2`,
      );
      expect(expected.length).toBeGreaterThan(10);
      expect(await sql.query('SELECT ix, term, rows FROM fts_terms WHERE rows <> 0 ORDER BY 1, 2')).toEqual(expected);
      // Every searched row holds its bucket; a search finds the words, never a bucket.
      expect(await sql.query("SELECT count(*)::int AS n FROM paragraphs WHERE NOT words @@ ('~' || (id >> 12))::tsquery")).toEqual([{ n: 0 }]);
      expect((await store.quoteIds({ text: { terms: ['supply'], mode: 'any' } }, { limit: 5, offset: 0 })).total).toBe(1);
      await store.close();
    } finally {
      await done();
    }
  });

  it("reads again what another store wrote before writing on top of it", async () => {
    const { db, sqls, done } = await connections(1);
    const other = db.engine === 'postgres' ? await connectPg(db.url) : sqls[0]!;
    try {
      const first = await PgStore.open(sqls[0]!);
      const second = await PgStore.open(other);
      await first.putArticles([article('a.txt', { quotes: [{ by: BESSENT, text: 'Supply chains must be secure for every ally we trade with' }] })]);
      await second.putArticles([article('b.txt', { quotes: [{ by: { name: 'Bessent' }, text: 'Supply chains must be secure' }] })]);
      // The second store knew nothing of Scott Bessent or his words, yet found both: one speaker, one quote.
      await first.putArticles([article('c.txt', { quotes: [{ by: BESSENT, text: 'Supply chains must be secure for every ally we trade with' }] })]);
      expect((await first.speakers()).map((s) => [s.name, s.quotes, s.articles])).toEqual([['Scott Bessent', 1, 3]]);
      const [quote] = (await first.quoteIds({ speakerId: (await first.speakers())[0]!.id }, { limit: 5, offset: 0 })).ids;
      expect((await first.citations([quote!], 10)).get(quote!)?.articles).toBe(3);
    } finally {
      if (other !== sqls[0]) await other.close();
      await done();
    }
  });
});
