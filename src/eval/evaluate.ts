// One evaluation run: load the gold, score extraction file by file, ask the questions, sum up, and judge the
// figures against the floors the caller sets (the CI ratchet).
import { statSync } from 'node:fs';
import type { QuoteKind } from '../types.ts';
import { EvalInputError, loadGold } from './gold.ts';
import { checkQuestions, type QuestionResult } from './questions.ts';
import { scoreExtraction, type FileOutcome, type GoldStatus, type JudgedExtracted, type JudgedGold } from './score.ts';

export interface Share {
  /** Truncated to one decimal: a share is never shown above what it is. 100 when there is nothing to count. */
  percent: number;
}

export interface SieveRow {
  sieve: string;
  extracted: number;
  /** Extracted quotes that match a gold quote of their file. */
  matching: number;
  right: number;
  wrong: number;
}

export interface KindRow extends Record<GoldStatus, number> {
  kind: QuoteKind;
  total: number;
}

export interface EvalResult {
  gold: string;
  seeds: string;
  seconds: number;
  recall: Share & { right: number; total: number; misattributed: number; unattributed: number; missed: number };
  misattributions: number;
  precision: Share & { matched: number; extracted: number };
  questions: Share & { passed: number; total: number };
  files: FileOutcome[];
  goldQuotes: Omit<JudgedGold, 'tokens'>[];
  extractedQuotes: Omit<JudgedExtracted, 'tokens'>[];
  questionChecks: QuestionResult[];
  /** Families (the part of the sieve before "/"), each followed by its full sieve names. */
  bySieve: (SieveRow & { sieves: SieveRow[] })[];
  byKind: KindRow[];
  warnings: string[];
}

export function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.floor((part * 1000) / whole) / 10;
}

export async function evaluate(goldPath: string, seedsDir: string): Promise<EvalResult> {
  const started = performance.now();
  const entries = loadGold(goldPath);
  let isDir = false;
  try {
    isDir = statSync(seedsDir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new EvalInputError(`no articles folder at ${seedsDir}: pass --seeds DIR, the folder that holds the files gold.json labels`);

  const scored = scoreExtraction(entries, seedsDir);
  const questionChecks = await checkQuestions(entries, seedsDir);

  const count = (s: GoldStatus) => scored.gold.filter((g) => g.status === s).length;
  const right = count('right');
  const matched = scored.extracted.filter((q) => q.matchesGold).length;
  const passed = questionChecks.filter((q) => q.passed).length;
  return {
    gold: goldPath,
    seeds: seedsDir,
    seconds: Math.round(performance.now() - started) / 1000,
    recall: {
      percent: percent(right, scored.gold.length), right, total: scored.gold.length,
      misattributed: count('misattributed'), unattributed: count('unattributed'), missed: count('missed'),
    },
    misattributions: count('misattributed'),
    precision: { percent: percent(matched, scored.extracted.length), matched, extracted: scored.extracted.length },
    questions: { percent: percent(passed, questionChecks.length), passed, total: questionChecks.length },
    files: scored.files,
    goldQuotes: scored.gold.map(({ tokens, ...g }) => g),
    extractedQuotes: scored.extracted.map(({ tokens, ...q }) => q),
    questionChecks,
    bySieve: bySieve(scored.extracted),
    byKind: byKind(scored.gold),
    warnings: scored.warnings,
  };
}

function tally(sieve: string, quotes: readonly JudgedExtracted[]): SieveRow {
  return {
    sieve,
    extracted: quotes.length,
    matching: quotes.filter((q) => q.matchesGold).length,
    right: quotes.filter((q) => q.attribution === 'right').length,
    wrong: quotes.filter((q) => q.attribution === 'wrong').length,
  };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

const byCountThenName = (a: SieveRow, b: SieveRow) => b.extracted - a.extracted || a.sieve.localeCompare(b.sieve);

export function bySieve(quotes: readonly JudgedExtracted[]): EvalResult['bySieve'] {
  return [...groupBy(quotes, (q) => q.sieve.split('/')[0]!)]
    .map(([family, qs]) => ({ ...tally(family, qs), sieves: [...groupBy(qs, (q) => q.sieve)].map(([s, group]) => tally(s, group)).sort(byCountThenName) }))
    .sort(byCountThenName);
}

export function byKind(golds: readonly JudgedGold[]): KindRow[] {
  return (['direct', 'reported', 'statement'] as const).map((kind) => {
    const of = golds.filter((g) => g.kind === kind);
    const n = (s: GoldStatus) => of.filter((g) => g.status === s).length;
    return { kind, total: of.length, right: n('right'), misattributed: n('misattributed'), unattributed: n('unattributed'), missed: n('missed') };
  });
}

export interface Floors {
  minRecall?: number;
  maxMisattributions?: number;
  minPrecision?: number;
  minQuestions?: number;
}

/** One line per floor the result does not meet, compared on exact fractions, not on the printed shares. */
export function unmetFloors(r: EvalResult, floors: Floors): string[] {
  const out: string[] = [];
  const below = (part: number, whole: number, floor: number) => whole > 0 && part * 100 < floor * whole;
  if (floors.minRecall !== undefined && below(r.recall.right, r.recall.total, floors.minRecall)) {
    out.push(`eval: recall ${r.recall.percent.toFixed(1)}% is below the floor ${floors.minRecall}% (--min-recall)`);
  }
  if (floors.maxMisattributions !== undefined && r.misattributions > floors.maxMisattributions) {
    out.push(`eval: ${r.misattributions} misattributions are above the ceiling ${floors.maxMisattributions} (--max-misattributions)`);
  }
  if (floors.minPrecision !== undefined && below(r.precision.matched, r.precision.extracted, floors.minPrecision)) {
    out.push(`eval: precision ${r.precision.percent.toFixed(1)}% is below the floor ${floors.minPrecision}% (--min-precision)`);
  }
  if (floors.minQuestions !== undefined && below(r.questions.passed, r.questions.total, floors.minQuestions)) {
    out.push(`eval: questions ${r.questions.percent.toFixed(1)}% passed is below the floor ${floors.minQuestions}% (--min-questions)`);
  }
  return out;
}
