// The Store: where articles, quotes and speakers live. SQLite today (sqlite-store.ts); the interface is
// async and speaks only the core's types, so a Postgres store can fill it later.
import type { ExtractedArticle, QuoteKind, SpeakerKind, Source } from '../types.ts';

export interface FileState {
  file: string;
  hash: string;
  size: number;
  mtimeMs: number;
}

/** Words to look for, and how: every word, any word, or the words as one phrase. */
export interface TextQuery {
  terms: string[];
  mode: 'all' | 'any' | 'phrase';
}

/** The article a row of text comes from, as a Citation shows it. */
export interface ArticleRef {
  articleId: number;
  file: string;
  outlet: string | null;
  title: string | null;
  date: string | null;
  url: string | null;
}

/** One citation of a quote, joined with its article: what the core assembles a Quote from. */
export interface CitationRow extends ArticleRef {
  quoteId: number;
  speakerId: number;
  kind: QuoteKind;
  verb: string | null;
  via: string | null;
  text: string;
}

/** An article as the digest needs it: its reporting, the quotes it carries and who it quotes. */
export interface DigestArticleRow extends ArticleRef {
  indexedAt: string;
  paragraphs: string[];
  quoteIds: number[];
  speakerIds: number[];
}

/** Which articles a digest covers: a news day (with undated articles, for the newest day), or arrivals since. */
export type DigestFilter = { date: string; includeUndated: boolean } | { afterArticleId: number };

export interface QuoteCitations {
  rows: CitationRow[];
  articles: number;
}

export interface SpeakerRow {
  id: number;
  name: string;
  kind: SpeakerKind;
  /** Each role the articles give them, with how many articles give it. */
  roles: { role: string; count: number }[];
  aliases: string[];
  quotes: number;
  articles: number;
  /** Articles that mention them at all, quoted or not. */
  mentions: number;
}

export interface PassageRow extends ArticleRef {
  text: string;
}

export interface QuotePage {
  ids: number[];
  total: number;
}

export interface Store {
  /** Small named values the core keeps with the data (the extractor version the articles were parsed with). */
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  fileStates(): Promise<FileState[]>;
  /** Adds each article, replacing what its file held before; the whole batch is one transaction. */
  putArticles(articles: ExtractedArticle[]): Promise<void>;
  /** Records that a file with unchanged content has a new size or modification time. */
  touchFile(state: FileState): Promise<void>;
  removeArticle(file: string): Promise<void>;

  articleCount(): Promise<number>;
  /** The latest `limit` articles (by date), and how many there are in all. */
  sources(limit: number): Promise<{ total: number; sources: Source[] }>;
  /** Speakers with at least one quote, most quoted first. */
  speakers(): Promise<SpeakerRow[]>;
  speaker(id: number): Promise<SpeakerRow | null>;
  /** Speakers (quoted or only mentioned) known by this name, role or handle, exact match on the name key. */
  speakersNamed(nameKey: string): Promise<number[]>;
  /** Every name, role and handle key with its speaker: for looser matching of a question's speaker. */
  nameKeys(): Promise<{ key: string; speakerId: number }[]>;

  /**
   * Quote ids, best first: with `text`, by relevance, then direct before statement before reported, then the
   * number of articles; without, by kind, then articles, then the latest date.
   */
  quoteIds(filter: { speakerId?: number; text?: TextQuery }, page: { limit: number; offset: number }): Promise<QuotePage>;
  /** For each quote: its latest `perQuote` citations, and how many articles carry it in all. */
  citations(quoteIds: number[], perQuote: number): Promise<Map<number, QuoteCitations>>;
  passages(query: TextQuery, limit: number): Promise<PassageRow[]>;
  /** The newest article date (YYYY-MM-DD), or null when no article has one. */
  latestNewsDay(): Promise<string | null>;
  /** The number of the latest article indexed (0 when none): a briefing's cut-off. */
  latestArticleId(): Promise<number>;
  digestArticles(filter: DigestFilter, limit: number): Promise<DigestArticleRow[]>;
  /** The article text a citation points at, paragraphs joined by blank lines (for verifying quotes). */
  articleText(file: string): Promise<string | null>;

  close(): Promise<void>;
}
