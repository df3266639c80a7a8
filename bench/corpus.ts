// A deterministic (seeded) generator of news articles shaped like the seeds: site chrome, datelines, direct and
// reported quotes with pronouns and roles, the same quote carried by several outlets (in full, in part, or
// re-punctuated), and reader comments that quote officials back. Written to a temporary folder, never committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast and the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = 'Aarav Adaeze Ahmed Aiko Alejandro Amara Anders Anika Arjun Beatriz Bilal Camila Chen Chiara Daniel Dmitri Elena Emeka Fatima Felix Gabriel Hana Hiroshi Ines Isabel Jamal Javier Jin Kofi Lars Leila Lucas Mariam Mateo Mei Nadia Nikhil Olga Omar Pablo Priya Rafael Rania Rohan Sakura Samir Sofia Tariq Thabo Valentina Wei Yara Yusuf Zanele Zhang Ravi Helga Ingrid Kwame'.split(' ');
const LAST = 'Abebe Adeyemi Alvarez Andersen Bauer Bennett Cardoso Castillo Chandra Dubois Eriksen Fischer Fonseca Garcia Haddad Hansen Hoffmann Ibrahim Ivanova Jansen Kapoor Kato Kowalski Larsen Lindqvist Lopez Mahlangu Mendes Moreau Nakamura Novak Okafor Olsen Park Patel Petrov Quispe Rahman Reyes Rossi Saito Santos Schmidt Singh Sorensen Tanaka Torres Umarov Varga Verma Wagner Yamamoto Zhou Achterberg Brennan Costa Delgado Eklund Farouk'.split(' ');
/** Enough distinct surnames for a few hundred speakers: the seeds' names plus syllable pairs. */
const SURNAMES = [
  ...LAST,
  ...'Ab Bel Car Dor El Fen Gar Hal Ish Jor Kel Lor Mar Nor Or Pel Quin Ros Sal Tor Ul Ven Wal Yor Zan'.split(' ').flatMap((a) =>
    'ani berg court dale enko field gard holm ito jian kov lund mann nez otti quist rath son tani ura vic well yama zadeh'.split(' ').map((b) => a + b),
  ),
];
const COUNTRIES = 'India Japan Germany France Brazil Canada Australia Kenya Nigeria Mexico Indonesia Korea Italy Spain Sweden Norway Chile Egypt Vietnam Poland'.split(' ');
const PORTFOLIOS = ['Finance', 'Trade', 'Commerce', 'Energy', 'Mines', 'Foreign', 'Industry', 'Electronics and IT', 'Environment', 'Economy'];
const ORGS = ['International Energy Agency', 'International Monetary Fund', 'World Trade Organization', 'European Commission', 'US Treasury', 'Asian Development Bank', 'World Bank', 'African Union Commission', 'Reserve Bank of India', 'Bank of Japan'];
const OUTLETS = ['IANS', 'ANI', 'PTI', 'Reuters', 'Times of India', 'The Hindu', 'Economic Times', 'Mint', 'Business Standard', 'Hindustan Times', 'Nikkei Asia', 'Deutsche Welle', 'Le Monde', 'Folha', 'The Globe and Mail', 'ABC News', 'Daily Nation', 'Premium Times', 'El Universal', 'Jakarta Post', 'Korea Herald', 'ANSA', 'El Pais', 'Dagens Nyheter', 'Aftenposten', 'La Tercera', 'Ahram Online', 'VnExpress', 'Rzeczpospolita', 'Devdiscourse'];
const AUTHORS = ['Anand Patel', 'Maria Lopez', 'Tom Becker', 'Asha Rao', 'Kenji Mori', 'Sara Nilsen', 'Daniel Okoro', 'Lucia Ferri'];

export interface Topic {
  name: string;
  terms: string[];
  subjects: string[];
  verbs: string[];
  objects: string[];
}

export const TOPICS: Topic[] = [
  ['critical minerals', ['critical minerals', 'rare earths', 'lithium', 'refining capacity', 'processing'], ['supply chains for critical minerals', 'rare earth refining', 'lithium processing', 'our mineral partnerships']],
  ['semiconductors', ['semiconductors', 'chip fabs', 'wafer supply', 'export controls'], ['chip manufacturing', 'the semiconductor supply chain', 'advanced packaging', 'our fabs']],
  ['tariffs', ['tariffs', 'trade barriers', 'customs duties', 'retaliation'], ['these tariffs', 'the trade dispute', 'customs cooperation', 'market access']],
  ['climate finance', ['climate finance', 'green bonds', 'adaptation funds', 'emissions'], ['climate finance', 'the adaptation fund', 'green investment', 'the energy transition']],
  ['energy security', ['energy security', 'oil prices', 'gas storage', 'LNG'], ['energy security', 'gas supplies', 'the oil market', 'strategic reserves']],
  ['inflation', ['inflation', 'interest rates', 'price stability', 'monetary policy'], ['inflation', 'price stability', 'the rate path', 'household budgets']],
  ['digital payments', ['digital payments', 'UPI', 'cross-border payments', 'fintech'], ['digital payments', 'cross-border settlement', 'payment interoperability', 'fintech regulation']],
  ['shipping', ['shipping lanes', 'freight rates', 'port capacity', 'maritime security'], ['shipping lanes', 'freight costs', 'port investment', 'maritime security']],
  ['food security', ['food security', 'grain exports', 'fertiliser', 'crop insurance'], ['food security', 'grain corridors', 'fertiliser supply', 'farm incomes']],
  ['artificial intelligence', ['artificial intelligence', 'AI safety', 'compute', 'data centres'], ['AI governance', 'compute capacity', 'AI safety standards', 'data centre investment']],
  ['debt relief', ['debt relief', 'sovereign debt', 'restructuring', 'bond markets'], ['debt restructuring', 'sovereign borrowing', 'the common framework', 'bond market access']],
  ['pharmaceuticals', ['pharmaceuticals', 'generic drugs', 'API supply', 'vaccines'], ['drug supply chains', 'vaccine production', 'generic exports', 'API sourcing']],
].map(([name, terms, subjects]) => ({
  name: name as string,
  terms: terms as string[],
  subjects: subjects as string[],
  verbs: ['must be strengthened', 'remain too concentrated', 'need urgent investment', 'are central to our growth', 'will be discussed again next month', 'require closer cooperation', 'cannot be left to chance', 'will get $4 billion in new funding'],
  objects: ['with like-minded partners', 'before the end of the year', 'across the region', 'through joint research', 'without fragmenting markets', 'in a sustainable manner'],
}));

export interface GenSpeaker {
  kind: 'person' | 'organisation';
  first: string;
  last: string;
  name: string;
  role: string;
  shortRole: string;
  handle: string;
}

function speakers(r: () => number, count: number): GenSpeaker[] {
  const out: GenSpeaker[] = [];
  const used = new Set<string>();
  while (out.length < count - ORGS.length) {
    const first = pick(r, FIRST);
    const last = pick(r, SURNAMES);
    if (used.has(last)) continue; // surnames stay unique: a bare "Okafor" must mean one person
    used.add(last);
    const country = pick(r, COUNTRIES);
    const kind = r();
    const [role, shortRole] =
      kind < 0.45 ? [`${country}'s ${pick(r, PORTFOLIOS)} Minister`, 'Minister']
      : kind < 0.65 ? [`${country} Ambassador to ${pick(r, COUNTRIES.filter((c) => c !== country))}`, 'Ambassador']
      : kind < 0.8 ? [`${pick(r, ['US', 'UK', 'EU'])} ${pick(r, ['Treasury', 'Commerce', 'Energy', 'Trade'])} Secretary`, 'Secretary']
      : kind < 0.9 ? [`${pick(r, ORGS)} Managing Director`, 'Director']
      : [`${country} Central Bank Governor`, 'Governor'];
    out.push({ kind: 'person', first, last, name: `${first} ${last}`, role: role.replace(/^(\w+)'s /, ''), shortRole, handle: `@${shortRole.slice(0, 3)}${first}${last}` });
  }
  for (const org of ORGS) {
    out.push({ kind: 'organisation', first: '', last: org, name: org, role: '', shortRole: '', handle: `@${org.replace(/[^A-Za-z]/g, '')}` });
  }
  return out;
}

export interface GenQuote {
  speaker: GenSpeaker;
  text: string;
}

interface GenEvent {
  day: number;
  topic: Topic;
  speakers: GenSpeaker[];
  quotes: GenQuote[];
  place: string;
}

function sentence(r: () => number, t: Topic): string {
  const s = `${cap(pick(r, t.subjects))} ${pick(r, t.verbs)} ${pick(r, t.objects)}`;
  return r() < 0.3 ? `${s}, and ${pick(r, t.terms)} ${pick(r, ['will be on the agenda', 'are a shared priority', 'matter to every partner'])}` : s;
}

function event(r: () => number, all: GenSpeaker[], day: number): GenEvent {
  const topic = pick(r, TOPICS);
  const n = 2 + Math.floor(r() * 3);
  const people = Array.from({ length: n }, () => pick(r, all));
  const quotes = people.flatMap((speaker) =>
    Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({
      speaker,
      text: Array.from({ length: 1 + Math.floor(r() * 3) }, () => `${sentence(r, topic)}.`).join(' '),
    })),
  );
  return { day, topic, speakers: people, quotes, place: pick(r, ['Washington', 'New Delhi', 'Brussels', 'Tokyo', 'Geneva', 'Nairobi', 'Brasilia', 'Jakarta']) };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const START = Date.UTC(2025, 11, 1);

export function dateOf(day: number): { iso: string; long: string; short: string } {
  const d = new Date(START + day * 86_400_000);
  const m = MONTHS[d.getUTCMonth()]!;
  return {
    iso: d.toISOString().slice(0, 10),
    long: `${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()]}, ${m} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
    short: `${m.slice(0, 3)} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
  };
}

/** One outlet's article about an event, in one of the page shapes the seeds show. */
function article(r: () => number, e: GenEvent, outlet: string): string {
  const d = dateOf(e.day);
  const lead = e.speakers[0]!;
  const title = `${lead.kind === 'person' ? lead.last : lead.name} ${pick(r, ['pushes', 'warns on', 'backs', 'calls for action on', 'outlines plan for'])} ${e.topic.name}`;
  const lines: string[] = [];
  const shape = Math.floor(r() * 3);
  if (shape === 0) lines.push(d.long, `Home » ${title}`, '', title, '', `by ${pick(r, AUTHORS)}`, `${Math.floor(r() * 9)} comments ${2 + Math.floor(r() * 6)} minutes read`, '');
  else if (shape === 1) lines.push(title, '', `${2 + Math.floor(r() * 6)} min read`, '', `${e.place}, ${d.short.replace(/, \d+$/, '')}`, '');
  else lines.push(` date ${d.iso} DT`, `Home / Business / ${title}`, '', outlet, `Updated At : 0${1 + Math.floor(r() * 8)}:${10 + Math.floor(r() * 49)} AM ${d.short} IST`);

  const intro = (s: GenSpeaker) => (s.kind === 'person' ? `${s.role} ${s.name}` : `the ${s.name}`);
  lines.push(`${cap(intro(lead))} on ${d.short.replace(/, \d+$/, '')} convened a meeting in ${e.place} on ${e.topic.name}, bringing together officials from ${pick(r, COUNTRIES)}, ${pick(r, COUNTRIES)} and ${pick(r, COUNTRIES)}.`, '');
  lines.push(`The talks focused on ${pick(r, e.topic.terms)} and ${pick(r, e.topic.terms)}, with delegations comparing the steps they have taken over the past year.`, '');
  let last: GenSpeaker | null = null;
  for (const q of e.quotes) {
    if (r() < 0.25) continue; // not every outlet carries every quote
    const s = q.speaker;
    const introduced = last === s;
    const who = introduced ? (r() < 0.5 ? 'he' : `the ${s.shortRole || 'agency'}`) : s.kind === 'person' ? (r() < 0.5 ? s.last : `${s.shortRole} ${s.last}`) : `the ${s.name}`;
    if (!introduced && s.kind === 'person' && r() < 0.5) lines.push(`${cap(intro(s))} also attended the meeting in ${e.place}.`, '');
    const sentences = q.text.split(/(?<=\.) /);
    // Outlets differ: the full quote, its first sentence only, or the same words re-punctuated.
    const text = r() < 0.2 && sentences.length > 1 ? sentences[0]!.replace(/\.$/, '') : r() < 0.1 ? q.text.replace(/\. /g, '.') : q.text.replace(/\.$/, '');
    const style = r();
    if (s.kind === 'organisation') lines.push(`In its official statement, the ${s.name} said, "${text}."`, '');
    else if (style < 0.35) lines.push(`\u201c${text},\u201d ${cap(who)} said.`, '');
    else if (style < 0.6) lines.push(`${cap(who)} said, "${text}."`, '');
    else if (style < 0.75) lines.push(`Later, ${who} posted on X that ${lower(sentences[0]!.replace(/\.$/, ''))}.`, '');
    else if (style < 0.9) lines.push(`${cap(who)} said that ${lower(sentences[0]!.replace(/\.$/, ''))}.`, '');
    else lines.push(`According to ${who === 'he' ? s.last : who}, ${lower(sentences[0]!.replace(/\.$/, ''))}.`, '');
    if (s.kind === 'person') last = s;
  }
  lines.push(`Analysts said the outcome would shape ${pick(r, e.topic.terms)} policy in ${pick(r, COUNTRIES)} for years, though details remain to be agreed.`, '');
  lines.push(`The next round of talks is expected in ${MONTHS[(new Date(START + e.day * 86_400_000).getUTCMonth() + 1) % 12]}.`, '');
  if (r() < 0.5) lines.push(`- ${outlet}`, '');
  else lines.push(`SOURCE \u2013 ${outlet.toUpperCase()}`, '');
  lines.push('Share this article:', '', 'You may also like', '');
  if (r() < 0.5) {
    lines.push('Reader Comments', '');
    for (let i = 0; i < 1 + Math.floor(r() * 4); i++) {
      const name = `${pick(r, FIRST)} ${pick(r, LAST)[0]}`;
      const q = pick(r, e.quotes);
      lines.push(name[0]!, name, `"${q.text.split('. ')[0]!.replace(/\.$/, '')}" - that's what ${q.speaker.kind === 'person' ? q.speaker.last : 'they'} said, but will it happen?`);
    }
    lines.push('', 'Leave a Comment', '', 'Minimum 50 characters 0/50');
  } else lines.push('Leave a Comment');
  return lines.join('\n');
}

export interface Corpus {
  dir: string;
  files: number;
  speakers: GenSpeaker[];
  quotes: GenQuote[];
  days: number;
}

/**
 * Writes `count` articles to `dir`: events spread over a year, each carried by one to six outlets.
 * The same seed and count always write the same files.
 */
export function generateCorpus(dir: string, count: number, seed = 42): Corpus {
  const r = rng(seed);
  const people = speakers(r, 300);
  mkdirSync(dir, { recursive: true });
  const days = 365;
  const quotes: GenQuote[] = [];
  let files = 0;
  let n = 0;
  while (files < count) {
    const e = event(r, people, Math.min(days - 1, Math.floor((n++ / (count / 3.5)) * days)));
    quotes.push(...e.quotes);
    const outlets = 1 + Math.floor(r() * 6);
    for (let i = 0; i < outlets && files < count; i++) {
      const outlet = pick(r, OUTLETS);
      writeFileSync(join(dir, `${String(files).padStart(6, '0')}.txt`), article(r, e, outlet));
      files++;
    }
  }
  return { dir, files, speakers: people, quotes, days };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}
function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}
function lower(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
