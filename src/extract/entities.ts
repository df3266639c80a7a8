// The people and organisations one article names, merged into one entity each ("Wang" is "Wang Yi", "the Chinese
// commerce ministry" is "China's Ministry of Commerce (Mofcom)", a typo'd "Schreienmacher" is "Schreinemacher"),
// and what "he", "the minister", "its energy minister" or "the Mofcom spokesperson" refers to at a given point.
import type { FoundSpeaker } from '../types.ts';
import { nameKey, splitHandle } from '../text/normalize.ts';
import { acronymOf, COUNTRY_WORDS, entityWords, organisationKey } from '../text/entity-words.ts';
import { distance } from 'fastest-levenshtein';
import { CARRIERS, PORTFOLIOS, ROLE_ADJECTIVES, ROLE_NOUNS } from './lexicon.ts';
import { genderOfTitle, type Mention } from './mentions.ts';
import { genderOfName } from './gender.ts';
import { fits, fitsKind, loneWord, support } from './descriptions.ts';

export interface Entity {
  ref: number;
  kind: 'person' | 'organisation';
  name: string;
  /** Lowercased name words, particles included ("luis", "de", "guindos"). */
  tokens: string[];
  key: string;
  roles: string[];
  aliases: Set<string>;
  /** Words of its roles, normalised, for matching descriptions ("the energy minister"). */
  roleWords: Set<string>;
  /** Words of the offices it no longer holds ("former state secretary"), for "the former minister". */
  formerWords: Set<string>;
  acronyms: Set<string>;
  gender: 'm' | 'f' | null;
  first: number;
  last: number;
  /** Said something in this article (then it is more likely meant by "he" or "the minister"). */
  spoke: boolean;
  /** The organisation its role belongs to ("CEO of Nvidia" → Nvidia), for "his company". */
  affiliation: Entity | null;
  /** The short name printed after an organisation's ("(Canacero)"), shown with it: readers know it by either. */
  short?: string;
}

/** Entities of one article, in order of first mention. */
export class Entities {
  readonly all: Entity[] = [];

  found(): FoundSpeaker[] {
    return this.all.map((e) => ({
      ref: e.ref,
      kind: e.kind,
      name: shownName(e),
      key: e.key,
      surname: e.kind === 'person' ? nameKey(surnameOf(e.name)) || null : null,
      roles: [...e.roles],
      aliases: [...e.aliases],
    }));
  }

  /** The entity a named mention refers to, registering it (or what it adds) when `register` is set. */
  named(m: Extract<Mention, { type: 'person' | 'organisation' }>, at: number, register = true): Entity | null {
    // "a Reuters report": an agency speaks through its own reporting, not as the carrier of someone's words.
    if (m.type === 'organisation') return this.organisation(m.name, at, register, m.role === 'work');
    const words = m.name.map((w) => w.replace(/[.]$/, ''));
    const full = words.filter((w) => !/^\p{Lu}$/u.test(w));
    if (full.length === 0) return null;
    const tokens = full.map((w) => w.toLowerCase());
    if (m.single && tokens.length === 1) {
      const known = this.byNamePart(tokens[0]!, at) ?? this.byAcronym(tokens[0]!) ?? this.all.find((x) => x.kind === 'organisation' && x.key === tokens[0]);
      if (known) return this.touch(known, at);
      if (!register || CARRIERS.has(tokens[0]!)) return null;
      // "Retailers say …", "Economists expect …": a group opening a sentence, not someone introduced.
      if (GROUP_PLURAL.test(tokens[0]!)) return null;
      // One capitalised word nobody was introduced by: a company or an agency as often as a person.
      const kind = /^\p{Lu}{2,}/u.test(full[0]!) || !/^\p{Lu}\p{Ll}/u.test(full[0]!) ? 'organisation' : 'person';
      if (kind === 'organisation') return this.organisation(full[0]!, at, true);
      const e = this.addPerson(full, tokens, at, m);
      this.addRole(e, m.role);
      return e;
    }
    let e = this.all.find((x) => x.kind === 'person' && sameTokens(x.tokens, tokens)) ?? null;
    if (!e) e = this.containing(tokens, at);
    if (!e && register) {
      // An earlier bare surname becomes this full name ("Huang", then "Jensen Huang").
      const part = this.all.find((x) => x.kind === 'person' && x.tokens.length === 1 && tokens.includes(x.tokens[0]!));
      if (part) {
        Object.assign(part, { tokens, name: full.join(' '), key: nameKey(full.join(' ')) });
        part.gender ??= genderOfName(full);
        e = part;
      }
    }
    if (!e) {
      if (!register) return null;
      if (CARRIERS.has(tokens.join(' '))) return null;
      e = this.addPerson(full, tokens, at, m);
    }
    this.addRole(e, m.role);
    e.aliases.add(words.join(' '));
    if (m.title) {
      e.aliases.add(`${m.title} ${surnameOf(e.name)}`);
      e.gender ??= genderOfTitle(m.title);
    }
    return this.touch(e, at);
  }

  private addPerson(full: string[], tokens: string[], at: number, m: Extract<Mention, { type: 'person' }>): Entity {
    const e = this.add('person', full.join(' '), nameKey(full.join(' ')), tokens, at);
    e.aliases.add(full.join(' '));
    if (full.length > 1) e.aliases.add(surnameOf(full.join(' ')));
    e.gender = genderOfTitle(m.title) ?? genderOfName(full);
    return e;
  }

  organisation(name: string, at: number, register = true, carrierSpeaks = false): Entity | null {
    const display = name.replace(/^(?:the|The)\s+/, '').replace(/['\u2019]s$/u, '').trim();
    // "Chinese companies", "Japanese firms": a group of bodies, none of which speaks as one.
    if (/^\S+\s+(?:companies|firms|banks|groups|organisations|organizations|associations|institutions|authorities|enterprises|exporters|importers|producers|manufacturers)$/iu.test(display) && COUNTRY_WORDS.has(entityWords(display.split(/\s+/u)[0]!)[0] ?? '')) return null;
    // "… RUNS UNTIL JUNE 30 - MINISTRY STATEMENT": words in capitals are a wire flash's, not a body's name.
    if (!/\p{Ll}/u.test(display) && /\s/u.test(display) && display.split(/\s+/u).some((w) => w.length > 5)) return null;
    // "(Canacero)" at the end, or "Monetary Policy Committee (MPC) of Bangladesh Bank": a short name in brackets.
    const inParens = /\(([^()]{2,12})\)\s*$/u.exec(display) ?? /\((\p{Lu}{2,8})\)/u.exec(display);
    const bare = display.replace(/\s*\([^()]*\)\s*$/u, '').trim();
    const key = organisationKey(bare);
    if (!key || (CARRIERS.has(key) && !carrierSpeaks)) return null;
    const words = key.split(' ');
    let e = this.all.find((x) => x.kind === 'organisation' && x.key === key)
      ?? (words.length === 1 ? this.byAcronym(words[0]!) : null)
      ?? this.broader(words);
    if (!e) {
      if (!register) return null;
      e = this.add('organisation', bare, key, words, at);
    } else if (register && e.key !== key && words.length > e.key.split(' ').length && !/^\p{Lu}+$/u.test(bare)) {
      // "the Ministry of Commerce", then "China's Ministry of Commerce": the fuller name is kept.
      Object.assign(e, { name: bare, key, tokens: words });
    }
    e.aliases.add(bare);
    // "(Mofcom)" as printed; initials of the name without a possessive country ("China's Ministry of …").
    if (inParens) { e.acronyms.add(inParens[1]!.toLowerCase()); e.aliases.add(inParens[1]!); if (!e.name.includes(`(${inParens[1]!})`)) e.short ??= inParens[1]!; }
    const initials = acronymOf(bare.replace(/^\S+['\u2019]s\s+/u, ''));
    if (initials && !e.acronyms.has(initials)) { e.acronyms.add(initials); e.aliases.add(initials.toUpperCase()); }
    return this.touch(e, at);
  }

  /** An organisation whose words include all of these ("Ministry of Commerce" → "China's Ministry of Commerce"). */
  private broader(words: string[]): Entity | null {
    // "the Treasury" after "the US Treasury": one word, when one organisation has it.
    if (words.length === 1) {
      if (COUNTRY_WORDS.has(words[0]!)) return null; // "Egypt" is not the Central Bank of Egypt
      const one = this.all.filter((x) => x.kind === 'organisation' && x.tokens.includes(words[0]!));
      return one.length === 1 ? one[0]! : null;
    }
    const cands = this.all.filter((x) => x.kind === 'organisation' && words.every((w) => x.tokens.includes(w)) || x.kind === 'organisation' && x.tokens.length >= 2 && x.tokens.every((w) => words.includes(w)));
    return cands.length === 1 ? cands[0]! : null;
  }

  private byAcronym(word: string): Entity | null {
    const w = word.toLowerCase();
    const exact = this.all.find((x) => x.kind === 'organisation' && x.acronyms.has(w));
    if (exact) return exact;
    // "MOFCOM" for "Ministry of Commerce", "Miti" for "Ministry of Investment, Trade and Industry".
    if (w.length < 3) return null;
    const spelled = this.all.filter((x) => x.kind === 'organisation' && abbreviates(w, x.name));
    if (spelled.length !== 1) return null;
    spelled[0]!.acronyms.add(w);
    return spelled[0]!;
  }

  /** A person one of whose name words (or a near spelling, for typos) is this one word; the latest mentioned wins. */
  private byNamePart(word: string, at: number): Entity | null {
    let best: Entity | null = null;
    for (const e of this.all) {
      if (e.kind !== 'person' || e.first > at) continue;
      if (e.tokens.includes(word) && (!best || e.last > best.last)) best = e;
    }
    if (best) return best;
    // A surname given before the full name ("Okonkwo-Bello: “…”", then "Adaeze Okonkwo-Bello"): the one person
    // the article names so later.
    const later = this.all.filter((e) => e.kind === 'person' && e.first > at && e.tokens.length > 1 && e.tokens.includes(word));
    if (later.length === 1) return later[0]!;
    if (word.length < 6) return null;
    for (const e of this.all) {
      if (e.kind !== 'person' || e.first > at) continue;
      const surname = e.tokens[e.tokens.length - 1]!;
      const allowed = Math.min(2, Math.floor(surname.length / 5));
      if (surname.length >= 6 && surname[0] === word[0] && distance(surname, word) <= allowed && (!best || e.last > best.last)) best = e;
    }
    return best;
  }

  /** A known person whose name contains these words in order ("Tengku Zafrul" → "Zafrul Abdul Aziz" needs "zafrul"). */
  private containing(tokens: string[], at: number): Entity | null {
    const cands = this.all.filter((x) => x.kind === 'person' && x.first <= at && containsRun(x.tokens, tokens));
    if (cands.length === 0) return null;
    return cands.reduce((a, b) => (b.last > a.last ? b : a));
  }

  /** The organisation named last between two positions (for "its"). */
  latestOrganisation(from: number, to: number, wanted: (e: Entity) => boolean = () => true): Entity | null {
    let best: Entity | null = null;
    for (const e of this.all) if (e.kind === 'organisation' && e.last >= from && e.last <= to && wanted(e) && (!best || e.last > best.last)) best = e;
    return best;
  }

  /** Attaches an X handle ("@SecScottBessent", "@USTreasury") to the person or body it spells, if any. */
  addHandle(handle: string, roleBefore: string | null): void {
    const spelled = nameKey(splitHandle(handle));
    const byRole = roleBefore ? this.all.filter((e) => e.kind === 'person' && e.roles.some((r) => nameKey(r).endsWith(nameKey(roleBefore)))) : [];
    const target =
      (byRole.length === 1 ? byRole[0] : null) ??
      this.all.find((e) => e.kind === 'person' && e.tokens.length > 1 && spelled.endsWith(e.tokens.join(' '))) ??
      this.all.find((e) => e.kind === 'organisation' && (spelled === e.name.toLowerCase() || spelled === nameKey(e.name))) ??
      this.all.find((e) => e.kind === 'person' && spelled.endsWith(nameKey(surnameOf(e.name))));
    if (target) target.aliases.add(handle);
  }

  /** "Francisco “Paeng” Villaruel": readers may ask for "Paeng Villaruel". */
  addNickname(before: string, after: string, nickname: string): void {
    const [b, a] = [before.toLowerCase(), after.toLowerCase()];
    const e = this.all.find((x) => x.kind === 'person' && x.tokens.includes(b) && x.tokens.includes(a));
    if (e) for (const alias of [nickname, `${nickname} ${surnameOf(e.name)}`]) e.aliases.add(alias);
  }

  /** Adds a role that stood in apposition to this one name. */
  addRole(e: Entity, role: string | null, org: Entity | null = null): void {
    if (!role) return;
    // The same person is named with the same role again and again: the common case returns at once.
    if (!org && e.roles.includes(role)) return;
    // "As the Finance Minister, Wale Adebanjo, said", "including Goldman Sachs economist X": lead-ins, not the role.
    // "an energy analyst …, and no relation of the minister": what the person is not is no part of the role.
    const clean = role.replace(/,?\s*(?:and\s+)?(?:no relation|not related|unrelated)\b.*$/i, '').replace(/^(?:as|including|such as|like|notably)\s+/i, '').replace(/^(?:the|a|an)\s+/i, '').replace(/[,\s]+(?:dr|hon|mr|mrs|ms|prof|sir|dame|eng|amb|rt\.? hon)\.?$/i, '').replace(/[,\s]+$/, '').trim();
    if (!clean || clean.split(/\s+/).length > 16) return;
    const full = org && !entityWords(clean).some((w) => org.tokens.includes(w)) ? `${shownName(org)} ${clean}` : clean;
    // The same person is named with the same role again and again: what follows is worked out once.
    if (e.roles.includes(full)) return;
    e.roles.push(full);
    if (/^(?:former|ex-?)\s/i.test(full)) {
      for (const w of entityWords(full)) e.formerWords.add(w);
      return;
    }
    const words = entityWords(full);
    for (const w of words) e.roleWords.add(w);
    const initials = acronymOf(full);
    if (initials) e.roleWords.add(initials);
    // "European Central Bank Vice President" is also the ECB's: an organisation's short names count as role words.
    for (const o of this.all) if (o.kind === 'organisation' && o.tokens.length && o.tokens.every((w) => e.roleWords.has(w))) for (const a of o.acronyms) e.roleWords.add(a);
    // "MOFCOM spokesperson" is the spokesperson of China's Ministry of Commerce: the role is also given in full.
    // Title-case words of the role itself ("Trade", "Chief") are no short names.
    const short = full.split(/\s+/).find((w) => /^\p{Lu}{3,8}$/u.test(w) || /^\p{Lu}\p{Ll}{2,7}$/u.test(w) && w.length <= 6 && !PLAIN_ROLE_WORDS.has(w.toLowerCase()));
    const body = short ? this.all.find((o) => o.kind === 'organisation' && (o.acronyms.has(short.toLowerCase()) || abbreviates(short.toLowerCase(), o.name)) && !words.some((w) => o.tokens.includes(w))) : null;
    if (body && e.kind === 'person') this.addRole(e, full.replace(short!, body.name));
    // "Minister Yeo", "Secretary Bessent": a name a question may use.
    const head = [...full.split(/[\s,]+/)].reverse().find((w) => /^\p{Lu}/u.test(w) && ROLE_NOUNS.has(w.toLowerCase()));
    if (e.kind === 'person' && head) e.aliases.add(`${head} ${surnameOf(e.name)}`);
    // The organisation in a role ("CEO of Nvidia", "Nvidia CEO") is who "his company" means.
    if (!e.affiliation) {
      // The fullest name wins: "at the Brussels think tank Europa Forum" is Europa Forum's, not Brussels'.
      const named = this.all.filter((x) => x.kind === 'organisation' && x !== e && x.tokens.length > 0 && x.tokens.every((w) => words.includes(w)));
      if (named.length > 0) e.affiliation = named.reduce((a, b) => (b.tokens.length > a.tokens.length ? b : a));
    }
  }

  /**
   * A description ("the minister", "its energy minister", "the top diplomat", "the Mofcom spokesperson",
   * "the company") resolved to the latest entity it fits before `at`; failing that, to the one entity after it
   * that fits, when the lead names someone before introducing them ("…, its energy minister said. … Saudi Energy
   * Minister Prince Abdulaziz bin Salman …"). Null when nothing, or more than one entity ahead, fits.
   */
  describe(m: Extract<Mention, { type: 'description' }>, at: number, horizon: number, orgContext: Entity | null, focus: Entity | null = null): Entity | null {
    const fitting = (e: Entity) => fits(e, m, orgContext);
    // Among those that fit, the ones whose roles name the description's words (a country, an organisation)
    // before those that merely do not contradict them; then the latest mentioned.
    let best: Entity | null = null;
    let bestScore = -1;
    for (const e of this.all) {
      if (e.first > at || !fitting(e)) continue;
      // The person the text is about (the last subject or speaker) before anyone merely mentioned since.
      // A known organisation before a lone word that may be one.
      // "The company added …": a body that has already spoken before one merely named since.
      const score = support(e, m) * 2 + (e === focus ? 1 : 0) + (e.kind === 'organisation' ? 0.5 : 0) + (m.org && e.spoke ? 1 : 0);
      if (score > bestScore || (score === bestScore && e.last > best!.last)) { best = e; bestScore = score; }
    }
    // "the company" shows that the lone word "Nvidia" names a company.
    if (best && m.org && loneWord(best)) best.kind = 'organisation';
    if (best) return best;
    // Named only later: the one that fits, or, when several do, the first of them introduced right after.
    const ahead = this.all.filter((e) => e.first > at && e.first <= horizon && fitting(e)).sort((a, b) => a.first - b.first);
    if (ahead.length === 1) return ahead[0]!;
    return ahead.length > 1 && ahead[0]!.first < nextParagraph(at) + 1_000_000 && ahead[1]!.first > ahead[0]!.first ? ahead[0]! : null;
  }

  /**
   * A lead's description no known role fits ("…, the country's trade minister said."): the person the next
   * paragraph opens with, when that person's roles, if any, do not contradict it. Wire copy names the speaker so.
   */
  introducedNext(m: Extract<Mention, { type: 'description' }>, at: number, from = nextParagraph(at), to = from + 1_000): Entity | null {
    const kind = m.org ? 'organisation' : 'person';
    // The organisation a person's title names ("Bundesbank President …") is registered first; it is not the one meant.
    const first = this.all.filter((e) => e.first >= from && e.first < to && e.kind === kind).sort((a, b) => a.first - b.first)[0];
    if (!first) return null;
    if (first.roleWords.size > 0 && !fits(first, m, null) && !fitsKind(first, m)) return null;
    return first;
  }

  /**
   * "The CS insisted …" after "Cabinet Secretary Esther Wangari Mutua": short for a title someone holds. Only an
   * acronym no organisation has, and only when it fits one person.
   */
  byTitleInitials(acronym: string): Entity | null {
    const a = acronym.toLowerCase();
    // An organisation known by a longer name has these initials; the bare acronym registered alone does not count.
    if (this.all.some((e) => e.kind === 'organisation' && e.name !== acronym && (e.acronyms.has(a) || e.key === a))) return null;
    const holders = this.all.filter((e) => e.kind === 'person' && e.roles.some((r) => {
      const caps = r.split(/[\s,]+/).filter((w) => /^\p{Lu}\p{Ll}/u.test(w));
      // "Cabinet Secretary" → CS; "Principal Secretary for Agriculture" → PS: the title before its "for"/"of".
      const title = r.split(/\s+(?:for|of)\s+/u)[0]!.split(/[\s,]+/).filter((w) => /^\p{Lu}\p{Ll}/u.test(w));
      const initials = (ws: string[]) => ws.slice(-a.length).map((w) => w[0]!.toLowerCase()).join('');
      // The initials end in a title ("Principal Secretary"), not a body ("Monetary Policy Committee").
      const titled = (ws: string[]) => initials(ws) === a && ROLE_NOUNS.has(ws[ws.length - 1]!.toLowerCase());
      return caps.length >= a.length && (titled(caps) || titled(title));
    }));
    return holders.length === 1 ? holders[0]! : null;
  }

  /** The spokesperson the next paragraph names, when nothing ties them to a body other than `org`. */
  spokespersonNext(org: Entity, at: number): Entity | null {
    const from = nextParagraph(at);
    const named = this.all.filter((e) => e.kind === 'person' && e.first >= from && e.first < from + 1_000 && e.roleWords.has('spokesperson'));
    if (named.length !== 1) return null;
    const e = named[0]!;
    if (e.affiliation && e.affiliation !== org) return null;
    this.addRole(e, 'spokesperson', org);
    return e;
  }

  private add(kind: Entity['kind'], name: string, key: string, tokens: string[], at: number): Entity {
    const e: Entity = {
      ref: this.all.length, kind, name, tokens, key, roles: [], aliases: new Set(), roleWords: new Set(), formerWords: new Set(), acronyms: new Set(),
      gender: null, first: at, last: at, spoke: false, affiliation: null,
    };
    this.all.push(e);
    return e;
  }

  touch(e: Entity, at: number): Entity {
    if (at > e.last) e.last = at;
    return e;
  }
}

/**
 * The name a person is called by on second mention: the last word, or the first for Korean names written with a
 * hyphenated given name ("Yeo Han-koo" → "Yeo"). Particles stay with it ("de Guindos", "von der Leyen").
 */
export function surnameOf(name: string): string {
  const words = name.split(/\s+/);
  if (words.length === 2 && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(words[1]!)) return words[0]!;
  let i = words.length - 1;
  while (i > 0 && PARTICLE_WORDS.has(words[i - 1]!.toLowerCase())) i--;
  return words.slice(i).join(' ');
}

/**
 * Whether a short name is made of the starts of a longer name's words, in order ("mofcom": MinistrY? no — "Mo"
 * of Ministry, "f" of of, "Com" of Commerce). Each word gives its first letter or more; small words may be skipped.
 */
export function abbreviates(short: string, name: string): boolean {
  if (short.length > 8) return false;
  // Every organisation is tried against every capitalised word: the answer is remembered per name and short name.
  let known = abbreviated.get(name);
  if (known === undefined) {
    if (abbreviated.size > 20_000) abbreviated.clear();
    const words = name.toLowerCase().replace(/^\S+['\u2019]s\s+/u, '').split(/[^\p{L}]+/u).filter(Boolean);
    // The short name's first letter starts a word that only small words come before: others need no search.
    let firsts = '';
    for (const w of words) { firsts += w[0]!; if (!SMALL_WORDS.has(w)) break; }
    known = { words, firsts, answers: new Map() };
    abbreviated.set(name, known);
  }
  if (known.words.length < 2 || (short.length > 0 && !known.firsts.includes(short[0]!))) return false;
  let yes = known.answers.get(short);
  if (yes === undefined) {
    yes = spells(short, known.words);
    if (known.answers.size > 1_000) known.answers.clear();
    known.answers.set(short, yes);
  }
  return yes;
}
const abbreviated = new Map<string, { words: string[]; firsts: string; answers: Map<string, boolean> }>();
const SMALL_WORDS = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'to']);

function spells(short: string, words: string[]): boolean {
  const go = (si: number, wi: number): boolean => {
    if (si === short.length) return words.slice(wi).every((w) => SMALL_WORDS.has(w));
    if (wi >= words.length) return false;
    const w = words[wi]!;
    for (let n = Math.min(w.length, short.length - si); n >= 1; n--) {
      if (w.slice(0, n) === short.slice(si, si + n) && go(si + n, wi + 1)) return true;
    }
    return SMALL_WORDS.has(w) && go(si, wi + 1);
  };
  return words.length >= 2 && go(0, 0);
}

/** Words that say what kind of body an organisation is, not which one ("the central bank", "the state lender"). */
/** Plural nouns of people in groups ("retailers", "economists", "participants"), never one speaker's name. */
const GROUP_PLURAL = /^\p{Ll}{3,}(?:ers|ors|ists|ants|ents|ians|ees|ives)$/u;
/** Words of titles and portfolios, which a role spells out rather than abbreviates. */
const PLAIN_ROLE_WORDS = new Set([...ROLE_NOUNS, ...PORTFOLIOS, ...ROLE_ADJECTIVES]);

/** An organisation with the short name it was printed with, unless that is only its initials: "… (Canacero)". */
const shownName = (e: Entity) => (e.short && e.short.toLowerCase() !== acronymOf(e.name) ? `${e.name} (${e.short})` : e.name);

const nextParagraph = (at: number) => (Math.floor(at / 1_000_000) + 1) * 1_000_000;

const PARTICLE_WORDS = new Set(['de', 'da', 'das', 'do', 'dos', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'ter', 'ten', 'bin', 'binti', 'ibn', 'bint', 'al', 'el', 'la', 'le', 'du', 'abu', 'ul']);

function sameTokens(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

function containsRun(hay: string[], needle: string[]): boolean {
  const core = needle.filter((w) => !PARTICLE_WORDS.has(w));
  if (core.length === 0) return false;
  for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((w, k) => hay[i + k] === w)) return true;
  // "Tengku Zafrul" → "Zafrul Abdul Aziz": honorifics are dropped before this point; a strict run is required.
  return false;
}

