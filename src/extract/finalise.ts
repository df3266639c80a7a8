// From sieve items to the article's quotes: text trimmed to the marks, fragments and labels dropped, a page cut
// off mid-sentence kept only to its last full sentence, the same words for one speaker kept once.
import { type FoundQuote } from '../types.ts';
import { trimQuoteEdges } from '../text/normalize.ts';
import { type Item, type Sentence, wordCount } from './sieve-state.ts';
import { isLabel } from './direct.ts';

/** "Quote:", "Statement:" before a quotation: a label, not a speaker. */
export const LABEL_PREFIX = /^\s*(?:quote|statement|comment|he said|she said)\s*:\s*$/iu;

/** An unattributed quotation shorter than this is more likely a scare quote than a statement. */
const MIN_UNATTRIBUTED_WORDS = 4;

/** Letters and digits, lowercased: enough to see the same words twice within one article. */
const looseKey = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Trims edges, applies the filters (scare quotes, titles, one-word quotations), keeps each statement once. */
export function finalise(items: Item[], texts: string[], sentences: Sentence[]): FoundQuote[] {
  const out: FoundQuote[] = [];
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
    const words = wordCount(text, MIN_UNATTRIBUTED_WORDS);
    if (it.quote) {
      if (words < 2) continue;
      if (!it.strong && (words < 2 || isTitleCase(text))) continue;
      if (!it.entity && !it.quote.closed && !it.quote.continues && !it.quote.continued) continue;
      if (!it.entity && (words < MIN_UNATTRIBUTED_WORDS || isTitleCase(text) || isLabel(texts[it.paragraph]!.slice(Math.max(0, it.start - 61), it.start - 1)))) continue;
    } else if (words < 3) continue;
    const start = it.start + raw.indexOf(text);
    const id = `${it.paragraph}:${start}:${text.length}:${it.kind === 'reported' ? 'r' : 'd'}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ speakerRef: it.entity?.ref ?? null, sieve: it.entity ? it.sieve : 'none', kind: it.kind, verb: it.verb, via: it.via, text, paragraph: it.paragraph, start, context: contextOf(it, sentences) });
  }
  // The same words twice for one speaker (a pull quote and the full post): keep the longer. Keys are worked out
  // only for quotes that share a speaker and a kind with another.
  const sizes = new Map<string, number>();
  for (const q of out) sizes.set(groupOf(q), (sizes.get(groupOf(q)) ?? 0) + 1);
  const kept: FoundQuote[] = [];
  const keys: string[] = [];
  for (const q of out) {
    const k = sizes.get(groupOf(q)) === 1 ? '' : looseKey(q.text);
    const same = k ? kept.findIndex((o, i) => o.speakerRef === q.speakerRef && (o.kind === 'reported') === (q.kind === 'reported') && keys[i] !== '' && (keys[i]!.includes(k) || k.includes(keys[i]!))) : -1;
    if (same < 0) { kept.push(q); keys.push(k); }
    else if (k.length > keys[same]!.length) { kept[same] = q; keys[same] = k; }
  }
  return kept;
}

/** Quotes that can repeat one another: the same speaker, and both reported or both not. */
const groupOf = (q: FoundQuote) => `${q.speakerRef}:${q.kind === 'reported'}`;

/** "Liberation Day", "Make America Great Again": a title or a slogan, not a statement. */
function isTitleCase(text: string): boolean {
  return text.split(/\s+/).every((w) => /^[\p{Lu}\p{N}\W]/u.test(w) || /^(?:of|the|and|for|to|in|on|a|an|at|by|with|from|as|over|into|vs|or)$/.test(w));
}

/** The sentence an item stands in, widened to the item when it runs past it (a quotation over several sentences). */
function contextOf(it: Item, sentences: Sentence[]): { start: number; end: number } {
  const s = sentences[it.sentence];
  if (!s || s.paragraph !== it.paragraph) return { start: it.start, end: it.end };
  return { start: Math.min(s.span.start, it.start), end: Math.max(s.span.end, it.end) };
}
