// A feed entry, or a plain page, as the file the ingest path reads: an HTML document under a stable key, so
// extractArticle (Readability, page furniture, quotes) treats a fetched page and an entry's own content alike.
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { escapeHtml, type FeedEntry } from './feed.ts';

/**
 * Query parameters that only track the click, not choose the page: dropped so one story read through two
 * newsletters is one article. Matched by name, case-insensitively.
 */
const TRACKING = /^(?:utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|igshid|mkt_tok|ref_src|ref_url|cmpid|ocid|__twitter_impression|_hsenc|_hsmi|spm|at_medium|at_campaign)$/i;

/**
 * The URL that names the same page: fragment and tracking parameters dropped, the rest of the query kept exactly
 * as written (rebuilt through URLSearchParams, "?dtl/39001/x" would become "?dtl%2F39001%2Fx=", another URL).
 */
export function canonicalUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim();
  }
  u.hash = '';
  const kept = u.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !TRACKING.test(safeDecode(pair.split('=')[0] ?? '')));
  u.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return u.href;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

const MAX_HOST = 60;
const MAX_SLUG = 80;

/**
 * A stable article key (`file`) for a URL: `web/<host>/<path-slug>-<short hash>.html`, safe as a file name, at most
 * ~160 characters, the same for the same canonical URL (fragment and tracking parameters such as utm_*, fbclid,
 * gclid stripped). The hash is of the whole canonical URL, so two pages whose slugs agree stay apart.
 */
export function articleKey(url: string): string {
  const canonical = canonicalUrl(url);
  const { host, path } = partsOf(canonical);
  return keyOf(host, slugOf(path), canonical);
}

/**
 * The key for a feed entry: its URL's articleKey, or, for an entry with no link (its own text is all there is),
 * one made from the feed's URL and the entry's id. Not articleKey(`${feedUrl}#${id}`): the fragment is dropped
 * there, and every such entry of a feed would share one file.
 */
export function entryKey(entry: FeedEntry, feedUrl: string): string {
  if (entry.url) return articleKey(entry.url);
  const canonical = canonicalUrl(feedUrl);
  return keyOf(partsOf(canonical).host, slugOf(`entry ${entry.title ?? ''}`), `${canonical}\n${entry.id}`);
}

function keyOf(host: string, slug: string, named: string): string {
  const hash = createHash('sha256').update(named).digest('hex').slice(0, 10);
  return `web/${host}/${slug ? `${slug}-` : ''}${hash}.html`;
}

/** A URL's host as a safe folder name, and its decoded path and query; "unknown" for what is not a web URL. */
function partsOf(url: string): { host: string; path: string } {
  let host = 'unknown';
  let path = '';
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') {
      host = u.hostname;
      path = safeDecode(u.pathname + u.search);
    }
  } catch {
    // Not a URL: the hash alone names it.
  }
  host = host.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '').slice(0, MAX_HOST) || 'unknown';
  return { host, path };
}

/** Words of a path as lower-case ASCII joined by "-", its end kept when long (the end names the story). */
function slugOf(path: string): string {
  const words = path
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\.(?:html?|php|aspx?|jsp)\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words.length <= MAX_SLUG) return words;
  const tail = words.slice(-MAX_SLUG);
  const cut = tail.indexOf('-');
  return (cut >= 0 && cut < tail.length - 1 ? tail.slice(cut + 1) : tail).replace(/^-+/, '');
}

/** Elements whose content is not the entry's text: code, embeds, forms. */
const NOT_TEXT = 'script, style, iframe, frame, frameset, object, embed, applet, noscript, template, form, button, input, select, textarea, svg, canvas, video, audio, link, meta, base';

/**
 * The page HTML for an entry whose page was fetched, or, when it could not be, an HTML document built from the
 * entry's own content, title, date and link (escaped), so the Readability path reads both alike. Metadata the
 * page lacks (title, date, canonical URL, author, site name) is filled from the entry through the tags the page
 * reader understands (src/ingest/html.ts and Readability: og:title, article:published_time, link rel=canonical,
 * meta author, og:site_name); what the page says itself is kept.
 */
export function entryDocument(entry: FeedEntry, pageHtml: string | null, feed: { title: string | null; home: string | null }): string {
  const site = feed.title ?? hostOf(feed.home) ?? hostOf(entry.url);
  if (pageHtml !== null && pageHtml.trim() !== '') return nestsDeeper(pageHtml, MAX_DEPTH) ? pageHtml : withMetadata(pageHtml, entry, site);
  const head = [
    '<meta charset="utf-8">',
    entry.title ? `<title>${escapeHtml(entry.title)}</title>` : '',
    ...metaTags(entry, site, { title: true, date: true, canonical: true, author: true, site: true }),
  ];
  const body = [
    entry.title ? `<h1>${escapeHtml(entry.title)}</h1>` : '',
    entry.html ? (nestsDeeper(entry.html, MAX_DEPTH) ? entry.html : cleanHtml(entry.html)) : '',
  ];
  return `<!doctype html>\n<html><head>${head.filter(Boolean).join('\n')}</head>\n<body><article>\n${body.filter(Boolean).join('\n')}\n</article></body></html>\n`;
}

interface Missing {
  title: boolean;
  date: boolean;
  canonical: boolean;
  author: boolean;
  site: boolean;
}

function metaTags(entry: FeedEntry, site: string | null, missing: Missing): string[] {
  const tags: string[] = [];
  const meta = (attr: 'name' | 'property', key: string, value: string) => tags.push(`<meta ${attr}="${key}" content="${escapeHtml(value)}">`);
  if (missing.title && entry.title) meta('property', 'og:title', entry.title);
  if (missing.date && entry.published) meta('property', 'article:published_time', entry.published);
  if (missing.canonical && entry.url) tags.push(`<link rel="canonical" href="${escapeHtml(canonicalUrl(entry.url))}">`);
  if (missing.author && entry.author) meta('name', 'author', entry.author);
  if (missing.site && site) meta('property', 'og:site_name', site);
  return tags;
}

/** The fetched page with the entry's metadata added where the page has none of its own. */
function withMetadata(pageHtml: string, entry: FeedEntry, site: string | null): string {
  const { document } = parseHTML(pageHtml);
  const has = (selector: string) => document.querySelector(selector) !== null;
  const missing: Missing = {
    title: !has('meta[property="og:title"], meta[name="og:title"], meta[name="twitter:title"]') && !(document.querySelector('title')?.textContent ?? '').trim(),
    date: !has(['article:published_time', 'datePublished', 'date', 'pubdate', 'dc.date', 'DC.date.issued', 'parsely-pub-date'].map((n) => `meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`).join(', ')) && !ldJsonDated(document),
    canonical: !has('link[rel="canonical"], meta[property="og:url"]'),
    // A byline in the page (which Readability finds) is the page's own word; a meta author would override it.
    author: !has('meta[name="author"], meta[property="author"], meta[name="dc.creator"], meta[name="parsely-author"], [rel="author"], [itemprop~="author"], [class*="byline"], [class*="author"], [id*="byline"], [id*="author"]'),
    site: !has('meta[property="og:site_name"]'),
  };
  const tags = metaTags(entry, site, missing);
  // A body with no element at all (a page of stray "<"s) has no root to add to: the reader will say what it is.
  if (tags.length === 0 || !document.documentElement) return pageHtml;
  let head = document.head as { insertAdjacentHTML(where: string, html: string): void } | null;
  if (!head) {
    document.documentElement?.insertAdjacentHTML('afterbegin', '<head></head>');
    head = document.head;
  }
  if (!head) return pageHtml;
  head.insertAdjacentHTML('beforeend', tags.join(''));
  return document.toString();
}

/**
 * How deep a document may nest before it is passed on untouched. linkedom took 20 s to parse 100,000 nested
 * <div>s (0.25 s for 20,000), and the poller must not stall on a hostile page; the ingest path reads such a page
 * as it reads any file, within its time budget and depth cap (src/ingest/html.ts, pool.ts). Real pages nest a
 * few dozen deep.
 */
const MAX_DEPTH = 1_000;
/** Elements that never nest (void) or that HTML closes itself when the next one opens: they add no depth. */
const FLAT = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp', 'colgroup', 'caption']);

/**
 * Whether elements nest deeper than `max`, estimated in one pass over the tags without building a DOM. A tag is
 * read only up to the next "<" or ">", so a run of unclosed "<" costs one step each.
 */
function nestsDeeper(html: string, max: number): boolean {
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*>/g)) {
    const name = m[2]!.toLowerCase();
    if (FLAT.has(name) || m[0].endsWith('/>')) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) return true;
  }
  return false;
}

/** Whether the page's JSON-LD gives a publication date (Readability reads it before any meta tag). */
function ldJsonDated(document: { querySelectorAll(s: string): Iterable<{ textContent: string | null }> }): boolean {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) if ((script.textContent ?? '').includes('"datePublished"')) return true;
  return false;
}

/** An entry's HTML without code, embeds and forms: the text an analyst would read. */
function cleanHtml(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  for (const el of document.querySelectorAll(NOT_TEXT)) el.remove();
  return document.body.innerHTML;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}
