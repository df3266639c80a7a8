// What the mention readers share: the shape of a mention, and the word tests they all use (is this a name
// word, a modifier, a place, a determiner).
import { ANONYMOUS, GENERIC_ROLES, NOT_PERSON_FIRST, NOT_PERSON_LAST, PLACE_NAMES, PORTFOLIOS, ROLE_ADJECTIVES } from './lexicon.ts';
import { withoutMarks } from '../text/normalize.ts';
import { CAP, has, INITIAL, LOWER, LOWER_WORD, NAME, PARTICLE, ROLE, type Tok } from './tokens.ts';

export type Mention =
  | { type: 'pronoun'; word: string }
  | { type: 'person'; name: string[]; role: string | null; title: string | null; possessor: string | null; single: boolean }
  | { type: 'organisation'; name: string; role: string | null }
  | { type: 'description'; head: string; modifiers: string[]; text: string; possessor: string | null; org: boolean; definite: boolean }
  | { type: 'relative'; antecedent: Mention | null }
  | { type: 'anonymous'; text: string };

export interface Read {
  mention: Mention;
  /** Token indices the phrase covers, [from, to). */
  from: number;
  to: number;
}

export const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'this', 'that', 'our']);

export const CONNECTORS = new Set(['of', 'for', 'to', 'and', '&', 'on']);

export const PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'via', 'through', 'from', 'with', 'upon', 'following', 'over', 'since', 'to', 'while', 'when']);

export const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'week',
  'month', 'year', 'day', 'night', 'morning', 'afternoon', 'evening', 'last', 'this', 'earlier', 'later', 'weekend',
]);

const MALE = new Set(['mr', 'sir', 'lord', 'prince', 'king', 'sheikh', 'monsieur', 'herr', 'senor', 'father', 'brother', 'mister', 'his']);

const FEMALE = new Set(['mrs', 'ms', 'miss', 'dame', 'lady', 'princess', 'queen', 'sheikha', 'madam', 'madame', 'frau', 'senora', 'sister', 'datin', 'puan', 'hajjah', 'smt']);

/** "Mr", "Dame": the gender an honorific gives, if any. */
export function genderOfTitle(title: string | null): 'm' | 'f' | null {
  if (!title) return null;
  const t = title.toLowerCase().replace(/\.$/, '');
  return MALE.has(t) ? 'm' : FEMALE.has(t) ? 'f' : null;
}

/** Month names that are also names ("Theresa May", "Liu Jun"): a name only after another name word. */
export const MONTH_NAMES = new Set(['may', 'jun', 'june', 'april', 'august']);

export const nameWord = (t: Tok | undefined, prevIsRoleOrCap = false) =>
  t !== undefined && !t.quoted && (has(t, NAME | INITIAL) || (t.text === 'He' && prevIsRoleOrCap) || (has(t, PARTICLE) && t.text !== 'He') || (prevIsRoleOrCap && has(t, CAP) && MONTH_NAMES.has(t.lower)));

/** Past participles that belong to a title ("retired general", "newly appointed minister"). */
const TITLE_PARTICIPLES = new Set(['retired', 'elected', 'designated', 'appointed', 'embattled', 'ousted', 'jailed', 'exiled', 'detained', 'indicted', 'sacked', 'fired', 'disgraced', 'newly-appointed', 'newly-elected', 'unelected', 're-elected', 'exiled']);

/** A verb in the past before a title ("Xinhua quoted Premier Li Qiang"): it ends a speaker phrase, never joins one. */
export const pastVerb = (t: Tok) => /ed$/.test(t.lower) && !TITLE_PARTICIPLES.has(t.lower) && !ROLE_ADJECTIVES.has(t.lower) && !PORTFOLIOS.has(t.lower);

export const isModifier = (w: Tok) => has(w, LOWER) && has(w, LOWER_WORD) && !PREPOSITIONS.has(w.lower) && !DETERMINERS.has(w.lower) && w.lower !== 'and';

export function findBack(toks: Tok[], i: number, text: string): number {
  for (let k = i; k >= 0 && i - k < 20; k--) if (toks[k]!.text === text) return k;
  return -1;
}

/** Words that make a capitalised phrase a place, an event or a firm rather than a person. */
export const notPerson = (name: Tok[]) => name.length > 1 && !koreanGiven(name) && (NOT_PERSON_LAST.has(name[name.length - 1]!.lower) || NOT_PERSON_FIRST.has(name[0]!.lower) || endsInPlace(name));

/** "Hye-jin Park", "Ji-won Lee": a Korean given name first, so "Park" is a family name, not a park. */
const koreanGiven = (name: Tok[]) => name.length === 2 && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(name[0]!.text);

/** "Viet Nam", "Will Viet Nam": a name ending in a place of several words. */
const endsInPlace = (name: Tok[]) => [2, 3, 4].some((n) => n <= name.length && PLACE_NAMES.has(name.slice(-n).map((w) => plain(w.lower)).join(' ')));

const plain = (w: string) => withoutMarks(w).replace(/['\u2019]s$/u, '');

export const fullWords = (ws: Tok[]) => ws.filter((w) => !has(w, INITIAL | PARTICLE) || w.text === 'Al' || w.text === 'El').length;

export const nameText = (t: Tok) => t.text.replace(/['\u2019]s$/u, '');

/** Tokens back to text: "Minister of Trade, Industry and Competition". */
export function joinTokens(toks: Tok[]): string {
  let out = '';
  for (const t of toks) {
    if (t.text === ',' || t.text === ')') out += t.text;
    else if (out.endsWith('(')) out += t.text;
    else out += (out ? ' ' : '') + t.text;
  }
  return out.replace(/['\u2019]s$/u, '');
}

/**
 * "the lawmaker", "the official": a definite singular of a role refers back to someone just named (when no
 * unnamed one spoke before: see the resolver); "the source" and plurals stay anonymous.
 */
export function backReference(det: string | null, head: Tok): boolean {
  return det === 'the' && has(head, ROLE) && (!GENERIC_ROLES.has(head.lower) || head.lower === 'official') && !/s$/.test(head.lower);
}

export const SPOKES = new Set(['spokesperson', 'spokesman', 'spokeswoman']);

/** Is the word at `i` part of an anonymous plural ("officials said")? */
export function anonymousWord(t: Tok | undefined): boolean {
  return t !== undefined && ANONYMOUS.has(t.lower);
}
