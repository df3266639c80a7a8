// One file in, one article out (or the reason it cannot be one).
import { extname } from 'node:path';
import type { ParsedArticle } from '../types.ts';
import { splitFrontMatter } from './front-matter.ts';
import { readHtml } from './html.ts';
import { readMarkdown } from './markdown.ts';
import { readPage, type Block } from './page.ts';
import { normaliseDate } from './dates.ts';

export type Parsed = { ok: true; article: ParsedArticle } | { ok: false; reason: string };

export function parseArticle(file: string, text: string, receivedAt: Date): Parsed {
  const fm = splitFrontMatter(text);
  if (!fm.ok) return fm;
  const ext = extname(file).toLowerCase();
  let blocks: Block[];
  let hints = {};
  if (ext === '.html' || ext === '.htm') {
    const html = readHtml(fm.body);
    if (!html.ok) return html;
    blocks = html.blocks;
    hints = html.hints;
  } else if (ext === '.md' || ext === '.markdown') {
    blocks = readMarkdown(fm.body);
  } else {
    blocks = joinWrappedLines(fm.body.split(/\r?\n/)).map((text) => ({ text }));
  }
  const date = fm.fields.date === undefined ? undefined : normaliseDate(fm.fields.date);
  if (date === null) return { ok: false, reason: `its front matter date "${fm.fields.date}" is not a date (use YYYY-MM-DD)` };
  const page = readPage(blocks, { ...hints, ...fm.fields, ...(date ? { date } : {}) }, receivedAt);
  if (page.paragraphs.filter((p) => !p.heading).length === 0) return { ok: false, reason: 'no article text is left once page furniture is removed' };
  return { ok: true, article: { file, ...page } };
}

/**
 * Hard-wrapped text: a line that continues mid-sentence on the next line is one paragraph. A line that ends
 * without a sentence's end continues when the next starts in lower case; in a file wrapped at a fixed width
 * (wire copy: many lines near the longest, ending mid-sentence) it continues whatever the next line's case,
 * unless it is short enough to be a heading. Where such a file also puts blank lines between its paragraphs, a full
 * line goes on to the next even after a sentence's end ("…too sensitive to touch.⏎We have now built …").
 */
function joinWrappedLines(lines: string[]): string[] {
  const trimmed = lines.map((l) => l.trim());
  const width = wrapWidth(trimmed);
  const blanks = trimmed.filter((l) => l === '').length;
  const blankParagraphs = width > 0 && blanks >= 3 && blanks >= (trimmed.length - blanks) * 0.1;
  const out: string[] = [];
  let lastLine = '';
  for (const line of trimmed) {
    const prev = out[out.length - 1];
    const full = width > 0 && lastLine.length >= width * 0.6;
    const open = prev !== undefined && prev !== '' && (!ends(lastLine, width > 0) || blankParagraphs && full) && !MENU.test(prev) && !MENU.test(line);
    lastLine = line;
    const continues = open && line !== '' && (/^\p{Ll}/u.test(line) || full);
    if (continues) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}

const SENTENCE_END = /[.!?:;"\u201d\u2019)\]]$/u;
/** In wrapped copy a line may break after a closing quote mid-sentence ("were "not aimed at X"⏎and were"). */
const QUOTE_END = /["\u201d\u2019]$/u;
const QUOTE_SENTENCE_END = /[.!?]["\u201d\u2019]$/u;
/** Menus and metadata bars ("Top | Japan | Politics", "May 5 | Business") are lines of their own. */
const MENU = / \| /;

function ends(line: string, wrapped: boolean): boolean {
  if (wrapped && QUOTE_END.test(line)) return QUOTE_SENTENCE_END.test(line);
  return SENTENCE_END.test(line);
}

/** The width a file is wrapped at, or 0 when its lines are paragraphs. */
function wrapWidth(lines: string[]): number {
  const long = lines.filter((l) => l.length >= 40 && !MENU.test(l));
  if (long.length < 4) return 0;
  // The longest lines but a few: a menu bar or a pasted link is longer than the width the text is wrapped at.
  const lengths = long.map((l) => l.length).sort((a, b) => a - b);
  const width = lengths[Math.floor((lengths.length - 1) * 0.95)]!;
  if (width > 100) return 0;
  const wrapped = long.filter((l) => l.length >= width * 0.8 && !SENTENCE_END.test(l)).length;
  return wrapped >= 3 && wrapped >= long.length * 0.3 ? width : 0;
}
