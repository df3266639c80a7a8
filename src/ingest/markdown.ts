// Markdown articles: rendered with marked, then read block by block like HTML (no Readability: it is all article).
import { marked } from 'marked';
import { htmlBlocks } from './html.ts';
import type { Block } from './page.ts';

export function readMarkdown(markdown: string): Block[] {
  const html = marked.parse(capEmphasis(markdown), { async: false, gfm: true });
  return htmlBlocks(html);
}

/**
 * Emphasis marks in one line beyond which they are read as plain characters. marked's inline rules rescan to the end
 * of a paragraph for each mark that opens nothing ("_a_a_a…": 50,000 of them took 5.6 s); a line of prose has a few.
 */
export const MAX_EMPHASIS_MARKS = 64;
const EMPHASIS = /[*_~]/g;

/** Escapes every emphasis mark of a line that has more than MAX_EMPHASIS_MARKS of them. */
function capEmphasis(markdown: string): string {
  if ((markdown.match(EMPHASIS)?.length ?? 0) <= MAX_EMPHASIS_MARKS) return markdown;
  return markdown.replace(/[^\n]+/g, (line) => {
    let marks = 0;
    for (let i = 0; i < line.length && marks <= MAX_EMPHASIS_MARKS; i++) if (line[i] === '*' || line[i] === '_' || line[i] === '~') marks++;
    return marks > MAX_EMPHASIS_MARKS ? line.replace(EMPHASIS, '\\$&') : line;
  });
}
