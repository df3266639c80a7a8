// What a fault of the database or the seeds folder means for the person running briefbot, and what to do about it.
// Raw driver messages ("SQLITE_NOTADB", "EACCES scandir") name no file and suggest nothing.

/** A fault that stops briefbot from starting, in words a person can act on (printed without a stack trace). */
export class StartError extends Error {}

/** A fault the person asking is told of in these words (instead of a plain apology): it says what happens next. */
export class Unavailable extends Error {}

/** What a question is answered while a damaged index is rebuilt. */
export const REBUILDING = 'The index was found damaged and is being rebuilt from the articles. Please ask again in a few minutes.';

/** A damaged database replaced by a fresh one, for the log: where it went, what was kept, what happens next. */
export function describeRepair(path: string, r: { reason: string; backup: string; kept: Record<string, number>; unreadable: string[] }): string {
  const names: Record<string, [string, string]> = {
    subscriptions: ['subscription', 'subscriptions'], briefings: ['briefing record', 'briefing records'], pages: ['answer page', 'answer pages'],
    handled_events: ['handled event', 'handled events'], llm_cache: ['cached summary', 'cached summaries'],
  };
  const kept = Object.entries(r.kept).map(([t, n]) => `${n} ${(names[t] ?? [t, t])[n === 1 ? 0 : 1]}`);
  return `${path} was damaged (${r.reason}): it was moved to ${r.backup} and a fresh database started; the index is rebuilt from the articles. Kept from the old file: ${kept.length ? kept.join(', ') : 'nothing'}${r.unreadable.length ? `; could not read all of: ${r.unreadable.join(', ')}` : ''}.`;
}

/** The fault `err` (from SQLite or the file system) at `path`, as a sentence naming the file and what to do. */
export function explainFault(err: unknown, path: string, what: 'database' | 'seeds'): string {
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  const raw = e.message ?? String(err);
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    return `${path} is not a briefbot database or is damaged (${raw}). Move it aside (mv ${path} ${path}.broken) and start again: briefbot then rebuilds the index from the articles.`;
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return `cannot write to ${path} (${raw}): give briefbot write access to the file and its folder, or set BRIEFBOT_DB to a writable path.`;
  }
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') {
    return `the disk holding ${path} is full (${raw}): free some space; briefbot answers from what it has meanwhile.`;
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM') {
    return what === 'seeds'
      ? `cannot read the seeds folder ${path} (${raw}): give briefbot read access to it, or set BRIEFBOT_SEEDS to another folder.`
      : `cannot open ${path} (${raw}): check that its folder exists and briefbot may write there, or set BRIEFBOT_DB to another path.`;
  }
  if (code === 'ENOENT' && what === 'seeds') return `the seeds folder ${path} does not exist: create it, or set BRIEFBOT_SEEDS to the folder of your articles.`;
  if (code === 'ENOTDIR' && what === 'seeds') return `${path} is not a folder: set BRIEFBOT_SEEDS to the folder of your articles.`;
  return what === 'seeds' ? `could not read the seeds folder ${path}: ${raw}` : `a database error in ${path}: ${raw}`;
}
