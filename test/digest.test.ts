// The morning briefing over the seeds: one story for one event, verbatim and cited, no comments or chrome.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefbot } from '../src/bot.ts';
import type { Digest } from '../src/types.ts';
import { occursVerbatim } from '../src/text/normalize.ts';
import { FILES, openSeeds, SEEDS } from './helpers.ts';
import { groupStories } from '../src/digest/stories.ts';
import type { DigestArticleRow } from '../src/store/store.ts';

let bot: Briefbot;
let digest: Digest;
beforeAll(async () => {
  bot = await openSeeds();
  digest = await bot.digest();
});
afterAll(() => bot.close());

describe('the digest of the seeds', () => {
  it('covers the newest news day with undated articles, and tells the one ministerial meeting once', () => {
    expect(digest.date).toBe('2026-01-13');
    expect(digest.articleCount).toBe(5);
    expect(digest.stories).toHaveLength(1);
    expect(digest.more).toBe(0);
    const [story] = digest.stories;
    expect(story!.citations.map((c) => c.file).sort()).toEqual(Object.values(FILES).sort());
    expect(story!.outlets.sort()).toEqual(['ANI', 'IANS', 'Times of India']);
    expect(story!.date).toBe('2026-01-13');
  });

  it('gives a headline, a short summary, who spoke, the figures and what comes next', () => {
    const [s] = digest.stories;
    expect(s!.headline).toBe('India Joins US-Led Talks on Critical Minerals as Secretary Bessent Pushes Supply Chain Security');
    const sentences = s!.summary.split(/(?<=\.) (?=[A-Z])/);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(3);
    expect(s!.speakers.map((p) => p.name)).toEqual(expect.arrayContaining(['Scott Bessent', 'Ashwini Vaishnaw', 'Sergio Gor']));
    expect(s!.figures).toEqual(expect.arrayContaining(['₹7,280 crore', 'about 70%']));
    expect(s!.next.join(' ')).toMatch(/India will be invited to join .*(next month|February)/);
  });

  it('quotes one or two people verbatim, each with the articles that carried the words', () => {
    const [s] = digest.stories;
    expect(s!.quotes.length).toBeGreaterThanOrEqual(1);
    expect(s!.quotes.length).toBeLessThanOrEqual(2);
    expect(new Set(s!.quotes.map((q) => q.speaker)).size).toBe(s!.quotes.length);
    for (const q of s!.quotes) {
      for (const c of q.citations) expect(occursVerbatim(q.text, readFileSync(join(SEEDS, c.file), 'utf8'))).toBe(true);
    }
  });

  it('takes every summary, figure and next-step sentence verbatim from the articles, never from comments or chrome', () => {
    const [s] = digest.stories;
    const bodies = s!.citations.map((c) => readFileSync(join(SEEDS, c.file), 'utf8'));
    for (const piece of [...s!.summary.split(/(?<=\.) (?=[A-Z])/), ...s!.next, ...s!.figures]) {
      expect(bodies.some((b) => occursVerbatim(piece, b)), piece).toBe(true);
    }
    for (const junk of ["that's the key phrase", 'Share this article', 'min read', 'Leave a Comment', 'Priya S']) expect(digest.text).not.toContain(junk);
  });

  it('renders as plain text for the console and the JSON `text` field', () => {
    expect(digest.text).toMatch(/^Briefing — 13 Jan 2026: 1 story from 5 articles\.\n\n1\. India Joins US-Led Talks/);
    expect(digest.text).toContain('Reported by 3 outlets (IANS, ANI, Times of India) in 5 articles · 13 Jan 2026');
  });

  it('is empty, and says so, for a day with no news', async () => {
    const empty = await bot.digest({ date: '2020-01-01' });
    expect(empty).toMatchObject({ stories: [], articleCount: 0, text: 'Nothing new to report.' });
  });
});

describe('stories on a busy day', () => {
  const PLACES = 'Lima Oslo Accra Hanoi Quito Riga Dakar Perth Sapporo Lyon Porto Tartu Cusco Malmo Arusha Izmir Gdansk Bergen Kochi Davao'.split(' ');
  const THINGS = 'lithium steel wheat copper nickel cobalt tariffs bonds vaccines chips shipping pensions rice cotton coffee timber fisheries satellites railways fertiliser'.split(' ');
  /** An event no other shares a word with. */
  const event = (i: number) => `${PLACES[i % 20]} ${THINGS[Math.floor(i / 20) % 20]} ${THINGS[(i + 7) % 20]}${i} agreement`;
  const row = (id: number, text: string, speakerIds: number[], quoteIds: number[] = []): DigestArticleRow => ({
    articleId: id, file: `${id}.txt`, outlet: `Outlet ${id % 7}`, title: null, date: '2026-08-06', url: null, indexedAt: '',
    paragraphs: [text], quoteIds, attributedQuoteIds: quoteIds, speakerIds,
  });

  it('keeps apart stories that only share people quoted all over the day', () => {
    // Speakers 1 and 2 (a president and a treasury secretary) are quoted in every one of 40 articles on 40 events.
    const rows = Array.from({ length: 40 }, (_, i) => row(i, `The ${event(i)} was discussed.`, [1, 2]));
    expect(groupStories(rows)).toHaveLength(40);
  });

  it('joins the outlets that quote the same two people, however differently they word it', () => {
    const busy = Array.from({ length: 40 }, (_, i) => row(i, `The ${event(i)} was discussed.`, [1, 2]));
    const story = [
      row(100, 'Ministers from both countries met on Tuesday.', [1, 7, 8]),
      row(101, 'A meeting in the capital ended without a deal.', [2, 7, 8]),
      row(102, 'Talks continued late into the evening.', [7, 8]),
    ];
    const groups = groupStories([...busy, ...story]);
    expect(groups.find((g) => g.some((a) => a.articleId === 100))!.map((a) => a.articleId).sort()).toEqual([100, 101, 102]);
    expect(groups).toHaveLength(41);
  });
});
