// The upgrade both engines' migration tests check: a database of the release before sources, watches and alerts
// (migrations 0001–0003) is upgraded in place, keeps what it held, and gains the new tables.
import { expect } from 'vitest';
import type { State } from '../../src/state/state.ts';

/** The first migration of the release that added sources, watches and alerts. */
export const FIRST_NEW_MIGRATION = '0004-sources';

/** What a database of the previous release holds: a subscription, a claimed briefing and a held lease. */
export async function holdPreviousRelease(old: State): Promise<void> {
  await old.subscribe({ platform: 'slack', channel: 'C1', cron: '0 8 * * 1-5', timezone: 'UTC', postWhenEmpty: false, createdBy: 'U1' });
  await old.claimBriefing({ platform: 'slack', channel: 'C1', slot: '2026-03-02T08:00:00.000Z', since: null, until: '10', claimedBy: 'p1' }, 60_000, new Date());
  expect(await old.lease('discord-gateway', 'r1', 60_000)).toBe(true);
}

/** After the upgrade: all of it still there, and sources, watches and alerts usable. */
export async function expectUpgraded(state: State): Promise<void> {
  expect(await state.subscription('slack', 'C1')).toMatchObject({ cron: '0 8 * * 1-5', createdBy: 'U1' });
  expect(await state.briefing('slack', 'C1', '2026-03-02T08:00:00.000Z')).toMatchObject({ claimedBy: 'p1', status: 'claimed' });
  expect(await state.lease('discord-gateway', 'r2', 60_000)).toBe(false);
  expect((await state.addSource('https://example.com/feed.xml', 'cli')).added).toBe(true);
  expect((await state.addWatch({ platform: 'slack', channel: 'C1', kind: 'speaker', term: 'Bessent', createdBy: 'U1', sinceArticle: 0 })).added).toBe(true);
  expect(await state.claimAlert({ platform: 'slack', channel: 'C1', key: 'quote:1', claimedBy: 'p1' }, 60_000, new Date())).toMatchObject({ attempts: 1 });
}
