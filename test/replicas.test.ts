// Three replicas behave as one bot: three processes (test/fakes/replica.ts), each a Briefbot over one PostgreSQL
// schema with the real Slack adapter in HTTP mode and a scheduler on a clock the test sets, serve one Slack
// workspace (the loopback fake). Every briefing is posted once, even when the replica posting it is killed with
// SIGKILL mid-post; every event is answered once, whichever replicas Slack delivers and redelivers it to; and after a
// restart of all three nothing is lost, indexed again, posted again or answered again.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../src/app/scheduler.ts';
import { appMentionEvent, BOT, postSigned, slashCommandBody, startFakeSlack, type ApiCall, type ApiHandler, type FakeSlack } from './fakes/slack.ts';
import { spawnReplica, startSlackRelay, type Replica, type SlackRelay } from './fakes/replica.ts';
import { SEEDS } from './helpers.ts';
import { serverReachable, testDatabase, type TestDatabase } from './pg.ts';

const WHY = 'needs the PostgreSQL server at 127.0.0.1:5432: several processes cannot share PGlite';
const onServer = await serverReachable();
if (!onServer) console.log(`test/replicas.test.ts skipped: ${WHY}`);

const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const SEED_COUNT = readdirSync(SEEDS).length;
const CHANNELS = Array.from({ length: 10 }, (_, i) => `C0${i}`);
/** Three consecutive hourly slots (the subscriptions say "0 * * * *" in UTC). */
const SLOTS = ['2026-01-13T08:00:00.000Z', '2026-01-13T09:00:00.000Z', '2026-01-13T10:00:00.000Z'] as const;
const at = (slot: string, plusSeconds: number) => new Date(Date.parse(slot) + plusSeconds * 1000).toISOString();
/** The scheduler's key for a briefing, which the Slack adapter posts as message metadata. */
const key = (channel: string, slot: string) => `slack:${channel}:${slot}`;
/** Slack answers within three seconds or redelivers. */
const SLACK_ACK_MS = 3000;

/** conversations.history as Slack answers it: a channel's messages newest first, thread replies left out, metadata only when asked for. */
function history(fake: () => FakeSlack): ApiHandler {
  return (a) => {
    const withMetadata = a.include_all_metadata === true || a.include_all_metadata === 'true';
    const messages = fake().calls
      .filter((c) => c.method === 'chat.postMessage' && c.result?.ok && c.args.channel === a.channel && !c.args.thread_ts)
      .reverse()
      .slice(0, Number(a.limit ?? 100))
      .map((c) => ({
        type: 'message', user: BOT.user_id, bot_id: BOT.bot_id, ts: c.result!.ts, text: c.args.text,
        ...(withMetadata && c.args.metadata ? { metadata: c.args.metadata } : {}),
      }));
    return { messages, has_more: false };
  };
}

describe.skipIf(!onServer)(`three replicas on one database (${WHY})`, () => {
  let db: TestDatabase;
  let fake: FakeSlack;
  let relay: SlackRelay;
  /** Every replica ever started, so that afterAll kills whatever still runs, however the test ended. */
  const started: Replica[] = [];
  let live: Replica[] = [];
  let firstIndex: { latestArticleId: number };

  const start = (count: number): Replica[] =>
    Array.from({ length: count }, () => {
      const r = spawnReplica({ name: `replica-${started.length + 1}`, databaseUrl: db.url, seedsDir: SEEDS, apiUrl: relay.apiUrl, signingSecret: SECRET });
      started.push(r);
      return r;
    });
  const byToken = (token: string) => started.find((r) => `xoxb-${r.name}` === token)!;

  /** The briefing posts Slack received, by metadata key. */
  const briefingPosts = (k?: string): ApiCall[] =>
    fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.metadata !== undefined && (k === undefined || (c.args.metadata as { event_payload: { key: string } }).event_payload.key === k));
  const historyCalls = (channel: string, token: string) => fake.calls.filter((c) => c.method === 'conversations.history' && c.args.channel === channel && c.token === token);

  beforeAll(async () => {
    db = await testDatabase();
    fake = await startFakeSlack();
    fake.handle('conversations.history', history(() => fake));
    // Every replica calls the fake through the relay, which can hold one briefing's post in flight.
    relay = await startSlackRelay(fake.url);
  });
  afterAll(async () => {
    await Promise.all(started.map((r) => r.kill()));
    await relay?.close();
    await fake?.close();
    await db?.drop();
  });

  it('start together on a fresh schema: one of them indexes the seeds, and all three answer from that one index', async () => {
    live = start(3);
    const ready = await Promise.all(live.map((r) => r.ready));
    // The first replica's open returns once its index is built; by the time all three listen, it is whole.
    const stats = await Promise.all(live.map((r) => r.stats()));
    expect(stats.map((s) => s.articles)).toEqual([SEED_COUNT, SEED_COUNT, SEED_COUNT]);
    expect(new Set(stats.map((s) => s.latestArticleId)).size).toBe(1);
    expect(ready.map((r) => r.sync?.added.length ?? 0).sort()).toEqual([0, 0, SEED_COUNT]);
    firstIndex = stats[0]!;
  }, 45_000);

  it('take the subscriptions of ten channels from /brief subscribe, whichever replica each reaches', async () => {
    const acks = await Promise.all(CHANNELS.map((channel, i) =>
      postSigned(live[i % 3]!.eventsUrl, slashCommandBody({ channel_id: channel, text: 'subscribe "0 * * * *" UTC', response_url: fake.responseUrl(`subscribe-${channel}`) }), { secret: SECRET })));
    expect(acks.map((a) => a.status)).toEqual(CHANNELS.map(() => 200));
    await fake.waitFor(() => CHANNELS.every((c) => fake.responses.some((r) => r.id === `subscribe-${c}`)), 15_000, 'ten subscribe replies');
    for (const r of fake.responses.filter((x) => x.id.startsWith('subscribe-'))) expect(r.body.text).toMatch(/^Subscribed: this channel gets the briefing /);
    const { subscriptions } = await live[2]!.state();
    expect(subscriptions.map((s) => [s.channel, s.cron, s.timezone, s.postWhenEmpty])).toEqual(CHANNELS.map((c) => [c, '0 * * * *', 'UTC', true]));
  });

  /** Sends the same tick to each replica at once; each one's outcomes, or null for a replica killed meanwhile. */
  const tickAll = (replicas: Replica[], time: string): Promise<(Outcome[] | null)[]> =>
    Promise.all(replicas.map((r) => r.tick(time).catch((err: Error) => (r.alive ? Promise.reject(err) : null))));
  const posted = (outcomes: (Outcome[] | null)[]) => outcomes.flatMap((o) => o ?? []).filter((o) => o.result === 'posted').map((o) => o.channel).sort();

  /**
   * A slot passes while the replica posting `channel` is killed mid-post: Slack holds its chat.postMessage (after
   * posting it when `delivered`) and the test kills the replica that sent it. The survivors carry on as `live`; an
   * orchestrator starts a replacement at once, which joins them when `joined` resolves. Returns the victim.
   */
  async function slotWithKill(slot: string, channel: string, delivered: boolean): Promise<{ victim: Replica; joined: Promise<void> }> {
    const held = relay.holdBriefing(key(channel, slot), { delivered });
    const ticking = tickAll(live, slot);
    const victim = byToken((await held).token);
    await victim.kill();
    const [replacement] = start(1);
    const outcomes = await ticking;
    live = live.filter((r) => r !== victim);
    expect(outcomes.filter((o) => o === null)).toHaveLength(1); // the victim's tick never finished
    // Every other channel's briefing went out once, some of them by the victim before it came to `channel`; the
    // survivors left its claim alone, as it is fresh.
    for (const c of CHANNELS.filter((x) => x !== channel)) expect(briefingPosts(key(c, slot)), key(c, slot)).toHaveLength(1);
    for (const o of outcomes.flatMap((x) => x ?? []).filter((x) => x.channel === channel)) expect(o.result).toBe('not-mine');
    return { victim, joined: replacement!.ready.then(() => void live.push(replacement!)) };
  }

  /** Half a minute later the dead replica's claim is still fresh; two minutes after the slot it is stale, and one replica finishes it. */
  async function finishAfterStale(slot: string, channel: string): Promise<Replica> {
    const before = fake.calls.length;
    const early = await tickAll(live, at(slot, 30));
    expect(early.flatMap((o) => o!).every((o) => o.result === 'not-mine')).toBe(true);
    expect(fake.calls.slice(before).filter((c) => c.method === 'chat.postMessage')).toEqual([]);
    const late = await tickAll(live, at(slot, 120));
    expect(posted(late)).toEqual([channel]);
    return live[late.findIndex((o) => o!.some((x) => x.result === 'posted'))]!;
  }

  it('post every briefing once per slot, including the one whose replica was killed after Slack had posted it, or before', async () => {
    // 08:00: the post of C03's briefing reaches Slack, and its sender is killed before hearing back.
    const { victim: first, joined: replaced } = await slotWithKill(SLOTS[0], 'C03', true);
    expect(briefingPosts(key('C03', SLOTS[0]))).toHaveLength(1); // in the channel, though the database says claimed
    expect((await live[0]!.state()).briefings.find((b) => b.channel === 'C03' && b.slot === SLOTS[0])).toMatchObject({ status: 'claimed', claimedBy: first.name });
    const finisher = await finishAfterStale(SLOTS[0], 'C03');
    await replaced;
    // It found the post in the channel's history by its key, and recorded it instead of posting again.
    expect(historyCalls('C03', `xoxb-${finisher.name}`).length).toBeGreaterThan(0);
    const [c03] = briefingPosts(key('C03', SLOTS[0]));
    expect(briefingPosts(key('C03', SLOTS[0]))).toEqual([expect.objectContaining({ token: `xoxb-${first.name}` })]);
    expect((await finisher.state()).briefings.find((b) => b.channel === 'C03' && b.slot === SLOTS[0])).toMatchObject({ status: 'posted', attempts: 2, claimedBy: finisher.name, messageId: c03!.result!.ts });

    // 09:00: the post of C07's briefing never reaches Slack; another replica posts it, once.
    const { victim: second, joined: replacedAgain } = await slotWithKill(SLOTS[1], 'C07', false);
    expect(briefingPosts(key('C07', SLOTS[1]))).toHaveLength(0);
    const poster = await finishAfterStale(SLOTS[1], 'C07');
    await replacedAgain;
    expect(briefingPosts(key('C07', SLOTS[1]))).toEqual([expect.objectContaining({ token: `xoxb-${poster.name}` })]);

    // 10:00: nobody is killed; the three (two replacements among them) share the ten briefings.
    expect(live).toHaveLength(3);
    expect(posted(await tickAll(live, SLOTS[2]))).toEqual(CHANNELS);

    for (const slot of SLOTS) for (const channel of CHANNELS) expect(briefingPosts(key(channel, slot)), key(channel, slot)).toHaveLength(1);
    expect(briefingPosts()).toHaveLength(CHANNELS.length * SLOTS.length);
    // The first briefing of each channel has the news; the later ones say there is none since.
    for (const channel of CHANNELS) {
      expect(String(briefingPosts(key(channel, SLOTS[0]))[0]!.args.text)).not.toMatch(/Nothing new since/);
      expect(String(briefingPosts(key(channel, SLOTS[2]))[0]!.args.text)).toMatch(/Nothing new since/);
    }
    const by = new Map<string, number>();
    for (const c of briefingPosts()) by.set(c.token!.slice(5), (by.get(c.token!.slice(5)) ?? 0) + 1);
    console.log(`replicas: ${briefingPosts().length} briefings (${CHANNELS.length} channels × ${SLOTS.length} slots), each posted once, by ${[...by].map(([r, n]) => `${r} ${n}`).join(', ')}; `
      + `${first.name} killed after Slack had posted C03 at 08:00 (found in the history by ${finisher.name}), ${second.name} killed before C07's post at 09:00 reached Slack (posted by ${poster.name})`);
  }, 60_000);

  const QUESTIONS = [
    ['what did Gor say?', 'Sergio Gor'],
    ['what did Bessent say?', 'Scott Bessent'],
    ['what did Vaishnaw say?', 'Vaishnaw'],
  ] as const;
  const COMMANDS = [
    ['what did Bessent say?', 'Scott Bessent'],
    ['sources', `${SEED_COUNT} indexed articles`],
    ['speakers', 'Sergio Gor'],
    ['help', 'briefbot commands'],
    ['what did Gor say?', 'Sergio Gor'],
  ] as const;
  const EVENTS = 70; // each delivered twice, one in seven three times: 150 requests; with 50 slash commands, 200
  const mention = (i: number) => appMentionEvent({
    event_id: `EvREPLICA${String(i).padStart(3, '0')}`, channel: CHANNELS[i % CHANNELS.length], user: `U${i}`,
    ts: `1768300000.${String(100 + i).padStart(6, '0')}`, text: `<@${BOT.user_id}> ${QUESTIONS[i % QUESTIONS.length]![0]}`,
  });
  const thread = (i: number) => (mention(i).event as { ts: string }).ts;
  const repliesIn = (channel: string, ts: string) => fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === channel && c.args.thread_ts === ts);
  const retried = (n: number) => ({ 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' });

  it('answer 200 Slack requests across the three, each event once though redelivered to another replica, every request acknowledged within 3 s', async () => {
    const requests: (() => ReturnType<typeof postSigned>)[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const deliveries = i % 7 === 0 ? 3 : 2;
      // Slack's redelivery of an event it thinks was missed goes to whichever replica the load balancer picks.
      for (let n = 0; n < deliveries; n++) {
        requests.push(() => postSigned(live[(i + n) % 3]!.eventsUrl, mention(i), { secret: SECRET, headers: n ? retried(n) : {} }));
      }
      if (i < 50) {
        const [text] = COMMANDS[i % COMMANDS.length]!;
        requests.push(() => postSigned(live[(i + 2) % 3]!.eventsUrl, slashCommandBody({ text, channel_id: CHANNELS[i % 10], user_id: `U${i}`, response_url: fake.responseUrl(`command-${i}`) }), { secret: SECRET }));
      }
    }
    expect(requests).toHaveLength(200);
    const started = performance.now();
    const acks = await inParallel(requests, 12); // the original and its redelivery are often in flight together
    const ackMs = acks.map((a) => a.ms);
    expect(acks.filter((a) => a.status !== 200)).toEqual([]);
    expect(Math.max(...ackMs)).toBeLessThan(SLACK_ACK_MS);

    await fake.waitFor(() => Array.from({ length: EVENTS }, (_, i) => i).every((i) => repliesIn(CHANNELS[i % 10]!, thread(i)).length > 0)
      && Array.from({ length: 50 }, (_, i) => i).every((i) => fake.responses.some((r) => r.id === `command-${i}`)), 30_000, 'a reply to every event and command');
    // Each delivery of an event is either answered or dropped as a duplicate; once all 150 are one or the other,
    // nothing more can come.
    const redeliveries = requests.length - 50 - EVENTS;
    const threadReplies = () => fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts).length;
    const seen = await until(
      async () => ({ dropped: sum(await Promise.all(live.map(async (r) => (await r.stats()).duplicates))), answered: threadReplies() }),
      (n) => n.dropped + n.answered >= EVENTS + redeliveries,
      15_000,
    );
    expect(seen).toEqual({ dropped: redeliveries, answered: EVENTS });
    for (let i = 0; i < EVENTS; i++) {
      const replies = repliesIn(CHANNELS[i % 10]!, thread(i));
      expect(replies, `replies to event ${i}`).toHaveLength(1);
      expect(String(replies[0]!.args.text)).toContain(QUESTIONS[i % QUESTIONS.length]![1]);
    }
    for (let i = 0; i < 50; i++) {
      const answers = fake.responses.filter((r) => r.id === `command-${i}`);
      expect(answers, `answers to command ${i}`).toHaveLength(1);
      expect(JSON.stringify(answers[0]!.body)).toContain(COMMANDS[i % COMMANDS.length]![1]);
    }
    expect(fake.calls.filter((c) => c.method === 'chat.postEphemeral')).toEqual([]); // no apologies
    const answeredBy = new Set(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts).map((c) => c.token));
    expect(answeredBy.size).toBe(3);
    console.log(`replicas: ${requests.length} requests (${EVENTS} events, ${redeliveries} redeliveries, 50 commands) acknowledged in at most ${Math.round(Math.max(...ackMs))} ms (median ${Math.round(median(ackMs))} ms); all answered ${Math.round(performance.now() - started)} ms after the first`);
  }, 50_000);

  it('restart, all three: nothing indexed again, lost, posted again or answered again', async () => {
    const posts = briefingPosts().length;
    const replies = fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts).length;
    await Promise.all(live.map((r) => r.stop()));
    live = start(3);
    const ready = await Promise.all(live.map((r) => r.ready));
    for (const r of ready) {
      expect(r.sync).toMatchObject({ added: [], updated: [], removed: [] });
      // One checks the folder against the index and finds every article there; the others leave it to that one.
      expect(r.sync!.unchanged === SEED_COUNT || r.sync!.indexedBy !== undefined).toBe(true);
      expect([r.articles, r.latestArticleId]).toEqual([SEED_COUNT, firstIndex.latestArticleId]);
    }
    expect(ready.some((r) => r.sync!.unchanged === SEED_COUNT)).toBe(true);

    const { subscriptions, briefings } = await live[0]!.state();
    expect(subscriptions.map((s) => [s.channel, s.cron])).toEqual(CHANNELS.map((c) => [c, '0 * * * *']));
    expect(briefings).toHaveLength(CHANNELS.length * SLOTS.length);
    for (const b of briefings) {
      expect(b.status).toBe('posted');
      expect(b.messageId).toBe(briefingPosts(key(b.channel, b.slot))[0]!.result!.ts);
    }

    // The last slot again, from three fresh processes: every briefing is already posted.
    const outcomes = (await tickAll(live, at(SLOTS[2], 30))).flatMap((o) => o!);
    expect(outcomes.map((o) => o.result)).toEqual(Array(3 * CHANNELS.length).fill('not-mine'));
    expect(briefingPosts()).toHaveLength(posts);

    // Slack redelivers an event answered before the restart: dropped.
    const old = await postSigned(live[1]!.eventsUrl, mention(0), { secret: SECRET, headers: retried(3) });
    expect(old.status).toBe(200);
    const seen = await until(async () => ({ dropped: (await live[1]!.stats()).duplicates, answered: repliesIn(CHANNELS[0]!, thread(0)).length }), (n) => n.dropped + n.answered > 1, 10_000);
    expect(seen).toEqual({ dropped: 1, answered: 1 });
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts)).toHaveLength(replies);
  }, 45_000);
});

/** Runs `tasks`, at most `limit` at once, and gives their results in order. */
async function inParallel<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  }));
  return results;
}

/** Reads `read()` until `done` holds of it (a replica's counters move after its acknowledgement), within `timeoutMs`. */
async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(v)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
