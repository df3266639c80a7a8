// A fetched body as a feed: RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed, read into entries the sources can follow.
// XML goes through @extractus/feed-extractor (fast-xml-parser underneath: bounded entity expansion and nesting, a
// synchronous parse-from-string API); see test/source-feed.test.ts for why it was chosen over rss-parser. Its own
// normalised fields get Atom links, dates, ids and URLs wrong on real feeds' shapes, so each entry's raw fields are
// kept (getExtraEntryFields) and read here.
import { createHash } from 'node:crypto';
import { extractFromXml } from '@extractus/feed-extractor';
import * as chrono from 'chrono-node';
import { parseHTML } from 'linkedom';
import { z } from 'zod';

export type FeedKind = 'rss' | 'atom' | 'json';

export interface FeedEntry {
  /** guid / Atom id / JSON Feed id, else the link, else a hash of title and date. */
  id: string;
  /** Absolute http(s) URL, resolved against xml:base and the feed's URL. */
  url: string | null;
  title: string | null;
  /** ISO 8601 (UTC). */
  published: string | null;
  /** The entry's own content as HTML: the full text when the feed carries it, else its summary. Not cleaned. */
  html: string | null;
  author: string | null;
}

export interface ParsedFeed {
  kind: FeedKind;
  title: string | null;
  home: string | null;
  entries: FeedEntry[];
  /** What was left out and why (repeated ids, empty items, the cap), for the source's log. */
  notes?: string[];
}

/** At most this many entries are read per fetch, the newest: a feed that lists its whole archive is not a backlog. */
export const MAX_FEED_ENTRIES = 500;

const RETRY = 'the source keeps its last good items and will be fetched again';

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/feed+json', 'application/x-rss+xml', 'application/rss+json']);
const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);
/** Types servers send for anything: the body decides. */
const GENERIC_TYPES = new Set(['', 'text/xml', 'application/xml', 'application/json', 'text/json', 'text/plain', 'application/octet-stream', 'binary/octet-stream']);

type Shape =
  | { kind: 'feed'; format: 'rss' | 'rdf' | 'atom' }
  | { kind: 'feed'; format: 'json'; data: unknown }
  | { kind: 'page' }
  | { kind: 'none'; why: string };

/** What a fetched body is: a feed, an HTML page (an article: a source of one), or neither (with why). */
export function sniffBody(body: string, contentType: string): 'feed' | 'page' | { unknown: string } {
  return classify(mediaType(contentType), bodyShape(body));
}

function classify(type: string, shape: Shape): 'feed' | 'page' | { unknown: string } {
  if (FEED_TYPES.has(type)) return 'feed';
  // A feed served as text/html is common enough (misconfigured CMSs) to look at the body first.
  if (PAGE_TYPES.has(type)) return shape.kind === 'feed' ? 'feed' : 'page';
  if (!GENERIC_TYPES.has(type) && !type.endsWith('+xml') && !type.endsWith('+json')) return { unknown: `it is ${type}, neither a feed nor a web page` };
  if (shape.kind === 'none') return { unknown: shape.why };
  return shape.kind;
}

export function parseFeed(body: string, contentType: string, feedUrl: string): { ok: true; feed: ParsedFeed } | { ok: false; reason: string } {
  const where = `the feed at ${feedUrl}`;
  const text = body.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, reason: `${where} came back empty; ${RETRY}` };
  const shape = bodyShape(text);
  const sniffed = classify(mediaType(contentType), shape);
  if (typeof sniffed === 'object') return { ok: false, reason: `${where} is not a feed: ${sniffed.unknown}; check the address` };
  if (shape.kind === 'page') {
    return { ok: false, reason: `${where} is an HTML web page, not a feed (RSS, Atom or JSON Feed); check the address: the site may have moved its feed, or answered with an error or sign-in page` };
  }
  if (shape.kind === 'none') return { ok: false, reason: `${where} is not a feed: ${shape.why}; ${RETRY}` };
  try {
    const feed = shape.format === 'json' ? readJsonFeed(shape.data, feedUrl) : readXmlFeed(text, shape.format, feedUrl, where);
    if ('reason' in feed) return { ok: false, reason: feed.reason };
    return { ok: true, feed: finish(feed, where) };
  } catch (err) {
    // The parsers are third-party code over hostile input: whatever they throw is a reason, not a crash.
    return { ok: false, reason: `${where} could not be read (${(err as Error).message}); ${RETRY}` };
  }
}

/**
 * A fetched body's bytes as text, by the first of: a byte-order mark, the Content-Type's charset, the XML
 * declaration's encoding, an HTML <meta charset>; else UTF-8, or windows-1252 when the bytes are not UTF-8 (the
 * usual undeclared Latin-1). A mark wins over a declaration: files re-encoded to UTF-8 often keep
 * encoding="ISO-8859-1". An encoding TextDecoder does not know is read as UTF-8.
 */
export function decodeBody(bytes: Uint8Array, contentType: string): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  // The first kilobytes as Latin-1: enough to read a declaration, whatever the real encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const inBody = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? /<meta[^>]*?charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  // A declaration read as ASCII cannot be in UTF-16: one that names it is wrong.
  const declared = bom ?? /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] ?? (inBody && !/^utf-?16/i.test(inBody) ? inBody : null);
  if (declared) {
    try {
      return new TextDecoder(declared.toLowerCase()).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      // Not an encoding TextDecoder knows: read below as undeclared.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** What the body itself looks like: its root element, or for JSON, whether it names a JSON Feed version. */
function bodyShape(body: string): Shape {
  const { at, doctypeHtml } = skipProlog(body);
  const c = body[at];
  if (c === undefined) {
    if (doctypeHtml) return { kind: 'page' };
    return { kind: 'none', why: body.trim() === '' ? 'it is empty' : 'it has an XML declaration, comments or a DOCTYPE but no element' };
  }
  if (c === '{' || c === '[') return jsonShape(body);
  if (c !== '<') return { kind: 'none', why: `it is neither XML, HTML nor JSON (it starts "${printable(body.slice(at, at + 24))}")` };
  const name = /^<([A-Za-z][\w:.-]*)/.exec(body.slice(at, at + 64))?.[1];
  if (name === 'rss') return { kind: 'feed', format: 'rss' };
  if (name === 'feed') return { kind: 'feed', format: 'atom' };
  if (name === 'rdf:RDF') return { kind: 'feed', format: 'rdf' };
  if (doctypeHtml || (name && /^(html|head|body)$/i.test(name))) return { kind: 'page' };
  if (!name) return { kind: 'none', why: `it is neither XML, HTML nor JSON (it starts "${printable(body.slice(at, at + 24))}")` };
  return { kind: 'none', why: `its XML root element is <${name}>, not <rss>, <feed> or <rdf:RDF>` };
}

/**
 * Skips a byte-order mark, whitespace, the XML declaration, processing instructions, comments and a DOCTYPE (with
 * its internal subset), to the first element. Written by hand because only the root's name is needed, and a
 * regular expression over a prolog that never closes would be quadratic; each step here moves forward.
 */
function skipProlog(body: string): { at: number; doctypeHtml: boolean } {
  let at = 0;
  let doctypeHtml = false;
  for (;;) {
    while (at < body.length && /[\s\uFEFF]/.test(body[at]!)) at++;
    if (body.startsWith('<?', at)) at = after(body, '?>', at);
    else if (body.startsWith('<!--', at)) at = after(body, '-->', at);
    else if (/^<!doctype/i.test(body.slice(at, at + 9))) {
      if (/^<!doctype\s+html/i.test(body.slice(at, at + 16))) doctypeHtml = true;
      // An internal subset ("<!DOCTYPE rss [ <!ENTITY …> ]>") holds ">"s of its own: it ends at "]>".
      const close = body.indexOf('>', at);
      const subset = body.slice(at, close < 0 ? body.length : close).indexOf('[');
      at = subset >= 0 ? after(body, ']>', at + subset) : close < 0 ? body.length : close + 1;
    } else return { at, doctypeHtml };
  }
}

function after(body: string, close: string, from: number): number {
  const i = body.indexOf(close, from);
  return i < 0 ? body.length : i + close.length;
}

function printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?');
}

function jsonShape(body: string): Shape {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (err) {
    return { kind: 'none', why: `it is not valid JSON (${(err as Error).message})` };
  }
  const version = typeof data === 'object' && data !== null && 'version' in data ? data.version : undefined;
  if (typeof version === 'string' && version.includes('jsonfeed.org')) return { kind: 'feed', format: 'json', data };
  return { kind: 'none', why: 'it is JSON but not a JSON Feed (it has no "version" naming jsonfeed.org)' };
}

/** An entry as read, before ids are settled and empty ones dropped. */
interface Draft {
  id: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  html: string | null;
  author: string | null;
}

interface Read {
  kind: FeedKind;
  title: string | null;
  home: string | null;
  drafts: Draft[];
}

/** fast-xml-parser's view of an element: a string, or attributes ("@_name") and text ("#text"), or a list of either. */
type Raw = Record<string, unknown>;

/** An item's body elements, which feed-extractor would strip of tags: see keptBody. */
const BODY_TAGS = new Set(['description', 'content:encoded', 'content', 'summary']);

/**
 * Renames an item's or entry's body elements ("kept:description" …) so feed-extractor does not see them. It strips
 * tags from them with /(<([^>]+)>)/g, which is quadratic in the "<"s left unclosed at the end (80 kB of "<" in a
 * CDATA section took 7 s); the bodies are read here instead, from the raw entry.
 */
function keptBody(tag: string, jPath: unknown): string {
  if (!BODY_TAGS.has(tag) || typeof jPath !== 'string') return tag;
  // "rss.channel.item.description", "rss.channel.item.content:content:encoded", or a stop node's "feed.entry".
  return /(?:^|\.)(?:item|entry)(?:\.[^.]+)?$/.test(jPath) ? `kept:${tag}` : tag;
}

const XML_OPTIONS = {
  descriptionMaxLen: 0,
  useISODateFormat: false,
  xmlParserOptions: {
    // "12345" stays a string: guids and titles are text, and "1e5" is not 100000.
    parseTagValue: false,
    // fast-xml-parser 5 decodes character references (&#8217;) only with this on; it also reads the HTML entities
    // (&nbsp;, &eacute;) that careless feeds put in XML text. CDATA sections are left alone either way.
    htmlEntities: true,
    // Atom content is kept as written, so type="xhtml" keeps its markup (parsed, it would lose its text's order).
    stopNodes: ['feed.entry.content', 'feed.entry.summary'],
    updateTag: keptBody,
  },
  getExtraFeedFields: (raw: Raw) => ({ raw }),
  getExtraEntryFields: (raw: Raw) => ({ raw }),
};

function readXmlFeed(text: string, format: 'rss' | 'rdf' | 'atom', feedUrl: string, where: string): Read | { reason: string } {
  let data;
  try {
    data = extractFromXml(text, XML_OPTIONS);
  } catch (err) {
    const message = (err as Error).message;
    if (/not well-formed/i.test(message)) return { reason: `${where} is not valid XML (${malformation(text, format)}); ${RETRY}` };
    // feed-extractor takes an Atom feed for one only once it has an entry, and fails on an RDF feed with no item:
    // either is a feed with nothing new (its title unknown).
    const item = format === 'atom' ? /<entry[\s>]/ : /<item[\s>/]/;
    if (format !== 'rss' && !item.test(text)) return { kind: format === 'atom' ? 'atom' : 'rss', title: null, home: null, drafts: [] };
    if (!/Unrecognized feed format/i.test(message)) throw err;
    const root = format === 'rss' ? '<rss> has no <channel>' : format === 'rdf' ? '<rdf:RDF> has no <channel>' : '<feed> is not an Atom feed';
    return { reason: `${where} is not a feed its reader understands (its ${root}); check the address` };
  }
  const feedRaw = asRaw(data.raw);
  const entries = (data.entries ?? []).map((e) => asRaw(e.raw));
  if (format === 'atom') {
    const base = absolute(attr(feedRaw, 'xml:base'), feedUrl) ?? feedUrl;
    const author = text0(asRaw(first(feedRaw.author)).name);
    return {
      kind: 'atom',
      title: plain(textOf(feedRaw.title)),
      home: atomLink(feedRaw.link, base),
      drafts: entries.map((raw) => atomEntry(raw, base, author)),
    };
  }
  const channel = format === 'rdf' ? asRaw(first(feedRaw.channel)) : feedRaw;
  return {
    kind: 'rss',
    title: plain(textOf(channel.title)),
    home: absolute(text0(channel.link), feedUrl),
    drafts: entries.map((raw) => rssEntry(raw, feedUrl)),
  };
}

/** The likeliest fault, for the analyst: a download cut short is the common one and worth naming. */
function malformation(text: string, format: 'rss' | 'rdf' | 'atom'): string {
  const root = format === 'rss' ? 'rss' : format === 'rdf' ? 'rdf:RDF' : 'feed';
  if (!new RegExp(`</${root}>\\s*$`).test(text.slice(-200))) return `it stops before its closing </${root}>: the download may have been cut short`;
  return 'an unclosed or mismatched tag, or a stray "<" or "&"';
}

function rssEntry(raw: Raw, feedUrl: string): Draft {
  const guid = text0(raw.guid);
  // RSS 2.0: a guid is the item's permalink unless it says isPermaLink="false"; many leave the attribute out of
  // guids that are not URLs, so only an absolute one is taken.
  const guidLink = guid && /^https?:\/\//i.test(guid) && attr(first(raw.guid), 'isPermaLink') !== 'false' ? guid : null;
  const url = absolute(text0(raw.link), feedUrl) ?? absolute(guidLink, feedUrl);
  return {
    id: guid ?? attr(raw, 'rdf:about'),
    url,
    title: plain(textOf(raw.title)),
    published: feedDate(text0(raw.pubDate) ?? text0(raw['dc:date'])),
    html: text0(raw['kept:content:encoded']) ?? text0(raw['kept:description']),
    author: plain(text0(raw['dc:creator'])) ?? rssAuthor(text0(raw.author)),
  };
}

/** RSS's <author> is an e-mail address, often with the name in brackets: "press@treasury.gov (Press Office)". */
function rssAuthor(value: string | null): string | null {
  if (!value || value.length > 200) return null; // not a name; and the bracket search stays short
  const named = /\(([^)]+)\)/.exec(value)?.[1]?.trim();
  if (named) return named;
  return /^\S+@\S+$/.test(value) ? null : value;
}

function atomEntry(raw: Raw, feedBase: string, feedAuthor: string | null): Draft {
  const base = absolute(attr(raw, 'xml:base'), feedBase) ?? feedBase;
  return {
    id: text0(raw.id),
    url: atomLink(raw.link, base),
    title: plain(textOf(raw.title)),
    // "published" is when it first appeared; "updated" (required) only when there is no "published".
    published: feedDate(text0(raw.published) ?? text0(raw.issued) ?? text0(raw.updated) ?? text0(raw.modified)),
    html: atomContent(raw['kept:content']) ?? atomContent(raw['kept:summary']),
    author: plain(text0(asRaw(first(raw.author)).name)) ?? feedAuthor,
  };
}

/** The link to the entry's page: rel="alternate" (or no rel) to HTML, not "self", "enclosure", "related"… */
function atomLink(links: unknown, base: string): string | null {
  const all = (Array.isArray(links) ? links : [links]).map(asRaw).filter((l) => attr(l, 'href'));
  const alternate = all.filter((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  const best = alternate.find((l) => /html/.test(attr(l, 'type') ?? 'text/html')) ?? alternate[0];
  if (!best) return null;
  return absolute(attr(best, 'href'), absolute(attr(best, 'xml:base'), base) ?? base);
}

/** Atom content as HTML, by its type; out-of-line content (src=) and other media types are not the entry's text. */
function atomContent(value: unknown): string | null {
  const raw = asRaw(first(value));
  const written = typeof first(value) === 'string' ? (first(value) as string) : typeof raw['#text'] === 'string' ? raw['#text'] : '';
  if (attr(raw, 'src') || written.trim() === '') return null;
  const type = (attr(raw, 'type') ?? 'text').toLowerCase();
  if (type === 'xhtml') return written.trim();
  if (type === 'html' || type === 'text/html') return xmlUnescape(written).trim() || null;
  if (type === 'text' || type === 'text/plain') return textToHtml(xmlUnescape(written));
  return null;
}

/**
 * One level of XML unescaping, for the Atom elements fast-xml-parser hands over as written (its stopNodes): CDATA
 * sections verbatim, the predefined entities and character references decoded; HTML's own entities are left to
 * the HTML reader. By hand because the parser offers no way to decode a stop node afterwards.
 */
function xmlUnescape(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const cdata = s.indexOf('<![CDATA[', i);
    out += decodeReferences(s.slice(i, cdata < 0 ? s.length : cdata));
    if (cdata < 0) break;
    const close = s.indexOf(']]>', cdata + 9);
    out += s.slice(cdata + 9, close < 0 ? s.length : close);
    i = close < 0 ? s.length : close + 3;
  }
  return out;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeReferences(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return PREDEFINED[name.toLowerCase()] ?? whole;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

// JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/). Each field is checked on its own: a field of the
// wrong type is left out, not the whole item, as feed readers do.
const optionalText = z.string().optional().catch(undefined);
const Person = z.object({ name: optionalText }).catch({ name: undefined });
const JsonItem = z.object({
  id: z.union([z.string(), z.number()]).optional().catch(undefined),
  url: optionalText,
  external_url: optionalText,
  title: optionalText,
  content_html: optionalText,
  content_text: optionalText,
  summary: optionalText,
  date_published: optionalText,
  date_modified: optionalText,
  authors: z.array(Person).optional().catch(undefined),
  author: Person.optional(),
});
const JsonFeedShape = z.object({
  title: optionalText,
  home_page_url: optionalText,
  authors: z.array(Person).optional().catch(undefined),
  author: Person.optional(),
  items: z.array(z.unknown()).catch([]),
});

/**
 * JSON Feed is read from the validated JSON here rather than through feed-extractor's extractFromJson, which only
 * renames fields, drops content_html for content_text, crashes on a null item and rewrites query strings in URLs.
 */
function readJsonFeed(data: unknown, feedUrl: string): Read {
  const feed = JsonFeedShape.parse(data);
  const feedAuthor = personName(feed.authors, feed.author);
  const drafts: Draft[] = [];
  for (const value of feed.items) {
    const item = JsonItem.safeParse(value);
    if (!item.success) continue;
    const i = item.data;
    drafts.push({
      id: i.id === undefined || i.id === '' ? null : String(i.id),
      url: absolute(i.url ?? null, feedUrl) ?? absolute(i.external_url ?? null, feedUrl),
      title: plain(i.title ?? null),
      published: feedDate(i.date_published ?? i.date_modified ?? null),
      html: nonEmpty(i.content_html) ?? textToHtml(i.content_text ?? '') ?? textToHtml(i.summary ?? ''),
      author: personName(i.authors, i.author) ?? feedAuthor,
    });
  }
  return { kind: 'json', title: plain(feed.title ?? null), home: absolute(feed.home_page_url ?? null, feedUrl), drafts };
}

function personName(authors: { name?: string | undefined }[] | undefined, author: { name?: string | undefined } | undefined): string | null {
  return nonEmpty(authors?.find((a) => nonEmpty(a.name))?.name) ?? nonEmpty(author?.name);
}

/** Ids settled, repeats and empty entries dropped, the newest MAX_FEED_ENTRIES kept; each omission noted. */
function finish(read: Read, where: string): ParsedFeed {
  const notes: string[] = [];
  const seen = new Set<string>();
  let empty = 0;
  let repeated = 0;
  let entries: FeedEntry[] = [];
  for (const d of read.drafts) {
    if (!d.url && !d.html) { empty++; continue; }
    // With neither id nor link, title and date name the entry; with neither of those either, its text does.
    const basis = d.title || d.published ? `${d.title ?? ''}\n${d.published ?? ''}` : (d.html ?? '');
    const id = d.id ?? d.url ?? `hash:${createHash('sha256').update(basis).digest('hex').slice(0, 16)}`;
    if (seen.has(id)) { repeated++; continue; }
    seen.add(id);
    entries.push({ ...d, id });
  }
  if (empty > 0) notes.push(`${where}: ${count(empty, 'item')} had neither a link nor any text and ${empty === 1 ? 'was' : 'were'} skipped`);
  if (repeated > 0) notes.push(`${where}: ${count(repeated, 'item')} repeated an earlier item's id and ${repeated === 1 ? 'was' : 'were'} read once`);
  if (entries.length > MAX_FEED_ENTRIES) {
    notes.push(`${where} lists ${entries.length.toLocaleString('en-US')} items; only the newest ${MAX_FEED_ENTRIES} are read each fetch`);
    // The newest by date (undated ones count as oldest), then back in the feed's own order.
    const time = (e: FeedEntry) => (e.published ? Date.parse(e.published) : -Infinity);
    const keep = new Set(entries.map((e, i) => ({ t: time(e), i })).sort((a, b) => b.t - a.t || a.i - b.i).slice(0, MAX_FEED_ENTRIES).map((x) => x.i));
    entries = entries.filter((_, i) => keep.has(i));
  }
  return { kind: read.kind, title: read.title, home: read.home, entries, ...(notes.length > 0 ? { notes } : {}) };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** RFC 822 with a numeric or US zone, and ISO 8601, are what Date reads reliably; the rest goes to chrono. */
const DATE_READS = /^\d{4}-\d{2}-\d{2}$|(?:[+-]\d{2}:?\d{2}|\dZ|\b(?:GMT|UTC?|[ECMP][SD]T))\s*$/i;

/** A feed's date as ISO 8601 (UTC), or null when it is not one. */
export function feedDate(value: string | null): string | null {
  const t = value?.trim();
  if (!t || t.length > 100) return null;
  if (DATE_READS.test(t)) {
    const ms = Date.parse(t);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  // Zones RFC 822 does not name (CET, IST, BST, JST …) and zone-less times, which chrono reads as UTC so the
  // result does not depend on the machine's zone.
  const r = chrono.parse(t, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 })[0];
  if (!r || !r.start.isCertain('year') || !r.start.isCertain('month') || !r.start.isCertain('day')) return null;
  const d = r.start.date();
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** An absolute http(s) URL, or null: relative links resolved, other schemes (javascript:, mailto:, file:) refused. */
function absolute(href: string | null | undefined, base: string): string | null {
  if (!href?.trim()) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Plain text as HTML paragraphs: blank lines part paragraphs, single line breaks stay breaks. */
export function textToHtml(value: string): string | null {
  const paragraphs = value.split(/\n[ \t]*\n/).map((p) => p.trim()).filter((p) => p !== '');
  if (paragraphs.length === 0) return null;
  return paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`).join('\n');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const MAX_PLAIN = 2_000;

/** Titles and names as plain text: feeds put HTML (entities, <em>) in them. */
function plain(whole: string | null): string | null {
  if (!whole) return null;
  // No title or name runs this long; the cut also bounds the document built below.
  const value = whole.slice(0, MAX_PLAIN);
  // Most titles have neither markup nor an entity: no document is built for them.
  if (!/<|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(value)) return value.replace(/\s+/g, ' ').trim() || null;
  const { document } = parseHTML(`<!doctype html><html><body><p>${value}</p></body></html>`);
  return (document.body.textContent ?? '').replace(/\s+/g, ' ').trim() || null;
}

function nonEmpty(s: string | null | undefined): string | null {
  return s && s.trim() !== '' ? s : null;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function asRaw(value: unknown): Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {};
}

function attr(value: unknown, name: string): string | null {
  const v = asRaw(value)[`@_${name}`];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** An element's text: a string, or its "#text" beside attributes. */
function textOf(value: unknown): string | null {
  const v = first(value);
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  const t = asRaw(v)['#text'];
  return typeof t === 'string' || typeof t === 'number' ? String(t) : null;
}

function text0(value: unknown): string | null {
  return nonEmpty(textOf(value)?.trim());
}
