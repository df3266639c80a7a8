// The speaker phrase that ends where a reporting verb begins ("US Treasury Secretary Scott Bessent said", "Kim
// Yongbeom, the Blue House Policy Chief, stated", "the minister said"), read backwards from the verb.
import { PORTFOLIOS } from './lexicon.ts';
import { ACRONYM, ADVERB, CAP, COUNTRY, CUE, has, LOWER, NAME, ORG, ORG_DESC, PARTICIPLE, PARTICLE, POSSESSIVE, PRONOUN, PUNCT, ROLE, TITLE, type Tok } from './tokens.ts';
import { CONNECTORS, DETERMINERS, findBack, isModifier, pastVerb, joinTokens, MONTH_NAMES, nameWord, PREPOSITIONS, type Read, TIME_WORDS } from './mention-words.ts';
import { parse } from './parse-mention.ts';

const MULTIWORD_HEADS = new Set(['state', 'government', 'staff', 'mission', 'delegation', 'cabinet']);

/** Nouns whose possessive makes a definite description: "the country's trade minister", "the group's chief". */
const POSSESSOR_NOUNS = new Set(['country', 'nation', 'bloc', 'company', 'firm', 'group', 'bank', 'government', 'ministry', 'state', 'kingdom', 'union', 'party', 'region', 'province', 'city', 'organisation', 'organization', 'agency', 'alliance', 'coalition', 'club', 'carmaker', 'chipmaker', 'lender', 'island', 'territory', 'republic', 'federation', 'cartel', 'fund', 'board', 'council', 'commission', 'institute', 'industry', 'sector']);

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
    // "The head of the Consejo Coordinador Empresarial (CCE), Federico Ancira, …": a short name in parentheses.
    const open = toks[j - 1]?.text === ')' ? findBack(toks, j - 1, '(') : -1;
    if (open > 0 && j - open <= 5) j = open;
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
  // "Kestrel Micro, which employs 3,000 people, said": "which" is said of a body, never of a person.
  if (inner[0]!.lower === 'which' && named.mention.type === 'person' && !named.mention.role && !named.mention.title) {
    return { mention: { type: 'organisation', name: named.mention.name.join(' '), role: null }, from: named.from, to: comma + 1 };
  }
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
  // ", known as Itamaraty,", ", also known as MOFCOM,", ", formerly Twitter,": another name for the same body.
  if (['known', 'also', 'formerly', 'officially', 'locally', 'commonly'].includes(first.lower) && inner.some((w) => w.lower === 'as' || w.lower === 'known') || first.lower === 'formerly') return true;
  // "one of the companies affected", "among the exporters hit hardest": a group it belongs to.
  if ((first.lower === 'one' && inner[1]?.lower === 'of') || first.lower === 'among') return inner.length <= 14 && !inner.some((w) => w.quoted);
  if (/ing$/.test(first.lower) && has(first, LOWER)) return true;
  if (inner.length > 14 || inner.some((w) => w.quoted || has(w, CUE) && has(w, LOWER) && !has(w, ROLE))) return false;
  const other = parse(inner, null);
  if (other?.type === 'person' && !other.single) return false; // another person, not an aside
  // A phrase opened by a determiner, a possessive or a preposition.
  return DETERMINERS.has(first.lower) || (has(first, POSSESSIVE) && inner.length > 1) || ['for', 'in', 'at', 'on', 'by', 'with', 'from', 'like', 'unlike', 'meanwhile', 'however', 'too', 'also'].includes(first.lower);
}

/** After these a cue word is a noun: "in charge of metals", "for comment", "on record". */
export const NOUN_AFTER = new Set(['in', 'on', 'for', 'of', 'at', 'under', 'with']);

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
  // After a determiner the word is a noun ("at the think tank", "the post"), not a verb.
  if (rest.some((w, n) => has(w, CUE) && has(w, LOWER) && !has(w, ROLE) && !has(rest[n + 1], ROLE) && !DETERMINERS.has(rest[n - 1]?.lower ?? '') && rest[n + 1]?.lower !== 'tank' && !NOUN_AFTER.has(rest[n - 1]?.lower ?? ''))) return null;
  // ", as well as Foreign Minister Mauro Vieira": another person, not this one's role.
  const other = parse(rest, null);
  if (other?.type === 'person' && !other.single) return null;
  return joinTokens(rest);
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
    // "Kestrel Micro, which employs 3,000 people, said": "which" is said of a body, never of a person.
    const m = ante?.mention;
    const antecedent = m && last.lower === 'which' && m.type === 'person' && !m.role && !m.title ? { type: 'organisation' as const, name: m.name.join(' '), role: null } : m ?? null;
    return { mention: { type: 'relative', antecedent }, from: ante?.from ?? end - 1, to: end };
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
    // "trade minister", "retired general"; never a verb ("Xinhua quoted Premier Li Qiang").
    if (roleSeen && isModifier(t) && lowers < 4 && !has(t, CUE | PARTICIPLE | ADVERB) && !pastVerb(t)) {
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
