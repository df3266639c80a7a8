// Finds who said what in one article, in sieves from the most precise to the least (after Muzny et al. 2017 and
// CoreNLP's quote attribution): a quotation's own attribution right after or before it, the subject of the verb
// that introduces it, reported speech around a reporting verb, then continuations of the same speaker. Each quote
// records the sieve that fired. When no sieve is sure, a quotation stays unattributed: a wrong speaker is worse
// than none. Written by hand because no JavaScript library attributes quotations in news text.
import type { FoundQuote, Paragraph, QuoteKind } from '../types.ts';
import { trimQuoteEdges } from '../text/normalize.ts';
import { findQuotations, maskQuotes, type QuoteSpan } from '../text/quote-marks.ts';
import { splitSentences, type Span } from '../text/sentences.ts';
import { Entities, type Entity } from './entities.ts';
import { ANONYMOUS, APPEAL_CUES, CUE_VERBS, NAMING_CUES, PLATFORMS, shownVerb, THINK_CUES } from './lexicon.ts';
import { readAfter, readBefore, sentenceSubject, type Mention, type Read } from './mentions.ts';
import { accordingTo, contentAfter, contentBefore, contentEnd, isTell, skipListener, skipModifiers, type Content } from './reported.ts';
import { embeddedPosts, findTranscript, headlineQuotes, pullQuoteLines, type Found } from './special.ts';
import { CAP, CUE, INTRO, LOWER, NAME, PARTICIPLE, POSSESSIVE, PUNCT, ROLE, has, isCue, tokenize, type Tok } from './tokens.ts';
import { registerMentions } from './register.ts';
import { dropNicknames, type Nickname } from './nicknames.ts';

export interface Extraction {
  speakers: ReturnType<Entities['found']>;
  quotes: FoundQuote[];
}

/** One sentence, tokenised once for both passes. */
export interface Sentence {
  paragraph: number;
  span: Span;
  toks: Tok[];
  quotes: QuoteSpan[];
}

interface Item {
  paragraph: number;
  start: number;
  end: number;
  kind: QuoteKind;
  entity: Entity | null;
  sieve: string;
  verb: string | null;
  via: string | null;
  /** The quotation this item is, for direct quotes. */
  quote: QuoteSpan | null;
  /** Sieve family strength: trigram and intro attributions keep short quotations, others do not. */
  strong: boolean;
  sentence: number;
}

/** A position in the article: paragraph, then offset. */
export const at = (paragraph: number, offset: number) => paragraph * 1_000_000 + offset;

const SPEECH_PARTICIPLES = new Set(['saying', 'adding', 'stating', 'noting', 'warning', 'arguing', 'insisting', 'stressing', 'emphasising', 'emphasizing', 'explaining', 'claiming', 'asserting', 'declaring', 'writing', 'posting', 'tweeting', 'acknowledging', 'admitting', 'conceding', 'predicting', 'reiterating', 'affirming', 'reaffirming', 'underlining', 'underscoring', 'cautioning', 'recalling', 'suggesting', 'maintaining', 'confirming', 'revealing', 'announcing', 'observing', 'remarking', 'concluding', 'assuring', 'reassuring', 'promising', 'pledging', 'vowing', 'complaining', 'lamenting', 'replying', 'responding', 'telling', 'urging']);
const LABEL_CONTEXT = /(?:\bso-called|\bdubbed|\bknown as|\bnicknamed|\btermed|\btitled|\bentitled|\bthe (?:phrase|term|word|slogan|label)|\bwhat (?:\S+ ){1,4}(?:calls?|called|described as|describes as|terms?|termed|dubbed|labels?|labelled|labeled|refers? to as|referred to as))\s*$/iu;
const LABEL_PREFIX = /^\s*(?:quote|statement|comment|he said|she said)\s*:\s*$/iu;
const MIN_UNATTRIBUTED_WORDS = 4;
/** A report after these is background to the sentence ("weeks after the EU urged China to …"), not a statement. */
const SUBORDINATORS = new Set(['after', 'before', 'since', 'until', 'following', 'once']);
const TRAILING_CLAUSE = new Set(['as', 'while', 'amid', 'after', 'before', 'ahead', 'when', 'despite', 'following', 'days', 'weeks', 'hours', 'months']);
const TRAILING_NOUNS = new Set(['step', 'move', 'decision', 'measure', 'sign', 'signal', 'day', 'week', 'reversal', 'blow', 'setback', 'boost', 'bid', 'push', 'effort', 'attempt', 'shift', 'departure', 'rebuke', 'nod']);
const MODALS = new Set(['will', 'would', 'could', 'may', 'might', 'must', 'should', 'can', 'shall']);
/** "offered assurances that", "expressed hope that", "made clear that": a verb and a noun that report speech. */
const LIGHT_VERBS = new Set(['offered', 'gave', 'provided', 'expressed', 'voiced', 'made', 'pointed', 'raised', 'offers', 'gives', 'expresses', 'voices', 'makes', 'points']);
const LIGHT_NOUNS = new Set(['assurances', 'assurance', 'hope', 'confidence', 'concern', 'concerns', 'optimism', 'doubt', 'doubts', 'clear', 'out', 'fears', 'worries', 'belief', 'view']);
/** Words after which a quotation is part of a phrase, not a statement on its own. */
const EMBEDDING = new Set(['about', 'of', 'on', 'a', 'an', 'the', 'as', 'for', 'to', 'with', 'from', 'by', 'over', 'regarding', 'called', 'dubbed', 'its', 'his', 'her', 'their', 'our', 'this', 'these', 'those', 'what']);

/** Every quote in an article's paragraphs, each with its speaker or none; reader comments are never passed in. */
export function extractQuotes(paragraphs: Paragraph[]): Extraction {
  const texts = paragraphs.map((p) => p.text);
  const spans = findQuotations(texts);
  const ents = new Entities();
  const sentences: Sentence[] = [];
  const nicknames: Nickname[] = [];
  paragraphs.forEach((p, pi) => {
    const own = spans[pi]!;
    closeAtAttribution(p.text, own);
    const masked = maskQuotes(p.text, own);
    const inner = own.map((q) => q.inner);
    for (const s of splitSentences(p.text, own, masked)) {
      const toks = tokenize(p.text, s.start, s.end, inner);
      const nicks = dropNicknames(toks);
      nicknames.push(...nicks);
      const quotes = own.filter((q) => q.start >= s.start && q.start < s.end && !nicks.some((n) => n.start <= q.start && q.end <= n.end));
      sentences.push({ paragraph: pi, span: s, toks, quotes });
    }
  });

  // Pass 1: everyone the article names, in order, so "its energy minister" can point ahead to a name given later.
  for (const s of sentences) if (!paragraphs[s.paragraph]!.heading) registerMentions(s.toks, ents, s.paragraph);
  for (const n of nicknames) ents.addNickname(n.before, n.after, n.nickname);
  // X handles name someone already introduced ("Treasury Secretary @SecScottBessent").
  for (const p of paragraphs) {
    if (!p.text.includes('@')) continue;
    for (const m of p.text.matchAll(/@\w{3,}/gu)) {
      const before = /((?:\p{Lu}[\p{L}-]*\s+){1,3})$/u.exec(p.text.slice(Math.max(0, m.index - 40), m.index));
      ents.addHandle(m[0], before ? before[1]!.trim() : null);
    }
  }

  const items: Item[] = [];
  const lead = leadOf(paragraphs);
  const state: State = { ents, focus: null, focusParagraph: -1, focusOrg: null, lastSubject: null, unnamed: new Set(), sentences, paragraphs, focusAt: [], lead };
  const transcript = findTranscript(paragraphs, ents);

  sentences.forEach((s, si) => {
    const p = paragraphs[s.paragraph]!;
    state.focusAt[si] = state.focus && state.focusParagraph >= s.paragraph - 2 ? state.focus : null;
    if (p.heading || transcript.has(s.paragraph)) return;
    noteUnnamed(s.toks, state.unnamed);
    const found = attributeSentence(s, si, state);
    items.push(...found);
    updateFocus(s, found, state);
  });

  const attributed = new Set(items.filter((i) => i.entity).map((i) => i.paragraph));
  const special = [...transcript.items(), ...pullQuoteLines(paragraphs, ents, attributed), ...headlineQuotes(paragraphs, ents), ...embeddedPosts(paragraphs, ents)];
  // A quotation a special form attributes (a signed pull quote) is no longer waiting for a speaker.
  const covered = (it: Item) => special.some((f) => f.paragraph === it.paragraph && f.start < it.end && it.start < f.end);
  for (let k = items.length - 1; k >= 0; k--) if (!items[k]!.entity && covered(items[k]!)) items.splice(k, 1);
  items.push(...special.map((f) => fromFound(f, sentences)));
  continuations(items, sentences, paragraphs, state);
  return { speakers: ents.found(), quotes: finalise(items, texts) };
}

/** "An official at the ministry, who asked not to be named, …": from here on, "the official" is that one. */
function noteUnnamed(toks: Tok[], unnamed: Set<string>): void {
  for (let k = 0; k < toks.length; k++) {
    if (toks[k]!.quoted || (toks[k]!.lower !== 'a' && toks[k]!.lower !== 'an')) continue;
    for (let n = k + 1; n < Math.min(toks.length, k + 5) && !has(toks[n], PUNCT); n++) {
      if (ANONYMOUS.has(toks[n]!.lower) && has(toks[n], LOWER)) { unnamed.add(toks[n]!.lower.replace(/s$/, '')); break; }
    }
  }
}

/**
 * The lead: the first paragraph of prose. A site name or a label line is not prose, and neither is a standfirst,
 * which a byline or a dateline follows.
 */
function leadOf(paragraphs: Paragraph[]): number {
  const prose = (p: Paragraph | undefined) => p !== undefined && !p.heading && p.text.split(/\s+/).length >= 12;
  const first = paragraphs.findIndex((p, i) => prose(p) && !(i < 8 && (paragraphs[i + 1]?.heading || paragraphs[i + 2]?.heading)));
  return Math.max(0, first >= 0 ? first : paragraphs.findIndex((p) => prose(p)));
}

interface State {
  ents: Entities;
  /** The first paragraph of reporting (after headline and byline): where a lead names someone only later. */
  lead: number;
  focus: Entity | null;
  /** The paragraph where the focus was last set: "he" does not reach further back than two paragraphs. */
  focusParagraph: number;
  /** The focus as each sentence began, for the passes after this one. */
  focusAt: (Entity | null)[];
  focusOrg: Entity | null;
  /** The person the previous sentence was about (its subject or speaker). */
  lastSubject: Entity | null;
  /** Role words unnamed speakers went by ("an official", "a senior economist"): "the official" is one of them. */
  unnamed: Set<string>;
  sentences: Sentence[];
  paragraphs: Paragraph[];
}

/** A quotation left open whose own attribution follows inside it ("“We have to …, UAE minister X said on Wednesday."). */
function closeAtAttribution(text: string, spans: QuoteSpan[]): void {
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
    if (!has(t, CUE) || !has(t, LOWER) || has(t, PARTICIPLE)) continue;
    const read = readBefore(toks, c);
    if (read && read.from <= j + 1 && read.from >= j) return { read, verb: t.lower };
    if (read) return null;
    // "the head of state stated": "state" was a noun; the verb is further on.
  }
  return null;
}

function attributeSentence(s: Sentence, si: number, state: State): Item[] {
  const { toks } = s;
  const text = state.paragraphs[s.paragraph]!.text;
  const sentence = text.slice(s.span.start, s.span.end);
  // Most sentences quote no one: the channel is looked for only when there is something to record it on.
  const via = s.quotes.length || s.toks.some((t) => t.cls & CUE) ? platformOf(sentence) : null;
  const statement = s.quotes.length > 0 && /\bstatement\b/iu.test(sentence);
  const out: Item[] = [];
  const usedCues = new Set<number>();
  const resolve = (read: Read, offset: number) => resolveMention(read.mention, at(s.paragraph, offset), state, s);

  for (const q of s.quotes) {
    const first = toks.findIndex((t) => t.start >= q.start);
    const bi = first < 0 ? toks.length : first;
    const ai = firstAfter(toks, q.end);
    let found: { entity: Entity | null; how: string; sieve: string; verb: string | null; strong: boolean } | null = null;

    // Sieve 1, pull quote: "“… - Ashwini Vaishnaw”".
    const pull = /\s[-\u2013\u2014]\s*(\p{Lu}[\p{L}.'\u2019 -]{1,60})$/u.exec(text.slice(q.inner.start, q.inner.end));
    if (pull) {
      const ptoks = tokenize(pull[1]!, 0, pull[1]!.length, []);
      const read = readAfter(ptoks, 0);
      const r = read ? resolve(read, q.start) : null;
      if (r?.entity) {
        const item = mk(s, si, q, { start: q.inner.start, end: q.inner.start + pull.index }, r.entity, `pull-quote/${r.how}`, null, via, 'direct', true);
        out.push(item);
        continue;
      }
    }
    // Pull quote, signed after the marks: "“The levy stays.” — Maria Lopez".
    if (/^[\u2014\u2013-]$/u.test(toks[ai]?.text ?? '')) {
      const read = readAfter(toks, ai + 1);
      if (read && read.to >= toks.length && (read.mention.type === 'person' || read.mention.type === 'organisation')) {
        const r = resolve(read, q.end);
        if (r?.entity) { out.push(mk(s, si, q, q.inner, r.entity, `pull-quote/${r.how}`, null, via, 'direct', true)); continue; }
      }
    }
    // A title or a label ("its report, titled “…”", "the so-called “…”") is nobody's utterance.
    if (LABEL_CONTEXT.test(text.slice(Math.max(0, q.start - 60), q.start))) continue;
    // A quotation inside a phrase ("remarks about “…”", "a “…”") is not an utterance its neighbours attribute.
    const embedded = bi > 0 && (EMBEDDING.has(toks[bi - 1]!.lower) || has(toks[bi - 1], POSSESSIVE));
    // Sieve 2, trigram after: ",” Huang said" / ",” said Huang" / ",” the minister stressed".
    const after = ai < toks.length && !embedded ? attributionAt(toks, ai) : null;
    if (after) {
      const r = resolve(after.read, q.end);
      if (r) {
        found = { ...r, sieve: 'trigram', verb: after.verb, strong: true };
        for (let c = ai; c < Math.min(toks.length, after.read.to + 2); c++) if (has(toks[c], CUE)) usedCues.add(c);
      }
    }
    // Sieve 3, intro before: "Huang said: “", "He added, “", "Kim, the Policy Chief, stated, “", "saying, “".
    if (!found && !embedded) {
      const before = introBefore(toks, bi);
      if (before) {
        const r = before.participle ? mainSpeaker(toks, before.cue, s, state) : before.read ? resolve(before.read, q.start) : null;
        if (r) found = { ...r, sieve: before.cue < 0 ? 'colon' : before.participle ? 'intro-participle' : 'intro', verb: before.cue < 0 ? null : toks[before.cue]!.lower, strong: !before.participle };
      }
    }
    // Sieve 3c, a named subject, then a colon: "Congress general secretary Pradeep Varkey hit back on X: “…”".
    if (!found && !embedded && toks[bi - 1]?.text === ':' && !toks.slice(0, bi - 1).some((t) => t.quoted)) {
      const subject = sentenceSubject(toks);
      if (subject && subject.to < bi - 1 && (subject.mention.type === 'person' || subject.mention.type === 'organisation')) {
        const r = resolve(subject, q.start);
        if (r?.entity) found = { ...r, sieve: 'colon', verb: null, strong: true };
      }
    }
    // Sieve 3b, intro at the end of the paragraph before: "… Al Ketbi, 61, told reporters in Abu Dhabi:" ¶ "“…”".
    if (!found && q.start <= s.span.start && si > 0 && state.sentences[si - 1]!.paragraph === s.paragraph - 1 && /:\s*$/u.test(state.paragraphs[s.paragraph - 1]!.text)) {
      const prev = state.sentences[si - 1]!;
      const before = introBefore(prev.toks, prev.toks.length);
      const r = before?.read ? resolveMention(before.read.mention, at(prev.paragraph, prev.span.end), state, prev) : before?.participle ? mainSpeaker(prev.toks, before.cue, prev, state) : null;
      if (before && r) found = { ...r, sieve: 'intro', verb: before.cue < 0 ? null : prev.toks[before.cue]!.lower, strong: true };
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
      const subject = subjectOf(toks, bi, sentence, text, q);
      if (subject) {
        const r = subject.participle ? mainSpeaker(toks, subject.cue, s, state) : subject.read ? resolve(subject.read, q.start) : null;
        if (r) found = { ...r, sieve: 'subject', verb: toks[subject.cue]!.lower, strong: false };
      }
    }
    if (!found && embedded) found = { entity: null, how: 'embedded', sieve: 'none', verb: null, strong: false };
    const kind: QuoteKind = statement && (found?.entity?.kind === 'organisation' || /\bin (?:a|an|its|the|his|her|their) (?:\w+ ){0,2}statement\b/iu.test(sentence)) ? 'statement' : 'direct';
    if (found?.entity) out.push(mk(s, si, q, q.inner, found.entity, `${found.sieve}/${found.how}`, found.verb, via, kind, found.strong));
    else if (!embedded) out.push(mk(s, si, q, q.inner, null, found ? `${found.sieve}/${found.how}` : 'none', null, via, kind, false));
  }

  const reported = reportedIn(s, si, state, usedCues, via);
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
  const fragment = (item: Item) => item.quote !== null && !item.strong && wordCount(text.slice(item.start, item.end)) < 3
    && reported.some((r) => r.entity === item.entity && r.start <= item.start && r.end >= item.end);
  const kept = out.filter((item) => !fragment(item));
  kept.push(...reported);
  return kept;
}

function mk(s: Sentence, si: number, q: QuoteSpan | null, span: Span, entity: Entity | null, sieve: string, verb: string | null, via: string | null, kind: QuoteKind, strong: boolean): Item {
  return { paragraph: s.paragraph, start: span.start, end: span.end, kind, entity, sieve, verb, via, quote: q, strong, sentence: si };
}

function fromFound(f: Found, sentences: Sentence[]): Item {
  const si = Math.max(0, sentences.findIndex((s) => s.paragraph === f.paragraph && s.span.end >= f.start));
  return { paragraph: f.paragraph, start: f.start, end: f.end, kind: f.kind, entity: f.entity, sieve: f.sieve, verb: f.verb, via: null, quote: null, strong: true, sentence: si };
}

function firstAfter(toks: Tok[], offset: number): number {
  const i = toks.findIndex((t) => t.start >= offset);
  return i < 0 ? toks.length : i;
}

/** A reporting verb, then nothing but modifiers and ":" or "," (or "that"), right before the quotation at `bi`. */
function introBefore(toks: Tok[], bi: number): { cue: number; read: Read | null; participle: boolean } | null {
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
    return read ? { cue: c, read, participle: false } : null;
  }
  return null;
}

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
function subjectOf(toks: Tok[], bi: number, sentence: string, text: string, q: QuoteSpan): { cue: number; read: Read | null; participle: boolean } | null {
  const lead = text.slice(Math.max(0, q.start - 60), q.start);
  if (LABEL_CONTEXT.test(lead)) return null;
  let plain = 0;
  for (let c = bi - 1; c >= 0; c--) {
    const t = toks[c]!;
    if (t.quoted) continue;
    if (t.text === ';') return null;
    plain++;
    if (!has(t, CUE | PARTICIPLE) || has(t, CAP) || (has(t, CUE) && !has(t, PARTICIPLE) && !isCue(toks, c))) continue;
    if (NAMING_CUES.has(t.lower) && plain > 14) return null;
    if (has(t, PARTICIPLE)) return SPEECH_PARTICIPLES.has(t.lower) || NAMING_CUES.has(t.lower) ? { cue: c, read: null, participle: true } : null;
    const read = readBefore(toks, c);
    return read ? { cue: c, read, participle: false } : null;
  }
  void sentence;
  return null;
}

/** Who a participle's statement belongs to: the speaker of the sentence's main reporting verb, or its subject. */
function mainSpeaker(toks: Tok[], participle: number, s: Sentence, state: State): { entity: Entity | null; how: string } | null {
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

/** Reported speech in a sentence: "X said (that) …", "…, X said.", "According to X, …", "…, adding that …". */
function reportedIn(s: Sentence, si: number, state: State, usedCues: Set<number>, via: string | null): Item[] {
  const { toks } = s;
  const out: Item[] = [];
  const end = toks.length;
  const emit = (content: Content, read: Read | { entity: Entity | null; how: string } | null, verb: string, sieve: string) => {
    if (!read) return;
    const r = 'mention' in read ? resolveMention(read.mention, at(s.paragraph, toks[read.from]?.start ?? 0), state, s) : read;
    if (!r || !r.entity) return;
    const words = toks.slice(content.from, content.to);
    if (words.every((t) => t.quoted || has(t, PUNCT))) return; // the content is one quotation: the direct quote has it
    out.push({ paragraph: s.paragraph, start: words[0]!.start, end: words[words.length - 1]!.end, kind: 'reported', entity: r.entity, sieve: `${sieve}/${r.how}`, verb: shownVerb(verb), via, quote: null, strong: false, sentence: si });
  };

  const according = accordingTo(toks, 0, end);
  if (according) emit(according.content, according.read, 'according to', 'according-to');

  let skipUntil = according && according.content.from > according.read.to ? according.content.to : -1;
  for (let c = 0; c < end; c++) {
    const t = toks[c]!;
    if (c < skipUntil || t.quoted || !has(t, CUE) || !has(t, LOWER) || has(t, PARTICIPLE) || !isCue(toks, c)) continue;
    if (usedCues.has(c) && toks[c + 1]?.lower !== 'that') continue;
    if (t.lower === 'according') continue;
    // "Japan will add 12 types of …": a verb after a modal tells what will be done, not what was said.
    if (MODALS.has(toks[c - 1]?.lower ?? '')) continue;
    // "The head of Nvidia downplayed … and said …": the verb shares the sentence's subject.
    const read = readBefore(toks, c) ?? (['and', 'but'].includes(toks[c - 1]?.lower ?? '') ? sentenceSubject(toks) : null);
    // "weeks after the EU urged China to …": an appeal in a clause of time is background, not a statement.
    if (read && SUBORDINATORS.has(toks[read.from - 1]?.lower ?? '') && APPEAL_CUES.has(t.lower) && toks[c + 1]?.lower !== 'that') continue;
    if (read) {
      const content = contentAfter(toks, c, end);
      if (content) {
        emit(content, read, t.lower, 'reported');
        skipUntil = content.to;
        continue;
      }
      // "South Africa's position, the Minister said, is that …": what follows "is that" is the statement.
      if (toks[c + 1]?.text === ',' && ['is', 'was', 'remains'].includes(toks[c + 2]?.lower ?? '') && toks[c + 3]?.lower === 'that') {
        const to = contentEnd(toks, c + 4, end);
        if (to - (c + 4) >= 3) { emit({ from: c + 4, to }, read, t.lower, 'reported'); continue; }
      }
      // "…, spokesperson Qiao Wenhui told a regular press conference.": the listener is no statement.
      const rest = isTell(t.lower) ? skipListener(toks, c + 1, end) ?? c + 1 : c + 1;
      if (toks[read.from - 1]?.text === ',' && restIsModifiers(toks, rest, end)) {
        const before = contentBefore(toks, read.from - 1, 0);
        if (before) { emit(before, read, t.lower, 'reported-after'); continue; }
      }
      continue;
    }
    // "…, says dtic Minister Parks Tau." — the verb before its speaker, at the sentence's end.
    if (toks[c - 1]?.text === ',') {
      const inv = readAfter(toks, c + 1);
      if (inv && inv.mention.type !== 'anonymous' && restIsModifiers(toks, inv.to, end)) {
        const before = contentBefore(toks, c - 1, 0);
        if (before) emit(before, inv, t.lower, 'reported-after');
      }
    }
  }

  for (let c = 0; c + 2 < end; c++) {
    const t = toks[c]!;
    if (t.quoted || !LIGHT_VERBS.has(t.lower) || !LIGHT_NOUNS.has(toks[c + 1]!.lower) || toks[c + 2]!.lower !== 'that') continue;
    const read = readBefore(toks, c) ?? (toks[c - 1]?.lower === 'and' ? sentenceSubject(toks) : null);
    const from = c + 3;
    const to = contentEnd(toks, from, end);
    if (read && to - from >= 3) emit({ from, to }, read, `${t.lower} ${toks[c + 1]!.lower}`, 'reported');
  }

  // ", adding that …", ", while noting that …": more of what the sentence's speaker said.
  for (let p = 1; p < end; p++) {
    const t = toks[p]!;
    if (t.quoted || !has(t, PARTICIPLE) || !SPEECH_PARTICIPLES.has(t.lower)) continue;
    const quotedAs = toks[p - 1]!.lower === 'as' && toks.slice(Math.max(0, p - 8), p).some((w) => /^(?:quoted|cited)$/.test(w.lower));
    const prev = toks[p - 1]!.text === ',' ? p - 1 : ['while', 'and'].includes(toks[p - 1]!.lower) && toks[p - 2]?.text === ',' ? p - 2 : quotedAs ? p - 1 : -1;
    if (prev < 0) continue;
    const content = contentAfter(toks, p, end);
    if (!content) continue;
    const speaker = out.find((o) => o.start < t.start)?.entity ?? null;
    const r = speaker ? { entity: speaker, how: 'participle' } : mainSpeaker(toks, p, s, state);
    emit(content, r, t.lower, 'participle');
  }
  return out;
}

/** After the speaker: only time, place and channel ("on Friday", "in a statement", "during a news conference"). */
function restIsModifiers(toks: Tok[], from: number, end: number): boolean {
  let k = skipModifiers(toks, from, end);
  while (k < end && has(toks[k], PUNCT) && toks[k]!.text !== ',') k++;
  if (k >= end) return true;
  if (toks[k]!.text !== ',') return false;
  const next = toks[k + 1];
  const after = next && ['while', 'and'].includes(next.lower) ? toks[k + 2] : next;
  // ", adding that …", ", paving the way for …": what follows is said or done besides; the attribution is complete.
  // ", as Seoul braces for …", ", a step likely to …": background the reporter adds after the attribution.
  if (next && (TRAILING_CLAUSE.has(next.lower) || (['a', 'an'].includes(next.lower) && TRAILING_NOUNS.has(toks[k + 2]?.lower ?? '')))) return true;
  // ", in a move aimed at …", ", in what analysts see as …".
  if (next?.lower === 'in' && (['what'].includes(toks[k + 2]?.lower ?? '') || ['a', 'an'].includes(toks[k + 2]?.lower ?? '') && TRAILING_NOUNS.has(toks[k + 3]?.lower ?? ''))) return true;
  return !next || has(after, PARTICIPLE) || (after !== undefined && (CUE_VERBS.has(after.lower) || has(after, LOWER) && /ing$/.test(after.lower))) || /^["\u201c]/u.test(next.text);
}

function resolveMention(m: Mention, pos: number, state: State, s: Sentence): { entity: Entity | null; how: string } | null {
  const { ents } = state;
  switch (m.type) {
    case 'pronoun': {
      if (m.word === 'he' || m.word === 'she') {
        const f = state.focus;
        if (!f) return null;
        const want = m.word === 'he' ? 'm' : 'f';
        if (f.gender && f.gender !== want) return null;
        if (!f.gender) f.gender = want;
        return { entity: f, how: 'pronoun' };
      }
      if (m.word === 'it' && state.focusOrg) return { entity: state.focusOrg, how: 'pronoun' };
      return null;
    }
    case 'person':
    case 'organisation': {
      const short = m.type === 'organisation' ? m.name : m.single ? m.name[0]! : '';
      const titled = /^\p{Lu}{2,4}$/u.test(short) ? ents.byTitleInitials(short) : null;
      if (titled) return { entity: titled, how: 'description' };
      const e = ents.named(m, pos);
      if (!e) return null;
      if (m.type === 'person' && m.possessor === 'its' && m.role && state.focusOrg) ents.addRole(e, m.role, state.focusOrg);
      return { entity: e, how: 'name' };
    }
    case 'description': {
      // "his company": the organisation the person meant by "his" works for.
      if (m.org && (m.possessor === 'his' || m.possessor === 'her') && state.focus?.affiliation) return { entity: state.focus.affiliation, how: 'description' };
      const horizon = at(s.paragraph + 2, 0);
      const described = ents.describe(m, pos, horizon, m.possessor === 'its' ? state.focusOrg : null, m.org ? state.focusOrg : state.focus);
      // "the lawmaker", "the official": words also used of unnamed people mean only the person just spoken of, and
      // no one at all once an unnamed one has spoken ("An official … said …. The official added …").
      const unnamed = ANONYMOUS.has(m.head) && (state.unnamed.has(m.head) || (described !== state.lastSubject && described !== state.focus));
      const e = unnamed ? null : described;
      // Wire leads: "…, a spokesperson for the Ministry of Commerce said." ¶ "…, spokesperson Qiao Wenhui told …".
      if (e?.kind === 'organisation' && !m.org && s.paragraph <= state.lead + 1) {
        const named = ents.spokespersonNext(e, pos);
        if (named) return { entity: named, how: 'cataphora' };
      }
      // An organisation's unnamed spokesperson speaks for it; later "the spokesperson" means the same.
      if (e?.kind === 'organisation' && !m.org) ents.addRole(e, 'spokesperson');
      // Named only later ("Germany's finance minister …" then "Finance Minister Katharina von Stetten"): the
      // description's country is theirs too.
      if (e?.kind === 'person' && e.first > pos && /^\p{Lu}\S*['\u2019]s\b/u.test(m.text)) ents.addRole(e, descriptionRole(m));
      if (e) return { entity: e, how: 'description' };
      // A lead naming its speaker only in the next paragraph ("…, the country's trade minister said on Tuesday.").
      // "France's foreign minister": one office-holder, as definite as "the".
      const definite = m.definite || /^\p{Lu}\S*['\u2019]s$/u.test(m.modifiers[0] ?? '');
      if (definite && s.paragraph <= state.lead + 1 && !m.org) {
        const next = ents.introducedNext(m, pos) ?? introducedInNextSentence(m, s, state);
        if (next) { ents.addRole(next, descriptionRole(m)); return { entity: next, how: 'cataphora' }; }
      }
      // Elegant variation ("The Labour MP for …" after "… Liam Byrne branded …"): the previous sentence's subject,
      // for a definite description of a person that no one in the article fits by role.
      if (!m.org && m.definite && state.lastSubject && !ents.all.some((x) => x.kind === 'person' && ents.describe(m, pos, pos, null) === x)) {
        if (state.lastSubject.roleWords.size === 0) ents.addRole(state.lastSubject, descriptionRole(m));
        return { entity: state.lastSubject, how: 'variation' };
      }
      return null;
    }
    case 'relative':
      return m.antecedent ? resolveMention(m.antecedent, pos, state, s) : null;
    case 'anonymous':
      for (const w of m.text.toLowerCase().split(/\s+/)) if (ANONYMOUS.has(w)) state.unnamed.add(w.replace(/s$/, ''));
      return null;
  }
}

/** "…, France's foreign minister said in Paris. Antoine Delmas, speaking on the sidelines, …": the person the next sentence opens with, named there for the first time. */
function introducedInNextSentence(m: Extract<Mention, { type: 'description' }>, s: Sentence, state: State): Entity | null {
  const next = state.sentences[state.sentences.indexOf(s) + 1];
  if (!next || next.paragraph !== s.paragraph) return null;
  const read = sentenceSubject(next.toks);
  if (!read || read.mention.type !== 'person' || read.from > 0) return null;
  const from = at(next.paragraph, next.toks[read.from]!.start);
  return state.ents.introducedNext(m, from, from, at(next.paragraph, next.toks[read.to - 1]!.end));
}

/** The role a description gives the person it turned out to mean ("the country's trade minister" → "trade minister"). */
function descriptionRole(m: Extract<Mention, { type: 'description' }>): string | null {
  const words = m.text.split(/\s+/).filter((w) => !(/['\u2019]s$/u.test(w) && /^\p{Ll}/u.test(w)) && !/^(?:the|a|an|its|his|her|their)$/i.test(w));
  return words.length > 0 && words.length <= 8 ? words.join(' ') : null;
}

/** After a sentence: who "he" and "it" mean next — the latest speaker, else the sentence's subject. */
function updateFocus(s: Sentence, found: Item[], state: State): void {
  const spoke = found.filter((f) => f.entity);
  const lastPerson = [...spoke].reverse().find((f) => f.entity!.kind === 'person')?.entity ?? null;
  const lastOrg = [...spoke].reverse().find((f) => f.entity!.kind === 'organisation')?.entity ?? null;
  for (const f of spoke) f.entity!.spoke = true;
  let subject: Entity | null = null;
  const read = sentenceSubject(s.toks);
  if (read) {
    const m = read.mention;
    if (m.type === 'person' || m.type === 'organisation') subject = state.ents.named(m, at(s.paragraph, s.toks[read.from]?.start ?? 0), false);
    else if (m.type === 'pronoun' && (m.word === 'he' || m.word === 'she')) subject = state.focus;
    else if (m.type === 'description' && !m.org) subject = state.ents.describe(m, at(s.paragraph, s.toks[read.from]?.start ?? 0), 0, null);
  }
  if (lastPerson) state.focus = lastPerson;
  else if (subject?.kind === 'person') state.focus = subject;
  if (lastPerson || subject?.kind === 'person') state.focusParagraph = s.paragraph;
  if (lastOrg) state.focusOrg = lastOrg;
  else if (subject?.kind === 'organisation') state.focusOrg = subject;
  // The latest organisation named is what "its" refers to ("the European Central Bank's …, its Vice President").
  const orgs = state.ents.all.filter((e) => e.kind === 'organisation' && e.last >= at(s.paragraph, s.span.start) && e.last < at(s.paragraph, s.span.end));
  if (!lastOrg && orgs.length) state.focusOrg = orgs.reduce((a, b) => (b.last > a.last ? b : a));
  // The person the next sentence may go on about: the speaker, else the subject of the sentence's last clause
  // ("…, and Lula had previously hinted at retaliation." → Lula).
  const later = lastClauseSubject(s.toks, state.ents, s.paragraph);
  state.lastSubject = lastPerson ?? later ?? (subject?.kind === 'person' ? subject : null);
}

/** The person heading a sentence's last coordinated clause (", and Lula had …", "; Tau said …"), if any. */
function lastClauseSubject(toks: Tok[], ents: Entities, paragraph: number): Entity | null {
  for (let k = toks.length - 2; k > 0; k--) {
    const t = toks[k]!;
    if (t.quoted || !(t.text === ';' || (['and', 'but'].includes(t.lower) && toks[k - 1]?.text === ','))) continue;
    const read = readAfter(toks, k + 1);
    if (!read || read.mention.type !== 'person' || !has(toks[read.to], LOWER) || has(toks[read.to], PUNCT)) return null;
    const e = ents.named(read.mention, at(paragraph, toks[read.from]!.start), false);
    return e?.kind === 'person' ? e : null;
  }
  return null;
}

/**
 * Quotations no sieve attributed, given to the speaker whose words they continue: the next paragraph of a
 * paragraph-spanning quotation, a second quotation right after the first in the same paragraph, or a paragraph
 * that is only a quotation right after one where that speaker spoke last.
 */
function continuations(items: Item[], sentences: Sentence[], paragraphs: Paragraph[], state: State): void {
  items.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  const byQuote = new Map<QuoteSpan, Item>();
  for (const it of items) if (it.quote) byQuote.set(it.quote, it);
  // Pieces of one quotation share a speaker, whichever piece names them.
  const chains: Item[][] = [];
  for (const it of items) {
    if (!it.quote) continue;
    if (it.quote.continued && chains.length && chains[chains.length - 1]![chains[chains.length - 1]!.length - 1]!.quote?.continues) chains[chains.length - 1]!.push(it);
    else chains.push([it]);
  }
  for (const chain of chains) {
    if (chain.length < 2) continue;
    const named = chain.find((c) => c.entity);
    if (!named) continue;
    for (const c of chain) if (!c.entity) Object.assign(c, { entity: named.entity, sieve: 'continuation/chain', verb: named.verb });
  }
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.entity || !it.quote) continue;
    const prev = items.slice(0, i).reverse().find((p) => p.paragraph >= it.paragraph - 1);
    if (!prev?.entity || prev.sieve.startsWith('headline') || paragraphs[prev.paragraph]!.heading) continue;
    const s = sentences[it.sentence]!;
    const startsSentence = it.quote.start <= s.span.start + 1;
    const text = paragraphs[it.paragraph]!.text;
    // Nothing but the quotation (and maybe a label) in its sentence: no one else can be speaking.
    const rest = s.toks.filter((t) => !t.quoted && !has(t, PUNCT));
    const label = LABEL_PREFIX.test(text.slice(0, it.quote.start));
    if (prev.paragraph === it.paragraph && startsSentence && rest.length === 0 && !namesBetween(sentences, prev, it)) {
      Object.assign(it, { entity: prev.entity, sieve: 'continuation/same-paragraph', verb: prev.verb });
    } else if (prev.paragraph === it.paragraph - 1 && (it.quote.start === text.length - text.trimStart().length || label) && rest.length === 0 && lastSpeakerOf(items, prev.paragraph) === prev.entity) {
      Object.assign(it, { entity: prev.entity, sieve: label ? 'label/focus' : 'continuation/next-paragraph', verb: prev.verb });
    } else if (label && state.focusAt[it.sentence]) {
      Object.assign(it, { entity: state.focusAt[it.sentence], sieve: 'label/focus' });
    }
  }
}

function lastSpeakerOf(items: Item[], paragraph: number): Entity | null {
  const own = items.filter((i) => i.paragraph === paragraph && i.entity);
  return own.length ? own[own.length - 1]!.entity : null;
}

/** Someone else is named between two items (outside quotations). */
function namesBetween(sentences: Sentence[], a: Item, b: Item): boolean {
  for (let k = a.sentence + 1; k <= b.sentence; k++) {
    for (const t of sentences[k]!.toks) {
      if (t.quoted || t.start >= b.start && k === b.sentence) continue;
      if (has(t, NAME | ROLE) && has(t, CAP)) return true;
    }
  }
  return false;
}

/** One cheap test first: most sentences name no platform at all. */
const ANY_PLATFORM = /\b(?:X|tweet\w*|twitter|truth|facebook|instagram|linkedin|telegram|weibo|social)\b/iu;

function platformOf(sentence: string): string | null {
  if (!ANY_PLATFORM.test(sentence)) return null;
  for (const [re, name] of PLATFORMS) if (re.test(sentence)) return name;
  return null;
}

/** Letters and digits, lowercased: enough to see the same words twice within one article. */
const wordCount = (text: string) => text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const looseKey = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Trims edges, applies the filters (scare quotes, titles, one-word quotations), keeps each statement once. */
function finalise(items: Item[], texts: string[]): FoundQuote[] {
  const out: (FoundQuote & { k: string })[] = [];
  const seen = new Set<string>();
  const lastText = texts[texts.length - 1]?.trimEnd() ?? '';
  const truncated = !/[.!?\u2026"\u201d\u2019)\]]$/u.test(lastText);
  for (const it of items) {
    // A page cut off mid-sentence: what was being said is kept only up to its last complete sentence.
    if (truncated && it.paragraph === texts.length - 1 && it.end >= lastText.length - 1) {
      const cut = texts[it.paragraph]!.slice(it.start, it.end).search(/[.!?](?=\s+[^.!?]*$)/u);
      if (cut < 0) continue;
      it.end = it.start + cut;
    }
    const raw = texts[it.paragraph]!.slice(it.start, it.end);
    const text = trimQuoteEdges(raw);
    if (!text) continue;
    const words = text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (it.quote) {
      if (words < 2) continue;
      const titleCase = text.split(/\s+/).every((w) => /^[\p{Lu}\p{N}\W]/u.test(w) || /^(?:of|the|and|for|to|in|on|a|an|at|by|with|from|as|over|into|vs|or)$/.test(w));
      if (!it.strong && (words < 2 || titleCase)) continue;
      if (!it.entity && !it.quote.closed && !it.quote.continues && !it.quote.continued) continue;
      if (!it.entity && (words < MIN_UNATTRIBUTED_WORDS || titleCase || LABEL_CONTEXT.test(texts[it.paragraph]!.slice(Math.max(0, it.start - 61), it.start - 1)))) continue;
    } else if (words < 3) continue;
    const start = it.start + raw.indexOf(text);
    const id = `${it.paragraph}:${start}:${text.length}:${it.kind === 'reported' ? 'r' : 'd'}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ speakerRef: it.entity?.ref ?? null, sieve: it.entity ? it.sieve : 'none', kind: it.kind, verb: it.verb, via: it.via, text, paragraph: it.paragraph, start, k: looseKey(text) });
  }
  // The same words twice for one speaker (a pull quote and the full post): keep the longer.
  const kept: (FoundQuote & { k: string })[] = [];
  for (const q of out) {
    const same = kept.findIndex((o) => o.speakerRef === q.speakerRef && (o.kind === 'reported') === (q.kind === 'reported') && (o.k.includes(q.k) || q.k.includes(o.k)));
    if (same < 0) kept.push(q);
    else if (q.k.length > kept[same]!.k.length) kept[same] = q;
  }
  return kept.map(({ k: _, ...q }) => q);
}
