// Settings from the environment, validated at start-up: a bad value stops the bot with the variable's name.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_DB, DEFAULT_SEEDS } from './paths.ts';

const optionalText = z.string().trim().min(1).optional().catch(undefined);

const CoreEnv = z.object({
  BRIEFBOT_SEEDS: optionalText,
  BRIEFBOT_DB: optionalText,
  BRIEFBOT_MAX_ARTICLE_MB: z.coerce.number().positive().max(1024).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional(),
});

export interface CoreConfig {
  seedsDir: string;
  dbPath: string;
  maxArticleBytes: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
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
    seedsDir,
    dbPath: e.BRIEFBOT_DB === ':memory:' ? ':memory:' : e.BRIEFBOT_DB ? resolve(e.BRIEFBOT_DB) : DEFAULT_DB,
    maxArticleBytes: Math.round((e.BRIEFBOT_MAX_ARTICLE_MB ?? 5) * 1024 * 1024),
    logLevel: e.LOG_LEVEL ?? 'info',
  };
}

const HELP: Record<string, string> = {
  BRIEFBOT_MAX_ARTICLE_MB: 'Give a number of megabytes, e.g. BRIEFBOT_MAX_ARTICLE_MB=5.',
  LOG_LEVEL: 'Use one of debug, info, warn, error, silent.',
};

/** `FOO=` in a .env file means "not set", not "set to nothing". */
export function emptyAsUnset(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((kv): kv is [string, string] => kv[1] !== undefined && kv[1].trim() !== ''));
}
