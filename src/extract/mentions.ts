// Reads the noun phrase that names a speaker, on either side of a reporting verb: "US Treasury Secretary Scott
// Bessent", "EU trade commissioner Maros Sefcovic", "Kim Yongbeom, the Blue House Policy Chief,", "the minister",
// "its energy minister", "the Mofcom spokesperson", "China's Ministry of Commerce", "he", "who" (→ the name before).
// Written by hand: names, roles and organisations are told apart by their shape and the lexicon, which is fast and
// predictable; a tagger (compromise) was measured and missed most non-Western names (see README).
import { ANONYMOUS, COMPANY_LAST, EMPTY_MODIFIERS, GENERIC_ROLES, NOT_PERSON_FIRST, NOT_PERSON_LAST, PLACE_NAMES, PORTFOLIOS, ROLE_ADJECTIVES } from './lexicon.ts';
import {
  ACRONYM, ADVERB, ANON, CAP, COUNTRY, CUE, INITIAL, INTRO, LOWER, NAME, ORG, ORG_DESC, PARTICIPLE, PARTICLE, POSSESSIVE, PRONOUN,
  PLACE, PUNCT, ROLE, TITLE, has, type Tok,
} from './tokens.ts';

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

const PLACE_ROLES = new Set(['mp', 'mla', 'mep', 'senator', 'congressman', 'congresswoman', 'lawmaker', 'councillor', 'councilor', 'legislator', 'candidate']);
const MULTIWORD_HEADS = new Set(['state', 'government', 'staff', 'mission', 'delegation', 'cabinet']);
/** Nouns whose possessive makes a definite description: "the country's trade minister", "the group's chief". */
const POSSESSOR_NOUNS = new Set(['country', 'nation', 'bloc', 'company', 'firm', 'group', 'bank', 'government', 'ministry', 'state', 'kingdom', 'union', 'party', 'region', 'province', 'city', 'organisation', 'organization', 'agency', 'alliance', 'coalition', 'club', 'carmaker', 'chipmaker', 'lender', 'island', 'territory', 'republic', 'federation', 'cartel', 'fund', 'board', 'council', 'commission', 'institute', 'industry', 'sector']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'this', 'that', 'our']);
const CONNECTORS = new Set(['of', 'for', 'to', 'and', '&', 'on']);
const PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'via', 'through', 'from', 'with', 'upon', 'following', 'over', 'since', 'to', 'while', 'when']);
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'week',
  'month', 'year', 'day', 'night', 'morning', 'afternoon', 'evening', 'last', 'this', 'earlier', 'later', 'weekend',
]);
const WORK_NOUNS = new Set(['report', 'reports', 'statement', 'analysis', 'study', 'survey', 'article', 'story', 'note', 'filing', 'release', 'bulletin', 'editorial', 'poll', 'data', 'memo', 'letter', 'post', 'notice']);
const MALE = new Set(['mr', 'sir', 'lord', 'prince', 'king', 'sheikh', 'monsieur', 'herr', 'senor', 'father', 'brother', 'mister', 'his']);
const FEMALE = new Set(['mrs', 'ms', 'miss', 'dame', 'lady', 'princess', 'queen', 'sheikha', 'madam', 'madame', 'frau', 'senora', 'sister', 'datin', 'puan', 'hajjah', 'smt']);

/** "Mr", "Dame": the gender an honorific gives, if any. */
export function genderOfTitle(title: string | null): 'm' | 'f' | null {
  if (!title) return null;
  const t = title.toLowerCase().replace(/\.$/, '');
  return MALE.has(t) ? 'm' : FEMALE.has(t) ? 'f' : null;
}

/** Month names that are also names ("Theresa May", "Liu Jun"): a name only after another name word. */
const MONTH_NAMES = new Set(['may', 'jun', 'june', 'april', 'august']);

const nameWord = (t: Tok | undefined, prevIsRoleOrCap = false) =>
  t !== undefined && !t.quoted && (has(t, NAME | INITIAL) || (t.text === 'He' && prevIsRoleOrCap) || (has(t, PARTICLE) && t.text !== 'He') || (prevIsRoleOrCap && has(t, CAP) && MONTH_NAMES.has(t.lower)));

/** The speaker phrase that ends just before token `end` (a reporting verb): skips adverbs, an appositive, a time or place. */
export function readBefore(toks: Tok[], end: number): Read | null {
  let i = end - 1;
  while (i >= 0 && has(toks[i], ADVERB) && has(toks[i], LOWER) && !toks[i]!.quoted) i--;
  if (i < 0) return null;
  const t = toks[i]!;
  if (t.quoted) return null;
  if (t.text === ',') return appositive(toks, i);
  if (t.text === ')') {
    const open = findBack(toks, i, '(');
    return open > 0 ? readBefore(toks, open) : null;
  }
  const core = readCore(toks, i + 1);
  // "the Chinese Embassy in Australia said": the body speaks, not the country it sits in.
  if (core?.mention.type === 'organisation' && toks[core.from - 1]?.lower === 'in' && !toks[core.from - 1]!.quoted) {
    const host = readCore(toks, core.from - 1);
    if (host?.mention.type === 'organisation' && has(toks[core.from - 2], ORG)) {
      return { mention: { type: 'organisation', name: `${host.mention.name} in ${core.mention.name}`, role: null }, from: host.from, to: core.to };
    }
  }
  if (core) return core;
  // "The spokesperson in an interview said", "Kallas on Friday said", "Trump last week said".
  for (let k = i; k >= Math.max(0, i - 6); k--) {
    const w = toks[k]!;
    if (w.quoted || has(w, PUNCT)) break;
    if ((PREPOSITIONS.has(w.lower) || TIME_WORDS.has(w.lower)) && k > 0) {
      const before = readCore(toks, k);
      if (before && before.mention.type !== 'description') return before;
      if (before) return before;
    }
  }
  return null;
}

/** "Kim Yongbeom, the Blue House Policy Chief, stated": the name before the appositive, with its role. */
function appositive(toks: Tok[], comma: number, depthLeft = 2): Read | null {
  let j = comma - 1;
  let depth = 0;
  for (; j >= 0 && comma - j <= 30; j--) {
    const w = toks[j]!;
    if (w.quoted) return null;
    if (w.text === ')') depth++;
    else if (w.text === '(') depth--;
    else if (depth === 0 && w.text === ',') break;
    else if (depth === 0 && /^[;:\u2014\u2013"\u201c\u201d]$/u.test(w.text)) return null;
  }
  if (j < 1 || toks[j]!.text !== ',') return null;
  const inner = toks.slice(j + 1, comma);
  if (inner.length === 0) return null;
  const role = roleOfAppositive(inner);
  if (role === null && !isAside(inner)) {
    // "The committee chair, Ana Ruiz, said": a description, then the name in apposition.
    const name = parse(inner, null);
    // "The Norwegian manufacturer, Fjordvern Defence, said": a company named after what kind of company it is.
    if (name?.type === 'organisation') {
      const kind = readCore(toks, j);
      // "The Norwegian manufacturer, …", "The Danish shipbuilder, …": a lower-case noun says what kind of body it is.
      const generic = (kind && kind.mention.type === 'description' && kind.mention.org) || (has(toks[j - 1], LOWER) && isModifier(toks[j - 1]!) && (DETERMINERS.has(toks[j - 2]?.lower ?? '') || has(toks[j - 2], COUNTRY)));
      const from = kind?.from ?? (DETERMINERS.has(toks[j - 3]?.lower ?? '') ? j - 3 : j - 2);
      return generic ? { mention: name, from, to: comma + 1 } : null;
    }
    if (name?.type !== 'person') return null;
    const desc = readCore(toks, j);
    // One name alone ("Suharsono", "Wiratmo") is a person's only after a title: "the chairman of GAPKI, Wiratmo,".
    if (name.single && !toks.slice(Math.max(0, desc?.from ?? j - 10), j).some((w) => has(w, ROLE))) return null;
    if (desc?.mention.type === 'description' && !desc.mention.org) {
      name.role = joinTokens(toks.slice(desc.from, j).filter((w) => !DETERMINERS.has(w.lower)));
      return { mention: name, from: desc.from, to: comma + 1 };
    }
    // "Indonesia's special envoy for climate, Rachmat Hidayatullah, told …", "His rival, Lee Hyun-woo, …": the
    // phrase that opens the clause describes the person named after it.
    let k = j - 1;
    while (k >= 0 && j - k <= 10 && !toks[k]!.quoted && !has(toks[k], PUNCT) && !(has(toks[k], CUE) && has(toks[k], LOWER))) k--;
    const prefix = toks.slice(k + 1, j);
    const opens = k < 0 || has(toks[k], PUNCT);
    if (opens && prefix.length > 0 && (prefix.some((w) => has(w, ROLE)) || has(prefix[0], POSSESSIVE) || ['his', 'her', 'their'].includes(prefix[0]!.lower))) {
      const role = prefix.filter((w, n) => !(n === 0 && (DETERMINERS.has(w.lower) || ['his', 'her', 'their', 'its'].includes(w.lower))));
      if (role.some((w) => has(w, ROLE))) name.role = joinTokens(role);
      // "Its president, Takuya Ishizaki": the president of the organisation just spoken of (see the resolver).
      if (prefix[0]!.lower === 'its') name.possessor = 'its';
      return { mention: name, from: k + 1, to: comma + 1 };
    }
    return null;
  }
  // "Nuno Salgueiro, leader of the Renovar party, which is polling third, said": asides one after another.
  const head = readCore(toks, j) ?? (depthLeft > 0 && toks[j - 1]?.text !== ',' ? appositive(toks, j, depthLeft - 1) : null);
  // "The official, who previously headed …, said": a description with an aside.
  if (head?.mention.type === 'description' && role === null && head.mention.definite && toks[head.from - 1]?.text !== ',') return { mention: head.mention, from: head.from, to: comma + 1 };
  const named = head && (head.mention.type === 'person' || head.mention.type === 'organisation') ? head : depthLeft > 0 ? appositive(toks, j, depthLeft - 1) : null;
  if (!named || (named.mention.type !== 'person' && named.mention.type !== 'organisation')) return null;
  if (named.mention.type === 'person' && role) named.mention.role = named.mention.role ? `${named.mention.role}, ${role}` : role;
  // "X, who chairs the Alliance of Small Island States, said": a role told as a verb.
  const office = named.mention.type === 'person' && !role ? officeOfClause(inner) : null;
  if (office && named.mention.type === 'person') named.mention.role = named.mention.role ?? office;
  return { mention: named.mention, from: named.from, to: comma + 1 };
}

const OFFICE_VERBS: Record<string, string> = { chairs: 'chair of', heads: 'head of', leads: 'leader of', runs: 'head of', directs: 'director of', manages: 'manager of', oversees: 'head of', represents: 'representative of', governs: 'governor of', presides: 'president of' };

/** "who chairs the Alliance of Small Island States" → "chair of the Alliance of Small Island States". */
function officeOfClause(inner: Tok[]): string | null {
  if (inner[0]?.lower !== 'who') return null;
  let k = 1;
  if (inner[k]?.lower === 'also') k++;
  const verb = OFFICE_VERBS[inner[k]?.lower ?? ''];
  if (!verb) return null;
  const rest = inner.slice(k + 1).filter((w) => w.lower !== 'over');
  return rest.length > 0 && rest.length <= 10 && rest.some((w) => has(w, CAP)) ? `${verb} ${joinTokens(rest)}` : null;
}

/**
 * An aside between commas that is not a role and names no one: an age ("54"), a relative clause ("who chairs …",
 * "which is polling third"), a participle ("speaking in Madrid"), a phrase ("for his part", "a close ally of the
 * president", "Mexico's main private sector lobby").
 */
function isAside(inner: Tok[]): boolean {
  const first = inner[0]!;
  if (inner.length === 1 && /^\d{1,3}$/.test(first.text)) return true;
  if (['who', 'whose', 'which', 'asked'].includes(first.lower)) return true;
  // "one of the companies affected", "among the exporters hit hardest": a group it belongs to.
  if ((first.lower === 'one' && inner[1]?.lower === 'of') || first.lower === 'among') return inner.length <= 14 && !inner.some((w) => w.quoted);
  if (/ing$/.test(first.lower) && has(first, LOWER)) return true;
  if (inner.length > 14 || inner.some((w) => w.quoted || has(w, CUE) && has(w, LOWER) && !has(w, ROLE))) return false;
  const other = parse(inner, null);
  if (other?.type === 'person' && !other.single) return false; // another person, not an aside
  // A phrase opened by a determiner, a possessive or a preposition.
  return DETERMINERS.has(first.lower) || (has(first, POSSESSIVE) && inner.length > 1) || ['for', 'in', 'at', 'on', 'by', 'with', 'from', 'like', 'unlike', 'meanwhile', 'however', 'too', 'also'].includes(first.lower);
}

/** The role an appositive gives ("the Blue House Policy Chief", "spokesperson for Iran's Foreign Ministry"), or null. */
export function roleOfAppositive(inner: Tok[]): string | null {
  const words = inner.filter((w) => !w.quoted);
  if (['who', 'whose', 'which', 'that'].includes(words[0]?.lower ?? '')) return null; // a clause, not a title
  if (words.length === 0 || words.length > 16 || words.length !== inner.length) return null;
  let k = 0;
  if (DETERMINERS.has(words[0]!.lower)) k = 1;
  const rest = words.slice(k);
  // A role noun must head the first stretch, before any verb-like lowercase word.
  const roleAt = rest.findIndex((w) => has(w, ROLE));
  if (roleAt < 0 || roleAt > 6) return null;
  if (rest.slice(0, roleAt).some((w) => has(w, LOWER) && !has(w, ROLE | ORG) && !isModifier(w))) return null;
  // A verb makes it a clause ("who said …"); "state secretary" is a title.
  if (rest.some((w, n) => has(w, CUE) && has(w, LOWER) && !has(w, ROLE) && !has(rest[n + 1], ROLE))) return null;
  // ", as well as Foreign Minister Mauro Vieira": another person, not this one's role.
  const other = parse(rest, null);
  if (other?.type === 'person' && !other.single) return null;
  return joinTokens(rest);
}

const isModifier = (w: Tok) => has(w, LOWER) && /^[\p{Ll}-]+$/u.test(w.text) && !PREPOSITIONS.has(w.lower) && !DETERMINERS.has(w.lower) && w.lower !== 'and';

function findBack(toks: Tok[], i: number, text: string): number {
  for (let k = i; k >= 0 && i - k < 20; k--) if (toks[k]!.text === text) return k;
  return -1;
}

/** The noun phrase whose last token is `end - 1`. */
export function readCore(toks: Tok[], end: number): Read | null {
  const last = toks[end - 1];
  // "The Business Coordinating Council (CCE)": a short name in brackets after an organisation's is part of it.
  if (last?.text === ')') {
    const open = findBack(toks, end - 1, '(');
    const inner = readCore(toks, open);
    if (open > 0 && end - open <= 4 && inner?.mention.type === 'organisation') {
      inner.mention.name = `${inner.mention.name} ${joinTokens(toks.slice(open, end))}`;
      return { mention: inner.mention, from: inner.from, to: end };
    }
    return inner && end - open <= 4 ? { ...inner, to: end } : null;
  }
  if (!last || last.quoted || has(last, PUNCT)) return null;
  if (has(last, PRONOUN) && (has(last, LOWER) || end - 1 === 0 || !nameWord(toks[end - 2]))) {
    if (last.text === 'He' && has(toks[end - 2], ROLE | CAP) && !has(toks[end - 2], PUNCT)) {
      // "Ministry spokesman He Yadong": handled as a name below only when a name follows; alone, "He" is he.
    }
    return { mention: { type: 'pronoun', word: last.lower }, from: end - 1, to: end };
  }
  if (last.lower === 'who' || last.lower === 'which') {
    if (toks[end - 2]?.text !== ',') return null;
    const ante = readCore(toks, end - 2);
    return { mention: { type: 'relative', antecedent: ante?.mention ?? null }, from: ante?.from ?? end - 1, to: end };
  }
  const np: Tok[] = [];
  let det: string | null = null;
  let detWidth = 1;
  let roleSeen = false;
  let lowers = 0;
  let i = end - 1;
  for (; i >= 0; i--) {
    const t = toks[i]!;
    if (t.quoted) break;
    const right = np[0];
    if (has(t, PUNCT)) {
      if (t.text === ',' && right && roleSeen === false && has(right, CAP) && has(toks[i - 1], CAP) && listContinues(toks, i)) { np.unshift(t); continue; }
      if (t.text === ',' && right && roleSeen && has(toks[i - 1], CAP) && PORTFOLIOS.has(toks[i - 1]!.lower) && segmentIsRole(toks, i)) { np.unshift(t); continue; }
      if ((t.text === ')' ) && right) {
        const open = findBack(toks, i, '(');
        if (open > 0 && i - open <= 4) { for (let k = i; k >= open; k--) np.unshift(toks[k]!); i = open; continue; }
      }
      break;
    }
    if (DETERMINERS.has(t.lower) && has(t, LOWER | CAP) && (t.lower !== 'the' || !CONNECTORS.has(toks[i - 1]?.lower ?? ''))) {
      if (np.length > 0) det = t.lower;
      break;
    }
    if (t.lower === 'the' && right) { np.unshift(t); continue; } // "Minister of the Interior"
    // "the country's trade minister", "the bloc's top diplomat": a possessive noun is the description's determiner.
    if (has(t, POSSESSIVE) && has(t, LOWER) && np.length > 0 && roleSeen && POSSESSOR_NOUNS.has(t.lower)) {
      // The possessor may have words of its own: "the central bank's chief", "the Gulf state's energy minister".
      det = 'the';
      let k = i - 1;
      while (k >= 0 && i - k <= 3 && !toks[k]!.quoted && !has(toks[k], PUNCT) && toks[k]!.lower !== 'the' && !has(toks[k], CUE)) k--;
      detWidth = k >= 0 && toks[k]!.lower === 'the' ? i - k + 1 : 1;
      break;
    }
    if (has(t, POSSESSIVE) && has(t, CAP)) {
      if (np.length === 0) break; // "Trump's" ends no speaker phrase
      np.unshift(t);
      // "the head of Germany's central bank": the possessive sits inside a role's "of"; the phrase goes on.
      if (toks[i - 1]?.lower === 'of' && has(toks[i - 2], ROLE) && has(toks[i - 2], LOWER)) continue;
      i--;
      break;
    }
    if (has(t, CAP)) {
      if (has(t, CUE | PARTICIPLE) && !has(t, NAME | ROLE | ORG) && !(right && has(right, ORG | ROLE) && has(right, CAP))) break; // a capitalised "Said" starting a sentence, not "State Department"
      if (isSentenceWord(t, toks, i)) break;
      np.unshift(t);
      if (has(t, ROLE | ORG)) roleSeen = true;
      continue;
    }
    // "the head of state", "the chief of staff": one role noun in three words.
    if (np.length === 0 && MULTIWORD_HEADS.has(t.lower) && toks[i - 1]?.lower === 'of' && has(toks[i - 2], ROLE)) {
      np.unshift(toks[i - 2]!, toks[i - 1]!, t);
      i -= 2;
      roleSeen = true;
      continue;
    }
    if (has(t, ROLE | ORG) || (has(t, ORG_DESC) && np.length === 0)) {
      np.unshift(t);
      roleSeen = true;
      continue;
    }
    if (has(t, PARTICLE) && right && nameWord(right)) { np.unshift(t); continue; }
    // "Nvidia CEO Jensen Huang and Commerce Department Secretary Howard Lutnick": the phrase ends at the other name.
    if ((t.lower === 'and' || t.lower === '&') && nameWord(toks[i - 1]) && nameWord(toks[i - 2], true) && !has(toks[i - 1], ORG) && np.some((w) => has(w, ROLE))) break;
    if (CONNECTORS.has(t.lower) && right) {
      const left = toks[i - 1];
      if (left && !left.quoted && (has(left, CAP | ROLE | ORG) || (t.lower === 'and' && roleSeen && left && isModifier(left)))) { np.unshift(t); continue; }
      break;
    }
    if (roleSeen && isModifier(t) && lowers < 4 && !has(t, CUE | PARTICIPLE | ADVERB)) {
      lowers++;
      np.unshift(t);
      continue;
    }
    break;
  }
  while (np.length && (CONNECTORS.has(np[0]!.lower) || np[0]!.text === ',')) np.shift();
  if (np.length === 0) return null;
  const mention = parse(np, det);
  if (!mention) return null;
  return { mention, from: end - np.length - (det ? detWidth : 0), to: end };
}

/** A capitalised word that only starts the sentence ("The", "Meanwhile", "In") is not part of a name. */
function isSentenceWord(t: Tok, toks: Tok[], i: number): boolean {
  if (MONTH_NAMES.has(t.lower) && nameWord(toks[i - 1])) return false; // "Liu Jun", "Theresa May"
  return !has(t, NAME | ROLE | ORG | COUNTRY | ACRONYM | TITLE) && !/^@/.test(t.text);
}

/** Before a comma inside a capitalised run: "Minister for Railways, Information and Broadcasting, and …". */
function listContinues(toks: Tok[], comma: number): boolean {
  // Walk left over the segment; it continues a role when a role noun heads the run further left.
  for (let k = comma - 1; k >= 0 && comma - k < 14; k--) {
    const w = toks[k]!;
    if (w.quoted) return false;
    if (has(w, ROLE | ORG) && has(w, CAP)) return true;
    if (w.text === ',' || has(w, CAP) || CONNECTORS.has(w.lower)) continue;
    return false;
  }
  return false;
}

/** The comma-separated segment before `comma` is part of a role's portfolio list, not another person. */
function segmentIsRole(toks: Tok[], comma: number): boolean {
  const seg: Tok[] = [];
  for (let k = comma - 1; k >= 0 && comma - k < 10; k--) {
    const w = toks[k]!;
    if (w.quoted || has(w, PUNCT) || !(has(w, CAP) || CONNECTORS.has(w.lower))) break;
    seg.unshift(w);
  }
  if (seg.length === 0) return false;
  const m = parse(seg, null);
  return !(m && m.type === 'person' && (m.name.length >= 2 || m.role !== null));
}

/** The speaker phrase that starts at token `start` (after an inverted verb: "said Huang", "says dtic Minister Parks Tau"). */
export function readAfter(toks: Tok[], start: number): Read | null {
  const np: Tok[] = [];
  let det: string | null = null;
  let i = start;
  const first = toks[i];
  if (!first || first.quoted) return null;
  // "He said", "She added" (but "He Yadong said": a surname that looks like a pronoun).
  if (has(first, PRONOUN) && (has(first, LOWER) || !nameWord(toks[i + 1], true))) return { mention: { type: 'pronoun', word: first.lower }, from: i, to: i + 1 };
  if (DETERMINERS.has(first.lower)) { det = first.lower; i++; }
  const head = toks[i];
  if (det === 'a' || det === 'an' || (head && has(head, ANON) && has(head, LOWER) && !backReference(det, head))) {
    // "a source close to the discussions", "officials", "a Reuters report": unnamed, or a work that speaks for its maker.
    const work = readWork(toks, i);
    if (work) return { mention: work.mention, from: start, to: work.to };
    let k = i;
    while (k < toks.length && !has(toks[k], PUNCT) && !toks[k]!.quoted && k - i < 12) k++;
    const text = toks.slice(start, k).map((w) => w.text).join(' ');
    if (toks.slice(i, k).some((w) => has(w, ANON))) return { mention: { type: 'anonymous', text }, from: start, to: k };
  }
  let roleSeen = false;
  for (; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.quoted) break;
    if (t.text === ',' && np.length > 0) {
      // A portfolio list goes on ("Minister of Trade, Industry and Competition Parks Tau"); an appositive role is read below.
      const next = toks[i + 1];
      const inComplement = np.some((w, k) => has(w, ROLE | ORG) && ['of', 'for'].includes(np[k + 1]?.lower ?? ''));
      // "Trade, Industry and Competition Minister …": a list of portfolios before the title.
      const portfolios = np.every((w) => PORTFOLIOS.has(w.lower) || w.text === ',' || w.lower === 'and') && toks.slice(i + 1, i + 7).some((w) => has(w, ROLE) && !w.quoted);
      // "…Minister for Economic Affairs, Budi Santoso Pratama, said": a name between commas is an appositive.
      const apposed = inComplement && nameBetweenCommas(toks, i + 1);
      if (next && has(next, CAP) && !DETERMINERS.has(next.lower) && (inComplement || portfolios) && !hasName(np) && !apposed) { np.push(t); continue; }
      break;
    }
    if (has(t, PUNCT)) {
      if (t.text === '(' && np.length > 0) {
        const close = toks.findIndex((w, k) => k > i && w.text === ')');
        if (close > 0 && close - i <= 4) { for (let k = i; k <= close; k++) np.push(toks[k]!); i = close; continue; }
      }
      break;
    }
    if (has(t, POSSESSIVE) && has(t, CAP)) {
      // "Trump's measure" names no speaker; "the head of Germany's central bank" does.
      if (has(toks[i + 1], LOWER) && !has(toks[i + 1], ROLE | ORG) && !lowerRunToOrg(toks, i + 1)) return null;
      np.push(t);
      // "Elon Musk's Tesla": the owner's name ends here; "China's Ministry of …" runs on.
      if (np.length > 1 && np.slice(0, -1).every((w) => nameWord(w, true))) { i++; break; }
      continue;
    }
    // A capitalised verb form inside a name is part of it ("State Department", "Report"): only before more of the name.
    if (has(t, CAP) && (!has(t, CUE | PARTICIPLE) || has(t, NAME | ROLE | ORG) || has(toks[i + 1], CAP | ORG) && !toks[i + 1]!.quoted)) { np.push(t); if (has(t, ROLE | ORG)) roleSeen = true; continue; }
    if (has(t, ROLE | ORG)) { np.push(t); roleSeen = true; continue; }
    if (has(t, PARTICLE) && nameWord(toks[i + 1])) { np.push(t); continue; }
    // "Chief of Staff Rui Costa and Communications Secretary …": two people, not one long role.
    if ((t.lower === 'and' || t.lower === '&') && hasName(np)) break;
    if (CONNECTORS.has(t.lower) && np.length > 0 && (has(toks[i + 1], CAP | ROLE) && !has(toks[i + 1], INTRO) || t.lower === 'of' && toks[i + 1]?.lower === 'the')) { np.push(t); continue; }
    if (t.lower === 'the' && np.length > 0 && CONNECTORS.has(np[np.length - 1]!.lower)) { np.push(t); continue; }
    // A lowercase word joins only on its way to a role noun: a portfolio ("trade commissioner") or a word right
    // before a capitalised title ("dtic Minister"); never a verb ("He met U.S. President …").
    // "the head of Germany's central bank": an organisation described in lower case, inside a role's "of".
    if (np.some((w) => w.lower === 'of') && lowerRunToOrg(toks, i)) { np.push(t); continue; }
    const toRole = [1, 2, 3].some((d) => has(toks[i + d], ROLE | ORG) && !toks[i + d]!.quoted && toks.slice(i + 1, i + d).every((w) => isModifier(w) || has(w, CAP)));
    if (isModifier(t) && !has(t, CUE | PARTICIPLE | ADVERB) && toRole && (PORTFOLIOS.has(t.lower) || ROLE_ADJECTIVES.has(t.lower) || has(toks[i + 1], ROLE) && has(toks[i + 1], CAP))) { np.push(t); continue; }
    break;
  }
  while (np.length && (CONNECTORS.has(np[np.length - 1]!.lower) || np[np.length - 1]!.text === ',' || np[np.length - 1]!.lower === 'the')) { np.pop(); i--; }
  if (np.length === 0) return null;
  const mention = parse(np, det);
  if (!mention) return null;
  let to = start + (det ? 1 : 0) + np.length;
  // "said Rania Schmidt, the Finance Minister": an appositive role after the name.
  if (mention.type === 'person' && toks[to]?.text === ',') {
    let k = to + 1;
    while (k < toks.length && !has(toks[k], PUNCT) && !toks[k]!.quoted && k - to < 14) k++;
    const role = roleOfAppositive(toks.slice(to + 1, k));
    if (role && (k >= toks.length || /^[,.;:]$/.test(toks[k]!.text))) {
      mention.role = mention.role ? `${mention.role}, ${role}` : role;
      to = k;
    }
  }
  return { mention, from: start, to };
}

/** "central bank", "state oil company": lower-case modifiers up to an organisation noun. */
function lowerRunToOrg(toks: Tok[], i: number): boolean {
  for (let k = i; k < Math.min(toks.length, i + 3); k++) {
    const w = toks[k]!;
    if (w.quoted || !isModifier(w) || has(w, CUE | PARTICIPLE | ADVERB) && !has(w, ORG)) return false;
    if (has(w, ORG)) return true;
  }
  return false;
}

/** A person's full name from `i` up to a comma or a verb: "…, Budi Santoso Pratama, said". */
function nameBetweenCommas(toks: Tok[], i: number): boolean {
  let k = i;
  while (k < toks.length && nameWord(toks[k], k > i) && !toks[k]!.quoted) k++;
  const name = toks.slice(i, k);
  // "…Minister for Economic Affairs, Suharsono, who …": one name alone between commas, if it is no portfolio.
  const single = fullWords(name) === 1 && toks[k]?.text === ',' && !PORTFOLIOS.has(name[0]!.lower) && has(name[0], NAME);
  return (fullWords(name) >= 2 || single) && !notPerson(name) && (toks[k]?.text === ',' || has(toks[k], LOWER));
}

function hasName(np: Tok[]): boolean {
  const m = parse(np, null);
  return m !== null && m.type === 'person' && !m.single;
}

/** "a Reuters report", "the IMF's latest survey": the organisation whose work is cited. */
function readWork(toks: Tok[], i: number): Read | null {
  const names: Tok[] = [];
  let k = i;
  while (k < toks.length && has(toks[k], CAP) && !toks[k]!.quoted) names.push(toks[k++]!);
  const noun = toks[k];
  if (names.length === 0 || !noun || !WORK_NOUNS.has(noun.lower)) return null;
  const name = names.map((w) => w.text.replace(/['\u2019]s$/u, '')).join(' ');
  return { mention: { type: 'organisation', name, role: 'work' }, from: i, to: k + 1 };
}

/**
 * What a phrase names. A role noun with a name after it is a person ("Nvidia CEO Jensen Huang"); after "of" the
 * name is the last one or two name words ("CEO of Nvidia Jensen Huang"); an organisation noun at the head makes an
 * organisation ("MP Materials", "China's Ministry of Commerce"); a role with no name is a description.
 */
export function parse(raw: Tok[], det: string | null): Mention | null {
  const toks = raw.filter((t) => !t.quoted);
  while (toks.length && (CONNECTORS.has(toks[0]!.lower) || toks[0]!.text === ',')) toks.shift();
  if (toks.length === 0) return null;
  let possessor: string | null = det && ['its', 'his', 'her', 'their'].includes(det) ? det : null;
  const words = withoutParentheses(toks).filter((t) => !has(t, PUNCT) || t.text === ',');
  const last = words[words.length - 1]!;
  const lastIsName = nameWord(last, true) && !has(last, PARTICLE);

  // "Lee Hyun-woo of the main opposition Democratic Alliance": a person's name, then where they are from.
  // "Rep. Kim Min-seo of the main opposition party": an abbreviated office or an honorific may come first.
  const ofAt = words.findIndex((w) => w.lower === 'of' || w.lower === 'from');
  const lead = has(words[0], TITLE) || (has(words[0], ROLE) && words[0]!.text.endsWith('.')) ? 1 : 0;
  if (ofAt >= 2 + lead && !has(words[lead], TITLE | ROLE)) {
    const own = words.slice(lead, ofAt);
    if (own.every((w, n) => nameWord(w, n > 0)) && fullWords(own) >= 2 && fullWords(own) <= 4 && !notPerson(own)) {
      const first = words[0]!.text;
      return { type: 'person', name: own.map(nameText), role: lead && has(words[0], ROLE) ? first : null, title: lead && has(words[0], TITLE) ? first : null, possessor, single: false };
    }
  }
  // An organisation: its head noun last ("MP Materials", "the commerce ministry"), or first with "of" ("Ministry of …").
  const orgHeadLast = has(last, ORG) || (has(last, ORG_DESC) && !lastIsName);
  // "Ministry of Commerce", and in lower case after a possessive: "Russia's mission to the EU".
  const headAt = words.findIndex((w, k) => has(w, ORG) && (has(w, CAP) || k === 1 && has(words[0], POSSESSIVE)) && ['of', 'for', 'to'].includes(words[k + 1]?.lower ?? ''));
  const roleThenName = words.some((w, k) => k > headAt && has(w, ROLE) && nameWord(words[k + 1], true));
  const orgHeadFirst = headAt >= 0 && !roleThenName && !words.slice(0, headAt).some((w) => has(w, ROLE) && !['of', 'for'].includes(words[words.indexOf(w) + 1]?.lower ?? ''));
  const roleBeforeOrg = words.some((w, k) => has(w, ROLE) && !has(w, ORG) && ['of', 'for', 'at'].includes(words[k + 1]?.lower ?? ''));
  // "a spokesperson for the Office of the US Trade Representative": the body's unnamed spokesperson.
  const spokes = words.findIndex((w, k) => ['spokesperson', 'spokesman', 'spokeswoman', 'representative', 'official'].includes(w.lower) && ['of', 'for', 'at'].includes(words[k + 1]?.lower ?? ''));
  if (spokes >= 0 && words.slice(spokes + 2).some((w) => has(w, ORG)) && !nameWord(last, true)) {
    const modifiers = words.slice(spokes + 2).filter((w) => !['of', 'for', 'the', 'and', ','].includes(w.lower)).map((w) => w.text);
    return { type: 'description', head: words[spokes]!.lower, modifiers, text: joinTokens(toks), possessor, org: false, definite: det !== 'a' && det !== 'an' };
  }
  // "Bank Indonesia", "Banco Andino": an organisation noun in a run of capitalised words, with no role.
  if (!words.some((w) => has(w, ROLE)) && words.some((w) => has(w, ORG) && has(w, CAP)) && words.every((w) => has(w, CAP) || CONNECTORS.has(w.lower) || w.lower === 'the')) {
    return { type: 'organisation', name: joinTokens(toks), role: null };
  }
  // "Carmaker Stellantis", "chipmaker Nvidia": a company descriptor before the name.
  if (has(words[0], ORG_DESC) && words.length > 1 && words.slice(1).every((w) => has(w, CAP)) && !words.some((w) => has(w, ROLE))) {
    return { type: 'organisation', name: joinTokens(toks.slice(toks.indexOf(words[1]!))), role: null };
  }
  // "A Ministry of Defence spokesman": the body's unnamed spokesperson, as with "a spokesperson for …".
  if (orgHeadFirst && SPOKES.has(last.lower) && words.length > 2) {
    const modifiers = words.slice(0, -1).filter((w) => !['of', 'for', 'the', 'and', ','].includes(w.lower)).map((w) => w.text);
    return { type: 'description', head: last.lower, modifiers, text: joinTokens(toks), possessor, org: false, definite: det !== 'a' && det !== 'an' };
  }
  if (((orgHeadLast && !words.some((w, k) => has(w, ROLE) && k === words.length - 1)) || orgHeadFirst) && !roleBeforeOrg) {
    const capitalised = words.some((w) => has(w, CAP) && !has(w, COUNTRY | POSSESSIVE)) || words.some((w) => has(w, ACRONYM));
    const text = joinTokens(toks);
    if (!capitalised && words.length === 1) return { type: 'description', head: last.lower, modifiers: [], text, possessor, org: true, definite: det === 'the' };
    if (!words.some((w) => has(w, CAP))) return { type: 'description', head: last.lower, modifiers: words.slice(0, -1).map((w) => w.lower), text, possessor, org: true, definite: det === 'the' };
    return { type: 'organisation', name: text, role: null };
  }

  let r = -1;
  for (let k = words.length - 1; k >= 0; k--) if (has(words[k], ROLE) && !(words[k]!.text === 'He')) { r = k; break; }
  if (r < 0) {
    // No role: a name, with honorifics in front ("Prince Abdulaziz", "Mr Reynolds"), or one capitalised word.
    let k = 0;
    const titles: string[] = [];
    while (k < words.length - 1 && has(words[k], TITLE)) titles.push(words[k++]!.text);
    const name = words.slice(k);
    // "Cedric Lafontaine of Saint Lucia", "Lee Hyun-woo of the main opposition party": a name, then where from.
    const of = name.findIndex((w) => w.lower === 'of' || w.lower === 'from');
    if (of >= 2 && name.slice(of + 1).some((w) => has(w, CAP))) {
      const own = name.slice(0, of);
      if (own.every((w, n) => nameWord(w, n > 0)) && fullWords(own) >= 2 && !notPerson(own)) return { type: 'person', name: own.map(nameText), role: null, title: titles.join(' ') || null, possessor, single: false };
    }
    // "Fjordvern Defence", "Hoshina Motors": a company.
    if (name.length > 1 && titles.length === 0 && COMPANY_LAST.has(name[name.length - 1]!.lower) && name.every((w) => has(w, CAP))) return { type: 'organisation', name: joinTokens(name), role: null };
    if (notPerson(name)) return null; // "Middle East", "Saint Lucia"
    if (name.length === 1 && titles.length === 0 && has(name[0], PLACE)) return null;
    if (name.length >= 1 && name.every((w, n) => nameWord(w, n > 0)) && fullWords(name) >= 1 && fullWords(name) <= 5 && !has(name[0], PARTICLE) || name.length > 1 && has(name[0], PARTICLE) && name.slice(1).every((w) => nameWord(w, true))) {
      return { type: 'person', name: name.map(nameText), role: null, title: titles.join(' ') || null, possessor, single: name.length === 1 && titles.length === 0 };
    }
    // "Oman said in a statement": a country speaking is its government.
    if (name.length === 1 && titles.length === 0 && has(name[0], COUNTRY) && !has(name[0], PLACE)) return { type: 'organisation', name: nameText(name[0]!), role: null };
    if (name.length === 1 && has(name[0], ACRONYM) && !has(name[0], COUNTRY)) {
      return { type: 'person', name: [nameText(name[0]!)], role: null, title: titles.join(' ') || null, possessor, single: titles.length === 0 };
    }
    if (det === 'the' && words.every((w) => has(w, CAP) || CONNECTORS.has(w.lower))) return { type: 'organisation', name: joinTokens(toks), role: null };
    return null;
  }

  // A role noun: the name follows it, after any "of …" complement and honorifics.
  let nameFrom = r + 1;
  // "MP for Birmingham Hodge Hill", "Senator from Ohio": what follows is a constituency, not a name.
  const placeRole = PLACE_ROLES.has(words[r]!.lower) && ['for', 'from', 'of'].includes(words[nameFrom]?.lower ?? '');
  if (placeRole) nameFrom = words.length;
  else if (['of', 'for', 'to', 'on'].includes(words[nameFrom]?.lower ?? '')) {
    nameFrom = -1;
    // "CEO of Nvidia Jensen Huang", "Minister of Trade, Industry and Competition Parks Tau": a first name and a
    // surname after the complement; one word right after "of"/"and" is the complement's own ("Ministry of Commerce").
    for (let s = r + 2; s < words.length; s++) {
      const rest = words.slice(s).filter((w) => !has(w, TITLE));
      if (CONNECTORS.has(words[s - 1]!.lower) || words[s - 1]!.text === ',') continue;
      // "Minister of Industry and Trade Nguyen Dinh Khoa": Vietnamese and Chinese names may have three words.
      if (rest.every((w, n) => nameWord(w, n > 0)) && (fullWords(rest) === 2 || fullWords(rest) === 3 && !PORTFOLIOS.has(rest[0]!.lower)) && !rest.some((w) => has(w, ORG) || PORTFOLIOS.has(w.lower)) && !has(rest[0], PARTICLE) && !notPerson(rest)) { nameFrom = s; break; }
    }
    if (nameFrom < 0) nameFrom = words.length;
  }
  const roleWords = words.slice(0, nameFrom);
  let k = nameFrom;
  const titles: string[] = [];
  while (k < words.length && has(words[k], TITLE) && k < words.length - 1) titles.push(words[k++]!.text);
  let nameEnd = k;
  while (nameEnd < words.length && nameWord(words[nameEnd], nameEnd > k || true)) nameEnd++;
  const name = words.slice(k, nameEnd);
  const role = joinTokens(roleWords.filter((w) => !DETERMINERS.has(w.lower) || roleWords.indexOf(w) > 0));
  if (name.length > 0 && NOT_PERSON_LAST.has(name[name.length - 1]!.lower)) return null; // "… Ministers' Meeting"
  if (name.length > 0 && fullWords(name) >= 1 && fullWords(name) <= 5 && !has(name[0], PARTICLE) || name.length > 1 && name.slice(1).every((w) => nameWord(w, true))) {
    if (possessor && roleWords.length === 0) possessor = null;
    return { type: 'person', name: name.map(nameText), role: role || null, title: titles.join(' ') || null, possessor, single: false };
  }
  if (name.length > 0) return null;
  // No name: "the minister", "its energy minister", "the Mofcom spokesperson", "The Minister of Trade, Industry and …".
  if (has(words[r], ANON) && !has(words[r], CAP) && words.length === 1 && !backReference(det, words[r]!)) return { type: 'anonymous', text: joinTokens(toks) };
  const head = words[r]!.lower;
  const modifiers = words.filter((w, n) => n !== r && w.text !== ',' && !['of', 'for', 'to', 'and', '&', 'on', 'the'].includes(w.lower) && !EMPTY_MODIFIERS.has(w.lower)).map((w) => w.text);
  if (!det && !possessor && !words.some((w) => has(w, CAP))) return null; // "officials said" — no determiner, nothing to resolve
  return { type: 'description', head, modifiers, text: joinTokens(toks), possessor, org: false, definite: det === 'the' };
}

/** "Ministry of Commerce (Mofcom)": the parenthesis names the same thing; it is never part of a person's name. */
function withoutParentheses(toks: Tok[]): Tok[] {
  const out: Tok[] = [];
  let depth = 0;
  for (const t of toks) {
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out.push(t);
  }
  return out;
}

/** Words that make a capitalised phrase a place, an event or a firm rather than a person. */
const notPerson = (name: Tok[]) => name.length > 1 && (NOT_PERSON_LAST.has(name[name.length - 1]!.lower) || NOT_PERSON_FIRST.has(name[0]!.lower) || endsInPlace(name));
/** "Viet Nam", "Will Viet Nam": a name ending in a place of several words. */
const endsInPlace = (name: Tok[]) => [2, 3, 4].some((n) => n <= name.length && PLACE_NAMES.has(name.slice(-n).map((w) => plain(w.lower)).join(' ')));
const plain = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').replace(/['\u2019]s$/u, '');

const fullWords = (ws: Tok[]) => ws.filter((w) => !has(w, INITIAL | PARTICLE) || w.text === 'Al' || w.text === 'El').length;
const nameText = (t: Tok) => t.text.replace(/['\u2019]s$/u, '');

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
function backReference(det: string | null, head: Tok): boolean {
  return det === 'the' && has(head, ROLE) && (!GENERIC_ROLES.has(head.lower) || head.lower === 'official') && !/s$/.test(head.lower);
}

const SPOKES = new Set(['spokesperson', 'spokesman', 'spokeswoman']);

/** Is the word at `i` part of an anonymous plural ("officials said")? */
export function anonymousWord(t: Tok | undefined): boolean {
  return t !== undefined && ANONYMOUS.has(t.lower);
}

/** The phrase a sentence opens with, after intro phrases ("On the 28th, Kim …", "Lashing out at X, Ramesh …"). */
export function sentenceSubject(toks: Tok[]): Read | null {
  // "Details: Kallas believes …": a label before the sentence proper; "BEIJING — The head of …": a dateline.
  let i = toks[1]?.text === ':' && has(toks[0], CAP) ? 2 : 0;
  const dash = toks.findIndex((t, k) => k < 6 && /^[\u2014\u2013-]$/u.test(t.text));
  if (dash > 0 && toks.slice(0, dash).every((t) => /^\p{Lu}[\p{Lu}.,]*$/u.test(t.text) || t.text === ',' || t.text === '(' || t.text === ')')) i = dash + 1;
  for (let guard = 0; guard < 3; guard++) {
    const first = toks[i];
    if (!first) return null;
    const comma = toks.findIndex((t, k) => k > i && t.text === ',' && !t.quoted);
    if (comma < 0 || comma - i > 18) break;
    const introish = has(first, INTRO) || /(?:ing|ed)$/.test(first.lower) || /^\d/.test(first.text) || toks.slice(i, comma).some((t) => t.quoted);
    if (!introish) break;
    i = comma + 1;
  }
  const read = readAfter(toks, i);
  // "Its president, Takuya Ishizaki, struck …": the name in apposition to a description is the subject.
  if (read?.mention.type === 'description' && toks[read.to]?.text === ',') {
    const named = readAfter(toks, read.to + 1);
    if (named?.mention.type === 'person' && toks[named.to]?.text === ',') return named;
  }
  // "Von Stetten's coalition partner, Economy Minister Jürgen Albers, backed …": an owner is not the subject; the
  // name in apposition to what they own is.
  if (read && !has(toks[read.to - 1], POSSESSIVE)) return read;
  for (let k = i; k < Math.min(toks.length, i + 16); k++) {
    if (toks[k]!.text !== ',' || toks[k]!.quoted) continue;
    const inner = readAfter(toks, k + 1);
    if (inner?.mention.type === 'person' && !inner.mention.single && toks[inner.to]?.text === ',' && has(toks[inner.to + 1], LOWER)) return inner;
  }
  return null;
}
