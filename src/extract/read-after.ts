// The speaker phrase that starts after an inverted verb ("said Huang", "says dtic Minister Parks Tau"), and the
// phrase a sentence opens with (its subject, after intro phrases).
import { PORTFOLIOS, ROLE_ADJECTIVES } from './lexicon.ts';
import { ADVERB, ANON, CAP, CUE, has, INTRO, LOWER, NAME, ORG, PARTICIPLE, PARTICLE, POSSESSIVE, PRONOUN, PUNCT, ROLE, type Tok } from './tokens.ts';
import { backReference, CONNECTORS, DETERMINERS, fullWords, isModifier, nameWord, notPerson, pastVerb, type Read } from './mention-words.ts';
import { roleOfAppositive } from './read-before.ts';
import { parse } from './parse-mention.ts';

const WORK_NOUNS = new Set(['report', 'reports', 'statement', 'analysis', 'study', 'survey', 'article', 'story', 'note', 'filing', 'release', 'bulletin', 'editorial', 'poll', 'data', 'memo', 'letter', 'post', 'notice']);

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
    if (has(t, CAP) && (!has(t, CUE | PARTICIPLE) || has(t, NAME | ROLE | ORG) || has(toks[i + 1], CAP | ORG) && !toks[i + 1]!.quoted)) { np.push(t); continue; }
    if (has(t, ROLE | ORG)) { np.push(t); continue; }
    if (has(t, PARTICLE) && nameWord(toks[i + 1])) { np.push(t); continue; }
    // "Chief of Staff Rui Costa and Communications Secretary …": two people, not one long role.
    if ((t.lower === 'and' || t.lower === '&') && hasName(np)) break;
    if (CONNECTORS.has(t.lower) && np.length > 0 && (has(toks[i + 1], CAP | ROLE) && !has(toks[i + 1], INTRO) || t.lower === 'of' && toks[i + 1]?.lower === 'the')) { np.push(t); continue; }
    if (t.lower === 'the' && np.length > 0 && CONNECTORS.has(np[np.length - 1]!.lower)) { np.push(t); continue; }
    // A lowercase word joins only on its way to a role noun: a portfolio ("trade commissioner") or a word right
    // before a capitalised title ("dtic Minister"); never a verb ("He met U.S. President …").
    // "the head of Germany's central bank": an organisation described in lower case, inside a role's "of".
    if (np.some((w) => w.lower === 'of') && lowerRunToOrg(toks, i)) { np.push(t); continue; }
    // "The central bank trimmed …", "the state oil company": after a determiner, lower-case words up to a body.
    if (det && np.every((w) => has(w, LOWER)) && lowerRunToOrg(toks, i)) { np.push(t); continue; }
    const toRole = [1, 2, 3].some((d) => has(toks[i + d], ROLE | ORG) && !toks[i + d]!.quoted && toks.slice(i + 1, i + d).every((w) => isModifier(w) || has(w, CAP)));
    if (isModifier(t) && !has(t, CUE | PARTICIPLE | ADVERB) && !pastVerb(t) && toRole && (PORTFOLIOS.has(t.lower) || ROLE_ADJECTIVES.has(t.lower) || has(toks[i + 1], ROLE) && has(toks[i + 1], CAP))) { np.push(t); continue; }
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

const DASH = /^[\u2014\u2013-]$/u;

/** The phrase a sentence opens with, after intro phrases ("On the 28th, Kim …", "Lashing out at X, Ramesh …"). */
export function sentenceSubject(toks: Tok[]): Read | null {
  // "Details: Kallas believes …": a label before the sentence proper; "BEIJING — The head of …": a dateline.
  let i = toks[1]?.text === ':' && has(toks[0], CAP) ? 2 : 0;
  let dash = -1;
  for (let k = 0; k < 6 && k < toks.length; k++) if (DASH.test(toks[k]!.text)) { dash = k; break; }
  if (dash > 0 && toks.slice(0, dash).every((t) => /^\p{Lu}[\p{Lu}.,]*$/u.test(t.text) || t.text === ',' || t.text === '(' || t.text === ')')) i = dash + 1;
  for (let guard = 0; guard < 3; guard++) {
    const first = toks[i];
    if (!first) return null;
    let comma = -1;
    for (let k = i + 1; k < toks.length; k++) if (toks[k]!.text === ',' && !toks[k]!.quoted) { comma = k; break; }
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
