// Platform-neutral wording shared by every renderer: how a reported statement, a citation, a briefing, a page and a list read.
// Adapters add their own formatting and escaping on top; the words stay the same everywhere.
import type { Answer, Citation, Digest, Excerpt, GroundedSummary, Quote, Source, Speaker, Story } from './types.ts';
import type { SourceRecord } from './state/state.ts';
import type { WatchRef } from './alerts/match.ts';

/** What the bot calls itself: an answer's heading when there is nothing better, and the help's title. */
export const BOT_NAME = 'briefbot';

/**
 * How every renderer labels an unattributed quotation: words an article prints in quotation marks without saying
 * who spoke them. They are never anyone's statement in a speaker's answer or a briefing.
 */
export const UNATTRIBUTED = 'unattributed \u2014 the article does not say who said this';

const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name as any output shows it: a name with a line break, another control character or a bidirectional
 * override (which can make "gpj.exe" read as "exe.jpg") is shown quoted, with those characters escaped.
 */
export function fileName(name: string): string {
  if (!HIDDEN.test(name)) return name;
  return JSON.stringify(name).replace(BIDI, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

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
  return a.speaker ?? (asked && a.question.trim() ? a.question : BOT_NAME);
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
  const name = c.outlet ?? c.title ?? fileName(c.file);
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

/** The channel note a quote's by-line carries: none when the reporting verb already says it ("posted on X"). */
export function bylineNote(q: Pick<Quote, 'via' | 'kind' | 'verb'>): string | null {
  return q.verb?.endsWith('on X') ? null : channelNote(q);
}

/** How a by-line marks reported speech (the words are the article's paraphrase, not a verbatim quotation). */
export const REPORTED = 'reported';

/**
 * How a quote's other versions are introduced after its own citations: a shorter excerpt of it ("also in part"),
 * or the same statement as another article words it ("also worded slightly differently").
 */
export function excerptIntro(e: Pick<Excerpt, 'partial'>): string {
  return e.partial ? 'also in part' : 'also worded slightly differently';
}

/**
 * A platform's text type: a renderer that brands its escaped text (SlackText, DiscordText) passes its escape, and
 * these compose words and already-escaped pieces without un-branding them. Plain text needs no escape.
 */
type Escape<T extends string> = (words: string) => T;
const asIs = <T extends string>(words: string) => words as T;

/** "also in part: IANS, 13 Jan 2026": an excerpt's introduction and its citations, already formatted and escaped. */
export function excerptLine<T extends string = string>(e: Pick<Excerpt, 'partial'>, citations: T, escape: Escape<T> = asIs): T {
  return `${escape(excerptIntro(e))}: ${citations}` as T;
}

/** "and 3 more articles": the articles carrying a quote beyond those cited (see unlistedArticles). */
export function moreArticles(n: number): string {
  return `and ${plural(n, 'more article', 'more articles')}`;
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

/** "Reported by 3 outlets (…) in 5 articles · 13 Jan 2026": the line that closes a story in a briefing. */
export function storyFooter(s: Pick<Story, 'outlets' | 'citations' | 'date'>): string {
  return `${reach(s)}${s.date ? ` \u00b7 ${formatDate(s.date)}` : ''}`;
}

/** The labels of a story's figures and next steps in a briefing. */
export const FIGURES = 'Figures';
export const NEXT_STEP = 'Next';

/** How a machine-written summary is introduced: labelled as such, pointing at the quotes as the record. */
export const SUMMARY_LABEL = 'Summary, AI-written from the quotes below (the quotes are the record)';

/** The same label over a briefing's machine-written lead, which rests on the stories. */
export const DIGEST_SUMMARY_LABEL = 'Summary, AI-written from the stories below (the quotes are the record)';

/** A grounded summary's sentences, each followed by the numbers of the quotes it rests on ("[1, 3]"). */
export function summaryLines(summary: GroundedSummary, quotes: Pick<Quote, 'id'>[], offset = 0): string[] {
  return summary.sentences.map((s) => {
    const refs = s.quoteIds.map((id) => quotes.findIndex((q) => q.id === id)).filter((i) => i >= 0).map((i) => offset + i + 1);
    return refs.length ? `${s.text} [${refs.join(', ')}]` : s.text;
  });
}

/** "3 stories", "1 story". */
function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A moment a briefing counts from, to the minute: "2026-01-13 08:00 UTC" (from an ISO timestamp, which is UTC). */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * What a briefing covers: what arrived "since 2026-01-13 08:00 UTC", a news day ("13 Jan 2026"), or, when no
 * article has a date, "undated articles".
 */
export function briefingWindow(d: Pick<Digest, 'since' | 'date'>): string {
  return d.since ? `since ${utcMinute(d.since)}` : d.date ? formatDate(d.date) : 'undated articles';
}

/** A briefing's heading: "Briefing — 13 Jan 2026". */
export function briefingTitle(d: Pick<Digest, 'since' | 'date'>): string {
  return `Briefing \u2014 ${briefingWindow(d)}`;
}

/** "6 stories from 14 articles": every story found (shown or not) and the articles they came from. */
export function briefingCount(d: Pick<Digest, 'stories' | 'more' | 'articleCount'>): string {
  return `${plural(d.stories.length + d.more, 'story', 'stories')} from ${plural(d.articleCount, 'article')}`;
}

/** "…and 3 more stories": stories a briefing found but does not show. */
export function moreStories(n: number): string {
  return `\u2026and ${plural(n, 'more story', 'more stories')}`;
}

/** The whole briefing when it has no stories: nothing new since the last one, or nothing at all. */
export function nothingNew(since: string | null): string {
  return since ? `Nothing new since the last briefing (${utcMinute(since)}).` : 'Nothing new to report.';
}

/** The label of the button for an answer's next page: "More quotes (11–20 of 34)". */
export function moreQuotesLabel(next: number, total: number, pageSize: number): string {
  return `More quotes (${next + 1}\u2013${Math.min(total, next + pageSize)} of ${total})`;
}

/** Which of an answer's quotes a page shows: "Quotes 11–20 of 34" (`from` and `to` count from 1). */
export function quotesShown(from: number, to: number, total: number): string {
  return `Quotes ${from}\u2013${to} of ${total}`;
}

/** The heading over an answer's passages; `emphasis` formats its first words for the platform (bold, say). */
export function fromTheReporting<T extends string = string>(emphasis: Escape<T> = asIs, escape: Escape<T> = asIs): T {
  return `${emphasis('From the reporting')}${escape(' (not anyone\u2019s statement)')}` as T;
}

/** "Also matching: Scott Bessent, Scott Morrison": other speakers a question could mean, already escaped. */
export function alsoMatching<T extends string = string>(names: T, escape: Escape<T> = asIs): T {
  return `${escape('Also matching: ')}${names}` as T;
}

/** A list of indexed articles' title: "1,234 indexed articles (the latest 20)". */
export function sourcesTitle(shown: number, total: number): string {
  return `${total.toLocaleString('en')} indexed article${total === 1 ? '' : 's'}${total > shown ? ` (the latest ${shown})` : ''}`;
}

/** What a list of articles says about one: "IANS · 13 Jan 2026 · 4 quotes · 6 reader comments (not indexed as statements)". */
export function sourceDetails(s: Pick<Source, 'outlet' | 'date' | 'quotes' | 'comments'>): string {
  const facts = [s.outlet ?? 'outlet unknown', s.date ? formatDate(s.date) : 'undated', plural(s.quotes, 'quote')];
  if (s.comments) facts.push(`${plural(s.comments, 'reader comment')} (not indexed as statements)`);
  return facts.join(' \u00b7 ');
}

/** The heading over files a sync could not index. */
export const SKIPPED_FILES = 'Skipped files';

/** "14 quotes in 4 articles": how much of a speaker the index holds. */
export function quotesInArticles(s: Pick<Speaker, 'quotes' | 'articles'>): string {
  return `${plural(s.quotes, 'quote')} in ${plural(s.articles, 'article')}`;
}

/** The heading over the polled sources: "2 polled sources". */
export function polledTitle(n: number): string {
  return `${plural(n, 'polled source')}`;
}

/** What a list of polled sources says of one: "feed · 42 articles · fetched 4 Dec 2026 09:12 UTC: ok · next 09:27 UTC". */
export function polledDetails(s: Pick<SourceRecord, 'kind' | 'items' | 'lastFetchAt' | 'lastStatus' | 'nextFetchAt' | 'lastError' | 'failures'>): string {
  const facts = [s.kind ?? 'not fetched yet', plural(s.items, 'article')];
  if (s.lastFetchAt) facts.push(`fetched ${utcMinute(s.lastFetchAt)}: ${s.lastStatus === 'not-modified' ? 'unchanged' : s.lastStatus === 'error' ? `failed${s.failures > 1 ? ` (${s.failures} times in a row)` : ''}` : 'ok'}`);
  facts.push(`next ${utcMinute(s.nextFetchAt)}`);
  if (s.lastError) facts.push(`last error: ${s.lastError}`);
  return facts.join(' \u00b7 ');
}

/** How an alert names a watch: a speaker as typed ("Bessent"), a phrase in quotation marks ("“rare earths”"). */
export function watchLabel(w: Pick<WatchRef, 'kind' | 'term'>): string {
  return w.kind === 'phrase' ? `\u201c${w.term}\u201d` : w.term;
}

/**
 * An alert's heading, naming the watches its quote matched: "Bessent was quoted", "New quote saying “rare earths”",
 * or both: "Bessent was quoted, saying “rare earths”".
 */
export function alertTitle(watches: readonly Pick<WatchRef, 'kind' | 'term'>[]): string {
  const speakers = watches.filter((w) => w.kind === 'speaker').map(watchLabel);
  const phrases = watches.filter((w) => w.kind === 'phrase').map(watchLabel);
  const saying = phrases.join(' and ');
  if (speakers.length === 0) return `New quote saying ${saying}`;
  return `${speakers.join(' / ')} was quoted${phrases.length ? `, saying ${saying}` : ''}`;
}

/** A grouped alert's heading: "8 new quotes for this channel's watches: Bessent, “rare earths”". */
export function burstTitle(quotes: number, watches: readonly Pick<WatchRef, 'kind' | 'term'>[]): string {
  return `${plural(quotes, 'new quote')} for this channel\u2019s watches: ${watches.map(watchLabel).join(', ')}`;
}

/** "…and 3 more quotes": quotes of a grouped alert the platform's limits left out. */
export function moreAlertQuotes(n: number): string {
  return `\u2026and ${plural(n, 'more quote')} (ask "what did \u2026 say?" for them all)`;
}
