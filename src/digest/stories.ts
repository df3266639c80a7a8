// Groups a day's articles into stories, so an event five outlets ran is told once. Two articles are one story
// when they carry the same quote, quote two of the same people (people few of the day's articles quote), quote one
// and share some of their wording, share much of it, or are copies of one wire text (near-duplicate bodies).
// Wording is compared with each word weighted by how rare it is that day: the words every article uses
// ("meeting", "officials") say nothing about whether two articles tell the same event.
import type { DigestArticleRow } from '../store/store.ts';
import { searchTerms } from '../answer/question.ts';
import { nearDuplicatePairs, signature, type NearDuplicateRule } from '../text/near-duplicates.ts';

/** Words compared between articles: their opening paragraphs, where the event is named. */
const OPENING_PARAGRAPHS = 4;
const SAME_WORDING = 0.35;
const MAX_DAYS_APART = 1;
const FEW_ARTICLES = 20;
const SAME_WORDING_AND_SPEAKER = 0.12;
/** Two distinctive speakers quoted together in at most this many articles make them one story. */
const FEW_CARRIERS = 6;
/**
 * Bodies this alike are one wire copy. Measured (test/near-duplicates.test.ts): copies with other furniture, added
 * paragraphs or new wrapping score 0.94-1.0, with a few words edited 0.83, with their own opening 0.74, trimmed to 60%
 * 0.63 (and 1.0 contained); two stories on one topic by one minister score 0.03, and 2,000 different articles no pair
 * above 0.22. Trimmed to 40% a copy scores 0.42 but lies inside the original (0.98 contained), so it is still joined
 * (when the bands offer the pair: 7 in 10 at 0.4); below a third of the original's length it is not judged.
 */
export const NEAR_DUPLICATE: NearDuplicateRule = { similarity: 0.5, containment: 0.8 };

export function groupStories(articles: DigestArticleRow[]): DigestArticleRow[][] {
  const n = articles.length;
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) [i, parent[i]] = [parent[i]!, root];
    return root;
  };
  // Articles days apart tell different events, however alike: a week of one minister's talks is not one story.
  const day = articles.map((a) => (a.date ? Date.parse(a.date) / 86_400_000 : null));
  const near = (a: number, b: number) => day[a] == null || day[b] == null || Math.abs(day[a]! - day[b]!) <= MAX_DAYS_APART;
  const join = (a: number, b: number) => { if (near(a, b)) parent[find(a)] = find(b); };

  const words = articles.map((a) => new Set(searchTerms([a.title ?? '', ...a.paragraphs.slice(0, OPENING_PARAGRAPHS)].join(' ')).filter((w) => w.length > 2)));
  const df = new Map<string, number>();
  for (const ws of words) for (const w of ws) df.set(w, (df.get(w) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [w, k] of df) weights.set(w, Math.log(1 + n / k));
  const total = words.map((ws) => [...ws].reduce((t, w) => t + weights.get(w)!, 0));
  const similar = (a: number, b: number) => {
    const [small, large] = words[a]!.size <= words[b]!.size ? [words[a]!, words[b]!] : [words[b]!, words[a]!];
    let both = 0;
    for (const w of small) if (large.has(w)) both += weights.get(w)!;
    const all = total[a]! + total[b]! - both;
    return all === 0 ? 0 : both / all;
  };

  // The same quote in two articles: the same story.
  for (const list of indexBy(articles, (a) => a.quoteIds).values()) for (const i of list.slice(1)) join(list[0]!, i);
  // Speakers quoted all over the day (a bank's analysts, a president and their treasury secretary) tie nothing
  // together on their own: only speakers few of the day's articles quote count as evidence.
  const bySpeaker = indexBy(articles, (a) => a.speakerIds);
  const distinctive = (a: DigestArticleRow) => a.speakerIds.filter((s) => bySpeaker.get(s)!.length <= FEW_ARTICLES);
  // Two of them quoted together in a handful of articles: the outlets that ran one story.
  for (const list of indexBy(articles, (a) => pairsOf(distinctive(a))).values()) if (list.length <= FEW_CARRIERS) joinNear(list, day, join);
  // One of them in common and some of the same wording, or much the same wording alone. Pairs are compared only when
  // they share such a speaker or a rarer word: comparing every pair of a busy day would cost its square.
  const pairs = new Map<number, number>();
  const count = (list: number[], by: number) => {
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
      if (!near(list[x]!, list[y]!)) continue;
      const k = list[x]! * n + list[y]!; // list is in article order, so x's article comes first
      pairs.set(k, (pairs.get(k) ?? 0) + by);
    }
  };
  for (const list of indexBy(articles, (_, i) => words[i]!).values()) if (list.length <= FEW_ARTICLES) count(list, 1);
  for (const list of bySpeaker.values()) if (list.length <= FEW_ARTICLES) count(list, 0);
  const speakers = articles.map((a) => new Set(distinctive(a)));
  for (const [k, rare] of pairs) {
    const a = Math.floor(k / n);
    const b = k % n;
    if (find(a) === find(b)) continue;
    let shared = 0;
    for (const s of speakers[a]!) if (speakers[b]!.has(s)) shared++;
    const needed = shared >= 1 ? SAME_WORDING_AND_SPEAKER : rare >= 3 ? SAME_WORDING : Infinity;
    if (similar(a, b) >= needed) join(a, b);
  }

  // Copies of one wire text, whatever their quotes, speakers or openings (an outlet's own first paragraphs, a quote
  // trimmed so it is another quote): the same story.
  const sigs = articles.map((a) => signature(a.paragraphs.join('\n\n')));
  for (const [a, b] of nearDuplicatePairs(sigs, NEAR_DUPLICATE)) join(a, b);

  const groups = new Map<number, DigestArticleRow[]>();
  articles.forEach((a, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(a);
    else groups.set(root, [a]);
  });
  return [...groups.values()];
}

/** For each value the articles give (a quote, a speaker, a word), the articles giving it, in order. */
function indexBy<T>(articles: DigestArticleRow[], values: (a: DigestArticleRow, i: number) => Iterable<T>): Map<T, number[]> {
  const out = new Map<T, number[]>();
  articles.forEach((a, i) => {
    for (const v of new Set(values(a, i))) {
      const list = out.get(v);
      if (list) list.push(i);
      else out.set(v, [i]);
    }
  });
  return out;
}

/** Every pair of an article's speakers, as one value. */
function pairsOf(ids: number[]): string[] {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let x = 0; x < sorted.length; x++) for (let y = x + 1; y < sorted.length; y++) out.push(`${sorted[x]}:${sorted[y]}`);
  return out;
}

/**
 * Joins what joining every near pair of the list would, in linear time: an undated article is near all of them;
 * otherwise, in date order, each with the next when they are near (a chain of near days is one story either way).
 */
function joinNear(list: number[], day: (number | null)[], join: (a: number, b: number) => void): void {
  const undated = list.find((i) => day[i] == null);
  if (undated !== undefined) {
    for (const j of list) join(undated, j);
    return;
  }
  const sorted = [...list].sort((a, b) => day[a]! - day[b]!);
  for (let k = 1; k < sorted.length; k++) join(sorted[k - 1]!, sorted[k]!);
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return both === 0 ? 0 : both / (a.size + b.size - both);
}
