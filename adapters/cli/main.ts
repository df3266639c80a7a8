// briefbot ask "QUESTION" [--json] | sources [add URL | remove URL] [--json] | speakers [--json]   [--seeds DIR] [--db FILE]
// briefbot eval [GOLD_JSON] [--seeds DIR] [--json] [--min-recall P] …: extraction scored against a labelled set
import { parseArgs } from 'node:util';
import { MAX_LIMIT, MAX_OFFSET } from '../../src/answer/answer.ts';
import { Briefbot } from '../../src/bot.ts';
import { ConfigError, loadCoreConfig } from '../../src/config.ts';
import { StartError, Unavailable } from '../../src/faults.ts';
import { createLogger } from '../../src/log.ts';
import { loadLlmConfig } from '../../src/llm/config.ts';
import { renderAnswer, renderSources, renderSpeakers, terminalSafe } from '../console/render.ts';

const USAGE = `usage: briefbot <command> [options]

commands:
  ask "QUESTION"   answer with verbatim, cited quotes
  sources          list the polled sources (feeds, pages) and the indexed articles
  sources add URL  poll a feed (RSS, Atom, JSON Feed) or an article page; fetched at once, with progress
  sources remove URL
                   stop polling a source and forget the articles it brought
  speakers         list everyone quoted
  digest           preview the morning briefing (--date YYYY-MM-DD for another news day)
  eval [GOLD_JSON] score quote extraction and attribution against a labelled set (default
                   ../shared/eval/attribution/gold.json; articles from --seeds DIR, default its articles/)

options:
  --json           print JSON instead of text
  --seeds DIR      answer over exactly the articles in DIR (in memory, unless --db is given); or BRIEFBOT_SEEDS
  --db FILE        the database file (default data/briefbot.db; BRIEFBOT_DB)
  --limit N        quotes per answer, 1 to ${MAX_LIMIT} (default 10)
  --offset N       skip the first N quotes, 0 to ${MAX_OFFSET.toLocaleString('en-US')}
  -h, --help       show this help

eval floors (exit 1 when one is not met):
  --min-recall P              percent of gold quotes found and rightly attributed
  --max-misattributions N     gold quotes found but given to someone else
  --min-precision P           percent of extracted quotes that match a gold quote
  --min-questions P           percent of gold questions passed
`;

const EVAL_ONLY = ['min-recall', 'max-misattributions', 'min-precision', 'min-questions'] as const;

class UsageError extends Error {}

/** An option's whole number from min to max, or undefined when not given; anything else is a UsageError. */
function wholeOption(name: string, raw: string | undefined, min: number, max: number, example: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max)) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, e.g. --${name} ${example} (got ${JSON.stringify(raw.slice(0, 40))})`);
  }
  return n;
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        seeds: { type: 'string' },
        db: { type: 'string' },
        limit: { type: 'string' },
        offset: { type: 'string' },
        date: { type: 'string' },
        'min-recall': { type: 'string' },
        'max-misattributions': { type: 'string' },
        'min-precision': { type: 'string' },
        'min-questions': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  if (!['ask', 'sources', 'speakers', 'digest', 'eval'].includes(command)) {
    process.stderr.write(`unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  if (command === 'eval') {
    // Always its own throwaway index over the gold's articles: none of the answering options apply.
    const stray = (['db', 'limit', 'offset', 'date'] as const).filter((o) => values[o] !== undefined);
    if (stray.length || rest.length > 1) {
      process.stderr.write(`eval takes one gold file and ${stray.length ? `no --${stray.join(', --')}` : 'no other arguments'}\n\n${USAGE}`);
      return 2;
    }
    // Loaded only for eval: the scorer pulls in the parsers, which ask and sources do not need at start-up.
    const { evalCommand } = await import('../../src/eval/command.ts');
    return evalCommand({
      gold: rest[0], seeds: values.seeds, json: values.json,
      minRecall: values['min-recall'], maxMisattributions: values['max-misattributions'],
      minPrecision: values['min-precision'], minQuestions: values['min-questions'],
    });
  }
  const evalOnly = EVAL_ONLY.filter((o) => values[o] !== undefined);
  if (evalOnly.length) {
    process.stderr.write(`--${evalOnly.join(', --')} ${evalOnly.length > 1 ? 'are' : 'is'} only for eval\n`);
    return 2;
  }
  const question = rest.join(' ').trim();
  if (command === 'sources' && rest.length && !(rest.length === 2 && ['add', 'remove'].includes(rest[0]!))) {
    process.stderr.write('sources takes nothing, "add URL" or "remove URL", e.g. briefbot sources add https://www.example.gov/press.rss\n');
    return 2;
  }
  if (command === 'ask' && !question) {
    process.stderr.write('ask needs a question, e.g. briefbot ask "what did Bessent say?"\n');
    return 2;
  }
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    process.stderr.write('--date must be a day written YYYY-MM-DD, e.g. --date 2026-01-13\n');
    return 2;
  }
  // Whole numbers in range, written as digits: "1.5", "1e20", "-3", "ten" and " 7" are refused, never passed on.
  let limit: number | undefined;
  let offset: number | undefined;
  try {
    limit = wholeOption('limit', values.limit, 1, MAX_LIMIT, 3);
    offset = wholeOption('offset', values.offset, 0, MAX_OFFSET, 10);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 2;
  }

  const env = { ...process.env };
  if (values.seeds) env.BRIEFBOT_SEEDS = values.seeds;
  if (values.db) env.BRIEFBOT_DB = values.db;
  // A folder of one's own is answered over exactly: in memory, unless a database is named.
  else if (env.BRIEFBOT_SEEDS && !env.BRIEFBOT_DB) env.BRIEFBOT_DB = ':memory:';
  let config;
  let llm;
  try {
    config = loadCoreConfig(env);
    llm = loadLlmConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) { process.stderr.write(`${err.message}\n`); return 2; }
    throw err;
  }

  let bot: Briefbot;
  try {
    bot = await Briefbot.open({ ...config, llm, logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel) });
  } catch (err) {
    if (!(err instanceof StartError)) throw err;
    process.stderr.write(`briefbot: ${err.message}\n`);
    return 1;
  }
  try {
    // One command, one answer over the folder as it is now: a file just added is in it.
    await bot.synced();
    // Text goes to the terminal through terminalSafe, the one path there (JSON escapes control characters itself).
    const print = (value: unknown, text: string) => process.stdout.write(`${values.json ? JSON.stringify(value, null, 2) : terminalSafe(text)}\n`);
    const run = () => runCommand(bot, command, question, { limit, offset, date: values.date }, print);
    try {
      return await run();
    } catch (err) {
      if (!(err instanceof Unavailable)) throw err;
      // The index was found damaged and is being rebuilt: one command waits for it, then answers.
      process.stderr.write(`briefbot: ${err.message}\n`);
      await bot.synced();
      return await run();
    }
  } finally {
    await bot.close();
  }
}

/** One command's answer, printed; its exit code. */
async function runCommand(bot: Briefbot, command: string, question: string, o: { limit?: number; offset?: number; date?: string }, print: (value: unknown, text: string) => void): Promise<number> {
  const { limit, offset, date } = o;
  if (command === 'ask') {
    const found = await bot.ask(question, { limit, offset });
    // With an LLM configured, the first page gets a grounded summary; the field is always there for JSON readers.
    const answer = (offset ?? 0) === 0 ? await bot.summarized(found) : { ...found, summary: null };
    const next = (offset ?? 0) + answer.quotes.length;
    print(answer, renderAnswer(answer, offset ?? 0, `Add --offset ${next} for the next quotes.`));
  } else if (command === 'sources' && question) {
    return manageSource(bot, question.split(' ')[0] as 'add' | 'remove', question.split(' ').slice(1).join(' '), print);
  } else if (command === 'sources') {
    const s = { ...(await bot.sources()), polled: await bot.polled.list() };
    print(s, renderSources(s.sources, s.skipped, s.total, s.polled));
  } else if (command === 'digest') {
    const plain = await bot.digest(date ? { date } : {});
    const digest = await bot.withLead(plain);
    print({ ...digest, lead: digest.lead ?? null }, digest.text);
  } else {
    const speakers = await bot.speakers();
    print({ speakers }, renderSpeakers(speakers));
  }
  return 0;
}

/**
 * `sources add URL`: added, then fetched at once with its progress on stderr (a first import of a long feed reads
 * one page per entry, paced per host); `sources remove URL`.
 */
async function manageSource(bot: Briefbot, verb: 'add' | 'remove', url: string, print: (value: unknown, text: string) => void): Promise<number> {
  const who = { platform: 'cli', user: null };
  if (verb === 'remove') {
    const r = await bot.polled.remove(url, who);
    print(r, r.text);
    return r.ok ? 0 : 1;
  }
  const added = await bot.polled.add(url, who);
  if (!added.ok) {
    print(added, added.text);
    return 1;
  }
  process.stderr.write(`${terminalSafe(added.text)}\n`);
  const key = added.url!;
  const tty = process.stderr.isTTY === true;
  const outcome = await bot.polled.pollNow(key, ({ done, total }) => {
    if (tty) process.stderr.write(`\rreading new entries: ${done}/${total}`);
    else if (done === total || done % 10 === 0) process.stderr.write(`read ${done} of ${total} new entries\n`);
  });
  if (tty) process.stderr.write('\n');
  const source = (await bot.polled.list()).find((s) => s.url === key);
  const text = !outcome
    ? `${key} was being fetched by another briefbot; "briefbot sources" shows how it went.`
    : outcome.status === 'ok'
      ? `${key}: ${outcome.kind}, ${outcome.newEntries} new ${outcome.newEntries === 1 ? 'entry' : 'entries'} indexed and answerable.`
      : outcome.status === 'not-modified' ? `${key}: unchanged since the last fetch.` : `${key}: ${outcome.error}`;
  print({ ...added, outcome, source }, text);
  return outcome?.status === 'error' ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
