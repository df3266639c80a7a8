// No question stops the bot: a question too long is refused with a clear message, the search a question runs is
// bounded however many words reach it (counted through a Store that records every text query), parsing is linear
// in the question, and paging numbers reach SQL as whole numbers in range whatever a caller passes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, ask, MAX_LIMIT, MAX_OFFSET, MAX_QUESTION_CHARS, MAX_TEXT_QUERIES, TOO_LONG } from '../src/answer/answer.ts';
import { MAX_SEARCH_TERMS, parseQuestion, questionTerms, searchTerms } from '../src/answer/question.ts';
import type { Store, TextQuery } from '../src/store/store.ts';
import type { SqliteStore } from '../src/store/sqlite-store.ts';
import { article, storeWith, type Who } from './store-fixtures.ts';

const BESSENT: Who = { name: 'Scott Bessent', roles: ['US Treasury Secretary'], aliases: ['Bessent'] };

interface Recorded {
  text: TextQuery[];
  pages: { limit: number; offset: number }[];
}

/** The store, recording each text query (quotes or passages) and each page of quote ids asked for. */
function recording(store: Store): { store: Store; seen: Recorded } {
  const seen: Recorded = { text: [], pages: [] };
  const wrapped = new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === 'quoteIds') {
        return (filter: Parameters<Store['quoteIds']>[0], page: Parameters<Store['quoteIds']>[1]) => {
          if (filter.text) seen.text.push(filter.text);
          seen.pages.push(page);
          return target.quoteIds(filter, page);
        };
      }
      if (prop === 'passages') {
        return (query: TextQuery, limit: number) => {
          seen.text.push(query);
          return target.passages(query, limit);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: wrapped, seen };
}

let base: SqliteStore;
beforeAll(async () => {
  base = await storeWith(
    article('a1.txt', {
      quotes: [
        { by: BESSENT, text: 'Tariffs on steel will stay until the talks on critical minerals succeed' },
        { by: BESSENT, text: 'Supply chains for critical minerals are too concentrated' },
        { by: BESSENT, text: 'We will work with India on Pax Silica' },
      ],
    }),
  );
});
afterAll(() => base.close());

/** `n` distinct words that are not stop words. */
const words = (n: number, prefix = 'w') => Array.from({ length: n }, (_, i) => `${prefix}${i.toString(36)}x`).join(' ');

describe('a question too long for the bot', () => {
  it('gets a clear message, and no search runs', async () => {
    const { store, seen } = recording(base);
    const question = words(1_000); // about 5 KB
    expect(question.length).toBeGreaterThan(4_500);
    const a = await ask(store, question);
    expect(a).toMatchObject({ kind: 'empty', answer: 'That question is too long: ask in at most 500 characters.', quotes: [], passages: [] });
    expect(a.answer).toBe(TOO_LONG);
    expect(seen.text).toEqual([]);
  });

  it('is measured in characters, after the surrounding spaces', async () => {
    const at = `${'a'.repeat(MAX_QUESTION_CHARS - 1)}?`;
    expect((await ask(base, `   ${at}\n\n`)).answer).not.toBe(TOO_LONG);
    expect((await ask(base, `${at}x`)).answer).toBe(TOO_LONG);
    // An emoji is one character, though two UTF-16 units.
    expect((await ask(base, '\u{1F600}'.repeat(MAX_QUESTION_CHARS))).answer).not.toBe(TOO_LONG);
  });
});

describe('the search a question runs is bounded, whatever its length', () => {
  const long = words(4_000); // about 23 KB
  const cases: [string, string][] = [
    ['an open question', long],
    ['"who said" a phrase', `who said ${long}`],
    ['a speaker on a topic', `what did Bessent say about ${long}`],
  ];
  for (const [name, question] of cases) {
    it(`${name} of 4,000 words, through the core without the length limit`, async () => {
      const { store, seen } = recording(base);
      const q = parseQuestion(question);
      const a = await answerQuestion(store, question, q);
      expect(a.kind).not.toBe('empty');
      expect(seen.text.length).toBeGreaterThan(0);
      expect(seen.text.length).toBeLessThanOrEqual(MAX_TEXT_QUERIES);
      // Each query's words: the phrase itself is searched as one phrase, at most 100 words; every other query at
      // most MAX_SEARCH_TERMS words (tiers join neighbours, so never more).
      for (const t of seen.text) expect(t.terms.length).toBeLessThanOrEqual(t.mode === 'phrase' ? 100 : MAX_SEARCH_TERMS);
    });
  }

  it('a normal question is searched with all its words, as before', async () => {
    const { store, seen } = recording(base);
    const a = await ask(store, 'what did Bessent say about critical minerals and steel tariffs?');
    expect(a.speaker).toBe('Scott Bessent');
    expect(a.onTopic).toBe(1);
    expect(seen.text[0]?.terms).toEqual(['critical', 'minerals', 'steel', 'tariffs']);
  });
});

describe('search terms', () => {
  it(`a question of ${MAX_SEARCH_TERMS} words or fewer keeps them all, in order`, () => {
    for (const q of ['When will India join Pax Silica?', 'a b c d e f g h i j k l', words(MAX_SEARCH_TERMS)]) {
      expect(questionTerms(q)).toEqual(searchTerms(q));
    }
  });

  it(`past ${MAX_SEARCH_TERMS}, the most distinctive, in the question's order: repeated, then long words`, () => {
    const q = `tariffs ${words(30)} semiconductors tariffs ${words(30, 'v')} decarbonisation`;
    const terms = questionTerms(q);
    expect(terms).toHaveLength(MAX_SEARCH_TERMS);
    expect(terms[0]).toBe('tariffs');
    expect(terms).toContain('semiconductors');
    expect(terms.at(-1)).toBe('decarbonisation');
    const order = searchTerms(q);
    expect([...terms].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(terms);
    expect(questionTerms(words(100_000 / 6))).toHaveLength(MAX_SEARCH_TERMS);
  });
});

/** Median of five runs, in milliseconds. */
function parseMs(text: string): number {
  const runs = [0, 1, 2, 3, 4].map(() => {
    const t = performance.now();
    parseQuestion(text);
    return performance.now() - t;
  });
  return runs.sort((a, b) => a - b)[2]!;
}

/** Below some milliseconds timing is noise (a GC pause, a busy machine): the smaller time counts as at least this. */
const NOISE_MS = 20;
const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Inputs once measured super-linear: each makes a question of about `n` characters. */
const ADVERSARIAL: [string, (n: number) => string][] = [
  ['a run of "?", then a letter', (n) => `${'?'.repeat(n)}x`],
  ['a run of ". ", then a letter', (n) => `${fill('. ', n)}x`],
  ['reporting verbs, one after another', (n) => `what did ${fill('say ', n)}`],
  ['capitalised and lower-case verbs', (n) => `what did ${fill('Say say ', n)}`],
  ['where it was said, over and over', (n) => `what did Bessent say ${fill('today ', n)}`],
  ['on a platform, over and over', (n) => `what did Bessent say ${fill('on x ', n)}`],
  ['who said a long phrase', (n) => `who said ${fill('we will ', n)}`],
];

describe('parsing a question is linear in its length', () => {
  for (const [name, make] of ADVERSARIAL) {
    it(name, () => {
      const small = make(25_000);
      const large = make(100_000);
      parseQuestion(small); // warm up: the first run compiles the patterns
      const a = parseMs(small);
      const b = parseMs(large);
      expect(b / Math.max(a, NOISE_MS), `25 KB: ${a.toFixed(1)} ms, 100 KB: ${b.toFixed(1)} ms`).toBeLessThan(8);
      // Milliseconds once linear; seconds when these were quadratic.
      expect(b).toBeLessThan(2_000);
    });
  }

  it('100 KB of "?" then "x" parses, as an open question', () => {
    const t = performance.now();
    expect(parseQuestion(`${'?'.repeat(100_000)}x`)).toEqual({ kind: 'open', text: `${'?'.repeat(100_000)}x` });
    // A bound only a quadratic parse could reach (it took 6 to 9 s).
    expect(performance.now() - t).toBeLessThan(2_000);
  });
});

describe('paging numbers reach SQL as whole numbers in range', () => {
  const paging: [string, { limit?: number; offset?: number }, { limit: number; offset: number }][] = [
    ['fractions', { limit: 2.5, offset: 1.5 }, { limit: 2, offset: 1 }],
    ['a huge offset', { offset: 1e20 }, { limit: 10, offset: MAX_OFFSET }],
    ['negative numbers', { limit: -3, offset: -1 }, { limit: 1, offset: 0 }],
    ['not numbers', { limit: Number.NaN, offset: Number('ten') }, { limit: 10, offset: 0 }],
    ['infinities', { limit: Infinity, offset: -Infinity }, { limit: MAX_LIMIT, offset: 0 }],
    ['a huge limit', { limit: 1e9 }, { limit: MAX_LIMIT, offset: 0 }],
  ];
  for (const [name, options, expected] of paging) {
    it(name, async () => {
      const { store, seen } = recording(base);
      const a = await ask(store, 'what did Bessent say?', options);
      expect(a.speaker).toBe('Scott Bessent');
      expect(seen.pages).toEqual([expected]);
      expect(a.quotes.length).toBe(Math.max(0, Math.min(expected.limit, 3 - expected.offset)));
    });
  }
});
