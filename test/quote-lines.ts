// Extraction results as readable lines, shared by the attribution specifications.
import { extractQuotes } from '../src/extract/quotes.ts';
import { extractArticle } from '../src/ingest/extract-article.ts';
import type { FoundQuote, FoundSpeaker } from '../src/types.ts';

/** "Speaker [kind]: text" for each quote found in the paragraphs; "?" when no one is named as saying it. */
export function quoteLines(paragraphs: string[], options: { via?: boolean } = {}): string[] {
  return asLines(extractQuotes(paragraphs.map((text) => ({ text, heading: false }))), options);
}

/** The same lines for a whole stored file, parsed as the bot parses it (headings, page furniture and all). */
export function fileLines(name: string, text: string): string[] {
  const r = extractArticle(name, new TextEncoder().encode(text), { size: text.length, mtimeMs: Date.parse('2026-05-08') });
  if (!r.ok) throw new Error(r.reason);
  return asLines(r.article);
}

function asLines({ speakers, quotes }: { speakers: FoundSpeaker[]; quotes: FoundQuote[] }, options: { via?: boolean } = {}): string[] {
  return quotes.map((q) => {
    const who = q.speakerRef === null ? '?' : speakers[q.speakerRef]!.name;
    return `${who} [${q.kind}${options.via && q.via ? `, ${q.via}` : ''}]: ${q.text}`;
  });
}

/** The speaker of each quote whose text contains `words` (null when unattributed). */
export function whoSaid(words: string, ...paragraphs: string[]): (string | null)[] {
  const { speakers, quotes } = extractQuotes(paragraphs.map((text) => ({ text, heading: false })));
  return quotes.filter((q) => q.text.toLowerCase().includes(words.toLowerCase())).map((q) => (q.speakerRef === null ? null : speakers[q.speakerRef]!.name));
}
