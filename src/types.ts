// The core's vocabulary. One name per idea: Article, Quote, Speaker, Citation, Answer, Digest, Story.
/** A sentence of an LLM summary, with the quotes, passages or stories it cites (checked by llm/grounding.ts). */
export interface GroundedSentence {
  text: string;
  /** Quote.id of every quote the sentence cites. */
  quoteIds: number[];
  /** Indexes into Answer.passages the sentence cites. */
  passages: number[];
  /** Indexes into Digest.stories the sentence cites. */
  stories: number[];
}

/** An LLM's short summary of an answer or a digest: only sentences grounded in what they cite. */
export interface GroundedSummary {
  sentences: GroundedSentence[];
  model: string;
  /** The prompt file's id, e.g. "answer-summary.v1". */
  promptVersion: string;
  /** True when no new model call was made for this summary. */
  cached: boolean;
}

export type QuoteKind = 'direct' | 'reported' | 'statement';
export type SpeakerKind = 'person' | 'organisation';

/** Where a quote was reported: one article. */
export interface Citation {
  file: string;
  outlet: string | null;
  title: string | null;
  date: string | null; // YYYY-MM-DD
  url: string | null;
}

/** The same quote as another outlet worded it, or a shorter part of it; `text` is verbatim in each citation. */
export interface Excerpt {
  text: string;
  partial: boolean;
  citations: Citation[];
}

/** What a speaker said, once, however many outlets carried it. `text` occurs verbatim in every citation. */
export interface Quote {
  id: number;
  /** null: the article prints the words as a quotation but does not say who spoke them (never in a speaker's answer). */
  speaker: string | null;
  role: string | null;
  kind: QuoteKind;
  /** For reported speech: the reporting verb ("said", "urged"), so renderers can write "Bessent urged …". */
  verb: string | null;
  /** "X" when the words were posted on X. */
  via: string | null;
  text: string;
  citations: Citation[];
  excerpts: Excerpt[];
  /** How many articles carry the quote, in full or in part; the citations list the latest of them. */
  articles: number;
  /** The attribution rule that gave the words to the speaker, as the first citation records it (see Sieve). */
  sieve: Sieve;
}

export interface Speaker {
  id: number;
  name: string;
  kind: SpeakerKind;
  role: string | null;
  aliases: string[];
  quotes: number;
  articles: number;
}

/** A passage of reporting that matches an open question: not anybody's statement. */
export interface Passage {
  text: string;
  citation: Citation;
}

export type AnswerKind = 'speaker' | 'who-said' | 'open' | 'unknown-speaker' | 'empty';

export interface Answer {
  question: string;
  kind: AnswerKind;
  speaker: string | null;
  role: string | null;
  answer: string;
  quotes: Quote[];
  passages: Passage[];
  /** Quotes that matched in all, of which `quotes` is one page. */
  total: number;
  /** Other speakers the question could have meant. */
  alternatives: string[];
  /**
   * For a speaker asked about a topic: how many of the speaker's quotes match it (they come first; the speaker's
   * other quotes follow, so nothing they said is hidden). null when no topic was asked.
   */
  onTopic: number | null;
  articleCount: number;
  /** With an LLM configured: a short summary grounded in these quotes (added after the answer is sent). */
  summary?: GroundedSummary | null;
}

export interface ReaderComment {
  author: string | null;
  text: string;
}

export interface Paragraph {
  text: string;
  heading: boolean;
}

export interface ArticleMeta {
  title: string | null;
  outlet: string | null;
  author: string | null;
  date: string | null;
  url: string | null;
}

/** A file after boilerplate is stripped: reporting paragraphs, metadata, and reader comments kept apart. */
export interface ParsedArticle extends ArticleMeta {
  file: string;
  paragraphs: Paragraph[];
  comments: ReaderComment[];
  /**
   * The country the story is filed from or mostly about (its dateline, else the country its lead names most), in
   * entity-word form ("korea", "south-africa"): among equally titled speakers, a question's country prefers theirs.
   */
  country: string | null;
}

/** A speaker as one article names them; the store merges these into corpus-wide Speakers. */
export interface FoundSpeaker {
  ref: number;
  kind: SpeakerKind;
  name: string;
  /** Lowercased key the store merges on ("scott bessent"); for a bare surname, just the surname. */
  key: string;
  surname: string | null;
  roles: string[];
  aliases: string[];
}

/**
 * The attribution rule that fired, most precise first (after Muzny et al. 2017), then how the speaker mention was
 * resolved: "trigram/name", "intro/pronoun", "reported/description"… "none" for an unattributed quotation.
 */
export type Sieve = string;

/** One quote as one article printed it. `start` is its offset in that paragraph. */
export interface FoundQuote {
  /** Index into the article's speakers, or null when the text does not say who spoke (precision first). */
  speakerRef: number | null;
  sieve: Sieve;
  kind: QuoteKind;
  verb: string | null;
  via: string | null;
  text: string;
  paragraph: number;
  start: number;
  /** The sentence the quote stands in (paragraph offsets): what a question's topic is also looked for in. */
  context?: { start: number; end: number };
}

export interface ExtractedArticle extends ParsedArticle {
  hash: string;
  size: number;
  mtimeMs: number;
  /** The extractor version it was parsed with (sync.ts): an article from an older one is parsed again. */
  extractor?: string;
  speakers: FoundSpeaker[];
  quotes: FoundQuote[];
}

export interface Source extends ArticleMeta {
  file: string;
  quotes: number;
  comments: number;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

/** One event, told once however many outlets ran it. */
export interface Story {
  headline: string;
  /** Two or three sentences of what happened, verbatim from the articles. */
  summary: string;
  date: string | null;
  /** The one or two quotes that matter most, verbatim, with speaker. */
  quotes: Quote[];
  /** Who is quoted in the story. */
  speakers: { name: string; role: string | null }[];
  /** Money, percentages and counts, as the articles print them. */
  figures: string[];
  /** What happens next: dates ahead and announced steps, verbatim. */
  next: string[];
  /** Named outlets that ran the story; `citations` has one entry per article. */
  outlets: string[];
  citations: Citation[];
}

export interface Digest {
  /** The news day covered (YYYY-MM-DD), or null when the articles are undated. */
  date: string | null;
  /** Articles that arrived after this moment (ISO), or null for a news-day briefing. */
  since: string | null;
  stories: Story[];
  /** Stories left out of a busy day, least important first. */
  more: number;
  articleCount: number;
  /** The whole briefing as plain text. */
  text: string;
  /** With an LLM configured: a short lead grounded in the stories. */
  lead?: GroundedSummary | null;
}
