// Which new quotes a channel's watches match. A speaker watch is resolved when the check runs (resolveSpeaker, as
// "what did … say?" resolves it), so someone first quoted after the watch was made is found; a phrase watch matches
// a quote whose words hold the phrase's words in order, with case, accents and punctuation folded.
import type { Store } from '../store/store.ts';
import type { Watch, WatchKind } from '../state/state.ts';
import type { Quote } from '../types.ts';
import { resolveSpeaker } from '../answer/resolve.ts';

/** What an alert names a watch by. */
export interface WatchRef {
  kind: WatchKind;
  term: string;
}

/** One quote an alert shows, with the watches it matched (a quote matching two watches is one post naming both). */
export interface AlertItem {
  quote: Quote;
  watches: WatchRef[];
}

/** What every renderer is handed for an alert: one quote, or a burst of them grouped into one post. */
export interface AlertPost {
  items: AlertItem[];
  burst: boolean;
}

/** A watch ready to test quotes against: the speakers it means now, or the words of its phrase. */
export interface ResolvedWatch {
  watch: Watch;
  speakers: ReadonlySet<number>;
  words: string[];
}

/** A quote carried by newly indexed articles. */
export interface NewQuote {
  id: number;
  speakerId: number | null;
  /** Its words in each article that carries it (copies may differ by a word or a mark). */
  texts: string[];
  /** The new, alertable articles that carry it. */
  articleIds: number[];
}

/**
 * Words as a phrase is matched: NFKD with accents dropped, lower case, split at anything not a letter or digit.
 * Unlike searchTerms (src/answer/question.ts) stop words and repeats are kept: "made in India" must be said in order.
 */
export function phraseWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** True when `phrase` occurs as consecutive words of `words`. The phrase is short (a watch is at most 100 characters), so this stays linear in the quote. */
export function saysPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** Resolves each watch once per check: a speaker watch to the speakers its term means today. */
export async function resolveWatches(store: Store, watches: Watch[]): Promise<ResolvedWatch[]> {
  return Promise.all(
    watches.map(async (watch) =>
      watch.kind === 'speaker'
        ? { watch, speakers: new Set(await resolveSpeaker(store, watch.term)), words: [] }
        : { watch, speakers: new Set<number>(), words: phraseWords(watch.term) },
    ),
  );
}

/** The watches a new quote matches; a watch counts only articles indexed after it was made. */
export function watchesMatching(q: NewQuote, watches: readonly ResolvedWatch[]): Watch[] {
  const newest = Math.max(...q.articleIds);
  let words: string[][] | null = null;
  return watches
    .filter(({ watch, speakers, words: phrase }) => {
      if (newest <= watch.sinceArticle) return false;
      if (watch.kind === 'speaker') return q.speakerId !== null && speakers.has(q.speakerId);
      words ??= q.texts.map(phraseWords);
      return words.some((w) => saysPhrase(w, phrase));
    })
    .map((r) => r.watch);
}

/** The watches an alert names, each once (in any case), in the order first met. */
export function distinctWatches(items: readonly AlertItem[]): WatchRef[] {
  const seen = new Map<string, WatchRef>();
  for (const item of items) for (const w of item.watches) {
    const key = `${w.kind}:${w.term.toLowerCase()}`;
    if (!seen.has(key)) seen.set(key, { kind: w.kind, term: w.term });
  }
  return [...seen.values()];
}
