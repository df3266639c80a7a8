// The commands every adapter understands, parsed once here so Slack, Discord and the console agree.

export type Command =
  | { name: 'help' }
  | { name: 'sources' }
  | { name: 'speakers' }
  | { name: 'digest'; date: string | null }
  | { name: 'subscribe'; args: string }
  | { name: 'unsubscribe' }
  | { name: 'source-add'; url: string }
  | { name: 'source-remove'; url: string }
  | { name: 'watch'; watch: WatchTerm }
  | { name: 'unwatch'; watch: WatchTerm }
  | { name: 'watches' }
  | { name: 'ask'; question: string };

/** What a watch looks for: a speaker ("Bessent"), or a phrase in quoted words ('"rare earths"'). */
export interface WatchTerm {
  kind: 'speaker' | 'phrase';
  term: string;
}

/** Straight and typographic double quotes around a phrase, as typed in chat ("…", “…”, «…»). */
const QUOTED = /^["\u201c\u201e\u00ab]\s*(.+?)\s*["\u201d\u201c\u00bb]$/s;

/** `Bessent` → a speaker; `"rare earths"` → a phrase; nothing → null. */
export function parseWatchTerm(args: string): WatchTerm | null {
  const t = args.trim().replace(/\s+/g, ' ');
  if (!t) return null;
  const quoted = QUOTED.exec(t);
  if (quoted) return { kind: 'phrase', term: quoted[1]! };
  return { kind: 'speaker', term: t.replace(/[?!.]+$/, '') };
}

/** A URL as chat delivers it: Slack wraps links in <…> (with a |label sometimes), people wrap them in quotes. */
export function cleanUrlArgument(arg: string): string {
  return arg.trim().replace(/^<([^|>]*)(?:\|[^>]*)?>$/, '$1').replace(/^["'\u201c](.*)["'\u201d]$/, '$1').trim();
}

export function parseCommand(text: string): Command {
  const t = text.trim();
  const word = t.toLowerCase().replace(/[?!.]+$/, '');
  if (word === '' || word === 'help' || word === '?') return { name: 'help' };
  if (word === 'sources' || word === 'articles' || word === 'sources list') return { name: 'sources' };
  const source = /^sources?\s+(add|remove|rm|delete)\s+(\S.*)$/is.exec(t);
  if (source) return { name: source[1]!.toLowerCase() === 'add' ? 'source-add' : 'source-remove', url: cleanUrlArgument(source[2]!) };
  if (word === 'watches' || word === 'watching' || word === 'watch list') return { name: 'watches' };
  const watch = /^(un)?watch\s+(\S.*)$/is.exec(t);
  const term = watch ? parseWatchTerm(watch[2]!) : null;
  if (watch && term) return { name: watch[1] ? 'unwatch' : 'watch', watch: term };
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
    { usage: `${prefix}sources`, what: 'the polled feeds and pages, and the indexed articles' },
    { usage: `${prefix}sources add https://example.gov/news.rss`, what: 'poll a feed (RSS, Atom, JSON Feed) or an article page (source admins only)' },
    { usage: `${prefix}sources remove https://example.gov/news.rss`, what: 'stop polling it and forget its articles (source admins only)' },
    { usage: `${prefix}watch Bessent`, what: 'a post in this channel whenever newly indexed articles quote someone' },
    { usage: `${prefix}watch "rare earths"`, what: 'a post whenever a new quote says a phrase' },
    { usage: `${prefix}unwatch Bessent`, what: 'stop a watch; "watches" lists this channel\u2019s' },
    { usage: `${prefix}speakers`, what: 'everyone quoted, with roles and counts' },
    { usage: `${prefix}digest [YYYY-MM-DD]`, what: "a preview of the briefing: the newest news day, one story per event" },
    { usage: `${prefix}subscribe 08:00 America/New_York weekdays`, what: 'a morning briefing in this channel (add "quiet" to skip empty days)' },
    { usage: `${prefix}unsubscribe`, what: 'stop the briefing in this channel' },
    { usage: `${prefix}help`, what: 'this list' },
  ];
}
