// What the model sees: an answer's quotes and passages, or a digest's stories and quotes, each under a short id
// ("q1", "p1", "s1"), as JSON data. The same ids let grounding check each summary sentence against its sources.
import type { Answer, Digest, Quote, QuoteKind } from '../types.ts';
import { UNATTRIBUTED } from '../present.ts';

export type Source =
  | { kind: 'quote'; quoteId: number; quoteKind: QuoteKind; text: string }
  | { kind: 'passage'; index: number }
  | { kind: 'story'; index: number };

export interface Material {
  /** The user message's JSON. */
  data: Record<string, unknown>;
  sources: Map<string, Source>;
}

/** A very long statement is cut for the prompt (cost stays bounded); grounding still checks against the full text. */
const MAX_TEXT = 1500;

export function answerMaterial(answer: Answer): Material {
  const sources = new Map<string, Source>();
  const quotes = answer.quotes.map((q) => quoteData(q, sources));
  const passages = answer.passages.map((p, index) => {
    const id = `p${index + 1}`;
    sources.set(id, { kind: 'passage', index });
    return { id, text: clip(p.text), outlet: p.citation.outlet, title: p.citation.title, date: p.citation.date };
  });
  return { data: { question: answer.question, quotes, passages }, sources };
}

export function digestMaterial(digest: Digest): Material {
  const sources = new Map<string, Source>();
  const stories = digest.stories.map((s, index) => {
    const id = `s${index + 1}`;
    sources.set(id, { kind: 'story', index });
    return {
      id, headline: s.headline, date: s.date, outlets: s.outlets, articles: s.citations.length,
      summary: s.summary, figures: s.figures, next: s.next, quotes: s.quotes.map((q) => quoteData(q, sources)),
    };
  });
  // Only content: the same stories give the same input (and one cached call) whatever channel or `since` asked.
  return { data: { date: digest.date, stories }, sources };
}

/** A quote as data, registered under the next q-id (the same id when a quote recurs). */
function quoteData(q: Quote, sources: Map<string, Source>) {
  let id = [...sources].find(([, s]) => s.kind === 'quote' && s.quoteId === q.id)?.[0];
  if (!id) {
    id = `q${[...sources.values()].filter((s) => s.kind === 'quote').length + 1}`;
    sources.set(id, { kind: 'quote', quoteId: q.id, quoteKind: q.kind, text: q.text });
  }
  const outlets = [...new Set(q.citations.map((c) => c.outlet).filter((o): o is string => o !== null))];
  const dates = q.citations.map((c) => c.date).filter((d): d is string => d !== null).sort();
  // An unattributed quotation goes to the model labelled as such, so no sentence can give it a speaker.
  return { id, speaker: q.speaker ?? UNATTRIBUTED, role: q.role, kind: q.kind, verb: q.verb, via: q.via, text: clip(q.text), outlets, date: dates[dates.length - 1] ?? null };
}

function clip(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  const cut = text.slice(0, MAX_TEXT);
  return `${cut.slice(0, cut.lastIndexOf(' '))} …`;
}
