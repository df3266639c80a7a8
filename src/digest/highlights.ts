// What a reader wants from a story at a glance, taken verbatim from its articles: a short summary of what
// happened, the figures, and what happens next.
import { splitSentences } from '../text/sentences.ts';
import { searchTerms } from '../answer/question.ts';
import { jaccard } from './stories.ts';

export interface Sentence {
  text: string;
  article: number;
  paragraph: number;
}

export function sentencesOf(articles: { paragraphs: string[] }[]): Sentence[] {
  const out: Sentence[] = [];
  articles.forEach((a, article) =>
    a.paragraphs.forEach((p, paragraph) => {
      for (const s of splitSentences(p)) out.push({ text: p.slice(s.start, s.end), article, paragraph });
    }),
  );
  return out;
}

const QUOTED = /["\u201c\u201d]/;

/**
 * Two or three sentences of reporting (not quotation) that say what most articles say, lede first.
 * Scored by how many of the story's articles share each word, so what every outlet reports comes first.
 */
export function summarise(sentences: Sentence[], articleCount: number, maxSentences = 3, maxChars = 420): string {
  const df = new Map<string, number>();
  const perArticle = new Map<number, Set<string>>();
  for (const s of sentences) {
    const set = perArticle.get(s.article) ?? new Set<string>();
    for (const w of searchTerms(s.text)) set.add(w);
    perArticle.set(s.article, set);
  }
  for (const set of perArticle.values()) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  const scored = sentences
    .filter((s) => !QUOTED.test(s.text) && s.text.split(/\s+/).length >= 8 && s.text.split(/\s+/).length <= 45)
    .map((s) => {
      const ws = searchTerms(s.text);
      const shared = ws.reduce((n, w) => n + (df.get(w) ?? 0), 0) / Math.max(articleCount, 1);
      return { s, words: new Set(ws), score: shared / Math.sqrt(ws.length + 1) + (s.paragraph === 0 ? 0.5 : 0) };
    })
    .sort((a, b) => b.score - a.score);
  const chosen: typeof scored = [];
  let chars = 0;
  for (const c of scored) {
    if (chosen.length >= maxSentences) break;
    if (chosen.some((o) => jaccard(o.words, c.words) > 0.4)) continue;
    if (chosen.length > 0 && chars + c.s.text.length > maxChars) continue;
    chosen.push(c);
    chars += c.s.text.length;
  }
  return chosen.map((c) => c.s.text).join(' ');
}

const MONEY = /(?:US\$|\$|€|£|¥|₹|Rs\.?\s?|INR\s?|USD\s?)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:billion|million|trillion|crore|lakh|bn|mn|m|k))?\b|\b\d[\d,]*(?:\.\d+)?\s(?:billion|million|trillion|crore|lakh)(?:\s(?:dollars|rupees|euros|pounds|yen))?\b/giu;
const PERCENT = /\b(?:about\s|around\s|nearly\s|over\s)?\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)/giu;

/** Money and percentages, as printed ("₹7,280 crore", "about 70%"), most reported first. */
export function figures(sentences: Sentence[], max = 4): string[] {
  const counts = new Map<string, { text: string; n: number }>();
  for (const s of sentences) {
    for (const re of [MONEY, PERCENT]) {
      for (const m of s.text.matchAll(re)) {
        const text = m[0].trim();
        const k = text.toLowerCase().replace(/\s+/g, ' ');
        counts.set(k, { text, n: (counts.get(k)?.n ?? 0) + 1 });
      }
    }
  }
  return [...counts.values()].sort((a, b) => b.n - a.n).slice(0, max).map((c) => c.text);
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const AHEAD = new RegExp(
  `\\b(?:next (?:week|month|year|round|meeting|summit)|later this (?:week|month|year)|by (?:19|20)\\d\\d|expected to|is set to|are set to|plans to|will be (?:invited|held|hosted|signed|launched|announced|reviewed|released|discussed|sent|presented)|in (?:${MONTHS})|from (?:${MONTHS}))\\b`,
  'u',
);

/** Sentences about what happens next ("India will be invited to join Pax Silica in February"), most reported first. */
export function whatNext(sentences: Sentence[], max = 2): string[] {
  const found: { text: string; words: Set<string>; articles: Set<number> }[] = [];
  for (const s of sentences) {
    const length = s.text.split(/\s+/).length;
    // Reporting, not quotation: the story's quotes are shown on their own.
    if (!AHEAD.test(s.text) || length < 8 || length > 50 || /:$/.test(s.text) || QUOTED.test(s.text)) continue;
    const words = new Set(searchTerms(s.text));
    const same = found.find((f) => jaccard(f.words, words) > 0.35);
    if (same) same.articles.add(s.article);
    else found.push({ text: s.text, words, articles: new Set([s.article]) });
  }
  return found.sort((a, b) => b.articles.size - a.articles.size).slice(0, max).map((f) => f.text);
}
