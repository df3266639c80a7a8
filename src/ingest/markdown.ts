// Markdown articles: rendered with marked, then read block by block like HTML (no Readability: it is all article).
import { marked } from 'marked';
import { htmlBlocks } from './html.ts';
import type { Block } from './page.ts';

export function readMarkdown(markdown: string): Block[] {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return htmlBlocks(html);
}
