// What every index backend computes the same way, whatever its SQL: the bounds a query reads within, the counts an
// article adds to or takes from its speakers, and the words a speaker gains or loses with a name or role. Taken out of
// sqlite-store.ts unchanged so that the PostgreSQL store keeps the same books.
import type { ExtractedArticle, QuoteKind, SpeakerKind } from '../types.ts';
import { nameKey } from '../text/normalize.ts';
import { keyWords } from './speaker-words.ts';

export const KIND_RANK: Record<QuoteKind, number> = { direct: 0, statement: 1, reported: 2 };
/**
 * Full-text matches considered per query: the most recently indexed ones, ranked by BM25 among themselves.
 * Ranking every match of a common word costs time in proportion to the corpus; this keeps a query's cost flat.
 */
export const RECENT_MATCHES = 200;
/** A speaker's roles given by fewer than this share of the articles naming them are not looked up. */
export const RARE_ROLE = 0.01;
/** Citations whose wording is compared per quote when leaving out words an attributed quote already shows. */
export const KEYS_PER_QUOTE = 50;
/** Speakers one exact name or role can give a question: the most quoted of them. */
export const MAX_NAMED = 50;
/** Files' stamps read at a time at start-up, between which questions are answered. */
export const STAMPS_PAGE = 5000;

type Counts = Map<number, { quotes: number; quotedIn: number; mentions: number }>;
type KeyCounts = Map<string, { speakerId: number; key: string; isRole: number; name: string; n: number }>;

/** Changes to the small count tables, summed over a batch of articles and written once at its end. */
export class Tally {
  readonly speakers: Counts = new Map();
  readonly keys: KeyCounts = new Map();
  readonly countries = new Map<string, { speakerId: number; country: string; n: number }>();
  speaker(id: number, field: 'quotes' | 'quotedIn' | 'mentions', by: number): void {
    const s = this.speakers.get(id) ?? { quotes: 0, quotedIn: 0, mentions: 0 };
    s[field] += by;
    this.speakers.set(id, s);
  }
  country(speakerId: number, country: string, by: number): void {
    const k = `${speakerId}\u0000${country}`;
    const e = this.countries.get(k) ?? { speakerId, country, n: 0 };
    e.n += by;
    this.countries.set(k, e);
  }
  key(speakerId: number, key: string, isRole: number, name: string, by: number): void {
    const k = `${speakerId}\u0000${isRole}\u0000${key}`;
    const e = this.keys.get(k) ?? { speakerId, key, isRole, name, n: 0 };
    e.n += by;
    if (by > 0) e.name = name;
    this.keys.set(k, e);
  }
  /** Speakers whose roles changed in the batch: their shown role is chosen again. */
  roleChanged(): Set<number> {
    return new Set([...this.keys.values()].filter((k) => k.isRole === 1 && k.n !== 0).map((k) => k.speakerId));
  }
  /** Whether some article stopped naming someone by some name (a speaker may be left unnamed and unquoted). */
  lostNames(): boolean {
    return [...this.keys.values()].some((k) => k.n < 0);
  }
}

/** Per corpus speaker, the names, aliases and roles an article uses for them: [key, isRole, name] by `${isRole}${key}`. */
export type ArticleNames = Map<number, Map<string, [string, number, string]>>;

/** What an article names, per corpus speaker (several speakers of one article can be one: "Bessent", "Scott Bessent"). */
export function articleNames(a: ExtractedArticle, speakerIds: number[]): ArticleNames {
  const names: ArticleNames = new Map();
  a.speakers.forEach((s, i) => {
    const id = speakerIds[i]!;
    const mine = names.get(id) ?? new Map<string, [string, number, string]>();
    for (const [name, isRole] of [[s.name, 0], ...s.aliases.map((n) => [n, 0]), ...s.roles.map((n) => [n, 1])] as [string, number][]) {
      const key = nameKey(name);
      if (key) mine.set(`${isRole}${key}`, [key, isRole, name]);
    }
    names.set(id, mine);
  });
  return names;
}

/** The names as kept with the article (JSON [[speakerId, [[key, isRole, name], …]], …]): what removing it takes away. */
export function namesJson(names: ArticleNames): string {
  return JSON.stringify([...names].map(([id, mine]) => [id, [...mine.values()]]));
}

/** Counts an added article gives its speakers: a mention, its country, and each name and role it uses. */
export function tallyAdded(tally: Tally, names: ArticleNames, country: string | null): void {
  for (const [speakerId, mine] of names) {
    if (country) tally.country(speakerId, country, 1);
    for (const [key, isRole, name] of mine.values()) tally.key(speakerId, key, isRole, name, 1);
    tally.speaker(speakerId, 'mentions', 1);
  }
}

/** Counts a removed article takes back, from what was kept with it and the speakers its citations quote. */
export function tallyRemoved(tally: Tally, row: { country: string | null; speakers: string }, quoted: (number | null)[]): void {
  for (const s of new Set(quoted)) if (s !== null) tally.speaker(s, 'quotedIn', -1);
  const named = (JSON.parse(row.speakers) as [number, [string, number, string][]][]).map(([speakerId, names]) => ({ speakerId, names }));
  const country = row.country;
  if (country) for (const n of named) tally.country(n.speakerId, country, -1);
  for (const n of named) {
    for (const [key, isRole, name] of n.names) tally.key(n.speakerId, key, isRole, name, -1);
    tally.speaker(n.speakerId, 'mentions', -1);
  }
}

/** A name or role key after a batch: its summed change `n`, and how many articles use it now. */
export interface KeyAfter {
  speakerId: number;
  key: string;
  isRole: number;
  n: number;
  articles: number;
}

/**
 * How speaker words change: a key that appears (no article used it before the batch) adds its words, one that
 * disappears takes them away. Keyed by speaker, isRole and word.
 */
export function wordChanges(keys: KeyAfter[], kindOf: (speakerId: number) => SpeakerKind | undefined): Map<string, { word: string; isRole: number; speakerId: number; n: number }> {
  const words = new Map<string, { word: string; isRole: number; speakerId: number; n: number }>();
  for (const k of keys) {
    const change = k.articles <= 0 ? -1 : k.articles === k.n ? 1 : 0;
    if (change === 0) continue;
    const kind = kindOf(k.speakerId);
    if (!kind) continue;
    for (const word of keyWords(kind, k.key, k.isRole === 1)) {
      const id = `${k.speakerId}\u0000${k.isRole}\u0000${word}`;
      const w = words.get(id) ?? { word, isRole: k.isRole, speakerId: k.speakerId, n: 0 };
      w.n += change;
      words.set(id, w);
    }
  }
  return words;
}
