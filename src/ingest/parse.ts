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

/** Hard-wrapped text: a line that continues mid-sentence on the next line is one paragraph. */
function joinWrappedLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    const prev = out[out.length - 1];
    if (prev && line && /^\p{Ll}/u.test(line) && !/[.!?:"\u201d]$/u.test(prev)) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}
