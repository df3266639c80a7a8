// The words a name or a role is compared by, the same in the extractor (speaker keys) and in questions:
// "China's Ministry of Commerce", "the Chinese commerce ministry" and "MOFCOM's" all come down to the same words,
// "spokesman" and "spokeswoman" are "spokesperson", "U.S." is "us". Word lists, not a library: no package maps
// demonyms to countries or news titles to each other, and these few hundred entries are cheap to look up.

/** Nationality adjectives and country spellings, to one word per country. */
const COUNTRY_FORMS: Record<string, string> = {
  american: 'us', america: 'us', usa: 'us', 'u.s': 'us', 'u.s.a': 'us', us: 'us',
  british: 'uk', britain: 'uk', 'u.k': 'uk', uk: 'uk', english: 'uk', scottish: 'uk', welsh: 'uk',
  european: 'eu', europe: 'eu', eu: 'eu',
  chinese: 'china', china: 'china', prc: 'china',
  japanese: 'japan', japan: 'japan',
  korean: 'korea', korea: 'korea',
  indian: 'india', india: 'india', bharat: 'india',
  russian: 'russia', russia: 'russia',
  ukrainian: 'ukraine', ukraine: 'ukraine',
  german: 'germany', germany: 'germany',
  french: 'france', france: 'france',
  italian: 'italy', italy: 'italy',
  spanish: 'spain', spain: 'spain',
  portuguese: 'portugal', portugal: 'portugal',
  dutch: 'netherlands', netherlands: 'netherlands', holland: 'netherlands',
  belgian: 'belgium', belgium: 'belgium',
  swiss: 'switzerland', switzerland: 'switzerland',
  austrian: 'austria', austria: 'austria',
  swedish: 'sweden', sweden: 'sweden',
  norwegian: 'norway', norway: 'norway',
  danish: 'denmark', denmark: 'denmark',
  finnish: 'finland', finland: 'finland',
  polish: 'poland', poland: 'poland',
  czech: 'czechia', czechia: 'czechia',
  hungarian: 'hungary', hungary: 'hungary',
  romanian: 'romania', romania: 'romania',
  slovak: 'slovakia', slovakia: 'slovakia', slovenian: 'slovenia', slovene: 'slovenia', slovenia: 'slovenia',
  croatian: 'croatia', croatia: 'croatia', serbian: 'serbia', serbia: 'serbia', bulgarian: 'bulgaria', bulgaria: 'bulgaria',
  lithuanian: 'lithuania', lithuania: 'lithuania', latvian: 'latvia', latvia: 'latvia', estonian: 'estonia', estonia: 'estonia',
  maltese: 'malta', malta: 'malta', cypriot: 'cyprus', cyprus: 'cyprus', icelandic: 'iceland', iceland: 'iceland',
  luxembourgish: 'luxembourg', luxembourg: 'luxembourg', belarusian: 'belarus', belarus: 'belarus',
  georgian: 'georgia', armenian: 'armenia', armenia: 'armenia', uzbek: 'uzbekistan', uzbekistan: 'uzbekistan',
  mongolian: 'mongolia', mongolia: 'mongolia', cambodian: 'cambodia', cambodia: 'cambodia', burmese: 'myanmar', myanmar: 'myanmar',
  sudanese: 'sudan', sudan: 'sudan', tanzanian: 'tanzania', tanzania: 'tanzania', ugandan: 'uganda', uganda: 'uganda',
  zambian: 'zambia', zambia: 'zambia', zimbabwean: 'zimbabwe', zimbabwe: 'zimbabwe', angolan: 'angola', angola: 'angola',
  senegalese: 'senegal', senegal: 'senegal', ivorian: 'ivoire', ecuadorian: 'ecuador', ecuador: 'ecuador',
  bolivian: 'bolivia', bolivia: 'bolivia', paraguayan: 'paraguay', paraguay: 'paraguay', uruguayan: 'uruguay', uruguay: 'uruguay',
  guatemalan: 'guatemala', guatemala: 'guatemala', panamanian: 'panama', panama: 'panama', jamaican: 'jamaica', jamaica: 'jamaica',
  greek: 'greece', greece: 'greece',
  irish: 'ireland', ireland: 'ireland',
  turkish: 'turkey', turkey: 'turkey', turkiye: 'turkey',
  canadian: 'canada', canada: 'canada',
  mexican: 'mexico', mexico: 'mexico',
  brazilian: 'brazil', brazil: 'brazil',
  argentine: 'argentina', argentinian: 'argentina', argentina: 'argentina',
  chilean: 'chile', chile: 'chile',
  colombian: 'colombia', colombia: 'colombia',
  peruvian: 'peru', peru: 'peru',
  venezuelan: 'venezuela', venezuela: 'venezuela',
  cuban: 'cuba', cuba: 'cuba',
  australian: 'australia', australia: 'australia',
  zealander: 'zealand', zealand: 'zealand',
  indonesian: 'indonesia', indonesia: 'indonesia',
  malaysian: 'malaysia', malaysia: 'malaysia',
  singaporean: 'singapore', singapore: 'singapore',
  thai: 'thailand', thailand: 'thailand',
  vietnamese: 'vietnam', vietnam: 'vietnam',
  filipino: 'philippines', philippine: 'philippines', philippines: 'philippines',
  taiwanese: 'taiwan', taiwan: 'taiwan',
  pakistani: 'pakistan', pakistan: 'pakistan',
  bangladeshi: 'bangladesh', bangladesh: 'bangladesh',
  nepali: 'nepal', nepalese: 'nepal', nepal: 'nepal',
  lankan: 'lanka', lanka: 'lanka',
  afghan: 'afghanistan', afghanistan: 'afghanistan',
  iranian: 'iran', iran: 'iran',
  iraqi: 'iraq', iraq: 'iraq',
  israeli: 'israel', israel: 'israel',
  palestinian: 'palestine', palestine: 'palestine',
  saudi: 'saudi', arabia: 'saudi',
  emirati: 'uae', uae: 'uae', emirates: 'uae',
  qatari: 'qatar', qatar: 'qatar',
  kuwaiti: 'kuwait', kuwait: 'kuwait',
  omani: 'oman', oman: 'oman',
  bahraini: 'bahrain', bahrain: 'bahrain',
  yemeni: 'yemen', yemen: 'yemen',
  syrian: 'syria', syria: 'syria',
  lebanese: 'lebanon', lebanon: 'lebanon',
  jordanian: 'jordan', jordan: 'jordan',
  egyptian: 'egypt', egypt: 'egypt',
  moroccan: 'morocco', morocco: 'morocco',
  algerian: 'algeria', algeria: 'algeria',
  tunisian: 'tunisia', tunisia: 'tunisia',
  nigerian: 'nigeria', nigeria: 'nigeria',
  ghanaian: 'ghana', ghana: 'ghana',
  kenyan: 'kenya', kenya: 'kenya',
  ethiopian: 'ethiopia', ethiopia: 'ethiopia',
  african: 'africa', africa: 'africa',
  azerbaijani: 'azerbaijan', azerbaijan: 'azerbaijan',
  kazakh: 'kazakhstan', kazakhstan: 'kazakhstan',
};

/** Words that name a country once normalised: a role with another country's word belongs to someone else. */
export const COUNTRY_WORDS = new Set([...Object.values(COUNTRY_FORMS), 'south-africa', 'north-korea', 'new-zealand', 'sri-lanka']);

/** Title words written several ways, to one spelling. */
const SYNONYMS: Record<string, string[]> = {
  spokesman: ['spokesperson'], spokeswoman: ['spokesperson'], spokespeople: ['spokesperson'], spokespersons: ['spokesperson'],
  'vice-president': ['vice', 'president'], 'vice-chairman': ['vice', 'chairman'], 'vice-premier': ['vice', 'premier'],
  'vice-chancellor': ['vice', 'chancellor'], 'deputy-minister': ['deputy', 'minister'],
  'secretary-general': ['secretary', 'general'], 'director-general': ['director', 'general'],
  'prime-minister': ['prime', 'minister'], pm: ['prime', 'minister'], premier: ['prime', 'minister'],
  'chief-executive': ['ceo'], chairwoman: ['chair'], chairperson: ['chair'], chairman: ['chair'],
  secy: ['secretary'], sec: ['secretary'], govt: ['government'], dept: ['department'], min: ['ministry'],
  ministries: ['ministry'], ministers: ['minister'], defence: ['defense'], organisation: ['organization'],
};

/** Phrases normalised before words are split ("chief executive officer" → "ceo", "united states" → "us"). */
const PHRASES: [RegExp, string][] = [
  [/\bu\.\s?s\.(?:\s?a\.)?/g, ' us '],
  [/\bu\.\s?k\./g, ' uk '],
  [/\bunited states(?: of america)?\b/g, ' us '],
  [/\bunited kingdom\b/g, ' uk '],
  [/\bunited arab emirates\b/g, ' uae '],
  [/\beuropean union\b/g, ' eu '],
  [/\bsouth african?\b/g, ' south-africa '],
  [/\bsouth korean?\b/g, ' korea '],
  [/\bnorth korean?\b/g, ' north-korea '],
  [/\bnew zealand(?:er)?\b/g, ' new-zealand '],
  [/\bsri lankan?\b/g, ' sri-lanka '],
  [/\bsaudi arabian?\b/g, ' saudi '],
  [/\bchief executive(?: officer)?\b/g, ' ceo '],
  [/\bchief financial officer\b/g, ' cfo '],
  [/\bprime minister\b/g, ' prime minister '],
];

/** Words too common in names and roles to tell one from another. */
const STOP = new Set(['the', 'of', 'for', 'and', 'to', 'on', 'in', 'at', 'a', 'an', '&', 'its', 'his', 'her', 'their', 's']);

const cache = new Map<string, string[]>();

/**
 * The comparable words of a name or role: lowercased, without accents, possessives or small words, countries
 * and titles in one spelling. Order is kept (it matters for display, not for matching).
 */
export function entityWords(text: string): string[] {
  let words = cache.get(text);
  if (words) return words;
  let t = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\u2019']s\b/g, '').replace(/[\u2019']/g, '');
  for (const [re, to] of PHRASES) t = t.replace(re, to);
  words = [];
  for (const raw of t.split(/[^\p{L}\p{N}&.-]+/u)) {
    const w = raw.replace(/^[.-]+|[.-]+$/g, '');
    if (!w || STOP.has(w)) continue;
    const country = COUNTRY_FORMS[w] ?? COUNTRY_FORMS[w.replace(/\./g, '')];
    if (country) { words.push(country); continue; }
    const syn = SYNONYMS[w];
    if (syn) { words.push(...syn); continue; }
    if (w.includes('-') && !/^(?:south|north|new|sri)-/.test(w) && !SYNONYMS[w]) {
      // "Ambassador-designate", "Export-Import": each part is a word to match on.
      for (const part of w.split('-')) if (part && !STOP.has(part)) words.push(COUNTRY_FORMS[part] ?? part);
      continue;
    }
    words.push(w.replace(/\./g, ''));
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(text, words);
  return words;
}

/** The countries a name or role names ("South Korean Trade Minister" → ["korea"]). */
export function countriesIn(text: string): string[] {
  return entityWords(text).filter((w) => COUNTRY_WORDS.has(w));
}

/** An organisation's key: its words in a fixed order, so word order and possessives do not make two. */
export function organisationKey(name: string): string {
  let key = orgKeys.get(name);
  if (key === undefined) {
    key = [...new Set(entityWords(name))].sort().join(' ');
    if (orgKeys.size > 50_000) orgKeys.clear();
    orgKeys.set(name, key);
  }
  return key;
}
/** Organisations are named again and again: each name's key is worked out once. */
const orgKeys = new Map<string, string>();

/** The initials of a multi-word name ("European Central Bank" → "ecb"), or null when too short to be one. */
export function acronymOf(name: string): string | null {
  let a = acronyms.get(name);
  if (a === undefined) {
    const words = name.replace(/\([^)]*\)/g, ' ').split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w) && !STOP.has(w.toLowerCase()));
    a = words.length >= 3 ? words.map((w) => w[0]!.toLowerCase()).join('') : null;
    if (acronyms.size > 50_000) acronyms.clear();
    acronyms.set(name, a);
  }
  return a;
}
const acronyms = new Map<string, string | null>();

/** Capitals and datelined cities, to the country a story filed there is mostly about. */
const CITY_COUNTRY: Record<string, string> = {
  washington: 'us', 'new york': 'us', beijing: 'china', shanghai: 'china', 'hong kong': 'china', moscow: 'russia', tokyo: 'japan',
  seoul: 'korea', pyongyang: 'north-korea', brussels: 'eu', london: 'uk', paris: 'france', berlin: 'germany', frankfurt: 'germany',
  'new delhi': 'india', delhi: 'india', mumbai: 'india', kyiv: 'ukraine', kiev: 'ukraine', tehran: 'iran', ankara: 'turkey',
  istanbul: 'turkey', canberra: 'australia', sydney: 'australia', ottawa: 'canada', brasilia: 'brazil', 'sao paulo': 'brazil',
  riyadh: 'saudi', 'abu dhabi': 'uae', dubai: 'uae', doha: 'qatar', cairo: 'egypt', pretoria: 'south-africa',
  johannesburg: 'south-africa', 'cape town': 'south-africa', nairobi: 'kenya', lagos: 'nigeria', abuja: 'nigeria',
  jakarta: 'indonesia', 'kuala lumpur': 'malaysia', putrajaya: 'malaysia', manila: 'philippines', hanoi: 'vietnam', bangkok: 'thailand',
  islamabad: 'pakistan', karachi: 'pakistan', dhaka: 'bangladesh', taipei: 'taiwan', singapore: 'singapore', rome: 'italy',
  madrid: 'spain', lisbon: 'portugal', warsaw: 'poland', stockholm: 'sweden', oslo: 'norway', copenhagen: 'denmark',
  helsinki: 'finland', dublin: 'ireland', athens: 'greece', jerusalem: 'israel', baghdad: 'iraq', damascus: 'syria',
  kabul: 'afghanistan', 'mexico city': 'mexico', bogota: 'colombia', lima: 'peru', santiago: 'chile', 'buenos aires': 'argentina',
  caracas: 'venezuela', havana: 'cuba', budapest: 'hungary', prague: 'czechia', vienna: 'austria', bern: 'switzerland',
  'the hague': 'netherlands', amsterdam: 'netherlands', muscat: 'oman', kuwait: 'kuwait', manama: 'bahrain', amman: 'jordan',
  beirut: 'lebanon', accra: 'ghana', 'addis ababa': 'ethiopia', astana: 'kazakhstan', baku: 'azerbaijan', montevideo: 'uruguay',
};

/** The country a dateline's place stands for ("SEOUL" → korea, "Lisbon, Portugal" → portugal), or null. */
export function countryOfPlace(place: string): string | null {
  const parts = place.toLowerCase().split(/\s*,\s*/);
  for (const part of [...parts].reverse()) {
    const words = entityWords(part);
    const country = words.length === 1 && COUNTRY_WORDS.has(words[0]!) ? words[0]! : null;
    if (country) return country;
  }
  return CITY_COUNTRY[parts[0]!.trim()] ?? null;
}
