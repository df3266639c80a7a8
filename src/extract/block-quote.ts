// A paragraph of someone's words set out without quotation marks under the line that introduces them.
import { type findQuotations } from '../text/quote-marks.ts';
import { introducedBy } from './direct.ts';
import { type Item, type Sentence, type State } from './sieve-state.ts';

/** Verbs that introduce words set out below them ("He said:", "she told reporters:"); "in a post:" is special.ts's. */
const BLOCK_VERBS = new Set(['said', 'says', 'told', 'tells', 'added', 'adds', 'explained', 'continued', 'replied', 'stated', 'declared', 'insisted', 'warned', 'noted', 'argued', 'stressed', 'remarked']);

/**
 * A live blog's "Poland's prime minister … has just spoken to reporters. He said:" ¶ then his words as a paragraph
 * of their own, without quotation marks: the whole paragraph is the speaker's the colon introduced.
 */
export function blockQuote(s: Sentence, si: number, spans: ReturnType<typeof findQuotations>, state: State): Item | null {
  const prev = state.sentences[si - 1];
  if (!prev || prev.paragraph !== s.paragraph - 1 || s.span.start > 1) return null;
  const before = state.paragraphs[prev.paragraph]!;
  const text = state.paragraphs[s.paragraph]!.text.trimEnd();
  if (before.heading || !/:\s*$/u.test(before.text) || spans[s.paragraph]!.some((q) => !q.single) || spans[prev.paragraph]!.length > 0) return null;
  const words = text.split(/\s+/u).length;
  if (words < 6 || words > 200 || !/[.!?]$/u.test(text)) return null;
  const intro = introducedBy(prev, state);
  if (!intro?.entity || !BLOCK_VERBS.has(intro.verb ?? '')) return null;
  return { paragraph: s.paragraph, start: 0, end: text.length, kind: 'direct', entity: intro.entity, sieve: `intro/${intro.how}`, verb: intro.verb, via: null, quote: null, strong: true, sentence: si };
}
