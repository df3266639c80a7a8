// `briefbot eval [GOLD_JSON] [--seeds DIR] [--json] [--min-recall P] [--max-misattributions N]
// [--min-precision P] [--min-questions P]`: exit 0 when every floor given is met, 1 when one is not,
// 2 when the input is missing or bad (with what to pass or fix).
import { dirname, join, resolve } from 'node:path';
import { EvalInputError } from './gold.ts';
import { evaluate, unmetFloors, type Floors } from './evaluate.ts';
import { renderReport } from './report.ts';

export const DEFAULT_GOLD = '../shared/eval/attribution/gold.json';

export interface EvalArgs {
  gold?: string;
  seeds?: string;
  json?: boolean;
  minRecall?: string;
  maxMisattributions?: string;
  minPrecision?: string;
  minQuestions?: string;
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd?: string;
}

const stdio: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** The floors from their option strings; throws EvalInputError naming the option. */
export function parseFloors(args: EvalArgs): Floors {
  const share = (value: string | undefined, option: string) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new EvalInputError(`${option} must be a percentage from 0 to 100, e.g. ${option} 90`);
    return n;
  };
  let maxMisattributions: number | undefined;
  if (args.maxMisattributions !== undefined) {
    maxMisattributions = Number(args.maxMisattributions);
    if (args.maxMisattributions.trim() === '' || !Number.isInteger(maxMisattributions) || maxMisattributions < 0) {
      throw new EvalInputError('--max-misattributions must be a whole number, 0 or more, e.g. --max-misattributions 0');
    }
  }
  return {
    minRecall: share(args.minRecall, '--min-recall'),
    maxMisattributions,
    minPrecision: share(args.minPrecision, '--min-precision'),
    minQuestions: share(args.minQuestions, '--min-questions'),
  };
}

export async function evalCommand(args: EvalArgs, io: Io = stdio): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const gold = resolve(cwd, args.gold ?? DEFAULT_GOLD);
  const seeds = args.seeds ? resolve(cwd, args.seeds) : join(dirname(gold), 'articles');
  let result;
  let floors: Floors;
  try {
    floors = parseFloors(args);
    result = await evaluate(gold, seeds);
  } catch (err) {
    if (!(err instanceof EvalInputError)) throw err;
    io.err(`eval: ${err.message.replace(/\n/g, '\neval: ')}\n`);
    return 2;
  }
  const unmet = unmetFloors(result, floors);
  io.out(`${args.json ? JSON.stringify({ ...result, floors, unmet }, null, 2) : renderReport(result)}\n`);
  if (unmet.length) io.err(`${unmet.join('\n')}\n`);
  return unmet.length ? 1 : 0;
}
