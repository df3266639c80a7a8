// When new words are a Quote already stored: the same words from the same speaker, however old; or, for quotations,
// a longer or shorter excerpt of words the speaker was recently quoted with. The rule is the core's; a Store finds
// the exact matches in its index, asks `fold` which quotes the words belong to, writes what that means (a new quote,
// or several quotes merged into the oldest), and tells the window with `record` and `merged`.
import type { QuoteKind } from '../types.ts';

/** The shorter of two texts must be this long (letters and digits) before it folds into the longer one. */
export const MIN_FOLD_KEY = 12;
/**
 * How many of a speaker's latest quotations a new one is compared with, to fold excerpts into one quote.
 * Identical words fold whatever their age; excerpts are compared within this window, which keeps indexing fast
 * at any corpus size: outlets reprint and excerpt a quote within days, not a year later.
 */
export const FOLD_WINDOW = 300;
/** Speakers whose latest quotations are kept in memory for folding: bounds memory on a corpus of thousands. */
const FOLD_SPEAKERS = 1000;

export interface RecentQuote {
  quoteId: number;
  /** The words' match key (matchKey: letters and digits). */
  key: string;
}

export class FoldingWindow {
  /** Each speaker's latest quotations by "speaker:kind", least recently used first. */
  private readonly recent = new Map<string, RecentQuote[]>();

  /** `load`: a speaker's latest FOLD_WINDOW quotations of a kind, oldest first (read when the window lacks them). */
  constructor(private readonly load: (speakerId: number, kind: QuoteKind, limit: number) => RecentQuote[]) {}

  /**
   * The quotes these words belong to: `exact` (stored quotes with the same words, speaker and kind, as the store
   * found them), and for an attributed quotation those of the speaker's recent ones that contain these words or are
   * contained in them. Unattributed words fold only when identical: a shorter quotation inside a longer one may be
   * someone else's. Reported speech is a paraphrase and folds only when identical too.
   */
  fold(speakerId: number | null, kind: QuoteKind, key: string, exact: number[]): number[] {
    const found = new Set(exact);
    for (const r of this.window(speakerId, kind) ?? []) {
      // Only the longer of the two can hold the other.
      if (r.key.length >= key.length ? key.length >= MIN_FOLD_KEY && r.key.includes(key) : r.key.length >= MIN_FOLD_KEY && key.includes(r.key)) found.add(r.quoteId);
    }
    return [...found].sort((x, y) => x - y);
  }

  /** The quote these words were stored as. */
  record(speakerId: number | null, kind: QuoteKind, quoteId: number, key: string): void {
    const list = this.window(speakerId, kind);
    if (!list) return;
    list.push({ quoteId, key });
    if (list.length > FOLD_WINDOW) list.shift();
  }

  /** Quote `from` was merged into `into`. */
  merged(speakerId: number | null, kind: QuoteKind, from: number, into: number): void {
    for (const r of this.window(speakerId, kind) ?? []) if (r.quoteId === from) r.quoteId = into;
  }

  /** After an article is removed, another process wrote, or a batch failed: read again on next use. */
  clear(): void {
    this.recent.clear();
  }

  private window(speakerId: number | null, kind: QuoteKind): RecentQuote[] | null {
    if (kind === 'reported' || speakerId === null) return null;
    const k = `${speakerId}:${kind}`;
    let list = this.recent.get(k);
    if (list) {
      // Most recently used last: the speakers reported today stay, the long tail is read again when it returns.
      this.recent.delete(k);
    } else {
      if (this.recent.size >= FOLD_SPEAKERS) this.recent.delete(this.recent.keys().next().value!);
      list = this.load(speakerId, kind, FOLD_WINDOW);
    }
    this.recent.set(k, list);
    return list;
  }
}
