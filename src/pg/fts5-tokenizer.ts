// The words SQLite's FTS5 makes of a text with tokenize='porter unicode61 remove_diacritics 2' (the SQLite index's
// tokenizer), computed the way SQLite computes them: the PostgreSQL index stores these words, so both backends
// match the same rows for the same query and rank them with the same statistics. PostgreSQL's own 'english'
// configuration (snowball stemmer, stop words, a parser that keeps "3.5" or "de-risking" whole) would match other
// rows; the parity test measures that the two backends agree.
import { BLOCK, DATA, DIA, DIA_CHAR, FOLD, FOLD_OFFSET, MAP } from './unicode61-tables.ts';

/** Categories unicode61 takes as part of a word ("L* N* Co"; 0, outside every range, counts too, as in SQLite). */
const WORD_CATEGORIES = new Set([0, 5, 6, 7, 8, 9, 13, 14, 15, 30, 31]);
/** Longer words (in UTF-8 bytes) are indexed unstemmed, as are words shorter than 3 bytes. */
const PORTER_MAX = 64;

/** The words of `text`, in order (repeats included): what FTS5 indexes for it and counts as its length. */
export function ftsTokens(text: string): string[] {
  const out: string[] = [];
  eachFtsToken(text, (w) => out.push(w));
  return out;
}

/** Calls `f` with each word of `text` in order (no array is built: indexing a paragraph only counts and places them). */
export function eachFtsToken(text: string, f: (word: string) => void): void {
  // A word of ASCII letters and digits (most of them) is cut out of the text in one piece; one with other
  // characters is built character by character, folded.
  let start = -1; // where the current word began; -1: between words
  let built: string | null = null; // the word so far, once it has a character that is not ASCII
  let upper = false;
  const end = (at: number) => {
    if (built === null) {
      const w = text.slice(start, at);
      f(porter(upper ? w.toLowerCase() : w));
    } else {
      f(porter(built));
    }
    start = -1;
    built = null;
    upper = false;
  };
  for (let i = 0; i < text.length; ) {
    const at = i;
    let c = text.codePointAt(i)!;
    i += c > 0xffff ? 2 : 1;
    // What a JavaScript string holds but UTF-8 cannot (a lone surrogate) reaches SQLite as U+FFFD, as do U+FFFE/F.
    if ((c >= 0xd800 && c <= 0xdfff) || (c & 0xfffffffe) === 0xfffe) c = 0xfffd;
    if (c < 0x80) {
      const isUpper = c >= 0x41 && c <= 0x5a;
      if (isUpper || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) {
        if (start < 0) start = at;
        if (built !== null) built += String.fromCharCode(isUpper ? c + 32 : c);
        else if (isUpper) upper = true;
        continue;
      }
    } else if (isWordChar(c) || (start >= 0 && isDiacritic(c))) {
      if (start < 0) start = at;
      if (built === null) built = upper ? text.slice(start, at).toLowerCase() : text.slice(start, at);
      const folded = fold(c);
      if (folded) built += String.fromCodePoint(folded);
      continue;
    }
    if (start >= 0) end(at);
  }
  if (start >= 0) end(text.length);
}

/** sqlite3Fts5UnicodeCategory, and whether unicode61 keeps the category in words. */
function isWordChar(c: number): boolean {
  if (c >= 1 << 20) return WORD_CATEGORIES.has(0);
  let lo = BLOCK[c >> 16]!;
  let hi = BLOCK[(c >> 16) + 1]!;
  const key = c & 0xffff;
  let res = -1;
  while (hi > lo) {
    const mid = (hi + lo) >> 1;
    if (key >= MAP[mid]!) {
      res = mid;
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  let category = 0;
  if (res >= 0 && key < MAP[res]! + (DATA[res]! >> 5)) {
    category = DATA[res]! & 0x1f;
    if (category === 30) category = (key - MAP[res]!) & 1 ? 5 : 9;
  }
  return WORD_CATEGORIES.has(category);
}

/** sqlite3Fts5UnicodeIsdiacritic: combining marks kept inside a word (and folded away). */
function isDiacritic(c: number): boolean {
  if (c < 768 || c > 817) return false;
  return c < 800 ? (0x08029fdf & (1 << (c - 768))) !== 0 : (0x000361f8 & (1 << (c - 800))) !== 0;
}

/** sqlite3Fts5UnicodeFold with remove_diacritics 2: lower case, without diacritics (0: dropped). */
function fold(c: number): number {
  if (c < 128) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  if (c < 65536) {
    let lo = 0;
    let hi = FOLD.length - 1;
    let res = -1;
    while (hi >= lo) {
      const mid = (hi + lo) >> 1;
      if (c - FOLD[mid]![0] >= 0) {
        res = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    let ret = c;
    const [code, flags, range] = FOLD[res]!;
    if (c < code + range && (0x01 & flags & (code ^ c)) === 0) ret = (c + FOLD_OFFSET[flags >> 1]!) & 0xffff;
    return removeDiacritic(ret);
  }
  if (c >= 66560 && c < 66600) return c + 40;
  return c;
}

/** fts5_remove_diacritic, "complex" diacritics included. */
function removeDiacritic(c: number): number {
  const key = ((c << 3) | 7) >>> 0;
  let lo = 0;
  let hi = DIA.length - 1;
  let res = 0;
  while (hi >= lo) {
    const mid = (hi + lo) >> 1;
    if (key >= DIA[mid]!) {
      res = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return c > (DIA[res]! >> 3) + (DIA[res]! & 7) ? c : DIA_CHAR[res]! & 0x7f;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Stems already computed: news reuses a vocabulary of tens of thousands of words (bounded like keyWords'). */
const stems = new Map<string, string>();
const MAX_STEMS = 100_000;

/** FTS5's Porter stemmer (fts5PorterCb), over the word's UTF-8 bytes as SQLite runs it. */
export function porter(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    if (stems.size >= MAX_STEMS) stems.clear();
    stemmed = stemWord(word);
    stems.set(word, stemmed);
  }
  return stemmed;
}

function stemWord(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 0x80) ascii = false;
  const bytes = ascii ? Uint8Array.from(word, (ch) => ch.charCodeAt(0)) : encoder.encode(word);
  if (bytes.length > PORTER_MAX || bytes.length < 3) return word;
  const buf = new Uint8Array(bytes.length + 8);
  buf.set(bytes);
  const n = stem(buf, bytes.length);
  const out = buf.subarray(0, n);
  return ascii ? String.fromCharCode(...out) : decoder.decode(out);
}

const A = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
const vowel = (c: number, yIsVowel: boolean) => c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || (yIsVowel && c === 121);

/** fts5PorterGobbleVC: the length of the leading (consonants) vowels consonant(s), or 0. */
function gobbleVC(z: Uint8Array, from: number, n: number, prevCons: boolean): number {
  let cons = prevCons;
  let i = 0;
  for (; i < n; i++) if (!(cons = !vowel(z[from + i]!, cons))) break;
  for (i++; i < n; i++) if ((cons = !vowel(z[from + i]!, cons))) return i + 1;
  return 0;
}
const mGt0 = (z: Uint8Array, n: number) => gobbleVC(z, 0, n, false) > 0;
function mGt1(z: Uint8Array, n: number): boolean {
  const k = gobbleVC(z, 0, n, false);
  return k > 0 && gobbleVC(z, k, n - k, true) > 0;
}
function mEq1(z: Uint8Array, n: number): boolean {
  const k = gobbleVC(z, 0, n, false);
  return k > 0 && gobbleVC(z, k, n - k, true) === 0;
}
function oStar(z: Uint8Array, n: number): boolean {
  const last = z[n - 1];
  if (last === 119 || last === 120 || last === 121) return false;
  let mask = 0;
  let cons = false;
  for (let i = 0; i < n; i++) {
    cons = !vowel(z[i]!, cons);
    mask = ((mask << 1) + (cons ? 1 : 0)) | 0;
  }
  return (mask & 7) === 5;
}
const mGt1ST = (z: Uint8Array, n: number) => (z[n - 1] === 115 || z[n - 1] === 116) && mGt1(z, n);
function hasVowel(z: Uint8Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (vowel(z[i]!, i > 0)) return true;
  return false;
}

type Cond = ((z: Uint8Array, n: number) => boolean) | null;
/** [suffix, condition on the stem, replacement, whether a match sets the "step 1b applied" flag]. */
type Rule = [Uint8Array, Cond, Uint8Array, boolean];
const rule = (suffix: string, cond: Cond, out = '', flag = false): Rule => [A(suffix), cond, A(out), flag];

// Each group is one of SQLite's generated switch statements: the rules for words whose next-to-last letter is the
// key, tried in order; the first whose suffix matches decides (its condition may still leave the word as it is).
const STEP1B: Record<string, Rule[]> = {
  e: [rule('eed', mGt0, 'ee'), rule('ed', hasVowel, '', true)],
  n: [rule('ing', hasVowel, '', true)],
};
const STEP1B2: Record<string, Rule[]> = { a: [rule('at', null, 'ate', true)], b: [rule('bl', null, 'ble', true)], i: [rule('iz', null, 'ize', true)] };
const STEP2: Record<string, Rule[]> = {
  a: [rule('ational', mGt0, 'ate'), rule('tional', mGt0, 'tion')],
  c: [rule('enci', mGt0, 'ence'), rule('anci', mGt0, 'ance')],
  e: [rule('izer', mGt0, 'ize')],
  g: [rule('logi', mGt0, 'log')],
  l: [rule('bli', mGt0, 'ble'), rule('alli', mGt0, 'al'), rule('entli', mGt0, 'ent'), rule('eli', mGt0, 'e'), rule('ousli', mGt0, 'ous')],
  o: [rule('ization', mGt0, 'ize'), rule('ation', mGt0, 'ate'), rule('ator', mGt0, 'ate')],
  s: [rule('alism', mGt0, 'al'), rule('iveness', mGt0, 'ive'), rule('fulness', mGt0, 'ful'), rule('ousness', mGt0, 'ous')],
  t: [rule('aliti', mGt0, 'al'), rule('iviti', mGt0, 'ive'), rule('biliti', mGt0, 'ble')],
};
const STEP3: Record<string, Rule[]> = {
  a: [rule('ical', mGt0, 'ic')],
  s: [rule('ness', mGt0)],
  t: [rule('icate', mGt0, 'ic'), rule('iciti', mGt0, 'ic')],
  u: [rule('ful', mGt0)],
  v: [rule('ative', mGt0)],
  z: [rule('alize', mGt0, 'al')],
};
const STEP4: Record<string, Rule[]> = {
  a: [rule('al', mGt1)],
  c: [rule('ance', mGt1), rule('ence', mGt1)],
  e: [rule('er', mGt1)],
  i: [rule('ic', mGt1)],
  l: [rule('able', mGt1), rule('ible', mGt1)],
  n: [rule('ant', mGt1), rule('ement', mGt1), rule('ment', mGt1), rule('ent', mGt1)],
  o: [rule('ion', mGt1ST), rule('ou', mGt1)],
  s: [rule('ism', mGt1)],
  t: [rule('ate', mGt1), rule('iti', mGt1)],
  u: [rule('ous', mGt1)],
  v: [rule('ive', mGt1)],
  z: [rule('ize', mGt1)],
};

/** Applies the first matching rule of the step; returns the new length and whether a flagged rule fired. */
function apply(step: Record<string, Rule[]>, z: Uint8Array, n: number): [number, boolean] {
  const rules = n >= 2 ? step[String.fromCharCode(z[n - 2]!)] : undefined;
  for (const [suffix, cond, out, flag] of rules ?? []) {
    // SQLite requires the word to be longer than the suffix.
    if (n <= suffix.length || !endsWith(z, n, suffix)) continue;
    const stemLen = n - suffix.length;
    if (cond && !cond(z, stemLen)) return [n, false];
    z.set(out, stemLen);
    return [stemLen + out.length, flag];
  }
  return [n, false];
}

function endsWith(z: Uint8Array, n: number, suffix: Uint8Array): boolean {
  for (let i = 0; i < suffix.length; i++) if (z[n - suffix.length + i] !== suffix[i]) return false;
  return true;
}

/** fts5PorterCb on z[0..n): the stemmed length. */
function stem(z: Uint8Array, n: number): number {
  // Step 1a.
  if (z[n - 1] === 115) {
    if (z[n - 2] === 101) {
      if ((n > 4 && z[n - 4] === 115 && z[n - 3] === 115) || (n > 3 && z[n - 3] === 105)) n -= 2;
      else n -= 1;
    } else if (z[n - 2] !== 115) {
      n -= 1;
    }
  }
  // Step 1b.
  let fired: boolean;
  [n, fired] = apply(STEP1B, z, n);
  if (fired) {
    let again: boolean;
    [n, again] = apply(STEP1B2, z, n);
    if (!again) {
      const c = z[n - 1]!;
      if (!vowel(c, false) && c !== 108 && c !== 115 && c !== 122 && c === z[n - 2]) n--;
      else if (mEq1(z, n) && oStar(z, n)) z[n++] = 101;
    }
  }
  // Step 1c.
  if (z[n - 1] === 121 && hasVowel(z, n - 1)) z[n - 1] = 105;
  // Steps 2 to 4.
  [n] = apply(STEP2, z, n);
  [n] = apply(STEP3, z, n);
  [n] = apply(STEP4, z, n);
  // Step 5a.
  if (z[n - 1] === 101 && (mGt1(z, n - 1) || (mEq1(z, n - 1) && !oStar(z, n - 1)))) n--;
  // Step 5b.
  if (n > 1 && z[n - 1] === 108 && z[n - 2] === 108 && mGt1(z, n - 1)) n--;
  return n;
}
