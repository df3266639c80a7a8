// HTML pages: Mozilla's Readability (the Firefox reader view) finds the article in the page, over linkedom's DOM.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Block, PageHints } from './page.ts';
import { normaliseDate } from './dates.ts';

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td';

export type HtmlArticle = { ok: true; blocks: Block[]; hints: PageHints } | { ok: false; reason: string };

export function readHtml(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const published = metaContent(document, ['article:published_time', 'datePublished', 'date', 'pubdate', 'dc.date']);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(document, ['og:url']);
  let article: ReturnType<Readability<string>['parse']>;
  try {
    article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  } catch (err) {
    return { ok: false, reason: `its HTML could not be read (${(err as Error).message})` };
  }
  if (!article?.content) return { ok: false, reason: 'no article text was found in its HTML' };
  const blocks = htmlBlocks(article.content);
  if (blocks.length === 0) return { ok: false, reason: 'no article text was found in its HTML' };
  const hints: PageHints = {};
  if (article.title) hints.title = article.title.trim();
  if (article.siteName) hints.outlet = article.siteName.trim();
  if (article.byline) hints.author = article.byline.replace(/^by\s+/i, '').trim();
  const date = normaliseDate(article.publishedTime ?? published ?? '');
  if (date) hints.date = date;
  if (canonical && /^https?:\/\//.test(canonical)) hints.url = canonical;
  return { ok: true, blocks, hints };
}

/** The text of each block element, innermost blocks only, so nested markup is not read twice. */
export function htmlBlocks(html: string): Block[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks: Block[] = [];
  for (const el of document.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ text, heading: /^H[1-6]$/.test(el.tagName) });
  }
  return blocks;
}

function metaContent(document: { querySelector(s: string): { getAttribute(n: string): string | null } | null }, names: string[]): string | null {
  for (const n of names) {
    const el = document.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content');
    if (v) return v;
  }
  return null;
}
