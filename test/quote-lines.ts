// Extraction results as readable lines, shared by the attribution specifications.
import { extractQuotes } from '../src/extract/quotes.ts';

/** "Speaker [kind]: text" for each quote found in the paragraphs; "?" when no one is named as saying it. */
export function quoteLines(paragraphs: string[], options: { via?: boolean } = {}): string[] {
  const { speakers, quotes } = extractQuotes(paragraphs.map((text) => ({ text, heading: false })));
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
