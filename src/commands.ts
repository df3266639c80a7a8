// The commands every adapter understands, parsed once here so Slack, Discord and the console agree.

export type Command =
  | { name: 'help' }
  | { name: 'sources' }
  | { name: 'speakers' }
  | { name: 'digest'; date: string | null }
  | { name: 'subscribe'; args: string }
  | { name: 'unsubscribe' }
  | { name: 'ask'; question: string };

export function parseCommand(text: string): Command {
  const t = text.trim();
  const word = t.toLowerCase().replace(/[?!.]+$/, '');
  if (word === '' || word === 'help' || word === '?') return { name: 'help' };
  if (word === 'sources' || word === 'articles') return { name: 'sources' };
  if (word === 'speakers' || word === 'who') return { name: 'speakers' };
  if (/^subscribe\b/.test(word)) return { name: 'subscribe', args: t.replace(/^\s*subscribe\s*/i, '') };
  if (word === 'unsubscribe' || word === 'stop') return { name: 'unsubscribe' };
  const digest = /^(?:digest|briefing)(?:\s+(\d{4}-\d{2}-\d{2}))?$/.exec(word);
  if (digest) return { name: 'digest', date: digest[1] ?? null };
  return { name: 'ask', question: t };
}

export interface HelpEntry {
  usage: string;
  what: string;
}

/** The command list, with the adapter's own prefix ("/brief ", "@briefbot ", or nothing in the console). */
export function helpEntries(prefix: string): HelpEntry[] {
  return [
    { usage: `${prefix}what did Bessent say?`, what: "a speaker's own words, verbatim, with where each was reported" },
    { usage: `${prefix}what did Vaishnaw say about recycling?`, what: "a speaker's words on one topic" },
    { usage: `${prefix}who said "prudent derisking over decoupling"?`, what: 'who is quoted saying a phrase' },
    { usage: `${prefix}when will India join Pax Silica?`, what: 'the best matching statements and reporting' },
    { usage: `${prefix}sources`, what: 'the indexed articles' },
    { usage: `${prefix}speakers`, what: 'everyone quoted, with roles and counts' },
    { usage: `${prefix}digest [YYYY-MM-DD]`, what: "a preview of the briefing: the newest news day, one story per event" },
    { usage: `${prefix}subscribe 08:00 America/New_York weekdays`, what: 'a morning briefing in this channel (add "quiet" to skip empty days)' },
    { usage: `${prefix}unsubscribe`, what: 'stop the briefing in this channel' },
    { usage: `${prefix}help`, what: 'this list' },
  ];
}
