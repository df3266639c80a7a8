// Platform-neutral wording shared by every adapter: how a reported statement and a citation read.
// Adapters add their own formatting and escaping on top; the words stay the same everywhere.
import type { Answer, Citation, GroundedSummary, Quote, Story } from './types.ts';

/**
 * How every renderer labels an unattributed quotation: words an article prints in quotation marks without saying
 * who spoke them. They are never anyone's statement in a speaker's answer or a briefing.
 */
export const UNATTRIBUTED = 'unattributed \u2014 the article does not say who said this';

/** Who said a quote, as its by-line reads: "Scott Bessent, US Treasury Secretary", or the unattributed label. */
export function quoteSpeaker(q: Pick<Quote, 'speaker' | 'role'>): string {
  if (q.speaker === null) return UNATTRIBUTED;
  return q.role ? `${q.speaker}, ${q.role}` : q.speaker;
}

/** "Scott Bessent (US Treasury Secretary)" for an answer's first line; the same label when unattributed. */
export function namedWithRole(q: Pick<Quote, 'speaker' | 'role'>): string {
  if (q.speaker === null) return UNATTRIBUTED;
  return q.role ? `${q.speaker} (${q.role})` : q.speaker;
}

/**
 * An answer's heading on every platform: the speaker found, else what was asked (an open question, who said some
 * words, or a speaker nobody quoted), else the bot's name.
 */
export function answerTitle(a: Pick<Answer, 'speaker' | 'kind' | 'question'>): string {
  const asked = a.kind === 'open' || a.kind === 'who-said' || a.kind === 'unknown-speaker';
  return a.speaker ?? (asked && a.question.trim() ? a.question : 'briefbot');
}

/** Where a speaker's answer turns from quotes on the topic to the rest of what they said. */
export const OTHER_SUBJECTS = 'On other subjects';

const NO_THAT = new Set(['urged', 'described', 'according to']);
const ORG = /\b(?:Treasury|Agency|Ministry|Department|Bank|Fund|Council|Commission|Office|Organi[sz]ation|Institute|Association|Federation|Nations|Reserve|Board|Authority|Government|Administration)\b/;

/** The full stop a reported statement is closed with, unless its own words already end a sentence. */
export function reportedEnd(text: string): string {
  return /[.!?\u2026]["'\u201d\u2019)]*$/u.test(text) ? '' : '.';
}

/**
 * The words that introduce a reported statement: "Scott Bessent said that", "According to Ashwini Vaishnaw,".
 * Only `quote.text` comes from the article; this lead is ours and must be shown as such (not inside quote marks).
 */
export function reportedLead(q: Pick<Quote, 'speaker' | 'verb' | 'text'>): string {
  const verb = q.verb ?? 'said';
  // Reported speech without a named speaker: nobody is named here either.
  const speaker = q.speaker ?? 'An unnamed speaker';
  if (verb === 'according to') return q.speaker === null ? 'According to an unnamed speaker,' : `According to ${ORG.test(speaker) ? 'the ' : ''}${speaker},`;
  const needsThat = !NO_THAT.has(verb) && !/^(?:the\s+(?:need|importance|urgency|necessity|significance|value|role)|that)\b/i.test(q.text);
  return `${speaker} ${verb}${needsThat ? ' that' : ''}`;
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
