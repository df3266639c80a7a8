// "/brief subscribe 08:00 America/New_York weekdays" → a cron expression and a time zone, validated, with a
// message naming what to fix when the words are wrong.
import { isCron } from './cron.ts';
import { z } from 'zod';

export interface Schedule {
  cron: string;
  timezone: string;
  postWhenEmpty: boolean;
}

export interface ScheduleDefaults {
  cron: string;
  timezone: string;
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const ScheduleSchema = z.object({
  cron: z.string().refine((c) => isCron(c), { error: (i) => `"${String(i.input)}" is not a cron expression; use five fields, e.g. "0 8 * * 1-5"` }),
  timezone: z.string().refine(isTimeZone, { error: (i) => `"${String(i.input)}" is not a time zone; use an IANA name such as America/New_York or Asia/Kolkata` }),
  postWhenEmpty: z.boolean(),
});

const DAYS: Record<string, string> = {
  daily: '*', everyday: '*', 'every-day': '*', weekdays: '1-5', workdays: '1-5', weekends: '0,6', weekend: '0,6',
};
const DAY_NUMBERS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** The schedule "subscribe" uses when neither it nor DIGEST_CRON / DIGEST_TIMEZONE names one. */
export const DEFAULT_SCHEDULE: ScheduleDefaults = { cron: '0 8 * * 1-5', timezone: 'UTC' };

export const SUBSCRIBE_USAGE = 'subscribe [HH:MM] [time zone] [weekdays|daily|weekends|mon,wed,fri] [quiet]';

/**
 * Reads the words after "subscribe". Anything left out comes from the defaults (DIGEST_CRON, DIGEST_TIMEZONE);
 * "quiet" means a day without news posts nothing instead of "nothing new since …".
 */
export function parseSchedule(args: string, defaults: ScheduleDefaults): { ok: true; schedule: Schedule } | { ok: false; error: string } {
  let cron = defaults.cron;
  let timezone = defaults.timezone;
  let postWhenEmpty = true;
  let time: [number, number] | null = null;
  let days: string | null = null;
  const quoted = /"([^"]+)"|'([^']+)'/.exec(args);
  let rest = args;
  if (quoted) {
    cron = (quoted[1] ?? quoted[2])!.trim();
    rest = args.replace(quoted[0], ' ');
  }
  for (const word of rest.trim().split(/\s+/).filter(Boolean)) {
    const lower = word.toLowerCase();
    const hm = /^([01]?\d|2[0-3])[:.h]([0-5]\d)$/.exec(lower);
    if (hm) time = [Number(hm[1]), Number(hm[2])];
    else if (lower === 'quiet' || lower === 'silent') postWhenEmpty = false;
    else if (lower === 'always') postWhenEmpty = true;
    else if (DAYS[lower]) days = DAYS[lower]!;
    else if (/^(sun|mon|tue|wed|thu|fri|sat)[a-z]*(,(sun|mon|tue|wed|thu|fri|sat)[a-z]*)*$/.test(lower)) {
      days = [...new Set(lower.split(',').map((d) => DAY_NUMBERS[d.slice(0, 3)]!))].sort().join(',');
    } else if (/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*-(mon|tue|wed|thu|fri|sat|sun)[a-z]*$/.test(lower)) {
      const [a, b] = lower.split('-').map((d) => DAY_NUMBERS[d.slice(0, 3)]!);
      days = `${a}-${b}`;
    } else if (word.includes('/') || /^(utc|gmt)$/i.test(word)) timezone = /^(utc|gmt)$/i.test(word) ? 'UTC' : word;
    else return { ok: false, error: `I did not understand "${word}". Use: ${SUBSCRIBE_USAGE}, e.g. subscribe 08:00 America/New_York weekdays` };
  }
  if (time || days) {
    const [minute, hour, , , dow] = cron.split(/\s+/);
    cron = `${time ? time[1] : minute} ${time ? time[0] : hour} * * ${days ?? dow ?? '*'}`;
  }
  const parsed = ScheduleSchema.safeParse({ cron, timezone, postWhenEmpty });
  if (!parsed.success) return { ok: false, error: `${parsed.error.issues[0]!.message}. Nothing was saved.` };
  return { ok: true, schedule: parsed.data };
}

/** "weekdays at 08:00 (America/New_York)" for a cron this module writes; the cron itself otherwise. */
export function describeSchedule(s: Pick<Schedule, 'cron' | 'timezone'>): string {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* (\S+)$/.exec(s.cron);
  if (!m) return `on "${s.cron}" (${s.timezone})`;
  const at = `${m[2]!.padStart(2, '0')}:${m[1]!.padStart(2, '0')}`;
  const days = { '*': 'every day', '1-5': 'weekdays', '0,6': 'weekends' }[m[3]!] ?? `on days ${m[3]}`;
  return `${days} at ${at} (${s.timezone})`;
}
