// Publication dates in the forms scraped pages print them, parsed with chrono.
import * as chrono from 'chrono-node';

const MONTH_OR_ISO = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b/i;
/** What may surround a date on a line that only gives the date: labels, times, zones, weekdays. */
const DATE_LINE_RESIDUE = /^(?:(?:date|dated|updated|published|posted|last|modified|on|at|ist|gmt|utc|bst|cet|est|edt|pst|pdt|dt|am|pm|[ap]\.m\.|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b|[\s:,|.\-–—\d])*$/i;

export interface FoundDate {
  year: number | null;
  month: number;
  day: number;
}

/** A date printed on a line of its own ("Tuesday, January 13, 2026", "Updated At : 08:45 AM Jan 13, 2026 IST"). */
export function dateLine(line: string): FoundDate | null {
  if (line.length > 80 || !MONTH_OR_ISO.test(line)) return null;
  const quick = quickDate(line);
  if (quick) return DATE_LINE_RESIDUE.test(line.slice(0, quick.index) + ' ' + line.slice(quick.index + quick.length)) ? quick.date : null;
  if (!/\b\d{4}\b/.test(line)) return null; // a year-less date on a line is a dateline, read by DATELINE
  const r = chrono.en.parse(line, new Date(Date.UTC(2000, 0, 1)))[0];
  if (!r || !r.start.isCertain('month') || !r.start.isCertain('day')) return null;
  const residue = line.slice(0, r.index) + ' ' + line.slice(r.index + r.text.length);
  if (!DATE_LINE_RESIDUE.test(residue)) return null;
  return found(r);
}

const MONTH_NUMBER: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const MONTH_WORD = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const QUICK_FORMS: [RegExp, (m: RegExpExecArray) => FoundDate][] = [
  [new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i'), (m) => ({ month: MONTH_NUMBER[m[1]!.toLowerCase()]!, day: +m[2]!, year: +m[3]! })],
  [new RegExp(`\\b(\\d{1,2})\\s+${MONTH_WORD},?\\s+(\\d{4})\\b`, 'i'), (m) => ({ month: MONTH_NUMBER[m[2]!.toLowerCase()]!, day: +m[1]!, year: +m[3]! })],
  [/\b(\d{4})-(\d{2})-(\d{2})\b/, (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! })],
];

/**
 * The common printed forms ("January 13, 2026", "13 January 2026", "2026-01-13") read without chrono, which costs
 * far more per call; anything else still goes to chrono.
 */
function quickDate(line: string): { date: FoundDate; index: number; length: number } | null {
  for (const [re, read] of QUICK_FORMS) {
    const m = re.exec(line);
    if (!m) continue;
    const date = read(m);
    if (date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31) return { date, index: m.index, length: m[0].length };
  }
  return null;
}

/** A dateline that opens a paragraph: "New Delhi, Jan 13", "Washington DC [US], January 13 (ANI): ", "Mexico City, 8 May (EFE).- ". */
export const DATELINE = /^(\p{Lu}[\p{L} .'-]{1,40}(?:\s*\[[^\]]{1,20}\])?),\s*((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:,?\s+\d{4})?)\s*(?:\((\p{Lu}[\p{L}/ ]{1,30})\))?\s*(?:\.?[:\-–—]+\s*|$)/iu;

export function datelineDate(text: string): FoundDate | null {
  const quick = quickDate(text);
  if (quick) return quick.date;
  const noYear = new RegExp(`^${MONTH_WORD}\\s+(\\d{1,2})$`, 'i').exec(text.trim());
  if (noYear) return { year: null, month: MONTH_NUMBER[noYear[1]!.toLowerCase()]!, day: +noYear[2]! };
  const r = chrono.en.parse(text, new Date(Date.UTC(2000, 0, 1)))[0];
  return r && r.start.isCertain('month') && r.start.isCertain('day') ? found(r) : null;
}

/** Every date with a year the text mentions, as YYYY-MM-DD: the context that fixes a year-less dateline. */
export function datesWithYear(text: string): string[] {
  if (!/\b(?:19|20)\d\d\b/.test(text)) return [];
  return chrono.en
    .parse(text, new Date(Date.UTC(2000, 0, 1)))
    .filter((r) => r.start.isCertain('year') && r.start.isCertain('month'))
    .map((r) => iso(r.start.get('year')!, r.start.get('month')!, r.start.isCertain('day') ? r.start.get('day')! : 1));
}

/**
 * Gives a year-less date the year that puts it latest but not after `reference` (plus two days for time zones):
 * a page dated "Jan 13" that was saved on 2026-11-24 was published on 2026-01-13.
 */
export function withYear(d: FoundDate, reference: Date): string {
  if (d.year !== null) return iso(d.year, d.month, d.day);
  const limit = reference.getTime() + 2 * 86_400_000;
  for (let y = reference.getUTCFullYear() + 1; ; y--) {
    if (Date.UTC(y, d.month - 1, d.day) <= limit) return iso(y, d.month, d.day);
  }
}

function found(r: chrono.ParsedResult): FoundDate {
  return {
    year: r.start.isCertain('year') ? r.start.get('year')! : null,
    month: r.start.get('month')!,
    day: r.start.get('day')!,
  };
}

export function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Normalises a front-matter or metadata date ("2026-01-13", "2026-01-13T08:45:00Z", "Jan 13, 2026"). */
export function normaliseDate(value: string): string | null {
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (isoMatch) return `${isoMatch[1]}-${isoMatch[2]}-${isoMatch[3]}`;
  const r = chrono.en.parse(value, new Date(Date.UTC(2000, 0, 1)))[0];
  return r && r.start.isCertain('year') && r.start.isCertain('day') ? iso(r.start.get('year')!, r.start.get('month')!, r.start.get('day')!) : null;
}
