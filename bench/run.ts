// npm run bench [-- 1000,10000,100000]: every speed claim, measured. Generates a seeded corpus per size in a
// temporary folder, then runs each phase in its own process and prints a markdown table; JSON goes to
// bench/results/latest.json. Not part of npm test or CI.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.ts';
import { questionMix } from './questions.ts';

const here = dirname(fileURLToPath(import.meta.url));
const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
const GOALS = { askP99: 50, askP50: 10, overhead: 5, ingestPerSec: 1000, coldStartMs: 2000, rssMb: 1024, digestMs: 500 };

function phase(...args: string[]): Record<string, any> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'phase.ts'), ...args], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop()!);
}

const results: Record<string, any>[] = [];
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `briefbot-bench-${n}-`));
  try {
    process.stderr.write(`[bench] ${n}: generating…\n`);
    const corpus = generateCorpus(join(dir, 'corpus'), n);
    const questions = questionMix(corpus);
    const qfile = join(dir, 'questions.json');
    writeFileSync(qfile, JSON.stringify(questions));
    const db = join(dir, 'briefbot.db');
    process.stderr.write(`[bench] ${n}: ingesting…\n`);
    const ingest = phase('ingest', corpus.dir, db);
    process.stderr.write(`[bench] ${n}: serving…\n`);
    const serve = phase('serve', corpus.dir, db, qfile);
    results.push({ articles: n, ingest: { ...ingest, perSec: (n / ingest.ms) * 1000 }, ...serve, overhead: serve.ask.p50 / serve.raw.p50 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const f = (x: number, d = 1) => x.toFixed(d);
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const lines = [
  `Machine: ${machine}`,
  '',
  '| articles | ingest (articles/s) | cold start to first answer | restart reparses | ask p50 | ask p95 | ask p99 | raw FTS5 p50 | core / raw p50 | digest of ~500 new | peak RSS |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results.map((r) =>
    `| ${r.articles.toLocaleString('en')} | ${f(r.ingest.perSec, 0)} | ${f(r.coldStartMs, 0)} ms | ${r.reparsedOnRestart} files | ${f(r.ask.p50, 2)} ms | ${f(r.ask.p95, 2)} ms | ${f(r.ask.p99, 2)} ms | ${f(r.raw.p50, 3)} ms | ${f(r.overhead, 1)}× | ${f(r.digest.ms, 0)} ms (${r.digest.articles} articles, ${r.digest.stories} stories) | ${f(Math.max(r.peakRssMb, r.ingest.peakRssMb), 0)} MB |`),
  '',
  '| articles | speaker p50/p99 | speaker+topic p50/p99 | who-said p50/p99 | open p50/p99 | unknown p50/p99 |',
  '| --- | --- | --- | --- | --- | --- |',
  ...results.map((r) => `| ${r.articles.toLocaleString('en')} | ${['speaker', 'speaker+topic', 'who-said', 'open', 'unknown'].map((k) => `${f(r.byKind[k].p50, 2)} / ${f(r.byKind[k].p99, 2)} ms`).join(' | ')} |`),
  '',
  `Goals: ask p99 ≤ ${GOALS.askP99} ms and p50 ≤ ${GOALS.askP50} ms at 100k; core/raw p50 ≤ ${GOALS.overhead}×; ingest ≥ ${GOALS.ingestPerSec}/s; cold start ≤ ${GOALS.coldStartMs} ms; peak RSS ≤ ${GOALS.rssMb} MB; digest of 500 ≤ ${GOALS.digestMs} ms.`,
];
process.stdout.write(`${lines.join('\n')}\n`);
const out = join(here, 'results', 'latest.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ machine, date: new Date().toISOString(), goals: GOALS, results }, null, 2));
process.stderr.write(`[bench] wrote ${out}\n`);
