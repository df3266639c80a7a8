// Scores quote extraction and attribution against the hand-labelled set. The rules, kept strict on purpose:
//
// - Words: NFKC, curly quotes made straight, lowercase; tokens are runs of letters and digits.
// - A gold quote is FOUND by an extracted quote of the same file when the longest common subsequence (LCS) of
//   their tokens is at least 60% of the gold quote's tokens. Among the extracted quotes that find it, it is
//   RIGHT when any is attributed to the gold speaker (sameSpeaker in match.ts); else MISATTRIBUTED when any is
//   attributed to someone (a wrong speaker); else UNATTRIBUTED (found only by quotes the extractor left without
//   a speaker: not a misattribution, not a success); else MISSED. A file that is missing or that the ingest path
//   skips has all its gold quotes MISSED.
// - A name that also fits another person the gold names in the same file (another quote's speaker, or someone
//   in mentioned_not_quoted) does not identify the speaker: a bare "Kim" where Kim Yongbeom and Kim Jeonggwan
//   both appear is not right for either, so it counts as a wrong speaker.
// - RECALL = right / all gold quotes. MISATTRIBUTIONS = misattributed gold quotes.
// - PRECISION = extracted quotes (attributed or not) from the gold's files that MATCH some gold quote of their
//   file / all of them; a quote matches when the LCS is at least 60% of the gold's tokens or of its own tokens
//   (so a fragment of a gold quote counts, a sentence the gold does not hold does not).
// - Per sieve, an attributed extracted quote is right when it matches a gold quote of the same speaker, wrong when
//   it matches gold quotes of other speakers only (so these counts are per extracted quote, not per gold quote).
// - Shares are printed truncated to one decimal (never rounded up to a floor); floors compare exact fractions.
// - Extraction is scored through extractArticle, the ingest path itself: parsing, furniture stripping,
//   extraction and the verbatim check, with no help from the gold.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { QuoteKind, SpeakerKind } from '../types.ts';
import { extractArticle } from '../ingest/extract-article.ts';
import { occursVerbatim } from '../text/normalize.ts';
import type { GoldEntry } from './gold.ts';
import { enough, lcsLength, sameSpeaker, words } from './match.ts';

export type GoldStatus = 'right' | 'misattributed' | 'unattributed' | 'missed';

export interface ExtractedQuote {
  file: string;
  /** null: quoted words the extractor did not give to anyone. */
  speaker: string | null;
  speakerKind: SpeakerKind | null;
  sieve: string;
  kind: QuoteKind;
  text: string;
  tokens: string[];
}

export interface GoldQuoteRef {
  file: string;
  speaker: string;
  kind: QuoteKind;
  text: string;
  tokens: string[];
}

export interface JudgedGold extends GoldQuoteRef {
  status: GoldStatus;
  /** The extracted quotes that decided the status: the right ones, the wrong ones, or the unattributed ones. */
  given: { speaker: string | null; sieve: string; text: string }[];
}

export interface JudgedExtracted extends ExtractedQuote {
  matchesGold: boolean;
  /** For an attributed quote that matches gold: whether the speaker is right. null otherwise. */
  attribution: 'right' | 'wrong' | null;
}

export interface FileOutcome {
  file: string;
  status: 'ok' | 'missing' | 'skipped';
  reason: string | null;
  gold: number;
  extracted: number;
}

export interface ExtractionScore {
  files: FileOutcome[];
  gold: JudgedGold[];
  extracted: JudgedExtracted[];
  /** Gold texts that do not occur verbatim in their file: the label, not the extractor, needs fixing. */
  warnings: string[];
}

/** Found: the extracted quote covers at least 60% of the gold quote's words, in order. */
export function finds(gold: readonly string[], extracted: readonly string[]): boolean {
  return enough(lcsLength(gold, extracted), gold.length);
}

/** Matches (for precision): 60% of the gold's words, or 60% of the extracted quote's own words. */
export function matches(gold: readonly string[], extracted: readonly string[]): boolean {
  const common = lcsLength(gold, extracted);
  return enough(common, gold.length) || enough(common, extracted.length);
}

const given = (q: ExtractedQuote) => ({ speaker: q.speaker, sieve: q.sieve, text: q.text });

/**
 * Whether an extracted quote's speaker names the gold speaker and nobody else the file's gold names (`people`:
 * every gold speaker and mentioned_not_quoted name of the file; the gold speaker's own entries are ignored).
 */
export function namesSpeaker(q: ExtractedQuote, goldSpeaker: string, people: readonly string[] = []): boolean {
  if (q.speaker === null) return false;
  const kind = q.speakerKind ?? undefined;
  if (!sameSpeaker(q.speaker, goldSpeaker, kind)) return false;
  return !people.some((other) => !sameSpeaker(other, goldSpeaker) && !sameSpeaker(goldSpeaker, other) && sameSpeaker(q.speaker!, other, kind));
}

/** The status of one gold quote among the extracted quotes of its file. */
export function judgeGold(gold: GoldQuoteRef, extracted: readonly ExtractedQuote[], people: readonly string[] = []): JudgedGold {
  const finders = extracted.filter((q) => finds(gold.tokens, q.tokens));
  const attributed = finders.filter((q) => q.speaker !== null);
  const right = attributed.filter((q) => namesSpeaker(q, gold.speaker, people));
  if (right.length) return { ...gold, status: 'right', given: right.map(given) };
  if (attributed.length) return { ...gold, status: 'misattributed', given: attributed.map(given) };
  if (finders.length) return { ...gold, status: 'unattributed', given: finders.map(given) };
  return { ...gold, status: 'missed', given: [] };
}

/** Whether an extracted quote matches any gold quote of its file, and if attributed, whether rightly. */
export function judgeExtracted(q: ExtractedQuote, golds: readonly GoldQuoteRef[], people: readonly string[] = []): JudgedExtracted {
  const matched = golds.filter((g) => matches(g.tokens, q.tokens));
  const attribution = q.speaker === null || !matched.length
    ? null
    : matched.some((g) => namesSpeaker(q, g.speaker, people)) ? 'right' : 'wrong';
  return { ...q, matchesGold: matched.length > 0, attribution };
}

/** Extracts every gold file through the ingest path and judges each gold and each extracted quote. */
export function scoreExtraction(entries: readonly GoldEntry[], dir: string): ExtractionScore {
  const out: ExtractionScore = { files: [], gold: [], extracted: [], warnings: [] };
  for (const entry of entries) {
    const golds: GoldQuoteRef[] = entry.quotes.map((g) => ({ file: entry.file, speaker: g.speaker, kind: g.kind, text: g.text, tokens: words(g.text) }));
    const outcome: FileOutcome = { file: entry.file, status: 'ok', reason: null, gold: golds.length, extracted: 0 };
    out.files.push(outcome);
    const found = extractFile(dir, entry.file);
    if (!found.ok) {
      outcome.status = found.missing ? 'missing' : 'skipped';
      outcome.reason = found.reason;
      out.gold.push(...golds.map((g) => judgeGold(g, [])));
      continue;
    }
    for (const g of golds) {
      if (!occursVerbatim(g.text, found.text)) out.warnings.push(`${entry.file}: gold text not found verbatim in the file: "${g.text.slice(0, 60)}"`);
    }
    outcome.extracted = found.quotes.length;
    const people = [...new Set([...golds.map((g) => g.speaker), ...entry.mentioned_not_quoted])];
    out.gold.push(...golds.map((g) => judgeGold(g, found.quotes, people)));
    out.extracted.push(...found.quotes.map((q) => judgeExtracted(q, golds, people)));
  }
  return out;
}

type FileExtraction = { ok: true; text: string; quotes: ExtractedQuote[] } | { ok: false; missing: boolean; reason: string };

function extractFile(dir: string, file: string): FileExtraction {
  const path = join(dir, file);
  let bytes: Uint8Array;
  let stat;
  try {
    stat = statSync(path);
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT', reason: code === 'ENOENT' ? `no such file in ${dir}` : `it could not be read (${code})` };
  }
  const result = extractArticle(file, bytes, { size: stat.size, mtimeMs: stat.mtimeMs });
  if (!result.ok) return { ok: false, missing: false, reason: result.reason };
  const { speakers, quotes } = result.article;
  return {
    ok: true,
    text: new TextDecoder().decode(bytes),
    quotes: quotes.map((q) => {
      const speaker = q.speakerRef === null || q.speakerRef === undefined ? null : speakers[q.speakerRef] ?? null;
      return {
        file,
        speaker: speaker?.name ?? null,
        speakerKind: speaker?.kind ?? null,
        // An extractor that records no rule still gets scored; its quotes are grouped as "unrecorded".
        sieve: q.sieve || (speaker ? 'unrecorded' : 'none'),
        kind: q.kind,
        text: q.text,
        tokens: words(q.text),
      };
    }),
  };
}
