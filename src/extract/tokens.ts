// Words of one sentence with their offsets and what each word can be (a name, a role, a cue verb…), worked out
// once per distinct word: the same few thousand words recur in every article.
import { COUNTRY_WORDS, entityWords } from '../text/entity-words.ts';
import { withoutMarks } from '../text/normalize.ts';
import { nextWord } from '../text/word-scan.ts';
import {
  ADVERBS, ANONYMOUS, CAPITALS, CUE_VERBS, INTRO_WORDS, NAME_PARTICLES, NOT_NAME_WORDS, ORG_DESCRIPTIONS, ORG_NOUNS, PARTICIPLES, PERSON_PRONOUNS,
  ROLE_ABBREVIATIONS, ROLE_NOUNS, THING_PRONOUNS, TITLES,
} from './lexicon.ts';

export const CAP = 1, ROLE = 2, TITLE = 4, ORG = 8, COUNTRY = 16, NAME = 32, PARTICLE = 64, INITIAL = 128, CUE = 256,
  PARTICIPLE = 512, ADVERB = 1024, PRONOUN = 2048, ORG_DESC = 4096, ANON = 8192, ACRONYM = 16384, POSSESSIVE = 32768,
  PUNCT = 65536, LOWER = 131072, INTRO = 262144, PLACE = 524288,
  /** Only lower-case letters and hyphens ("trade", "state-owned"): the shape of a modifier. */
  LOWER_WORD = 1048576;

export interface Tok {
  text: string;
  /** Lowercased, possessive and trailing period removed. */
  lower: string;
  start: number;
  end: number;
  cls: number;
  /** Inside a quotation: words in quotation marks are never a speaker's name or a reporting verb. */
  quoted: boolean;
}

const ABBREV = /^(?:\p{Lu}|Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Rev|Hon|Inc|Ltd|Co|Corp|No|vs|etc)\.$|\.\p{L}+\.$/u;

const QUOTE_CHARS = new Set(['"', '\u201c', '\u201d', '\u2018', '\u2019']);

interface Known {
  /** The word as a token: a sentence-final period and a closing apostrophe are not part of it ("said.", "mind,'"). */
  text: string;
  cls: number;
  lower: string;
}

const memo = new Map<string, Known>();

/** What a matched word is as a token, worked out once per distinct spelling. */
function known(raw: string): Known {
  let k = memo.get(raw);
  if (k === undefined) {
    let word = raw;
    if (word.length > 1 && word.endsWith('.') && !ABBREV.test(word)) word = word.slice(0, -1);
    if (word.length > 2 && /['\u2019]$/u.test(word) && !/s['\u2019]$/u.test(word)) word = word.slice(0, -1);
    if (memo.size > 100_000) memo.clear();
    k = { text: word, cls: computeClass(word), lower: lowerOf(word) };
    memo.set(raw, k);
  }
  return k;
}

export function classOf(word: string): number {
  return known(word).cls;
}

function computeClass(word: string): number {
  let c = 0;
  if (/^[,;:()[\]\u2014\u2013"\u201c\u201d\u2018\u2019/-]$/u.test(word)) {
    c = PUNCT;
  } else {
    const possessive = /['\u2019]s$/u.test(word) || /s['\u2019]$/u.test(word);
    const bare = word.replace(/['\u2019]s$|['\u2019]$/u, '').replace(/\.$/, '');
    const l = bare.toLowerCase();
    if (possessive) c |= POSSESSIVE;
    if (/^[\p{Lu}@]/u.test(bare) || /^\p{Ll}+\p{Lu}/u.test(bare)) c |= CAP; // "iPhone", "eBay", "dtic" is not
    else c |= LOWER;
    if (/^\p{Lu}$/u.test(bare)) c |= INITIAL;
    if (/^[\p{Ll}-]+$/u.test(word)) c |= LOWER_WORD;
    if (/^\p{Lu}[\p{Lu}\p{N}&.]+$/u.test(bare) && bare.length <= 8) c |= ACRONYM;
    const parts = l.split('-');
    if (ROLE_NOUNS.has(l) || parts.some((p) => ROLE_NOUNS.has(p) && p.length > 2)) c |= ROLE;
    // "Rep. Kim Min-seo", "Sen. Ortiz", "Gov. Hale": an abbreviated office is a role only with its full stop.
    if (word.endsWith('.') && ROLE_ABBREVIATIONS.has(l)) c |= ROLE;
    if (TITLES.has(l)) c |= TITLE;
    if (ORG_NOUNS.has(l)) c |= ORG;
    if (ORG_DESCRIPTIONS.has(l)) c |= ORG_DESC;
    if (ANONYMOUS.has(l)) c |= ANON;
    if (NAME_PARTICLES.has(l)) c |= PARTICLE;
    if (CUE_VERBS.has(l)) c |= CUE;
    if (PARTICIPLES.has(l)) c |= PARTICIPLE;
    if (ADVERBS.has(l)) c |= ADVERB;
    if (INTRO_WORDS.has(l)) c |= INTRO;
    if (PERSON_PRONOUNS.has(l) || THING_PRONOUNS.has(l) || l === 'they') c |= PRONOUN;
    // "Germán" is a given name, not "German": an accent the demonym does not have makes it no country word.
    const accented = /[^\u0000-\u007f]/u.test(bare) && /(?:an|ese|ian|ish)$/u.test(withoutMarks(l));
    if (!accented && entityWords(bare).some((w) => COUNTRY_WORDS.has(w)) && entityWords(bare).length === 1) c |= COUNTRY;
    const nameShaped = (c & INITIAL) !== 0 || /^\p{Lu}[\p{L}\p{M}'\u2019-]*\p{Ll}[\p{L}\p{M}'\u2019-]*$/u.test(bare) || /^\p{Lu}\p{Ll}*(?:-\p{Lu}?\p{Ll}+)+$/u.test(bare);
    // "Beijing said": a government by its capital; alone, never a person ("Lima" in a longer name still is a name).
    if (CAPITALS.has(l)) c |= PLACE;
    // "Copenhagen-listed", "Dubai-based", "state-owned": a modifier, never a name.
    const placeModifier = /-(?:based|listed|owned|backed|led|born|headquartered|registered|made|focused|linked|run|controlled|funded|bound|born|era|style|wide|friendly|leaning|aligned|allied|brokered)$/.test(l);
    if (nameShaped && !placeModifier && !(c & (ROLE | TITLE | ORG | COUNTRY | CUE | PARTICIPLE | ANON)) && !NOT_NAME_WORDS.has(l)) c |= NAME;
    // "al-Qahtani", "el-Sisi": an Arabic surname with its article in lower case is as capitalised as any name.
    if (/^(?:al|el|ul|ad|ar|as|ash|at|az|bin|ibn|abu)-\p{Lu}\p{Ll}/u.test(bare) && !(c & (ROLE | ORG | COUNTRY))) c = (c & ~LOWER) | CAP | NAME;
  }
  return c;
}

/** The words of `text[from, to)`, each flagged when it lies inside one of the quotation spans. */
export function tokenize(text: string, from: number, to: number, quoted: { start: number; end: number }[]): Tok[] {
  const out: Tok[] = [];
  let q = 0;
  // Words as text/word-scan.ts finds them; a number with separators ("3,000", "$1,200.50") is one word, so its
  // comma is never a clause's.
  for (let start = nextWord(text, from, to, END); start >= 0; start = nextWord(text, END.at, to, END)) {
    const { text: word, cls, lower } = known(text.slice(start, END.at < to ? END.at : to));
    while (q < quoted.length && quoted[q]!.end <= start) q++;
    const inQuote = q < quoted.length && quoted[q]!.start <= start && start < quoted[q]!.end;
    out.push({ text: word, lower, start, end: start + word.length, cls, quoted: inQuote && !(cls & PUNCT && QUOTE_CHARS.has(word)) });
  }
  return out;
}
const END = { at: 0 };

function lowerOf(word: string): string {
  return word.replace(/['\u2019]s$|['\u2019]$/u, '').replace(/\.$/, '').toLowerCase();
}

export const has = (t: Tok | undefined, cls: number): boolean => t !== undefined && (t.cls & cls) !== 0;
export const isWord = (t: Tok | undefined): boolean => t !== undefined && (t.cls & PUNCT) === 0 && !t.quoted;

const NOUN_MARKERS = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'our', 'my', 'this', 'that', 'these', 'those', 'in', 'on']);

/** Reporting verbs that are also nouns ("a Facebook post"); "the Treasury said" stays a verb. */
const NOUN_CUES = new Set(['post', 'posts', 'tweet', 'tweets', 'message', 'statement', 'note', 'letter', 'interview', 'report', 'comment', 'comments', 'remarks', 'video', 'release', 'update', 'address', 'speech']);

/** A reporting verb used as a verb, not a noun of the same spelling ("in a post", "the report", "his comments"). */
export function isCue(toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (!t || t.quoted || !(t.cls & CUE)) return false;
  const before = toks[i - 1];
  // "in a Facebook post", "the Truth Social post": a name between the article and the noun.
  const twoBack = before && (before.cls & CAP) !== 0 && NOUN_CUES.has(t.lower) ? toks[i - 2] : undefined;
  return !(before && (NOUN_MARKERS.has(before.lower) || (before.cls & POSSESSIVE) !== 0 || (twoBack && ['a', 'an', 'the', 'his', 'her', 'its', 'their'].includes(twoBack.lower))));
}
