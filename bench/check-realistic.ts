// Checks the realistic corpus generator: npx tsx bench/check-realistic.ts [COUNT] [SAMPLE] [--keep]
// Prints words per article, distinct words, the most quoted speakers, the busiest day, formats and generation
// speed; then runs the bot's extractor over SAMPLE files (default 200) and shows what it finds and whom it credits.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRealisticCorpus } from './realistic.ts';
import { extractArticle } from '../src/ingest/extract-article.ts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const count = Number(args[0] ?? 2000);
const sample = Number(args[1] ?? 200);
const keep = process.argv.includes('--keep');
const dir = mkdtempSync(join(tmpdir(), 'briefbot-realistic-'));
const corpus = generateRealisticCorpus(join(dir, 'corpus'), count);
const f = (x: number) => Math.round(x).toLocaleString('en');

console.log(`## ${f(count)} articles in ${(corpus.ms / 1000).toFixed(1)} s (${f((count / corpus.ms) * 1000)}/s), ${dir}`);
const w = corpus.wordsPerArticle;
console.log(`words/article: min ${w.min}, p10 ${w.p10}, median ${w.p50}, mean ${f(w.mean)}, p90 ${w.p90}, p99 ${w.p99}, max ${w.max}; total ${f(corpus.words)}`);
console.log(`formats: ${JSON.stringify(corpus.formats)}; events ${f(corpus.events)}, wire (5 outlets) ${f(corpus.wireEvents)} (${((corpus.wireEvents / corpus.events) * 100).toFixed(1)}%)`);
console.log(`busiest day: ${corpus.busiestDay.date} with ${corpus.busiestDay.articles} articles (${((corpus.busiestDay.articles / count) * 100).toFixed(2)}%)`);

// Distinct words, as FTS5's tokenizer would roughly see them (lower case, letters and digits), with their spread.
const freq = new Map<string, number>();
const files = readdirSync(corpus.dir).sort();
for (const file of files) {
  for (const t of readFileSync(join(corpus.dir, file), 'utf8').toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (t) freq.set(t, (freq.get(t) ?? 0) + 1);
}
const byFreq = [...freq.entries()].sort((a, b) => b[1] - a[1]);
const tokens = byFreq.reduce((n, [, c]) => n + c, 0);
console.log(`distinct words: ${f(freq.size)} over ${f(tokens)} tokens; used once: ${f(byFreq.filter(([, c]) => c === 1).length)}; top 100 cover ${((byFreq.slice(0, 100).reduce((n, [, c]) => n + c, 0) / tokens) * 100).toFixed(1)}% of tokens`);
console.log(`rank/frequency: ${[1, 10, 100, 1000, 10000].filter((k) => k <= byFreq.length).map((k) => `#${k} "${byFreq[k - 1]![0]}" ${f(byFreq[k - 1]![1])}`).join(', ')}`);

const people = corpus.speakers.filter((s) => s.kind === 'person').sort((a, b) => b.articles - a.articles);
const quotedPeople = people.filter((s) => s.articles > 0);
console.log(`speakers: ${corpus.speakers.length} (${people.length} people); people quoted at all: ${f(quotedPeople.length)}; in 1–3 articles: ${f(quotedPeople.filter((s) => s.articles <= 3).length)}`);
console.log(`top speakers: ${people.slice(0, 12).map((s) => `${s.name} ${s.articles}`).join(', ')}`);
console.log(`role changes: ${people.filter((s) => s.roles.length > 1).length}; e.g. ${people.filter((s) => s.roles.length > 1).slice(0, 3).map((s) => `${s.name}: ${s.roles.join(' → ')}`).join('; ')}`);

// The extractor over a sample: does it find the quotes and credit the people?
const step = Math.max(1, Math.floor(files.length / sample));
let found = 0;
let attributed = 0;
let skipped = 0;
let articles = 0;
const bySieve = new Map<string, number>();
const names = new Map<string, number>();
const roles = new Map<string, number>();
const shown: string[] = [];
const known = new Set(corpus.speakers.map((s) => s.name));
let knownHits = 0;
let pronounToOrg = 0;
const pronounToOrgSamples: string[] = [];
const t = performance.now();
const perFormat = new Map<string, number[]>();
for (let i = 0; i < files.length && articles < sample; i += step) {
  const path = join(corpus.dir, files[i]!);
  const st = statSync(path);
  const t1 = performance.now();
  const x = extractArticle(files[i]!, readFileSync(path), { size: st.size, mtimeMs: st.mtimeMs });
  const ext = files[i]!.split('.').pop()!;
  (perFormat.get(ext) ?? perFormat.set(ext, []).get(ext)!).push(performance.now() - t1);
  articles++;
  if (!x.ok) { skipped++; console.log(`skipped ${files[i]}: ${x.reason}`); continue; }
  for (const sp of x.article.speakers) for (const role of sp.roles) roles.set(`${role}  <= ${sp.name}`, (roles.get(`${role}  <= ${sp.name}`) ?? 0) + 1);
  for (const q of x.article.quotes) {
    found++;
    bySieve.set(q.sieve, (bySieve.get(q.sieve) ?? 0) + 1);
    const sp = q.speakerRef === null ? null : x.article.speakers.find((s) => s.ref === q.speakerRef);
    if (sp && /pronoun/.test(q.sieve) && sp.kind !== 'person') {
      pronounToOrg++;
      if (pronounToOrgSamples.length < 3) pronounToOrgSamples.push(`${files[i]}: ${sp.name} <- "${q.text.slice(0, 60)}"`);
    }
    if (sp) {
      attributed++;
      names.set(sp.name, (names.get(sp.name) ?? 0) + 1);
      if (known.has(sp.name)) knownHits++;
    }
    if (shown.length < 14 && Math.random() < 0.05) shown.push(`  [${q.kind}/${q.sieve}] ${sp ? `${sp.name}${sp.roles.length ? ` (${sp.roles.join('; ')})` : ''}` : '—'}: "${q.text.slice(0, 90)}"`);
  }
}
const ms = performance.now() - t;
console.log(`\nextractor over ${articles} files: ${(ms / articles).toFixed(1)} ms/file; skipped ${skipped}; quotes ${found} (${(found / Math.max(1, articles - skipped)).toFixed(1)}/article), attributed ${attributed} (${((attributed / Math.max(1, found)) * 100).toFixed(0)}%), to a generated speaker's exact name ${knownHits} (${((knownHits / Math.max(1, attributed)) * 100).toFixed(0)}%)`);
console.log(`ms per file by format (median / mean): ${[...perFormat.entries()].map(([k, v]) => `${k} ${v.slice().sort((a, b) => a - b)[Math.floor(v.length / 2)]!.toFixed(1)} / ${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(1)} (${v.length})`).join(', ')}`);
console.log(`sieves: ${[...bySieve.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
const odd = [...names.entries()].filter(([n]) => !known.has(n)).sort((a, b) => b[1] - a[1]);
console.log(`names credited that are no generated speaker (${odd.length}): ${odd.slice(0, 25).map(([n, c]) => `"${n}" ${c}`).join(', ')}`);
console.log(`pronouns credited to an organisation: ${pronounToOrg}${pronounToOrgSamples.length ? ` (${pronounToOrgSamples.join('; ')})` : ''}`);
const allRoles = [...roles.keys()];
const wordsIn = (s: string) => s.split('  <= ')[0]!.split(/\s+/).length;
console.log(`roles found: ${allRoles.length}; with 8+ words: ${allRoles.filter((k) => wordsIn(k) >= 8).length}; longest:`);
for (const k of allRoles.sort((a, b) => wordsIn(b) - wordsIn(a)).slice(0, 12)) console.log(`  ${k}`);
console.log('samples:');
console.log(shown.join('\n'));
if (!keep) rmSync(dir, { recursive: true, force: true });
