// What the platform renderers share about escaped text. Each platform brands its escaped strings with its own type
// (SlackText, DiscordText), made only by its escape function and its template tag; these keep the brand through the
// few operations renderers need, so none has to cast on its own.
import { clipWords, splitWords } from './limits.ts';

/** A template tag's result: literal source text with the (already escaped) values between its parts. */
export function fromTemplate<T extends string>(parts: TemplateStringsArray, values: readonly (T | number)[]): T {
  return parts.reduce((out, part, i) => out + part + (i < values.length ? String(values[i]) : ''), '') as T;
}

/** Escaped pieces joined by a literal separator. */
export const joinEscaped = <T extends string>(pieces: readonly T[], separator: string): T => pieces.join(separator) as T;

/**
 * Cut or split at word boundaries (clipWords, splitWords): escaped text stays escaped, as no escape sequence holds a
 * space (a word longer than half the limit can still be cut inside, as for any text).
 */
export const clipEscaped = <T extends string>(text: T, max: number): T => clipWords(text, max) as T;
export const splitEscaped = <T extends string>(text: T, max: number): T[] => splitWords(text, max) as T[];
