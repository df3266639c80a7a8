// The morning briefing: what is new, one story per event, each with what happened, who said what, the figures
// and what comes next — all verbatim from the articles, nothing generated.
import type { Digest, Story } from '../types.ts';
import type { DigestArticleRow, Store } from '../store/store.ts';
import { citationOf } from '../answer/assemble.ts';
import { buildQuotes, SpeakerCache } from '../answer/build.ts';
import { figures, sentencesOf, summarise, whatNext } from './highlights.ts';
import { groupStories } from './stories.ts';
import { digestText } from './text.ts';

export interface DigestOptions {
  /** A news day (YYYY-MM-DD); default: the newest in the corpus. */
  date?: string;
  /**
   * Instead of a day: the articles indexed after the last briefing. `articleId` is where it stopped (articles are
   * numbered as they arrive, so no clock can disagree); `at` is when it was made, for the reader.
   */
  since?: { articleId: number; at: string };
  /** Stories shown; a busier day ends with "and N more stories". */
  maxStories?: number;
}

/** The paragraphs a story's summary is taken from: where each article says what happened. */
const OPENING_PARAGRAPHS = 6;

/** Articles a story's summary, figures and next steps are taken from, at most. */
const WRITE_UP_ARTICLES = 40;

/** Articles considered for one digest, at most: a safety bound, far above any real day. */
const MAX_ARTICLES = 5000;

export async function composeDigest(store: Store, options: DigestOptions = {}): Promise<Digest> {
  const maxStories = options.maxStories ?? 5;
  const latest = await store.latestNewsDay();
  const date = options.since ? null : (options.date ?? latest);
  const rows = options.since
    ? await store.digestArticles({ afterArticleId: options.since.articleId }, MAX_ARTICLES)
    : date || latest === null
      ? await store.digestArticles({ date: date ?? '', includeUndated: date === latest }, MAX_ARTICLES)
      : [];
  const speakers = new SpeakerCache(store);
  const weight = new Map(groupStories(rows).map((g) => [g, importance(g)]));
  const groups = [...weight.keys()].sort((a, b) => weight.get(b)! - weight.get(a)! || firstId(a) - firstId(b));
  // Only the stories shown are written up; the rest are counted.
  const shown = await Promise.all(groups.slice(0, maxStories).map((group) => story(store, speakers, group)));
  const digest = { date, since: options.since?.at ?? null, stories: shown, more: Math.max(0, groups.length - shown.length), articleCount: rows.length };
  return { ...digest, text: digestText(digest) };
}

/** More articles and more outlets make a bigger story; quotes from the people involved make it a briefing one. */
function importance(group: DigestArticleRow[]): number {
  const outlets = new Set(group.map((a) => a.outlet).filter(Boolean)).size;
  const quotes = new Set(group.flatMap((a) => a.attributedQuoteIds)).size;
  return group.length * 2 + outlets + Math.min(quotes, 3);
}

const firstId = (group: DigestArticleRow[]) => group[0]!.articleId;

async function story(store: Store, speakers: SpeakerCache, group: DigestArticleRow[]): Promise<Story> {
  // A story a hundred outlets ran is written up from the articles quoting most: they say what the rest say.
  const sample = group.length <= WRITE_UP_ARTICLES ? group : [...group].sort((a, b) => b.attributedQuoteIds.length - a.attributedQuoteIds.length || a.articleId - b.articleId).slice(0, WRITE_UP_ARTICLES);
  const sentences = sentencesOf(sample);
  const opening = sentences.filter((s) => s.paragraph < OPENING_PARAGRAPHS);
  // The quotes most of the story's articles carry, direct ones first, one per speaker. Only words given to a
  // speaker: an unattributed quotation is never a story's quote.
  const carried = new Map<number, number>();
  for (const a of group) for (const q of a.attributedQuoteIds) carried.set(q, (carried.get(q) ?? 0) + 1);
  const candidates = (await buildQuotes(store, speakers, [...carried.keys()].sort((a, b) => carried.get(b)! - carried.get(a)! || a - b).slice(0, 12)))
    .filter((q) => q.speaker !== null);
  const rank = { direct: 0, statement: 1, reported: 2 } as const;
  candidates.sort((a, b) => carried.get(b.id)! - carried.get(a.id)! || rank[a.kind] - rank[b.kind] || b.articles - a.articles);
  const quotes = candidates.filter((q, i) => candidates.findIndex((o) => o.speaker === q.speaker) === i).slice(0, 2);

  const quotedBy = new Map<number, number>();
  for (const a of group) for (const s of a.speakerIds) quotedBy.set(s, (quotedBy.get(s) ?? 0) + 1);
  const people = await Promise.all([...quotedBy.keys()].sort((a, b) => quotedBy.get(b)! - quotedBy.get(a)! || a - b).map((id) => speakers.get(id)));
  const summary = summarise(opening, sample.length);
  const byQuotes = [...group].sort((a, b) => b.attributedQuoteIds.length - a.attributedQuoteIds.length);
  const headline = byQuotes.find((a) => a.title)?.title ?? clip(summary || sentences[0]?.text || 'Untitled story', 120);
  const outlets = [...new Set(group.map((a) => a.outlet).filter((o): o is string => o !== null))];
  const dates = group.map((a) => a.date).filter((d): d is string => d !== null).sort();
  return {
      headline,
      summary,
      date: dates[dates.length - 1] ?? null,
      quotes,
      speakers: people.filter((p) => p !== null).map((p) => ({ name: p.name, role: p.role })),
      figures: figures(sentences),
      next: whatNext(sentences),
      outlets,
      citations: group.map(citationOf),
  };
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
