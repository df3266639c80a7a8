// Answers a question with quotes the store holds: a speaker's words (optionally on a topic), who said a phrase,
// or the best matching statements and passages. Every quote is rendered from stored article text.
import type { Answer, Passage, Quote } from '../types.ts';
import type { Store, TextQuery } from '../store/store.ts';
import { matchKey, nameKey, verbatimForm } from '../text/normalize.ts';
import { citationOf } from './assemble.ts';
import { buildQuotes, SpeakerCache } from './build.ts';
import { MAX_SEARCH_TERMS, parseQuestion, questionTerms, type Question } from './question.ts';
import { resolveSpeaker } from './resolve.ts';
import { bestSentences } from './passages.ts';

export { resolveSpeaker };

export interface AskOptions {
  /** Quotes per page (default 10). */
  limit?: number;
  /** Quotes to skip, for "More quotes". */
  offset?: number;
}

/** Ids gathered per query tier before paging: enough for many pages, bounded for speed. */
const MAX_RANKED = 200;
const PASSAGES = 3;

/** The longest question answered, in characters: a question, not a pasted article. */
export const MAX_QUESTION_CHARS = 500;
export const TOO_LONG = `That question is too long: ask in at most ${MAX_QUESTION_CHARS} characters.`;
/** Quotes per page, and quotes skipped, at most: whatever a caller passes, SQL gets whole numbers in these ranges. */
export const MAX_LIMIT = 50;
export const MAX_OFFSET = 1_000_000;
/**
 * Text searches (quote or passage queries) one answer runs at most. With MAX_SEARCH_TERMS words the tiers need at
 * most 2 × MAX_SEARCH_TERMS for quotes and as many for passages, so this never cuts a question short; it bounds the
 * cost on its own, whatever words reach the search.
 */
export const MAX_TEXT_QUERIES = 4 * MAX_SEARCH_TERMS + 4;
/** Words of a "who said" phrase searched as one phrase: the first ones, when a phrase is longer. */
const MAX_PHRASE_WORDS = 100;

/** A whole number in [min, max]: fractions rounded down, NaN or a non-number the fallback, ±Infinity the bound. */
function whole(value: unknown, fallback: number, min: number, max: number): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/** Characters (code points) of a question, counting no further than a limit needs. */
function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let n = 0;
  for (const _ of text) if (++n > max) return true;
  return false;
}

export async function ask(store: Store, question: string, options: AskOptions = {}): Promise<Answer> {
  if (longerThan(question.trim(), MAX_QUESTION_CHARS)) {
    return { ...baseAnswer(question, await store.articleCount()), kind: 'empty', answer: TOO_LONG };
  }
  return answerQuestion(store, question, parseQuestion(question), options);
}

function baseAnswer(question: string, articleCount: number): Answer {
  return { question, kind: 'open', speaker: null, role: null, answer: '', quotes: [], passages: [], total: 0, alternatives: [], onTopic: null, articleCount };
}

/**
 * A parsed question answered, without ask()'s limit on its length: the search is bounded on its own (at most
 * MAX_SEARCH_TERMS words, MAX_TEXT_QUERIES searches), so a question of any length costs about the same.
 */
export async function answerQuestion(store: Store, question: string, q: Question, options: AskOptions = {}): Promise<Answer> {
  const limit = whole(options.limit, 10, 1, MAX_LIMIT);
  const offset = whole(options.offset, 0, 0, MAX_OFFSET);
  const articleCount = await store.articleCount();
  const base = baseAnswer(question, articleCount);
  const budget = new SearchBudget(MAX_TEXT_QUERIES);
  if (articleCount === 0) {
    return { ...base, kind: 'empty', answer: 'No articles are indexed yet: add .txt, .md or .html articles to the seeds folder.' };
  }
  if (q.kind === 'empty') {
    return { ...base, kind: 'empty', answer: 'Ask me what someone said, e.g. "what did Bessent say?", or "who said \'prudent derisking\'?".' };
  }
  const speakers = new SpeakerCache(store);
  const articles = `the ${articleCount} indexed article${articleCount === 1 ? '' : 's'}`;

  if (q.kind === 'speaker') {
    // A topic of only small words ("about it") asks about nothing in particular.
    const terms = q.topic ? questionTerms(q.topic) : [];
    const topic = terms.length ? q.topic : null;
    const found = await resolveSpeaker(store, q.speaker, { topicTerms: terms });
    if (found.length === 0) {
      // Never someone else's words: a speaker we do not know gets no quotes at all.
      return { ...base, kind: 'unknown-speaker', answer: `I found no statements by ${displayName(q.speaker)} in ${articles}.` };
    }
    const rows = (await Promise.all(found.map((id) => speakers.get(id)))).filter((r) => r !== null);
    const who = rows[0]!;
    const role = who.role;
    const named = role ? `${who.name} (${role})` : who.name;
    const alternatives = rows.slice(1).filter((r) => r.quotes > 0).map((r) => r.name);
    const answerBase = { ...base, kind: 'speaker' as const, speaker: who.name, role, alternatives, onTopic: topic ? 0 : null };
    if (who.quotes === 0) {
      return { ...answerBase, answer: `I found no statements by ${named} in ${articles}; ${who.name} is mentioned in ${who.mentions} of them but never quoted.` };
    }
    if (!topic) {
      const page = await store.quoteIds({ speakerId: who.id }, { limit, offset });
      const quotes = await buildQuotes(store, speakers, page.ids);
      return { ...answerBase, quotes, total: page.total, answer: `${named}: ${plural(page.total, 'statement')} in ${who.articles} of ${articles}.` };
    }
    // On the topic first (by relevance), then everything else they said: nothing of theirs is hidden.
    const onTopic = (await tiered(store, budget, who.id, terms, MAX_RANKED, 0, true)).ids;
    const ids = onTopic.slice(offset, offset + limit);
    if (ids.length < limit) {
      const rest = await store.quoteIds({ speakerId: who.id, exclude: onTopic }, { limit: limit - ids.length, offset: Math.max(0, offset - onTopic.length) });
      ids.push(...rest.ids);
    }
    const quotes = await buildQuotes(store, speakers, ids);
    const total = who.quotes;
    const others = Math.max(0, total - onTopic.length);
    const answer = onTopic.length
      ? `${named} about "${topic}": ${plural(onTopic.length, 'statement')}${others ? `, then ${others} on other subjects` : ''}.`
      : `I found no statements by ${named} about "${topic}" in ${articles}; here is what ${who.name} said on other subjects (${plural(total, 'statement')}).`;
    return { ...answerBase, quotes, total, onTopic: onTopic.length, answer };
  }

  if (q.kind === 'who-said') {
    const words = q.phrase.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, MAX_PHRASE_WORDS);
    budget.take();
    let page = await store.quoteIds({ text: { terms: words, mode: 'phrase' } }, { limit, offset });
    if (page.total === 0) page = await tiered(store, budget, undefined, questionTerms(q.phrase), limit, offset);
    if (page.total === 0) {
      const passages = await findPassages(store, budget, [], { terms: words, mode: 'phrase' });
      const where = passages.length ? ' The words appear in the reporting itself, below.' : '';
      return { ...base, kind: 'who-said', passages, answer: `I found nobody quoted saying "${q.phrase}" in ${articles}.${where}` };
    }
    const quotes = await buildQuotes(store, speakers, page.ids);
    if (quotes.length === 0) {
      // "More quotes" past the last page.
      return { ...base, kind: 'who-said', total: page.total, answer: `"${q.phrase}": no more quotes; all ${page.total} are shown above.` };
    }
    // Words printed without a speaker in one article and with one in another: the speaker is who said them.
    if (quotes[0]!.speaker === null) {
      const words = matchKey(quotes[0]!.text);
      const named = quotes.findIndex((x) => x.speaker !== null && [x.text, ...x.excerpts.map((e) => e.text)].some((t) => matchKey(t).includes(words)));
      if (named > 0) quotes.unshift(...quotes.splice(named, 1));
    }
    const first = quotes[0]!;
    const others = [...new Set(quotes.map((x) => x.speaker))].filter((s): s is string => s !== null && s !== first.speaker);
    const unnamedToo = first.speaker !== null && quotes.some((x) => x.speaker === null);
    const also = [others.length ? `also ${others.join(', ')}` : '', unnamedToo ? 'also quoted without a named speaker' : ''].filter(Boolean);
    const lead = first.speaker === null
      ? `quoted without a named speaker, in ${plural(first.articles, 'article')}`
      : `${first.role ? `${first.speaker} (${first.role})` : first.speaker}, reported in ${plural(first.articles, 'article')}`;
    return {
      ...base, kind: 'who-said', speaker: first.speaker, role: first.role, quotes, total: page.total,
      answer: `"${q.phrase}": ${lead}${also.length ? `; ${also.join('; ')}` : ''}.`,
    };
  }

  return openAnswer(store, budget, speakers, q.text, limit, offset, base);
}

async function openAnswer(store: Store, budget: SearchBudget, speakers: SpeakerCache, text: string, limit: number, offset: number, base: Answer): Promise<Answer> {
  const terms = questionTerms(text);
  if (terms.length === 0) {
    return { ...base, kind: 'open', answer: 'Ask about a person or a subject, e.g. "what did Bessent say?" or "when will India join Pax Silica?".' };
  }
  const page = await tiered(store, budget, undefined, terms, limit, offset, false, true);
  const quotes = await buildQuotes(store, speakers, page.ids);
  const passages = offset === 0 ? await findPassages(store, budget, quotes, ...tiers(terms, false)) : [];
  if (quotes.length === 0 && passages.length === 0) {
    return { ...base, kind: 'open', answer: `I found nothing about "${text}" in the ${base.articleCount} indexed articles.` };
  }
  const top = quotes[0];
  const lead = !top
    ? 'No one is quoted on this; the closest reporting is below'
    : top.speaker === null
      ? 'Best match: words quoted without a named speaker'
      : `Best match: ${top.speaker}${top.role ? ` (${top.role})` : ''}`;
  return { ...base, kind: 'open', quotes, passages, total: page.total, answer: `${lead}. ${plural(page.total, 'statement')} and ${plural(passages.length, 'passage')} of reporting match.` };
}

/** Text searches left for one answer: each tier's query takes one, and none is run once they are spent. */
class SearchBudget {
  constructor(private left: number) {}
  /** false: spent. */
  take(): boolean {
    if (this.left <= 0) return false;
    this.left--;
    return true;
  }
}

/**
 * Search tiers, strictest first: every word; every word with neighbours joined ("Pax Silica" → "paxsilica");
 * all but one word; and, for one or two words, any of them.
 */
function tiers(terms: string[], anyFallback = true): TextQuery[] {
  const out: TextQuery[] = [{ terms, mode: 'all' }];
  for (let i = 0; i + 1 < terms.length; i++) {
    out.push({ terms: [...terms.slice(0, i), terms[i]! + terms[i + 1]!, ...terms.slice(i + 2)], mode: 'all' });
  }
  if (terms.length >= 3) terms.forEach((_, i) => out.push({ terms: terms.filter((__, j) => j !== i), mode: 'all' }));
  else if (terms.length === 2 && anyFallback) out.push({ terms, mode: 'any' });
  return out;
}

/**
 * Quote ids over the search tiers, best first, until a page is filled (or, with `complete`, over every tier, so the
 * count is exact). With `dropContained`, an unattributed quotation whose words are inside an attributed quote of the
 * same or an earlier tier is left out: the attributed quote says it, with who said it.
 */
async function tiered(store: Store, budget: SearchBudget, speakerId: number | undefined, terms: string[], limit: number, offset: number, complete = false, dropContained = false) {
  const ids: number[] = [];
  const seen = new Set<number>();
  const attributedKeys: string[] = [];
  for (const text of tiers(terms, speakerId !== undefined)) {
    if (!budget.take()) break;
    const page = await store.quoteIds(speakerId === undefined ? { text } : { speakerId, text }, { limit: MAX_RANKED, offset: 0 });
    const fresh = page.ids.filter((id) => !seen.has(id));
    for (const id of fresh) seen.add(id);
    if (dropContained && fresh.length) {
      const keys = await store.quoteKeys(fresh);
      for (const id of fresh) {
        const k = keys.get(id);
        if (k?.attributed) attributedKeys.push(...k.keys);
      }
      for (const id of fresh) {
        const k = keys.get(id);
        if (k && !k.attributed && k.keys.every((key) => attributedKeys.some((a) => a.includes(key)))) continue;
        ids.push(id);
      }
    } else {
      ids.push(...fresh);
    }
    if (!complete && ids.length >= offset + limit) break;
  }
  return { ids: ids.slice(offset, offset + limit), total: ids.length };
}

/** Passages of reporting that match, leaving out those that only repeat a quote already shown. */
async function findPassages(store: Store, budget: SearchBudget, shown: Quote[], ...queries: TextQuery[]): Promise<Passage[]> {
  const out: Passage[] = [];
  const seen = new Set<string>();
  const quoted = shown.flatMap((q) => [q.text, ...q.excerpts.map((e) => e.text)]).map(verbatimForm);
  for (const query of queries) {
    if (!budget.take()) break;
    for (const row of await store.passages(query, PASSAGES * 20)) {
      const text = bestSentences(row.text, query.terms);
      const key = nameKey(text);
      const form = verbatimForm(text);
      if (seen.has(key) || quoted.some((q) => form.includes(q))) continue;
      seen.add(key);
      out.push({ text, citation: citationOf(row) });
      if (out.length >= PASSAGES) return out;
    }
  }
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function displayName(phrase: string): string {
  const p = phrase.trim().replace(/^the\s+/i, '');
  return p === p.toLowerCase() ? p.replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : p;
}
