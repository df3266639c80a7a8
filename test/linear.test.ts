// Parsing is linear in the input's size: no small file can hold up a sync. Adversarial inputs (long runs of spaces,
// punctuation, quotation marks, unclosed quotations, nested HTML, Markdown emphasis) go through the real extraction
// at two sizes, and the larger, four times the size, must take less than about eight times as long. Times are
// compared with each other, never with a clock: a slow machine is slow at both sizes.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/ingest/extract-article.ts';

function extract(ext: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  return extractArticle(`linear.${ext}`, bytes, { size: bytes.length, mtimeMs: 0 });
}

function ms(ext: string, text: string): number {
  const t = performance.now();
  extract(ext, text);
  return performance.now() - t;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * The time at 40 KB over the time at 10 KB, each the median of five runs. Below some milliseconds timing is noise (a
 * GC pause, a busy machine), so the smaller time counts as at least NOISE_MS: a quadratic parse still shows ~16×.
 */
const NOISE_MS = 20;
const runs = (f: () => number) => median([f(), f(), f(), f(), f()]);
function growth(ext: string, make: (bytes: number) => string): { ratio: number; small: number; large: number } {
  const small = make(10_000);
  const large = make(40_000);
  ms(ext, small); // warm up: the first run compiles the extractor's regular expressions
  const a = runs(() => ms(ext, small));
  const b = runs(() => ms(ext, large));
  return { ratio: b / Math.max(a, NOISE_MS), small: a, large: b };
}

const repeat = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length));
/** `depth` nested <div>s around one paragraph. */
const nested = (depth: number) => `<html><body>${'<div>'.repeat(depth)}<p>${prose}</p>${'</div>'.repeat(depth)}</body></html>`;
const prose = 'The minister said on Tuesday that the tariffs would stay. ';

/** Generators: each makes an input of about `n` bytes. */
const ADVERSARIAL: [string, string, (n: number) => string][] = [
  ['a run of spaces inside a sentence', 'txt', (n) => `${prose}"We will act on trade now," ${' '.repeat(n)}zz zz zz.`],
  ['a run of full stops', 'txt', (n) => `${prose}${'.'.repeat(n)}x`],
  ['a run of spaces before a closing parenthesis', 'txt', (n) => `${prose}${' '.repeat(n)}x)`],
  ['one sentence of thousands of short quotations', 'txt', (n) => repeat('"a ', n)],
  ['a run of commas inside a quotation', 'txt', (n) => `${prose}"We will ${','.repeat(n)} act," she said.`],
  ['nested HTML elements', 'html', (n) => nested(Math.ceil(n / 11))],
  ['a Markdown emphasis run', 'md', (n) => `${prose}\n\n${repeat('_a', n)}`],
  ['Markdown emphasis marks over many lines', 'md', (n) => `${prose}\n\n${repeat(`${'*a'.repeat(30)}\n`, n)}`],
];

describe('extraction time grows linearly with the input', () => {
  for (const [name, ext, make] of ADVERSARIAL) {
    it(name, () => {
      const { ratio, small, large } = growth(ext, make);
      expect(ratio, `10 KB: ${small.toFixed(1)} ms, 40 KB: ${large.toFixed(1)} ms`).toBeLessThan(8);
    });
  }
});

/** A bound only a super-linear parse could reach: these take milliseconds once fixed, and minutes before. */
const SANITY_MS = 5_000;

describe('inputs once measured super-linear finish (100 KB)', () => {
  const named: [string, string, string][] = [
    ['a quotation, then 100 KB of spaces', 'txt', `"We will act on trade now," ${' '.repeat(100_000)}zz zz zz.`],
    ['100 KB of full stops, then a letter', 'txt', `${'.'.repeat(100_000)}x`],
    ['a sentence, then a 100 KB line of spaces ending "x)"', 'txt', `${prose}${' '.repeat(100_000)}x)`],
    ['"a  33,000 times (100 KB of short quotations)', 'txt', repeat('"a ', 100_000)],
    ['a quotation with 100 KB of commas', 'txt', `"We will ${','.repeat(100_000)}, act,"`],
    ['2,000 nested <div>s (22 KB)', 'html', nested(2_000)],
    ['10,000 nested <div>s (110 KB)', 'html', nested(10_000)],
    ['Markdown: "_a" 50,000 times', 'md', '_a'.repeat(50_000)],
  ];
  for (const [name, ext, text] of named) {
    it(name, () => {
      const t = performance.now();
      const r = extract(ext, text);
      expect(r.ok ? '' : r.reason).not.toMatch(/call stack|could not be/);
      expect(performance.now() - t).toBeLessThan(SANITY_MS);
    });
  }
});
