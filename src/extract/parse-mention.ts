// One phrase to one mention: a person (with role and honorifics), an organisation, a description ("its energy
// minister"), or an unnamed source. Written by hand: names, roles and organisations are told apart by their shape
// and the lexicon, which is fast and predictable; a tagger (compromise) was measured and missed most non-Western
// names (see README).
import { COMPANY_LAST, EMPTY_MODIFIERS, NOT_PERSON_LAST, PORTFOLIOS } from './lexicon.ts';
import { ACRONYM, ANON, CAP, COUNTRY, has, LOWER, ORG, ORG_DESC, PARTICLE, PLACE, POSSESSIVE, PUNCT, ROLE, TITLE, type Tok } from './tokens.ts';
import { backReference, CONNECTORS, DETERMINERS, fullWords, joinTokens, type Mention, nameText, nameWord, notPerson, SPOKES } from './mention-words.ts';

const POST_NOMINALS = new Set(['TD', 'MP', 'MEP', 'MSP', 'MLA', 'MS', 'QC', 'KC', 'MNA', 'MPP']);

const PLACE_ROLES = new Set(['mp', 'mla', 'mep', 'senator', 'congressman', 'congresswoman', 'lawmaker', 'councillor', 'councilor', 'legislator', 'candidate']);

/**
 * What a phrase names. A role noun with a name after it is a person ("Nvidia CEO Jensen Huang"); after "of" the
 * name is the last one or two name words ("CEO of Nvidia Jensen Huang"); an organisation noun at the head makes an
 * organisation ("MP Materials", "China's Ministry of Commerce"); a role with no name is a description.
 *
 * The same phrases come back within an article and across a corpus ("Treasury Secretary Scott Bessent"): each
 * phrase is parsed once, and callers get their own copy (they may add a role to it).
 */
export function parse(raw: Tok[], det: string | null): Mention | null {
  // Looked up word by word (a trie over the words' own strings, whose hashes V8 keeps) rather than by a key
  // string built for every call: the phrase is the determiner, then each word, quoted or not.
  let node: PhraseNode | undefined = parsedRoot.get(det ?? '');
  if (node === undefined) parsedRoot.set(det ?? '', (node = newNode()));
  for (const t of raw) {
    const next: Map<string, PhraseNode> = t.quoted ? (node.quoted ??= new Map()) : (node.plain ??= new Map());
    let child: PhraseNode | undefined = next.get(t.text);
    if (child === undefined) next.set(t.text, (child = newNode()));
    node = child;
  }
  let m = node.mention;
  if (m === undefined) {
    m = parsePhrase(raw, det);
    if (++parsedCount > 50_000) { parsedRoot.clear(); parsedCount = 0; }
    node.mention = m;
  }
  return m === null ? null : copy(m);
}

/** A caller's own copy (callers may set its role), made field by field: a spread of these objects is slow. */
function copy(m: Mention): Mention {
  switch (m.type) {
    case 'person': return { type: 'person', name: m.name, role: m.role, title: m.title, possessor: m.possessor, single: m.single };
    case 'organisation': return { type: 'organisation', name: m.name, role: m.role };
    case 'description': return { type: 'description', head: m.head, modifiers: m.modifiers, text: m.text, possessor: m.possessor, org: m.org, definite: m.definite };
    case 'anonymous': return { type: 'anonymous', text: m.text };
    default: return { ...m };
  }
}
interface PhraseNode {
  plain?: Map<string, PhraseNode>;
  quoted?: Map<string, PhraseNode>;
  mention?: Mention | null;
}
const newNode = (): PhraseNode => ({});
const parsedRoot = new Map<string, PhraseNode>();
let parsedCount = 0;

function parsePhrase(raw: Tok[], det: string | null): Mention | null {
  const toks = raw.filter((t) => !t.quoted);
  while (toks.length && (CONNECTORS.has(toks[0]!.lower) || toks[0]!.text === ',')) toks.shift();
  if (toks.length === 0) return null;
  let possessor: string | null = det && ['its', 'his', 'her', 'their'].includes(det) ? det : null;
  const words = withoutParentheses(toks).filter((t) => !has(t, PUNCT) || t.text === ',');
  // "a senior Federal Board of Revenue official": someone the text leaves unnamed, whatever body they are from.
  if ((det === 'a' || det === 'an') && has(words[words.length - 1], ANON) && has(words[words.length - 1], LOWER)) return { type: 'anonymous', text: joinTokens(toks) };
  // "Róisín Nic Giolla TD", "Liam Byrne MP": letters after a name say what the person is.
  const postNominal = words.length > 2 && POST_NOMINALS.has(words[words.length - 1]!.text) && nameWord(words[words.length - 2], true) ? words.pop()!.text : null;
  if (postNominal) {
    const m = parsePhrase(words, det);
    return m?.type === 'person' ? { ...m, role: m.role ?? postNominal } : m;
  }
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
  // "Central Bank of Nigeria Governor (Dr) Adaeze Okonkwo-Bello": a role, maybe an honorific, then a name.
  const roleThenName = words.some((w, k) => k > headAt && has(w, ROLE) && (nameWord(words[k + 1], true) || has(words[k + 1], TITLE) && nameWord(words[k + 2], true)));
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
    // "the Copenhagen-listed company", "the Dubai-based lender": a place inside a modifier names no body.
    if (!words.some((w) => has(w, CAP) && !/^\p{Lu}[\p{L}.]*-\p{Ll}+$/u.test(w.text))) return { type: 'description', head: last.lower, modifiers: words.slice(0, -1).map((w) => w.lower), text, possessor, org: true, definite: det === 'the' };
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
    // "Rebecca Tan", "Mervyn King": an honorific's spelling after a given name is a surname.
    const surnameTitle = (w: Tok, n: number) => n > 0 && n === name.length - 1 && has(w, TITLE) && nameWord(name[n - 1], true) && /^\p{Lu}\p{Ll}+$/u.test(w.text);
    if (name.length >= 1 && name.every((w, n) => nameWord(w, n > 0) || surnameTitle(w, n)) && fullWords(name) >= 1 && fullWords(name) <= 5 && !has(name[0], PARTICLE) || name.length > 1 && has(name[0], PARTICLE) && name.slice(1).every((w) => nameWord(w, true))) {
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
      // "director of the United Steelworkers": a name after "the" is a body's, never a person's.
      if (CONNECTORS.has(words[s - 1]!.lower) || words[s - 1]!.text === ',' || words[s - 1]!.lower === 'the') continue;
      // "president of the Federation of Ludhiana Engineering Units": what follows a body's "of" is its name.
      if (words.slice(r + 1, s).some((w, n) => has(w, ORG) && has(w, CAP) && words[r + 2 + n]?.lower === 'of')) break;
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
