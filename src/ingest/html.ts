// HTML pages: Mozilla's Readability (the Firefox reader view) finds the article in the page, over linkedom's DOM.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Block, PageHints } from './page.ts';
import { normaliseDate } from './dates.ts';

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td';

export type HtmlArticle = { ok: true; blocks: Block[]; hints: PageHints } | { ok: false; reason: string };

/**
 * How deep elements may nest before Readability reads the page. Readability walks a page recursively and re-reads
 * ancestors, so 2,000 nested <div>s took minutes and 10,000 overflowed the stack; real pages nest a few dozen deep.
 */
export const MAX_HTML_DEPTH = 128;

export function readHtml(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  capDepth(document as unknown as El, MAX_HTML_DEPTH);
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
  // What querySelectorAll(BLOCKS) and, for each element, querySelector(BLOCKS) would give, in one walk: the
  // elements in document order, then which have a block below them (asking each element its own query was most
  // of the time spent here).
  const order: El[] = [];
  const parentOf: number[] = [];
  const stack: [El, number][] = [];
  const pushChildren = (el: { firstElementChild: El | null }, parent: number) => {
    const from = stack.length;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, parent]);
    // Children were pushed first to last; the walk pops them first to last.
    for (let a = from, b = stack.length - 1; a < b; a++, b--) [stack[a], stack[b]] = [stack[b]!, stack[a]!];
  };
  pushChildren(document as unknown as { firstElementChild: El | null }, -1);
  while (stack.length > 0) {
    const [el, parent] = stack.pop()!;
    parentOf.push(parent);
    order.push(el);
    // Like the queries, the walk does not look inside a <template>.
    if (el.localName !== 'template') pushChildren(el, order.length - 1);
  }
  const isBlock = order.map((el) => BLOCK_TAGS.has(el.localName.toLowerCase()));
  const blockBelow = new Uint8Array(order.length);
  for (let i = order.length - 1; i >= 0; i--) if ((isBlock[i] || blockBelow[i]) && parentOf[i]! >= 0) blockBelow[parentOf[i]!] = 1;
  for (let i = 0; i < order.length; i++) {
    if (!isBlock[i] || blockBelow[i]) continue;
    const el = order[i]!;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ text, heading: /^H[1-6]$/.test(el.tagName) });
  }
  return blocks;
}
const BLOCK_TAGS = new Set(BLOCKS.split(/,\s*/));

/** The little of linkedom's Element the walks use. */
interface El {
  localName: string;
  tagName: string;
  textContent: string | null;
  firstElementChild: El | null;
  nextElementSibling: El | null;
}

/** Flattens every element at `max` levels deep to its text, so nothing nests deeper: one walk, without recursion. */
function capDepth(root: El, max: number): void {
  const stack: [El, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth >= max) {
      if (el.firstElementChild) el.textContent = el.textContent ?? '';
      continue;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
}

function metaContent(document: { querySelector(s: string): { getAttribute(n: string): string | null } | null }, names: string[]): string | null {
  for (const n of names) {
    const el = document.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content');
    if (v) return v;
  }
  return null;
}
