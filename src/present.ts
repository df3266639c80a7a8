// Platform-neutral wording shared by every adapter: how a reported statement and a citation read.
// Adapters add their own formatting and escaping on top; the words stay the same everywhere.
import type { Citation, GroundedSummary, Quote, Story } from './types.ts';

const NO_THAT = new Set(['urged', 'described', 'according to']);
const ORG = /\b(?:Treasury|Agency|Ministry|Department|Bank|Fund|Council|Commission|Office|Organi[sz]ation|Institute|Association|Federation|Nations|Reserve|Board|Authority|Government|Administration)\b/;

/**
 * The words that introduce a reported statement: "Scott Bessent said that", "According to Ashwini Vaishnaw,".
 * Only `quote.text` comes from the article; this lead is ours and must be shown as such (not inside quote marks).
 */
export function reportedLead(q: Pick<Quote, 'speaker' | 'verb' | 'text'>): string {
  const verb = q.verb ?? 'said';
  if (verb === 'according to') return `According to ${ORG.test(q.speaker) ? 'the ' : ''}${q.speaker},`;
  const needsThat = !NO_THAT.has(verb) && !/^(?:the\s+(?:need|importance|urgency|necessity|significance|value|role)|that)\b/i.test(q.text);
  return `${q.speaker} ${verb}${needsThat ? ' that' : ''}`;
}

/** "IANS, 13 Jan 2026": outlet (or title, or file) and date. */
export function citationLabel(c: Citation): string {
  const name = c.outlet ?? c.title ?? c.file;
  return c.date ? `${name}, ${formatDate(c.date)}` : name;
}

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][(m ?? 1) - 1];
  return `${d} ${month} ${y}`;
}

/** "in a post on X", "in a statement", or nothing. */
export function channelNote(q: Pick<Quote, 'via' | 'kind'>): string | null {
  if (q.via === 'X') return 'in a post on X';
  if (q.kind === 'statement') return 'in a statement';
  return null;
}

/** How many more articles carry a quote than its citations and excerpts list. */
export function unlistedArticles(q: Pick<Quote, 'citations' | 'excerpts' | 'articles'>): number {
  return Math.max(0, q.articles - q.citations.length - q.excerpts.reduce((n, e) => n + e.citations.length, 0));
}

/** "Reported by 3 outlets (IANS, ANI, Times of India) in 5 articles". */
export function reach(s: Pick<Story, 'outlets' | 'citations'>): string {
  const outlets = s.outlets.length ? `${s.outlets.length} outlet${s.outlets.length === 1 ? '' : 's'} (${s.outlets.join(', ')})` : 'unnamed outlets';
  return `Reported by ${outlets} in ${s.citations.length} article${s.citations.length === 1 ? '' : 's'}`;
}

/** How a machine-written summary is introduced: labelled as such, pointing at the quotes as the record. */
export const SUMMARY_LABEL = 'Summary, AI-written from the quotes below (the quotes are the record)';

/** A grounded summary's sentences, each followed by the numbers of the quotes it rests on ("[1, 3]"). */
export function summaryLines(summary: GroundedSummary, quotes: Pick<Quote, 'id'>[], offset = 0): string[] {
  return summary.sentences.map((s) => {
    const refs = s.quoteIds.map((id) => quotes.findIndex((q) => q.id === id)).filter((i) => i >= 0).map((i) => offset + i + 1);
    return refs.length ? `${s.text} [${refs.join(', ')}]` : s.text;
  });
}
