// Does a general NLP library find speakers' names better than briefbot's own reading of news phrases?
// Compares compromise (people() and organizations() over the whole text) with the entities briefbot's extractor
// registers, on a labelled set: how many of the gold speakers each one names (by the scorer's own sameSpeaker
// rule), how many names each gives that are no one the gold knows, and the time per article.
// Run: npm run bench:names [-- GOLD_JSON [ARTICLES_DIR]]  (default ../shared/eval/attribution)
import nlp from 'compromise';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { extractArticle } from '../src/ingest/extract-article.ts';
import { loadGold } from '../src/eval/gold.ts';
import { sameSpeaker } from '../src/eval/match.ts';

const goldPath = process.argv[2] ?? '../shared/eval/attribution/gold.json';
const dir = process.argv[3] ?? join(dirname(goldPath), 'articles');
const gold = loadGold(goldPath);

interface Tally { found: number; stray: number; ms: number }

/** One pass over the set: gold speakers each reader names, names that are no one the gold knows, time. */
function measure(): { speakers: number; compromise: Tally; briefbot: Tally } {
  const out = { speakers: 0, compromise: { found: 0, stray: 0, ms: 0 }, briefbot: { found: 0, stray: 0, ms: 0 } };
  for (const entry of gold) {
    const path = join(dir, entry.file);
    const bytes = readFileSync(path);
    const text = bytes.toString('utf8');
    const wanted = [...new Set(entry.quotes.map((q) => q.speaker))];
    const known = [...wanted, ...entry.mentioned_not_quoted];
    out.speakers += wanted.length;

    let t = performance.now();
    const doc = nlp(text);
    const fromLibrary = [...doc.people().out('array'), ...doc.organizations().out('array')].map((n: string) => n.replace(/[^\p{L}\p{N}' .-]+/gu, ' ').trim()).filter(Boolean);
    out.compromise.ms += performance.now() - t;

    t = performance.now();
    const r = extractArticle(entry.file, bytes, statSync(path));
    const fromBriefbot = r.ok ? r.article.speakers.map((s) => s.name) : [];
    out.briefbot.ms += performance.now() - t; // the whole extraction, not only the names

    for (const [name, names] of [['compromise', fromLibrary], ['briefbot', fromBriefbot]] as const) {
      out[name].found += wanted.filter((w) => names.some((n) => sameSpeaker(n, w))).length;
      out[name].stray += new Set(names.filter((n) => !known.some((k) => sameSpeaker(n, k)))).size;
    }
  }
  return out;
}

// The third pass is the one reported: both readers' start-up and compilation are left out of the time.
measure();
measure();
const { speakers, compromise, briefbot } = measure();

const row = (name: string, t: Tally) =>
  `| ${name} | ${t.found}/${speakers} (${((100 * t.found) / speakers).toFixed(0)}%) | ${t.stray} | ${(t.ms / gold.length).toFixed(2)} ms |`;
process.stdout.write([
  `${gold.length} articles, ${speakers} distinct gold speakers (per article)`,
  '',
  '| reader | gold speakers named | names no one in the gold | time per article |',
  '| --- | --- | --- | --- |',
  row('compromise people() + organizations()', compromise),
  row('briefbot entities (whole extraction)', briefbot),
  '',
].join('\n'));
