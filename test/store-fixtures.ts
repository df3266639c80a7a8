// Small invented articles, written straight into a SqliteStore as the extractor would hand them over, so tests of
// storage, speaker resolution and answers do not depend on the extractor.
import type { ExtractedArticle, FoundQuote, FoundSpeaker, QuoteKind, SpeakerKind } from '../src/types.ts';
import { SqliteStore } from '../src/store/sqlite-store.ts';
import { nameKey } from '../src/text/normalize.ts';
import { organisationKey } from '../src/text/entity-words.ts';

export interface Who {
  name: string;
  kind?: SpeakerKind;
  roles?: string[];
  /** The entity's own other names; the name itself is always one. */
  aliases?: string[];
}

export interface Said {
  /** null: the article prints the words but does not say who spoke them. */
  by: Who | null;
  text: string;
  kind?: QuoteKind;
  verb?: string;
  sieve?: string;
}

export interface ArticleSpec {
  date?: string;
  title?: string;
  outlet?: string;
  quotes?: Said[];
  /** Speakers the article names without quoting them. */
  mentions?: Who[];
  /** More paragraphs of reporting. */
  reporting?: string[];
}

let hashes = 0;

export function article(file: string, spec: ArticleSpec): ExtractedArticle {
  const speakers: FoundSpeaker[] = [];
  const refOf = (w: Who): number => {
    const kind = w.kind ?? 'person';
    const key = kind === 'organisation' ? organisationKey(w.name) : nameKey(w.name);
    let i = speakers.findIndex((s) => s.kind === kind && s.key === key);
    if (i < 0) {
      i = speakers.length;
      speakers.push({
        ref: i, kind, name: w.name, key, surname: kind === 'person' ? nameKey(w.name).split(' ').pop()! : null,
        roles: w.roles ?? [], aliases: [w.name, ...(w.aliases ?? [])],
      });
    }
    return i;
  };
  const paragraphs: { text: string; heading: boolean }[] = [];
  const quotes: FoundQuote[] = [];
  for (const q of spec.quotes ?? []) {
    const ref = q.by ? refOf(q.by) : null;
    const kind = q.kind ?? 'direct';
    const text = kind === 'reported' ? `${q.by?.name ?? 'A person'} ${q.verb ?? 'said'} ${q.text}.` : `"${q.text}," ${q.by ? `${q.by.name} said` : 'a banner read'}.`;
    const start = kind === 'reported' ? text.indexOf(q.text) : 1;
    quotes.push({ speakerRef: ref, sieve: q.sieve ?? (ref === null ? 'none' : 'trigram/name'), kind, verb: kind === 'reported' ? (q.verb ?? 'said') : 'said', via: null, text: q.text, paragraph: paragraphs.length, start });
    paragraphs.push({ text, heading: false });
  }
  for (const w of spec.mentions ?? []) {
    refOf(w);
    paragraphs.push({ text: `${w.name} attended the meeting.`, heading: false });
  }
  for (const r of spec.reporting ?? []) paragraphs.push({ text: r, heading: false });
  return {
    file, hash: `h${++hashes}`, size: 100, mtimeMs: 1,
    title: spec.title ?? file, outlet: spec.outlet ?? null, author: null, date: spec.date ?? '2026-01-13', url: null,
    paragraphs, comments: [], speakers, quotes, country: null,
  };
}

/** A store over these articles, in memory. */
export async function storeWith(...articles: ExtractedArticle[]): Promise<SqliteStore> {
  const store = new SqliteStore(':memory:');
  await store.putArticles(articles);
  return store;
}
