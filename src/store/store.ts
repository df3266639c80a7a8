// The Store: where articles, quotes and speakers live. SQLite today (sqlite-store.ts); the interface is
// async and speaks only the core's types, so a Postgres store can fill it later.
import type { ExtractedArticle, QuoteKind, SpeakerKind, Source } from '../types.ts';

/** A file as last indexed: enough to tell, without reading it, that it has not changed. */
export interface FileStamp {
  file: string;
  size: number;
  mtimeMs: number;
  /** The extractor version the file's article was parsed with ('' when unknown). */
  extractor: string;
}

export interface FileState extends Omit<FileStamp, 'extractor'> {
  hash: string;
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
  /** null: the article does not say who spoke the words. */
  speakerId: number | null;
  /** The attribution rule that fired ("none" when unattributed). */
  sieve: string;
  kind: QuoteKind;
  verb: string | null;
  via: string | null;
  text: string;
}

/** An article as the digest needs it: its reporting, the quotes it carries and who it quotes. */
export interface DigestArticleRow extends ArticleRef {
  indexedAt: string;
  paragraphs: string[];
  /** Every quote the article carries, unattributed ones included (the same words tie articles into a story). */
  quoteIds: number[];
  /** The quotes it gives to a speaker: the only ones a story may show. */
  attributedQuoteIds: number[];
  /** The speakers it quotes. */
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
  /** The role shown with their name (roles.ts), or null when no article gives one. */
  role: string | null;
  /** Their most used names (at most MAX_ALIASES), most used first. */
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

/** Names listed per speaker: the most used; a frequent speaker's long tail is mostly misparsed phrases. */
export const MAX_ALIASES = 20;
/**
 * Keys read per speaker when checking a question against them, most used first. Bounds a lookup by what it returns,
 * not by how often the speaker was reported.
 */
export const MAX_KEYS = 100;

/** A speaker's keys (nameKey form) as the articles give them: for checking that a question's words fit. */
export interface SpeakerKeys {
  id: number;
  kind: SpeakerKind;
  quotes: number;
  mentions: number;
  /** Name, alias and handle keys (the MAX_KEYS most used). */
  names: string[];
  /** Role keys (the MAX_KEYS most used). */
  roles: string[];
  /** The countries of the articles that name them (ParsedArticle.country). */
  homes: string[];
}

/** Which of a speaker's words a lookup may use: name words only, or names and roles. */
export type WordScope = 'names' | 'any';

/** Who is writing articles to a database: one process at a time indexes it. */
export interface IngestHolder {
  /** This holder (a bot in a process): unique, so two bots in one process are two holders. */
  id: string;
  pid: number;
  host: string;
}

export interface Store {
  /** Small named values the core keeps with the data. */
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
  /**
   * Takes the right to write articles for `holder`, or returns who has it: another holder whose process is alive
   * (on this host; on another, for 30 minutes). Taken again by the same holder, it is renewed.
   */
  claimIngest(holder: IngestHolder): Promise<IngestHolder | null>;
  releaseIngest(holder: IngestHolder): Promise<void>;
  /** Every indexed file's size and time: read at every start, so without the content hashes. */
  fileStamps(): Promise<FileStamp[]>;
  /** The content hash a file was indexed with, or null. */
  fileHash(file: string): Promise<string | null>;
  /** Adds each article, replacing what its file held before; the whole batch is one transaction. */
  putArticles(articles: ExtractedArticle[]): Promise<void>;
  /** Records that a file with unchanged content has a new size or modification time. */
  touchFile(state: FileState): Promise<void>;
  removeArticle(file: string): Promise<void>;

  articleCount(): Promise<number>;
  /** The latest `limit` articles (by date), and how many there are in all. */
  sources(limit: number): Promise<{ total: number; sources: Source[] }>;
  /** Speakers with at least one quote, most quoted first (the first `limit`, when given). */
  speakers(limit?: number): Promise<SpeakerRow[]>;
  /** How many speakers are quoted, how many quotes they have, and the most quoted person's name. */
  speakerTotals(): Promise<{ speakers: number; quotes: number; topPerson: string | null }>;
  speaker(id: number): Promise<SpeakerRow | null>;
  /**
   * Speakers (quoted or only mentioned) known by exactly this name, handle or (with `roles`) role key; also an
   * organisation whose merge key (organisationKey) is `orgKey`.
   */
  speakersNamed(nameKey: string, options?: { roles?: boolean; orgKey?: string }): Promise<number[]>;
  /**
   * Speakers having, for every group, at least one of the group's words among their speaker words (see
   * speaker-words.ts), from names only or from names and roles: an index lookup per group. At most `limit`: those
   * with any of the `prefer` words first (a question's countries), then the most quoted.
   */
  speakersWithWords(groups: string[][], scope: WordScope, limit: number, prefer?: string[]): Promise<number[]>;
  /** The keys of these speakers, for checking a match word by word. */
  speakerKeys(ids: number[]): Promise<SpeakerKeys[]>;

  /**
   * Quote ids, best first: with `text`, by relevance, then direct before statement before reported, then the
   * number of articles; without, by kind, then articles, then the latest date. Text is matched in the quoted
   * words only. `exclude` (with a speaker and no text) leaves out quotes of that speaker already shown, e.g. those
   * on a topic; `total` then counts the rest.
   */
  quoteIds(filter: { speakerId?: number; text?: TextQuery; exclude?: number[] }, page: { limit: number; offset: number }): Promise<QuotePage>;
  /**
   * For each quote: whether a speaker is named, and the match keys (letters and digits) of its wordings, so an
   * unattributed quotation can be recognised inside an attributed quote.
   */
  quoteKeys(ids: number[]): Promise<Map<number, { attributed: boolean; keys: string[] }>>;
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
