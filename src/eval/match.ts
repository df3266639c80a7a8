// The comparisons the attribution scorer rests on: a quote's words, how much of one quote another covers, and
// whether an extracted speaker name is the gold speaker. Pure functions; the rules are spelt out in score.ts.
import { acronymOf, COUNTRY_WORDS, entityWords } from '../text/entity-words.ts';

/** NFKC, curly quotes straight, lowercase; tokens are runs of letters or digits. */
export function words(text: string): string[] {
  const t = text.normalize('NFKC').replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"').toLowerCase();
  return t.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Length of the longest common subsequence of two token lists (two rows: quotes are short, pairs are few). */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

/** The share of a quote's words, in order, that must be covered for it to count as found. */
export const COVERAGE = 0.6;

/** True when `common` shared words are at least 60% of `total` (integers, so 3 of 5 is exactly enough). */
export function enough(common: number, total: number): boolean {
  return total > 0 && common > 0 && common * 5 >= total * 3;
}

// ---- speakers ----

/** Forms of address, not names: "Prince Abdulaziz bin Salman" is "Abdulaziz bin Salman". */
const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'prince', 'princess',
  'sheikh', 'sheikha', 'shaikh', 'emir', 'tengku', 'tunku', 'datuk', 'dato', 'datin', 'seri', 'haji', 'hajjah',
  'hon', 'honourable', 'honorable', 'rev', 'reverend', 'shri', 'smt', 'monsieur', 'madame', 'herr', 'frau',
]);

/**
 * Words that make a name a group, a body or a description rather than one person ("Lula's advisors", "a source
 * close to the discussions"): the surname rule does not apply to those.
 */
const GROUP_WORDS = new Set([
  'ministry', 'government', 'governments', 'department', 'company', 'agency', 'office', 'commission', 'council',
  'committee', 'bureau', 'authority', 'administration', 'coalition', 'advisors', 'advisers', 'aides', 'officials',
  'official', 'source', 'sources', 'spokesperson', 'spokesman', 'spokeswoman', 'news', 'reporter', 'reporters',
  'group', 'party', 'union', 'association', 'bank', 'corporation', 'inc', 'ltd', 'plc', 'foundation', 'institute',
  'university', 'embassy', 'parliament', 'congress', 'senate', 'court', 'statement', 'newspaper', 'team', 'board',
]);

/** Too generic to identify an organisation alone: "the ministry said" could be any ministry. */
const GENERIC = new Set([...GROUP_WORDS, 'minister', 'president', 'secretary', 'spokesperson', 'chair', 'ceo', 'officer', 'house', 'state', 'people', 'country', 'countries']);

interface NameParts {
  /** Person-name tokens: accents stripped, lowercase, punctuation as space, honorifics and (…) dropped. */
  tokens: string[];
  /** Organisation words (entityWords: "Chinese" → "china"), honorifics dropped, plus a parenthesised short name. */
  entity: Set<string>;
  /** Short names given in parentheses ("(Mofcom)", "(MITI)") and the initials of a long name ("ecb"). */
  acronyms: Set<string>;
  /** Words that only own the rest ("China" in "China's Ministry of Commerce", "Lula" in "Lula's advisors"). */
  possessors: string[];
  group: boolean;
}

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/\u2019/g, "'");

function nameParts(name: string): NameParts {
  const folded = fold(name);
  const short = new Set<string>();
  // A parenthesised single capitalised word is the body's short name; "(unnamed)" and "(reporter)" are notes.
  for (const m of folded.matchAll(/\(([^)]*)\)/g)) {
    const inner = m[1]!.trim();
    if (/^\p{Lu}[\p{L}\p{N}.&-]*$/u.test(inner)) short.add(inner.toLowerCase().replace(/[.&-]/g, ''));
  }
  const bare = folded.replace(/\([^)]*\)/g, ' ');
  // Initials only stand for the whole name ("ECB"), never as one of its words.
  const initials = acronymOf(bare);
  const acronyms = new Set(initials ? [...short, initials] : short);
  const lower = bare.toLowerCase();
  const possessors = [...lower.matchAll(/([\p{L}\p{N}]+)'s\b/gu)].map((m) => m[1]!);
  let tokens: string[] = lower.replace(/'s\b/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
  tokens = tokens.filter((t, i) => !HONORIFICS.has(t) && !(t === 'tan' && tokens[i + 1] === 'sri') && !(t === 'sri' && tokens[i - 1] === 'tan'));
  const entity = new Set(entityWords(bare).filter((w) => !HONORIFICS.has(w)));
  for (const a of short) entity.add(a);
  const group = short.size > 0 || tokens.some((t) => GROUP_WORDS.has(t));
  return { tokens, entity, acronyms, possessors, group };
}

/** True when `inner` occurs as a contiguous run inside `outer`. */
function containsRun(outer: string[], inner: string[]): boolean {
  if (!inner.length || inner.length > outer.length) return false;
  outer: for (let i = 0; i + inner.length <= outer.length; i++) {
    for (let j = 0; j < inner.length; j++) if (outer[i + j] !== inner[j]) continue outer;
    return true;
  }
  return false;
}

/** Edit distance, for spellings of one name ("Esmaeil" / "Esmail"); names are short, so the plain table. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** First names of one person: equal, an initial or short form ("J", "Jon" for "Jonathan"), or a respelling. */
function compatibleGiven(x: string, y: string): boolean {
  return x.startsWith(y) || y.startsWith(x) || (Math.min(x.length, y.length) >= 5 && editDistance(x, y) <= 2);
}

/**
 * Persons: one name inside the other ("de Guindos" in "Luis de Guindos", "Lula" in "Luiz Inacio Lula da Silva"),
 * or the same surname with compatible first names: "Donald Trump" and "Melania Trump" share a surname but are
 * two people, as are "Abdulaziz bin Salman" and "Mohammed bin Salman"; "Esmail Baghaei" is "Esmaeil Baghaei".
 */
function samePerson(a: string[], b: string[]): boolean {
  if (!a.length || !b.length) return false;
  if (containsRun(a, b) || containsRun(b, a)) return true;
  return a[a.length - 1] === b[b.length - 1] && compatibleGiven(a[0]!, b[0]!);
}

/** Organisations: every word of the smaller among the larger's, and the smaller not just a generic word. */
function sameOrganisation(a: NameParts, b: NameParts): boolean {
  const [small, large] = a.entity.size <= b.entity.size ? [a, b] : [b, a];
  if (!small.entity.size) return false;
  for (const w of small.entity) if (!large.entity.has(w)) return false;
  if (small.entity.size >= 2 || small.entity.size === large.entity.size) return true; // the same words: "Oman" and "Oman (government)"
  const only = [...small.entity][0]!;
  if (GENERIC.has(only) || COUNTRY_WORDS.has(only)) return false;
  // "Lula" is not "Lula's advisors", "China" is not "China's Ministry of Commerce".
  return !onlyPossessor(large, only);
}

/** True when `word` appears in the name only as an owner ("lula" in "lula's advisors"). */
function onlyPossessor(parts: NameParts, word: string): boolean {
  const owned = parts.possessors.filter((p) => p === word).length;
  return owned > 0 && parts.tokens.filter((t) => t === word).length <= owned;
}

/** A name that is one word and the other's short name: "Mofcom" for "…Ministry of Commerce (Mofcom) spokesperson". */
function sameAcronym(a: NameParts, b: NameParts): boolean {
  const one = (p: NameParts) => (p.tokens.length === 1 ? p.tokens[0]! : null);
  const [x, y] = [one(a), one(b)];
  return (x !== null && b.acronyms.has(x)) || (y !== null && a.acronyms.has(y));
}

/**
 * Whether an extracted speaker name names the gold speaker. Gold speakers are not labelled person or
 * organisation, so both rules are tried; the person rule only between two names that both read as one person.
 * `extractedKind`, when known, keeps the person rule off for a speaker the extractor calls an organisation.
 */
export function sameSpeaker(extractedName: string, goldName: string, extractedKind?: 'person' | 'organisation'): boolean {
  const a = nameParts(extractedName);
  const b = nameParts(goldName);
  if (extractedKind !== 'organisation' && !a.group && !b.group && samePerson(a.tokens, b.tokens)) return true;
  return sameOrganisation(a, b) || sameAcronym(a, b);
}
