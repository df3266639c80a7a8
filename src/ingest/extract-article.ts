// A file's bytes to an article ready for the store: decoded, parsed, quotes extracted and verified verbatim.
import type { ExtractedArticle, FoundQuote, Paragraph } from '../types.ts';
import { extractQuotes } from '../extract/quotes.ts';
import { decodeArticle } from './read.ts';
import { parseArticle } from './parse.ts';
import { contentHash } from './files.ts';

/** `overBudget`: the file took longer than its time budget to read, and was given up (see pool.ts). */
export type Extracted = { ok: true; article: ExtractedArticle; dropped: string[] } | { ok: false; reason: string; overBudget?: true };

/** The invariant every answer rests on: a quote's words are in the article, exactly where we say they are. */
export function verifyQuotes(paragraphs: Paragraph[], quotes: FoundQuote[]): { verified: FoundQuote[]; dropped: string[] } {
  const dropped: string[] = [];
  const verified = quotes.filter((q) => {
    const paragraph = paragraphs[q.paragraph]?.text ?? '';
    // Found exactly where the extractor says: stronger than occurring somewhere after normalisation.
    const ok = q.text.length > 0 && paragraph.slice(q.start, q.start + q.text.length) === q.text;
    if (!ok) dropped.push(q.text);
    return ok;
  });
  return { verified, dropped };
}

export function extractArticle(
  file: string,
  bytes: Uint8Array,
  stat: { size: number; mtimeMs: number },
  options: { maxBytes?: number; hash?: string } = {},
): Extracted {
  const decoded = decodeArticle(bytes, options.maxBytes);
  if (!decoded.ok) return decoded;
  let parsed;
  try {
    parsed = parseArticle(file, decoded.text, new Date(stat.mtimeMs));
  } catch (err) {
    return { ok: false, reason: `it could not be parsed (${(err as Error).message})` };
  }
  if (!parsed.ok) return parsed;
  const article = { ...parsed.article, hash: options.hash ?? contentHash(bytes), size: stat.size, mtimeMs: stat.mtimeMs };
  let extraction: ReturnType<typeof extractQuotes>;
  try {
    extraction = extractQuotes(parsed.article.paragraphs);
  } catch (err) {
    // A fault in the quote reader must not cost the article: its text is indexed, its quotes are not.
    return { ok: true, dropped: [`its quotes could not be read (${(err as Error).message}); the text is indexed without them`], article: { ...article, speakers: [], quotes: [] } };
  }
  const { verified, dropped } = verifyQuotes(parsed.article.paragraphs, extraction.quotes);
  return { ok: true, dropped, article: { ...article, speakers: extraction.speakers, quotes: verified } };
}
