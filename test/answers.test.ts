// What an analyst gets back: a speaker's own words, verbatim, with where they were reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Briefbot } from '../src/bot.ts';
import { allFiles, allQuotes, files, FILES, openSeeds } from './helpers.ts';

let bot: Briefbot;
beforeAll(async () => { bot = await openSeeds(); });
afterAll(() => bot.close());

const CitationShape = z.object({ file: z.string(), outlet: z.string().nullable(), title: z.string().nullable(), date: z.string().nullable() });
const AnswerShape = z.object({
  question: z.string(),
  speaker: z.string().nullable(),
  answer: z.string(),
  onTopic: z.number().nullable(),
  quotes: z.array(
    z.object({
      speaker: z.string().nullable(),
      role: z.string().nullable(),
      kind: z.enum(['direct', 'reported', 'statement']),
      text: z.string().min(1),
      citations: z.array(CitationShape).min(1),
    }),
  ),
});

describe('what did Bessent say?', () => {
  it('names Scott Bessent with his role and returns only his words', async () => {
    const a = await bot.ask('what did Bessent say?');
    expect(a.speaker).toBe('Scott Bessent');
    expect(a.role).toBe('US Treasury Secretary');
    expect(a.quotes.length).toBeGreaterThan(0);
    expect(new Set((await allQuotes(bot, 'what did Bessent say?')).map((q) => q.speaker))).toEqual(new Set(['Scott Bessent']));
  });

  it('puts his post on X first: direct, carried by IANS in full, by ANI in other punctuation, and by a third outlet in part', async () => {
    const [top] = (await bot.ask('what did Bessent say?')).quotes;
    expect(top!.kind).toBe('direct');
    expect(top!.via).toBe('X');
    expect(top!.text).toContain('I am optimistic that nations will pursue prudent derisking over decoupling');
    expect(top!.citations.map((c) => c.outlet)).toEqual(['IANS']);
    expect(top!.excerpts.map((e) => [e.citations[0]!.file, e.partial])).toEqual([
      [FILES.ani, false],
      [FILES.unattributed, true],
    ]);
  });

  it('lists direct quotes before reported speech', async () => {
    const kinds = (await allQuotes(bot, 'what did Bessent say?')).map((q) => q.kind);
    expect(kinds.lastIndexOf('direct')).toBeLessThan(kinds.indexOf('reported'));
  });

  it('keeps reported speech as reported, with its reporting verb', async () => {
    const quotes = await allQuotes(bot, 'what did Bessent say?');
    const urged = quotes.find((q) => q.text === 'nations to work together quickly and take decisive action');
    expect(urged).toMatchObject({ kind: 'reported', verb: 'urged', citations: [{ file: FILES.wire }] });
  });

  it('does not give him the Treasury\'s official statement about him', async () => {
    const quotes = await allQuotes(bot, 'what did Bessent say?');
    expect(quotes.some((q) => q.text.startsWith('Secretary Bessent expressed his optimism'))).toBe(false);
    const treasury = await bot.ask('what did the Treasury say?');
    expect(treasury.speaker).toBe('US Treasury');
    expect(treasury.quotes[0]).toMatchObject({ kind: 'statement', citations: [{ outlet: 'IANS' }] });
  });

  it('answers to his role and handle as well as his name', async () => {
    for (const q of ['what did the Treasury Secretary say?', 'what did Scott K H Bessent say?', 'what did @SecScottBessent say?', 'what did Secretary Bessent say?']) {
      expect((await bot.ask(q)).speaker, q).toBe('Scott Bessent');
    }
  });
});

describe('what did Vaishnaw say?', () => {
  it('returns his direct quotes with the outlets that carried them', async () => {
    const quotes = await allQuotes(bot, 'what did Vaishnaw say?');
    const direct = quotes.filter((q) => q.kind === 'direct');
    const byStart = (s: string) => direct.find((q) => q.text.startsWith(s));
    expect(byStart('Participated in the Critical Minerals Ministerial Meeting')).toMatchObject({ via: 'X', citations: [{ outlet: 'IANS' }] });
    expect(files(byStart('US Treasury Secretary Scott Bessent organised a ministerial meeting')!)).toEqual([FILES.ani]);
    expect(files(byStart('There were discussions around funding new projects. There were')!)).toEqual([FILES.ani]);
    expect(files(byStart('When the manufacturing sector is growing rapidly')!)).toEqual([FILES.unattributed]);
    expect(direct.every((q) => q.speaker === 'Ashwini Vaishnaw')).toBe(true);
  });

  it('folds the pull quote into the full post it was cut from', async () => {
    const quotes = await allQuotes(bot, 'what did Vaishnaw say?');
    const withPullQuote = quotes.filter((q) => q.text.includes('Strengthening critical mineral supply chains is vital to enhancing'));
    expect(withPullQuote).toHaveLength(1);
  });

  it('resolves "he" and "the Minister" to him', async () => {
    const quotes = await allQuotes(bot, 'what did Vaishnaw say?');
    // "…," the Minister said (ANI); He said there was strong focus… (first article)
    expect(quotes.some((q) => q.text.startsWith('there was strong focus on technology for refining'))).toBe(true);
    expect(quotes.some((q) => q.text.startsWith('strengthening critical mineral supply chains was vital'))).toBe(true);
  });

  it('puts his words on a topic first, then everything else he said', async () => {
    const a = await bot.ask('what did Vaishnaw say about recycling?', { limit: 50 });
    const all = await bot.ask('what did Vaishnaw say?');
    expect(a.onTopic).toBe(2);
    expect(a.total).toBe(all.total);
    expect(a.quotes.slice(0, 2).every((q) => /recycling/i.test(q.text))).toBe(true);
    expect(a.quotes.slice(2).some((q) => /recycling/i.test(q.text))).toBe(false);
    expect(a.answer).toMatch(/^Ashwini Vaishnaw .*about "recycling": 2 statements, then \d+ on other subjects\.$/);
  });
});

describe('the cross-outlet quote', () => {
  it('is one entry for Gor, with both outlets that printed it', async () => {
    const quotes = await allQuotes(bot, 'what did Gor say?');
    const announce = quotes.filter((q) => q.text.includes('I am pleased to announce that India will be invited to join PaxSilica'));
    expect(announce).toHaveLength(1);
    expect(announce[0]!.text).toBe('I am pleased to announce that India will be invited to join PaxSilica as a full member next month');
    expect(files(announce[0]!).sort()).toEqual([FILES.ani, FILES.unattributed]);
    expect(quotes[0]).toBe(announce[0]); // most reported first
  });

  it('gathers all three outlets for Bessent\'s post, full and partial', async () => {
    const [top] = (await bot.ask('what did Bessent say?')).quotes;
    expect(allFiles(top!).sort()).toEqual([FILES.ians, FILES.ani, FILES.unattributed].sort());
  });
});

describe('who said a phrase', () => {
  it('finds Bessent for "prudent derisking over decoupling", not the reader who repeated it', async () => {
    const a = await bot.ask("who said 'prudent derisking over decoupling'?");
    expect(a.kind).toBe('who-said');
    expect(a.speaker).toBe('Scott Bessent');
    expect(a.quotes.map((q) => q.speaker)).not.toContain('Rohit P');
  });

  it('says plainly when nobody is quoted saying it', async () => {
    const a = await bot.ask('who said "we shall fight on the beaches"?');
    expect(a.quotes).toEqual([]);
    expect(a.answer).toMatch(/^I found nobody quoted saying "we shall fight on the beaches"/);
  });
});

describe('open questions', () => {
  it('answers "when will India join Pax Silica?" with Gor\'s statements and reporting', async () => {
    const a = await bot.ask('when will India join Pax Silica?');
    expect(a.kind).toBe('open');
    expect(a.quotes[0]!.speaker).toBe('Sergio Gor');
    expect(a.quotes.map((q) => q.text).join(' ')).toMatch(/next month|February/);
    expect(a.passages.length).toBeGreaterThan(0);
  });
});

describe('a speaker who is not in the corpus', () => {
  it('gets a plain "no statements" and no quotes, never someone else\'s words', async () => {
    const a = await bot.ask('what did Narendra Modi say?');
    expect(a).toMatchObject({ kind: 'unknown-speaker', speaker: null, quotes: [], total: 0 });
    expect(a.answer).toBe('I found no statements by Narendra Modi in the 5 indexed articles.');
    expect((await bot.ask('what did narendra modi say about critical minerals?')).quotes).toEqual([]);
  });

  it('says when someone is mentioned but never quoted', async () => {
    const a = await bot.ask('what did Jamieson Greer say?');
    expect(a.quotes).toEqual([]);
    expect(a.answer).toMatch(/^I found no statements by Jamieson Greer \(US Trade Representative\).*never quoted/);
  });
});

describe('reader comments', () => {
  it('are never attributed to anyone', async () => {
    const comments = ['translates into real investment', "that's the key phrase", 'spread him too thin', 'domestic capability first'];
    for (const s of await bot.speakers()) {
      expect(['Priya S', 'Rohit P', 'Sarah B', 'Vikram M', 'Karthik V', 'Nisha Z']).not.toContain(s.name);
      for (const q of await allQuotes(bot, `what did ${s.name} say?`)) {
        for (const c of comments) expect(q.text).not.toContain(c);
      }
    }
  });
});

describe('the answer', () => {
  it('has the documented JSON shape', async () => {
    for (const q of ['what did Bessent say?', 'what did Narendra Modi say?', 'who said "decisive action"?', 'when will India join Pax Silica?']) {
      const parsed = AnswerShape.safeParse(JSON.parse(JSON.stringify(await bot.ask(q))));
      expect(parsed.success, `${q}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('pages through quotes without repeating one', async () => {
    const first = await bot.ask('what did Vaishnaw say?', { limit: 5 });
    const second = await bot.ask('what did Vaishnaw say?', { limit: 5, offset: 5 });
    expect(first.total).toBe(second.total);
    expect(second.quotes.length).toBe(5);
    expect(second.quotes.map((q) => q.id).filter((id) => first.quotes.some((f) => f.id === id))).toEqual([]);
  });

  it('pages past the last quote of any kind of question without failing', async () => {
    for (const q of ['what did Bessent say?', 'who said "decisive action"?', 'when will India join Pax Silica?']) {
      const past = await bot.ask(q, { offset: 500 });
      expect(past.quotes, q).toEqual([]);
      expect(past.answer, q).not.toBe('');
    }
  });
});
