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

/**
 * Where a BRIEFBOT_DATABASE_URL points, for messages and logs: "PostgreSQL at host:port/database", "PGlite at
 * /folder" or "PGlite in memory". Never the password.
 */
export function describeDatabaseUrl(url: string): string {
  if (url.startsWith('pglite:')) return url.length > 'pglite:'.length ? `PGlite at ${url.slice('pglite:'.length)}` : 'PGlite in memory';
  const u = pgUrlParts(url);
  return u ? `PostgreSQL at ${u.host}:${u.port}/${u.database}` : 'PostgreSQL (BRIEFBOT_DATABASE_URL is not a valid URL)';
}

function pgUrlParts(url: string): { host: string; port: string; database: string; user: string } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.searchParams.get('host') ?? (u.hostname.replace(/^\[|\]$/g, '') || 'localhost');
  // As pg reads them: the database defaults to the user's name.
  return { host, port: u.port || '5432', database: decoded(u.pathname.slice(1)) || decoded(u.username) || 'postgres', user: decoded(u.username) || 'the default user' };
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The fault `err` met connecting to or preparing the database at `url`, as a sentence naming the server
 * (host:port/database, never the password) and what to do.
 */
export function explainPgFault(err: unknown, url: string): string {
  const where = describeDatabaseUrl(url);
  const e = pgCause(err);
  const raw = withoutPassword(e.message ?? String(err), url);
  if (url.startsWith('pglite:')) {
    return url === 'pglite:' ? `a database error in ${where}: ${raw}` : `could not open ${where} (${raw}): check that briefbot may write to that folder, or set BRIEFBOT_DATABASE_URL to another.`;
  }
  const u = pgUrlParts(url) ?? { host: '?', port: '?', database: '?', user: '?' };
  switch (e.code) {
    case 'ECONNREFUSED':
      return `${where} refused the connection (nothing listens on ${u.host}:${u.port}): start PostgreSQL there, or correct the host and port in BRIEFBOT_DATABASE_URL.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot find the host "${u.host}" of ${where} (${raw}): check the host name in BRIEFBOT_DATABASE_URL and that this machine's DNS knows it.`;
    case 'ETIMEDOUT':
      return timedOut(where);
    case '28P01':
      return `${where} refused the password of user "${u.user}": correct the password in BRIEFBOT_DATABASE_URL.`;
    case '28000':
      return `${where} refused user "${u.user}" (${raw}): create the role or allow it in pg_hba.conf, or correct the user in BRIEFBOT_DATABASE_URL.`;
    case '3D000':
      return `the database "${u.database}" does not exist on PostgreSQL at ${u.host}:${u.port}: create it (createdb -h ${u.host} -p ${u.port}${u.user === 'the default user' ? '' : ` -U ${u.user}`} ${u.database}) or correct its name in BRIEFBOT_DATABASE_URL.`;
    case '42501':
      return `user "${u.user}" may not create or change briefbot's tables on ${where} (${raw}): grant it CREATE on the schema, or connect as the schema's owner.`;
    case '57P03':
      return `${where} is starting up or shutting down (${raw}): start briefbot again in a moment.`;
    case '53300':
      return `${where} has no connection to spare (${raw}): raise max_connections or run fewer replicas.`;
  }
  if (/timeout|timed out/i.test(e.message ?? '')) return timedOut(where);
  return `a database error at ${where}: ${raw}`;
}

function timedOut(where: string): string {
  return `${where} did not answer in time: check that the server is up and that no firewall stands between it and briefbot.`;
}

/** The error that says what happened: a wrapped one (a failed migration) carries it as its cause. */
function pgCause(err: unknown): { code?: string; message?: string } {
  let e = err as { code?: string; message?: string; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e) if (typeof e.code === 'string') return e;
  return (err ?? {}) as { message?: string };
}

/** A driver message echoing the URL must not show its password. */
function withoutPassword(message: string, url: string): string {
  let password = '';
  try {
    password = new URL(url).password;
  } catch {
    return message;
  }
  if (!password) return message;
  return message.split(password).join('***').split(decoded(password)).join('***');
}
