// The part of a matching paragraph worth showing: its best sentence or two, verbatim.
import { splitSentences } from '../text/sentences.ts';

const MAX_CHARS = 420;

/** Words match on their first five letters, close enough to FTS5's Porter stems for choosing sentences. */
const stem = (w: string) => w.toLowerCase().slice(0, 5);

export function bestSentences(paragraph: string, terms: string[]): string {
  const wanted = new Set(terms.map(stem));
  const sentences = splitSentences(paragraph).map((s) => paragraph.slice(s.start, s.end));
  if (sentences.length <= 1) return clip(paragraph);
  const score = (s: string) => new Set(s.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(stem).filter((w) => wanted.has(w))).size;
  let best = 0;
  sentences.forEach((s, i) => { if (score(s) > score(sentences[best]!)) best = i; });
  let text = sentences[best]!;
  const next = sentences[best + 1];
  if (next && text.length + next.length < MAX_CHARS && score(next) > 0) text = `${text} ${next}`;
  return clip(text);
}

/** Cuts at a word boundary; the shown text stays a verbatim prefix of the passage. */
function clip(text: string): string {
  if (text.length <= MAX_CHARS) return text;
  const cut = text.slice(0, MAX_CHARS);
  return cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '');
}
