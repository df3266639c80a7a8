// What the sieves share while they read one article: its sentences, the items they find, and who the text is
// about at each point (the focus that "he", "it" and "the minister" refer to).
import { type Paragraph, type QuoteKind } from '../types.ts';
import { type QuoteSpan } from '../text/quote-marks.ts';
import { type Span } from '../text/sentences.ts';
import { Entities, type Entity } from './entities.ts';
import { type Found } from './special.ts';
import { type Tok } from './tokens.ts';

/** One sentence, tokenised once for both passes. */
export interface Sentence {
  paragraph: number;
  span: Span;
  toks: Tok[];
  quotes: QuoteSpan[];
}

/** A quotation or reported span a sieve found, with its speaker (null: not attributed). */
export interface Item {
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

/** Who the article is about at the current sentence, and what the sieves need to resolve a phrase. */
export interface State {
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
  /** Who last spoke "in a statement", and where: what "the statement said" refers to. */
  lastStatement: { entity: Entity; paragraph: number } | null;
  /** Two or more people who spoke in the last sentence: "he" means one of them only if the sex tells which. */
  rivals: Entity[] | null;
  /** Role words unnamed speakers went by ("an official", "a senior economist"): "the official" is one of them. */
  unnamed: Set<string>;
  sentences: Sentence[];
  paragraphs: Paragraph[];
}

/** An item for a quotation or a span of reported speech in sentence `si`. */
export function mk(s: Sentence, si: number, q: QuoteSpan | null, span: Span, entity: Entity | null, sieve: string, verb: string | null, via: string | null, kind: QuoteKind, strong: boolean): Item {
  return { paragraph: s.paragraph, start: span.start, end: span.end, kind, entity, sieve, verb, via, quote: q, strong, sentence: si };
}

/** An item from a special form (transcript turn, pull quote, headline, embedded post). */
export function fromFound(f: Found, sentences: Sentence[]): Item {
  const si = Math.max(0, sentences.findIndex((s) => s.paragraph === f.paragraph && s.span.end >= f.start));
  return { paragraph: f.paragraph, start: f.start, end: f.end, kind: f.kind, entity: f.entity, sieve: f.sieve, verb: f.verb, via: null, quote: null, strong: true, sentence: si };
}

/** Words with a letter or digit in them (counting stops at `atMost`). */
export function wordCount(text: string, atMost = Infinity): number {
  let n = 0;
  let inWord = false;
  let hasLetter = false;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === undefined || c.charCodeAt(0) <= 32 || c === '\u00a0' || c === '\u2009' || c === '\u202f') {
      if (inWord && hasLetter && ++n >= atMost) return n;
      inWord = false;
      hasLetter = false;
    } else {
      inWord = true;
      if (!hasLetter && LETTER_OR_DIGIT.test(c)) hasLetter = true;
    }
  }
  return n;
}
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
