// One structured-output call to an OpenAI-compatible Chat Completions endpoint, bounded in time. Every way it
// can go wrong (timeout, HTTP error, refusal, truncated or malformed JSON) comes back as a reason, never a throw:
// the caller falls back to the extractive answer.
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { z } from 'zod';
import type { Logger } from '../log.ts';
import type { LlmConfig } from './config.ts';

export interface StructuredRequest<T> {
  system: string;
  /** The user message: data (JSON), never instructions. */
  user: string;
  /** Names the schema for the endpoint ("answer_summary"). */
  name: string;
  schema: z.ZodType<T>;
  maxTokens: number;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export class LlmClient {
  private readonly openai: OpenAI;
  private readonly schemas = new Map<z.ZodType, Record<string, unknown>>();

  constructor(readonly config: LlmConfig, private readonly log: Logger) {
    this.openai = new OpenAI({
      apiKey: config.apiKey,
      // Explicit, so the SDK never picks up OPENAI_BASE_URL from a process environment the config did not read.
      baseURL: config.baseURL ?? 'https://api.openai.com/v1',
      timeout: config.timeoutMs,
      maxRetries: config.maxRetries,
      // The SDK's retry notes go to our stderr logger, never to stdout (the CLI's --json output).
      logLevel: 'info',
      logger: { error: (m) => log.warn(`llm: ${m}`), warn: (m) => log.warn(`llm: ${m}`), info: (m) => log.debug(`llm: ${m}`), debug: () => {} },
    });
  }

  async structured<T>(req: StructuredRequest<T>): Promise<Outcome<T>> {
    const ms = this.config.timeoutMs;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // The SDK's timeout is per attempt and its retry back-off ignores abort signals: this bounds the whole call.
    const deadline = new Promise<Outcome<T>>((done) => {
      timer = setTimeout(() => {
        controller.abort();
        done({ ok: false, reason: `no reply within ${ms} ms` });
      }, ms);
    });
    try {
      return await Promise.race([this.call(req, controller.signal), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async call<T>(req: StructuredRequest<T>, signal: AbortSignal): Promise<Outcome<T>> {
    const started = Date.now();
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await this.openai.chat.completions.create(
        {
          model: this.config.model,
          messages: [
            { role: 'system', content: req.system },
            { role: 'user', content: req.user },
          ],
          response_format: { type: 'json_schema', json_schema: { name: req.name, strict: true, schema: this.jsonSchema(req.schema) } },
          // max_completion_tokens, not max_tokens: OpenAI's reasoning models reject the latter; servers that do not know it ignore it.
          max_completion_tokens: req.maxTokens,
        },
        { signal },
      );
    } catch (err) {
      return { ok: false, reason: describe(err, this.config.timeoutMs) };
    }
    const choice = completion.choices[0];
    const usage = completion.usage;
    this.log.debug(`llm: ${req.name} on ${this.config.model}: ${usage?.prompt_tokens ?? '?'} prompt + ${usage?.completion_tokens ?? '?'} completion tokens in ${Date.now() - started} ms`);
    if (!choice) return { ok: false, reason: 'the reply had no choices' };
    if (choice.message.refusal) return { ok: false, reason: `the model refused: ${clip(choice.message.refusal)}` };
    if (choice.finish_reason === 'length') return { ok: false, reason: 'the reply was cut off at the token limit' };
    const content = choice.message.content;
    if (!content) return { ok: false, reason: 'the reply was empty' };
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch {
      return { ok: false, reason: `the reply was not JSON: ${clip(content)}` };
    }
    const parsed = req.schema.safeParse(json);
    if (!parsed.success) return { ok: false, reason: `the reply did not match the schema: ${clip(parsed.error.issues[0]?.message ?? '')}` };
    return { ok: true, value: parsed.data };
  }

  /** The JSON Schema for strict structured outputs: zod's output form has additionalProperties false throughout. */
  private jsonSchema(schema: z.ZodType): Record<string, unknown> {
    let json = this.schemas.get(schema);
    if (!json) {
      const { $schema: _, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
      json = rest;
      this.schemas.set(schema, json);
    }
    return json;
  }
}

function describe(err: unknown, ms: number): string {
  if (err instanceof APIConnectionTimeoutError || err instanceof APIUserAbortError) return `no reply within ${ms} ms`;
  if (err instanceof APIError && err.status) return `HTTP ${err.status}: ${clip(err.message)}`;
  return err instanceof Error ? clip(err.message) : clip(String(err));
}

function clip(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
