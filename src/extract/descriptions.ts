// Whether a description ("the minister", "its energy minister", "the Mofcom spokesperson", "the central bank")
// fits an entity: its title among the entity's roles, its other words not contradicting them (a country, a rank).
import { countriesIn, entityWords } from '../text/entity-words.ts';
import type { Entity } from './entities.ts';
import { EMPTY_MODIFIERS, GENERIC_ROLES, ORG_NOUNS } from './lexicon.ts';
import type { Mention } from './mentions.ts';

type Description = Extract<Mention, { type: 'description' }>;

/** Words that say what kind of body an organisation is, not which. */
const ORG_KINDS = new Set(['central', 'national', 'state', 'federal', 'private', 'public', 'main', 'top', 'largest', 'biggest', 'leading', 'local', 'domestic', 'regional', 'global', 'giant', 'major', 'sovereign', 'development', 'commercial', 'investment']);

/** "Copenhagen-listed", "Dubai-based": where a body is, which does not say which body it is. */
const PLACE_MODIFIER = /-(?:based|listed|owned|backed|headquartered|registered|run|controlled)$/iu;

/** Ranks below an office: "the minister" is not the deputy or vice minister. */
const LESSER = ['deputy', 'vice', 'assistant', 'associate', 'junior', 'under', 'shadow', 'acting'];

/**
 * "the head of Germany's central bank" for the "Bundesbank President" named next: the title fits and the other
 * words only say what kind of body it is.
 */
export function fitsKind(e: Entity, m: Description): boolean {
  const head = entityWords(m.head)[0] ?? m.head;
  if (!roleHeadFits(head, e.roleWords)) return false;
  const countries = countryOfRole(e);
  const modifiers = m.modifiers.flatMap((w) => entityWords(w)).filter((w) => !EMPTY_MODIFIERS.has(w));
  return modifiers.every((w) => e.roleWords.has(w) || ORG_KINDS.has(w) || ORG_NOUNS.has(w) || (isCountry(w) && (countries.length === 0 || countries.includes(w))));
}

/** How many of a description's words an entity's roles or name actually contain. */
export function support(e: Entity, m: Description): number {
  const words = m.modifiers.flatMap((w) => entityWords(w)).filter((w) => !EMPTY_MODIFIERS.has(w));
  return words.filter((w) => e.roleWords.has(w) || e.tokens.includes(w) || e.acronyms.has(w)).length;
}

/** Whether a description can mean this entity (`orgContext`: the body "its" refers to, whose people fit its words). */
export function fits(e: Entity, m: Description, orgContext: Entity | null): boolean {
  const modifiers = m.modifiers.flatMap((w) => entityWords(w)).filter((w) => !EMPTY_MODIFIERS.has(w));
  const head = entityWords(m.head)[0] ?? m.head;
  if (m.org) {
    if (e.kind !== 'organisation' && !(loneWord(e) && COMPANY_HEADS.includes(head))) return false;
    if (!orgHeadFits(head, e)) return false;
    // "the central bank" is Bank Indonesia: words that say what kind of body it is do not have to be its name's.
    return m.modifiers.every((raw) => PLACE_MODIFIER.test(raw) || entityWords(raw).every((w) => EMPTY_MODIFIERS.has(w) || e.tokens.includes(w) || e.acronyms.has(w) || ORG_KINDS.has(w)));
  }
  // "the Mofcom spokesperson": an organisation's unnamed spokesperson speaks for it; "the spokesperson", once
  // the organisation has spoken so.
  if (e.kind === 'organisation') {
    if (head !== 'spokesperson' && head !== 'representative') return false;
    if (modifiers.length === 0) return e.roleWords.has('spokesperson');
    return modifiers.every((w) => e.tokens.includes(w) || e.acronyms.has(w) || countryOf(e).includes(w));
  }
  // A former office-holder is not "the minister", and "the former minister" is no current one.
  const former = m.modifiers.some((w) => /^(?:former|ex)$/i.test(w));
  const words = former ? e.formerWords : e.roleWords;
  const countries = countryOfRole(e);
  const office = /\bhead of (state|government)\b/iu.exec(m.text);
  if (office) {
    const heads = office[1]!.toLowerCase() === 'state' ? ['president', 'king', 'queen', 'emir', 'monarch', 'sultan'] : ['prime', 'premier', 'chancellor'];
    if (!heads.some((w) => words.has(w))) return false;
    return modifiers.filter((w) => w !== 'state' && w !== 'government').every((w) => !isCountry(w) || countries.length === 0 || countries.includes(w));
  }
  if (!roleHeadFits(head, words)) return false;
  // "the minister" is not the deputy minister, unless the description says so.
  for (const lesser of LESSER) if (words.has(lesser) && !modifiers.includes(lesser) && !holdsFullOffice(e, head)) return false;
  for (const w of modifiers) {
    if (countries.length && isCountry(w) && !countries.includes(w)) return false;
    if (isCountry(w) && countries.length === 0) continue; // the role names no country: nothing contradicts it
    if (!words.has(w) && !(orgContext && e.affiliation === orgContext)) return false;
  }
  if (m.possessor === 'its' && orgContext && e.affiliation && e.affiliation !== orgContext) return false;
  return true;
}

/** Whether one of a person's roles has this title without a lesser rank before it ("Minister", not "Deputy Minister"). */
function holdsFullOffice(e: Entity, head: string): boolean {
  return e.roles.some((r) => {
    const words = entityWords(r);
    const at = words.lastIndexOf(head);
    // "Shadow resources minister" holds no office; "Minister of State" under a minister is still a minister.
    return at >= 0 && !words.slice(0, at).some((w) => LESSER.includes(w));
  });
}

/** "minister" fits a role with minister; generic heads ("official", "leader", "chief") fit any role. */
function roleHeadFits(head: string, words: Set<string>): boolean {
  if (words.size === 0) return false;
  if (GENERIC_ROLES.has(head)) return true;
  if (words.has(head)) return true;
  const synonyms: Record<string, string[]> = {
    diplomat: ['foreign', 'ambassador', 'envoy', 'diplomat'],
    pm: ['prime'],
    president: ['president'],
    chancellor: ['chancellor'],
    lawmaker: ['senator', 'mp', 'congressman', 'congresswoman', 'representative', 'lawmaker', 'mep', 'rep', 'sen', 'legislator', 'mla'],
    senator: ['sen'],
    governor: ['gov'],
    representative: ['rep'],
    spokesperson: ['spokesperson'],
    executive: ['ceo', 'executive', 'cfo', 'coo', 'chair'],
    ceo: ['ceo', 'executive'],
    envoy: ['envoy', 'ambassador', 'representative'],
  };
  return (synonyms[head] ?? []).some((w) => words.has(w));
}

const COMPANY_HEADS = ['company', 'firm', 'carmaker', 'automaker', 'chipmaker', 'maker', 'manufacturer', 'producer', 'group', 'giant', 'startup', 'lender', 'insurer', 'retailer', 'operator', 'exporter', 'importer', 'utility'];

/**
 * "Nvidia said in a statement …": one capitalised word no one introduced, with no first name, title or role, is
 * read as a person until "the company" shows it is one.
 */
export function loneWord(e: Entity): boolean {
  return e.kind === 'person' && e.tokens.length === 1 && e.roles.length === 0 && e.aliases.size === 1 && e.gender === null;
}

function orgHeadFits(head: string, e: Entity): boolean {
  if (e.tokens.includes(head)) return true;
  const government = ['ministry', 'department', 'government', 'administration', 'cabinet', 'office', 'commission', 'agency', 'authority', 'embassy', 'council', 'bureau', 'secretariat', 'treasury', 'parliament', 'assembly', 'congress', 'senate'];
  const isGovernment = e.tokens.some((w) => government.includes(w));
  if (COMPANY_HEADS.includes(head)) return !isGovernment;
  // "the government": a government, an administration or a country speaking, not Parliament or an agency.
  if (head === 'government' || head === 'administration') return e.tokens.some((w) => ['government', 'administration', 'cabinet'].includes(w)) || (e.tokens.length === 1 && isCountry(e.tokens[0]!));
  return false;
}

const isCountry = (w: string) => countriesIn(w).length > 0;
const countryOf = (e: Entity) => e.tokens.filter(isCountry);
const countryOfRole = (e: Entity) => [...e.roleWords].filter(isCountry);
