// The hand-labelled attribution set (gold.json): its schema, and loading it with messages that say what to fix.
// The format is described in the set's README; strict objects for quotes and questions, because a misspelt key
// ("must_not_atribute") would otherwise silently drop a check and flatter the score.
import { readFileSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import { z } from 'zod';
import { words } from './match.ts';

/** A problem the person running the evaluation must fix (a bad or missing file): the CLI exits 2 with it. */
export class EvalInputError extends Error {
  override name = 'EvalInputError';
}

const required = (what: string) => (iss: { input?: unknown }) => (iss.input === undefined ? 'is missing' : `must be ${what}`);
const text = z.string({ error: required('a non-empty string') }).trim().min(1, { error: 'must be a non-empty string', abort: true });
const texts = z.array(text, { error: required('a list of strings') });
const hasWords = (t: string) => words(t).length > 0;

const GoldQuote = z.strictObject({
  speaker: text,
  kind: z.enum(['direct', 'reported', 'statement'], { error: required('"direct", "reported" or "statement"') }),
  // Scoring is by words: a text without one could never be found, and would count as missed forever.
  text: text.refine(hasWords, 'must contain at least one word'),
});

const GoldQuestion = z
  .strictObject({
    q: text,
    must_include: texts.default([]),
    must_not_attribute: texts.default([]),
    expect_no_quotes: z.boolean({ error: required('true or false') }).optional(),
  })
  // A question with nothing to check would pass whatever the bot answers.
  .refine((q) => q.must_include.length + q.must_not_attribute.length > 0 || q.expect_no_quotes === true, {
    message: 'checks nothing: give must_include, must_not_attribute or "expect_no_quotes": true',
  })
  .refine((q) => !(q.expect_no_quotes && q.must_include.length), {
    message: 'cannot both expect no quotes and require must_include strings',
  });

const GoldEntry = z.object({
  file: text.refine((f) => !isAbsolute(f) && !f.split(/[\\/]/).includes('..'), 'must be a file name inside the articles folder'),
  outlet: z.string().nullable().optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD or null').nullable().optional(),
  title: z.string().nullable().optional(),
  quotes: z.array(GoldQuote, { error: required('a list of quotes') }),
  mentioned_not_quoted: texts.default([]),
  questions: z.array(GoldQuestion, { error: required('a list of questions') }).default([]),
});

export type GoldQuote = z.infer<typeof GoldQuote>;
export type GoldQuestion = z.infer<typeof GoldQuestion>;
export type GoldEntry = z.infer<typeof GoldEntry>;

/** `quotes[2].text` from ['quotes', 2, 'text']. */
function pathText(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** Validates parsed JSON; `name` is how messages name the file (e.g. "gold.json"). Throws EvalInputError. */
export function parseGold(data: unknown, name: string): GoldEntry[] {
  if (!Array.isArray(data)) throw new EvalInputError(`${name} must be a JSON list with one object per article file`);
  const problems: string[] = [];
  const entries: GoldEntry[] = [];
  const seen = new Map<string, number>();
  data.forEach((raw, i) => {
    const file = raw && typeof raw === 'object' && typeof (raw as { file?: unknown }).file === 'string' ? ` ("${(raw as { file: string }).file}")` : '';
    const where = `${name} entry ${i}${file}`;
    const parsed = GoldEntry.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const at = pathText(issue.path);
        const message = issue.code === 'unrecognized_keys'
          ? `has unknown ${issue.keys.length > 1 ? 'keys' : 'key'} ${issue.keys.map((k) => `"${k}"`).join(', ')} (misspelt?)`
          : issue.message;
        problems.push(`${where}: ${at ? `${at} ` : ''}${message}`);
      }
      return;
    }
    const before = seen.get(parsed.data.file);
    if (before !== undefined) problems.push(`${where}: file is already labelled by entry ${before}; merge the two entries`);
    seen.set(parsed.data.file, i);
    entries.push(parsed.data);
  });
  if (problems.length) {
    const shown = problems.slice(0, 20);
    if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more problems`);
    throw new EvalInputError(shown.join('\n'));
  }
  if (!entries.some((e) => e.quotes.length)) throw new EvalInputError(`${name} labels no quotes at all: there is nothing to score`);
  return entries;
}

/** Reads and validates a gold file. Throws EvalInputError naming the file and what to pass or fix. */
export function loadGold(path: string): GoldEntry[] {
  const name = basename(path);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new EvalInputError(code === 'ENOENT'
      ? `no gold file at ${path}: pass the path of the attribution set's gold.json, e.g. briefbot eval ../shared/eval/attribution/gold.json`
      : `cannot read the gold file ${path} (${code ?? (err as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    throw new EvalInputError(`${name} is not valid JSON: ${(err as Error).message}`);
  }
  return parseGold(data, name);
}
