// Where reported speech begins and ends around a reporting verb: "X said (on Friday) (that) CONTENT",
// "CONTENT, X said.", "According to X, CONTENT", "…, adding that CONTENT". Works on one sentence's tokens.
import { APPEAL_CUES, DOCUMENTS, NAMING_CUES, NP_OBJECT_CUES, THINK_CUES } from './lexicon.ts';
import { readAfter, type Read } from './mentions.ts';
import { ADVERB, CAP, CUE, LOWER, PARTICIPLE, PRONOUN, PUNCT, has, isCue, type Tok } from './tokens.ts';

export interface Content {
  /** Token range of the reported words, [from, to). */
  from: number;
  to: number;
}

const TIME = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'earlier',
  'later', 'recently', 'previously', 'separately', 'again', 'also', 'further', 'then', 'now', 'once', 'repeatedly', 'publicly',
  'privately', 'ago',
]);
/** "this week", "last month", "earlier this year": a lead word counts as time only before a time noun. */
const TIME_LEADS = new Set(['this', 'last', 'next', 'late', 'early', 'earlier', 'later']);
const TIME_NOUNS = new Set(['week', 'month', 'year', 'day', 'weekend', 'morning', 'afternoon', 'evening', 'night', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'quarter', 'season', 'summer', 'winter', 'spring', 'autumn', 'fall']);
const MODIFIER_PREPS = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'via', 'through', 'from', 'upon', 'while', 'following', 'over', 'to', 'with', 'ahead', 'amid', 'as']);
/** Words a clause can start with ("the Cabinet was", "it will", "Tariffs have", "there is"). */
const CLAUSE_START = new Set(['the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'no', 'all', 'some', 'any', 'every', 'each', 'both', 'many', 'most', 'such', 'only', 'not', 'if', 'while', 'although', 'as', 'even', 'what', 'whether', 'more', 'much', 'several', 'few', 'one', 'two', 'three', 'nothing', 'everything', 'nobody', 'everyone', 'none']);
const FINITE = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'could', 'can', 'should', 'must', 'may', 'might', 'shall',
  'has', 'have', 'had', 'does', 'do', 'did', "won't", "can't", "isn't", "wasn't", "aren't", "weren't", "doesn't", "didn't",
  "hasn't", "haven't", "wouldn't", "couldn't", "shouldn't", 'won’t', 'can’t', 'isn’t', 'doesn’t', 'didn’t', 'wasn’t',
]);
const OTHERS_WORDS = new Set(['suggestions', 'suggestion', 'claims', 'claim', 'reports', 'report', 'accusations', 'accusation', 'allegations', 'allegation', 'speculation', 'rumours', 'rumors', 'criticism', 'charges', 'assertions', 'talk', 'fears', 'concerns', 'calls', 'demands', 'comparisons', 'notions']);
const REFUTING = new Set(['rejected', 'rejects', 'denied', 'denies', 'dismissed', 'dismisses', 'refuted', 'refutes', 'rebuffed', 'disputed', 'disputes', 'downplayed', 'downplays', 'ridiculed', 'rubbished', 'slammed', 'criticised', 'criticized', 'condemned']);

/** Participles and phrases that start another statement and so end this one. */
const CUT_WORDS = new Set(['citing', 'according', 'describing', 'calling', 'referring', 'pointing', 'prompting', 'sparking', 'following', 'advocating', 'accusing', 'urging', 'blaming', 'praising', 'welcoming', 'criticising', 'criticizing', 'condemning', 'reacting', 'responding', 'signalling', 'signaling']);

/** Where the reported words after a verb at `cue` begin and end, or null when what follows is no statement. */
export function contentAfter(toks: Tok[], cue: number, end: number): Content | null {
  const verb = toks[cue]!.lower;
  let i = cue + 1;
  if (isTell(verb)) {
    // "told reporters (at the airport) that …", "told Reuters …": the listener is skipped.
    const listener = skipListener(toks, i, end);
    if (listener === null) return null;
    i = listener;
  }
  i = skipModifiers(toks, i, end);
  let that = false;
  if (toks[i]?.lower === 'that' && !toks[i]!.quoted) { i++; that = true; }
  if (i >= end) return null;
  if (toks[i]!.text === ',' || toks[i]!.text === ':') return null; // ", adding …" or a quotation follows: not here
  const to = contentEnd(toks, i, end);
  if (to - i < 3 && !toks.slice(i, to).some((t) => t.quoted)) return null;
  const first = toks[i]!;
  if (FINITE.has(first.lower)) return null; // "a world he said was reconfiguring": no subject, no statement
  // "rejected suggestions that …", "dismissed reports of …": what others said, which the speaker turns down.
  if (!that && REFUTING.has(verb) && OTHERS_WORDS.has(first.lower)) return null;
  if (!that) {
    if (APPEAL_CUES.has(verb)) return appeal(toks, i, to) ? { from: i, to } : null;
    if (NAMING_CUES.has(verb)) return verb.startsWith('descri') && toks.slice(i, to).some((t) => t.lower === 'as') ? { from: i, to } : null;
    if (/^(?:the)$/.test(first.lower) && /^(?:need|importance|urgency|necessity|significance|value|role)$/.test(toks[i + 1]?.lower ?? '') && (NP_OBJECT_CUES.has(verb) || verb === 'stressed')) return { from: i, to };
    const objectFirst = NP_OBJECT_CUES.has(verb) || THINK_CUES.has(verb);
    // After "said" a clause may open with a bare noun ("oil prices have …", "nearly 300 exporters had …");
    // after "condemned" that is an object.
    if (!startsClause(toks, i, to) && (objectFirst || MODIFIER_PREPS.has(first.lower) || first.lower === 'to' || !hasFinite(toks, i, Math.min(to, i + 10)))) return null;
    if (objectFirst && !hasFinite(toks, i + 1, Math.min(to, i + 7))) return null;
  }
  return { from: i, to };
}

/** "CONTENT, X said": the sentence up to the comma before the speaker, when it reads as a clause. */
export function contentBefore(toks: Tok[], comma: number, start: number): Content | null {
  let i = start;
  // An intro such as "But" or "Meanwhile," belongs to the clause; a leading quotation mark does not.
  while (i < comma && has(toks[i], PUNCT)) i++;
  if (comma - i < 3) return null;
  if (toks.slice(i, comma).every((t) => t.quoted || has(t, PUNCT))) return null; // that is a direct quotation
  // "Asked whether Japan would retaliate, Moriyama said …": the question put to the speaker, not their words.
  if (toks[i]!.lower === 'asked' || toks[i]!.lower === 'questioned') return null;
  // "Announcing India's inclusion, he said": a participle phrase sets the scene; it is not what was said.
  if (/(?:ing|ed)$/.test(toks[i]!.lower) && !toks.slice(i, comma).some((t) => FINITE.has(t.lower))) return null;
  // The clause must open with a subject (not "In his remarks, …") and carry a verb.
  if (MODIFIER_PREPS.has(toks[i]!.lower) && !toks.slice(i, comma).some((t) => FINITE.has(t.lower))) return null;
  if (!hasFinite(toks, i, comma) && !(comma - i >= 4 && startsClause(toks, i, comma) && toks.slice(i + 1, comma).some((t) => has(t, LOWER) && /[^s]s$/.test(t.lower)))) return null;
  return { from: i, to: comma };
}

/** Verbs whose listener comes first: "told reporters (that) …", "assured investors …". */
export function isTell(verb: string): boolean {
  return TELL.has(verb);
}
const TELL = new Set(['told', 'tell', 'tells', 'telling', 'informed', 'assured', 'reassured']);

export function skipListener(toks: Tok[], i: number, end: number): number | null {
  let k = i;
  // "reporters", "a cluster of journalists", "the BBC", "news agency ANI", "Parliament on Tuesday".
  while (k < end && k - i < 8 && !toks[k]!.quoted) {
    const t = toks[k]!;
    if (t.lower === 'that') return k;
    if (has(t, PUNCT)) return t.text === ',' || t.text === ':' ? null : k;
    // "told reporters at an industry conference that …": the listener ends where a place or time begins.
    if (k > i && MODIFIER_PREPS.has(t.lower)) return k;
    if (k > i && (CLAUSE_START.has(t.lower) && (!['a', 'an', 'the'].includes(t.lower) || hasFinite(toks, k + 1, Math.min(end, k + 5))) || has(t, PRONOUN))) return k;
    k++;
  }
  return k > i ? k : null;
}

/** Skips "on Friday", "in a statement", "during a parliamentary debate", "earlier this week", "(US time)". */
export function skipModifiers(toks: Tok[], i: number, end: number): number {
  let k = i;
  for (let guard = 0; guard < 6 && k < end; guard++) {
    const t = toks[k]!;
    if (t.quoted) break;
    if (t.text === '(') {
      const close = toks.findIndex((w, n) => n > k && w.text === ')');
      if (close > 0 && close < end) { k = close + 1; continue; }
      break;
    }
    if (TIME_LEADS.has(t.lower) && (TIME_NOUNS.has(toks[k + 1]?.lower ?? '') || TIME_LEADS.has(toks[k + 1]?.lower ?? '') && TIME_NOUNS.has(toks[k + 2]?.lower ?? ''))) { k += TIME_NOUNS.has(toks[k + 1]!.lower) ? 2 : 3; continue; }
    if (TIME.has(t.lower) || has(t, ADVERB) && has(t, LOWER) && !FINITE.has(t.lower)) { k++; continue; }
    if (t.lower === 'to' && has(toks[k + 1], LOWER) && !CLAUSE_START.has(toks[k + 1]!.lower)) break; // "agreed to keep"
    if (MODIFIER_PREPS.has(t.lower)) {
      // A prepositional phrase runs to "that", a comma, or the start of the clause it precedes.
      let n = k + 1;
      while (n < end && n - k < 12) {
        const w = toks[n]!;
        if (w.quoted || w.lower === 'that' || has(w, PUNCT)) break;
        if (n > k + 1 && CLAUSE_START.has(w.lower) && !['a', 'an', 'all', 'more', 'much', 'one', 'two', 'three'].includes(w.lower) && hasFinite(toks, n, Math.min(end, n + 8)) && !MODIFIER_PREPS.has(toks[n - 1]!.lower)) break;
        // "in Paris the minister …" starts the clause at "the"; "in the capital Accra that …" runs on to "that".
        if (n > k + 1 && has(w, CAP) && toks[n + 1]?.lower !== 'that' && hasFinite(toks, n + 1, Math.min(end, n + 6)) && !has(toks[n - 1], CAP) && !MODIFIER_PREPS.has(toks[n - 1]!.lower)) break;
        n++;
      }
      if (n === k + 1) break;
      k = n;
      continue;
    }
    break;
  }
  return k;
}

/** The end of reported words: the sentence's end, or where another statement or attribution begins. */
export function contentEnd(toks: Tok[], from: number, end: number): number {
  for (let k = from; k < end; k++) {
    const t = toks[k]!;
    if (t.quoted) continue;
    // '… push for "a clear path to lower rates," while Marques da Costa said …': the comma inside the quotation.
    if (SPEAKER_JOINS.has(t.lower) && quotedComma(toks, k - 1, from) && speakerThenCue(toks, k + 1, end)) return trimEnd(toks, from, k);
    if (t.text === ';') return trimEnd(toks, from, k);
    if (t.text !== ',') continue;
    const next = toks[k + 1];
    const after = next && ['while', 'and', 'but', 'before', 'as', 'even'].includes(next.lower) ? toks[k + 2] : next;
    if (after && !after.quoted && (has(after, PARTICIPLE) || CUT_WORDS.has(after.lower))) return trimEnd(toks, from, k);
    // ", without giving details", ", before adding …": the reporter's words, not the speaker's.
    if (next && ['without', 'before', 'after', 'while', 'by'].includes(next.lower) && /ing$/.test(toks[k + 2]?.lower ?? '')) return trimEnd(toks, from, k);
    // ", amid reports that …": the reporter's background.
    if (next?.lower === 'amid') return trimEnd(toks, from, k);
    // "…, while China's spokesman Lin Jian said …": another speaker's statement begins; the reporter joined them.
    if (next && SPEAKER_JOINS.has(next.lower) && speakerThenCue(toks, k + 2, end)) return trimEnd(toks, from, k);
    // "…, he said, …" or "…, the minister added": an attribution inside ends what was reported before it.
    if (next && !next.quoted && attributionFollows(toks, k + 1, end)) return trimEnd(toks, from, k);
  }
  return trimEnd(toks, from, end);
}

const SPEAKER_JOINS = new Set(['while', 'whereas', 'but', 'and', 'as', 'though', 'although', 'even']);

function quotedComma(toks: Tok[], k: number, from: number): boolean {
  const mark = k >= from && /^["\u201d\u2019']$/u.test(toks[k]!.text) ? k - 1 : k;
  return mark >= from && toks[mark]!.quoted && toks[mark]!.text === ',';
}

function speakerThenCue(toks: Tok[], i: number, end: number): boolean {
  const read = readAfter(toks, i);
  // "…, and it believed …": a pronoun goes on with the same speaker.
  if (!read || read.to >= end || read.mention.type === 'pronoun') return false;
  const k = skipModifiers(toks, read.to, end);
  return isCue(toks, k) && has(toks[k], LOWER);
}

function attributionFollows(toks: Tok[], i: number, end: number): boolean {
  for (let k = i; k < Math.min(end, i + 9); k++) {
    const t = toks[k]!;
    if (t.quoted || (has(t, PUNCT) && t.text !== '(' && t.text !== ')')) return false;
    if (has(t, CUE) && has(t, LOWER) && !has(t, PARTICIPLE) && k > i) {
      const rest = toks.slice(k + 1, end);
      return rest.length === 0 || rest.every((w) => !has(w, CUE)) && rest.length < 12 && (rest[0]?.text === ',' || rest.length < 8 || ['on', 'in', 'at', 'during', 'to', 'after'].includes(rest[0]?.lower ?? ''));
    }
  }
  if (has(toks[i], CUE) && has(toks[i], LOWER)) return readAfter(toks, i + 1) !== null;
  return false;
}

function trimEnd(toks: Tok[], from: number, to: number): number {
  let t = to;
  while (t > from && has(toks[t - 1], PUNCT) && !toks[t - 1]!.quoted && !/["\u201d\u2019)]/u.test(toks[t - 1]!.text)) t--;
  return t;
}

/** A clause begins here: a subject word (determiner, pronoun, capitalised word, number) rather than a verb or preposition. */
function startsClause(toks: Tok[], i: number, to: number): boolean {
  const t = toks[i]!;
  if (t.quoted) return true;
  if (has(t, PUNCT)) return /["\u201c\u2018]/u.test(t.text);
  if (CLAUSE_START.has(t.lower) || has(t, PRONOUN) || has(t, CAP) || /^\d/.test(t.text)) return to - i >= 2;
  // A bare plural subject: "countries should focus", "nations understand the need", "supply chains are".
  return /s$/.test(t.lower) && !FINITE.has(t.lower) && to - i >= 3;
}

function hasFinite(toks: Tok[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = toks[k]!;
    if (FINITE.has(t.lower) || /n['\u2019]t$/u.test(t.lower)) return true;
    if (k > from && has(t, LOWER) && !t.quoted && /[^e]ed$|ied$|eed$/.test(t.lower) && !has(toks[k - 1], PUNCT)) return true;
  }
  return false;
}

/** "urged nations to work together": an object, then "to" and a verb. */
function appeal(toks: Tok[], i: number, to: number): boolean {
  for (let k = i; k < Math.min(to, i + 7); k++) if (toks[k]!.lower === 'to' && k > i && has(toks[k + 1], LOWER)) return true;
  return false;
}

/** "According to X, CONTENT" / "CONTENT, according to X": the source phrase and the content. */
export function accordingTo(toks: Tok[], start: number, end: number): { read: Read; content: Content } | null {
  for (let k = start; k + 1 < end; k++) {
    if (toks[k]!.lower !== 'according' || toks[k + 1]!.lower !== 'to' || toks[k]!.quoted) continue;
    const read = issuerOf(toks, k + 2) ?? readAfter(toks, k + 2);
    if (!read) return null;
    if (toks[read.to]?.text === ',' && k <= start + 1) {
      const from = read.to + 1;
      const to = contentEnd(toks, from, end);
      return to - from >= 3 ? { read, content: { from, to } } : null;
    }
    if (toks[k - 1]?.text === ',' && (read.to >= end - 1 || has(toks[read.to], PUNCT) || skipModifiers(toks, read.to, end) >= end)) {
      const content = contentBefore(toks, k - 1, start);
      return content ? { read, content } : null;
    }
    return null;
  }
  return null;
}

/** A body's documents, and the notes, filings and reports that also say who issued them. */
const ISSUED = new Set([...DOCUMENTS, 'note', 'filing', 'report']);

/** "According to an official statement issued by the Ministry of Commerce, …": the body that issued it speaks. */
function issuerOf(toks: Tok[], i: number): Read | null {
  let k = i;
  while (k < i + 4 && k < toks.length && has(toks[k], LOWER) && !ISSUED.has(toks[k]!.lower) && !toks[k]!.quoted) k++;
  if (!ISSUED.has(toks[k]?.lower ?? '')) return null;
  k++;
  if (['issued', 'released', 'published'].includes(toks[k]?.lower ?? '')) k++;
  if (!['by', 'from'].includes(toks[k]?.lower ?? '')) return null;
  const read = readAfter(toks, k + 1);
  if (!read || (read.mention.type !== 'organisation' && read.mention.type !== 'person')) return null;
  // The content starts after the issuer and any time after it ("… later in the day, both sides …").
  return { ...read, to: skipModifiers(toks, read.to, toks.length) };
}

/**
 * "For the economist Felipe Montt, of the Universidad del Maule, the debate is more noise than substance": in news
 * translated from Spanish or Portuguese ("Para …"), an opinion attributed as with "according to". Only a named
 * person, and only at the start of the sentence.
 */
export function forPerson(toks: Tok[], end: number): { read: Read; content: Content } | null {
  if (toks[0]?.lower !== 'for' || toks[0]!.quoted) return null;
  const read = readAfter(toks, 1);
  if (!read || read.mention.type !== 'person' || read.mention.single) return null;
  // ", of the Universidad del Maule,": an aside after the name.
  let k = read.to;
  if (toks[k]?.text === ',' && toks[k + 1]?.lower === 'of') {
    k += 2;
    while (k < end && toks[k]!.text !== ',' && !toks[k]!.quoted && k - read.to < 10) k++;
  }
  if (toks[k]?.text !== ',') return null;
  const from = k + 1;
  const to = contentEnd(toks, from, end);
  if (to - from < 4 || !hasFinite(toks, from, to)) return null;
  return { read, content: { from, to } };
}
