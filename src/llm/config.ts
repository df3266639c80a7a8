// Settings for the optional LLM layer. No OPENAI_API_KEY means no LLM at all: the bot stays fully extractive.
import { z } from 'zod';
import { ConfigError, emptyAsUnset } from '../config.ts';

export interface LlmConfig {
  apiKey: string;
  /** An OpenAI-compatible endpoint (Azure, vLLM, Ollama, llama.cpp); null for api.openai.com. */
  baseURL: string | null;
  model: string;
  /** Bounds a whole call, retry included: past it the user gets the extractive answer. */
  timeoutMs: number;
  /** One retry rides out a blip (a 429 or 500); more would only make a dead server stall the reply. */
  maxRetries: number;
}

const LlmEnv = z.object({
  OPENAI_API_KEY: z.string().trim().min(1).optional(),
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/, error: 'is not an http(s) URL' }).optional(),
  OPENAI_MODEL: z.string().trim().min(1).optional(),
  OPENAI_TIMEOUT_MS: z.coerce.number({ error: 'is not a number' }).int('is not a whole number').min(100, 'is below 100 ms').max(120_000, 'is above 120000 ms (two minutes)').optional(),
});

const HELP: Record<string, string> = {
  OPENAI_BASE_URL: 'Give the API root, e.g. OPENAI_BASE_URL=http://localhost:11434/v1 for Ollama.',
  OPENAI_TIMEOUT_MS: 'Give milliseconds, e.g. OPENAI_TIMEOUT_MS=8000.',
};

export const DEFAULT_MODEL = 'gpt-4o-mini';
export const DEFAULT_TIMEOUT_MS = 8000;

/** The LLM settings, or null when OPENAI_API_KEY is unset (or empty). A bad value throws a ConfigError naming it. */
export function loadLlmConfig(env: NodeJS.ProcessEnv = process.env): LlmConfig | null {
  const parsed = LlmEnv.safeParse(emptyAsUnset(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(`${name} is invalid: ${issue.message}. ${HELP[name] ?? ''}`.trim());
  }
  const e = parsed.data;
  if (!e.OPENAI_API_KEY) {
    // A base URL alone is almost certainly a half-done local setup: say so rather than silently stay extractive.
    if (e.OPENAI_BASE_URL) {
      throw new ConfigError('OPENAI_BASE_URL is set but OPENAI_API_KEY is not. Local servers accept any key: set e.g. OPENAI_API_KEY=local.');
    }
    return null;
  }
  return {
    apiKey: e.OPENAI_API_KEY,
    baseURL: e.OPENAI_BASE_URL ?? null,
    model: e.OPENAI_MODEL ?? DEFAULT_MODEL,
    timeoutMs: e.OPENAI_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS,
    maxRetries: 1,
  };
}
