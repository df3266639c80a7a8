// Finds who said what in one article, in sieves from the most precise to the least (after Muzny et al. 2017 and
// CoreNLP's quote attribution): a quotation's own attribution right after or before it, the subject of the verb
// that introduces it, reported speech around a reporting verb, then continuations of the same speaker. Each quote
// records the sieve that fired. When no sieve is sure, a quotation stays unattributed: a wrong speaker is worse
// than none. Written by hand because no JavaScript library attributes quotations in news text.
import { type FoundQuote, type Paragraph } from '../types.ts';
import { findQuotations, maskQuotes } from '../text/quote-marks.ts';
import { splitSentences } from '../text/sentences.ts';
import { Entities } from './entities.ts';
import { embeddedPosts, headlineQuotes, pullQuoteLines } from './special.ts';
import { findTranscript } from './transcript.ts';
import { tokenize } from './tokens.ts';
import { registerMentions } from './register.ts';
import { dropNicknames, type Nickname } from './nicknames.ts';
import { fromFound, type Item, type Sentence, type State } from './sieve-state.ts';
import { noteUnnamed, updateFocus } from './resolve-mention.ts';
import { attributeSentence, closeAtAttribution } from './direct.ts';
import { blockQuote } from './block-quote.ts';
import { continuations } from './continuations.ts';
import { finalise } from './finalise.ts';

export interface Extraction {
  speakers: ReturnType<Entities['found']>;
  quotes: FoundQuote[];
}

/** Every quote in an article's paragraphs, each with its speaker or none; reader comments are never passed in. */
export function extractQuotes(paragraphs: Paragraph[]): Extraction {
  const texts = paragraphs.map((p) => p.text);
  const spans = findQuotations(texts);
  const ents = new Entities();
  const sentences: Sentence[] = [];
  const nicknames: Nickname[] = [];
  paragraphs.forEach((p, pi) => {
    const own = spans[pi]!;
    // Headings (menus, headlines, captions) are read only by the special forms, from their text: one span, no tokens.
    if (p.heading) {
      sentences.push({ paragraph: pi, span: { start: 0, end: p.text.length }, toks: [], quotes: own });
      return;
    }
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
  const state: State = { ents, focus: null, focusParagraph: -1, focusOrg: null, lastSubject: null, lastStatement: null, rivals: null, unnamed: new Set(), sentences, paragraphs, focusAt: [], lead };
  const transcript = findTranscript(paragraphs, ents);

  const blocks = new Set<number>();
  sentences.forEach((s, si) => {
    const p = paragraphs[s.paragraph]!;
    state.focusAt[si] = state.focus && state.focusParagraph >= s.paragraph - 2 ? state.focus : null;
    if (p.heading || blocks.has(s.paragraph)) return;
    const block = blockQuote(s, si, spans, state);
    if (block) {
      blocks.add(s.paragraph);
      items.push(block);
      updateFocus(s, [block], state);
      return;
    }
    if (transcript.has(s.paragraph)) {
      // A turn that quotes or reports someone it names ("As the Finance Minister, X, said, “…”"): that sentence is
      // theirs, and no longer the turn speaker's.
      const turn = transcript.speakerAt(s.paragraph);
      const theirs = attributeSentence(s, si, state).filter((f) => f.entity && f.entity !== turn && f.sieve.endsWith('/name'));
      if (theirs.length > 0) { items.push(...theirs); transcript.carve(s.paragraph, s.span); }
      return;
    }
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
  return { speakers: ents.found(), quotes: finalise(items, texts, sentences) };
}

const CAPTION = /\((?:photo|image|file photo|pictured)\b|\[photo\]|\bphoto(?:graph)?\s*:|\b(?:REUTERS|AFP|AP|EPA|Getty Images|Bloomberg)\/|\bphoto by\b|\bimage credit\b/iu;

/**
 * The lead: the first paragraph of prose. A site name or a label line is not prose, and neither is a standfirst,
 * which a byline or a dateline follows.
 */
function leadOf(paragraphs: Paragraph[]): number {
  // A headline the page did not mark as one ("(LEAD) KAI signs deal to export 12 more jets") ends with no full stop.
  // A photo caption ("… (Photo by Rina Wulandari)", "REUTERS/Ahmad Fauzi") is no lead either.
  const prose = (p: Paragraph | undefined) => p !== undefined && !p.heading && p.text.split(/\s+/).length >= 12 && /[.!?:"\u201d\u2019)\]]\s*$/u.test(p.text) && !CAPTION.test(p.text);
  const first = paragraphs.findIndex((p, i) => prose(p) && !(i < 8 && (paragraphs[i + 1]?.heading || paragraphs[i + 2]?.heading)));
  return Math.max(0, first >= 0 ? first : paragraphs.findIndex((p) => prose(p)));
}
