// Turns the blocks of a scraped page (lines of a text file, or blocks an HTML extractor found) into an article:
// reporting paragraphs, metadata inferred from the page, and reader comments kept apart.
import type { ArticleMeta, Paragraph, ReaderComment } from '../types.ts';
import { collapseWhitespace } from '../text/normalize.ts';
import { homeCountry } from './country.ts';
import { classifyLine, outletName, TRAILING_AGENCY } from './chrome.ts';
import { parseComments } from './comments.ts';
import { DATELINE, dateLine, datelineDate, datesWithYear, withYear, type FoundDate } from './dates.ts';

export interface Block {
  text: string;
  /** Known to be a heading (an HTML h1–h6); text lines are judged by their shape. */
  heading?: boolean;
}

export interface PageHints extends Partial<ArticleMeta> {}

export interface Page extends ArticleMeta {
  paragraphs: Paragraph[];
  comments: ReaderComment[];
  country: string | null;
}

const HEADER_LINES = 12;
const AGENCY_DATELINE = /^(\p{Lu}[\p{L} .'-]{1,30}?)\s*\(([\p{Lu}][\p{L}/ ]{1,30})\)\s*[-\u2013\u2014:.]+\s*/u;
const CAPS_DATELINE = /^(\p{Lu}[\p{Lu} .'-]{2,30}(?:,\s*\p{Lu}[\p{L} .]{1,30})?)\s*(?:\(([\p{Lu}][\p{L}/ ]{1,30})\))?\s*[\u2014\u2013-]{1,2}\s+(?=\p{Lu})/u;
const DATE_FIELD = /^date\s+(\d{4}-\d{2}-\d{2})(?:\s+[A-Z]{2,4})?\s+(?=\S)/u;

/**
 * Reads blocks top to bottom. `hints` are what the file itself declares (front matter, HTML metadata): they win
 * over inference. `receivedAt` fixes the year of a date printed without one when the article names no year.
 */
export function readPage(blocks: Block[], hints: PageHints, receivedAt: Date): Page {
  let title: string | null = null;
  let author: string | null = null;
  let outlet: string | null = null;
  let date: FoundDate | null = null;
  let place: string | null = null;
  const kept: Block[] = [];
  let prose = 0;
  let commentLines: string[] = [];
  let ended = false;
  let inKeyPoints = false;

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    let text = block.text.trim();
    if (text === '') continue;
    const line = classifyLine(text);
    if (line.kind === 'comments-start') { commentLines = blocks.slice(i + 1).map((b) => b.text); break; }
    if (line.kind === 'end-of-article') { ended = true; continue; }
    if (line.kind === 'link') {
      // The linked story's title, on the next line, is not this article either.
      const next = blocks[i + 1]?.text.trim() ?? '';
      if (line.bare && next && next.split(/\s+/).length <= 16 && !/[.!?"\u201d]$/u.test(next)) i++;
      continue;
    }
    if (ended || line.kind === 'chrome') continue;
    if (line.kind === 'key-points') { inKeyPoints = true; continue; }
    if (inKeyPoints && /^[•·▪*-]\s/u.test(text)) continue;
    inKeyPoints = false;
    if (line.kind === 'breadcrumb') { title ??= line.last; continue; }
    if (line.kind === 'author') { author ??= line.name; continue; }
    if (line.kind === 'outlet') { outlet ??= line.name; continue; }
    if (i < HEADER_LINES || kept.length < 3) {
      const d = dateLine(text);
      if (d) { date ??= d; continue; }
      // A scraper's "date 2025-03-17" field run into the first paragraph is metadata, not reporting.
      const field = DATE_FIELD.exec(text);
      if (field) {
        date ??= dateLine(field[1]!);
        text = text.slice(field[0].length).trim();
        if (text === '') continue;
      }
    }
    // "Jakarta (ANTARA) - …", "LISBON, Portugal (AP) — …", "BEIJING — …": a dateline with no date.
    const bare = prose < 3 ? AGENCY_DATELINE.exec(text) ?? CAPS_DATELINE.exec(text) : null;
    if (bare) {
      if (bare[2]) outlet ??= bare[2];
      place ??= bare[1]!;
      text = text.slice(bare[0].length).trim();
    }
    const dl = /^\p{Lu}[^,]{0,60},/u.test(text) ? DATELINE.exec(text) : null;
    if (dl) {
      date ??= datelineDate(dl[2]!);
      place ??= dl[1]!;
      if (dl[3]) outlet ??= dl[3];
      text = text.slice(dl[0].length).trim();
      if (text === '') continue;
    }
    const agency = text.endsWith(')') ? TRAILING_AGENCY.exec(text) : null;
    if (agency) {
      outlet ??= agency[1]!;
      text = text.slice(0, agency.index).trim();
      if (text === '') continue;
    }
    const keep = { text: text.replace(/^[•·▪]\s+|^[-*]\s+(?=\p{Lu})/u, ''), heading: block.heading };
    kept.push(keep);
    // A dateline opens the story: it is looked for only before the third block of prose.
    if (prose < 3 && !looksLikeHeadline(keep)) prose++;
  }

  // The first block is the headline when it reads like one; a repeated headline is printed once, as a heading
  // paragraph (headlines can carry a statement: "Kim Says \"…\"", "Tariffs have nullified Agoa – Tau").
  if (title === null && kept[0] && looksLikeHeadline(kept[0])) title = kept[0].text;
  const headlines = new Set<string>();
  const paragraphs: Paragraph[] = [];
  for (const [i, b] of kept.entries()) {
    // A page cut off mid-sentence ends in a long line without a full stop: prose, not a heading.
    const cut = i === kept.length - 1 && b.heading === undefined && b.text.split(/\s+/).length >= 14;
    const heading = !cut && looksLikeHeadline(b);
    if (heading) {
      const k = key(b.text);
      if (headlines.has(k)) continue;
      headlines.add(k);
    }
    paragraphs.push({ text: b.text, heading });
  }

  return {
    title: hints.title ?? (title ? collapseWhitespace(title) : null),
    outlet: hints.outlet ?? (outlet ? outletName(outlet) : null),
    author: hints.author ?? author,
    date: hints.date ?? (date ? datedIn(date, paragraphs, receivedAt) : null),
    url: hints.url ?? null,
    paragraphs,
    comments: parseComments(commentLines),
    country: homeCountry(place, paragraphs),
  };
}

function looksLikeHeadline(b: Block): boolean {
  if (b.heading !== undefined) return b.heading;
  const t = b.text.trim();
  // The cheap tests first: most blocks are prose that ends with a full stop.
  if (/[.!?:;,]["\u201d\u2019)]?$/u.test(t) || !/^[\p{Lu}\p{N}"\u201c\u2018]/u.test(t)) return false;
  if (/^["\u201c].*["\u201d]$/u.test(t)) return false; // a pull quote, not a heading
  return fewerWordsThan(t, 21);
}

/** Whether a text has fewer than `n` words, without splitting all of it. */
function fewerWordsThan(text: string, n: number): boolean {
  let words = 1;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) if (text[i + 1] !== ' ' && ++words >= n) return false;
  return true;
}

function key(text: string): string {
  return collapseWhitespace(text).toLowerCase();
}

/**
 * The year of a dateline printed without one ("New Delhi, Jan 13"): the year that puts it nearest the latest
 * full date the article mentions, or else the latest year not after the page was saved.
 */
function datedIn(date: FoundDate, paragraphs: Paragraph[], receivedAt: Date): string {
  if (date.year !== null) return withYear(date, receivedAt);
  const mentioned = datesWithYear(paragraphs.map((p) => p.text).join('\n')).sort();
  const latest = mentioned[mentioned.length - 1];
  if (!latest) return withYear(date, receivedAt);
  const ref = Date.parse(`${latest}T00:00:00Z`);
  const y = Number(latest.slice(0, 4));
  const candidates = [y - 1, y, y + 1].map((c) => ({ c, t: Date.UTC(c, date.month - 1, date.day) }));
  const best = candidates.filter((x) => x.t <= receivedAt.getTime() + 2 * 86_400_000).sort((a, b) => Math.abs(a.t - ref) - Math.abs(b.t - ref))[0];
  return best ? withYear({ ...date, year: best.c }, receivedAt) : withYear(date, receivedAt);
}
