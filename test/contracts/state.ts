// The State port's contract: what any backend (SQLite today, PostgreSQL next) must do, written against the
// interface alone. A backend's test file calls describeStateContract with a way to open a fresh, migrated State.
import { afterEach, describe, expect, it } from 'vitest';
import type { State } from '../../src/state/state.ts';

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
  });
}
