// Reads the noun phrase that names a speaker: "US Ambassador-designate to India Sergio Gor",
// "Secretary Bessent", "the Minister", "the International Energy Agency", "he".
import { ADVERBS, NOT_NAME_WORDS, ORG_WORDS, PLACE_WORDS, PRONOUNS, ROLE_WORDS, TITLE_WORDS } from './lexicon.ts';

export type Phrase =
  | { type: 'pronoun' }
  | { type: 'person'; name: string[]; role: string | null }
  | { type: 'description'; role: string }
  | { type: 'organisation'; name: string };

const CONNECTORS = new Set(['of', 'to', 'for', 'and', '&', 'the', 'on']);
const NAME_PARTICLES = new Set(['van', 'von', 'der', 'de', 'da', 'del', 'di', 'le', 'la', 'bin', 'al']);
const WORD = /^(?:@\w+|[\p{L}\p{N}][\p{L}\p{N}'’.&-]*)$/u;

const lower = (w: string) => w.toLowerCase().replace(/['’]s$/, '').replace(/\.$/, '');

const ROLE = 1, TITLE = 2, ORG = 4, PLACE = 8, NAME = 16, CAP = 32, INITIAL = 64;

/** What a word can be, worked out once per distinct word: the same words recur in every article. */
const classes = new Map<string, number>();
function classOf(w: string): number {
  let c = classes.get(w);
  if (c !== undefined) return c;
  const l = lower(w);
  c = 0;
  if (ROLE_WORDS.has(l) || l.split('-').some((p) => ROLE_WORDS.has(p))) c |= ROLE;
  if (TITLE_WORDS.has(l)) c |= TITLE;
  if (ORG_WORDS.has(l)) c |= ORG;
  if (PLACE_WORDS.has(l.replace(/\./g, '')) || /^\p{Lu}{2,}$/u.test(w.replace(/['’]s$/, ''))) c |= PLACE;
  if (/^(?:\p{Lu}|@)/u.test(w)) c |= CAP;
  if (/^\p{Lu}\.?$/u.test(w)) c |= INITIAL;
  if ((c & INITIAL || /^\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$/u.test(w)) && !(c & (ROLE | TITLE | ORG | PLACE)) && !NOT_NAME_WORDS.has(l)) c |= NAME;
  if (classes.size > 50_000) classes.clear();
  classes.set(w, c);
  return c;
}
const isCap = (w: string) => (classOf(w) & CAP) !== 0;
const isInitial = (w: string) => (classOf(w) & INITIAL) !== 0;
const isRole = (w: string) => (classOf(w) & ROLE) !== 0;
const isTitle = (w: string) => (classOf(w) & TITLE) !== 0;
const isOrg = (w: string) => (classOf(w) & ORG) !== 0;
const isPlace = (w: string) => (classOf(w) & PLACE) !== 0;
const isNameWord = (w: string) => (classOf(w) & NAME) !== 0;

const TAIL = 240;

/** The words of `text`, with commas kept as their own tokens. */
export function words(text: string): string[] {
  return text.replace(/[,;:]/g, ' , ').split(/\s+/).filter((w) => w.length > 0);
}

/**
 * The speaker phrase that ends `text` (the words just before a verb), or null when those words
 * name nobody ("The participants", "reports", a platform such as X).
 */
export function phraseBefore(text: string): Phrase | null {
  // A speaker's phrase, however long the role, lies in the last few dozen words.
  const tail = text.length > TAIL ? text.slice(text.length - TAIL) : text;
  const toks = words(tail.replace(/\([^)]*\)\s*$/, '').replace(/[.,;:]+\s*$/, ''));
  if (tail !== text) toks.shift(); // the first word may be cut
  while (toks.length && ADVERBS.has(toks[toks.length - 1]!.toLowerCase())) toks.pop();
  const last = toks[toks.length - 1];
  if (!last) return null;
  if (PRONOUNS.has(last.toLowerCase())) return { type: 'pronoun' };
  // "the minister", "The foreign secretary": a description in lower case.
  if (!isCap(last) && isRole(last)) {
    const role: string[] = [last];
    let i = toks.length - 2;
    while (i >= 0 && /^\p{Ll}+$/u.test(toks[i]!) && toks[i] !== 'the' && role.length < 3) role.unshift(toks[i--]!);
    if (i >= 0 && toks[i]!.toLowerCase() === 'the') return { type: 'description', role: role.join(' ') };
    return null;
  }
  // A capitalised run, allowing connectors inside it ("Minister for Railways, Information and Broadcasting").
  const run: string[] = [];
  for (let i = toks.length - 1; i >= 0; i--) {
    const w = toks[i]!;
    if (!WORD.test(w) && w !== ',') break;
    if (isCap(w)) { run.unshift(w); continue; }
    if (w === ',' || CONNECTORS.has(w) || NAME_PARTICLES.has(w)) {
      const prev = toks[i - 1];
      if (prev !== undefined && (isCap(prev) || prev === ',' || CONNECTORS.has(prev)) && run.length > 0) { run.unshift(w); continue; }
    }
    break;
  }
  return readRun(run);
}

function readRun(raw: string[]): Phrase | null {
  const run = [...raw];
  // Drop leading connectors, commas, sentence-start words and honorific-less determiners.
  while (run.length && (CONNECTORS.has(run[0]!.toLowerCase()) || run[0] === ',' || NOT_NAME_WORDS.has(lower(run[0]!)) && !isPlace(run[0]!))) run.shift();
  if (run.length === 0) return null;
  const handleOnly = run.length === 1 && run[0]!.startsWith('@');
  if (handleOnly) return null;

  // Possessive country before a role ("India's Union Minister") describes, it does not name.
  if (/['’]s$/.test(run[0]!) && run.slice(1).some(isRole)) run.shift();

  const roleAt = lastIndex(run, (w) => isRole(w) || isTitle(w));
  if (roleAt < 0) {
    if (run.some(isOrg) || run.every((w) => isPlace(w) || w === ',' || CONNECTORS.has(w))) {
      return { type: 'organisation', name: run.filter((w) => w !== ',').join(' ') };
    }
    const name = trailingName(run, 0);
    return name ? { type: 'person', name, role: null } : null;
  }

  const isHonorific = isTitle(run[roleAt]!);
  let nameFrom = roleAt + 1;
  // "Ambassador to India Sergio Gor": the role runs on through "to/of/for" and its place.
  if (nameFrom < run.length && ['to', 'of', 'for', 'on'].includes(run[nameFrom]!.toLowerCase())) {
    nameFrom++;
    while (nameFrom < run.length && !startsName(run, nameFrom)) nameFrom++;
  }
  const name = trailingName(run, nameFrom);
  const roleWords = ownRole(run.slice(0, nameFrom));
  const role = isHonorific ? null : cleanRole(roleWords);
  if (name) return { type: 'person', name, role };
  if (run.some(isOrg) && !isRole(run[run.length - 1]!)) return { type: 'organisation', name: run.join(' ') };
  return role ? { type: 'description', role } : null;
}

/**
 * The part of a comma-separated run that is this person's role. "Minister for Railways, Information and
 * Broadcasting, and Electronics" is one role; "…of the United States, John Jovanovic, and JP Morgan Managing
 * Director" lists other people, so only the part after the last name belongs to the person named next.
 */
function ownRole(ws: string[]): string[] {
  const segments: string[][] = [[]];
  for (const w of ws) {
    if (w === ',') segments.push([]);
    else segments[segments.length - 1]!.push(w);
  }
  let from = segments.length - 1;
  let hasRole = segments[from]!.some(isRole);
  while (from > 0) {
    const prev = segments[from - 1]!;
    const named = readRun(prev);
    // Stop at another person ("…, John Jovanovic, and JP Morgan Managing Director") or another role.
    if (prev.length === 0 || named?.type === 'person' || (hasRole && prev.some(isRole))) break;
    hasRole ||= prev.some(isRole);
    from--;
  }
  const kept = segments.slice(from).filter((seg) => seg.length > 0);
  const out = kept.flatMap((seg, i) => (i === 0 ? seg : [',', ...seg]));
  while (out.length && (CONNECTORS.has(out[0]!.toLowerCase()) || out[0] === ',')) out.shift();
  return out;
}

/** A name may start at `i` when every word from there to the end is a name word (at most two full words). */
function startsName(run: string[], i: number): boolean {
  const rest = run.slice(i);
  const full = rest.filter((w) => !isInitial(w) && !NAME_PARTICLES.has(w));
  return rest.length > 0 && rest.every((w) => isNameWord(w) || NAME_PARTICLES.has(w)) && full.length <= 2 && full.length >= 1;
}

/** The person name at the end of the run from `from` on: [First] [initials] Surname. */
function trailingName(run: string[], from: number): string[] | null {
  const tail = run.slice(from);
  if (tail.length === 0) return null;
  const name: string[] = [];
  let full = 0;
  for (let i = tail.length - 1; i >= 0; i--) {
    const w = tail[i]!;
    if (isInitial(w) || NAME_PARTICLES.has(w)) { if (full === 0) return null; name.unshift(w); continue; }
    if (!isNameWord(w) || full === 2) break;
    name.unshift(w);
    full++;
  }
  while (name.length && (isInitial(name[0]!) || NAME_PARTICLES.has(name[0]!))) name.shift();
  // A run of capitalised words that is not all name ("Information Technology Ashwini Vaishnaw") keeps its last two.
  return full > 0 ? name : null;
}

function cleanRole(ws: string[]): string | null {
  const text = ws.join(' ').replace(/\s+,/g, ',').replace(/^(?:the|The)\s+/, '').trim();
  return text.length > 0 && ws.some(isRole) ? text : null;
}

function lastIndex<T>(xs: T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i]!)) return i;
  return -1;
}

/** The role word a role phrase is headed by: "US Ambassador-designate to India" → "Ambassador". */
export function roleHead(role: string): string | null {
  const ws = role.split(/[\s,]+/);
  const at = lastIndex(ws, isRole);
  return at < 0 ? null : ws[at]!.split('-').find((p) => ROLE_WORDS.has(p.toLowerCase())) ?? ws[at]!;
}
