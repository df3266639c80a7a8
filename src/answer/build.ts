// Quotes for display, from the store's rows: each with its speaker's name and preferred role.
import type { Quote } from '../types.ts';
import type { SpeakerRow, Store } from '../store/store.ts';
import { assembleQuote } from './assemble.ts';

/** Citations listed per quote: the latest; `Quote.articles` gives how many carry it in all. */
export const CITATIONS_PER_QUOTE = 20;

/** The quotes with these ids, in this order; an unattributed quotation has a null speaker. */
export async function buildQuotes(store: Store, speakers: SpeakerCache, ids: number[]): Promise<Quote[]> {
  const groups = await store.citations(ids, CITATIONS_PER_QUOTE);
  const quotes: Quote[] = [];
  for (const id of ids) {
    const group = groups.get(id);
    if (!group) continue;
    const speakerId = group.rows[0]!.speakerId;
    if (speakerId === null) {
      quotes.push(assembleQuote(id, group.rows, group.articles, { name: null, role: null }));
      continue;
    }
    const s = await speakers.get(speakerId);
    if (!s) continue;
    quotes.push(assembleQuote(id, group.rows, group.articles, { name: s.name, role: s.role }));
  }
  return quotes;
}

/** Speakers looked up once per answer or digest. */
export class SpeakerCache {
  private readonly rows = new Map<number, Promise<SpeakerRow | null>>();
  constructor(private readonly store: Store) {}
  get(id: number): Promise<SpeakerRow | null> {
    let r = this.rows.get(id);
    if (!r) {
      r = this.store.speaker(id);
      this.rows.set(id, r);
    }
    return r;
  }
}

