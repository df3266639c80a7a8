// Sentence and quotation spans inside one paragraph.
// Sentences end at ". ", "? " or "! " before a capital, outside quotations, and not after "Mr." or an initial.
// Written by hand rather than with Intl.Segmenter: the segmenter knows nothing of quotations or abbreviations
// (both had to be patched around it) and cost a fifth of all extraction time.

export interface Span {
  start: number;
  end: number; // exclusive
}

/** A quotation: `start`/`end` enclose the marks, `inner` is the quoted words without them. */
export interface QuoteSpan extends Span {
  inner: Span;
}

const OPENERS: Record<string, string> = { '\u201c': '\u201d', '"': '"', '\u2018': '\u2019' };

/** Finds quotations marked with curly double, straight double, or curly single quotes (not apostrophes). */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const closer = OPENERS[ch];
    if (closer === undefined || (ch === '\u2018' && !opensSingle(text, i))) {
      i++;
      continue;
    }
    const close = findCloser(text, i + 1, closer);
    if (close < 0) {
      i++;
      continue;
    }
    spans.push({ start: i, end: close + 1, inner: { start: i + 1, end: close } });
    i = close + 1;
  }
  return spans;
}

function opensSingle(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : text[i - 1]!;
  return /[\s(\[—–-]/.test(before) && /\p{L}/u.test(text[i + 1] ?? '');
}

function findCloser(text: string, from: number, closer: string): number {
  for (let j = from; j < text.length; j++) {
    const c = text[j]!;
    if (c !== closer) continue;
    // A curly apostrophe inside a word ("China’s") does not close a single-quoted span.
    if (closer === '\u2019' && /\p{L}/u.test(text[j + 1] ?? '')) continue;
    return j;
  }
  return -1;
}

/** Replaces every non-space character inside quotations, so nothing quoted can end a sentence. */
export function maskQuotes(text: string, spans: QuoteSpan[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const s of spans) {
    out += text.slice(last, s.inner.start) + text.slice(s.inner.start, s.inner.end).replace(/\S/g, 'x');
    last = s.inner.end;
  }
  return out + text.slice(last);
}

const ABBREVIATION = /(?:^|[\s(])(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|Gen|Gov|Sen|Rep|St|Jr|Sr|Lt|Col|Capt|Sgt|Rev|Hon|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Inc|Ltd|Co|Corp|vs|etc|e\.g|i\.e|U\.S|U\.K|U\.N|a\.m|p\.m)\.$/;
/** A sentence end: terminal punctuation, closing marks, space, then what can start a sentence. */
const BOUNDARY = /[.!?\u2026]+["\u201d\u2019)\]]*\s+(?=["\u201c\u2018(\[]|[\p{Lu}\p{N}])/gu;

/** Sentence spans of a paragraph, never breaking inside a quotation or after "Mr." or an initial. */
export function splitSentences(text: string, quotes: QuoteSpan[] = findQuoteSpans(text), masked = maskQuotes(text, quotes)): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of masked.matchAll(BOUNDARY)) {
    const end = m.index + m[0].trimEnd().length;
    if (ABBREVIATION.test(masked.slice(Math.max(start, end - 6), end))) continue;
    spans.push({ start, end: m.index + m[0].length });
    start = m.index + m[0].length;
  }
  if (start < masked.length) spans.push({ start, end: masked.length });
  splitAfterClosedQuotes(spans, text, quotes);
  // Trim the whitespace at the edges of each sentence.
  for (const s of spans) {
    while (s.end > s.start && /\s/.test(text[s.end - 1]!)) s.end--;
    while (s.start < s.end && /\s/.test(text[s.start]!)) s.start++;
  }
  return spans.filter((s) => s.end > s.start);
}

/** A quotation that ends a sentence inside its marks ("… now." Then …) also ends the masked sentence. */
function splitAfterClosedQuotes(spans: Span[], text: string, quotes: QuoteSpan[]): void {
  for (const q of quotes) {
    if (!/[.!?]\s*$/.test(text.slice(q.inner.start, q.inner.end))) continue;
    if (!/^\s+["\u201c\u2018]?\p{Lu}/u.test(text.slice(q.end, q.end + 3))) continue;
    const i = spans.findIndex((s) => s.start < q.end && q.end < s.end);
    if (i < 0) continue;
    const s = spans[i]!;
    spans.splice(i, 1, { start: s.start, end: q.end }, { start: q.end, end: s.end });
  }
}
