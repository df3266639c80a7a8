// What a question asks: a speaker's words (with an optional topic), who said a phrase, or anything else.

export type Question =
  | { kind: 'speaker'; speaker: string; topic: string | null }
  | { kind: 'who-said'; phrase: string }
  | { kind: 'open'; text: string }
  | { kind: 'empty' };

/** Reporting verbs, base form first, then irregular forms (regular ones are made by inflect()). */
const VERBS: string[][] = [
  ['say', 'said'], ['tell', 'told'], ['write', 'wrote', 'written'], ['post'], ['add'], ['ask'], ['warn'], ['declare'], ['claim'],
  ['argue'], ['insist'], ['stress'], ['note'], ['announce'], ['urge'], ['call for', 'called for', 'calls for', 'calling for'],
  ['describe'], ['deny', 'denied', 'denies'], ['confirm'], ['suggest'], ['explain'], ['think', 'thought'], ['believe'],
  ['reply', 'replied', 'replies'], ['respond'], ['react'], ['comment'], ['tweet'], ['testify', 'testified', 'testifies'],
  ['pledge'], ['promise'], ['predict'], ['criticise'], ['criticize'], ['praise'], ['condemn'], ['accuse'], ['state'],
  ['mean', 'meant'], ['speak', 'spoke', 'spoken'], ['propose'], ['recommend'], ['reveal'], ['admit'], ['acknowledge'],
  ['emphasise'], ['emphasize'], ['highlight'], ['mention'], ['remark'], ['assert'], ['vow'], ['threaten'], ['welcome'],
  ['reiterate'], ['recall'], ['observe'], ['point out', 'pointed out', 'points out', 'pointing out'], ['share'],
  ['admit', 'admitted', 'admitting'], ['blog', 'blogged', 'blogging'], ['tweet'],
];

/** say → says, saying; note → noted, noting; stress → stresses; deny → denies, denied. */
function inflect(base: string): string[] {
  if (base.includes(' ')) return [base];
  const out = [base];
  const e = base.endsWith('e');
  const stem = e ? base.slice(0, -1) : base;
  out.push(/(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`);
  out.push(`${stem}ing`, e ? `${base}d` : `${base}ed`);
  return out;
}

const VERB_FORMS = [...new Set(VERBS.flatMap(([base, ...irregular]) => [...inflect(base!), ...irregular]))].sort((a, b) => b.length - a.length);
const VERB = VERB_FORMS.map((v) => v.replace(/ /g, '\\s+')).join('|');
const STARTS_WITH_VERB = new RegExp(`^(?:${VERB})\\b`, 'i');

/** Where or to whom something was said: not part of the topic. */
const PLATFORM = `(?:x|twitter|truth\\s+social|social\\s+media|facebook|instagram|linkedin|threads|bluesky|weibo|wechat|telegram|youtube|tiktok|tv|television|radio|air|camera)`;
const AUDIENCE = `(?:reporters|journalists|the\\s+press|the\\s+media|media|the\\s+nation|parliament|congress|the\\s+senate|lawmakers|legislators|the\\s+committee|ani|ians|pti|reuters|ap|afp|bloomberg|cnbc|cnn|bbc|fox(?:\\s+news)?|the\\s+\\w+\\s+(?:times|post|journal))`;
const MEDIUM = `(?:post|posts|tweet|tweets|statement|statements|speech|interview|address|remarks|letter|op-?ed|article|video|message|press\\s+conference|news\\s+conference|press\\s+briefing|briefing|testimony|blog\\s+post|column|note|podcast)`;
const WHERE: RegExp[] = [
  new RegExp(`^(?:on|via|over)\\s+${PLATFORM}\\b`, 'i'),
  new RegExp(`^in\\s+(?:his|her|their|its|a|an|the|this|that|one|a\\s+recent|his\\s+latest|her\\s+latest|the\\s+latest)\\s+(?:(?:latest|recent|new|first|last|joint|televised|written|official|brief)\\s+)?${MEDIUM}(?:\\s+(?:on|to|with|at|before)\\s+(?:${PLATFORM}|${AUDIENCE}|(?:the\\s+)?[\\w.&'-]+))?(?=\\s|$)`, 'i'),
  new RegExp(`^(?:to|with|before)\\s+${AUDIENCE}(?=\\s|$)`, 'i'),
  new RegExp(`^(?:publicly|recently|lately|today|yesterday|earlier|so\\s+far|ever|again|exactly|just|also|this\\s+week|last\\s+week|this\\s+morning|last\\s+night)(?=\\s|$)`, 'i'),
];
const WHERE_AT_END: RegExp[] = [
  new RegExp(`\\s+(?:on|via|over)\\s+${PLATFORM}$`, 'i'),
  new RegExp(`\\s+in\\s+(?:his|her|their|its|a|an|the|this|that)\\s+(?:(?:latest|recent|new|first|last|joint|televised|written|official)\\s+)?${MEDIUM}(?:\\s+(?:on|to|with|at|before)\\s+(?:${PLATFORM}|${AUDIENCE}|(?:the\\s+)?[\\w.&'-]+))?$`, 'i'),
  new RegExp(`\\s+(?:to|with|before)\\s+${AUDIENCE}$`, 'i'),
  new RegExp(`\\s+(?:publicly|recently|lately|today|yesterday|earlier|so\\s+far|this\\s+week|last\\s+week)$`, 'i'),
];
const BARE_AUDIENCE = new RegExp(`^${AUDIENCE}(?=\\s|$)`, 'i');
/** Words that introduce a topic ("about recycling", "on supply chains"). */
const MARKER = /(?:^|\s)(?:about|regarding|concerning|re|on|of|over|as\s+to|with\s+regard\s+to|in\s+relation\s+to|when\s+it\s+comes\s+to|on\s+the\s+subject\s+of)\s+/i;
/** Verbs whose first words are who was addressed ("tell ANI about …", "urge Europe on …"), not the topic. */
const ADDRESSING = /^(?:tell|told|telling|tells|ask|asked|asking|asks|urge|urged|urging|urges|warn|warned|warning|warns|promise|promised|promises|accuse|accused|accuses|critici[sz]e|critici[sz]ed|praise|praised|condemn|condemned|assure|assured|remind|reminded|inform|informed)$/i;
/** Rounds of taking where and to whom something was said off a topic's ends. */
const MAX_WHERE_ROUNDS = 8;
/** A speaker phrase does not end in a small word: "the", "secretary of". */
const DANGLING = /(?:^|\s)(?:the|a|an|of|for|and|to|in|at|on|by|with|from|s)$/i;
const AUX = '(?:did|does|do|has|have|had|is|was|were|will|would|could|can|might)';

const WHAT_AUX = new RegExp(`^(?:so\\s+|and\\s+)?what\\s+${AUX}\\s+(.+)$`, 'i');
const HOW_AUX = new RegExp(`^how\\s+${AUX}\\s+(.+)$`, 'i');
const SPACED_VERB = `\\s(${VERB})(?=\\s|$)`;

/** "what did X say …", "what has X told reporters …": the speaker and the verb, the rest parsed by topicOf(). */
function verbForm(text: string): { speaker: string; verb: string; rest: string } | null {
  const m = WHAT_AUX.exec(text) ?? HOW_AUX.exec(text);
  if (!m) return null;
  const body = m[1]!;
  // The first reporting verb that ends a plausible name and is not itself followed by one: in "the Washington Post
  // say", "the State Department say" and "the secretary of state say" the verb is "say". Verbs are found one at a
  // time, and the search stops once the words before a verb are too many for a speaker (parseQuestion would refuse
  // them, "have to" dropped, as it refuses every later one): the work stays linear in the question.
  const verbs = new RegExp(SPACED_VERB, 'gi');
  const mixedCase = /\p{Ll}/u.test(text) && /\p{Lu}/u.test(text.slice(1));
  let words = 1;
  let counted = 0;
  for (let v = verbs.exec(body); v; ) {
    const next = verbs.exec(body);
    for (; counted < v.index; counted++) if (body[counted] === ' ') words++;
    if (words > MAX_SPEAKER_WORDS + 2) return null;
    const speaker = body.slice(0, v.index).replace(/\s+(?:have|has|had)\s+to$/i, '').trim();
    const rest = body.slice(v.index + v[0].length).trim();
    // A capitalised "Post" or "State" mid-question is part of a name when a later verb can end it.
    const partOfName = mixedCase && /^\p{Lu}/u.test(v[1]!) && next !== null;
    if (speaker && !STARTS_WITH_VERB.test(rest) && !DANGLING.test(speaker) && !partOfName) return { speaker, verb: v[1]!, rest };
    v = next;
  }
  return null;
}

/** What follows the verb, without where or to whom it was said: the topic, or null. */
export function topicOf(rest: string, verb = 'say'): string | null {
  let t = rest.trim().replace(/\s+/g, ' ');
  // "tell reporters", "told the press": who was told.
  if (ADDRESSING.test(verb)) t = t.replace(BARE_AUDIENCE, '').trim();
  // A few rounds: each scans the whole topic, and a question names where it was said once or twice, not thousands
  // of times ("today today today …").
  for (let changed = true, round = 0; changed && t && round < MAX_WHERE_ROUNDS; round++) {
    changed = false;
    for (const re of WHERE) {
      const m = re.exec(t);
      if (m) { t = t.slice(m[0].length).trim(); changed = true; }
    }
    for (const re of WHERE_AT_END) {
      const m = re.exec(t);
      if (m) { t = t.slice(0, m.index).trim(); changed = true; }
    }
  }
  if (!t) return null;
  const marker = MARKER.exec(t);
  if (marker) {
    const before = t.slice(0, marker.index).trim();
    // "about recycling"; "ANI about recycling" after "tell": the words before the marker are who was told.
    if (!before || (ADDRESSING.test(verb) && before.split(/\s+/).length <= 4)) t = t.slice(marker.index + marker[0].length).trim();
  }
  t = t.replace(/^(?:to|about|on|regarding|concerning|re|of|over)\s+/i, '').trim();
  return t ? unquote(t) : null;
}

const SPEAKER_FORMS: RegExp[] = [
  new RegExp(`^(?:show\\s+me\\s+|give\\s+me\\s+|find\\s+|list\\s+)?(?:quotes?|statements?|comments?|remarks?|words)\\s+(?:from|by)\\s+(.+?)(?:\\s+(?:about|on|regarding|concerning|re|of|over|when it comes to)\\s+(.+))?$`, 'i'),
  new RegExp(`^(?:show\\s+me\\s+|give\\s+me\\s+)?(.+?)['\u2019]s?\\s+(?:quotes|statements|comments|remarks|words|views)(?:\\s+(?:about|on|regarding|concerning|re|of|over|when it comes to)\\s+(.+))?$`, 'i'),
];
/** "what X said about Y", "what's Bessent saying": fewer verbs, as an open question can start "what is …" too. */
const WHAT_X_SAID = /^what(?:'s|\s+is|\s+has|\s+have)?\s+(.+?)\s+(said|says|saying|posted|wrote|stated|told|tweeted|announced|warned|claimed|argued)(?:\s+(.+))?$/i;
const DID_X_SAY_ANYTHING = new RegExp(`^(?:did|has|have)\\s+(.+?)\\s+(${VERB})\\s+(?:anything|something)(?:\\s+(.+))?$`, 'i');

const WHO_SAID = /^(?:who|which\s+\w+)\s+(?:said|says|has\s+said|called\s+for|talked\s+about|spoke\s+(?:of|about)|mentioned|wrote|posted|used\s+the\s+(?:phrase|words?))\s*:?\s+(.+)$/i;

/** A speaker phrase is a name or a title, not a sentence. */
const MAX_SPEAKER_WORDS = 12;

export function parseQuestion(raw: string): Question {
  const text = trimEndPunctuation(raw.trim().replace(/\s+/g, ' '));
  if (text === '') return { kind: 'empty' };
  const who = WHO_SAID.exec(text);
  if (who) return { kind: 'who-said', phrase: unquote(who[1]!) };
  const speakerQuestion = (speaker: string, topic: string | null): Question | null =>
    speaker.split(' ').length <= MAX_SPEAKER_WORDS && unquote(speaker) ? { kind: 'speaker', speaker: unquote(speaker), topic } : null;
  const verb = verbForm(text);
  if (verb) {
    const q = speakerQuestion(verb.speaker, topicOf(verb.rest, verb.verb));
    if (q) return q;
  }
  const said = WHAT_X_SAID.exec(text);
  if (said) {
    const q = speakerQuestion(said[1]!, said[3] ? topicOf(said[3], said[2]) : null);
    if (q) return q;
  }
  const anything = DID_X_SAY_ANYTHING.exec(text);
  if (anything) {
    const q = speakerQuestion(anything[1]!, anything[3] ? topicOf(anything[3], anything[2]) : null);
    if (q) return q;
  }
  for (const form of SPEAKER_FORMS) {
    const m = form.exec(text);
    if (m && m[1]) {
      const q = speakerQuestion(m[1], m[2] ? unquote(m[2]) : null);
      if (q) return q;
    }
  }
  return { kind: 'open', text };
}

/**
 * Without the closing "?", "!", "." and spaces. A loop from the end, not /[?!.\s]+$/: that pattern retries from
 * every "?" of a long run not at the end, quadratic in the question.
 */
function trimEndPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && /[?!.\s]/.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

function unquote(s: string): string {
  return s.trim().replace(/^["'\u201c\u2018]+|["'\u201d\u2019]+$/g, '').trim();
}

const STOPWORDS = new Set(
  `a an the of about on in for to and or with what when where will would is are was were be been being did does do done
   has have had how why who whom whose which that this these those it its by at as from into than then there their they
   he she his her him say said says tell told think any anything something regarding concerning could should can may
   might must shall i me my we our us you your not no so if but up out over very just also more most much many some
   such only own same too s t re ve ll d get got give show find list quotes quote statements statement comments
   comment remarks words latest new news`
    .split(/\s+/)
    .filter(Boolean),
);

/** The words of a topic or question worth searching for, in order and repeats kept: lowercased, without stop words. */
function contentWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !STOPWORDS.has(w));
}

/** The words of a topic or question worth searching for: lowercased, without stop words. */
export function searchTerms(text: string): string[] {
  return [...new Set(contentWords(text))];
}

/**
 * Words a question's search uses at most. The queries tried grow with the words (answer.ts tiers() makes about two
 * per word), and a question of a dozen content words already asks for a lot.
 */
export const MAX_SEARCH_TERMS = 12;

/**
 * searchTerms(), bounded: at most `max` words, in the question's order. Past `max`, the most distinctive: the words
 * the question repeats, then the longest (long words are the rare ones), then the first. A question of `max` words
 * or fewer keeps them all, so its answer does not change.
 */
export function questionTerms(text: string, max = MAX_SEARCH_TERMS): string[] {
  const words = contentWords(text);
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const terms = [...counts.keys()];
  if (terms.length <= max) return terms;
  const at = new Map(terms.map((w, i) => [w, i]));
  const kept = [...terms]
    .sort((a, b) => counts.get(b)! - counts.get(a)! || b.length - a.length || at.get(a)! - at.get(b)!)
    .slice(0, Math.max(0, max));
  return kept.sort((a, b) => at.get(a)! - at.get(b)!);
}
