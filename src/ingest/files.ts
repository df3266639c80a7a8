// What the sync needs before it decides to parse anything: which files are articles, and their content hash.
// Kept apart from the parsers so a restart over an unchanged folder never loads them.
import { createHash } from 'node:crypto';

export const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm']);

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
