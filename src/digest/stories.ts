// Groups a day's articles into stories, so an event five outlets ran is told once. Two articles are one story
// when they carry the same quote, quote two of the same people, or quote one and share much of their wording.
// Wording is compared with each word weighted by how rare it is that day: the words every article uses
// ("meeting", "officials") say nothing about whether two articles tell the same event.
import type { DigestArticleRow } from '../store/store.ts';
import { searchTerms } from '../answer/question.ts';

/** Words compared between articles: their opening paragraphs, where the event is named. */
const OPENING_PARAGRAPHS = 4;
const SAME_WORDING = 0.35;
const MAX_DAYS_APART = 1;
const RARE_WORD_ARTICLES = 20;
const SAME_WORDING_AND_SPEAKER = 0.12;

export function groupStories(articles: DigestArticleRow[]): DigestArticleRow[][] {
  const n = articles.length;
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  // Articles days apart tell different events, however alike: a week of one minister's talks is not one story.
  const day = articles.map((a) => (a.date ? Date.parse(a.date) / 86_400_000 : null));
  const near = (a: number, b: number) => day[a] == null || day[b] == null || Math.abs(day[a]! - day[b]!) <= MAX_DAYS_APART;
  const join = (a: number, b: number) => { if (near(a, b)) parent[find(a)] = find(b); };

  const words = articles.map((a) => new Set(searchTerms([a.title ?? '', ...a.paragraphs.slice(0, OPENING_PARAGRAPHS)].join(' ')).filter((w) => w.length > 2)));
  const df = new Map<string, number>();
  for (const ws of words) for (const w of ws) df.set(w, (df.get(w) ?? 0) + 1);
  const weight = (w: string) => Math.log(1 + n / (df.get(w) ?? 1));
  const total = words.map((ws) => [...ws].reduce((t, w) => t + weight(w), 0));
  const similar = (a: number, b: number) => {
    const [small, large] = words[a]!.size <= words[b]!.size ? [words[a]!, words[b]!] : [words[b]!, words[a]!];
    let both = 0;
    for (const w of small) if (large.has(w)) both += weight(w);
    const all = total[a]! + total[b]! - both;
    return all === 0 ? 0 : both / all;
  };
  const byQuote = new Map<number, number[]>();
  const bySpeaker = new Map<number, number[]>();
  articles.forEach((a, i) => {
    for (const q of a.quoteIds) byQuote.set(q, [...(byQuote.get(q) ?? []), i]);
    for (const s of a.speakerIds) bySpeaker.set(s, [...(bySpeaker.get(s) ?? []), i]);
  });
  // The same quote in two articles: the same story.
  for (const list of byQuote.values()) for (const i of list.slice(1)) join(list[0]!, i);
  // Shared speakers: two in common, or one and similar wording.
  const shared = new Map<string, number>();
  for (const list of bySpeaker.values()) {
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
      if (!near(list[x]!, list[y]!)) continue;
      const k = `${list[x]}:${list[y]}`;
      shared.set(k, (shared.get(k) ?? 0) + 1);
    }
  }
  for (const [k, count] of shared) {
    const [a, b] = k.split(':').map(Number) as [number, number];
    if (count >= 2 || similar(a, b) >= SAME_WORDING_AND_SPEAKER) join(a, b);
  }
  // Articles quoting nobody in common: much the same wording. Only pairs sharing several rarer words are compared.
  const byWord = new Map<string, number[]>();
  words.forEach((ws, i) => ws.forEach((w) => byWord.set(w, [...(byWord.get(w) ?? []), i])));
  const sharedRare = new Map<string, number>();
  for (const list of byWord.values()) {
    if (list.length > RARE_WORD_ARTICLES) continue; // a word many articles use says nothing about sameness
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
      if (!near(list[x]!, list[y]!)) continue;
      const k = `${list[x]}:${list[y]}`;
      sharedRare.set(k, (sharedRare.get(k) ?? 0) + 1);
    }
  }
  for (const [k, count] of sharedRare) {
    if (count < 3) continue;
    const [a, b] = k.split(':').map(Number) as [number, number];
    if (find(a) !== find(b) && similar(a, b) >= SAME_WORDING) join(a, b);
  }

  const groups = new Map<number, DigestArticleRow[]>();
  articles.forEach((a, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), a]));
  return [...groups.values()];
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return both === 0 ? 0 : both / (a.size + b.size - both);
}
