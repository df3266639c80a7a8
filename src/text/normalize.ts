// Text keys. Outlets reprint the same words with different quote marks, spacing and punctuation
// ("@USTreasury" / "US Treasury", "chains.I" / "chains. I"), so matching needs looser keys than display.

const QUOTE_MARKS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"',
};

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The form in which a quote must occur in its article: case, quote-mark style and spacing are ignored,
 * every other character counts. This is what "verbatim" means everywhere in briefbot.
 */
export function verbatimForm(text: string): string {
  return collapseWhitespace(text.normalize('NFKC').replace(/[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033]/g, (c) => QUOTE_MARKS[c] ?? c)).toLowerCase();
}

/** True when `quote` occurs verbatim (in the sense above) in `text`. */
export function occursVerbatim(quote: string, text: string): boolean {
  const q = verbatimForm(quote);
  return q.length > 0 && verbatimForm(text).includes(q);
}

/** The word without its accents ("Lucía" → "Lucia"): how name lists and word lists spell it. */
export function withoutMarks(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Letters and digits only, lowercased: the key that matches one quote across outlets. */
export function matchKey(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const nameKeys = new Map<string, string>();

/** Lowercased words without punctuation or a leading "the": how names and aliases are compared. */
export function nameKey(text: string): string {
  // The same few thousand names and roles recur in every article: remember them.
  let key = nameKeys.get(text);
  if (key === undefined) {
    if (nameKeys.size > 50_000) nameKeys.clear();
    key = computeNameKey(text);
    nameKeys.set(text, key);
  }
  return key;
}

function computeNameKey(text: string): string {
  return text
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .replace(/\bu\.s\.a?\.?|\bunited states( of america)?\b/g, 'us')
    .replace(/\bu\.k\.|\bunited kingdom\b/g, 'uk')
    .replace(/[^\p{L}\p{N}@]+/gu, ' ')
    .replace(/^\s*the\s+/, '')
    .trim();
}

/** Splits a handle's camel case: "@SecScottBessent" → "Sec Scott Bessent", "@USTreasury" → "US Treasury". */
export function splitHandle(handle: string): string {
  return handle
    .replace(/^@/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim();
}

/** Strips punctuation a quote's edges pick up from the surrounding sentence (",", ".", ":"), not inner punctuation. */
export function trimQuoteEdges(text: string): string {
  const head = text.replace(/^[\s,;:.\u2026-]+/, '');
  // From the end by hand: an end-anchored regex is tried at every character of a long run and is quadratic.
  let end = head.length;
  while (end > 0 && TRAILING_EDGE.test(head[end - 1]!)) end--;
  return head.slice(0, end);
}
const TRAILING_EDGE = /[\s,;:.\u2014\u2013-]/;
