// MiniSearch or SQLite FTS5 for briefbot's full-text search? Both index the same paragraphs of a generated
// corpus; this prints build time, memory, restart cost and query latency for each. Run: npm run bench:engines
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus, TOPICS } from './corpus.ts';

const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
const QUERIES = [...TOPICS.flatMap((t) => t.terms.slice(0, 2)), 'invited next month', 'decisive action', 'supply chains resilient', 'funding new projects'];

const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const time = <T>(f: () => T): [T, number] => { const t = performance.now(); const v = f(); return [v, performance.now() - t]; };
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

function latency(run: (q: string) => unknown): { p50: number; p99: number } {
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) for (const q of QUERIES) xs.push(time(() => run(q))[1]);
  return { p50: pct(xs, 50), p99: pct(xs, 99) };
}

for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-engines-'));
  generateCorpus(join(dir, 'corpus'), n);
  const docs: { id: number; text: string }[] = [];
  for (const f of readdirSync(join(dir, 'corpus'))) {
    for (const p of readFileSync(join(dir, 'corpus', f), 'utf8').split(/\n\s*\n/)) if (p.length > 80) docs.push({ id: docs.length + 1, text: p });
  }
  console.log(`\n## ${n.toLocaleString('en')} articles, ${docs.length.toLocaleString('en')} paragraphs\n`);
  console.log('| engine | build | memory | restart (ready to query) | query p50 | query p99 |');
  console.log('| --- | --- | --- | --- | --- | --- |');

  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const ms = new MiniSearch({ fields: ['text'], storeFields: [] });
  const [, msBuild] = time(() => ms.addAll(docs));
  global.gc?.();
  const msHeap = process.memoryUsage().heapUsed - heap0;
  const [json, msSave] = time(() => JSON.stringify(ms));
  const [, msLoad] = time(() => MiniSearch.loadJSON(json, { fields: ['text'] }));
  const msLat = latency((q) => ms.search(q, { combineWith: 'AND' }).slice(0, 10));
  console.log(`| MiniSearch 7 | ${(msBuild / 1000).toFixed(1)} s | ${mb(msHeap)} heap | rebuild ${(msBuild / 1000).toFixed(1)} s, or load ${mb(json.length)} JSON in ${(msLoad / 1000).toFixed(1)} s (+${(msSave / 1000).toFixed(1)} s to save) | ${msLat.p50.toFixed(2)} ms | ${msLat.p99.toFixed(2)} ms |`);

  const file = join(dir, 'fts.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec("CREATE VIRTUAL TABLE p USING fts5(text, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2')");
  const ins = db.prepare('INSERT INTO p (rowid, text) VALUES (?, ?)');
  const [, ftsBuild] = time(() => db.transaction(() => { for (const d of docs) ins.run(d.id, d.text); })());
  db.close();
  const [db2, ftsOpen] = time(() => new Database(file, { readonly: true }));
  const q = db2.prepare('SELECT rowid FROM p WHERE p MATCH ? ORDER BY rank LIMIT 10');
  const ftsLat = latency((text) => q.all(text.split(/\s+/).map((w) => `"${w}"`).join(' AND ')));
  console.log(`| SQLite FTS5 | ${(ftsBuild / 1000).toFixed(1)} s | on disk: ${mb(statSync(file).size)} | open ${ftsOpen.toFixed(1)} ms, nothing to rebuild | ${ftsLat.p50.toFixed(2)} ms | ${ftsLat.p99.toFixed(2)} ms |`);
  db2.close();
  rmSync(dir, { recursive: true, force: true });
}
