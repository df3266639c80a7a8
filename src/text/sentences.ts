// Sentence spans inside one paragraph.
// Sentences end at ". ", "? " or "! " before a capital, outside quotations, and not after "Mr." or an initial.
// Written by hand rather than with Intl.Segmenter: the segmenter knows nothing of quotations or abbreviations
// (both had to be patched around it) and cost a fifth of all extraction time.
import { findQuoteSpans, maskQuotes, type QuoteSpan, type Span } from './quote-marks.ts';

export { findQuoteSpans, maskQuotes, type QuoteSpan, type Span };

const ABBREVIATION = /(?:^|[\s(])(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|Gen|Gov|Sen|Rep|St|Jr|Sr|Lt|Col|Capt|Sgt|Rev|Hon|Eng|Engr|Amb|Adm|Maj|Brig|Cdr|Supt|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Inc|Ltd|Co|Corp|vs|etc|e\.g|i\.e|U\.S|U\.K|U\.N|a\.m|p\.m)\.$/;
/**
 * A sentence end: terminal punctuation, closing marks, space, then what can start a sentence. It starts only where a
 * run of terminal punctuation starts (the look-behind): tried at every dot of a long run of dots, it was quadratic.
 */
const BOUNDARY = /(?<![.!?\u2026])[.!?\u2026]+["\u201d\u2019\u00bb)\]]*\s+(?=["\u201c\u2018\u00ab(\[]|[\p{Lu}\p{N}])/gu;
/** After a quotation that ends a sentence inside its marks, an attribution ("… OVER!" Trump declared.) is not a new sentence. */
const ATTRIBUTION_NEXT = /^\s+(?:[\p{L}'\u2019.-]+\s+){1,8}?(?:said|says|added|adds|declared|asked|asks|wrote|writes|posted|told|tells|stated|stressed|insisted|warned|noted|replied|explained|tweeted|exclaimed|concluded|continued|argued|claimed|demanded|wondered|shouted|quipped)\b/u;

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
    if (!q.closed || !/[.!?]\s*$/.test(text.slice(q.inner.start, q.inner.end))) continue;
    const next = text.slice(q.end, q.end + 80);
    if (!/^\s+["\u201c\u2018]?\p{Lu}/u.test(next) || attributionOnly(next)) continue;
    const i = spans.findIndex((s) => s.start < q.end && q.end < s.end);
    if (i < 0) continue;
    const s = spans[i]!;
    spans.splice(i, 1, { start: s.start, end: q.end }, { start: q.end, end: s.end });
  }
}

/** '… OVER!" Trump declared.': the words after the quotation only attribute it; "Her office told reporters that …" says more. */
function attributionOnly(next: string): boolean {
  const m = ATTRIBUTION_NEXT.exec(next);
  if (!m) return false;
  const rest = next.slice(m[0].length).split(/[.!?]/u)[0]!;
  return !/\bthat\b/u.test(rest) && rest.trim().split(/\s+/u).length <= 8;
}
