// Who a question means: "Bessent", "Zafrul", "de Guindos", "@SecScottBessent", "the Treasury Secretary",
// "China's commerce ministry", "the Mofcom spokesperson". Strict: a question finds a speaker only by that speaker's
// own names, surnames, handles or role titles, and finds nobody rather than someone else. Every step is an index
// lookup (speaker_keys, speaker_words) followed by a check of the few candidates it returns; no pass over all
// speakers or keys.
//
//   a. an exact name, alias, handle or role key;
//   b. all the phrase's words among the words of one of a speaker's names ("Zafrul" → "Zafrul Abdul Aziz");
//   c. a role phrase: its words normalised (entityWords), split into countries, generic words that constrain
//      nothing ("top", "chief", "official"…) and the rest, which must all be found in one of the speaker's roles
//      (with their names; for organisations, their names and aliases), allowing the title synonyms below and
//      acronyms ("ECB" for "European Central Bank"). A speaker whose roles or name name another country is out.
//
// Candidates are ranked: those whose roles name the question's country first, then (with a topic) the most quotes on
// it, then the most quoted. The first is the answer; the others are alternatives.
import type { SpeakerKeys, Store } from '../store/store.ts';
import { acronymOf, COUNTRY_WORDS, entityWords, organisationKey } from '../text/entity-words.ts';
import { nameKey } from '../text/normalize.ts';
import { keyWords } from '../store/speaker-words.ts';
import { TITLES as TITLES_OF_ADDRESS } from '../extract/lexicon.ts';

/**
 * Candidates checked per step. The index returns them best first (the question's country, then the most quoted),
 * so the ones past this many could only come after them in the ranking anyway.
 */
const MAX_CANDIDATES = 50;
/** Candidates whose quotes on a topic are counted (an indexed query each). */
const MAX_TOPIC_COUNTS = 5;

/** Words that say what kind of person or body is meant, but not which: they constrain nothing. */
const GENERIC = new Set([
  'official', 'officials', 'leader', 'leaders', 'chief', 'head', 'top', 'senior', 'former', 'current', 'new', 'then', 'acting',
  'incoming', 'outgoing', 'interim', 'boss', 'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'madam', 'hon', 'honourable',
  'country', 'nation', 'spokespeople',
]);

/** Honorifics dropped before a name is looked up by its words ("Mr Vaishnaw", "Prince Abdulaziz", "Tengku Zafrul"). */
const HONORIFICS = new Set([...TITLES_OF_ADDRESS, 'madam', 'honourable']);

/** A question about a person by role must name a title; otherwise its words could be anyone's ("Modi" in "adviser to Modi"). */
const TITLES = new Set([
  'minister', 'secretary', 'president', 'premier', 'prime', 'chancellor', 'ceo', 'cfo', 'coo', 'cto', 'chair', 'founder', 'cofounder',
  'director', 'governor', 'commissioner', 'spokesperson', 'ambassador', 'envoy', 'diplomat', 'representative', 'negotiator',
  'adviser', 'advisor', 'counsellor', 'counselor', 'king', 'queen', 'emir', 'sultan', 'monarch', 'prince', 'princess', 'pope',
  'senator', 'congressman', 'congresswoman', 'lawmaker', 'legislator', 'mp', 'mep', 'mayor', 'speaker', 'general', 'admiral',
  'commander', 'economist', 'strategist', 'analyst', 'officer', 'deputy', 'undersecretary', 'attorney', 'justice', 'judge',
  'treasurer', 'manager', 'executive', 'trustee', 'administrator', 'inspector', 'regulator', 'editor', 'professor', 'dean',
  'sheikh', 'partner', 'head-of-state', 'head-of-government', 'foreign-minister', 'finance-minister', 'vice', 'commissar',
  ...GENERIC,
]);

/** Words a role can carry that make it a different office: "Brazil's president" is not its vice president. */
const LESSER = ['vice', 'deputy', 'assistant', 'associate', 'junior', 'under', 'undersecretary'];

/** Question phrases read as one title before the words are matched ("head of state" → any head of state). */
const CONCEPTS: [string[], string][] = [
  [['head', 'state'], 'head-of-state'],
  [['head', 'government'], 'head-of-government'],
  [['foreign', 'minister'], 'foreign-minister'],
  [['finance', 'minister'], 'finance-minister'],
];

/** Titles and the ways a role may put them: each alternative's words must all be in the role. */
const TITLE_SYNONYMS: Record<string, string[][]> = {
  diplomat: [['diplomat'], ['foreign', 'minister'], ['foreign', 'secretary'], ['secretary', 'state'], ['foreign', 'affairs'], ['ambassador'], ['envoy']],
  'head-of-state': [['president'], ['king'], ['queen'], ['emir'], ['monarch'], ['sultan'], ['head', 'state']],
  'head-of-government': [['prime', 'minister'], ['chancellor'], ['head', 'government']],
  'foreign-minister': [['foreign', 'minister'], ['foreign', 'secretary'], ['secretary', 'state'], ['foreign', 'affairs', 'minister']],
  'finance-minister': [['finance', 'minister'], ['treasury', 'secretary'], ['chancellor', 'exchequer']],
  envoy: [['envoy'], ['ambassador'], ['representative']],
  ambassador: [['ambassador'], ['envoy'], ['high', 'commissioner']],
  spokesperson: [['spokesperson'], ['press', 'secretary']],
  ministry: [['ministry'], ['department']],
  department: [['department'], ['ministry']],
  adviser: [['adviser'], ['advisor']],
  advisor: [['advisor'], ['adviser']],
};

interface Countries {
  own: Set<string>;
  /** Countries after "to" or "in": where an envoy is posted, not whose envoy they are. */
  dest: Set<string>;
}

/** The countries a name or role key names: its own, and where it is posted ("us ambassador to india"). */
function countriesOf(key: string): Countries {
  const [own, ...rest] = key.split(/\s+(?:to|in)\s+/);
  const pick = (t: string) => new Set(entityWords(t).filter((w) => COUNTRY_WORDS.has(w)));
  return { own: pick(own ?? ''), dest: pick(rest.join(' ')) };
}

function addAll(into: Countries, from: Countries): void {
  for (const c of from.own) into.own.add(c);
  for (const c of from.dest) into.dest.add(c);
}

const meets = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

/** A role phrase as groups of alternatives (each alternative a list of words), with its countries. */
interface RolePhrase {
  groups: string[][][];
  countries: Countries;
  /** The phrase names a title (needed to find a person by role). */
  titled: boolean;
  /** Words of a lesser office the phrase itself asks for ("vice", "deputy"). */
  lesser: Set<string>;
}

export function rolePhrase(phrase: string): RolePhrase | null {
  const key = nameKey(phrase);
  let words = entityWords(key);
  for (const [seq, concept] of CONCEPTS) {
    for (let i = 0; i + seq.length <= words.length; i++) {
      if (seq.every((w, j) => words[i + j] === w)) words = [...words.slice(0, i), concept, ...words.slice(i + seq.length)];
    }
  }
  const countries = countriesOf(key);
  const rest = words.filter((w) => !COUNTRY_WORDS.has(w) && !GENERIC.has(w));
  if (rest.length === 0) return null;
  // Acronyms of the phrase's runs of words ("european central bank" → "ecb") may stand for the words they cover.
  const plain = key.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && entityWords(w).length > 0);
  const covering = new Map<string, Set<string>>();
  for (let i = 0; i < plain.length; i++) {
    for (let n = 3; n <= 5 && i + n <= plain.length; n++) {
      const run = plain.slice(i, i + n);
      const a = acronymOf(run.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' '));
      if (!a) continue;
      for (const w of run.flatMap((x) => entityWords(x))) covering.set(w, (covering.get(w) ?? new Set()).add(a));
    }
  }
  const groups = [...new Set(rest)].map((w) => {
    const alts = TITLE_SYNONYMS[w] ?? [[w]];
    return [...alts, ...[...(covering.get(w) ?? [])].map((a) => [a])];
  });
  return {
    groups,
    countries,
    titled: words.some((w) => TITLES.has(w) || TITLE_SYNONYMS[w] !== undefined),
    lesser: new Set(words.filter((w) => LESSER.includes(w))),
  };
}

const satisfies = (groups: string[][][], has: (w: string) => boolean) => groups.every((alts) => alts.some((alt) => alt.every(has)));

/** Whether a speaker fits a role phrase, and the countries its roles and (organisations) names give it. */
function fitsRole(s: SpeakerKeys, q: RolePhrase): { fits: boolean; countries: Countries } {
  const countries: Countries = { own: new Set(), dest: new Set() };
  for (const r of s.roles) addAll(countries, countriesOf(r));
  if (s.kind === 'organisation') for (const n of s.names) addAll(countries, countriesOf(n));
  const nameWords = new Set(s.names.flatMap((n) => keyWords(s.kind, n, false)));
  const roleSets = s.roles.map((r) => new Set(keyWords(s.kind, r, true)));
  const lesserOk = (role: Set<string>) => LESSER.every((w) => !role.has(w) || q.lesser.has(w));
  let fits = false;
  if (s.kind === 'organisation') {
    // An organisation by its names and aliases, and the roles its statements carry ("spokesperson").
    fits = [new Set<string>(), ...roleSets].some((role) => lesserOk(role) && satisfies(q.groups, (w) => role.has(w) || nameWords.has(w)));
  } else if (q.titled) {
    // A person by one of their roles: some of the words must be the role's; the rest may be their name ("CEO Huang").
    fits = roleSets.some((role) => lesserOk(role) && q.groups.some((alts) => alts.some((alt) => alt.every((w) => role.has(w))))
      && satisfies(q.groups, (w) => role.has(w) || nameWords.has(w)));
  }
  return { fits, countries };
}

/** False when the speaker names countries and none is the question's (own, and posted-to, compared apart). */
function countryAllows(q: Countries, c: Countries): boolean {
  if (q.own.size && c.own.size && !meets(q.own, c.own)) return false;
  if (q.dest.size && c.dest.size && !meets(q.dest, c.dest)) return false;
  return true;
}

/** Whether all the phrase's words are among the words of one of the speaker's names (and, for a body, not only a country). */
function fitsName(s: SpeakerKeys, words: string[]): boolean {
  if (s.kind === 'organisation' && words.every((w) => COUNTRY_WORDS.has(w) || GENERIC.has(w) || entityWords(w).every((x) => COUNTRY_WORDS.has(x)))) return false;
  return s.names.some((n) => {
    const have = new Set(keyWords(s.kind, n, false));
    return words.every((w) => have.has(w));
  });
}

export interface ResolveOptions {
  /** The topic asked about: among equally good speakers, the one with the most quotes on it comes first. */
  topicTerms?: string[];
}

/** The speakers a question's phrase can mean, best first; empty when it names nobody the articles know. */
export async function resolveSpeaker(store: Store, phrase: string, options: ResolveOptions = {}): Promise<number[]> {
  const key = nameKey(phrase);
  if (!key) return [];
  const role = rolePhrase(phrase);
  const countries = role?.countries ?? countriesOf(key);

  // a. An exact name, alias, handle or role (an organisation also by its merge key).
  const exact = await store.speakersNamed(key, { roles: true, orgKey: organisationKey(phrase) });
  // A person found only by a role too rare among their articles to be looked up (speakerKeys) is not meant; one
  // found by one of their names is, however rarely that name is used.
  const byName = new Set(await store.speakersNamed(key, { orgKey: organisationKey(phrase) }));
  const meant = (await store.speakerKeys(exact)).filter((s) => byName.has(s.id) || s.kind === 'organisation' || s.roles.includes(key));
  if (meant.length) return rank(store, meant, countries, options);

  // b. The phrase's words among one name's words: a surname, given names, a handle written without "@".
  const words = key.replace(/@/g, '').split(/\s+/).filter((w) => w && !HONORIFICS.has(w));
  if (words.length) {
    const ids = await store.speakersWithWords(words.map((w) => [w]), 'names', MAX_CANDIDATES);
    const named = (await store.speakerKeys(ids)).filter((s) => fitsName(s, words));
    if (named.length) return rank(store, named, countries, options);
  }

  // c. A role phrase.
  if (!role) return [];
  const prefer = [...role.countries.own, ...role.countries.dest];
  const ids = await store.speakersWithWords(role.groups.map((alts) => alts.map((alt) => alt[0]!)), 'any', MAX_CANDIDATES, prefer);
  const fitting: SpeakerKeys[] = [];
  const countryOf = new Map<number, Countries>();
  for (const s of await store.speakerKeys(ids)) {
    const { fits, countries: c } = fitsRole(s, role);
    if (!fits || !countryAllows(role.countries, c)) continue;
    fitting.push(s);
    countryOf.set(s.id, c);
  }
  return rank(store, fitting, role.countries, options, countryOf);
}

/** Best first: the question's country named, then quotes on the topic, then quotes, then mentions. */
async function rank(store: Store, speakers: SpeakerKeys[], q: Countries, options: ResolveOptions, countryOf?: Map<number, Countries>): Promise<number[]> {
  if (speakers.length <= 1) return speakers.map((s) => s.id);
  const wanted = q.own.size ? q.own : q.dest;
  const named = (s: SpeakerKeys) => {
    if (wanted.size === 0) return 0;
    let c = countryOf?.get(s.id);
    if (!c) {
      c = { own: new Set(), dest: new Set() };
      for (const r of s.roles) addAll(c, countriesOf(r));
      if (s.kind === 'organisation') for (const n of s.names) addAll(c, countriesOf(n));
    }
    return meets(wanted, q.own.size ? c.own : c.dest) ? 1 : 0;
  };
  // A title with no country ("Energy Minister") in stories filed from or about the question's country comes next.
  const home = (s: SpeakerKeys) => (wanted.size && s.homes.some((c) => wanted.has(c)) ? 1 : 0);
  const onTopic = new Map<number, number>();
  if (options.topicTerms?.length) {
    const top = [...speakers].sort((a, b) => named(b) - named(a) || home(b) - home(a) || b.quotes - a.quotes).slice(0, MAX_TOPIC_COUNTS);
    // All the topic's words first; when no one has them all ("the EU's steel quotas" in a story that says "European
    // Union"), any of them.
    for (const mode of ['all', 'any'] as const) {
      for (const s of top) {
        if (s.quotes === 0) continue;
        onTopic.set(s.id, (await store.quoteIds({ speakerId: s.id, text: { terms: options.topicTerms, mode } }, { limit: 1, offset: 0 })).total);
      }
      if ([...onTopic.values()].some((n) => n > 0) || options.topicTerms.length === 1) break;
    }
  }
  return [...speakers]
    .sort((a, b) => named(b) - named(a) || home(b) - home(a) || (onTopic.get(b.id) ?? 0) - (onTopic.get(a.id) ?? 0) || b.quotes - a.quotes || b.mentions - a.mentions || a.id - b.id)
    .map((s) => s.id);
}
