// The rules a summary sentence must pass to be shown, checked in code whatever the model (or an article) said:
// it cites at least one given id and only given ids, and anything it puts in quotation marks is verbatim in a cited
// direct quote or statement. Reported speech is a reporter's paraphrase, so it is never quotable.
import { collapseWhitespace, occursVerbatim, trimQuoteEdges, verbatimForm } from '../text/normalize.ts';
import type { Source } from './sources.ts';
import type { GroundedSentence } from '../types.ts';

export interface ModelSentence {
  sentence: string;
  ids: string[];
}


export interface Grounded {
  kept: GroundedSentence[];
  dropped: { sentence: string; reason: string }[];
}

/** Longer than this is not a summary sentence but a dump of the sources. */
const MAX_SENTENCE = 500;

export function ground(sentences: ModelSentence[], sources: Map<string, Source>, max: number): Grounded {
  const out: Grounded = { kept: [], dropped: [] };
  for (const s of sentences) {
    const text = collapseWhitespace(s.sentence);
    const ids = [...new Set(s.ids.map((id) => id.trim()))];
    const reason = check(text, ids, sources);
    if (reason) {
      out.dropped.push({ sentence: text, reason });
      continue;
    }
    if (out.kept.length >= max) {
      out.dropped.push({ sentence: text, reason: `more than ${max} sentences` });
      continue;
    }
    const cited = ids.map((id) => sources.get(id)!);
    out.kept.push({
      text,
      quoteIds: cited.flatMap((c) => (c.kind === 'quote' ? [c.quoteId] : [])),
      passages: cited.flatMap((c) => (c.kind === 'passage' ? [c.index] : [])),
      stories: cited.flatMap((c) => (c.kind === 'story' ? [c.index] : [])),
    });
  }
  return out;
}

/** Why the sentence must go, or null when it passes. */
function check(text: string, ids: string[], sources: Map<string, Source>): string | null {
  if (!/[\p{L}\p{N}]/u.test(text)) return 'is empty';
  if (text.length > MAX_SENTENCE) return `is longer than ${MAX_SENTENCE} characters`;
  if (ids.length === 0) return 'cites no source';
  const unknown = ids.find((id) => !sources.has(id));
  if (unknown !== undefined) return `cites "${unknown}", which it was not given`;
  const spans = quotedSpans(text);
  if (spans === null) return 'has an unmatched quotation mark';
  const quotable = ids.flatMap((id) => {
    const s = sources.get(id)!;
    return s.kind === 'quote' && s.quoteKind !== 'reported' ? [s.text] : [];
  });
  const invented = spans.find((span) => !quotable.some((q) => verbatimIn(span, q)));
  return invented === undefined ? null : `quotes "${invented}", which is not verbatim in a direct quote or statement it cites`;
}

const DOUBLE = [/"([^"]*)"/g, /\u201c([^\u201c\u201d]*)\u201d/g, /\u00ab([^\u00ab\u00bb]*)\u00bb/g];
// Single marks double as apostrophes ("Bessent’s"), so only spans of three or more words count as quotations.
const SINGLE = [/\u2018(.+?)\u2019(?![\p{L}\p{N}])/gu, /(?<![\p{L}\p{N}])'(.+?)'(?![\p{L}\p{N}])/gu];
const MIN_SINGLE_WORDS = 3;

/** The spans a sentence puts in quotation marks; null when a double quotation mark is left unmatched. */
export function quotedSpans(sentence: string): string[] | null {
  const spans: string[] = [];
  let rest = sentence;
  for (const re of DOUBLE) {
    rest = rest.replace(re, (_, span: string) => {
      spans.push(span);
      return ' ';
    });
  }
  if (/["\u201c\u201d\u00ab\u00bb\u201e]/.test(rest)) return null;
  for (const re of SINGLE) {
    rest = rest.replace(re, (whole: string, span: string) => {
      if (span.trim().split(/\s+/).length < MIN_SINGLE_WORDS) return whole;
      spans.push(span);
      return ' ';
    });
  }
  return spans;
}

/**
 * True when `span` occurs verbatim in `text` in briefbot's sense (occursVerbatim), ignoring edge punctuation.
 * An ellipsis ("…", "...", "[…]") may stand for omitted words: the parts must then occur in order.
 */
export function verbatimIn(span: string, text: string): boolean {
  const parts = span.split(/\s*(?:\[(?:\u2026|\.\.\.)\]|\u2026|\.\.\.)\s*/).map(trimQuoteEdges).filter((p) => /[\p{L}\p{N}]/u.test(p));
  if (parts.length === 0) return true; // "" or "…" quotes nothing
  if (parts.length === 1) return occursVerbatim(parts[0]!, text);
  const hay = verbatimForm(text);
  let from = 0;
  for (const part of parts) {
    const needle = verbatimForm(part);
    const at = hay.indexOf(needle, from);
    if (at < 0) return false;
    from = at + needle.length;
  }
  return true;
}
