// The same Answer and Digest through every renderer: the words src/present.ts decides read the same on Slack,
// Discord, the console and the plain-text digest; only formatting and escaping differ.
import { describe, expect, it } from 'vitest';
import type { Answer, Citation, Digest, Quote, Source, Speaker, Story } from '../src/types.ts';
import { answerMessage as slackAnswer, digestMessage as slackDigest, replyMessage as slackReply } from '../adapters/slack/render.ts';
import { answerMessage as discordAnswer, digestMessage as discordDigest, replyMessage as discordReply } from '../adapters/discord/render.ts';
import { renderAnswer, renderReply } from '../adapters/console/render.ts';
import { digestText, withLead } from '../src/digest/text.ts';
import { DIGEST_SUMMARY_LABEL, excerptIntro, nothingNew } from '../src/present.ts';

const IANS: Citation = { file: 'a.txt', outlet: 'IANS', title: null, date: '2026-01-13', url: 'https://example.com/a' };
const ANI: Citation = { file: 'b.txt', outlet: 'ANI', title: null, date: '2026-01-13', url: null };
const TOI: Citation = { file: 'c.txt', outlet: 'Times of India', title: null, date: '2026-01-12', url: null };

function quote(id: number, over: Partial<Quote> = {}): Quote {
  return {
    id, speaker: 'Jane Doe', role: 'Trade Minister', kind: 'direct', verb: 'said', via: null, text: `We will cut tariffs on item ${id}.`,
    citations: [IANS], excerpts: [], articles: 1, sieve: 'trigram/name', ...over,
  };
}

/** A quote carried whole by IANS, in part by ANI, worded slightly differently by TOI, and by three more articles. */
const VARIANTS = quote(1, {
  excerpts: [
    { text: 'We will cut tariffs', partial: true, citations: [ANI] },
    { text: 'We shall cut tariffs on item 1.', partial: false, citations: [TOI] },
  ],
  articles: 6,
});

/** The second page (quotes 11–20) of 34, with another speaker the question could mean and a passage. */
const ANSWER: Answer = {
  question: 'what did Jane Doe say?', kind: 'speaker', speaker: 'Jane Doe', role: 'Trade Minister', answer: 'Jane Doe (Trade Minister): 34 statements.',
  quotes: [VARIANTS, ...Array.from({ length: 9 }, (_, i) => quote(i + 2))],
  passages: [{ text: 'Tariffs fell by a tenth.', citation: ANI }],
  total: 34, alternatives: ['Jane Dough'], onTopic: null, articleCount: 6,
};
const OFFSET = 10;

const STORY: Story = {
  headline: 'India and the US agree on tariffs', summary: 'Ministers met in Delhi.', date: '2026-01-13', quotes: [VARIANTS],
  speakers: [{ name: 'Jane Doe', role: 'Trade Minister' }], figures: ['10%'], next: ['Talks resume in March'], outlets: ['IANS', 'ANI'], citations: [IANS, ANI],
};

function digest(over: Partial<Omit<Digest, 'text'>>): Digest {
  const d = { date: '2026-01-13', since: null, stories: [STORY], more: 2, articleCount: 4, ...over };
  return { ...d, text: digestText(d) };
}

/** Every string in a rendered message (block texts, button labels, embed titles, fields, footers, content). */
function strings(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(strings).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(strings).join('\n');
  return '';
}

/** Each renderer's answer page, as text. */
function answers(a: Answer, offset: number): { slack: string; discord: string; console: string } {
  return {
    slack: strings(slackAnswer(a, offset, 'p1', { shareable: true })),
    discord: strings(discordAnswer(a, offset, 'p1')),
    console: renderAnswer(a, offset),
  };
}

/** Each renderer's briefing, as text (the console prints the plain-text digest). */
function digests(d: Digest): { slack: string; discord: string; console: string; text: string } {
  return {
    slack: strings(slackDigest(d)),
    discord: strings(discordDigest(d)),
    console: renderReply({ type: 'digest', digest: d }),
    text: d.text,
  };
}

/** The distinct matches of `pattern` in each rendering, with formatting marks (* _) taken out. */
function phrases(rendered: Record<string, string>, pattern: RegExp): Record<string, string[]> {
  return Object.fromEntries(Object.entries(rendered).map(([k, v]) => [k, [...new Set(v.replace(/[*_]/g, '').match(pattern) ?? [])].sort()]));
}

/** Every renderer says exactly `expected`. */
function expectSame(rendered: Record<string, string>, pattern: RegExp, expected: string[]): void {
  const found = phrases(rendered, pattern);
  expect(found).toEqual(Object.fromEntries(Object.keys(rendered).map((k) => [k, [...expected].sort()])));
}

describe('an answer reads the same on every platform', () => {
  const rendered = answers(ANSWER, OFFSET);

  it('introduces a shorter excerpt and another wording the same way', () => {
    expectSame(rendered, /\balso (?:in part|in other words|worded slightly differently)\b/g, ['also in part', 'also worded slightly differently']);
    expect(excerptIntro({ partial: false })).toBe('also worded slightly differently');
    for (const text of Object.values(rendered)) expect(text).not.toContain('in other words');
  });

  it('counts the articles a quote is in beyond those cited the same way', () => {
    expectSame(rendered, /\band \d+ more articles?\b/g, ['and 3 more articles']);
  });

  it('says which quotes a page shows the same way (Discord footer, console)', () => {
    const { discord, console } = rendered;
    expectSame({ discord, console }, /\b(?:Quotes|Showing) \d+\u2013\d+ of \d+/g, ['Quotes 11\u201320 of 34']);
  });

  it('labels the next page the same way on Slack and Discord', () => {
    const { slack, discord } = rendered;
    expectSame({ slack, discord }, /More quotes \(\d+\u2013\d+ of \d+\)/g, ['More quotes (21\u201330 of 34)']);
  });

  it('heads the passages and names other speakers the same way', () => {
    expectSame(rendered, /From the reporting \(not anyone.s statement\)/g, ['From the reporting (not anyone\u2019s statement)']);
    expectSame(rendered, /Also matching: [A-Za-z ]+/g, ['Also matching: Jane Dough']);
  });

  it('marks reported speech with the same word', () => {
    const reported = answers({ ...ANSWER, quotes: [quote(1, { kind: 'reported', verb: 'urged', text: 'nations to act' })], total: 1 }, 0);
    expectSame(reported, /\breported\b/g, ['reported']);
  });
});

describe('a briefing reads the same on every platform', () => {
  it('names an undated briefing the same way', () => {
    expectSame(digests(digest({ date: null })), /Briefing \u2014 [a-z ]+[a-z]/g, ['Briefing \u2014 undated articles']);
  });

  it('names a news day the same way', () => {
    expectSame(digests(digest({})), /Briefing \u2014 \d+ \w+ \d{4}/g, ['Briefing \u2014 13 Jan 2026']);
  });

  it('writes the window since the last briefing the same way', () => {
    const since = '2026-01-13T08:00:00.000Z';
    expectSame(digests(digest({ date: null, since })), /Briefing \u2014 since [\d-]+ [\d:]+ UTC/g, ['Briefing \u2014 since 2026-01-13 08:00 UTC']);
    // With nothing new, every platform shows the digest's own line, which writes the moment the same way.
    const empty = digests(digest({ date: null, since, stories: [], more: 0, articleCount: 0 }));
    expectSame(empty, /Nothing new[^\n]*/g, ['Nothing new since the last briefing (2026-01-13 08:00 UTC).']);
    expect(nothingNew(since)).toBe('Nothing new since the last briefing (2026-01-13 08:00 UTC).');
    expectSame(digests(digest({ stories: [], more: 0, articleCount: 0 })), /Nothing new[^\n]*/g, ['Nothing new to report.']);
  });

  it('counts stories and articles, and the stories left out, the same way', () => {
    const rendered = digests(digest({}));
    expectSame(rendered, /\d+ stor(?:y|ies) from \d+ articles?/g, ['3 stories from 4 articles']);
    expectSame(rendered, /\u2026and \d+ more stor(?:y|ies)/g, ['\u2026and 2 more stories']);
    expectSame(digests(digest({ more: 0, articleCount: 1 })), /\d+ stor(?:y|ies) from \d+ articles?/g, ['1 story from 1 article']);
  });

  it('closes a story with the same reach line, and labels figures and next steps alike', () => {
    const rendered = digests(digest({}));
    expectSame(rendered, /Reported by [^\n]+/g, ['Reported by 2 outlets (IANS, ANI) in 2 articles \u00b7 13 Jan 2026']);
    expectSame(rendered, /\b(?:Figures|Next)\b/g, ['Figures', 'Next']);
    // The plain-text digest gives a quote without its citations; the chat briefings cite its excerpts as answers do.
    const { slack, discord } = rendered;
    expectSame({ slack, discord }, /\balso (?:in part|in other words|worded slightly differently)\b/g, ['also in part', 'also worded slightly differently']);
  });

  it('labels an AI-written lead the same way', () => {
    const d = withLead(digest({}), { sentences: [{ text: 'Ministers agreed.', quoteIds: [], passages: [], stories: [0] }], model: 'test-model', promptVersion: 'v1', cached: false });
    expectSame(digests(d), /Summary, AI-written from the \w+ below \(the quotes are the record\)/g, [DIGEST_SUMMARY_LABEL]);
  });
});

describe('lists read the same on every platform', () => {
  const sources: Source[] = [
    { file: 'a.txt', title: 'Tariff talks', outlet: 'IANS', author: null, date: '2026-01-13', url: null, quotes: 1, comments: 2 },
    { file: 'b.txt', title: 'More talks', outlet: null, author: null, date: null, url: null, quotes: 4, comments: 0 },
  ];
  const speakers: Speaker[] = [{ id: 1, name: 'Jane Doe', kind: 'person', role: null, aliases: [], quotes: 1, articles: 1 }];

  const lists = (r: Parameters<typeof renderReply>[0]) => ({
    slack: strings(slackReply(r, { prefix: '/brief ', shareable: false })),
    discord: strings(discordReply(r, { prefix: '/brief ' })),
    console: renderReply(r),
  });

  it('titles and describes indexed articles alike', () => {
    const rendered = lists({ type: 'sources', total: 1234, sources, skipped: [{ file: 'x.bin', reason: 'not text' }], polled: [] });
    expectSame(rendered, /[\d,]+ indexed articles?(?: \(the latest \d+\))?/g, ['1,234 indexed articles (the latest 2)']);
    expectSame(rendered, /(?:IANS|outlet unknown) \u00b7 [^\n]+/g, ['IANS \u00b7 13 Jan 2026 \u00b7 1 quote \u00b7 2 reader comments (not indexed as statements)', 'outlet unknown \u00b7 undated \u00b7 4 quotes']);
    expectSame(rendered, /Skipped(?: files)?/g, ['Skipped files']);
  });

  it('describes polled sources alike: kind, articles, last fetch and status, next fetch and last error', () => {
    const source = {
      url: 'https://wire.example/feed.xml', addedBy: 'cli', addedAt: '2026-12-01T09:00:00.000Z', kind: 'feed' as const, title: 'Treasury Wire', etag: null, lastModified: null,
      lastFetchAt: '2026-12-03T09:12:00.000Z', lastStatus: 'error' as const, lastError: 'the server at wire.example answered 503', failures: 2, items: 42,
      nextFetchAt: '2026-12-03T09:16:00.000Z', firstFetchAt: '2026-12-01T09:01:00.000Z',
    };
    const rendered = lists({ type: 'sources', total: 0, sources: [], skipped: [], polled: [source] });
    expectSame(rendered, /1 polled source/g, ['1 polled source']);
    expectSame(rendered, /feed \u00b7 42 articles \u00b7 [^\n]+503/g, ['feed \u00b7 42 articles \u00b7 fetched 2026-12-03 09:12 UTC: failed (2 times in a row) \u00b7 next 2026-12-03 09:16 UTC \u00b7 last error: the server at wire.example answered 503']);
  });

  it('counts a speaker\u2019s quotes alike', () => {
    expectSame(lists({ type: 'speakers', speakers, total: 1 }), /\d+ quotes? in \d+ articles?/g, ['1 quote in 1 article']);
  });
});
