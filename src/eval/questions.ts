// The gold's question checks, asked of the bot over the whole articles folder at once (a must_not_attribute
// string may come from another file). A question passes when every one of its conditions passes:
// - must_include: the string occurs (verbatimForm: case, spacing, quote marks and closing punctuation ignored) in the text or an
//   excerpt of some quote the answer shows (its first page, the default limit);
// - must_not_attribute: the string occurs in none of them;
// - expect_no_quotes: the answer is 'unknown-speaker', or a 'speaker' answer with no quotes, or a 'speaker'
//   answer with onTopic === 0 (nothing on the asked topic is attributed to that person; their other statements
//   may follow, and must_not_attribute still applies to them).
import type { Answer } from '../types.ts';
import { Briefbot } from '../bot.ts';
import { verbatimForm } from '../text/normalize.ts';
import type { GoldEntry, GoldQuestion } from './gold.ts';

export interface Condition {
  check: 'must_include' | 'must_not_attribute' | 'expect_no_quotes';
  /** The string checked; null for expect_no_quotes. */
  value: string | null;
  ok: boolean;
  /** Why it failed, in words; null when it passed. */
  why: string | null;
}

export interface QuestionResult {
  file: string;
  q: string;
  passed: boolean;
  conditions: Condition[];
  answer: { kind: Answer['kind']; speaker: string | null; onTopic: number | null; total: number; quotes: { speaker: string | null; text: string }[] };
}

/** Checks one answer against one gold question. Pure: the answer is given. */
export function checkAnswer(question: GoldQuestion, answer: Answer, file = ''): QuestionResult {
  // Each shown quote as the texts it shows: its own words and its excerpts' wordings.
  const shown = answer.quotes.map((q) => [q.text, ...q.excerpts.map((e) => e.text)].map(verbatimForm));
  // A quote is shown without the full stop that ends it: the checked string's closing punctuation does not count.
  const showing = (s: string) => shown.findIndex((texts) => texts.some((t) => t.includes(verbatimForm(s).replace(/[.,;:!?]+$/u, ''))));
  const conditions: Condition[] = [];
  for (const s of question.must_include) {
    const ok = showing(s) >= 0;
    conditions.push({ check: 'must_include', value: s, ok, why: ok ? null : answer.quotes.length ? `not in any of the ${answer.quotes.length} quotes shown` : 'no quotes shown' });
  }
  for (const s of question.must_not_attribute) {
    const at = showing(s);
    const who = answer.quotes[at]?.speaker;
    conditions.push({ check: 'must_not_attribute', value: s, ok: at < 0, why: at < 0 ? null : `shown as quote ${at + 1} (${who ?? 'unattributed'})` });
  }
  if (question.expect_no_quotes) {
    const onTopic = answer.onTopic ?? null;
    const ok = answer.kind === 'unknown-speaker' || (answer.kind === 'speaker' && (answer.quotes.length === 0 || onTopic === 0));
    const why = ok ? null
      : answer.kind === 'speaker' ? `${answer.speaker} was given ${answer.quotes.length} quotes${onTopic === null ? '' : `, ${onTopic} on the topic`}`
      : `a '${answer.kind}' answer showing ${answer.quotes.length} quotes`;
    conditions.push({ check: 'expect_no_quotes', value: null, ok, why });
  }
  return {
    file,
    q: question.q,
    passed: conditions.every((c) => c.ok),
    conditions,
    answer: {
      kind: answer.kind,
      speaker: answer.speaker,
      onTopic: answer.onTopic ?? null,
      total: answer.total,
      quotes: answer.quotes.map((q) => ({ speaker: q.speaker, text: q.text })),
    },
  };
}

/** Indexes the folder in memory (silently) and asks every gold question of it. */
export async function checkQuestions(entries: readonly GoldEntry[], dir: string): Promise<QuestionResult[]> {
  if (!entries.some((e) => e.questions.length)) return [];
  const bot = await Briefbot.open({ seedsDir: dir, dbPath: ':memory:' });
  try {
    const results: QuestionResult[] = [];
    for (const entry of entries) {
      for (const question of entry.questions) results.push(checkAnswer(question, await bot.ask(question.q), entry.file));
    }
    return results;
  } finally {
    await bot.close();
  }
}
