// Versioned system prompts: prompts/<name>.v<N>.txt. The id ("answer-summary.v1") goes into every cache key,
// so a new version never serves answers written under the old rules.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from '../config.ts';
import { PACKAGE_ROOT } from '../paths.ts';

export const PROMPTS_DIR = resolve(PACKAGE_ROOT, 'prompts');

export interface Prompt {
  /** "<name>.v<N>", e.g. "answer-summary.v1". */
  id: string;
  text: string;
}

export function loadPrompt(name: string, version: number, dir: string = PROMPTS_DIR): Prompt {
  const id = `${name}.v${version}`;
  const file = join(dir, `${id}.txt`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch {
    throw new ConfigError(`The prompt file ${file} is missing: the LLM layer needs it.`);
  }
  if (!text) throw new ConfigError(`The prompt file ${file} is empty.`);
  return { id, text };
}
