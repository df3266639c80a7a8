import { mkdtempSync, cpSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Briefbot } from '../src/bot.ts';
import type { Answer, Quote } from '../src/types.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const SEEDS = join(ROOT, 'seeds');

export const FILES = {
  wire: '000_b9f90aa04f3550b9.txt', // no outlet, "by Anand Patel", "Tuesday, January 13, 2026"
  ians: '001_4e1481897fb26327.txt', // "- IANS", reader comments
  ani: '002_8e469fcc27185aef.txt', // "(ANI)"
  toi: '003_44a8a71026a62bf2.txt', // "SOURCE – TIMES OF INDIA"
  unattributed: '004_563bebea083269ff.txt', // no outlet, no title
};

export function openSeeds(): Promise<Briefbot> {
  return Briefbot.open({ seedsDir: SEEDS, dbPath: ':memory:' });
}

/** A scratch folder, removed by the returned function. */
export function tempDir(prefix = 'briefbot-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function copySeeds(to: string): void {
  cpSync(SEEDS, to, { recursive: true });
}

/** Every quote of an answer's question, all pages. */
export async function allQuotes(bot: Briefbot, question: string): Promise<Quote[]> {
  const out: Quote[] = [];
  for (let offset = 0; ; offset += 50) {
    const a: Answer = await bot.ask(question, { limit: 50, offset });
    out.push(...a.quotes);
    if (a.quotes.length === 0 || out.length >= a.total) return out;
  }
}

export const files = (q: Quote) => q.citations.map((c) => c.file);
export const allFiles = (q: Quote) => [...files(q), ...q.excerpts.flatMap((e) => e.citations.map((c) => c.file))];

/**
 * The seeds plus hostile.txt: Jane Doe says `hostile` (words that try to ping or format), then a quote of `parts`
 * clauses ("point0 matters and point1 matters …", returned as `long`) too long for one message. Removed by `cleanup`.
 */
export function seedsWithHostileArticle(hostile: string, parts: number, word = 'point', verb = 'matters'): { dir: string; cleanup: () => void; long: string } {
  const t = tempDir();
  copySeeds(t.dir);
  const long = Array.from({ length: parts }, (_, i) => `${word}${i} ${verb}`).join(' and ');
  writeFileSync(join(t.dir, 'hostile.txt'), `Prankster in the newsroom\n\n"${hostile}," Jane Doe said.\n\n"${long}," Jane Doe added.\n`);
  return { ...t, long };
}
