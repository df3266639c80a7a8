// The next word of a text, exactly as tokens.ts's WORD pattern would find it, without running the pattern for
// every word: plain ASCII words are scanned by hand; any word that touches a character outside ASCII is handed
// to the pattern itself (anchored at that position), so accented names, curly quotes and dashes match as before.

/**
 * The pattern the scan stands for (tokens.ts WORD): a handle, a number with separators, a word (letters, digits,
 * marks, apostrophes, "&", "%", hyphens, inner dotted parts, a final period), a punctuation mark, a spaced hyphen.
 */
export const WORD_SOURCE = String.raw`@\w+|[$\u20ac\u00a3\u00a5\u20b9]?\d+(?:[.,]\d+)+%?|[$\u20ac\u00a3\u00a5\u20b9]?[\p{L}\p{N}][\p{L}\p{N}\p{M}'\u2019&%-]*(?:\.(?=[\p{L}])[\p{L}\p{N}]*)*\.?|[,;:()[\]\u2014\u2013"\u201c\u201d\u2018\u2019/]|-(?=\s)`;

/** The same pattern anchored at lastIndex: the fallback for words with non-ASCII characters. */
const WORD_AT = new RegExp(WORD_SOURCE, 'uy');

const DIGIT = 1, LETTER = 2, WORDCHAR = 4, TAIL = 8, PUNCT = 16, SPACE = 32;
const ASCII = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII[c] = DIGIT | WORDCHAR | TAIL;
for (let c = 65; c <= 90; c++) ASCII[c] = LETTER | WORDCHAR | TAIL;
for (let c = 97; c <= 122; c++) ASCII[c] = LETTER | WORDCHAR | TAIL;
ASCII[95] = WORDCHAR; // _
for (const ch of "'&%-") ASCII[ch.charCodeAt(0)]! |= TAIL;
for (const ch of ',;:()[]"/') ASCII[ch.charCodeAt(0)]! |= PUNCT;
for (const ch of '\t\n\v\f\r ') ASCII[ch.charCodeAt(0)]! |= SPACE;

const is = (text: string, i: number, cls: number): boolean => {
  const c = text.charCodeAt(i);
  return c < 128 && (ASCII[c]! & cls) !== 0; // NaN (past the end) is not < 128
};
const nonAscii = (text: string, i: number): boolean => text.charCodeAt(i) >= 128;

/** Where the pattern's next match starts at or after `from` and before `to`; `end` receives its end. -1 when none. */
export function nextWord(text: string, from: number, to: number, end: { at: number }): number {
  // A Unicode pattern started inside a surrogate pair starts at the pair.
  if ((text.charCodeAt(from) & 0xfc00) === 0xdc00 && (text.charCodeAt(from - 1) & 0xfc00) === 0xd800) from--;
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      WORD_AT.lastIndex = i;
      if (WORD_AT.exec(text) !== null) { end.at = WORD_AT.lastIndex; return i; }
      // Step over a whole surrogate pair, as a Unicode pattern's search does.
      i += c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      continue;
    }
    const e = asciiWordAt(text, i, c);
    if (e > 0) { end.at = e; return i; }
    if (e < 0) {
      WORD_AT.lastIndex = i;
      if (WORD_AT.exec(text) !== null) { end.at = WORD_AT.lastIndex; return i; }
    }
    i++;
  }
  return -1;
}

/** The end of the match starting at ASCII code `c` at `i`: 0 when none, -1 when a non-ASCII character decides it. */
function asciiWordAt(text: string, i: number, c: number): number {
  const cls = ASCII[c]!;
  if (c === 64) { // "@": a handle
    let k = i + 1;
    while (is(text, k, WORDCHAR)) k++;
    return k > i + 1 ? k : 0;
  }
  if (cls & PUNCT) return i + 1;
  if (c === 45) { // "-": only before a space
    if (nonAscii(text, i + 1)) return -1;
    return is(text, i + 1, SPACE) ? i + 1 : 0;
  }
  let k = i;
  if (c === 36) { // "$" before a number or a word
    if (nonAscii(text, i + 1)) return -1;
    if (!is(text, i + 1, DIGIT | LETTER)) return 0;
    k = i + 1;
  } else if (!(cls & (DIGIT | LETTER))) return 0;
  if (is(text, k, DIGIT)) {
    const n = numberEnd(text, k);
    if (n > 0) return n;
  }
  return wordEnd(text, k);
}

/** "3,000", "1.5%": digits, then one or more separator-and-digits groups, then maybe "%". 0 when not a number. */
function numberEnd(text: string, k: number): number {
  while (is(text, k, DIGIT)) k++;
  let groups = 0;
  while ((text.charCodeAt(k) === 46 || text.charCodeAt(k) === 44) && is(text, k + 1, DIGIT)) {
    k++;
    while (is(text, k, DIGIT)) k++;
    groups++;
  }
  if (groups === 0) return 0;
  return text.charCodeAt(k) === 37 ? k + 1 : k;
}

/** A word from its first letter or digit at `k`; -1 when a non-ASCII character could extend it. */
function wordEnd(text: string, k: number): number {
  k++;
  while (is(text, k, TAIL)) k++;
  if (nonAscii(text, k)) return -1;
  // Inner dotted parts ("U.S", "e.g"): a period before a letter, then letters and digits.
  while (text.charCodeAt(k) === 46) {
    if (nonAscii(text, k + 1)) return -1;
    if (!is(text, k + 1, LETTER)) return k + 1; // the final period
    k += 2;
    while (is(text, k, DIGIT | LETTER)) k++;
    if (nonAscii(text, k)) return -1;
  }
  return k;
}
