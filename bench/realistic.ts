// A realistic (seeded, deterministic) news corpus for the benchmark, unlike corpus.ts's gentle one:
//   - articles of 300–2,000 words (median ~700, mean ~840, whitespace words over the whole file), reporting built
//     from templates over large word pools (policy nouns, places, firms, figures, dates) so index terms follow a
//     Zipf-like spread, not the same 50 words everywhere;
//   - 4,000 people quoted with Zipf-like frequency (a few in thousands of articles, most in a handful) and ~100
//     organisations; titles that vary between articles ("US Treasury Secretary", "the treasury chief", "Secretary",
//     "who leads the Treasury"), some people changing role mid-year ("former governor");
//   - people written the way news writes them: titled, in apposition, by surname, by pronoun, by role ("the
//     minister said"), reported speech, statements, posts on X, split and paragraph-spanning quotes, and several
//     people in one sentence ("Nvidia CEO Jensen Huang and Commerce Department Secretary Howard Lutnick met …",
//     "X, India's finance minister, and Y, the central bank governor, said …");
//   - stories: an event has a topic, 1–5 speakers and their quotes; 8% are wire stories carried by five outlets (the
//     same quotes, lightly edited copy, each outlet's own headline and page), the rest by one or two outlets, each
//     writing its own copy; dates over a year with weekly rhythm and a few very busy news days (the busiest ~1% of
//     the corpus);
//   - page furniture on most pages (date lines, breadcrumbs, bylines, "Share this article", related links, reader
//     comments that quote officials back); 10% HTML pages, 10% Markdown with front matter, the rest text.
// Files are written to `dir` with their publication date as modification time. The same seed and count always write
// the same files; the people, firms and roles do not depend on the count, so sizes share their speakers.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dateOf, rng, type Corpus, type GenQuote, type GenSpeaker } from './corpus.ts';
import {
  ABSENT, ADJECTIVES, AGENCIES, ASSOCIATIONS, AUTHORS, COMMITTEES, COMPANY_SUFFIXES, COUNTRIES, EDITORS, FIRMS, IRREGULAR, MONTHS,
  NAME_POOLS, NOUNS, OUTLETS, PAST_TRENDS, PORTFOLIO_TOPICS, PORTFOLIOS, REAL_COMPANIES, SYLLABLES, TOPICS, UNIVERSITIES, US_DEPARTMENTS,
  US_STATES, VERBS, WEEKDAYS, WIRES, type Country, type Topic,
} from './realistic-words.ts';

export { TOPICS as REALISTIC_TOPICS, type Topic as RealisticTopic } from './realistic-words.ts';

type R = () => number;

export interface RealisticSpeaker extends GenSpeaker {
  /** Articles quoting them in this corpus (as generated). */
  articles: number;
  /** Every title they hold over the year, latest last. */
  roles: string[];
  /** A role phrase only they hold, for "what did <the treasury secretary> say?"; null when none is unique. */
  roleQuestion: string | null;
  /** Names of the topics they talk about. */
  topics: string[];
  /** 0 for the most quoted. */
  rank: number;
}

export interface WordStats {
  min: number;
  p10: number;
  p50: number;
  mean: number;
  p90: number;
  p99: number;
  max: number;
}

export interface RealisticCorpus extends Corpus {
  speakers: RealisticSpeaker[];
  /** Whitespace-separated words over every file, furniture and markup included. */
  words: number;
  wordsPerArticle: WordStats;
  busiestDay: { date: string; articles: number };
  formats: Record<'txt' | 'md' | 'html', number>;
  events: number;
  wireEvents: number;
  /** Sampled direct quotes as printed (at most QUOTE_SAMPLE), for who-said questions. */
  quotes: GenQuote[];
  ms: number;
}

// ————— small helpers —————

const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
/**
 * Zipf–Mandelbrot-like: the i-th item with probability ∝ ~1/(i+q); list order is frequency order. A larger q
 * flattens the head (q 1: the first item ~1/ln(n) of all draws).
 */
const zipf = <T>(r: R, xs: readonly T[], q = 1): T => xs[Math.min(xs.length - 1, Math.floor(q * Math.exp(r() * Math.log((xs.length + q) / q)) - q))]!;
const cap = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) && !/^I\b/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
/** "Electronics and IT" → "electronics and IT": lower case but for acronyms. */
const lowerTitle = (s: string): string => s.split(' ').map((w) => (/^[A-Z]{2,}$/.test(w) ? w : w.toLowerCase())).join(' ');
const poss = (name: string): string => (name.endsWith('s') ? `${name}'` : `${name}'s`);
const int = (r: R, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
function weighted(r: R, weights: readonly number[]): number {
  let x = r() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) if ((x -= weights[i]!) < 0) return i;
  return weights.length - 1;
}
function gaussian(r: R): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}
/** Sampling by cumulative weights, in O(log n). */
function sampler(weights: number[]): (r: R) => number {
  const cum: number[] = [];
  let t = 0;
  for (const w of weights) cum.push((t += w));
  return (r) => {
    const x = r() * t;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) inWord = false;
    else if (!inWord) { inWord = true; n++; }
  }
  return n;
}
/** "a additional" → "an additional". */
const articles = (s: string) => s.replace(/\b([Aa]) (?=[aeiouAEIOU])/g, '$1n ');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);

const VERB_FORMS = VERBS.map((base) => {
  const irregular = IRREGULAR[base];
  const e = base.endsWith('e');
  const y = /[^aeiou]y$/.test(base);
  const third = /(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : y ? `${base.slice(0, -1)}ies` : `${base}s`;
  const past = irregular?.[0] ?? (e ? `${base}d` : y ? `${base.slice(0, -1)}ied` : `${base}ed`);
  const ing = irregular?.[1] ?? (e ? `${base.slice(0, -1)}ing` : `${base}ing`);
  return { base, third, past, ing };
});

// ————— the world: firms, organisations, people and their roles (independent of corpus size) —————

interface Company {
  name: string;
  topics: number[];
}

interface Role {
  key: string;
  full: string;
  short: string;
  titles: string[];
  apposites: string[];
  anaphors: string[];
  former: string[];
  question: string | null;
  topics: number[];
}

interface Person {
  rank: number;
  first: string;
  last: string;
  name: string;
  he: 'he' | 'she';
  roles: Role[];
  changeDay: number | null;
  topics: number[];
  country: Country;
  speaker: RealisticSpeaker;
}

interface Org {
  /** As prose prints it, article included ("the International Monetary Fund"). */
  the: string;
  short: string;
  topics: number[];
  speaker: RealisticSpeaker;
}

const topicIndex = (name: string) => TOPICS.findIndex((t) => t.name === name);
const topicsOf = (names: string[]) => names.map(topicIndex).filter((i) => i >= 0);
const SECTOR_TOPICS: Record<string, string[]> = {
  Semiconductor: ['semiconductors', 'artificial intelligence'], Electronics: ['semiconductors', 'tariffs'], Technologies: ['artificial intelligence', 'big tech'],
  Mining: ['critical minerals'], Minerals: ['critical minerals'], Metals: ['critical minerals', 'tariffs'], Resources: ['critical minerals', 'oil markets'],
  Energy: ['oil markets', 'energy transition'], Petroleum: ['oil markets'], Power: ['energy transition', 'infrastructure'], Solar: ['energy transition'],
  Motors: ['electric vehicles', 'tariffs'], Batteries: ['electric vehicles', 'critical minerals'], Pharma: ['pharmaceuticals'], Biosciences: ['pharmaceuticals'],
  Shipping: ['shipping'], Logistics: ['shipping', 'infrastructure'], Foods: ['food security'], Agritech: ['agriculture', 'food security'],
  Financial: ['interest rates', 'digital payments'], Capital: ['interest rates', 'sovereign debt'], Insurance: ['interest rates'], Steel: ['tariffs', 'infrastructure'],
  Cement: ['infrastructure', 'housing'], Infrastructure: ['infrastructure'], Airlines: ['jobs', 'oil markets'], Aerospace: ['defence'], Dynamics: ['defence'],
  Telecom: ['big tech', 'digital payments'], Networks: ['big tech'], Realty: ['housing'], Robotics: ['artificial intelligence', 'jobs'], Chemicals: ['tariffs', 'energy transition'],
  Textiles: ['tariffs', 'jobs'], Holdings: ['tariffs', 'interest rates'], Group: ['tariffs', 'infrastructure'], Industries: ['tariffs', 'jobs'], Materials: ['critical minerals'],
  Ventures: ['artificial intelligence', 'digital payments'],
};
const REAL_COMPANY_TOPICS: Record<string, string[]> = {
  Nvidia: ['semiconductors', 'artificial intelligence'], TSMC: ['semiconductors'], Intel: ['semiconductors'], 'Samsung Electronics': ['semiconductors'], Apple: ['tariffs', 'big tech'],
  Microsoft: ['artificial intelligence', 'big tech'], Alphabet: ['big tech', 'artificial intelligence'], Meta: ['big tech'], Tesla: ['electric vehicles'], BYD: ['electric vehicles'],
  Toyota: ['electric vehicles', 'tariffs'], Boeing: ['defence', 'jobs'], 'Saudi Aramco': ['oil markets'], Shell: ['oil markets', 'energy transition'], Glencore: ['critical minerals'],
  Albemarle: ['critical minerals'], Maersk: ['shipping'], Pfizer: ['pharmaceuticals'], OpenAI: ['artificial intelligence'], Huawei: ['semiconductors', 'sanctions'],
};

const TAIL_WORDS = 2_000_000;
const TAIL_Q = 40;
/** The i-th word of the tail: its index in base SYLLABLES.length, three or four syllables. */
function tailWord(i: number): string {
  let x = i + SYLLABLES.length ** 2;
  let w = '';
  while (x > 0) {
    w += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length);
  }
  return cap(w);
}

function syllableWord(r: R, n: number): string {
  let w = '';
  for (let i = 0; i < n; i++) w += pick(r, SYLLABLES);
  return cap(w);
}

interface World {
  people: Person[];
  orgs: Org[];
  companies: Company[];
  projects: string[];
  towns: string[];
  personSampler: (r: R) => number;
}

let worldCache: { seed: number; world: World } | null = null;

function buildWorld(seed: number): World {
  if (worldCache?.seed === seed) return worldCache.world;
  const r = rng(seed ^ 0x5eed1234);
  const companies: Company[] = REAL_COMPANIES.map((name) => ({ name, topics: topicsOf(REAL_COMPANY_TOPICS[name] ?? [pick(r, TOPICS).name]) }));
  const companyNames = new Set(REAL_COMPANIES);
  while (companies.length < 1600) {
    const suffix = pick(r, COMPANY_SUFFIXES);
    const base = r() < 0.12 ? `${String.fromCharCode(65 + int(r, 0, 25))}${String.fromCharCode(65 + int(r, 0, 25))}${String.fromCharCode(65 + int(r, 0, 25))}` : syllableWord(r, int(r, 2, 3));
    const name = `${base} ${suffix}`;
    if (companyNames.has(name)) continue;
    companyNames.add(name);
    companies.push({ name, topics: topicsOf(SECTOR_TOPICS[suffix] ?? [pick(r, TOPICS).name]) });
  }
  const projects = Array.from({ length: 900 }, () => {
    const kind = pick(r, ['Act', 'Initiative', 'Corridor', 'Project', 'Framework', 'Accord', 'Programme', 'Fund', 'Compact', 'Partnership', 'Mission', 'Plan']);
    return `the ${syllableWord(r, int(r, 2, 3))} ${kind}`;
  });
  const towns = Array.from({ length: 700 }, () => `${r() < 0.2 ? pick(r, ['Port ', 'San ', 'New ', 'Fort ', 'Lake ']) : ''}${syllableWord(r, int(r, 2, 3))}`);

  const people: Person[] = [];
  const orgs: Org[] = [];
  const usedNames = new Set<string>();
  const reservedSurnames = new Set<string>(ABSENT.map((n) => n.split(' ').pop()!));
  const usedSurnames = new Set<string>();
  const usedKeys = new Set<string>();
  const countrySampler = sampler(COUNTRIES.map((c) => c.weight));
  const country = (name: string) => COUNTRIES.find((c) => c.name === name)!;

  const speakerOf = (kind: 'person' | 'organisation', first: string, last: string, name: string, role: Role | null, topics: number[], rank: number): RealisticSpeaker => ({
    kind, first, last, name, role: role?.full ?? '', shortRole: role?.short ?? '', handle: `@${(first + last).replace(/[^A-Za-z]/g, '')}`,
    articles: 0, roles: [], roleQuestion: null, topics: topics.map((t) => TOPICS[t]!.name), rank,
  });

  const addPerson = (first: string, last: string, name: string, he: 'he' | 'she', c: Country, roles: Role[], changeDay: number | null) => {
    const topics = [...new Set([...roles.flatMap((x) => x.topics), ...(roles.some((x) => x.topics.length) ? [] : [int(r, 0, TOPICS.length - 1), int(r, 0, TOPICS.length - 1)])])];
    const latest = roles[roles.length - 1]!;
    const p: Person = { rank: people.length, first, last, name, he, roles, changeDay, topics, country: c, speaker: speakerOf('person', first, last, name, latest, topics, people.length) };
    p.speaker.roles = roles.map((x) => x.full);
    p.speaker.roleQuestion = latest.question;
    usedNames.add(name);
    usedSurnames.add(last);
    if (people.length < 200) reservedSurnames.add(last);
    for (const x of roles) usedKeys.add(x.key);
    people.push(p);
  };

  // The most quoted: people the news is full of, with titles written out by hand.
  for (const [first, last, he, c, role, changeTo, changeDay] of FAMOUS) addPerson(first, last, FAMOUS_NAME[`${first} ${last}`] ?? `${first} ${last}`, he, country(c), changeTo ? [role, changeTo] : [role], changeDay ?? null);

  // Everyone else: a country, a name from its pool, and a role of a kind the country has.
  const ROLE_KINDS = ['minister', 'secretary', 'governor', 'ceo', 'economist', 'lawmaker', 'spokesperson', 'ambassador', 'state-governor', 'association', 'professor', 'commissioner', 'deputy', 'leader'] as const;
  type Kind = (typeof ROLE_KINDS)[number];
  const prominent: number[] = [22, 5, 3, 16, 6, 8, 6, 5, 2, 4, 2, 4, 3, 2];
  const tail: number[] = [6, 1, 1, 14, 22, 14, 9, 5, 3, 9, 9, 1, 6, 0];

  const roleOf = (kind: Kind, c: Country): Role | null => {
    const cn = c.name === 'US' ? 'the US' : c.name;
    const Cn = cap(cn);
    switch (kind) {
      case 'minister': {
        if (c.name === 'US' || c.adj === 'EU') return null;
        const P = pick(r, PORTFOLIOS);
        const p = lowerTitle(P);
        return {
          key: `min|${c.name}|${P}`, full: `${c.adj} ${P} Minister`, short: 'Minister',
          titles: [`${c.adj} ${P} Minister`, `${poss(Cn)} ${P} Minister`, `${P} Minister`, `Minister of ${P}`, 'Minister', `Union ${P} Minister`].slice(0, c.name === 'India' ? 6 : 5),
          apposites: [`${poss(cn)} ${p} minister`, `the ${p} minister`, `the ${c.adj} ${p} minister`, `who heads ${poss(cn)} ${p} ministry`],
          anaphors: ['the minister', `the ${p} minister`], former: [`former ${P} Minister`, `former ${c.adj} ${p} minister`],
          question: `${poss(cn)} ${p} minister`, topics: topicsOf(PORTFOLIO_TOPICS[P] ?? []),
        };
      }
      case 'secretary': {
        if (c.name !== 'US') return null;
        const D = pick(r, US_DEPARTMENTS);
        const d = lowerTitle(D);
        return {
          key: `sec|${D}`, full: `US ${D} Secretary`, short: 'Secretary',
          titles: [`US ${D} Secretary`, `${D} Secretary`, 'Secretary', `${D} Department Secretary`, `Secretary of ${D}`],
          apposites: [`the ${d} secretary`, `the US ${d} chief`, `who leads the ${D} Department`, `the US secretary of ${d}`],
          anaphors: ['the secretary', `the ${d} chief`], former: [`former ${D} Secretary`, `former US ${d} secretary`],
          question: `the ${d} secretary`, topics: topicsOf(PORTFOLIO_TOPICS[D] ?? []),
        };
      }
      case 'governor': {
        const bank = c.bank;
        const theBank = /^(?:Bank |Banque |Bangko |Norges |Bank Negara)/.test(bank) ? bank : `the ${bank}`;
        return {
          key: `cb|${c.name}`, full: `${bank} Governor`, short: 'Governor',
          titles: [`${bank} Governor`, 'Governor', `${c.adj} central bank Governor`, `${bank} chief`],
          apposites: [`the governor of ${theBank}`, `${poss(cn)} central bank chief`, `who heads ${theBank}`, `the ${c.adj} central bank governor`],
          anaphors: ['the governor', 'the central banker'], former: [`former ${bank} Governor`, `former central bank governor`],
          question: `the governor of ${theBank}`, topics: topicsOf(['interest rates', 'currencies']),
        };
      }
      case 'ceo': {
        const co = zipf(r, companies);
        return {
          key: `ceo|${co.name}`, full: `${co.name} CEO`, short: 'CEO',
          titles: [`${co.name} CEO`, `${co.name} chief executive`, `${co.name} Chief Executive Officer`, 'CEO', `${co.name} boss`],
          apposites: [`the chief executive of ${co.name}`, `${poss(co.name)} chief executive`, `who runs ${co.name}`, `${poss(co.name)} CEO`, `the head of ${co.name}`],
          anaphors: ['the chief executive', 'the executive', 'the CEO'], former: [`former ${co.name} CEO`, `former ${co.name} chief executive`],
          question: `the ${co.name} CEO`, topics: co.topics,
        };
      }
      case 'economist': {
        const f = zipf(r, FIRMS);
        return {
          key: `econ|${people.length}`, full: `${f} economist`, short: 'economist',
          titles: [`${f} economist`, `${f} chief economist`, `${f} analyst`, `${f} strategist`],
          apposites: [`an economist at ${f}`, `chief economist at ${f}`, `a senior analyst at ${f}`, `head of research at ${f}`, `a strategist at ${f}`],
          anaphors: ['the economist', 'the analyst'], former: [`a former ${f} economist`], question: null, topics: [],
        };
      }
      case 'lawmaker': {
        if (c.name === 'US') {
          const party = pick(r, ['Republican', 'Democratic']);
          const st = pick(r, US_STATES);
          const chair = r() < 0.12 ? pick(r, COMMITTEES) : null;
          if (chair && usedKeys.has(`chair|${chair}`)) return null;
          return {
            key: chair ? `chair|${chair}` : `law|${people.length}`, full: `${party} Senator`, short: 'Senator',
            titles: ['Senator', 'Sen.', `${party} Senator`, 'US Senator', `${st} Senator`],
            apposites: [`a ${party} senator from ${st}`, `a ${party} from ${st}`, chair ? `chair of the Senate ${chair} Committee` : `who sits on the Senate ${pick(r, COMMITTEES)} Committee`],
            anaphors: ['the senator', 'the lawmaker'], former: ['former Senator', `former ${st} senator`],
            question: chair ? `the chair of the Senate ${chair} Committee` : null, topics: [],
          };
        }
        return {
          key: `law|${people.length}`, full: `${c.adj} lawmaker`, short: 'lawmaker',
          titles: [`${c.adj} lawmaker`, 'opposition lawmaker', 'MP', `${c.adj} MP`],
          apposites: ['an opposition lawmaker', `a member of ${poss(cn)} parliament`, `who chairs the parliamentary ${pick(r, TOPICS).name} committee`, `a ruling-party lawmaker`],
          anaphors: ['the lawmaker', 'the MP'], former: ['former lawmaker', `former ${c.adj} MP`], question: null, topics: [],
        };
      }
      case 'spokesperson': {
        const P = pick(r, ['Foreign', 'Commerce', 'Finance', 'Defence', 'Trade', 'Energy']);
        const p = P.toLowerCase();
        return {
          key: `spox|${c.name}|${P}`, full: `${c.adj} ${P} Ministry spokesperson`, short: 'spokesperson',
          titles: [`${P} Ministry spokesperson`, `${c.adj} ${p} ministry spokesperson`, 'spokesperson', `${c.adj} ${P} Ministry spokesperson`],
          apposites: [`a spokesperson for ${poss(cn)} ${p} ministry`, `the ${p} ministry's spokesperson`, `who speaks for the ${c.adj} ${p} ministry`],
          anaphors: ['the spokesperson'], former: ['former spokesperson'], question: `the ${c.adj} ${p} ministry spokesperson`, topics: topicsOf(PORTFOLIO_TOPICS[P] ?? ['sanctions']),
        };
      }
      case 'ambassador': {
        const to = COUNTRIES[countrySampler(r)]!;
        if (to === c) return null;
        const toName = to.name === 'US' ? 'the United States' : to.name;
        return {
          key: `amb|${c.name}|${to.name}`, full: `${c.adj} Ambassador to ${toName}`, short: 'Ambassador',
          titles: [`${c.adj} Ambassador to ${toName}`, 'Ambassador', `${c.adj} envoy`],
          apposites: [`${poss(cn)} ambassador to ${toName}`, `${poss(cn)} envoy in ${to.capital}`, `the ${c.adj} ambassador`],
          anaphors: ['the ambassador', 'the envoy', 'the diplomat'], former: ['former ambassador', `former ${c.adj} envoy`],
          question: `${poss(cn)} ambassador to ${toName}`, topics: topicsOf(['sanctions', 'tariffs', 'immigration']),
        };
      }
      case 'state-governor': {
        const st = c.name === 'US' ? pick(r, US_STATES) : pick(r, c.cities);
        return {
          key: `gov|${c.name}|${st}`, full: `${st} Governor`, short: 'Governor',
          titles: ['Governor', 'Gov.', `${st} Governor`],
          apposites: [`the governor of ${st}`, `${poss(st)} governor`, `who governs ${st}`],
          anaphors: ['the governor'], former: ['former governor', `former ${st} Governor`], question: `the governor of ${st}`, topics: topicsOf(['jobs', 'infrastructure']),
        };
      }
      case 'association': {
        const a = pick(r, ASSOCIATIONS);
        const bare = a.replace(/^the /, '');
        return {
          key: `assoc|${a}`, full: `${bare} president`, short: 'president',
          titles: [`${bare} president`, `${bare} chief`, `${bare} head`],
          apposites: [`president of ${a}`, `head of ${a}`, `who chairs ${a}`, `director-general of ${a}`],
          anaphors: ['the industry leader', 'the industry chief'], former: [`former ${bare} president`], question: `the head of ${a}`, topics: [],
        };
      }
      case 'professor': {
        const u = zipf(r, UNIVERSITIES);
        return {
          key: `prof|${people.length}`, full: `${u.replace(/^the /, '')} fellow`, short: 'fellow',
          titles: ['Professor', `${u.replace(/^the /, '')} fellow`, `${u.replace(/^the /, '')} professor`],
          apposites: [`a professor of economics at ${u}`, `a senior fellow at ${u}`, `a trade expert at ${u}`, `director of the ${pick(r, TOPICS).name} programme at ${u}`],
          anaphors: ['the professor', 'the expert'], former: [`a former fellow at ${u}`], question: null, topics: [],
        };
      }
      case 'commissioner': {
        if (c.adj !== 'EU') return null;
        const P = pick(r, ['Trade', 'Economy', 'Energy', 'Competition', 'Climate', 'Industry', 'Agriculture', 'Defence', 'Financial Services', 'Digital']);
        const p = P.toLowerCase();
        return {
          key: `comm|${P}`, full: `EU ${P} Commissioner`, short: 'Commissioner',
          titles: [`EU ${P} Commissioner`, `European ${P} Commissioner`, `${P} Commissioner`, 'Commissioner', `European Commissioner for ${P}`],
          apposites: [`the EU's ${p} chief`, `the European commissioner for ${p}`, `who oversees ${p} policy at the European Commission`],
          anaphors: ['the commissioner'], former: [`former EU ${P} Commissioner`], question: `the EU ${p} commissioner`, topics: topicsOf(PORTFOLIO_TOPICS[P] ?? []),
        };
      }
      case 'deputy': {
        if (c.name === 'US') return null;
        const P = pick(r, PORTFOLIOS);
        const p = lowerTitle(P);
        return {
          key: `dep|${people.length}`, full: `${c.adj} Deputy ${P} Minister`, short: 'Deputy Minister',
          titles: [`Deputy ${P} Minister`, `Vice Minister of ${P}`, `${c.adj} Deputy ${P} Minister`],
          apposites: [`${poss(cn)} deputy ${p} minister`, `a deputy minister for ${p}`, `a senior ${p} ministry official`],
          anaphors: ['the deputy minister', 'the official'], former: [`former Deputy ${P} Minister`], question: null, topics: topicsOf(PORTFOLIO_TOPICS[P] ?? []),
        };
      }
      case 'leader': {
        // No leaders for the countries whose real leaders the unknown-speaker questions name.
        if (['US', 'India', 'Germany', 'Italy', 'Canada', 'Brazil', 'South Africa', 'Australia', 'Mexico', 'the European Union'].includes(c.name)) return null;
        const pm = r() < 0.5;
        const t = pm ? 'Prime Minister' : 'President';
        return {
          key: `lead|${c.name}`, full: `${c.adj} ${t}`, short: t,
          titles: [t, `${c.adj} ${t}`, `${poss(Cn)} ${t}`],
          apposites: [`${poss(cn)} ${t.toLowerCase()}`, `the ${c.adj} leader`],
          anaphors: [`the ${t.toLowerCase()}`, 'the leader'], former: [`former ${t}`, `former ${c.adj} leader`], question: `${poss(cn)} ${t.toLowerCase()}`, topics: [],
        };
      }
    }
  };
  const newRole = (c: Country, weights: number[]): Role => {
    for (let tries = 0; tries < 50; tries++) {
      const role = roleOf(ROLE_KINDS[weighted(r, weights)]!, c);
      if (role && !usedKeys.has(role.key)) {
        usedKeys.add(role.key);
        return role;
      }
    }
    return roleOf('economist', c)!;
  };

  while (people.length < PEOPLE) {
    const c = COUNTRIES[countrySampler(r)]!;
    const pool = NAME_POOLS[c.pool]!;
    const female = r() < 0.38;
    const given = pick(r, female ? pool.female : pool.male);
    const surname = r() < (people.length < 300 ? 0.05 : 0.2) && !pool.surnameFirst ? syllableWord(r, int(r, 2, 3)) + pick(r, ['', '', 'son', 'ez', 'ov', 'ski', 'i', 'a', 'berg', 'man', 'ides']) : pick(r, pool.surnames);
    if (reservedSurnames.has(surname) || (people.length < 200 && usedSurnames.has(surname))) continue;
    const middle = c.pool === 'anglo' && r() < 0.15 ? ` ${String.fromCharCode(65 + int(r, 0, 25))}.` : '';
    const name = pool.surnameFirst ? `${surname} ${given}` : `${given}${middle} ${surname}`;
    if (usedNames.has(name)) continue;
    const weights = people.length < 400 ? prominent : tail;
    const roles = [newRole(c, weights)];
    let changeDay: number | null = null;
    if (r() < 0.08) {
      roles.push(newRole(c, weights));
      changeDay = int(r, 60, 300);
    }
    addPerson(pool.surnameFirst ? given : `${given}${middle}`, surname, name, female ? 'she' : 'he', c, roles, changeDay);
  }

  // Organisations that speak in statements: institutions first, then the most reported firms.
  for (const [the, short, topics] of INSTITUTIONS) {
    const name = the.replace(/^the /, '');
    orgs.push({ the, short, topics: topicsOf(topics), speaker: speakerOf('organisation', '', name, name, null, topicsOf(topics), orgs.length) });
  }
  for (const co of companies.slice(0, ORGS - INSTITUTIONS.length)) orgs.push({ the: co.name, short: 'the company', topics: co.topics, speaker: speakerOf('organisation', '', co.name, co.name, null, co.topics, orgs.length) });

  // Zipf–Mandelbrot: the first few are in thousands of articles, most in a handful.
  const personSampler = sampler(people.map((_, i) => 1 / Math.pow(i + 3, 1.05)));
  const world = { people, orgs, companies, projects, towns, personSampler };
  worldCache = { seed, world };
  return world;
}

const PEOPLE = 4000;
const ORGS = 100;

function role(key: string, full: string, short: string, titles: string[], apposites: string[], anaphors: string[], former: string[], question: string | null, topics: string[]): Role {
  return { key, full, short, titles, apposites, anaphors, former, question, topics: topicsOf(topics) };
}

/** Full names that are not "first last". */
const FAMOUS_NAME: Record<string, string> = { 'Yi Wang': 'Wang Yi', 'Lifeng He': 'He Lifeng', 'Jung-kwan Kim': 'Kim Jung-kwan', 'Prince Abdulaziz': 'Prince Abdulaziz bin Salman' };

const FAMOUS: [string, string, 'he' | 'she', string, Role, Role?, number?][] = [
  ['Donald', 'Trump', 'he', 'US', role('lead|US', 'US President', 'President', ['President', 'US President', 'U.S. President', 'Republican President'], ['the US president', 'the president of the United States', 'who returned to the White House in January 2025'], ['the president', 'the Republican president'], [], 'the US president', ['tariffs', 'sanctions', 'oil markets', 'immigration', 'defence'])],
  ['Scott', 'Bessent', 'he', 'US', role('sec|Treasury', 'US Treasury Secretary', 'Secretary', ['US Treasury Secretary', 'Treasury Secretary', 'Secretary', 'U.S. Treasury Secretary', 'Secretary of the Treasury'], ['the treasury secretary', 'who leads the Treasury', 'the US treasury chief', 'the top US economic official'], ['the secretary', 'the treasury chief'], ['former Treasury Secretary'], 'the treasury secretary', ['tariffs', 'sanctions', 'sovereign debt', 'currencies', 'critical minerals'])],
  ['Howard', 'Lutnick', 'he', 'US', role('sec|Commerce', 'US Commerce Secretary', 'Secretary', ['Commerce Secretary', 'US Commerce Secretary', 'Commerce Department Secretary', 'Secretary'], ['the commerce secretary', 'who leads the Commerce Department', 'the US commerce chief'], ['the secretary', 'the commerce chief'], [], 'the commerce secretary', ['tariffs', 'semiconductors', 'artificial intelligence'])],
  ['Jensen', 'Huang', 'he', 'US', role('ceo|Nvidia', 'Nvidia CEO', 'CEO', ['Nvidia CEO', 'Nvidia chief executive', 'Nvidia founder', 'CEO'], ['the chief executive of Nvidia', "Nvidia's chief executive", 'who co-founded Nvidia', 'the head of the world\'s most valuable chipmaker'], ['the CEO', 'the chief executive', 'the Nvidia boss'], [], 'the Nvidia CEO', ['semiconductors', 'artificial intelligence', 'tariffs'])],
  ['Ashwini', 'Vaishnaw', 'he', 'India', role('min|India|Electronics and IT', 'Indian Electronics and IT Minister', 'Minister', ['Union Minister', 'IT Minister', 'Electronics and IT Minister', "India's IT Minister", 'Railways Minister', 'Union Minister for Railways, Information & Broadcasting, and Electronics & Information Technology'], ["India's IT minister", 'the electronics and IT minister', 'who also holds the railways portfolio'], ['the minister', 'the IT minister'], [], "India's IT minister", ['semiconductors', 'artificial intelligence', 'critical minerals', 'infrastructure'])],
  ['Jamieson', 'Greer', 'he', 'US', role('ustr', 'US Trade Representative', 'Trade Representative', ['US Trade Representative', 'Trade Representative', 'USTR', 'U.S. Trade Representative'], ['the US trade representative', 'the top US trade negotiator', "Washington's trade chief"], ['the trade representative', 'the negotiator'], [], 'the US trade representative', ['tariffs', 'critical minerals', 'food security'])],
  ['Maros', 'Sefcovic', 'he', 'the European Union', role('comm|Trade', 'EU Trade Commissioner', 'Commissioner', ['EU Trade Commissioner', 'European Trade Commissioner', 'Trade Commissioner', 'Commissioner'], ["the EU's trade chief", 'the European commissioner for trade', 'who negotiates for the 27-nation bloc'], ['the commissioner', 'the EU trade chief'], [], 'the EU trade commissioner', ['tariffs', 'electric vehicles', 'critical minerals'])],
  ['Christine', 'Lagarde', 'she', 'the European Union', role('ecb', 'ECB President', 'President', ['ECB President', 'European Central Bank President', 'President'], ['the president of the European Central Bank', 'the ECB chief', 'who heads the ECB'], ['the ECB president', 'the central banker'], [], 'the ECB president', ['interest rates', 'currencies', 'digital payments'])],
  ['Kaja', 'Kallas', 'she', 'the European Union', role('hrvp', 'EU foreign policy chief', 'High Representative', ['EU foreign policy chief', 'High Representative', 'EU High Representative'], ["the EU's top diplomat", "the EU's foreign policy chief", 'a former Estonian prime minister'], ['the EU foreign policy chief', 'the top diplomat'], [], "the EU's foreign policy chief", ['sanctions', 'defence', 'oil markets'])],
  ['Piyush', 'Goyal', 'he', 'India', role('min|India|Commerce and Industry', 'Indian Commerce and Industry Minister', 'Minister', ['Commerce and Industry Minister', 'Union Commerce Minister', "India's Commerce Minister", 'Minister'], ["India's commerce minister", 'the commerce and industry minister', 'who leads India\'s trade talks'], ['the minister', 'the commerce minister'], [], "India's commerce minister", ['tariffs', 'pharmaceuticals', 'electric vehicles'])],
  ['Yi', 'Wang', 'he', 'China', role('min|China|Foreign Affairs', 'Chinese Foreign Minister', 'Minister', ['Chinese Foreign Minister', 'Foreign Minister', "China's Foreign Minister"], ["China's foreign minister", "Beijing's top diplomat", 'who also heads the Communist Party\'s foreign affairs commission'], ['the minister', 'the foreign minister', 'China\'s top diplomat'], [], "China's foreign minister", ['sanctions', 'tariffs', 'defence', 'critical minerals'])],
  ['Kristalina', 'Georgieva', 'she', 'the European Union', role('imf', 'IMF Managing Director', 'Managing Director', ['IMF Managing Director', 'IMF chief', 'International Monetary Fund Managing Director'], ['the managing director of the International Monetary Fund', 'the IMF chief', 'who heads the IMF'], ['the IMF chief', 'the fund\'s head'], [], 'the IMF chief', ['sovereign debt', 'interest rates', 'tariffs'])],
  ['Nirmala', 'Sitharaman', 'she', 'India', role('min|India|Finance', 'Indian Finance Minister', 'Minister', ['Finance Minister', 'Union Finance Minister', "India's Finance Minister", 'FM'], ["India's finance minister", 'the finance minister', 'who presented the budget in February'], ['the minister', 'the finance minister', 'the FM'], [], "India's finance minister", ['budget', 'tariffs', 'digital payments', 'interest rates'])],
  ['Jerome', 'Powell', 'he', 'US', role('fed', 'Federal Reserve Chair', 'Chair', ['Fed Chair', 'Federal Reserve Chair', 'Fed Chairman', 'Chair'], ['the Federal Reserve chair', 'the head of the US central bank', 'who leads the Fed'], ['the Fed chief', 'the central banker'], ['former Fed Chair', 'former Federal Reserve Chair'], 'the Fed chair', ['interest rates', 'jobs', 'currencies']),
    role('fed-former', 'former Federal Reserve Chair', 'former Chair', ['former Fed Chair', 'former Federal Reserve Chair', 'ex-Fed Chair'], ['the former Federal Reserve chair', 'who led the Fed until May', 'a former head of the US central bank'], ['the former Fed chief'], [], null, ['interest rates', 'jobs']), 166],
  ['Fatih', 'Birol', 'he', 'Turkey', role('iea', 'IEA Executive Director', 'Executive Director', ['IEA Executive Director', 'IEA chief', 'International Energy Agency Executive Director'], ['the head of the International Energy Agency', 'the IEA chief', 'who leads the Paris-based IEA'], ['the IEA chief', 'the agency head'], [], 'the IEA chief', ['oil markets', 'energy transition', 'critical minerals'])],
  ['Ursula', 'von der Leyen', 'she', 'the European Union', role('ecp', 'European Commission President', 'President', ['European Commission President', 'Commission President', 'EU chief', 'President'], ['the president of the European Commission', 'the EU\'s executive chief', 'who heads the European Commission'], ['the Commission president', 'the EU chief'], [], 'the European Commission president', ['tariffs', 'defence', 'energy transition', 'sanctions'])],
  ['Rachel', 'Reeves', 'she', 'Britain', role('chx', 'British Chancellor', 'Chancellor', ['Chancellor', 'British finance minister', 'Chancellor of the Exchequer', 'UK Chancellor'], ["Britain's finance minister", 'the chancellor', 'who delivered the budget in November'], ['the chancellor', 'the finance minister'], [], "Britain's finance minister", ['budget', 'interest rates', 'jobs', 'housing'])],
  ['Jung-kwan', 'Kim', 'he', 'South Korea', role('min|South Korea|Industry', 'South Korean Industry Minister', 'Minister', ['Industry Minister', 'South Korean Industry Minister', "South Korea's Industry Minister", 'Minister of Trade, Industry and Energy'], ["South Korea's industry minister", 'the industry minister', 'who leads Seoul\'s tariff talks'], ['the minister', 'the industry minister'], [], "South Korea's industry minister", ['tariffs', 'semiconductors', 'electric vehicles', 'shipping'])],
  ['Prince', 'Abdulaziz', 'he', 'Saudi Arabia', role('min|Saudi Arabia|Energy', 'Saudi Energy Minister', 'Minister', ['Saudi Energy Minister', 'Energy Minister', "Saudi Arabia's Energy Minister"], ["Saudi Arabia's energy minister", 'the Saudi energy minister', 'a half-brother of Crown Prince Mohammed bin Salman'], ['the prince', 'the minister', 'the energy minister'], [], "Saudi Arabia's energy minister", ['oil markets', 'energy transition'])],
  ['Lifeng', 'He', 'he', 'China', role('vp|China', 'Chinese Vice Premier', 'Vice Premier', ['Chinese Vice Premier', 'Vice Premier', "China's Vice Premier"], ["China's vice premier", "Beijing's top trade negotiator", 'who leads China\'s economic talks with Washington'], ['the vice premier', 'China\'s negotiator'], [], "China's vice premier", ['tariffs', 'semiconductors', 'critical minerals', 'food security'])],
  ['Ajay', 'Banga', 'he', 'US', role('wb', 'World Bank President', 'President', ['World Bank President', 'World Bank chief', 'President'], ['the president of the World Bank', 'the World Bank chief', 'who heads the World Bank'], ['the World Bank chief', 'the bank\'s president'], [], 'the World Bank president', ['sovereign debt', 'energy transition', 'jobs', 'infrastructure'])],
  ['Katsunobu', 'Kato', 'he', 'Japan', role('min|Japan|Finance', 'Japanese Finance Minister', 'Minister', ['Japanese Finance Minister', 'Finance Minister', "Japan's Finance Minister"], ["Japan's finance minister", 'the finance minister', 'Japan\'s top currency official'], ['the minister', 'the finance minister'], ['former Finance Minister'], "Japan's finance minister", ['currencies', 'budget', 'tariffs']),
    role('min|Japan|Finance|former', 'former Japanese Finance Minister', 'former Minister', ['former Finance Minister', 'former Japanese Finance Minister'], ["Japan's former finance minister", 'who stepped down as finance minister in October'], ['the former minister'], [], null, ['currencies', 'budget']), 300],
];

const INSTITUTIONS: [string, string, string[]][] = [
  ['the US Treasury', 'the Treasury', ['tariffs', 'sanctions', 'sovereign debt']], ['the Commerce Department', 'the department', ['tariffs', 'semiconductors']],
  ['the State Department', 'the department', ['sanctions', 'defence', 'immigration']], ['the Federal Reserve', 'the Fed', ['interest rates', 'jobs']],
  ['the International Monetary Fund', 'the IMF', ['sovereign debt', 'interest rates', 'tariffs']], ['the World Bank', 'the bank', ['sovereign debt', 'infrastructure', 'food security']],
  ['the World Trade Organization', 'the WTO', ['tariffs', 'food security']], ['the International Energy Agency', 'the IEA', ['oil markets', 'energy transition', 'critical minerals']],
  ['OPEC', 'the group', ['oil markets']], ['the European Commission', 'the Commission', ['tariffs', 'big tech', 'electric vehicles', 'energy transition']],
  ['the European Central Bank', 'the ECB', ['interest rates', 'currencies']], ["China's Ministry of Commerce", 'the ministry', ['tariffs', 'critical minerals', 'semiconductors']],
  ["India's Ministry of External Affairs", 'the ministry', ['sanctions', 'immigration', 'defence']], ["Japan's Ministry of Economy, Trade and Industry", 'the ministry', ['semiconductors', 'critical minerals']],
  ['the Bank of Japan', 'the BOJ', ['interest rates', 'currencies']], ['the Reserve Bank of India', 'the RBI', ['interest rates', 'digital payments', 'currencies']],
  ['the Bank of England', 'the bank', ['interest rates', 'housing']], ['the Kremlin', 'the Kremlin', ['sanctions', 'defence', 'oil markets']],
  ['the White House', 'the White House', ['tariffs', 'immigration', 'defence']], ['the Pentagon', 'the Pentagon', ['defence']], ['NATO', 'the alliance', ['defence']],
  ['the United Nations', 'the UN', ['food security', 'energy transition']], ['the Asian Development Bank', 'the ADB', ['infrastructure', 'sovereign debt']],
  ['the African Development Bank', 'the AfDB', ['infrastructure', 'food security']], ['the OECD', 'the OECD', ['budget', 'jobs', 'big tech']],
  ['the Office of the US Trade Representative', 'USTR', ['tariffs']], ["India's Ministry of Electronics and IT", 'MeitY', ['semiconductors', 'artificial intelligence', 'big tech']],
  ["South Korea's Ministry of Trade, Industry and Energy", 'the ministry', ['tariffs', 'semiconductors', 'shipping']], ["Indonesia's Energy and Mineral Resources Ministry", 'the ministry', ['critical minerals', 'oil markets']],
  ["China's foreign ministry", 'the ministry', ['sanctions', 'defence', 'tariffs']], ['the Securities and Exchange Board of India', 'SEBI', ['digital payments', 'interest rates']],
  ['the US Federal Trade Commission', 'the FTC', ['big tech']], ['the Department of Justice', 'the department', ['big tech', 'sanctions']],
  ['the Ministry of Finance', 'the ministry', ['budget', 'sovereign debt']], ['the G7', 'the group', ['sanctions', 'critical minerals']],
];

// ————— text: reporting, quotes and headlines from templates over the pools —————

class Writer {
  constructor(private readonly r: R, private readonly w: World) {}

  noun = () => zipf(this.r, NOUNS, 6);
  adj = () => zipf(this.r, ADJECTIVES, 6);
  verb = () => zipf(this.r, VERB_FORMS, 6);
  tw = (t: Topic) => zipf(this.r, t.words, 2);
  term = (t: Topic) => pick(this.r, t.terms);
  company = () => (this.r() < 0.25 ? `${this.rare()} ${pick(this.r, COMPANY_SUFFIXES)}` : zipf(this.r, this.w.companies).name);
  /**
   * The long tail no list holds (small firms, villages, products, people named once): a word drawn by Zipf rank from
   * two million, so the vocabulary keeps growing with the corpus as real news does (Heaps' law), most of it rare.
   */
  rare = () => tailWord(Math.floor(TAIL_Q * Math.exp(this.r() * Math.log((TAIL_WORDS + TAIL_Q) / TAIL_Q)) - TAIL_Q));
  firm = () => zipf(this.r, FIRMS);
  project = () => (this.r() < 0.25 ? `the ${this.rare()} ${pick(this.r, ['Act', 'Initiative', 'Corridor', 'Project', 'Programme', 'Fund'])}` : zipf(this.r, this.w.projects));
  country = () => COUNTRIES[Math.floor(this.r() * COUNTRIES.length)]!;
  countryName = () => { const c = this.country(); return c.name === 'US' ? 'the United States' : c.name; };
  place = () => { const c = this.country(); const x = this.r(); return x < 0.4 ? c.capital : x < 0.85 ? pick(this.r, c.cities) : x < 0.93 ? zipf(this.r, this.w.towns) : this.rare(); };
  pct = () => `${(this.r() * (this.r() < 0.7 ? 12 : 60)).toFixed(1)} percent`;
  money = () => {
    const x = this.r();
    const cur = x < 0.6 ? '$' : x < 0.75 ? '€' : x < 0.85 ? '£' : x < 0.93 ? 'Rs ' : '¥';
    return `${cur}${this.r() < 0.3 ? (this.r() * 99 + 1).toFixed(1) : int(this.r, 1, 950)} ${pick(this.r, ['million', 'billion', 'billion', 'trillion'].slice(0, this.r() < 0.9 ? 3 : 4))}`;
  };
  count = () => `${int(this.r, 2, 4000).toLocaleString('en')}`;
  year = () => `${int(this.r, 2008, 2030)}`;
  month = () => pick(this.r, MONTHS);
  when = () => pick(this.r, ['by the end of the year', `before ${this.month()}`, `within ${int(this.r, 2, 18)} months`, 'next year', `in ${this.year()}`, 'over the next decade', 'this quarter', 'as soon as possible']);

  np(t: Topic): string {
    const x = this.r();
    if (x < 0.22) return `the ${this.adj()} ${this.noun()}`;
    if (x < 0.42) return `${this.tw(t)} ${this.noun()}`;
    if (x < 0.52) return `the ${this.noun()} of ${this.tw(t)}`;
    if (x < 0.67) return `${this.adj()} ${this.tw(t)}`;
    if (x < 0.77) return `${this.adj()} ${this.noun()}`;
    if (x < 0.85) return this.term(t);
    if (x < 0.92) return this.project();
    return `${this.noun()} in ${this.place()}`;
  }

  /** One sentence of reporting or background, third person. */
  background(t: Topic, c: { place: string; day: number }): string {
    const r = this.r;
    const v = this.verb();
    switch (int(r, 0, 27)) {
      case 0: return `${cap(this.np(t))} ${pick(r, PAST_TRENDS)} ${this.pct()} in ${this.month()}, the ${pick(r, ['biggest', 'smallest', 'sharpest', 'first'])} ${pick(r, ['rise', 'drop', 'change', 'move'])} since ${this.year()}, according to ${pick(r, AGENCIES)}.`;
      case 1: return `${this.company()}, which ${pick(r, ['makes', 'supplies', 'exports', 'processes', 'finances'])} ${this.np(t)}, said last ${pick(r, WEEKDAYS)} it would ${v.base} ${this.np(t)} in ${this.place()}.`;
      case 2: return `The ${this.adj()} ${this.noun()} comes as ${this.countryName()} faces ${this.adj()} ${this.noun()} over ${this.np(t)}.`;
      case 3: return `Officials in ${c.place} have ${v.past} ${this.np(t)} since ${this.month()}, when ${this.np(t)} ${pick(r, PAST_TRENDS)} ${this.pct()}.`;
      case 4: return `${cap(this.countryName())}'s ${this.tw(t)} ${this.noun()} ${pick(r, PAST_TRENDS)} to ${this.money()} last year, ${pick(r, ['largely', 'partly', 'mostly'])} because of ${this.np(t)}.`;
      case 5: return `Analysts at ${this.firm()} expect ${this.np(t)} to ${v.base} ${this.np(t)} by ${this.pct()} over the next ${int(r, 2, 24)} months.`;
      case 6: return `${cap(this.project())}, ${v.past} in ${this.month()} ${this.year()}, covers ${this.np(t)} and ${this.np(t)}.`;
      case 7: return `${cap(this.adj())} ${this.noun()} in ${this.place()} ${pick(r, PAST_TRENDS)} after ${this.np(t)} ${pick(r, PAST_TRENDS)}, ${pick(r, WIRES)} reported.`;
      case 8: return `More than ${this.count()} ${pick(r, ['workers', 'companies', 'farmers', 'households', 'exporters', 'vessels', 'firms', 'projects'])} in ${this.place()} are exposed to ${this.np(t)}, ${pick(r, AGENCIES)} estimates.`;
      case 9: return `Shares of ${this.company()} ${pick(r, PAST_TRENDS)} ${this.pct()} in ${pick(r, ['early', 'late', 'afternoon', 'morning'])} trading on ${pick(r, WEEKDAYS)}, while ${this.company()} ${pick(r, PAST_TRENDS)} ${this.pct()}.`;
      case 10: return `${cap(pick(r, AGENCIES))} ${pick(r, ['raised', 'cut', 'kept', 'revised'])} its forecast for ${this.np(t)} to ${this.pct()}, citing ${this.adj()} ${this.noun()} and ${this.np(t)}.`;
      case 11: return `Under ${this.project()}, ${this.noun()} would ${v.base} ${this.np(t)} from ${this.year()}.`;
      case 12: return `It was not immediately clear how ${this.np(t)} would affect ${this.np(t)} in ${this.countryName()}.`;
      case 13: return `${cap(this.countryName())} accounted for ${this.pct()} of global ${this.tw(t)} in ${this.year()}, up from ${this.pct()} a decade earlier.`;
      case 14: return `Talks on ${this.term(t)} stalled in ${this.month()} after ${this.countryName()} ${v.past} ${this.np(t)}.`;
      case 15: return `${cap(pick(r, AGENCIES))} estimates that ${this.np(t)} could ${v.base} ${this.money()} by ${this.year()}.`;
      case 16: return `${cap(this.np(t))} has been a ${this.adj()} issue for ${this.countryName()} since the ${this.year()} ${pick(r, ['crisis', 'election', 'pandemic', 'dispute', 'shortage', 'downturn', 'reforms'])}.`;
      case 17: return `Critics say ${this.np(t)} ${this.verb().third} ${this.np(t)}, while supporters argue it ${this.verb().third} ${this.np(t)}.`;
      case 18: return `${cap(this.place())} ${pick(r, ['imported', 'exported', 'produced', 'processed', 'shipped'])} ${this.count()} tonnes of ${this.tw(t)} in ${this.month()}, ${pick(r, AGENCIES)} data showed.`;
      case 19: return `The ${this.noun()} follows ${this.adj()} ${this.noun()} between ${this.countryName()} and ${this.countryName()} over ${this.np(t)} earlier this year.`;
      case 20: return `${cap(this.company())} and ${this.company()} signed a ${this.money()} ${pick(r, ['agreement', 'deal', 'memorandum', 'contract', 'joint venture'])} on ${this.np(t)} in ${this.place()} on ${pick(r, WEEKDAYS)}.`;
      case 21: return `The ${this.noun()} is expected to be ${v.past} at a ${pick(r, ['summit', 'meeting', 'conference', 'session'])} in ${this.place()} in ${this.month()}.`;
      case 22: return `Data released on ${pick(r, WEEKDAYS)} showed ${this.np(t)} ${pick(r, PAST_TRENDS)} for a ${pick(r, ['second', 'third', 'fourth', 'fifth', 'sixth'])} straight ${pick(r, ['month', 'quarter', 'week'])}.`;
      case 23: return `${cap(this.np(t))} and ${this.np(t)} remain the main ${pick(r, ['concerns', 'priorities', 'sticking points', 'risks'])} for ${this.noun()} in ${this.place()}.`;
      case 24: return `${cap(this.countryName())} ${v.past} ${this.np(t)} in ${this.year()} and has since ${this.verb().past} ${this.np(t)}.`;
      case 25: return `${cap(this.firm())} said in a note to clients that ${this.np(t)} could ${v.base} ${this.np(t)} if ${this.np(t)} ${pick(r, ['persists', 'continues', 'worsens', 'eases'])}.`;
      case 26: return `The ${this.adj()} ${this.noun()}, worth ${this.money()}, ${this.verb().third} ${this.np(t)} and ${this.np(t)}.`;
      default: return `About ${this.pct()} of ${this.np(t)} goes to ${this.countryName()}, ${this.countryName()} and ${this.countryName()}, ${pick(r, ['trade', 'industry', 'official', 'customs'])} figures show.`;
    }
  }

  paragraph(t: Topic, c: { place: string; day: number }, sentences = int(this.r, 2, 4)): string {
    const out: string[] = [];
    for (let i = 0; i < sentences; i++) out.push(this.background(t, c));
    return articles(out.join(' '));
  }

  /** One sentence of a direct quote, first person. */
  quoteSentence(t: Topic): string {
    const r = this.r;
    const v = this.verb();
    const modal = pick(r, ['will', 'must', 'should', 'can', 'cannot', 'need to', 'are going to', 'have to']);
    switch (int(r, 0, 21)) {
      case 0: return `We ${modal} ${v.base} ${this.np(t)} ${this.when()}.`;
      case 1: return `I think ${this.np(t)} ${pick(r, ['will', 'could', 'should'])} ${v.base} ${this.np(t)}.`;
      case 2: return `This is ${pick(r, ['a', 'a very', 'an extremely', 'a truly'])} ${this.adj()} moment for ${this.countryName()} and for ${this.np(t)}.`;
      case 3: return `Our ${this.noun()} ${this.verb().third} ${this.np(t)}, and we ${pick(r, ['will not', 'cannot', 'do not want to'])} ${this.verb().base} ${this.np(t)}.`;
      case 4: return `There is no ${this.noun()} without ${this.np(t)}.`;
      case 5: return `${cap(this.np(t))} ${pick(r, ['will', 'must', 'should', 'cannot'])} ${v.base} ${this.np(t)} ${this.when()}.`;
      case 6: return `We are ${v.ing} ${this.np(t)} with ${this.countryName()} and ${this.countryName()}.`;
      case 7: return `Nobody wants ${this.np(t)}, but ${this.np(t)} ${pick(r, ['has to', 'needs to', 'will'])} ${v.base} ${this.np(t)}.`;
      case 8: return `The ${this.noun()} is ${this.adj()}, and ${this.np(t)} ${pick(r, ['will', 'could', 'might'])} ${v.base} ${this.np(t)}.`;
      case 9: return `We have ${v.past} ${this.money()} in ${this.np(t)} since ${this.month()}.`;
      case 10: return `It is ${this.adj()} to ${v.base} ${this.np(t)} ${pick(r, ['in', 'across', 'for', 'with'])} ${this.np(t)}.`;
      case 11: return `I told my counterpart in ${this.place()} that ${this.np(t)} ${pick(r, ['would', 'could', 'must'])} ${v.base} ${this.np(t)}.`;
      case 12: return `Frankly, ${this.np(t)} ${this.verb().third} ${this.np(t)}.`;
      case 13: return `We will not ${v.base} ${this.np(t)} until ${this.np(t)} ${pick(r, ['is resolved', 'improves', 'is fixed', 'is in place'])}.`;
      case 14: return `${cap(this.term(t))} is a ${this.adj()} ${this.noun()} for us.`;
      case 15: return `Our goal is to ${pick(r, t.goals)} and to ${this.verb().base} ${this.np(t)}.`;
      case 16: return `The numbers speak for themselves: ${this.np(t)} ${pick(r, PAST_TRENDS)} ${this.pct()} last year.`;
      case 17: return `We want to ${pick(r, t.goals)}, not to ${this.verb().base} ${this.np(t)}.`;
      case 18: return `Nobody should be surprised that ${this.np(t)} ${this.verb().third} ${this.np(t)}.`;
      case 19: return `If ${this.np(t)} ${pick(r, ['continues', 'persists', 'gets worse'])}, we ${pick(r, ['will', 'may', 'could'])} ${v.base} ${this.np(t)}.`;
      case 20: return `We are ready to ${pick(r, t.goals)} ${this.when()}.`;
      default: return `${cap(this.adj())} ${this.tw(t)} ${pick(r, ['matters', 'is essential', 'is not optional', 'is the priority'])} for ${this.np(t)}.`;
    }
  }

  quote(t: Topic, sentences: number): string {
    const out: string[] = [];
    for (let i = 0; i < sentences; i++) out.push(this.quoteSentence(t));
    return articles(out.join(' '));
  }

  /** A clause for reported speech: "… said (that) <clause>." */
  reported(t: Topic): string {
    const r = this.r;
    switch (int(r, 0, 6)) {
      case 0: return `${this.np(t)} would ${this.verb().base} ${this.np(t)} ${this.when()}`;
      case 1: return `the government was ready to ${pick(r, t.goals)}`;
      case 2: return `${this.np(t)} ${pick(r, ['could', 'might', 'was likely to'])} ${this.verb().base} ${this.np(t)}`;
      case 3: return `talks on ${this.term(t)} had made ${pick(r, ['good', 'little', 'some', 'real'])} progress`;
      case 4: return `${this.countryName()} ${pick(r, ['was', 'was not', 'remained'])} committed to ${this.np(t)}`;
      case 5: return `there was ${pick(r, ['no', 'little', 'growing'])} appetite for ${this.np(t)} in ${this.place()}`;
      default: return `the aim was to ${pick(r, t.goals)}`;
    }
  }

  headline(t: Topic, lead: string, quote: string | null): string {
    const r = this.r;
    const verb = pick(r, ['says', 'warns on', 'urges action on', 'backs', 'rejects', 'eyes', 'signals shift on', 'vows to tackle', 'pushes', 'calls for talks on', 'defends', 'hails progress on', 'plans']);
    switch (int(r, 0, 5)) {
      case 0: return `${lead} ${verb} ${this.term(t)}`;
      case 1: return `${cap(this.countryName())} ${pick(r, ['weighs', 'unveils', 'delays', 'moves on', 'doubles down on'])} ${this.term(t)} as ${this.noun()} ${this.verb().third} ${this.noun()}`;
      case 2: return `${cap(this.term(t))}: ${lead} says ${this.np(t)} will ${this.verb().base} ${this.np(t)}`;
      case 3: return quote ? `'${quote}', says ${lead}` : `${lead} ${verb} ${this.term(t)}`;
      case 4: return `${lead} ${verb} ${this.term(t)} amid ${this.adj()} ${this.noun()}`;
      default: return `${cap(this.np(t))} in focus as ${lead} ${verb} ${this.term(t)}`;
    }
  }
}

// ————— events and articles —————

interface Unit {
  speaker: Person | Org;
  text: string;
}

interface Event {
  day: number;
  topic: Topic;
  lead: Person | Org;
  speakers: (Person | Org)[];
  units: Unit[];
  place: string;
  country: Country;
}

const isPerson = (s: Person | Org): s is Person => 'roles' in s;

function roleAt(p: Person, day: number): Role {
  return p.changeDay !== null && day >= p.changeDay ? p.roles[1]! : p.roles[0]!;
}

interface Style {
  open: string;
  close: string;
  outlet: string;
  british: boolean;
}

/** One article's prose: mentions of people as the article goes (first titled or in apposition, then by surname). */
class ArticleText {
  private readonly introduced = new Set<Person | Org>();
  private subject: Person | null = null;
  readonly speakers = new Set<Person | Org>();

  constructor(private readonly r: R, private readonly g: Writer, private readonly e: Event, private readonly s: Style) {}

  private title(p: Person): string {
    const role = roleAt(p, this.e.day);
    if (p.changeDay !== null && this.e.day >= p.changeDay && this.r() < 0.25 && p.roles[0]!.former.length) return pick(this.r, p.roles[0]!.former);
    return pick(this.r, role.titles);
  }
  private appositive(p: Person): string {
    const role = roleAt(p, this.e.day);
    return pick(this.r, role.apposites);
  }
  /** The name as a sentence's subject: full and titled the first time, then surname, role or pronoun. */
  private name(x: Person | Org, first: boolean): string {
    if (!isPerson(x)) return first ? x.the : this.r() < 0.5 ? x.short : x.the;
    if (first) {
      this.introduced.add(x);
      return this.r() < 0.7 ? `${this.title(x)} ${x.name}` : `${x.name}, ${this.appositive(x)},`;
    }
    // Later: the surname, now and then with a reminder of who they are ("Bessent, who leads the Treasury,"), or the role.
    const k = this.r();
    return k < 0.78 ? x.last : k < 0.88 ? `${x.last}, ${this.appositive(x)},` : pick(this.r, roleAt(x, this.e.day).anaphors);
  }
  /** Reporting about something else came in between: "he" no longer reads as the last speaker. */
  newSubject(): void {
    this.subject = null;
  }
  private weekday(): string {
    return WEEKDAYS[new Date(Date.UTC(2025, 11, 1) + this.e.day * 86_400_000).getUTCDay()]!;
  }

  /** A quote unit as one or two paragraphs. */
  quote(u: Unit, extra: () => string): string[] {
    const { open: o, close: c } = this.s;
    const r = this.r;
    const x = u.speaker;
    this.speakers.add(x);
    const text = u.text;
    const trimmed = text.replace(/\.$/, '');
    const sentences = text.split(/(?<=\.) /);
    const first = !this.introduced.has(x);
    const tail = r() < 0.25 ? ` ${extra()}` : '';
    let out: string[];
    if (!isPerson(x)) {
      this.introduced.add(x);
      const the = cap(x.the);
      const k = r();
      out = k < 0.3 ? [`In a statement, ${x.the} said: ${o}${text}${c}${tail}`]
        : k < 0.55 ? [`${o}${trimmed},${c} ${x.the} said in a statement${r() < 0.5 ? ` on ${this.weekday()}` : ''}.${tail}`]
        : k < 0.7 ? [`${the} said in a ${pick(r, ['report', 'statement', 'note', 'notice'])} that ${this.g.reported(this.e.topic)}.${tail}`]
        : k < 0.85 ? [`A spokesperson for ${x.the} said: ${o}${text}${c}`]
        : [`${the} said it would ${pick(r, this.e.topic.goals)}. ${o}${trimmed},${c} the ${pick(r, ['statement', 'notice', 'release'])} said.`];
      this.subject = null;
      return out;
    }
    const he = x.he;
    const pronounOk = this.subject === x;
    const name = this.name(x, first);
    const Name = cap(name);
    const bare = name.endsWith(',') ? name.slice(0, -1) : name;
    const said = pick(r, ['said', 'said', 'said', 'told reporters', 'added', 'said on ' + this.weekday(), 'told a news conference', 'said in an interview']);
    const k = r();
    if (first) {
      if (k < 0.22) out = [`${Name} said${name.endsWith(',') ? '' : r() < 0.4 ? ` on ${this.weekday()}` : ''}: ${o}${text}${c}${tail}`];
      else if (k < 0.42) out = [`${o}${trimmed},${c} ${name} ${said}.${tail}`];
      else if (k < 0.56) out = [`${o}${trimmed},${c} said ${bare}.${tail}`];
      else if (k < 0.7 && sentences.length > 1) out = [`${o}${sentences[0]!.replace(/\.$/, '')},${c} ${name} said. ${o}${sentences.slice(1).join(' ')}${c}`];
      else if (k < 0.8) out = [`${Name} said that ${this.g.reported(this.e.topic)}. ${o}${text}${c}`];
      else if (k < 0.9) out = [`${Name} told ${pick(r, [this.s.outlet, pick(r, WIRES), 'reporters', 'lawmakers'])}${r() < 0.5 ? ` in ${this.e.place}` : ''}: ${o}${text}${c}`];
      else out = [`In a post on X, ${name} wrote: ${o}${text}${c}${tail}`];
    } else if (sentences.length > 1 && k < 0.12) {
      // A quote running over two paragraphs: the first does not close its quotation mark.
      out = r() < 0.5
        ? [`${Name} said: ${o}${sentences[0]}`, `${o}${sentences.slice(1).join(' ')}${c}`]
        : [`${o}${sentences[0]}`, `${o}${sentences.slice(1).join(' ').replace(/\.$/, '')},${c} ${name} ${pick(r, ['said', 'added'])}.`];
    } else if (k < 0.34) out = [`${o}${trimmed},${c} ${pronounOk && r() < 0.7 ? he : name} ${pick(r, ['said', 'said', 'added', 'said', 'told reporters', 'noted'])}.${tail}`];
    else if (k < 0.44) out = [`${o}${trimmed},${c} said ${bare}.${tail}`];
    else if (k < 0.56) out = [`${Name} said: ${o}${text}${c}`];
    else if (k < 0.64) out = [`${Name} said that ${this.g.reported(this.e.topic)}.${tail}`];
    else if (k < 0.71) out = [`According to ${bare}, ${this.g.reported(this.e.topic)}.${tail}`];
    else if (k < 0.78 && sentences.length > 1) out = [`${o}${sentences[0]!.replace(/\.$/, '')},${c} ${pronounOk ? he : name} said. ${o}${sentences.slice(1).join(' ')}${c}`];
    else if (k < 0.84 && sentences.length > 1) {
      // A partial quote, then the rest in full.
      const ws = sentences[0]!.replace(/\.$/, '').split(' ');
      out = [`${Name} described ${this.g.np(this.e.topic)} as ${o}${lowerFirst(ws.slice(-Math.min(ws.length, int(r, 3, 5))).join(' '))}${c}, adding: ${o}${sentences.slice(1).join(' ')}${c}`];
    }
    else if (k < 0.9) out = [`${o}${trimmed},${c} ${name} said, adding that ${this.g.reported(this.e.topic)}.`];
    else if (k < 0.95) out = [`Asked about ${this.g.term(this.e.topic)}, ${pronounOk ? he : name} said: ${o}${text}${c}`];
    else out = [`${Name} later posted on X: ${o}${text}${c}`];
    this.subject = tail ? null : x;
    return out;
  }

  /** Several people in one sentence: the text that makes extractors produce long misparsed roles. */
  coMention(people: Person[]): string {
    const r = this.r;
    const [a, b, c] = people;
    const t = this.e.topic;
    const titled = (p: Person) => { this.introduced.add(p); return `${this.title(p)} ${p.name}`; };
    const appos = (p: Person) => { this.introduced.add(p); return `${p.name}, ${this.appositive(p)}`; };
    let s: string;
    switch (int(r, 0, 5)) {
      case 0: s = `${titled(a!)} and ${titled(b!)} met on ${this.weekday()} in ${this.e.place} to discuss ${this.g.term(t)}.`; break;
      case 1: s = `${appos(a!)}, and ${appos(b!)}, said in a joint statement that ${this.g.reported(t)}.`; break;
      case 2: s = `The meeting, hosted by ${titled(a!)}, was also attended by ${titled(b!)}${c ? `, ${appos(c)},` : ''} and officials from ${this.g.countryName()} and ${this.g.countryName()}.`; break;
      case 3: s = `${titled(a!)}, ${appos(b!)}, and ${c ? titled(c) : `officials from ${this.g.countryName()}`} are expected to meet again in ${this.g.month()}.`; break;
      case 4: s = `${titled(a!)} spoke after ${appos(b!)}, who had ${this.g.verb().past} ${this.g.np(t)} earlier on ${this.weekday()}.`; break;
      default: s = `${cap(this.g.project())} was first floated by ${titled(a!)} and later backed by ${titled(b!)}, ${pick(r, WIRES)} reported.`;
    }
    this.subject = null;
    return cap(s);
  }

  /** A person mentioned in passing, not quoted. */
  passing(p: Person): string {
    const r = this.r;
    const t = this.e.topic;
    this.introduced.add(p);
    this.subject = null;
    switch (int(r, 0, 3)) {
      case 0: return `The ${this.g.noun()} follows talks between ${this.title(p)} ${p.name} and officials in ${this.g.place()} in ${this.g.month()}.`;
      case 1: return `${cap(this.title(p))} ${p.name} has previously ${this.g.verb().past} ${this.g.np(t)}.`;
      case 2: return `${p.name}, ${this.appositive(p)}, is due to visit ${this.g.place()} next month.`;
      default: return `${cap(this.g.np(t))} was also discussed with ${this.title(p)} ${p.name}.`;
    }
  }

  lede(place: string, dateline: string): string {
    const lead = this.e.lead;
    const t = this.e.topic;
    this.speakers.add(lead);
    const who = isPerson(lead) ? (this.introduced.add(lead), this.r() < 0.6 ? `${this.title(lead)} ${lead.name}` : `${lead.name}, ${this.appositive(lead)},`) : lead.the;
    const verb = pick(this.r, ['called for closer cooperation on', 'warned against', 'pushed for', 'outlined plans for', 'defended', 'raised concerns over', 'promised action on', 'sought support for']);
    if (isPerson(lead)) this.subject = lead;
    return `${dateline}${cap(who)} ${verb} ${this.g.term(t)} on ${this.weekday()}, ${pick(this.r, ['as', 'saying', 'amid signs that', 'even as'])} ${this.g.np(t)} ${this.g.verb().third} ${this.g.np(t)} in ${place}.`;
  }
}

const QUOTE_SAMPLE = 20_000;

/**
 * Writes `count` articles to `dir`; returns the corpus's speakers (with how many articles quote them), sampled
 * quotes, and measured properties (words per article, busiest day). Deterministic for a seed and count.
 */
export function generateRealisticCorpus(dir: string, count: number, seed = 42): RealisticCorpus {
  const t0 = performance.now();
  const world = buildWorld(seed);
  const r = rng(seed);
  const g = new Writer(r, world);
  mkdirSync(dir, { recursive: true });

  // The year's news days: weekdays busy, weekends quiet, holidays quieter, and a few very busy days.
  const days = 365;
  const dayWeights = Array.from({ length: days }, (_, d) => {
    const wd = new Date(Date.UTC(2025, 11, 1) + d * 86_400_000).getUTCDay();
    return wd === 0 ? 0.3 : wd === 6 ? 0.4 : 1;
  });
  for (const d of [24, 31, 210]) dayWeights[d]! *= 0.3;
  for (let i = 0; i < 24; i++) dayWeights[int(r, 0, days - 1)]! *= 1.4 + r() * 0.6;
  for (let i = 0; i < 6; i++) dayWeights[int(r, 0, days - 1)]! *= 2.5 + r() * 1.5;
  const daySampler = sampler(dayWeights);

  // Stories first (how many outlets carry each), then their days in order, so files arrive in date order.
  const outletsPer: number[] = [];
  for (let n = 0; n < count; ) {
    const k = r() < 0.08 ? 5 : r() < 0.65 ? 1 : 2;
    outletsPer.push(k);
    n += k;
  }
  const eventDays = outletsPer.map(() => daySampler(r)).sort((a, b) => a - b);

  const wordsPer: number[] = [];
  const perDay = new Map<string, number>();
  const formats = { txt: 0, md: 0, html: 0 };
  const quotes: GenQuote[] = [];
  let quotesSeen = 0;
  const sampleR = rng(seed ^ 0x9e3779b9);
  let files = 0;
  let wireEvents = 0;

  for (let ei = 0; ei < outletsPer.length && files < count; ei++) {
    const e = event(r, g, world, eventDays[ei]!);
    const k = outletsPer[ei]!;
    if (k === 5) wireEvents++;
    for (const u of e.units) {
      if (!/^[A-Z]/.test(u.text)) continue;
      quotesSeen++;
      // Reservoir sampling: a uniform sample of every quote, whatever the corpus size.
      if (quotes.length < QUOTE_SAMPLE) quotes.push({ speaker: u.speaker.speaker, text: u.text });
      else {
        const j = Math.floor(sampleR() * quotesSeen);
        if (j < QUOTE_SAMPLE) quotes[j] = { speaker: u.speaker.speaker, text: u.text };
      }
    }
    const date = dateOf(e.day);
    const outlets = pickOutlets(r, e, k);
    const wire = k === 5 ? body(r, g, world, e, { open: '"', close: '"', outlet: outlets[0]!, british: false }, targetWords(r)) : null;
    for (let oi = 0; oi < k && files < count; oi++) {
      const outlet = outlets[oi]!;
      const style: Style = { ...(r() < 0.5 ? { open: '"', close: '"' } : { open: '\u201c', close: '\u201d' }), outlet, british: r() < 0.3 };
      const b = wire ? editWire(r, g, e, wire, style, oi) : body(r, g, world, e, style, targetWords(r));
      const format = r() < 0.1 ? 'html' : r() < 0.111 ? 'md' : 'txt';
      const text = page(r, g, world, e, b, style, format, wire ? outlets[0]! : null);
      const file = join(dir, `${String(files).padStart(6, '0')}.${format}`);
      writeFileSync(file, text);
      const when = new Date(`${date.iso}T${String(int(r, 5, 22)).padStart(2, '0')}:${String(int(r, 0, 59)).padStart(2, '0')}:00Z`);
      utimesSync(file, when, when);
      formats[format]++;
      wordsPer.push(wordCount(text));
      perDay.set(date.iso, (perDay.get(date.iso) ?? 0) + 1);
      for (const s of b.speakers) s.speaker.articles++;
      files++;
    }
  }

  const sorted = wordsPer.slice().sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
  const total = wordsPer.reduce((a, b) => a + b, 0);
  const [busyDate, busyN] = [...perDay.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  const speakers = [...world.people.map((p) => p.speaker), ...world.orgs.map((o) => o.speaker)];
  // The world is shared between sizes; a corpus gets its own copies of the counts.
  const out = speakers.map((s) => ({ ...s }));
  for (const s of speakers) s.articles = 0;
  return {
    dir, files, speakers: out, quotes, days, words: total,
    wordsPerArticle: { min: sorted[0]!, p10: at(10), p50: at(50), mean: total / files, p90: at(90), p99: at(99), max: sorted[sorted.length - 1]! },
    busiestDay: { date: busyDate, articles: busyN }, formats, events: outletsPer.length, wireEvents, ms: performance.now() - t0,
  };
}

/** Article length: log-normal (median ~700), kept to 300–2,000 words. */
function targetWords(r: R): number {
  for (;;) {
    const w = Math.round(Math.exp(Math.log(585) + 0.72 * gaussian(r)));
    if (w >= 340 && w <= 1860) return w;
  }
}

function event(r: R, g: Writer, w: World, day: number): Event {
  const orgLead = r() < 0.12;
  const lead: Person | Org = orgLead ? zipf(r, w.orgs) : w.people[w.personSampler(r)]!;
  const topic = TOPICS[lead.topics.length ? pick(r, lead.topics) : int(r, 0, TOPICS.length - 1)]!;
  const ti = TOPICS.indexOf(topic);
  const n = 1 + weighted(r, [25, 30, 22, 13, 10]);
  const speakers: (Person | Org)[] = [lead];
  for (let tries = 0; speakers.length < n && tries < 60; tries++) {
    const s: Person | Org = r() < 0.15 ? zipf(r, w.orgs) : w.people[w.personSampler(r)]!;
    if (speakers.includes(s)) continue;
    if (!s.topics.includes(ti) && r() > 0.2) continue;
    speakers.push(s);
  }
  const units: Unit[] = [];
  for (const s of speakers) {
    const k = s === lead ? (speakers.length === 1 ? int(r, 7, 10) : int(r, 4, 7)) : isPerson(s) ? int(r, 2, 4) : int(r, 1, 2);
    for (let i = 0; i < k; i++) units.push({ speaker: s, text: g.quote(topic, 1 + weighted(r, [45, 38, 17])) });
  }
  const country = isPerson(lead) ? lead.country : COUNTRIES[Math.floor(r() * COUNTRIES.length)]!;
  const x = r();
  const place = x < 0.6 ? country.capital : x < 0.85 ? pick(r, country.cities) : pick(r, COUNTRIES).capital;
  return { day, topic, lead, speakers, units, place, country };
}

function pickOutlets(r: R, e: Event, k: number): string[] {
  const out: string[] = [];
  if (k === 5) out.push(e.country.name === 'India' ? pick(r, ['PTI', 'IANS', 'ANI']) : e.country.pool === 'korean' ? 'Yonhap' : e.country.pool === 'japanese' ? 'Kyodo' : e.country.pool === 'chinese' ? pick(r, ['Xinhua', 'Reuters']) : pick(r, ['Reuters', 'AP', 'AFP', 'Bloomberg']));
  while (out.length < k) {
    const o = r() < 0.15 ? pick(r, WIRES) : zipf(r, OUTLETS);
    if (!out.includes(o)) out.push(o);
  }
  return out;
}

interface Body {
  paragraphs: string[];
  speakers: Set<Person | Org>;
  quoted: string[];
  title: string;
  place: string;
}

/** An outlet's own copy of the event: lede, quotes in the order it chooses, co-mentions, background to length. */
function body(r: R, g: Writer, w: World, e: Event, style: Style, target: number): Body {
  const a = new ArticleText(r, g, e, style);
  const ctx = { place: e.place, day: e.day };
  const k = Math.min(e.units.length, Math.max(6, Math.min(12, Math.round(6 + (target - 300) / 250 + (r() - 0.5) * 3))));
  // The lead's quotes first, then the rest in event order; an outlet drops some.
  const chosen = e.units.filter(() => r() < 0.9).slice(0, k);
  const people = e.speakers.filter(isPerson);
  const dl = dateOf(e.day);
  const dateline = r() < 0.5 ? `${e.place.toUpperCase()}, ${dl.short.replace(/, \d+$/, '')}${r() < 0.5 ? '' : `, ${dl.iso.slice(0, 4)}`} (${pick(r, WIRES)}) - ` : r() < 0.4 ? `${e.place} \u2014 ` : '';
  const paragraphs: string[] = [a.lede(e.place, dateline), g.paragraph(e.topic, ctx, int(r, 1, 3))];
  if (people.length >= 2 && r() < 0.8) paragraphs.push(a.coMention(people.slice(0, 3)));
  // Background between the quotes, as reporters write, written in order so that who was named and who "he" is
  // follow the text as printed.
  const quoteWords = chosen.reduce((n, u) => n + wordCount(u.text) + 9, 0);
  const budget = Math.max(0, target - paragraphs.reduce((n, p) => n + wordCount(p), 0) - quoteWords - 40);
  const fill = () => (r() < 0.12 ? (r() < 0.5 && people.length >= 2 ? a.coMention(shuffle(r, people).slice(0, 3)) : a.passing(w.people[w.personSampler(r)]!)) : g.paragraph(e.topic, ctx));
  let filled = 0;
  chosen.forEach((u, i) => {
    paragraphs.push(...a.quote(u, () => g.background(e.topic, ctx)));
    const before = filled;
    while (filled < (budget * (i + 1)) / chosen.length) {
      const p = fill();
      paragraphs.push(p);
      filled += wordCount(p);
    }
    if (filled > before && r() < 0.7) a.newSubject();
  });
  while (filled < budget) {
    const p = fill();
    paragraphs.push(p);
    filled += wordCount(p);
  }
  paragraphs.push(`${cap(pick(r, ['the next round of talks is expected in', 'a decision is due in', 'officials will meet again in', 'the measures take effect in']))} ${MONTHS[(new Date(Date.UTC(2025, 11, 1) + e.day * 86_400_000).getUTCMonth() + 1) % 12]}.`);
  const leadName = isPerson(e.lead) ? e.lead.last : e.lead.the.replace(/^the /, '');
  const firstQuote = chosen.find((u) => u.speaker === e.lead)?.text.split(' ').slice(0, 7).join(' ').replace(/[.,]$/, '') ?? null;
  return { paragraphs, speakers: a.speakers, quoted: chosen.map((u) => u.text), title: cap(g.headline(e.topic, cap(leadName), firstQuote)), place: e.place };
}

/** A wire story as another outlet runs it: lightly edited, cut from the bottom, its own headline. */
function editWire(r: R, g: Writer, e: Event, base: Body, style: Style, i: number): Body {
  if (i === 0) return base;
  // Editors cut from the bottom, never below a short article.
  let ps = base.paragraphs.slice();
  for (let cut = int(r, 0, 4), words = ps.reduce((n, p) => n + wordCount(p), 0); cut > 0 && words - wordCount(ps[ps.length - 1]!) > 330; cut--) words -= wordCount(ps.pop()!);
  ps = ps.map((p) => {
    let q = p;
    if (style.british) q = q.replace(/ percent\b/g, ' per cent').replace(/\bUS\b/g, 'U.S.');
    if (r() < 0.08) q = q.replace(/\bsaid\b/, 'told reporters');
    if (style.open !== '"') q = q.replace(/"([^"]*)"/g, `${style.open}$1${style.close}`).replace(/"/g, style.open);
    return q;
  });
  if (r() < 0.3 && ps.length > 8) ps.splice(1, 1);
  const lead = isPerson(e.lead) ? e.lead.last : e.lead.the.replace(/^the /, '');
  const title = (r() < 0.3 ? base.title : cap(g.headline(e.topic, cap(lead), null))) + (r() < 0.3 ? ` | ${style.outlet}` : '');
  return { ...base, paragraphs: ps, title };
}

/** The page around the article: one of several text layouts, Markdown with front matter, or an HTML page. */
function page(r: R, g: Writer, w: World, e: Event, b: Body, style: Style, format: 'txt' | 'md' | 'html', wire: string | null): string {
  const d = dateOf(e.day);
  const author = pick(r, AUTHORS);
  const outlet = style.outlet;
  const t = e.topic;
  const related = Array.from({ length: int(r, 2, 5) }, () => {
    const p = w.people[w.personSampler(r)]!;
    return g.headline(TOPICS[int(r, 0, TOPICS.length - 1)]!, p.last, null);
  });
  const comments: string[][] = [];
  if (r() < 0.35 && b.quoted.length) {
    for (let i = 0; i < int(r, 1, 5); i++) {
      const first = pick(r, ['Priya', 'Rohit', 'Sarah', 'Vikram', 'Karthik', 'Nisha', 'Tom', 'Mike', 'Chen', 'Olu', 'Maria', 'Ahmed', 'Kenji', 'Lars', 'Ana']);
      const name = `${first} ${String.fromCharCode(65 + int(r, 0, 25))}`;
      const q = pick(r, b.quoted).replace(/\.$/, '').split(/(?<=\.) /)[0]!.replace(/\.$/, '');
      const sp = [...b.speakers].find(isPerson);
      const k = r();
      const text = k < 0.4 && sp ? `"${q}" - that's what ${sp.last} said, but will it happen?`
        : k < 0.7 && sp ? `${sp.last} is right: "${q}." ${g.background(t, { place: e.place, day: e.day })}`
        : `${cap(g.np(t))} is the real issue here. ${g.quoteSentence(t)}`;
      comments.push([name[0]!, name, text]);
    }
  }
  const credit = wire && wire !== outlet ? wire : null;
  const signoff = credit ? (r() < 0.5 ? `- ${credit}` : `(With inputs from ${credit})`) : r() < 0.3 ? `(Reporting by ${author}; Editing by ${pick(r, EDITORS)})` : r() < 0.5 ? `- ${outlet}` : '';

  if (format === 'html') {
    const ps = b.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`);
    if (r() < 0.4) ps.splice(Math.min(ps.length, 4), 0, `<div class="ad">Advertisement</div>`);
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(b.title)} | ${escapeHtml(outlet)}</title>
<meta property="og:site_name" content="${escapeHtml(outlet)}"><meta property="og:title" content="${escapeHtml(b.title)}">
<meta property="article:published_time" content="${d.iso}T${String(int(r, 5, 22)).padStart(2, '0')}:${String(int(r, 10, 59))}:00Z">
<link rel="canonical" href="https://www.${slug(outlet)}.com/${d.iso.replace(/-/g, '/')}/${slug(b.title)}"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/markets">Markets</a> <a href="/opinion">Opinion</a></nav></header>
<main><article><h1>${escapeHtml(b.title)}</h1>
<p class="byline">By ${escapeHtml(author)}</p><time datetime="${d.iso}">${d.long}</time>
${ps.join('\n')}
${signoff ? `<p>${escapeHtml(signoff)}</p>` : ''}
</article>
<aside><h3>Most read</h3><ul>${related.map((h) => `<li><a href="/${slug(h)}">${escapeHtml(h)}</a></li>`).join('')}</ul></aside>
${comments.length ? `<section class="comments"><h3>Reader Comments</h3>${comments.map((c) => `<div class="comment"><b>${escapeHtml(c[1]!)}</b><p>${escapeHtml(c[2]!)}</p></div>`).join('')}</section>` : ''}
</main><footer><p>Share this article</p><p>&copy; ${d.iso.slice(0, 4)} ${escapeHtml(outlet)}. All rights reserved.</p></footer></body></html>
`;
  }
  if (format === 'md') {
    const lines = ['---', `title: ${JSON.stringify(b.title)}`, `outlet: ${JSON.stringify(outlet)}`, `date: ${d.iso}`, `author: ${JSON.stringify(author)}`, `url: https://www.${slug(outlet)}.com/${slug(b.title)}`, '---', '', `# ${b.title}`, '', `*By ${author} | ${d.long}*`, ''];
    b.paragraphs.forEach((p, i) => {
      lines.push(p, '');
      if (i === 3 && r() < 0.3) lines.push(`**Also read:** [${related[0]}](https://www.${slug(outlet)}.com/${slug(related[0]!)})`, '');
      if (i === 6 && r() < 0.2) lines.push(`## ${cap(g.term(t))}`, '');
    });
    if (signoff) lines.push(signoff, '');
    lines.push('Share this article:', '', '## You may also like', '', ...related.map((h) => `- [${h}](https://www.${slug(outlet)}.com/${slug(h)})`), '');
    return lines.join('\n');
  }

  const lines: string[] = [];
  const shape = int(r, 0, 5);
  const minutes = Math.max(2, Math.round(b.paragraphs.length / 3));
  if (shape === 0) lines.push(d.long, `Home \u00bb ${b.title}`, '', b.title, '', `by ${author}`, `${int(r, 0, 40)} comments ${minutes} minutes read`, '');
  else if (shape === 1) lines.push(b.title, '', `${minutes} min read`, '', `${e.place}, ${d.short}`, '');
  else if (shape === 2) lines.push(` date ${d.iso} DT`, `Home / ${cap(t.name)} / ${b.title}`, '', outlet, `Updated At : 0${int(r, 1, 9)}:${int(r, 10, 59)} AM ${d.short} IST`, '');
  else if (shape === 3) lines.push(b.title, '', `By ${author}`, '', `${d.long}`, '');
  else if (shape === 4) {
    // Seeds-like: title, summary, key points, read time, then the copy.
    lines.push(b.title, '', `${g.background(t, { place: e.place, day: e.day })} ${g.background(t, { place: e.place, day: e.day })}`, '', `Key Points: ${cap(g.term(t))}`, '');
    for (let i = 0; i < 4; i++) lines.push(`  \u2022 ${cap(g.np(t))} ${g.verb().third} ${g.np(t)}`);
    lines.push(`${minutes} min read`, '', d.long, '');
  } else lines.push(`${outlet} | ${d.short}`, '', b.title, '', `Published ${d.long}`, '');
  const ps = [...b.paragraphs];
  if (shape !== 4 && r() < 0.3) ps.splice(Math.min(ps.length, 3), 0, `Also Read: ${related[0]}`);
  if (r() < 0.15) ps.splice(Math.min(ps.length, 5), 0, 'Advertisement');
  // Some wire copy arrives hard-wrapped.
  const wrap = shape === 3 && r() < 0.5;
  for (const p of ps) {
    if (wrap) lines.push(...hardWrap(p, 70), '');
    else lines.push(p, '');
  }
  if (signoff) lines.push(signoff, '');
  lines.push('Share this article:', '', 'You may also like', '', ...related, '');
  if (comments.length) {
    lines.push('Reader Comments', '');
    for (const c of comments) lines.push(...c);
    lines.push('', 'Leave a Comment', '', 'Minimum 50 characters 0/50');
  } else if (r() < 0.5) lines.push('Leave a Comment');
  return lines.join('\n');
}

function shuffle<T>(r: R, xs: readonly T[]): T[] {
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function hardWrap(p: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of p.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
