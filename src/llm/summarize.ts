// The optional LLM layer's entry point: a short grounded summary above an answer's quotes, and a lead for the
// digest. It only adds sentences; quotes are still rendered from stored text. Any failure means "no summary".
import { z } from 'zod';
import type { Answer, Digest, GroundedSummary } from '../types.ts';
import { silentLogger, type Logger } from '../log.ts';
import { LlmCache, type Cache } from './cache.ts';
import { LlmClient } from './client.ts';
import type { LlmConfig } from './config.ts';
import { ground, type ModelSentence } from './grounding.ts';
import { loadPrompt, type Prompt } from './prompts.ts';
import { answerMaterial, digestMaterial, type Material } from './sources.ts';

export type { GroundedSentence, GroundedSummary } from '../types.ts';


export interface SummarizerOptions {
  /** Other prompt versions (tests, or trying a v2 before making it the default). */
  prompts?: { answer?: Prompt; digest?: Prompt };
}

const Sentence = z.object({ sentence: z.string(), ids: z.array(z.string()) });
const AnswerOutput = z.object({ summary: z.array(Sentence) });
const LeadOutput = z.object({ lead: z.array(Sentence) });
const Cached = z.array(Sentence);

interface Task<T> {
  label: string;
  prompt: Prompt;
  material: Material;
  name: string;
  schema: z.ZodType<T>;
  pick: (output: T) => ModelSentence[];
  maxSentences: number;
  maxTokens: number;
}

export class Summarizer {
  private readonly client: LlmClient;
  private readonly prompts: { answer: Prompt; digest: Prompt };
  /** Calls under way, by cache key: ten channels asking for the same digest at once share one call. */
  private readonly inflight = new Map<string, Promise<ModelSentence[] | null>>();

  constructor(readonly config: LlmConfig, private readonly cache: Cache, private readonly log: Logger = silentLogger, options: SummarizerOptions = {}) {
    this.client = new LlmClient(config, log);
    // Loaded now, so a missing prompt file stops the bot at start-up rather than failing every answer.
    this.prompts = {
      answer: options.prompts?.answer ?? loadPrompt('answer-summary', 1),
      digest: options.prompts?.digest ?? loadPrompt('digest-lead', 1),
    };
  }

  /** One to three sentences answering the question from the answer's quotes and passages; null for none. */
  summarizeAnswer(answer: Answer): Promise<GroundedSummary | null> {
    if (answer.quotes.length === 0 && answer.passages.length === 0) return Promise.resolve(null);
    return this.run({
      label: 'answer summary', prompt: this.prompts.answer, material: answerMaterial(answer),
      name: 'answer_summary', schema: AnswerOutput, pick: (o) => o.summary, maxSentences: 3, maxTokens: 600,
    });
  }

  /** Two to four sentences leading the briefing, from its stories' summaries and quotes; null for none. */
  digestLead(digest: Digest): Promise<GroundedSummary | null> {
    if (digest.stories.length === 0) return Promise.resolve(null);
    return this.run({
      label: 'digest lead', prompt: this.prompts.digest, material: digestMaterial(digest),
      name: 'digest_lead', schema: LeadOutput, pick: (o) => o.lead, maxSentences: 4, maxTokens: 800,
    });
  }

  private async run<T>(task: Task<T>): Promise<GroundedSummary | null> {
    try {
      const user = JSON.stringify(task.material.data);
      const key = LlmCache.key(task.prompt.id, task.prompt.text, this.config.model, this.config.baseURL ?? 'openai', user);
      let cached = true;
      let sentences = await this.fromCache(key);
      if (!sentences) {
        let pending = this.inflight.get(key);
        if (!pending) {
          cached = false;
          pending = this.call(task, user, key).finally(() => this.inflight.delete(key));
          this.inflight.set(key, pending);
        }
        sentences = await pending;
        if (!sentences) return null;
      }
      const { kept, dropped } = ground(sentences, task.material.sources, task.maxSentences);
      for (const d of dropped) this.log.warn(`llm: dropped a ${task.label} sentence that ${d.reason}: "${d.sentence.slice(0, 120)}"`);
      if (kept.length === 0) {
        if (dropped.length === 0) this.log.debug(`llm: the model found nothing to summarise for the ${task.label}`);
        return null;
      }
      return { sentences: kept, model: this.config.model, promptVersion: task.prompt.id, cached };
    } catch (err) {
      this.log.warn(`llm: ${task.label} skipped: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }

  private async call<T>(task: Task<T>, user: string, key: string): Promise<ModelSentence[] | null> {
    const outcome = await this.client.structured({ system: task.prompt.text, user, name: task.name, schema: task.schema, maxTokens: task.maxTokens });
    if (!outcome.ok) {
      this.log.warn(`llm: no ${task.label} (quotes only): ${outcome.reason}`);
      return null;
    }
    const sentences = task.pick(outcome.value);
    try {
      await this.cache.set(key, sentences);
    } catch (err) {
      // A closed or read-only database costs the cache, not the summary.
      this.log.warn(`llm: could not cache a ${task.label}: ${err instanceof Error ? err.message : String(err)}`);
    }
    return sentences;
  }

  private async fromCache(key: string): Promise<ModelSentence[] | null> {
    try {
      const parsed = Cached.safeParse(await this.cache.get(key));
      return parsed.success ? parsed.data : null;
    } catch (err) {
      // An unreadable cache costs a model call, not the summary.
      this.log.warn(`llm: could not read the cache: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }
}
