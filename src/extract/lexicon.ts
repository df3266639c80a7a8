// Word lists the attribution sieves rely on. Data in one place, so they grow without touching logic.
// The cue verbs follow the Guardian/AFP quote pipeline's lexicon and CoreNLP's quote attribution: every form
// of each verb (say, says, said, saying) is listed, since news copy uses all of them.

const set = (words: string) => new Set(words.trim().split(/\s+/).map((w) => w.toLowerCase()));

/** Reporting verbs, every form. A verb listed here introduces speech when a speaker stands next to it. */
const CUE_FORMS = `
  say says said saying tell tells told telling add adds added adding state states stated stating
  write writes wrote writing post posts posted posting tweet tweets tweeted tweeting declare declares declared declaring
  warn warns warned warning note notes noted noting argue argues argued arguing insist insists insisted insisting
  stress stresses stressed stressing emphasise emphasises emphasised emphasising emphasize emphasizes emphasized emphasizing
  explain explains explained explaining claim claims claimed claiming assert asserts asserted asserting
  announce announces announced announcing confirm confirms confirmed confirming reveal reveals revealed revealing
  disclose discloses disclosed disclosing ask asks asked asking reply replies replied replying
  respond responds responded responding answer answers answered answering comment comments commented commenting
  remark remarks remarked remarking observe observes observed observing maintain maintains maintained maintaining
  caution cautions cautioned cautioning acknowledge acknowledges acknowledged acknowledging admit admits admitted admitting
  concede concedes conceded conceding recall recalls recalled recalling predict predicts predicted predicting
  continue continues continued continuing conclude concludes concluded concluding reiterate reiterates reiterated reiterating
  affirm affirms affirmed affirming reaffirm reaffirms reaffirmed reaffirming underline underlines underlined underlining
  underscore underscores underscored underscoring highlight highlights highlighted highlighting
  agree agrees agreed agreeing suggest suggests suggested suggesting indicate indicates indicated indicating
  signal signals signalled signaled signalling signaling hope hopes hoped hoping believe believes believed believing
  think thinks thought expect expects expected expecting fear fears feared fearing mention mentions mentioned mentioning
  urge urges urged urging describe describes described describing call calls called calling term terms termed terming
  dub dubs dubbed brand brands branded branding label labels labelled labeled
  assure assures assured assuring promise promises promised promising pledge pledges pledged pledging vow vows vowed vowing
  boast boasts boasted boasting complain complains complained complaining lament laments lamented lamenting
  counter counters countered countering retort retorts retorted retorting protest protests protested protesting
  deny denies denied denying dismiss dismisses dismissed dismissing reject rejects rejected rejecting
  criticise criticises criticised criticising criticize criticizes criticized criticizing condemn condemns condemned condemning
  accuse accuses accused accusing allege alleges alleged alleging charge charges charged
  estimate estimates estimated estimating forecast forecasts forecasted projected
  testify testifies testified testifying report reports reported reporting inform informs informed informing
  told tell tells explain contend contends contended contending point points pointed pointing
  clarify clarifies clarified clarifying elaborate elaborates elaborated elaborating
  exclaim exclaims exclaimed exclaiming shout shouts shouted shouting whisper whispers whispered
  quip quips quipped joke jokes joked joking muse muses mused musing
  advise advises advised advising recommend recommends recommended recommending propose proposes proposed proposing
  stressed reassure reassures reassured reassuring welcome welcomes welcomed welcoming
`;
export const CUE_VERBS = set(CUE_FORMS);

/**
 * Cues whose object is a noun phrase as often as a clause ("announced plans", "welcomed the move"): what follows
 * them is speech only after "that", or when it reads as a clause (a subject and a verb).
 */
export const NP_OBJECT_CUES = set(`
  announce announces announced confirm confirms confirmed reveal reveals revealed disclose discloses disclosed
  deny denies denied dismiss dismisses dismissed reject rejects rejected criticise criticises criticised criticize criticizes
  criticized condemn condemns condemned accuse accuses accused protest protests protested welcome welcomes welcomed
  highlight highlights highlighted underline underlines underlined underscore underscores underscored stress stresses stressed
  emphasise emphasises emphasised emphasize emphasizes emphasized reiterate reiterates reiterated reaffirm reaffirms reaffirmed
  affirm affirms affirmed acknowledge acknowledges acknowledged signal signals signalled signaled note notes noted
  mention mentions mentioned recall recalls recalled predict predicts predicted expect expects expected fear fears feared
  hope hopes hoped promise promises promised pledge pledges pledged vow vows vowed propose proposes proposed
  recommend recommends recommended advise advises advised estimate estimates estimated forecast forecasts forecasted
  report reports reported inform informs informed point points pointed describe describes described call calls called
  term terms termed dub dubs dubbed brand brands branded label labels labelled labeled ask asks asked answer answers answered
  continue continues continued maintain maintains maintained observe observes observed agree agrees agreed
  warn warns warned caution cautions cautioned urge urges urged assure assures assured reassure reassures reassured
  inform testify testifies testified counter counters countered charge charges charged
  comment comments commented remark remarks remarked claim claims claimed believe believes believed add adds added
`);

/** Adjectives inside titles ("Managing Director", "Chief Executive"): part of a role, never an organisation's name. */
export const ROLE_ADJECTIVES = set(`
  managing executive general chief senior deputy vice acting principal associate assistant special permanent prime
  first second high lead interim former joint junior shadow co-chair co founding honorary regional national
  coordinating
`);

/** Job words of portfolios and ministries: "Minister of Trade" names a portfolio, "CEO of Nvidia" an organisation. */
export const PORTFOLIOS = set(`
  procurement veterans pensions exports skills schools policing prisons borders equalities equality consumer regional
  local cyber space nuclear armed forces
  trade finance foreign defence defense energy commerce industry industries health education interior justice economy
  economic agriculture transport transportation environment information broadcasting railways state labour labor home
  external affairs climate technology culture tourism development planning investment competition security policy
  housing communications digital science research mines mining petroleum water power telecom telecommunications
  treasury revenue budget fiscal monetary social welfare employment immigration customs trade-policy infrastructure
  electronics it ict cooperation relations international economy commerce fisheries forestry food rural urban
  women youth sports affairs european public works relations legal parliamentary planning heavy small medium enterprises
  oil gas minerals resources natural aviation maritime shipping ports textiles steel chemicals fertilisers fertilizers
  consumer protection personnel cabinet general administrative management human rights business services
  industry finance housing internal market markets staff
`);

/** Cues after which a quotation or clause follows directly, with no object ("she added, “…”"). */
export const DIRECT_CUES = set(`
  say says said add adds added state states stated write writes wrote post posts posted tweet tweets tweeted declare declares
  declared warn warns warned note notes noted argue argues argued insist insists insisted stress stresses stressed
  emphasise emphasises emphasised emphasize emphasizes emphasized explain explains explained claim claims claimed assert
  asserts asserted announce announces announced ask asks asked reply replies replied respond responds responded answer
  answers answered comment comments commented remark remarks remarked observe observes observed maintain maintains maintained
  caution cautions cautioned acknowledge acknowledges acknowledged admit admits admitted concede concedes conceded recall
  recalls recalled continue continues continued conclude concludes concluded reiterate reiterates reiterated affirm affirms
  affirmed reaffirm reaffirms reaffirmed counter counters countered retort retorts retorted quip quips quipped exclaim
  exclaims exclaimed predict predicts predicted recount recounts recounted assure assures assured reassure reassures
  reassured tell tells told underline underlines underlined underscore underscores underscored highlight highlights
  highlighted protest protests protested complain complains complained lament laments laments lamented boast boasts boasted
  joke jokes joked muse muses mused shout shouts shouted whisper whispers whispered testify testifies testified clarify
  clarifies clarified elaborate elaborates elaborated contend contends contended vow vows vowed pledge pledges pledged
  promise promises promised suggest suggests suggested
`);

/** Participles that hand what follows to the clause's subject (", saying …", ", adding that …"). */
export const PARTICIPLES = set(`
  saying adding stating writing posting tweeting declaring warning noting arguing insisting stressing emphasising
  emphasizing explaining claiming asserting announcing confirming revealing asking replying responding commenting
  remarking observing maintaining cautioning acknowledging admitting conceding recalling predicting concluding
  reiterating affirming reaffirming underlining underscoring highlighting suggesting urging describing calling terming
  dubbing branding assuring reassuring promising pledging vowing complaining lamenting countering protesting denying
  dismissing rejecting criticising criticizing condemning accusing alleging telling clarifying pointing welcoming
`);

/** Verbs that report with an object and "to": "urged nations to act", "called on members to …". */
export const APPEAL_CUES = set(`urge urges urged urging call calls called calling ask asks asked asking`);

/** Verbs that describe or name: "described the talks as …", "called the move a “…”", "termed it the “…”". */
export const NAMING_CUES = set(`
  describe describes described describing call calls called calling term terms termed terming dub dubs dubbed dubbing
  brand brands branded branding label labels labelled labeled labelling labeling
`);

/** Cognition verbs: speech only with a named speaker ("Kallas believes the EU can …"), never as a participle. */
export const THINK_CUES = set(`think thinks thought believe believes believed hope hopes hoped expect expects expected fear fears feared`);

/** Words that make a noun phrase a role or title: "US Treasury Secretary", "EU trade commissioner". */
export const ROLE_NOUNS = set(`
  secretary secy minister ministers ambassador envoy president vice-president premier chancellor governor senator
  representative director chairman chairperson chairwoman chair ceo cfo coo cto chief spokesperson spokesman spokeswoman
  commissioner adviser advisor deputy head leader mayor mp mla mep officer economist analyst professor official king queen
  pope general admiral judge justice attorney counsel founder co-founder executive manager strategist diplomat negotiator
  undersecretary under-secretary treasurer administrator coordinator lawmaker congressman congresswoman designate
  ambassador-designate secretary-general director-general commander minister-designate president-elect governor-general
  billionaire investor president-designate chairman-designate economist scientist researcher expert consultant partner
  prosecutor lawyer activist campaigner candidate nominee emir sultan monarch crown regent speaker whip aide
  vice-chairman vice-chair vice-premier vice-chancellor trustee steward ombudsman commissar superintendent dean rector
  member banker
  principal inspector auditor registrar controller comptroller envoy-designate representative-designate pm cm
`);

/** Offices abbreviated before a name ("Rep.", "Sen.", "Gov."): roles only when written with a full stop. */
export const ROLE_ABBREVIATIONS = set(`rep sen gov gen lt col capt cmdr adm amb supt insp cllr sec pres atty`);

/** Role nouns that say little on their own ("official", "leader"): they describe any role-holder. */
export const GENERIC_ROLES = set(`official leader chief head figure boss executive officer aide representative`);

/** Honorifics: they precede a name but are not a role. */
export const TITLES = set(`
  mr mrs ms miss mx dr prof professor sir dame lord lady sheikh sheikha shri smt sri tengku datuk dato datin seri tan
  puan encik haji hajjah alhaji alhaja mallam hon rev father sister brother mister madam madame monsieur herr frau senor senora
  prince princess his her excellency eng engr
`);

/** Lowercase parts of names: "Luis de Guindos", "Abdulaziz bin Salman", "Ursula von der Leyen". */
export const NAME_PARTICLES = set(`de da das do dos di del della der den van von ter ten bin binti ibn bint al el la le du abu ul nic ní mac ó uí`);

/** Head nouns of organisations: "the Ministry of Commerce", "Benchmark Mineral Intelligence", "MP Materials". */
export const ORG_NOUNS = set(`
  treasury ministry department agency bank fund council commission government office organisation organization
  reserve board authority institute association federation corporation company inc ltd llc plc ag sa gmbh corp co
  group party parliament congress senate court committee forum alliance embassy administration cabinet secretariat
  exchange bureau service police army navy university union nations imf who wto opec nato asean g7 g20 brics
  holdings motors materials intelligence partners capital technologies technology systems industries airlines airways
  pharmaceuticals pharma mining resources steel electronics semiconductor semiconductors labs laboratories foundation
  trust network networks media news times post journal herald tribune press broadcasting television radio
  institution centre center chamber assembly house palace kremlin ministries firm firms group bloc coalition
  consortium conglomerate unit division commissions councils agencies banks telecom insurance securities
  corps guards guard forces force brigade militia regiment mission delegation consulate pt tbk bhd sdn pte nv bv kk spa
  srl oyj asa grupo banco banca banque empresa compania compagnie
  societe gesellschaft konzern holding holdings bourse
  organisations organizations associations federations corporations institutions committees authorities departments
  alliances unions chambers institutes foundations companies enterprises cooperatives
  groupe société societe fédération federation ministère ministere agence ministerio secretaría secretaria agencia
  consejo federación federacion asociación asociacion cámara camara confederación confederacion
`);

/** Organisation nouns a description can stand for: "the company said", "the ministry added". */
export const ORG_DESCRIPTIONS = set(`
  company firm ministry department agency bank government commission council group organisation organization
  authority regulator office embassy administration cabinet parliament alliance bloc coalition party union fund
  institute association federation board court committee secretariat bureau carmaker automaker chipmaker maker
  manufacturer producer exporter importer operator lender insurer retailer giant startup utility
`);

/** Plural or unnamed people whose words the text cannot pin on anyone: their reported speech stays unattributed. */
export const ANONYMOUS = set(`
  source sources official officials adviser advisers advisor advisors aide aides insider insiders person people diplomat
  diplomats analyst analysts observer observers expert experts economist economists critic critics trader traders
  investor investors executive executives lawmaker lawmakers participant participants resident residents
  spokespeople witness witnesses governments authorities someone others many some several
`);

/** Words that start sentences or intro phrases and are never part of a name. */
export const NOT_NAME_WORDS = set(`
  the a an this that these those it its he she they we i you his her their our my your him them us me i'd i'm i've
  i'll i’d i’m i’ve i’ll
  later earlier meanwhile however also then today yesterday tomorrow on in at but and so still now separately speaking
  following after before during according while when where as with for from by of to if although though since
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
  october november december jan feb mar apr jun jul aug sep sept oct nov dec
  announcing addressing reacting regarding responding asked asking x twitter key read share home updated source
  reader comments newly details background quote update breaking watch photo image credit video live
  there here what who which whose why how not no yes all both each every many most some several few any
  mr mrs ms dr one two three four five six seven eight nine ten eleven twelve dozens hundreds thousands millions
`);

/** First words of an intro phrase before a sentence's subject ("Following the meeting, Vaishnaw …"). */
export const INTRO_WORDS = set(`
  on in at after before during following speaking announcing addressing earlier later meanwhile however also then
  today yesterday separately while when as with for from by last this next over amid under despite regarding
  reacting responding asked asking lashing hours days weeks months minutes moments shortly soon since until
  according accordingly besides furthermore moreover still yet instead indeed but and so thus nonetheless nevertheless
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december in-person separately similarly likewise elsewhere overall first second finally
  once upon throughout within without among between against
`);

/** Adverbs and auxiliaries allowed between a speaker and the verb ("The Minister further said", "he had declared"). */
export const ADVERBS = set(`
  further later also earlier then again previously separately subsequently recently today yesterday once now too
  reportedly publicly privately repeatedly briefly firmly clearly strongly had has have
  would will could may might also simply even only quickly immediately flatly openly explicitly bluntly sharply
  angrily calmly repeatedly already still however meanwhile additionally finally first initially
`);

/** Pronouns and what they can refer to. */
export const PERSON_PRONOUNS = set(`he she`);
export const THING_PRONOUNS = set(`it`);

/** Adjectives in a description that say nothing about who is meant ("the top diplomat", "the former minister"). */
export const EMPTY_MODIFIERS = set(`
  top senior current new then outgoing incoming acting veteran longtime long-time newly-appointed appointed
  elected powerful influential embattled beleaguered visiting local national federal state regional main chief key
  same other latest recent
`);

/** Platforms a post can be made on: "wrote on X", "in a post on Truth Social". */
export const PLATFORMS: [RegExp, string][] = [
  [/\b(?:on|to|via)\s+(?:the\s+)?(?:social media platform\s+|microblogging platform\s+|platform\s+)?X\b|\bon\s+(?:his|her|their|its)\s+X\s+(?:account|handle)|\btweet(?:ed|s)?\b|\bon\s+twitter\b/iu, 'X'],
  [/\btruth\s+social\b/iu, 'Truth Social'],
  [/\bfacebook\b/iu, 'Facebook'],
  [/\binstagram\b/iu, 'Instagram'],
  [/\blinkedin\b/iu, 'LinkedIn'],
  [/\btelegram\b/iu, 'Telegram'],
  [/\bweibo\b/iu, 'Weibo'],
  [/\bsocial media\b/iu, 'social media'],
];

/** News agencies and platforms: they carry statements; as a bare name they do not make them. */
export const CARRIERS = set(`x twitter ani ians pti uni reuters ap afp bloomberg xinhua yonhap kyodo dpa tass bernama anadolu efe ansa apa`);

/**
 * How a reporting verb is shown before reported words ("Bessent added that …"): a participle in its finite form,
 * and a verb whose listener was skipped ("told reporters") as "said".
 */
const SHOWN: Record<string, string> = {
  saying: 'said', adding: 'added', stating: 'stated', noting: 'noted', warning: 'warned', arguing: 'argued',
  insisting: 'insisted', stressing: 'stressed', emphasising: 'emphasised', emphasizing: 'emphasized', explaining: 'explained',
  claiming: 'claimed', asserting: 'asserted', declaring: 'declared', writing: 'wrote', posting: 'posted', tweeting: 'tweeted',
  acknowledging: 'acknowledged', admitting: 'admitted', conceding: 'conceded', predicting: 'predicted', reiterating: 'reiterated',
  affirming: 'affirmed', reaffirming: 'reaffirmed', underlining: 'underlined', underscoring: 'underscored', cautioning: 'cautioned',
  recalling: 'recalled', suggesting: 'suggested', maintaining: 'maintained', confirming: 'confirmed', revealing: 'revealed',
  announcing: 'announced', observing: 'observed', remarking: 'remarked', concluding: 'concluded', assuring: 'assured',
  reassuring: 'reassured', promising: 'promised', pledging: 'pledged', vowing: 'vowed', complaining: 'complained',
  lamenting: 'lamented', replying: 'replied', responding: 'responded', telling: 'said', urging: 'urged',
  told: 'said', tells: 'says', tell: 'said', informed: 'said', assured: 'said', reassured: 'said',
};

export function shownVerb(verb: string): string {
  return SHOWN[verb] ?? verb;
}

/** Last words that make a capitalised phrase a place, an event or a thing, never a person ("Middle East", "Red Fort"). */
/** First words that make a capitalised phrase a place ("Saint Lucia", "New Delhi", "Port Louis"). */
export const NOT_PERSON_FIRST = set(`saint st san santa sao port fort mount mt lake cape new north south east west upper lower greater`);

export const NOT_PERSON_LAST = set(`
  east west north south street square fort palace airport port island islands sea ocean river valley kingdom states
  city province region county republic gulf bay coast day conference summit expo fair forum meeting week festival games
  cup war accord agreement treaty act bill law social finance limited complex centre center hall park plaza avenue road
  bridge tower market markets exchange index plan programme program initiative strategy fund zone corridor canal strait
  peninsula mountains desert belt road station hotel hospital school college academy stadium church mosque temple
  news times post journal herald daily weekly tribune gazette today online review cape dhabi arabiya jazeera newspaper
  magazine radio television tv defence defense systems technologies solutions aerospace pharmaceuticals airlines airways
  semiconductor semiconductors electric electronics
  line lines mining smelting trading shipping banking engineering manufacturing consulting holding metals energy power oil gas
  chemicals motors foods logistics refining rate rates policy
`);

/** Places of two or more words that read like a person's name ("Viet Nam", "Hai Phong", "Kuala Lumpur"). */
export const PLACE_NAMES = new Set([
  'viet nam', 'hai phong', 'da nang', 'ho chi minh', 'ho chi minh city', 'hong kong', 'kuala lumpur', 'buenos aires', 'sri lanka',
  'costa rica', 'puerto rico', 'el salvador', 'abu dhabi', 'addis ababa', 'tel aviv', 'rio de janeiro', 'sao paulo', 'phnom penh',
  'chiang mai', 'dar es salaam', 'kota kinabalu', 'johor bahru', 'cape town', 'la paz', 'san jose', 'santo domingo', 'port moresby',
  'mato grosso', 'minas gerais', 'rio grande do sul', 'santa catarina', 'espirito santo', 'new south wales', 'nuevo leon',
  'baja california', 'tamil nadu', 'uttar pradesh', 'madhya pradesh', 'andhra pradesh', 'west bengal', 'punjab province',
]);

/** What a body issues and speaks through: "the statement said", "a readout of the call". */
export const DOCUMENTS = set(`statement release communique communiqué readout notice announcement`);

/** Last words of a company's name ("Fjordvern Defence", "Hoshina Motors", "Vale Mining"): an organisation, never a person. */
export const COMPANY_LAST = set(`
  mining smelting trading shipping banking engineering manufacturing consulting holding holdings metals energy power oil
  gas chemicals motors foods logistics refining defence defense systems technologies solutions aerospace pharmaceuticals
  airlines airways semiconductor semiconductors electric electronics news times post journal herald tribune gazette
  newspaper magazine radio television tv steel textiles cement airways resources line lines
`);

/** Capitals and great cities: they stand for a government ("Beijing said") or a place, never a person. */
export const CAPITALS = set(`
  washington beijing moscow tokyo seoul pyongyang brussels london paris berlin delhi kyiv kiev tehran ankara canberra
  ottawa brasilia riyadh doha cairo pretoria nairobi lagos abuja jakarta manila hanoi bangkok islamabad dhaka taipei
  singapore geneva vienna rome madrid lisbon warsaw stockholm oslo copenhagen helsinki dublin athens jerusalem baghdad
  damascus kabul bogota lima santiago caracas havana ankara budapest prague bucharest sofia belgrade zagreb minsk
  tashkent astana baku tbilisi yerevan amman beirut muscat manama kuwait sanaa khartoum addis ababa accra dakar kinshasa
  luanda harare lusaka gaborone windhoek maputo dodoma kampala kigali mogadishu tripoli tunis algiers rabat davos
  shanghai mumbai dubai hongkong wellington
`);
