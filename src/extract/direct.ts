// The sieves for quotations in marks, one sentence at a time: a pull quote's signature, the attribution right
// after ("," Huang said") or before ("Huang said: “"), a named subject and a colon, the paragraph before pointing
// at it, and the subject of the verb the quotation completes. Reported speech in the same sentence is read last.
import { type QuoteKind } from '../types.ts';
import { type QuoteSpan } from '../text/quote-marks.ts';
import { type Entity } from './entities.ts';
import { DOCUMENTS, NAMING_CUES, PLATFORMS, THINK_CUES } from './lexicon.ts';
import { type Read, readAfter, readBefore, sentenceSubject } from './mentions.ts';
import { NOUN_AFTER } from './read-before.ts';
import { skipModifiers } from './reported.ts';
import { CAP, CUE, has, isCue, LOWER, PARTICIPLE, POSSESSIVE, PUNCT, type Tok, tokenize } from './tokens.ts';
import { at, type Item, mk, type Sentence, type State, wordCount } from './sieve-state.ts';
import { reportedIn } from './reported-sieve.ts';
import { resolveMention } from './resolve-mention.ts';

export const SPEECH_PARTICIPLES = new Set(['saying', 'adding', 'stating', 'noting', 'warning', 'arguing', 'insisting', 'stressing', 'emphasising', 'emphasizing', 'explaining', 'claiming', 'asserting', 'declaring', 'writing', 'posting', 'tweeting', 'acknowledging', 'admitting', 'conceding', 'predicting', 'reiterating', 'affirming', 'reaffirming', 'underlining', 'underscoring', 'cautioning', 'recalling', 'suggesting', 'maintaining', 'confirming', 'revealing', 'announcing', 'observing', 'remarking', 'concluding', 'assuring', 'reassuring', 'promising', 'pledging', 'vowing', 'complaining', 'lamenting', 'replying', 'responding', 'telling', 'urging']);

const LABEL_CONTEXT = /(?:\bso-called|\bdubbed|\bknown as|\bnicknamed|\btermed|\btitled|\bentitled|\bthe (?:phrase|term|word|slogan|label)|\bwhat (?:\S+ ){1,4}(?:calls?|called|described as|describes as|terms?|termed|dubbed|labels?|labelled|labeled|refers? to as|referred to as))\s*$/iu;

/** "so-called", "titled", "what critics call": the words before a quotation that make it a label (cheap test first). */
export function isLabel(before: string): boolean {
  return LABEL_WORDS.test(before) && LABEL_CONTEXT.test(before);
}
const LABEL_WORDS = /call|dub|known|nicknam|term|titl|phrase|word|slogan|label|describ|refer/i;

/** Words after which a quotation is part of a phrase, not a statement on its own. */
const EMBEDDING = new Set(['about', 'of', 'on', 'a', 'an', 'the', 'as', 'for', 'to', 'with', 'from', 'by', 'over', 'regarding', 'called', 'dubbed', 'its', 'his', 'her', 'their', 'our', 'this', 'these', 'those', 'what']);

/** A quotation left open whose own attribution follows inside it ("“We have to …, UAE minister X said on Wednesday."). */
export function closeAtAttribution(text: string, spans: QuoteSpan[]): void {
  for (const q of spans) {
    if (q.closed || q.continues) continue;
    const inner = text.slice(q.inner.start, q.inner.end);
    for (const m of inner.matchAll(/,\s+/gu)) {
      const from = q.inner.start + m.index + m[0].length;
      const sentenceEnd = text.slice(from).search(/[.!?](?:\s|$)/u);
      const to = sentenceEnd < 0 ? text.length : from + sentenceEnd + 1;
      const toks = tokenize(text, from, to, []);
      const found = attributionAt(toks, 0);
      if (!found || found.read.mention.type === 'pronoun' && false) continue;
      q.inner.end = q.inner.start + m.index;
      q.end = q.inner.end;
      q.closed = true;
      break;
    }
  }
}

/** An attribution starting at token `j`: "Huang said", "the minister stressed", "said Huang", "according to X". */
function attributionAt(toks: Tok[], j: number): { read: Read; verb: string } | null {
  while (j < toks.length && has(toks[j], PUNCT) && toks[j]!.text !== '(') j++;
  const first = toks[j];
  if (!first || first.quoted) return null;
  // '“constructive,” while Lutnick said …': a new clause with a speaker of its own, not this quotation's.
  if (['while', 'whereas', 'but', 'and', 'although', 'though'].includes(first.lower)) return null;
  if (first.lower === 'according' && toks[j + 1]?.lower === 'to') {
    const read = readAfter(toks, j + 2);
    return read ? { read, verb: 'according to' } : null;
  }
  if (has(first, CUE) && !has(first, PARTICIPLE)) {
    let k = j + 1;
    while (k < toks.length && /^(?:today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|also|again|later|then|further)$/.test(toks[k]!.lower)) k++;
    const read = readAfter(toks, k);
    return read && read.mention.type !== 'anonymous' ? { read, verb: first.lower } : null;
  }
  for (let c = j + 1; c < Math.min(toks.length, j + 16); c++) {
    const t = toks[c]!;
    if (t.quoted || (has(t, PUNCT) && t.text !== ',' && t.text !== '(' && t.text !== ')')) return null;
    // "in charge of metals", "for comment": a reporting word used as a noun is not the verb.
    if (!has(t, CUE) || !has(t, LOWER) || has(t, PARTICIPLE) || !isCue(toks, c) || NOUN_AFTER.has(toks[c - 1]?.lower ?? '')) continue;
    const read = readBefore(toks, c);
    if (read && read.from <= j + 1 && read.from >= j) return { read, verb: t.lower };
    if (read) return null;
    // "the head of state stated": "state" was a noun; the verb is further on.
  }
  return null;
}

/** "Original title:", "Photo caption:": a label before the colon, not a speaker's introduction. */
const LABEL_NOUNS = new Set(['title', 'headline', 'caption', 'note', 'source', 'credit', 'credits', 'photo', 'image', 'quote', 'update', 'context', 'background', 'summary', 'translation', 'text', 'version']);


/** ', the statement said.' / ', said the statement.' / ', the release added.' right after a quotation. */
function statementSaid(toks: Tok[], at: number): boolean {
  const ai = toks[at]?.text === ',' ? at + 1 : at;
  const [a, b, c] = [toks[ai], toks[ai + 1], toks[ai + 2]];
  if (a?.lower === 'the' && DOCUMENTS.has(b?.lower ?? '') && has(c, CUE) && !c!.quoted) return true;
  return has(a, CUE) && !a!.quoted && b?.lower === 'the' && DOCUMENTS.has(c?.lower ?? '') && (toks[ai + 3] === undefined || has(toks[ai + 3], PUNCT));
}

/** Every quotation in one sentence with its speaker (or none), then the sentence's reported speech. */
export function attributeSentence(s: Sentence, si: number, state: State): Item[] {
  const { toks } = s;
  const text = state.paragraphs[s.paragraph]!.text;
  const sentence = text.slice(s.span.start, s.span.end);
  const statement = s.quotes.length > 0 && /\bstatement\b/i.test(sentence);
  const out: Item[] = [];
  const usedCues = new Set<number>();
  let back: BackIndex | null = null;

  for (const q of s.quotes) {
    const bi = firstAfter(toks, q.start);
    const ai = firstAfter(toks, q.end);
    let found: { entity: Entity | null; how: string; sieve: string; verb: string | null; strong: boolean } | null = null;

    // Sieve 1, pull quote: "“… - Ashwini Vaishnaw”".
    const signed = /[-\u2013\u2014]/u.test(text.slice(Math.max(q.inner.start, q.inner.end - 64), q.inner.end));
    const pull = signed ? /\s[-\u2013\u2014]\s*(\p{Lu}[\p{L}.'\u2019 -]{1,60})$/u.exec(text.slice(q.inner.start, q.inner.end)) : null;
    if (pull) {
      const ptoks = tokenize(pull[1]!, 0, pull[1]!.length, []);
      const read = readAfter(ptoks, 0);
      const r = read ? resolveMention(read.mention, at(s.paragraph, q.start), state, s) : null;
      if (r?.entity) {
        const item = mk(s, si, q, { start: q.inner.start, end: q.inner.start + pull.index }, r.entity, `pull-quote/${r.how}`, null, null, 'direct', true);
        out.push(item);
        continue;
      }
    }
    // Pull quote, signed after the marks: "“The levy stays.” — Maria Lopez".
    if (/^[\u2014\u2013-]$/u.test(toks[ai]?.text ?? '')) {
      const read = readAfter(toks, ai + 1);
      if (read && read.to >= toks.length && (read.mention.type === 'person' || read.mention.type === 'organisation')) {
        const r = resolveMention(read.mention, at(s.paragraph, q.end), state, s);
        if (r?.entity) { out.push(mk(s, si, q, q.inner, r.entity, `pull-quote/${r.how}`, null, null, 'direct', true)); continue; }
      }
    }
    // A title or a label ("its report, titled “…”", "the so-called “…”") is nobody's utterance.
    if (isLabel(text.slice(Math.max(0, q.start - 60), q.start))) continue;
    // A quotation inside a phrase ("remarks about “…”", "a “…”") is not an utterance its neighbours attribute.
    const embedded = bi > 0 && (EMBEDDING.has(toks[bi - 1]!.lower) || has(toks[bi - 1], POSSESSIVE));
    // Sieve 2, trigram after: ",” Huang said" / ",” said Huang" / ",” the minister stressed".
    // '“… the US tariffs go.” Her office later told …': a full stop inside the marks ends the sentence; a capital
    // after it starts the next, which attributes something else.
    const closed = /\.\s*$/u.test(text.slice(q.inner.start, q.inner.end)) && has(toks[ai], CAP);
    const after = ai < toks.length && !embedded && !closed ? attributionAt(toks, ai) : null;
    if (after) {
      const r = resolveMention(after.read.mention, at(s.paragraph, q.end), state, s);
      if (r) {
        found = { ...r, sieve: 'trigram', verb: after.verb, strong: true };
        for (let c = ai; c < Math.min(toks.length, after.read.to + 2); c++) if (has(toks[c], CUE)) usedCues.add(c);
      }
    }
    // '“…,” the statement said': the statement just reported, and so whoever issued it.
    if (!found && !embedded && state.lastStatement && state.lastStatement.paragraph >= s.paragraph - 2 && statementSaid(toks, ai)) {
      found = { entity: state.lastStatement.entity, how: 'statement', sieve: 'trigram', verb: 'said', strong: true };
    }
    // Sieve 3, intro before: "Huang said: “", "He added, “", "Kim, the Policy Chief, stated, “", "saying, “".
    if (!found && !embedded) {
      const before = introBefore(toks, bi);
      if (before) {
        const r = before.participle ? mainSpeaker(toks, before.cue, s, state) : before.read ? resolveMention(before.read.mention, at(s.paragraph, q.start), state, s) : null;
        if (r) found = { ...r, sieve: before.cue < 0 ? 'colon' : before.participle ? 'intro-participle' : 'intro', verb: before.cue < 0 ? null : toks[before.cue]!.lower, strong: !before.participle };
      }
    }
    // Sieve 3c, a named subject, then a colon: "Congress general secretary Pradeep Varkey hit back on X: “…”".
    if (!found && !embedded && toks[bi - 1]?.text === ':' && !toks.slice(0, bi - 1).some((t) => t.quoted)) {
      const subject = sentenceSubject(toks);
      // "… hit back on X:", not "Original title:": words of the sentence between the subject and the colon, not a label.
      const between = toks.slice(subject?.to ?? 0, bi - 1);
      const verb = between.some((t) => has(t, LOWER) && !t.quoted) && !LABEL_NOUNS.has(between[between.length - 1]?.lower ?? '');
      if (subject && subject.to < bi - 1 && verb && (subject.mention.type === 'person' || subject.mention.type === 'organisation')) {
        const r = resolveMention(subject.mention, at(s.paragraph, q.start), state, s);
        if (r?.entity) found = { ...r, sieve: 'colon', verb: null, strong: true };
      }
    }
    // Sieve 3b, intro at the end of the paragraph before: "… Al Ketbi, 61, told reporters in Abu Dhabi:" ¶ "“…”".
    if (!found && q.start <= s.span.start && si > 0 && state.sentences[si - 1]!.paragraph === s.paragraph - 1 && /:\s*$/u.test(state.paragraphs[s.paragraph - 1]!.text)) {
      const prev = state.sentences[si - 1]!;
      const intro = introducedBy(prev, state);
      if (intro) found = { ...intro, sieve: 'intro', strong: true };
      // "U.S. Senator Dale Whitcombe, a Republican from Ohio, weighed in on Truth Social:" ¶ "“…”": the named
      // subject of a paragraph that ends by pointing at the quotation that follows it.
      const subject = !found && q.end >= s.span.end - 2 ? sentenceSubject(prev.toks) : null;
      if (subject && (subject.mention.type === 'person' || subject.mention.type === 'organisation') && !prev.toks.some((t) => t.quoted)) {
        const named = resolveMention(subject.mention, at(prev.paragraph, prev.span.start), state, prev);
        if (named?.entity) found = { ...named, sieve: 'intro', verb: null, strong: true };
      }
    }
    // Sieve 4, the subject of the verb the quotation completes: "Kanai said these measures “…”", "called it a “…”".
    if (!found) {
      const subject = subjectOf(toks, bi, text, q, (back ??= backIndex(toks)));
      if (subject) {
        const r = subject.participle ? mainSpeaker(toks, subject.cue, s, state) : subject.read ? resolveMention(subject.read.mention, at(s.paragraph, q.start), state, s) : null;
        if (r) found = { ...r, sieve: 'subject', verb: toks[subject.cue]!.lower, strong: false };
      }
    }
    if (!found && embedded) found = { entity: null, how: 'embedded', sieve: 'none', verb: null, strong: false };
    const kind: QuoteKind = statement && (found?.entity?.kind === 'organisation' || /\bin (?:a|an|its|the|his|her|their) (?:\w+ ){0,2}statement\b/iu.test(sentence)) ? 'statement' : 'direct';
    if (found?.entity) out.push(mk(s, si, q, q.inner, found.entity, `${found.sieve}/${found.how}`, found.verb, null, kind, found.strong));
    else if (!embedded) out.push(mk(s, si, q, q.inner, null, found ? `${found.sieve}/${found.how}` : 'none', null, null, kind, false));
  }

  const reported = reportedIn(s, si, state, usedCues);
  // "Hoshina said in a statement it expected “a limited impact”": the pronoun is the reported speaker itself.
  // "… must be delivered “in grants and concessional finance”": marked words inside reported speech are the
  // reported speaker's.
  for (const item of out) {
    const pronoun = item.sieve.startsWith('subject/pronoun');
    if (!pronoun && item.sieve !== 'none') continue;
    const around = reported.find((r) => r.start <= item.start && r.end >= item.end && r.entity);
    if (!around) continue;
    if (pronoun && around.entity!.kind === item.entity!.kind) item.entity = around.entity;
    if (!pronoun) Object.assign(item, { entity: around.entity, sieve: `inside-reported/${around.sieve.split('/')[1]}`, verb: around.verb });
  }
  // Two marked words inside the reported speech of the same speaker ("the banks had a “moral duty” to lend") are
  // shown with it, not as a quotation of their own.
  const kept = out.filter((item) => !isFragment(item, reported, text));
  kept.push(...reported);
  // The channel ("on X", "in a Facebook post"), looked for only when the sentence yielded something to record it on.
  if (kept.length > 0) {
    const platform = platformOf(sentence);
    if (platform) for (const item of kept) item.via = platform;
  }
  return kept;
}

/** Two marked words inside reported speech of the same speaker, which shows them. */
function isFragment(item: Item, reported: Item[], text: string): boolean {
  return item.quote !== null && !item.strong
    && reported.some((r) => r.entity === item.entity && r.start <= item.start && r.end >= item.end) && wordCount(text.slice(item.start, item.end), 3) < 3;
}

/** The first token at or after a character offset (tokens are in order: a binary search), or toks.length. */
function firstAfter(toks: Tok[], offset: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * For looking back from a quotation to the verb it completes, once per sentence: `stop[i]`, the last token at or
 * before i where subjectOf's walk ends (a ";" or a reporting verb outside quotation marks), or -1; and `plain[i]`,
 * the tokens outside quotation marks before i. A sentence of thousands of quotations is then read in linear time,
 * not once per quotation.
 */
interface BackIndex {
  stop: Int32Array;
  plain: Int32Array;
}

function backIndex(toks: Tok[]): BackIndex {
  const stop = new Int32Array(toks.length);
  const plain = new Int32Array(toks.length + 1);
  let last = -1;
  toks.forEach((t, c) => {
    plain[c + 1] = plain[c]! + (t.quoted ? 0 : 1);
    if (!t.quoted && (t.text === ';' || !(!has(t, CUE | PARTICIPLE) || has(t, CAP) || (has(t, CUE) && !has(t, PARTICIPLE) && !isCue(toks, c))))) last = c;
    stop[c] = last;
  });
  return { stop, plain };
}

/** A reporting verb, then nothing but modifiers and ":" or "," (or "that"), right before the quotation at `bi`. */
function introBefore(toks: Tok[], bi: number): { cue: number; read: Read | null; participle: boolean } | null {
  // "Said Priya Natarajan, chief economist at Northbridge Capital: “…”": the verb first, then the speaker.
  if (bi > 2 && has(toks[0], CUE) && has(toks[0], CAP) && /^[:,]$/u.test(toks[bi - 1]?.text ?? '')) {
    const read = readAfter(toks, 1);
    if (read && read.to >= bi - 1 && (read.mention.type === 'person' || read.mention.type === 'organisation')) return { cue: 0, read, participle: false };
  }
  // "Lopez: “…”", "Von der Leyen on X: “…”": a name and a colon, the way live blogs and posts introduce words.
  if (toks[bi - 1]?.text === ':') {
    const read = readBefore(toks, bi - 1);
    const m = read?.mention;
    if (read && read.from === 0 && m && (m.type === 'person' || m.type === 'organisation')) return { cue: -1, read, participle: false };
  }
  let k = bi - 1;
  while (k >= 0 && has(toks[k], PUNCT) && !toks[k]!.quoted && /^[,:\u2014\u2013"\u201c\u2018]$/u.test(toks[k]!.text)) k--;
  if (k >= 0 && toks[k]!.lower === 'that') k--;
  for (let c = k; c >= 0 && k - c < 10; c--) {
    const t = toks[c]!;
    if (t.quoted || t.text === ';' || t.text === '.') return null;
    if (!has(t, CUE | PARTICIPLE) || (has(t, CAP) && c > 0) || (has(t, CUE) && !has(t, PARTICIPLE) && !isCue(toks, c))) continue;
    if (has(t, PARTICIPLE) && SPEECH_PARTICIPLES.has(t.lower)) return { cue: c, read: null, participle: true };
    if (has(t, PARTICIPLE)) return null;
    if (THINK_CUES.has(t.lower) || NAMING_CUES.has(t.lower)) return null;
    // Between the verb and the quotation only a listener, a time, a place or "that" ("told reporters in Doha:").
    if (!onlyModifiers(toks, c + 1, k + 1)) return null;
    const read = readBefore(toks, c);
    if (read) return { cue: c, read, participle: false };
    // '“…,” and added, “…”': the verb shares the speaker of the clause before it.
    return ['and', 'but'].includes(toks[c - 1]?.lower ?? '') && c > 1 ? { cue: c, read: null, participle: true } : null;
  }
  return null;
}

/** The speaker a sentence ending in a colon introduces ("Al Ketbi told reporters:", "He said:"), if any. */
export function introducedBy(prev: Sentence, state: State): { entity: Entity | null; how: string; verb: string | null } | null {
  const before = introBefore(prev.toks, prev.toks.length);
  const r = before?.read ? resolveMention(before.read.mention, at(prev.paragraph, prev.span.end), state, prev) : before?.participle ? mainSpeaker(prev.toks, before.cue, prev, state) : null;
  return before && r ? { ...r, verb: before.cue < 0 ? null : prev.toks[before.cue]!.lower } : null;
}

/** Only time, place and channel words between two tokens ("said on Friday in Paris:"). */
function onlyModifiers(toks: Tok[], from: number, to: number): boolean {
  let i = from;
  if (/^(?:told|tells|tell|informed|assured|asked)$/.test(toks[from - 1]?.lower ?? '')) {
    while (i < to && !has(toks[i], PUNCT) && !MODIFIER_WORDS.has(toks[i]!.lower) && i - from < 6) i++;
  }
  i = skipModifiers(toks, i, to);
  if (toks[i]?.lower === 'that') i++;
  return i >= to;
}

const MODIFIER_WORDS = new Set(['in', 'at', 'on', 'during', 'after', 'before', 'via', 'from', 'that', 'while', 'as', 'with']);

/** The nearest reporting verb earlier in the sentence whose statement the quotation belongs to. */
function subjectOf(toks: Tok[], bi: number, text: string, q: QuoteSpan, back: BackIndex): { cue: number; read: Read | null; participle: boolean } | null {
  const lead = text.slice(Math.max(0, q.start - 60), q.start);
  if (isLabel(lead)) return null;
  // The nearest ";" or reporting verb outside quotation marks before the quotation (see backIndex).
  const c = bi > 0 ? back.stop[bi - 1]! : -1;
  if (c < 0) return null;
  const t = toks[c]!;
  if (t.text === ';') return null;
  const plain = back.plain[bi]! - back.plain[c]!; // words outside quotation marks from the verb to the quotation
  if (NAMING_CUES.has(t.lower) && plain > 14) return null;
  if (has(t, PARTICIPLE)) return SPEECH_PARTICIPLES.has(t.lower) || NAMING_CUES.has(t.lower) ? { cue: c, read: null, participle: true } : null;
  const read = readBefore(toks, c);
  return read ? { cue: c, read, participle: false } : null;
}

/** Who a participle's statement belongs to: the speaker of the sentence's main reporting verb, or its subject. */
export function mainSpeaker(toks: Tok[], participle: number, s: Sentence, state: State): { entity: Entity | null; how: string } | null {
  // "The association welcomed the plan, with chief executive Sonia Ferraro saying …": the one named before the participle.
  const own = readBefore(toks, participle);
  if (own && toks[own.from - 1]?.lower === 'with' && (own.mention.type === 'person' || own.mention.type === 'organisation')) {
    return resolveMention(own.mention, at(s.paragraph, toks[own.from]!.start), state, s);
  }
  for (let c = participle - 1; c >= 0; c--) {
    const t = toks[c]!;
    if (t.quoted || !has(t, CUE) || has(t, PARTICIPLE | CAP)) continue;
    if (toks[c + 1]?.text === ',' && c + 1 < participle - 1) continue; // "As my colleague X noted, Trump …"
    // "Lopez said, adding …" or, inverted, "…," said Lopez, adding …".
    const read = readBefore(toks, c) ?? (has(toks[c - 1], PUNCT) ? readAfter(toks, c + 1) : null);
    if (read) return resolveMention(read.mention, at(s.paragraph, t.start), state, s);
  }
  const subject = sentenceSubject(toks);
  return subject ? resolveMention(subject.mention, at(s.paragraph, toks[subject.from]!.start), state, s) : null;
}

/** One cheap test first: most sentences name no platform at all. */
const ANY_PLATFORM = /\b(?:X|tweet\w*|twitter|truth|facebook|instagram|linkedin|telegram|weibo|social)\b/i;

/** The platform a sentence says a statement was posted on ("on X", "in a Facebook post"), if any. */
function platformOf(sentence: string): string | null {
  if (!ANY_PLATFORM.test(sentence)) return null;
  for (const [re, name] of PLATFORMS) if (re.test(sentence)) return name;
  return null;
}
