// Quotations in a run of paragraphs, as news copy actually prints them: curly, straight, low and angled marks,
// mixed pairs (“…"), a closing mark typed as an opening one (“…, “Trump wrote), single quotes used as quotation
// marks ('…,' Huang said), quotations left open where the text runs on, and quotations over several paragraphs
// (an opening mark at each paragraph, the closing one only at the end). One left-to-right pass per paragraph.

export interface Span {
  start: number;
  end: number; // exclusive
}

/** A quotation in one paragraph: `start`/`end` include the marks, `inner` is the quoted words. */
export interface QuoteSpan extends Span {
  inner: Span;
  /** False when no closing mark was found in this paragraph. */
  closed: boolean;
  /** The quotation runs on into the next paragraph (which opens with a quotation mark). */
  continues: boolean;
  /** This is the next paragraph's part of a quotation that began in an earlier one. */
  continued: boolean;
  /** Marked with single quotes. */
  single: boolean;
}

const DOUBLE_OPEN = new Set(['\u201c', '\u201e', '\u00ab', '\u201f']);
const DOUBLE_CLOSE = new Set(['\u201d', '\u00bb']);
const DOUBLE = new Set(['"', '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb']);
const DOUBLE_MARK = /["\u201c\u201d\u201e\u201f\u00ab\u00bb]/gu;
const SINGLE_MARK = /['\u2018\u2019\u2039\u203a]/gu;
const SINGLE_OPEN = new Set(['\u2018', "'", '\u2039']);
const SINGLE_CLOSE = new Set(['\u2019', "'", '\u203a']);

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
/** What may stand before an opening mark: nothing, space, a bracket or dash, or another mark. */
const opensAfter = (c: string | undefined) => c === undefined || /[\s([{\u2014\u2013\-/:]/u.test(c) || DOUBLE.has(c);
/** What may follow a closing mark: nothing, space, punctuation, a bracket, or another mark. */
const closesBefore = (c: string | undefined) => c === undefined || /[\s.,;:!?)\]}\u2014\u2013\-…]/u.test(c) || DOUBLE.has(c) || SINGLE_CLOSE.has(c);

/** Quotations of every paragraph; a quotation left open at a paragraph's end continues when the next opens with a mark. */
export function findQuotations(paragraphs: string[]): QuoteSpan[][] {
  const all = paragraphs.map(findInParagraph);
  for (let i = 0; i < all.length; i++) {
    const last = all[i]![all[i]!.length - 1];
    if (!last || last.closed) continue;
    const next = paragraphs[i + 1];
    const first = all[i + 1]?.[0];
    if (next !== undefined && first && first.start === next.length - next.trimStart().length && first.single === last.single) {
      last.continues = true;
      first.continued = true;
    }
  }
  return all;
}

/** Quotations of one paragraph on its own. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  return findInParagraph(text);
}

function findInParagraph(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1; // index of the opening double mark, or -1
  DOUBLE_MARK.lastIndex = 0;
  for (let m = DOUBLE_MARK.exec(text); m !== null; m = DOUBLE_MARK.exec(text)) {
    const i = m.index;
    const c = text[i]!;
    const before = text[i - 1];
    const after = text[i + 1];
    if (open < 0) {
      // Only a mark in opening position opens: a closing mark with no opening one is stray (or ends a quotation
      // cut off above), and a straight mark between spaces is not a quotation mark.
      // French guillemets stand apart from the words they enclose ("« Nous … »"): they open wherever a word does not touch them.
      if (c === '\u00ab' ? isWordChar(before) : DOUBLE_OPEN.has(c) ? isSpace(after) && isSpace(before) : !opensAfter(before) || isSpace(after)) continue;
      open = i;
      continue;
    }
    const closing = !isSpace(before) && closesBefore(after);
    if (closing || DOUBLE_CLOSE.has(c) || c === '"') {
      if (!closing && reopens(text, open, i)) {
        // The quotation before was never closed ("… run on. “Next …"): it ends here, and a new one starts.
        spans.push(span(text, open, i, false, false));
        open = i;
        continue;
      }
      spans.push(span(text, open, i + 1, true, false));
      open = -1;
      continue;
    }
    // An opening glyph while a quotation is open: a closing mark typed the wrong way (“…, “Trump wrote) after a
    // comma or a word; after a sentence's end, the quotation before was left open and this one begins.
    if (reopens(text, open, i)) {
      spans.push(span(text, open, i, false, false));
      open = i;
    } else {
      spans.push(span(text, open, i + 1, true, false));
      open = -1;
    }
  }
  if (open >= 0) spans.push(span(text, open, text.length, false, false));
  return addSingleQuotes(text, spans);
}

/** True when the mark at `i` starts a new quotation rather than closing the one opened at `open`. */
function reopens(text: string, open: number, i: number): boolean {
  if (!isSpace(text[i - 1]) || !isWordChar(text[i + 1]) && !DOUBLE.has(text[i + 1] ?? '')) return false;
  const before = text.slice(open + 1, i).trimEnd();
  return /[.!?\u2026]$/u.test(before) && /^\p{Lu}/u.test(text.slice(i + 1, i + 2));
}

function span(text: string, start: number, end: number, closed: boolean, single: boolean): QuoteSpan {
  let innerStart = start + 1;
  let innerEnd = closed ? end - 1 : trimmedEnd(text, start + 1, end);
  // "« Nous … »": the spaces inside guillemets are typography, not part of the words.
  if (text[start] === '\u00ab') while (innerStart < innerEnd && isSpace(text[innerStart])) innerStart++;
  if (closed && text[end - 1] === '\u00bb') while (innerEnd > innerStart && isSpace(text[innerEnd - 1])) innerEnd--;
  return { start, end: closed ? end : innerEnd, inner: { start: innerStart, end: innerEnd }, closed, continues: false, continued: false, single };
}

function trimmedEnd(text: string, from: number, end: number): number {
  let e = end;
  while (e > from && isSpace(text[e - 1])) e--;
  return e;
}

/**
 * Single quotes used as quotation marks, outside double quotations: ‘…’ or '…' opening at a word's start and
 * closing after a word, never an apostrophe inside a word (don't, China’s) and never across paragraphs.
 */
function addSingleQuotes(text: string, doubles: QuoteSpan[]): QuoteSpan[] {
  if (!/['\u2018\u2039]/u.test(text)) return doubles;
  const inDouble = (i: number) => doubles.some((d) => d.start <= i && i < d.end);
  const singles: QuoteSpan[] = [];
  let open = -1;
  SINGLE_MARK.lastIndex = 0;
  for (let m = SINGLE_MARK.exec(text); m !== null; m = SINGLE_MARK.exec(text)) {
    const i = m.index;
    const c = text[i]!;
    if (open < 0) {
      if (SINGLE_OPEN.has(c) && opensAfter(text[i - 1]) && /[\p{L}\p{N}]/u.test(text[i + 1] ?? '') && !inDouble(i)) open = i;
      continue;
    }
    if (SINGLE_CLOSE.has(c) && !isSpace(text[i - 1]) && !isWordChar(text[i + 1]) && closesBefore(text[i + 1])) {
      // "countries' interests": a plural possessive is an apostrophe, unless punctuation closes the quotation.
      const possessive = text[i - 1] === 's' && isSpace(text[i + 1]) && /^\s+\p{Ll}/u.test(text.slice(i + 1, i + 4)) && !/[,.!?]/u.test(text[i - 1]!);
      if (!possessive) {
        singles.push(span(text, open, i + 1, true, true));
        open = -1;
      }
    }
  }
  // A single-quoted quotation left open at the paragraph's end runs on to the next (British style: ‘… / ‘… ’),
  // when it opens a statement: after a colon or a comma, or at the paragraph's start, with a capital.
  if (open >= 0 && /^(?:|.*[:,]\s*)$/su.test(text.slice(0, open)) && /^\p{Lu}/u.test(text.slice(open + 1, open + 2))) {
    singles.push(span(text, open, text.length, false, true));
  }
  if (singles.length === 0) return doubles;
  return [...doubles, ...singles].sort((a, b) => a.start - b.start);
}

/** Replaces every non-space character inside quotations, so nothing quoted can end a sentence or name a speaker. */
export function maskQuotes(text: string, spans: QuoteSpan[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const s of spans) {
    if (s.inner.start < last) continue;
    // Code unit by code unit (no "u" flag): the masked text keeps the original's offsets, emoji included.
    out += text.slice(last, s.inner.start) + text.slice(s.inner.start, s.inner.end).replace(/\S/g, 'x');
    last = s.inner.end;
  }
  return out + text.slice(last);
}
