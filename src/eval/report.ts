// The evaluation as text: what went wrong first (so a developer reads the misses), breakdowns next, and the four
// summary lines last, always last and always in this form (a hook prints the final four lines).
import type { EvalResult, SieveRow } from './evaluate.ts';

const cut = (text: string, n = 90) => {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};
const quoted = (text: string, n?: number) => `"${cut(text, n)}"`;
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const num = (s: string | number, n: number) => String(s).padStart(n);

/** The four lines the CI hook shows; nothing may be printed after them. */
export function summaryLines(r: EvalResult): string[] {
  const { recall: c, precision: p, questions: q } = r;
  return [
    `recall ${c.percent.toFixed(1)}% (${c.right}/${c.total} found and rightly attributed; ${c.misattributed} misattributed, ${c.unattributed} unattributed, ${c.missed} missed)`,
    `misattributions ${r.misattributions}`,
    `precision ${p.percent.toFixed(1)}% (${p.matched}/${p.extracted} extracted quotes match a gold quote)`,
    `questions ${q.passed}/${q.total} passed`,
  ];
}

export function renderReport(r: EvalResult): string {
  const lines: string[] = [];
  const section = (title: string) => lines.push('', `== ${title}`);

  for (const w of r.warnings) lines.push(`warning: ${w}`);
  const unreadable = r.files.filter((f) => f.status !== 'ok');
  if (unreadable.length) {
    section(`files not scored (${unreadable.length}): their gold quotes count as missed`);
    for (const f of unreadable) lines.push(`${f.file}: ${f.status}, ${f.reason}`);
  }

  const wrong = r.goldQuotes.filter((g) => g.status !== 'right');
  section(`gold quotes not rightly attributed (${wrong.length} of ${r.goldQuotes.length})`);
  let file = '';
  for (const g of wrong) {
    if (g.file !== file) lines.push((file = g.file));
    const givenTo = g.status === 'missed'
      ? 'not extracted'
      : [...new Set(g.given.map((x) => `${x.speaker ?? 'unattributed'} (${x.sieve})`))].join(', ');
    lines.push(`  ${pad(g.status.toUpperCase(), 13)} ${g.kind}, gold: ${g.speaker}; given to: ${givenTo}`);
    lines.push(`    ${quoted(g.text)}`);
  }

  const stray = r.extractedQuotes.filter((q) => !q.matchesGold);
  section(`extracted quotes matching no gold quote (${stray.length} of ${r.extractedQuotes.length})`);
  for (const q of stray) lines.push(`${q.file}  ${q.speaker ?? 'unattributed'} (${q.sieve}): ${quoted(q.text)}`);

  const failed = r.questionChecks.filter((q) => !q.passed);
  section(`failed question checks (${failed.length} of ${r.questionChecks.length})`);
  for (const q of failed) {
    lines.push(`${q.file}  ${q.q}`);
    for (const c of q.conditions.filter((c) => !c.ok)) lines.push(`  ${c.check}${c.value === null ? '' : ` ${quoted(c.value, 70)}`}: ${c.why}`);
    const a = q.answer;
    lines.push(`  answer (${a.kind}${a.speaker ? `: ${a.speaker}` : ''}): ${plural(a.total, 'quote')}${a.onTopic === null ? '' : `, ${a.onTopic} on the topic`}`);
    for (const quote of a.quotes.slice(0, 3)) lines.push(`    ${quote.speaker ?? 'unattributed'}: ${quoted(quote.text, 80)}`);
  }

  section('by sieve (extracted quotes)');
  const width = Math.max(24, ...r.bySieve.flatMap((f) => f.sieves.map((s) => s.sieve.length + 2)));
  lines.push(`${pad('sieve', width)} ${num('extracted', 9)} ${num('match gold', 10)} ${num('right', 6)} ${num('wrong', 6)}`);
  const row = (s: SieveRow, indent: string) =>
    `${pad(indent + s.sieve, width)} ${num(s.extracted, 9)} ${num(s.matching, 10)} ${num(s.right, 6)} ${num(s.wrong, 6)}`;
  for (const family of r.bySieve) {
    lines.push(row(family, ''));
    // A family of one sieve that is the family itself ("none") needs no second line.
    for (const s of family.sieves) if (!(family.sieves.length === 1 && s.sieve === family.sieve)) lines.push(row(s, '  '));
  }

  section('by gold kind (gold quotes)');
  lines.push(`${pad('kind', 10)} ${num('total', 6)} ${num('right', 6)} ${num('misattributed', 14)} ${num('unattributed', 13)} ${num('missed', 7)}`);
  for (const k of r.byKind) {
    lines.push(`${pad(k.kind, 10)} ${num(k.total, 6)} ${num(k.right, 6)} ${num(k.misattributed, 14)} ${num(k.unattributed, 13)} ${num(k.missed, 7)}`);
  }

  lines.push('', ...summaryLines(r));
  return lines.join('\n').replace(/^\n/, '');
}
