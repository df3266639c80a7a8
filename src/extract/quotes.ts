// Finds who said what in one article: direct quotations with their attribution, and reported speech.
// Written by hand because no JavaScript library attributes quotations in news text; the rules follow the
// forms news copy uses (",” Vaishnaw said.", "he said, “…”", "“… - Name”", "X said that …", "According to X, …").
import type { FoundQuote, FoundSpeaker, Paragraph, QuoteKind } from '../types.ts';
import { matchKey, trimQuoteEdges } from '../text/normalize.ts';
import { findQuoteSpans, maskQuotes, splitSentences, type QuoteSpan, type Span } from '../text/sentences.ts';
import {
  ATTRIBUTION_VERBS, CLAUSE_VERBS, DESCRIBE_VERBS, INTRO_WORDS, NEED_VERBS, ROLE_WORDS, TITLE_WORDS, PARTICIPLE_CUES, THAT_VERBS, URGE_VERBS,
} from './lexicon.ts';
import { phraseBefore, type Phrase } from './phrase.ts';
import { ArticleSpeakers } from './speakers.ts';

type Entity = ReturnType<ArticleSpeakers['resolve']>;

const VERB_ALT = [...new Set([...ATTRIBUTION_VERBS, ...DESCRIBE_VERBS])].sort((a, b) => b.length - a.length).join('|');
const AFTER_NP_VERB = new RegExp(`^\\s*[,.;:!?\\u2014\\u2013-]*\\s*(?<np>[^,.;:!?"\\u201c\\u201d]{1,80}?)\\s+(?<verb>${VERB_ALT})\\b`, 'u');
const AFTER_VERB_NP = new RegExp(`^\\s*[,.;:!?\\u2014\\u2013-]*\\s*(?<verb>${VERB_ALT})\\s+(?<np>(?:the\\s+)?[^,.;:!?"\\u201c\\u201d]{1,60}?)\\s*(?=[,.;:!?]|$)`, 'u');
const BEFORE_VERB = new RegExp(`\\b(?<verb>${VERB_ALT})(?<mod>\\s+(?:in|on|at|during|to|after|before|via)\\s+[^,"\\u201c]{0,50}?)?\\s*[,:]?\\s*$`, 'u');
const CUE = new RegExp(`\\b(?:${[...CLAUSE_VERBS, ...THAT_VERBS, ...NEED_VERBS, ...URGE_VERBS, ...DESCRIBE_VERBS, 'posted'].join('|')})\\b`, 'gu');
const MODIFIER_THAT = /^\s+(?:(?:on|in|at|during|after|before|while|to|via|through|from|earlier|later|today|yesterday)\b[^,.;"\u201c\u201d]{0,60}?\s+)?that\s+/u;
const MODIFIER = /^\s+(?:on|in|at|during|after|before|while|via|through|from)\b[^,.;"\u201c\u201d]{0,60}?(?=,|$)/u;
const END_CUT = /,\s+(?:saying|adding|noting|urging|stating|citing|writing|declaring|calling|advocating)\b/u;
const MIN_WORDS = 3;
const ROLE_WORD = new RegExp(`\\b(?:${[...ROLE_WORDS, ...TITLE_WORDS].join('|')})\\b`, 'i');
const VIA_X = /\bpost(?:ed)?\s+on\s+X\b|\bon X\b|\btweet/u;
const PULL_QUOTE = /\s[-\u2013\u2014]\s*(\p{Lu}[\p{L}.'\u2019 -]{1,60})$/u;
const QUOTE_MARK = /["\u201c\u201d\u2018]/u;

export interface Extraction {
  speakers: FoundSpeaker[];
  quotes: FoundQuote[];
}

/** Every quote in an article's paragraphs, each with its speaker; reader comments are never passed in. */
export function extractQuotes(paragraphs: Paragraph[]): Extraction {
  const speakers = new ArticleSpeakers();
  const quotes: FoundQuote[] = [];
  let lastDirect: { entity: NonNullable<Entity>; paragraph: number } | null = null;

  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]!;
    if (p.heading) continue;
    const text = p.text;
    const spans = findQuoteSpans(text);
    // Parentheses are masked too, so "(January 12, 2026)" cannot break a clause apart.
    const quoteMasked = maskQuotes(text, spans);
    const masked = quoteMasked.includes('(') ? quoteMasked.replace(/\([^()]*\)/gu, (m) => `(${'_'.repeat(m.length - 2)})`) : quoteMasked;

    for (const s of splitSentences(text, spans, quoteMasked)) {
      const sentence = masked.slice(s.start, s.end);
      const via = VIA_X.test(sentence) ? 'X' : null;
      for (const phrase of roleMentions(sentence)) speakers.resolve(phrase);
      let previous: Entity = null;
      let lastSaid: Entity = null;
      let subject: Phrase | null | undefined;
      const reported = reportedSpeech(sentence);
      const reportedBy = reported.map((r) => speakers.resolve(r.phrase));

      for (const q of spans) {
        if (q.start < s.start || q.end > s.end) continue;
        const inner = text.slice(q.inner.start, q.inner.end);
        const pull = PULL_QUOTE.exec(inner);
        let entity: Entity = pull ? speakers.resolve(phraseBefore(pull[1]!.trim())) : null;
        let verb: string | null = null;
        const span: Span = entity && pull ? { start: q.inner.start, end: q.inner.start + pull.index } : q.inner;
        if (!entity) {
          const after = attributionAfter(masked.slice(q.end, Math.min(masked.length, s.end + 1)));
          const before = after ? null : attributionBefore(masked.slice(s.start, q.start));
          const around = reported.findIndex((r) => s.start + r.start <= q.start && q.end <= s.start + r.end + 1);
          if (after) { entity = speakers.resolve(after.phrase); verb = after.verb; }
          else if (before?.kind === 'verb') { entity = speakers.resolve(before.phrase); verb = before.verb; }
          else if (before?.kind === 'participle') { entity = previous ?? speakers.resolve(subject ??= sentenceSubject(sentence)); verb = before.verb; }
          else if (around >= 0) { entity = reportedBy[around]!; verb = reported[around]!.verb; }
          else if (isWholeParagraph(q, text) && lastDirect && lastDirect.paragraph === pi - 1) entity = lastDirect.entity;
        }
        if (!entity) continue;
        const kind: QuoteKind = entity.kind === 'organisation' && /\bstatement\b/u.test(sentence) ? 'statement' : 'direct';
        if (keep(quotes, text, pi, entity.ref, kind, span, verb, via)) {
          previous = lastSaid = entity;
          lastDirect = { entity, paragraph: pi };
        }
      }

      reported.forEach((r, i) => {
        const entity = reportedBy[i];
        if (!entity || r.quoted) return;
        if (keep(quotes, text, pi, entity.ref, 'reported', { start: s.start + r.start, end: s.start + r.end }, r.verb, via)) lastSaid = entity;
      });

      // Whoever spoke, or else the sentence's subject, is who "he" means next.
      speakers.focus(lastSaid ?? speakers.lookup(subject === undefined ? sentenceSubject(sentence) : subject));
    }

    if (text.includes('@')) {
      for (const m of text.matchAll(/@\w{3,}/gu)) {
        const before = /((?:\p{Lu}[\p{L}-]*\s+){1,3})$/u.exec(text.slice(Math.max(0, m.index - 40), m.index));
        speakers.addHandle(m[0], before ? before[1]!.trim() : null);
      }
    }
  }

  return { speakers: speakers.found, quotes: dedupe(quotes) };
}

/** Adds a quote trimmed of edge punctuation, if enough words are left; returns whether it was kept. */
function keep(quotes: FoundQuote[], text: string, paragraph: number, speakerRef: number, kind: QuoteKind, span: Span, verb: string | null, via: string | null): boolean {
  const raw = text.slice(span.start, span.end);
  const trimmed = trimQuoteEdges(raw);
  const words = trimmed.split(/\s+/).length;
  if (words < 2 || (words < MIN_WORDS && kind !== 'direct')) return false;
  quotes.push({ speakerRef, kind, verb, via, text: trimmed, paragraph, start: span.start + raw.indexOf(trimmed) });
  return true;
}

/** People named with their role anywhere in a sentence ("organised by US Treasury Secretary Scott Bessent, …"). */
function roleMentions(sentence: string): Phrase[] {
  const found: Phrase[] = [];
  if (!ROLE_WORD.test(sentence)) return found;
  const run = /(?:[\p{Lu}@][\p{L}\p{N}'\u2019.&-]*)(?:(?:\s+(?:of|to|for|and|&|the)\s+|\s+|,\s+(?=\p{Lu}|and\s))(?:[\p{Lu}@][\p{L}\p{N}'\u2019.&-]*|and))*/gu;
  for (const m of sentence.matchAll(run)) {
    if (!ROLE_WORD.test(m[0])) continue;
    // A list ("Greer, Export-Import Bank President John Jovanovic, and …") names someone before each comma.
    const ends = [...m[0].matchAll(/,/g)].map((c) => c.index).concat(m[0].length);
    for (const end of ends) {
      const phrase = phraseBefore(m[0].slice(0, end));
      if (phrase?.type === 'person' && phrase.role && phrase.name.length > 0) found.push(phrase);
    }
  }
  return found;
}

function isWholeParagraph(q: QuoteSpan, text: string): boolean {
  return text.slice(0, q.start).trim() === '' && /^[\s.,]*$/.test(text.slice(q.end));
}

/** `,” the Minister said` / `,” said Vaishnaw` right after a quotation. */
function attributionAfter(after: string): { phrase: Phrase | null; verb: string } | null {
  const m = AFTER_NP_VERB.exec(after);
  if (m?.groups && m.groups.np!.split(/\s+/).length <= 10) {
    const phrase = phraseBefore(m.groups.np!);
    if (phrase) return { phrase, verb: m.groups.verb! };
  }
  const inv = AFTER_VERB_NP.exec(after);
  if (inv?.groups) {
    const phrase = phraseBefore(inv.groups.np!);
    if (phrase) return { phrase, verb: inv.groups.verb! };
  }
  return null;
}

/** `he said, “` or `…, stating, “` just before a quotation. */
function attributionBefore(before: string):
  | { kind: 'verb'; phrase: Phrase | null; verb: string }
  | { kind: 'participle'; verb: string }
  | null {
  const m = BEFORE_VERB.exec(before);
  if (m?.groups) {
    const phrase = phraseBefore(before.slice(0, m.index));
    if (phrase) return { kind: 'verb', phrase, verb: m.groups.verb! };
  }
  // ", adding that countries were inclined towards “…”": a participle within the last dozen words.
  const tail = before.split(/\s+/).slice(-14).join(' ');
  const p = PARTICIPLE_CUES.exec(tail);
  if (p && !/[.;]/.test(tail.slice(p.index))) return { kind: 'participle', verb: p[0] };
  return null;
}

/** The phrase a sentence opens with, after intro phrases ("Following the meeting, Vaishnaw highlighted …"). */
function sentenceSubject(sentence: string): Phrase | null {
  let s = sentence.replace(/^[\s"\u201c\u201dx]*$/, '');
  for (let i = 0; i < 3; i++) {
    const intro = /^([^,]{1,70}),\s+/u.exec(s);
    if (!intro) break;
    const first = intro[1]!.split(/\s+/)[0]!.toLowerCase();
    if (!INTRO_WORDS.has(first) && !/ing$|ed$/.test(first) && !/^\d/.test(first)) break;
    s = s.slice(intro[0].length);
  }
  const head = /^((?:[\p{Lu}@][\p{L}\p{N}'\u2019.&-]*|of|to|for|and|the|The)(?:\s+(?:[\p{Lu}@][\p{L}\p{N}'\u2019.&-]*|of|to|for|and|the))*)\s+\p{Ll}/u.exec(s);
  return head ? phraseBefore(head[1]!) : null;
}

interface Reported {
  phrase: Phrase | null;
  verb: string;
  start: number;
  end: number;
  /** The reported words contain a quotation: that quotation is the speaker's, the rest is not kept. */
  quoted: boolean;
}

/** "X said (that) …", "X urged …", "X stressed the need …", "According to X, …" in a quote-masked sentence. */
export function reportedSpeech(sentence: string): Reported[] {
  const found: Reported[] = [];
  const according = /\b[Aa]ccording to\s+([^,]{2,80}),\s+/u.exec(sentence);
  if (according) {
    const start = according.index + according[0].length;
    const end = contentEnd(sentence, start);
    if (end > start) found.push({ phrase: phraseBefore(according[1]!), verb: 'according to', start, end, quoted: QUOTE_MARK.test(sentence.slice(start, end)) });
  }
  for (const m of sentence.matchAll(CUE)) {
    const verb = m[0];
    const prefix = sentence.slice(0, m.index);
    if (/\bto\s*$/u.test(prefix)) continue; // "according to", "to add"
    const phrase = phraseBefore(prefix);
    if (!phrase) continue;
    const start = contentStart(verb, sentence, m.index + verb.length);
    if (start < 0) continue;
    const end = contentEnd(sentence, start);
    const content = sentence.slice(start, end);
    if (end <= start) continue;
    if (URGE_VERBS.has(verb) && !/^(?:\S+\s+){0,6}?to\s+\p{Ll}/u.test(content)) continue;
    if (DESCRIBE_VERBS.has(verb) && !/\sas\s/u.test(content)) continue;
    found.push({ phrase, verb: verb === 'posted' ? 'posted on X' : verb, start, end, quoted: QUOTE_MARK.test(content) });
    break; // one report per sentence: later verbs belong to the reported clause itself
  }
  return found;
}

/** Where the reported words begin after the verb, or -1 when this use of the verb reports nothing. */
function contentStart(verb: string, sentence: string, at: number): number {
  const rest = sentence.slice(at);
  if (verb === 'posted') {
    const m = /^\s+on\s+X\b(?:,)?\s+(?:that\s+)?/u.exec(rest);
    return m ? at + m[0].length : -1;
  }
  if (verb === 'told' || verb === 'tells') {
    const m = /^\s+(?:news agency\s+|reporters\s+|journalists\s+)?(?:[\p{Lu}][\p{L}.-]*\s+)*(?:that\s+)?/u.exec(rest);
    return m && m[0].trim().length > 0 ? at + m[0].length : -1;
  }
  const that = MODIFIER_THAT.exec(rest);
  if (that) return at + that[0].length;
  if (THAT_VERBS.has(verb) && !NEED_VERBS.has(verb)) return -1;
  if (NEED_VERBS.has(verb)) {
    const m = /^\s+(?=the\s+(?:need|importance|urgency|necessity|significance|value|role)\b)/u.exec(rest);
    return m ? at + m[0].length : CLAUSE_VERBS.has(verb) ? clauseStart(rest, at) : -1;
  }
  return clauseStart(rest, at);
}

function clauseStart(rest: string, at: number): number {
  const mod = MODIFIER.exec(rest);
  if (mod) return -1; // "said in a post on X, adding …": the words after the comma belong to another cue
  const m = /^\s+/u.exec(rest);
  return m ? at + m[0].length : -1;
}

function contentEnd(sentence: string, start: number): number {
  const rest = sentence.slice(start);
  const cut = END_CUT.exec(rest);
  let end = cut ? start + cut.index : sentence.length;
  while (end > start && /[\s.!?;:,]/u.test(sentence[end - 1]!)) end--;
  return end;
}

/** Within one article the same words can appear twice (a pull quote and the full post): keep the longer. */
function dedupe(quotes: FoundQuote[]): FoundQuote[] {
  const kept: { q: FoundQuote; k: string }[] = [];
  for (const q of quotes) {
    const k = matchKey(q.text);
    const same = kept.findIndex((o) => o.q.speakerRef === q.speakerRef && o.q.kind === q.kind && (o.k.includes(k) || k.includes(o.k)));
    if (same < 0) kept.push({ q, k });
    else if (k.length > kept[same]!.k.length) kept[same] = { q, k };
  }
  return kept.map((o) => o.q);
}
