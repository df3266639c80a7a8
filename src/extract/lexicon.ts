// Word lists the quote extractor relies on. Kept as data in one place so they can grow without touching logic.

const set = (words: string) => new Set(words.trim().split(/\s+/).map((w) => w.toLowerCase()));

/** Words that make a capitalised phrase a role: "US Treasury Secretary", "Union Minister". */
export const ROLE_WORDS = set(`
  secretary secy minister ministers ambassador envoy president vice-president premier chancellor governor senator
  representative director chairman chairperson chairwoman chair ceo cfo coo chief spokesperson spokesman spokeswoman
  commissioner adviser advisor deputy head leader mayor mp mla officer economist analyst professor official king queen
  prince pope general admiral judge justice attorney counsel founder executive manager strategist diplomat negotiator
  undersecretary under-secretary treasurer administrator coordinator lawmaker congressman congresswoman designate
  ambassador-designate secretary-general director-general commander minister-designate
`);

/** Honorifics: they precede a name but are not a role. */
export const TITLE_WORDS = set(`mr mrs ms miss dr prof sir dame lord lady sheikh shri smt sri`);

/** Words that make a capitalised phrase an organisation: "the US Treasury", "the International Energy Agency". */
export const ORG_WORDS = set(`
  treasury ministry department agency bank fund council commission government office organisation organization
  reserve board authority institute association federation corporation company inc ltd llc group party parliament
  congress senate court committee forum alliance embassy administration cabinet secretariat exchange bureau service
  police army navy university union nations imf who wto opec nato
`);

/** Places (mostly countries) that start or end role phrases: "US Ambassador to India Sergio Gor". */
export const PLACE_WORDS = set(`
  us usa uk eu un g7 g20 brics america american india indian china chinese japan japanese korea korean russia russian
  canada canadian france french germany german italy italian britain british australia australian mexico mexican
  brazil brazilian europe european asia asian africa african pakistan bangladesh nepal sri lanka taiwan vietnam
  indonesia singapore malaysia thailand philippines israel iran iraq saudi arabia uae qatar turkey ukraine poland spain
  netherlands belgium sweden norway denmark finland switzerland austria ireland scotland wales argentina chile peru
  colombia egypt nigeria kenya ethiopia washington beijing delhi new york london paris berlin tokyo moscow brussels
  geneva kingdom states united south north east west union
`);

/** Capitalised words that start sentences or intro phrases but are never part of a name. */
export const NOT_NAME_WORDS = set(`
  the a an this that these those it its he she they we i you his her their our my your later earlier meanwhile however
  also then today yesterday tomorrow on in at but and so still now separately speaking following after before during
  according while when where as with for from by of to if although though since monday tuesday wednesday thursday
  friday saturday sunday january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec announcing addressing x twitter key read share home updated
  source reader comments newly
  analysts officials experts sources critics observers economists diplomats participants reports residents
  investors traders executives lawmakers delegates ministers leaders authorities reporters people others many some
  both all several few most everyone nobody someone government governments
`);

export const PRONOUNS = set(`he she`);

/** First words of an intro phrase before a sentence's subject ("Following the meeting, Vaishnaw …"). */
export const INTRO_WORDS = set(`
  on in at after before during following speaking announcing addressing earlier later meanwhile however also then
  today yesterday separately while when as with for from by last this next over amid under despite
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december
`);

/** Verbs after which the words that follow are what someone said ("Bessent said countries should …"). */
export const CLAUSE_VERBS = set(`
  said says stated states added adds noted notes announced announces explained argued warned claimed asserted declared
  insisted observed remarked maintained cautioned acknowledged admitted confirmed revealed wrote writes
  recalled predicted replied responded tweeted commented told tells
`);

/** Verbs that report speech only with "that" ("Vaishnaw highlighted that …"). */
export const THAT_VERBS = set(`
  highlighted underscored underlined stressed emphasized emphasised agreed indicated suggested signalled signaled
  reaffirmed affirmed reiterated conceded hoped believes believed expects mentioned
`);

/** Verbs that report speech with "the need / the importance / the urgency …". */
export const NEED_VERBS = set(`stressed underscored underlined emphasized emphasised highlighted reiterated`);

/** Verbs that report an appeal: object and "to …" follow ("He urged nations to work together"). */
export const URGE_VERBS = set(`urged`);

/** Verbs that describe: "He described the meeting as positive". */
export const DESCRIBE_VERBS = set(`described`);

/** Any of the above, as used in an attribution next to a quotation (",” Vaishnaw said."). */
export const ATTRIBUTION_VERBS = new Set([...CLAUSE_VERBS, ...THAT_VERBS, ...NEED_VERBS, ...URGE_VERBS, 'posted', 'continued', 'concluded']);

/** Participles that hand a quotation to the sentence's subject (", saying, “…”"). */
export const PARTICIPLE_CUES = /\b(?:saying|stating|adding|noting|writing|declaring|urging|advocating(?: for)?|calling for|insisting|warning|arguing|asserting|explaining|tweeting|posting)\b/;

/** Adverbs allowed between a speaker and the verb ("The Minister further said"). */
export const ADVERBS = set(`
  further later also earlier then again previously separately subsequently recently today yesterday once now too
  reportedly publicly privately repeatedly briefly firmly clearly strongly had has have was is
`);
