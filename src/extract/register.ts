// The first pass over an article: everyone it names with a role or a full name, and every organisation,
// registered in order of mention. Attribution then resolves "the minister" or "its energy minister" against them,
// backwards first and, for a lead that names someone only later, forwards.
import type { Entities, Entity } from './entities.ts';
import { COMPANY_LAST, ORG_NOUNS, PORTFOLIOS, ROLE_ADJECTIVES, ROLE_NOUNS } from './lexicon.ts';
import { COUNTRY_WORDS, entityWords } from '../text/entity-words.ts';
import { joinTokens, readAfter } from './mentions.ts';
import { ACRONYM, CAP, COUNTRY, CUE, LOWER, NAME, ORG, ORG_DESC, POSSESSIVE, PUNCT, ROLE, TITLE, has, tokenize, type Tok } from './tokens.ts';

const position = (paragraph: number, offset: number) => paragraph * 1_000_000 + offset;

export function registerMentions(toks: Tok[], ents: Entities, paragraph: number): void {
  registerByKind(toks, ents, paragraph);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.quoted || has(t, PUNCT) || !has(t, CAP | ROLE)) continue;
    // A capitalised verb form can start a name only before more of it ("State Department").
    // "the" only before a capitalised word, a role or a body ("the Ministry of …", "the minister"), not "the decision".
    const startsName = has(t, NAME | ROLE | ORG | TITLE | COUNTRY) || (t.lower === 'the' && has(toks[i + 1], CAP | ROLE | ORG | ORG_DESC)) || has(t, CUE) && has(toks[i + 1], CAP) && has(toks[i + 1], ORG | ROLE);
    if (!startsName) continue;
    const read = readAfter(toks, i);
    if (!read) {
      // "the European Central Bank's decisions": an organisation named only in the possessive.
      let k = i;
      while (k < toks.length && has(toks[k], CAP) && !has(toks[k], POSSESSIVE) && !toks[k]!.quoted) k++;
      if (k > i && has(toks[k], POSSESSIVE | CAP) && has(toks[k], POSSESSIVE) && toks.slice(i, k + 1).some((w) => has(w, ORG))) {
        ents.organisation(joinTokens(toks.slice(i, k + 1)), position(paragraph, t.start));
        i = k;
      }
      continue;
    }
    const m = read.mention;
    if (m.type === 'person' && (m.name.length >= 2 || m.role || m.title)) {
      const pos = position(paragraph, t.start);
      // "CEO of Nvidia Jensen Huang": Nvidia is named too, and is who "his company" means; "the European Central
      // Bank's …, its Vice President Luis de Guindos": the organisation "its" refers to.
      // "Nigeria's environment minister, Adaeze Okonkwo-Bello, …": a description before the name, between commas.
      if (!m.role && toks[read.from - 1]?.text === ',' && toks[read.to]?.text === ',') m.role = describedBefore(toks, read.from - 1);
      // "the association's National President": the association named before.
      const body = m.role ? /^(?:the\s+)?(\p{Ll}+)['\u2019]s\s+(.+)$/u.exec(m.role) : null;
      if (body && (ORG_NOUNS.has(body[1]!) || BODY_WORDS.has(body[1]!))) {
        // "the association's": an association; "the regulator's", "the company's": the body the story is about.
        const word = entityWords(body[1]!)[0] ?? body[1]!;
        const named = ents.latestOrganisation(position(Math.max(0, paragraph - 3), 0), pos, (o) => BODY_WORDS.has(body[1]!) || o.tokens.includes(word));
        if (named) m.role = `${named.name} ${body[2]}`;
      }
      const org = m.role ? organisationInRole(tokenize(m.role, 0, m.role.length, []), ents, pos) : null;
      const owner = toks[read.from - 1]?.lower === 'its' || toks[read.from]?.lower === 'its' || /\bits\b/i.test(m.role ?? '') ? ents.latestOrganisation(position(Math.max(0, paragraph - 2), 0), pos) : null;
      // "its Vice President", "a member of its executive board", "Its president, Takuya Ishizaki": the organisation named before.
      if (owner && m.role) m.role = /^its\s/i.test(m.role) ? `${owner.name} ${m.role.slice(4)}` : /\bits\b/.test(m.role) ? m.role.replace(/\bits\b/, `the ${owner.name}'s`) : `${owner.name} ${m.role}`;
      // "former Prime Minister Alberto Neves": no longer the prime minister.
      if (m.role && /^(?:former|ex-?)$/i.test(toks[read.from - 1]?.lower ?? '')) m.role = `former ${m.role}`;
      // A bare title ("Governor", "Deputy Governor", "CEO") belongs to the body the story is about at that point.
      if (m.role && !org && !owner && isBareTitle(m.role)) {
        // A minister's ministry only when no country qualifies it: "the Chinese Ministry of Commerce" is not the
        // ministry of a minister the text does not place in China.
        const political = !INSTITUTION_TITLES.has(m.role.split(/\s+/).pop()!.toLowerCase());
        const fitsTitle = (o: Entity) => (political ? MINISTRY.test(o.name) && !entityWords(o.name).some((w) => COUNTRY_WORDS.has(w)) : isInstitution(o));
        const body = ents.latestOrganisation(position(Math.max(0, paragraph - 3), 0), pos, fitsTitle);
        if (body) ents.addRole(ents.named(m, pos)!, `${body.name} ${m.role}`);
      }
      const e = ents.named(m, pos);
      if (e && (org ?? owner) && !e.affiliation) e.affiliation = org ?? owner;
      i = read.to - 1;
    } else if (m.type === 'organisation' && (toks.slice(read.from, read.to).some((w) => has(w, ORG | ORG_DESC)) || (COMPANY_LAST.has(toks[read.to - 1]!.lower) || companyAppositive(toks, read.to)) && !portfolioOf(toks, read.from))) {
      ents.named(m, position(paragraph, t.start));
      i = read.to - 1;
    } else if (m.type === 'description') {
      // "A spokesperson for China's Ministry of Commerce": the organisation is named; the words are used up.
      organisationInRole(toks.slice(read.from, read.to), ents, position(paragraph, t.start));
      i = read.to - 1;
    }
  }
}

/** Nouns that make a run a body even after a title's "of" ("Secretary of the Department of Trade"). */
const BODY_HEADS = new Set(['ministry', 'department', 'agency', 'office', 'commission', 'bank', 'council', 'authority', 'board', 'bureau', 'company', 'corporation', 'group', 'association', 'federation', 'institute', 'university', 'fund']);

/**
 * "Japanese trading house Marutaka", "state miner PT Nusantara Logam", "chipmaker Nvidia": a lower-case word for a
 * kind of body, then the body's name. The name is registered as an organisation, which "the company" can mean.
 */
function registerByKind(toks: Tok[], ents: Entities, paragraph: number): void {
  for (let i = 0; i + 1 < toks.length; i++) {
    const kind = toks[i]!;
    if (kind.quoted || !has(kind, LOWER) || !has(kind, ORG | ORG_DESC)) continue;
    let k = i + 1;
    while (k < toks.length && has(toks[k], CAP) && !has(toks[k], ROLE | TITLE | COUNTRY | POSSESSIVE | PUNCT) && !toks[k]!.quoted && k - i <= 4) k++;
    if (k === i + 1 || (has(toks[k], POSSESSIVE) && has(toks[k], CAP))) continue;
    ents.organisation(joinTokens(toks.slice(i + 1, k)), position(paragraph, toks[i + 1]!.start));
    i = k - 1;
  }
}

/** "Minister of Energy and Mineral Resources": a minister's portfolio, not a company. */
function portfolioOf(toks: Tok[], from: number): boolean {
  return ['of', 'for'].includes(toks[from - 1]?.lower ?? '') && has(toks[from - 2], ROLE);
}

/** ", the world's fifth-largest container shipping group,": what follows the name says it is a company. */
function companyAppositive(toks: Tok[], at: number): boolean {
  if (toks[at]?.text !== ',') return false;
  for (let k = at + 1; k < Math.min(toks.length, at + 10); k++) {
    if (toks[k]!.text === ',') return has(toks[k - 1], ORG | ORG_DESC);
    if (toks[k]!.quoted || has(toks[k], PUNCT)) return false;
  }
  return false;
}

/**
 * The organisation a role names: a run headed by an organisation noun ("US Treasury", "Iran's Foreign Ministry"),
 * or a company's name among the role's words ("Nvidia CEO", "CEO of Nvidia"). Portfolios ("Trade Minister") and
 * title words ("Managing Director") are not organisations.
 */
function organisationInRole(toks: Tok[], ents: Entities, pos: number) {
  const runs: Tok[][] = [];
  let run: Tok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const part = has(t, CAP) && !has(t, ROLE | TITLE | PUNCT) && !ROLE_ADJECTIVES.has(t.lower);
    // "(Mofcom)" right after an organisation's name is its short name.
    const paren = t.text === '(' && run.length > 0 && toks[i + 2]?.text === ')' && has(toks[i + 1], CAP);
    if (paren) { run.push(t, toks[i + 1]!, toks[i + 2]!); i += 2; continue; }
    if (part || (run.length && (t.lower === 'of' || t.lower === '&' || t.lower === 'and' && has(toks[i + 1], CAP)))) run.push(t);
    else { if (run.length) runs.push(run); run = []; }
  }
  if (run.length) runs.push(run);
  for (const r of runs) {
    while (r.length && !has(r[r.length - 1], CAP) && r[r.length - 1]!.text !== ')') r.pop();
    // "Minister of Energy and Mineral Resources": a minister's portfolio names no body ("CEO of Nvidia" does).
    if (portfolioOf(toks, toks.indexOf(r[0]!)) && r.some((w) => PORTFOLIOS.has(w.lower)) && !r.some((w) => BODY_HEADS.has(w.lower))) continue;
    const head = r.findIndex((w) => has(w, ORG));
    // "Ministry of Commerce (Mofcom)": the head noun with its complement; "US Treasury": up to the head noun.
    if (head >= 0) {
      // The noun first ("Bank Indonesia", "PT Sulawesi Nickel Smelting", "Ministry of Commerce"): the whole run.
      const lastOrg = findLastIndex(r, (w) => has(w, ORG));
      const end = head === 0 || r[head + 1]?.lower === 'of' || r[head + 1]?.lower === 'for' ? r.length : lastOrg + 1 + (r[lastOrg + 1]?.text === '(' ? 3 : 0);
      return ents.organisation(joinTokens(r.slice(0, end)), pos);
    }
    const name = r.filter((w) => !PORTFOLIOS.has(w.lower) && !has(w, COUNTRY));
    if (name.length === 0 || name.length !== r.filter((w) => !has(w, COUNTRY)).length) continue;
    if (name.every((w) => has(w, NAME | ACRONYM)) && !name.some((w) => w.text === '(')) return ents.organisation(name.map((w) => w.text).join(' '), pos);
  }
  return null;
}

function findLastIndex<T>(xs: T[], f: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i]!)) return i;
  return -1;
}

/** Words for a body that say what it does, not what it is called ("the regulator's director-general"). */
const BODY_WORDS = new Set(['regulator', 'watchdog', 'body', 'firm', 'company', 'group', 'lender', 'carmaker', 'automaker', 'chipmaker', 'insurer', 'retailer', 'exporter', 'producer', 'manufacturer', 'operator', 'utility', 'union', 'lobby', 'organisation', 'organization']);

/** Bodies whose titles go without naming them: a bank's governor, a company's chief executive. */
const INSTITUTIONS = /\b(?:bank|banco|banque|reserve|fund|company|corporation|group|holdings|inc|ltd|plc|authority|commission|board|agency|exchange|opec|institute|university|federation|association|council|ministry|department|embassy|consulate|mission|secretariat|office)\b/i;

/** An institution by its head noun, first or last ("Bank of Canada", "Hoshina Group"; not the "Foreign Exchange … Act"). */
function isInstitution(o: Entity): boolean {
  const words = o.name.split(/\s+/);
  return INSTITUTIONS.test(words[0]!) || INSTITUTIONS.test(words[words.length - 1]!.replace(/[()]/g, ''));
}

/** Titles held in an institution rather than a government: a minister or a president is no bank's. */
const INSTITUTION_TITLES = new Set(['governor', 'ceo', 'cfo', 'coo', 'cto', 'chairman', 'chairwoman', 'chair', 'chairperson', 'director', 'director-general', 'executive', 'chief', 'spokesperson', 'spokesman', 'spokeswoman', 'treasurer', 'economist', 'strategist', 'analyst', 'trustee']);

const MINISTRY = /^(?:ministry|department)\b/i;
const MINISTER_TITLES = new Set(['minister', 'secretary']);

/** A role that is only a title ("Governor", "Deputy Governor", "Chief Executive", "Minister"), naming no body. */
function isBareTitle(role: string): boolean {
  const words = role.split(/\s+/).map((w) => w.toLowerCase());
  const last = words[words.length - 1]!;
  return words.length <= 3 && (INSTITUTION_TITLES.has(last) || MINISTER_TITLES.has(last)) && words.every((w) => ROLE_NOUNS.has(w) || ROLE_ADJECTIVES.has(w));
}

/** The phrase that opens a clause and describes the name after the comma at `comma`, if it holds a title. */
function describedBefore(toks: Tok[], comma: number): string | null {
  let k = comma - 1;
  // "The Minister of Forestry, Fisheries and the Environment, Mr …": commas in a list of portfolios belong to it.
  const listComma = (i: number) => toks[i]!.text === ',' && has(toks[i - 1], CAP) && PORTFOLIOS.has(toks[i - 1]!.lower);
  while (k >= 0 && comma - k <= 14 && !toks[k]!.quoted && (!has(toks[k], PUNCT) || listComma(k)) && !(has(toks[k], CUE) && !has(toks[k], CAP))) k--;
  if (k >= 0 && !has(toks[k], PUNCT)) return null;
  const phrase = toks.slice(k + 1, comma).filter((w, n) => !(n === 0 && ['the', 'a', 'an', 'his', 'her', 'their'].includes(w.lower)));
  return phrase.some((w) => has(w, ROLE)) ? joinTokens(phrase) : null;
}
