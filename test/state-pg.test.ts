// The State port's contract on PostgreSQL (the local server when one answers, else PGlite), what only one replica
// may win when several share the database, and the LLM cache there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPg, type Sql } from '../src/pg/client.ts';
import { migratePgState } from '../src/pg/migrations.ts';
import { PgState } from '../src/pg/state.ts';
import { PgCache } from '../src/pg/cache.ts';
import { describeStateContract } from './contracts/state.ts';
import { serverReachable, testDatabase, testSql, type TestDatabase } from './pg.ts';

describeStateContract('PostgreSQL', async (now) => {
  const t = await testSql();
  await migratePgState(t.sql);
  return { state: new PgState(t.sql, now), close: t.drop };
});

const onServer = await serverReachable();

describe('briefing claims across replicas', () => {
  const replicas = 20;
  let db: TestDatabase;
  let pools: Sql[] = [];
  beforeAll(async () => {
    if (!onServer) return;
    db = await testDatabase();
    // A pool each, as separate processes have: the claims really race on the server.
    pools = await Promise.all(Array.from({ length: replicas }, () => connectPg(db.url)));
    await migratePgState(pools[0]!);
  });
  afterAll(async () => {
    for (const p of pools) await p.close();
    await db?.drop();
  });
  const claim = (slot: string, i: number) => ({ platform: 'slack', channel: 'C1', slot, since: null, until: '10', claimedBy: `replica-${i}` });

  it.skipIf(!onServer)('gives a briefing to exactly one of 20 replicas claiming it at once (needs a server: PGlite has one connection)', async () => {
    const at = new Date('2026-03-02T08:00:00Z');
    const results = await Promise.all(pools.map((sql, i) => new PgState(sql).claimBriefing(claim('2026-03-02T08:00:00.000Z', i), 60_000, at)));
    const won = results.filter((r) => r !== null);
    expect(won).toHaveLength(1);
    expect(await new PgState(pools[0]!).briefing('slack', 'C1', '2026-03-02T08:00:00.000Z')).toMatchObject({ claimedBy: won[0]!.claimedBy, attempts: 1 });
  });

  it.skipIf(!onServer)('gives a stale claim to exactly one of 20 replicas retaking it at once (needs a server: PGlite has one connection)', async () => {
    const slot = '2026-03-03T08:00:00.000Z';
    await new PgState(pools[0]!).claimBriefing(claim(slot, 0), 60_000, new Date('2026-03-03T08:00:00Z'));
    const later = new Date('2026-03-03T08:05:00Z');
    const results = await Promise.all(pools.map((sql, i) => new PgState(sql).claimBriefing(claim(slot, i), 60_000, later)));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await new PgState(pools[0]!).briefing('slack', 'C1', slot)).toMatchObject({ attempts: 2 });
  });

  it.skipIf(!onServer)('answers a redelivered event on exactly one of 20 replicas (needs a server: PGlite has one connection)', async () => {
    const results = await Promise.all(pools.map((sql) => new PgState(sql).claimEvent('slack:Ev42')));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it.skipIf(!onServer)('gives a lease to exactly one of 20 replicas asking at once (needs a server: PGlite has one connection)', async () => {
    const results = await Promise.all(pools.map((sql, i) => new PgState(sql).lease('discord-gateway', `replica-${i}`, 30_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('the LLM cache on PostgreSQL', () => {
  let t: Awaited<ReturnType<typeof testSql>>;
  let clock = Date.parse('2026-03-02T08:00:00Z');
  beforeAll(async () => {
    t = await testSql();
    await migratePgState(t.sql);
  });
  afterAll(() => t.drop());

  it('gives back what was set under a key, replaced by the latest, and nothing under another', async () => {
    const cache = new PgCache(t.sql, () => clock);
    await cache.set('digest|m|1', { summary: 'first', ids: [1, 2] });
    await cache.set('digest|m|1', { summary: 'Bessent said "x"\u0000', ids: [3] });
    expect(await cache.get('digest|m|1')).toEqual({ summary: 'Bessent said "x"\u0000', ids: [3] });
    expect(await cache.get('digest|m|2')).toBeUndefined();
  });

  it('forgets a reply after 30 days', async () => {
    const cache = new PgCache(t.sql, () => clock);
    await cache.set('answer|m|old', 'old reply');
    clock += 31 * 86_400_000;
    expect(await cache.get('answer|m|old')).toBeUndefined();
    await cache.set('answer|m|new', 'new reply');
    expect((await t.sql.query('SELECT key FROM llm_cache')).map((r) => r.key)).not.toContain('answer|m|old');
  });
});
