// The adapter contract: what every chat platform must do with the same words, run the same way for Slack, Discord,
// the console and the in-memory platform (test/adapter-contract.test.ts). Adding a platform means writing a driver
// for it (an AdapterDriver over the real adapter) and calling describeAdapterContract with it.
//
// Expectations come from the bot itself (its answers, sources, speakers and digest over the bundled seeds), not from
// one renderer's wording, so a platform is held to showing the same facts however it formats them. What a platform
// cannot do (no share button, no event ids, no message limits) is declared by its driver in `cannot`, with the
// reason; the test of it is then skipped with that reason, never weakened.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { Briefbot } from '../../src/bot.ts';
import { PAGE_SIZE } from '../../src/app/conversation.ts';
import type { ChatAdapter } from '../../src/app/ports.ts';
import { Scheduler } from '../../src/app/scheduler.ts';
import { helpEntries } from '../../src/commands.ts';
import { silentLogger } from '../../src/log.ts';
import { alertTitle, citationLabel, formatDate } from '../../src/present.ts';
import { DEFAULT_SCHEDULE, describeSchedule, parseSchedule } from '../../src/schedule/subscription.ts';
import { SEEDS, allQuotes, seedsWithHostileArticle, tempDir } from '../helpers.ts';

/** What a driver may declare its platform cannot do. */
export type Capability =
  /** A button that shares an answer into the channel, saying who shared it. */
  | 'share'
  /** Delivery ids, so an event the platform delivers twice is answered once. */
  | 'eventIds'
  /** Message size limits (adapters/limits.ts) that every reply must keep. */
  | 'limits'
  /** Markup that article text could use to ping, link or drive a terminal (and so must be escaped). */
  | 'markup'
  /** Scheduled briefings, and alerts for watches, posted by the scheduler through the adapter. */
  | 'briefings';

/** A button on a received message ("More quotes", "Share"), or the typed word that stands in for one. */
export interface Button {
  kind: 'more' | 'share';
  label: string;
  /** What the driver needs to press it (an action value, a custom_id, a typed word…). */
  press: unknown;
}

/** One message the platform received from the bot. */
export interface Received {
  /** What people are shown, as plain text: escapes undone, mentions and links shown as their labels. */
  text: string;
  /** The payload as the platform received it. */
  raw: unknown;
  /** The channel it went to, where the platform says. */
  channel: string | null;
  buttons: Button[];
  /** What breaks the platform's limits, by its checker (adapters/limits.ts); empty when the message fits. */
  problems: string[];
  /** What in it the platform would act on rather than show: a ping, a link, a terminal control sequence. */
  hazards: string[];
}

export interface SayOptions {
  user?: string;
  channel?: string;
  /** The platform's delivery id: with one, the words arrive as an event that can be redelivered (a mention). */
  eventId?: string;
}

/** A platform running the real adapter over a bot, driven the way people use it. */
export interface AdapterDriver {
  /** The adapter's platform name: pages, events and subscriptions are kept under it. */
  readonly platform: string;
  /** The channel messages go to unless said otherwise (one the platform can post briefings in). */
  readonly channel: string;
  /** Two people, as the platform spells their ids: the first asks, the second shares. */
  readonly users: readonly [string, string];
  /** What the platform cannot do, each with the reason; the contract's test of it is skipped with that reason. */
  readonly cannot: Partial<Record<Capability, string>>;
  /** The adapter as the scheduler sees it, for briefings and alerts (unless `cannot.briefings`). */
  readonly briefings: ChatAdapter | null;
  /** Types words as a person would (a slash command, a mention, a console line); resolves with the replies to them. */
  say(text: string, options?: SayOptions): Promise<Received[]>;
  /** Presses a button of a received message; resolves with the replies to it. */
  press(button: Button, options?: { user?: string }): Promise<Received[]>;
  /** Everything the platform has received from the bot so far, in order (briefings included). */
  replies(): Received[];
  stop(): Promise<void>;
}

/** Starts the real adapter over `bot`; the suite opens and closes the bot. */
export type MakeDriver = (bot: Briefbot) => Promise<AdapterDriver>;

/**
 * Words in the hostile article that would ping everyone or someone, forge a link or drive a terminal if anything
 * acted on them, then the control sequences themselves (a screen clear, a bell, an OSC 8 terminal hyperlink).
 */
export const HOSTILE_WORDS = 'Look @everyone @here <!channel> <!here> <@U123> <@123456789012345678> **now** [click](https://evil.example) <https://evil.example|click>';
export const HOSTILE = `${HOSTILE_WORDS} \u001b[2J\u0007 \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007`;

export function describeAdapterContract(name: string, makeDriver: MakeDriver): void {
  cleanUpFixturesAfterTheFile();
  describe(`the adapter contract: ${name}`, () => {
    let bot: Briefbot;
    let d: AdapterDriver;
    beforeAll(async () => {
      bot = await openBot('seeds');
      d = await makeDriver(bot);
    });
    afterAll(async () => {
      await d?.stop();
      await bot?.close();
    });

    /** The one reply to an input (a platform that says more than once to one question breaks the contract). */
    const only = (replies: Received[]): Received => {
      expect(replies.map((r) => r.text)).toHaveLength(1);
      return replies[0]!;
    };
    const unless = (ctx: TestContext, c: Capability) => {
      const why = d.cannot[c];
      if (why) ctx.skip(`${name} cannot: ${why}`);
    };

    it('answers a question: the speaker named, a quote shown verbatim as the seeds have it, with its source', async () => {
      const question = 'what did Gor say?';
      const expected = await bot.ask(question, { limit: PAGE_SIZE });
      const first = expected.quotes[0]!;
      expect(expected.speaker).toBe('Sergio Gor');
      // The quote is the article's own words: the seed it cites has them verbatim.
      expect(squash(readFileSync(join(SEEDS, first.citations[0]!.file), 'utf8'))).toContain(squash(first.text));
      const reply = only(await d.say(question));
      expect(reply.text).toContain('Sergio Gor');
      expect(reply.text).toContain(first.text);
      expect(reply.text).toContain(citationLabel(first.citations[0]!));
      expect(reply.text).toContain(expected.answer.split(':')[0]!); // "Sergio Gor (US Ambassador-designate to India)"
    });

    it('pages: the second page starts where the first ended, and no quote is shown twice', async () => {
      const question = 'what did Vaishnaw say?';
      const all = await allQuotes(bot, question);
      expect(all.length).toBeGreaterThan(PAGE_SIZE);
      // Which quotes a page shows is read from its text; no quote's words may hide inside another's.
      for (const q of all) expect(all.filter((o) => o.text.includes(q.text)), q.text).toHaveLength(1);
      const shown = (r: Received) => all.flatMap((q, i) => (r.text.includes(q.text) ? [i] : []));

      const page1 = only(await d.say(question));
      const first = shown(page1);
      expect(first.length).toBeGreaterThan(0);
      expect(first).toEqual(first.map((_, i) => i)); // quotes 1…k, in order
      const more = page1.buttons.find((b) => b.kind === 'more');
      expect(more, 'the first page offers the rest').toBeDefined();

      const page2 = only(await d.press(more!));
      const second = shown(page2);
      expect(second.length).toBeGreaterThan(0);
      expect(second).toEqual(second.map((_, i) => first.length + i)); // quotes k+1…, in order
      expect(second.filter((i) => first.includes(i))).toEqual([]);
    });

    it('shares an answer into the channel, saying who shared it', async (ctx) => {
      unless(ctx, 'share');
      const [asker, sharer] = d.users;
      const answer = only(await d.say('what did Gor say?', { user: asker }));
      const share = answer.buttons.find((b) => b.kind === 'share');
      expect(share, 'an answer offers sharing').toBeDefined();
      const replies = await d.press(share!, { user: sharer });
      const shared = replies.filter((r) => r.text.includes('Sergio Gor'));
      expect(shared).toHaveLength(1);
      expect(shared[0]!.channel).toBe(d.channel);
      expect(shared[0]!.text).toMatch(new RegExp(`${sharer}[^\\n]*\\bshared\\b|\\bshared by ${sharer}\\b`, 'i'));
      expect(shared[0]!.text).not.toContain(asker);
    });

    it('lists its commands on "help"', async () => {
      const help = only(await d.say('help'));
      for (const e of helpEntries('')) {
        expect(help.text).toContain(e.usage);
        expect(help.text).toContain(e.what);
      }
    });

    it('lists the indexed articles on "sources"', async () => {
      const { sources, total } = await bot.sources(20);
      expect(total).toBe(5);
      const reply = only(await d.say('sources'));
      for (const s of sources) expect(reply.text).toContain(s.title ?? s.file);
    });

    it('lists the quoted speakers on "speakers"', async () => {
      const speakers = await bot.speakers(50);
      expect(speakers.length).toBeGreaterThan(1);
      const reply = only(await d.say('speakers'));
      for (const s of speakers) expect(reply.text).toContain(s.name);
    });

    it('previews the briefing on "digest"', async () => {
      const digest = await bot.digest();
      expect(digest.stories.length).toBeGreaterThan(0);
      const reply = only(await d.say('digest'));
      expect(reply.text).toContain(digest.stories[0]!.headline);
      expect(reply.text).toContain(formatDate(digest.date!));
    });

    it('subscribes and unsubscribes the channel, saying so', async () => {
      const subscribed = only(await d.say('subscribe 08:00 America/New_York weekdays'));
      const sub = await bot.state.subscription(d.platform, d.channel);
      expect(sub).toMatchObject({ cron: '0 8 * * 1-5', timezone: 'America/New_York' });
      expect(subscribed.text).toMatch(/^Subscribed\b/m);
      expect(subscribed.text).toContain(describeSchedule(sub!));
      const unsubscribed = only(await d.say('unsubscribe'));
      expect(await bot.state.subscription(d.platform, d.channel)).toBeNull();
      expect(unsubscribed.text).toMatch(/^Unsubscribed\b/m);
      const again = only(await d.say('unsubscribe'));
      expect(again.text).toMatch(/\bnot subscribed\b/);
    });

    it('refuses "sources add" in a chat from someone who is not a source admin, naming the setting (the console is the operator\'s own)', async () => {
      const reply = only(await d.say('sources add https://wire.example/feed.xml', { user: 'U_NOT_ADMIN' }));
      if (d.platform === 'console') {
        expect(reply.text).toMatch(/^Added https:\/\/wire\.example\/feed\.xml/m);
        expect((await bot.state.sources()).map((x) => x.url)).toEqual(['https://wire.example/feed.xml']);
        return;
      }
      expect(reply.text).toMatch(/Only source admins can add or remove sources/);
      expect(reply.text).toContain('BRIEFBOT_SOURCE_ADMINS');
      expect(await bot.state.sources()).toEqual([]);
    });

    it('watches a speaker for the channel, lists the watch and stops it', async () => {
      expect(only(await d.say('watch Bessent')).text).toMatch(/^Watching Bessent \(Scott Bessent\)/m);
      expect(only(await d.say('watches')).text).toMatch(/This channel watches one thing:[\s\S]*Bessent/);
      expect(only(await d.say('unwatch Bessent')).text).toMatch(/^Stopped watching Bessent in this channel\./m);
      expect(await bot.state.watches(d.platform, d.channel)).toEqual([]);
    });

    it('says plainly when a speaker is unknown or a command is wrong, and saves nothing', async () => {
      const unknown = await bot.ask('what did Narendra Modi say?', { limit: PAGE_SIZE });
      expect(unknown.answer).toMatch(/^I found no statements by Narendra Modi\b/);
      expect(only(await d.say('what did Narendra Modi say?')).text).toContain(unknown.answer);
      const bad = parseSchedule('08:00 Mars/Base', DEFAULT_SCHEDULE);
      if (bad.ok) throw new Error('"Mars/Base" was taken for a time zone');
      expect(bad.error).toMatch(/"Mars\/Base" is not a time zone/);
      const reply = only(await d.say('subscribe 08:00 Mars/Base'));
      expect(reply.text).toContain(bad.error);
      expect(await bot.state.subscription(d.platform, d.channel)).toBeNull();
    });

    it('apologises plainly when answering fails', async () => {
      const ask = bot.ask;
      bot.ask = async () => { throw new Error('the index is unreadable'); };
      try {
        const reply = only(await d.say('what did Gor say?'));
        expect(reply.text).toMatch(/^Sorry, something went wrong while answering\b/m);
        expect(reply.text).not.toContain('unreadable');
      } finally {
        bot.ask = ask;
      }
    });

    it('answers an event the platform delivers twice once', async (ctx) => {
      unless(ctx, 'eventIds');
      const eventId = `redelivered-${name}`;
      const first = only(await d.say('what did Gor say?', { eventId }));
      expect(first.text).toContain('Sergio Gor');
      expect(await d.say('what did Gor say?', { eventId })).toEqual([]);
      // A new delivery of the same words is a new question.
      expect(only(await d.say('what did Gor say?', { eventId: `${eventId}-2` })).text).toContain('Sergio Gor');
    });

    it('posts a briefing once per channel and slot, however many scheduler ticks', async (ctx) => {
      unless(ctx, 'briefings');
      only(await d.say('subscribe 08:00 UTC daily'));
      expect(await bot.state.subscription(d.platform, d.channel)).toMatchObject({ cron: '0 8 * * *', timezone: 'UTC' });
      const scheduler = new Scheduler(bot, [d.briefings!], { logger: silentLogger, now: () => new Date('2026-01-13T08:00:00Z') });
      try {
        const before = d.replies().length;
        const ticks = [await scheduler.tick(), await scheduler.tick()];
        expect(ticks.map((t) => t.map((o) => o.result))).toEqual([['posted'], ['not-mine']]);
        const posted = d.replies().slice(before);
        const digest = await bot.digest();
        expect(posted.map((p) => p.channel)).toEqual([d.channel]);
        expect(posted[0]!.text).toContain(digest.stories[0]!.headline);
        expect(posted[0]!.problems).toEqual([]);
        expect((await bot.state.briefings(d.platform, d.channel)).map((b) => b.status)).toEqual(['posted']);
      } finally {
        await scheduler.stop();
        await d.say('unsubscribe');
      }
    });

    it('posts an alert for a watched speaker once, naming the watch, however many checks', async (ctx) => {
      unless(ctx, 'briefings');
      // A watch made before the seeds were indexed: every article quoting Gor is new to it.
      await bot.state.addWatch({ platform: d.platform, channel: d.channel, kind: 'speaker', term: 'Gor', createdBy: null, sinceArticle: 0 });
      const scheduler = new Scheduler(bot, [d.briefings!], { logger: silentLogger, now: () => new Date('2026-01-13T08:00:00Z') });
      try {
        const before = d.replies().length;
        const first = await scheduler.alerts();
        const second = await scheduler.alerts();
        expect(first.length).toBeGreaterThan(0);
        expect(first.map((o) => o.result)).toEqual(first.map(() => 'posted'));
        expect(second).toEqual([]);
        // Each quote alerted is headed by the watch it matched (a terminal shows what was printed as one message).
        const posted = d.replies().slice(before);
        const quoted = alertTitle([{ kind: 'speaker', term: 'Gor' }]);
        expect(posted.map((p) => p.text).join('\n').split(quoted).length - 1).toBe(first.reduce((n, o) => n + o.quotes, 0));
        const quotes = await allQuotes(bot, 'what did Gor say?');
        for (const p of posted) {
          expect(p.channel).toBe(d.channel);
          expect(p.problems).toEqual([]);
        }
        // Every quote of his is in the posts, in the words the seeds have.
        const text = posted.map((p) => p.text).join('\n');
        for (const q of quotes.slice(0, 3)) expect(squash(text)).toContain(squash(q.text).slice(0, 60));
      } finally {
        await scheduler.stop();
        await bot.state.removeWatch(d.platform, d.channel, 'speaker', 'Gor');
      }
    });

    it('keeps every reply inside the platform\'s limits', async (ctx) => {
      unless(ctx, 'limits');
      // The longest replies there are, besides whatever the tests above received.
      for (const words of ['help', 'sources', 'speakers', 'digest', 'what did Bessent say?', 'when will India join Pax Silica?']) await d.say(words);
      const replies = d.replies();
      expect(replies.length).toBeGreaterThanOrEqual(6);
      for (const r of replies) expect(r.problems, r.text.slice(0, 200)).toEqual([]);
    });

    describe('over an article written to attack the chat', () => {
      let hostileBot: Briefbot;
      let h: AdapterDriver;
      beforeAll(async () => {
        hostileBot = await openBot('hostile');
        h = await makeDriver(hostileBot);
      });
      afterAll(async () => {
        await h?.stop();
        await hostileBot?.close();
      });

      /** The hostile answer's first page, asked once for the tests below. */
      let page: Promise<Received[]> | null = null;
      const firstPage = async () => only(await (page ??= h.say('what did Jane Doe say?')));

      it('shows its words as the article wrote them', async () => {
        const answer = await hostileBot.ask('what did Jane Doe say?', { limit: PAGE_SIZE });
        expect(answer.quotes[0]!.text).toBe(HOSTILE); // the core hands every renderer the article's words untouched
        expect((await firstPage()).text).toContain(HOSTILE_WORDS);
      });

      it('lets nothing quoted ping anyone, forge a link or drive the terminal', async (ctx) => {
        unless(ctx, 'markup');
        const reply = await firstPage();
        expect(reply.text).toContain('@everyone'); // shown, and yet…
        expect(reply.hazards).toEqual([]); // …nothing in the message acts on it
      });

      it('shows a quote too long for one field or section in order, split only between words', async () => {
        const clauses = hostileFixture().long.split(' and ').length;
        const pages = [await firstPage()];
        for (let more = pages[0]!.buttons.find((b) => b.kind === 'more'); more && pages.length < 5; more = pages.at(-1)!.buttons.find((b) => b.kind === 'more')) {
          pages.push(only(await h.press(more)));
        }
        // The clauses shown are the first ones, each whole and once: a quote is continued between words, and one too
        // long for any message is shortened between words and marked so, never cut mid-word.
        const text = pages.map((p) => p.text).join('\n');
        const numbers = [...text.matchAll(/\bclause(\d+)(\S*)/g)].map((m) => (m[2] === '' || /^\W/.test(m[2]!) ? Number(m[1]) : `cut: ${m[0]}`));
        expect(numbers).toEqual(numbers.map((_, i) => i));
        expect(numbers.length).toBeGreaterThan(clauses / 3);
        if (numbers.length < clauses) expect(text).toMatch(new RegExp(`\\bclause${numbers.length - 1}\\b[^\\n]{0,16}\u2026`));
      });

      it('alerts a channel watching its speaker with the words shown as written, pinging nobody, inside the limits', async (ctx) => {
        unless(ctx, 'briefings');
        await hostileBot.state.addWatch({ platform: h.platform, channel: h.channel, kind: 'speaker', term: 'Jane Doe', createdBy: null, sinceArticle: 0 });
        const scheduler = new Scheduler(hostileBot, [h.briefings!], { logger: silentLogger, now: () => new Date('2026-01-13T08:00:00Z') });
        try {
          const before = h.replies().length;
          const outcomes = await scheduler.alerts();
          expect(outcomes.length).toBeGreaterThan(0);
          expect(outcomes.every((o) => o.result === 'posted')).toBe(true);
          const posted = h.replies().slice(before);
          expect(posted.map((p) => p.text).join('\n').split(alertTitle([{ kind: 'speaker', term: 'Jane Doe' }])).length - 1).toBe(outcomes.length);
          expect(posted.map((p) => p.text).join('\n')).toContain(HOSTILE_WORDS);
          for (const p of posted) {
            if (!h.cannot.markup) expect(p.hazards).toEqual([]);
            if (!h.cannot.limits) expect(p.problems, p.text.slice(0, 200)).toEqual([]);
          }
        } finally {
          await scheduler.stop();
        }
      });

      it('keeps every reply about it inside the platform\'s limits', async (ctx) => {
        unless(ctx, 'limits');
        await firstPage();
        const replies = h.replies();
        expect(replies.length).toBeGreaterThan(0);
        for (const r of replies) expect(r.problems, r.text.slice(0, 200)).toEqual([]);
      });
    });
  });
}

/** Whitespace runs as one space, for comparing an extracted quote with the article around it. */
const squash = (s: string) => s.replace(/\s+/g, ' ');

// Each describe block gets its own bot, over a copy of an index built once per test file: opening the bundled seeds
// takes two seconds, a copy a few milliseconds. The copy is opened over the same folder, which it finds unchanged.
let fixtures: ReturnType<typeof makeFixtures> | null = null;
let copies = 0;
let cleanupRegistered = false;

function makeFixtures() {
  const { dir, cleanup } = tempDir('briefbot-contract-');
  const hostileSeeds = seedsWithHostileArticle(HOSTILE, 300, 'clause', 'holds');
  const build = async (seedsDir: string, file: string) => {
    const dbPath = join(dir, file);
    await (await Briefbot.open({ seedsDir, dbPath })).close();
    return dbPath;
  };
  const remove = () => {
    cleanup();
    hostileSeeds.cleanup();
  };
  return { dir, seeds: build(SEEDS, 'seeds.db'), hostile: build(hostileSeeds.dir, 'hostile.db'), hostileSeeds, remove };
}

/** Removes the fixtures once the test file is done (registered on the file, outside every platform's block). */
function cleanUpFixturesAfterTheFile(): void {
  if (cleanupRegistered) return;
  cleanupRegistered = true;
  afterAll(async () => {
    const f = fixtures;
    fixtures = null;
    if (!f) return;
    await Promise.allSettled([f.seeds, f.hostile]);
    f.remove();
  });
}

function hostileFixture() {
  return (fixtures ??= makeFixtures()).hostileSeeds;
}

async function openBot(which: 'seeds' | 'hostile'): Promise<Briefbot> {
  const f = (fixtures ??= makeFixtures());
  const dbPath = join(f.dir, `copy-${++copies}.db`);
  copyFileSync(await f[which], dbPath);
  return Briefbot.open({ seedsDir: which === 'seeds' ? SEEDS : f.hostileSeeds.dir, dbPath });
}
