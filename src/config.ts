// Settings from the environment, validated at start-up: a bad value stops the bot with the variable's name.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { isCron } from './schedule/cron.ts';
import { DEFAULT_DB, DEFAULT_SEEDS } from './paths.ts';
import { DEFAULT_SCHEDULE, isTimeZone, type ScheduleDefaults } from './schedule/subscription.ts';
import { sourceSettings, type SourceSettings } from './sources/polled.ts';
import { parsePrivateHosts } from './sources/address-policy.ts';

const optionalText = z.string().trim().min(1).optional().catch(undefined);

const CoreEnv = z.object({
  DIGEST_CRON: z.string().trim().refine((c) => isCron(c), 'is not a cron expression (five fields, e.g. "0 8 * * 1-5")').optional(),
  DIGEST_GRACE_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).optional(),
  DIGEST_TIMEZONE: z.string().trim().refine(isTimeZone, 'is not an IANA time zone (e.g. Asia/Kolkata)').optional(),
  BRIEFBOT_SEEDS: optionalText,
  BRIEFBOT_DB: optionalText,
  // The message never repeats the value: it may hold a password.
  BRIEFBOT_DATABASE_URL: z.string().trim().refine(isDatabaseUrl, 'is not a PostgreSQL URL').optional(),
  BRIEFBOT_MAX_ARTICLE_MB: z.coerce.number().positive().max(1024).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional(),
  BRIEFBOT_SOURCE_ADMINS: optionalText,
  BRIEFBOT_PRIVATE_HOSTS: optionalText,
  BRIEFBOT_POLL_MINUTES: z.coerce.number().min(1).max(7 * 24 * 60).optional(),
});

export interface CoreConfig {
  /** The briefing schedule a channel gets when "subscribe" names no time. */
  schedule: ScheduleDefaults;
  /** How late a briefing missed while the bot was down may still be posted. */
  graceMs: number;
  seedsDir: string;
  dbPath: string;
  /** PostgreSQL (or PGlite) instead of the SQLite file at dbPath: what several replicas share. */
  databaseUrl?: string;
  maxArticleBytes: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Polled sources: who may add them from chat, which private hosts may be fetched, how often. */
  sources: Partial<SourceSettings>;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the core settings. Relative paths are taken from the current directory. */
export function loadCoreConfig(env: NodeJS.ProcessEnv = process.env): CoreConfig {
  const parsed = CoreEnv.safeParse(emptyAsUnset(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${String(issue.path[0])} is invalid: ${issue.message}. ${HELP[String(issue.path[0])] ?? ''}`.trim());
  }
  const e = parsed.data;
  const seedsDir = e.BRIEFBOT_SEEDS ? resolve(e.BRIEFBOT_SEEDS) : DEFAULT_SEEDS;
  if (!existsSync(seedsDir) || !statSync(seedsDir).isDirectory()) {
    throw new ConfigError(`BRIEFBOT_SEEDS must be a folder of articles; "${seedsDir}" is not a folder.`);
  }
  return {
    schedule: { cron: e.DIGEST_CRON ?? DEFAULT_SCHEDULE.cron, timezone: e.DIGEST_TIMEZONE ?? DEFAULT_SCHEDULE.timezone },
    graceMs: (e.DIGEST_GRACE_MINUTES ?? 120) * 60_000,
    seedsDir,
    dbPath: e.BRIEFBOT_DB === ':memory:' ? ':memory:' : e.BRIEFBOT_DB ? resolve(e.BRIEFBOT_DB) : DEFAULT_DB,
    ...(e.BRIEFBOT_DATABASE_URL ? { databaseUrl: databaseUrl(e.BRIEFBOT_DATABASE_URL) } : {}),
    maxArticleBytes: Math.round((e.BRIEFBOT_MAX_ARTICLE_MB ?? 5) * 1024 * 1024),
    logLevel: e.LOG_LEVEL ?? 'info',
    sources: sourceSettings({ admins: e.BRIEFBOT_SOURCE_ADMINS, privateHosts: privateHosts(e.BRIEFBOT_PRIVATE_HOSTS), pollMinutes: e.BRIEFBOT_POLL_MINUTES }),
  };
}

const HELP: Record<string, string> = {
  DIGEST_CRON: 'For example DIGEST_CRON="0 8 * * 1-5" for 08:00 on weekdays.',
  DIGEST_TIMEZONE: 'For example DIGEST_TIMEZONE=Asia/Kolkata.',
  DIGEST_GRACE_MINUTES: 'Give whole minutes, e.g. DIGEST_GRACE_MINUTES=120.',
  BRIEFBOT_MAX_ARTICLE_MB: 'Give a number of megabytes, e.g. BRIEFBOT_MAX_ARTICLE_MB=5.',
  LOG_LEVEL: 'Use one of debug, info, warn, error, silent.',
  BRIEFBOT_POLL_MINUTES: 'Give whole minutes between two polls of a source, e.g. BRIEFBOT_POLL_MINUTES=15.',
  BRIEFBOT_DATABASE_URL: 'For example BRIEFBOT_DATABASE_URL=postgres://briefbot:PASSWORD@db.example.org:5432/briefbot (or pglite:./data/pg for PostgreSQL in process); leave it unset for SQLite.',
};

function privateHosts(setting: string | undefined): Set<string> {
  try {
    return parsePrivateHosts(setting);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
}

/** A PGlite folder, like BRIEFBOT_DB, is taken from the current directory; a server's URL is kept as it is. */
function databaseUrl(value: string): string {
  const folder = value.startsWith('pglite:') ? value.slice('pglite:'.length) : null;
  // memory:// and other PGlite schemes are not folders.
  return folder && !folder.includes('://') ? `pglite:${resolve(folder)}` : value;
}

/** postgres://… or postgresql://… with a host, or pglite: (in memory) or pglite:<folder>. */
function isDatabaseUrl(value: string): boolean {
  if (value.startsWith('pglite:')) return true;
  if (!/^postgres(ql)?:\/\//i.test(value)) return false;
  try {
    return new URL(value).hostname !== '' || new URL(value).searchParams.has('host');
  } catch {
    return false;
  }
}

/** `FOO=` in a .env file means "not set", not "set to nothing". */
export function emptyAsUnset(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((kv): kv is [string, string] => kv[1] !== undefined && kv[1].trim() !== ''));
}

/**
 * Settings for an optional part turned on by one variable (SLACK_BOT_TOKEN, DISCORD_TOKEN): null when it is unset
 * and none of `related` is set either; otherwise validated with `schema`, the first problem becoming a ConfigError
 * that names the variable and where to get a good value (`where`).
 */
export function optionalSettings<T>(
  env: NodeJS.ProcessEnv,
  spec: { switch: string; related: string[]; schema: z.ZodType<T>; where: Record<string, string> },
): T | null {
  const e = emptyAsUnset(env);
  if (!e[spec.switch]) {
    const set = spec.related.find((k) => e[k] !== undefined);
    if (set) throw new ConfigError(`${spec.switch} is missing (${set} is set): set it to ${spec.where[spec.switch]}.`);
    return null;
  }
  const parsed = spec.schema.safeParse(e);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0]);
  throw new ConfigError(`${name} ${issue.message}: set it to ${spec.where[name] ?? 'a valid value'}.`);
}
