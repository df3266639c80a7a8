// A worker thread that extracts articles for the sync, so parsing runs on another core while the main thread
// writes to the database. Plain JavaScript: it registers tsx itself before loading the TypeScript extractor.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { extractArticle } = await import('./extract-article.ts');

parentPort.on('message', ({ id, file, bytes, stat, maxBytes, hash }) => {
  let result;
  try {
    result = extractArticle(file, bytes, stat, { maxBytes, hash });
  } catch (err) {
    result = { ok: false, reason: `it could not be parsed (${err instanceof Error ? err.message : String(err)})` };
  }
  parentPort.postMessage({ id, result });
});
parentPort.postMessage({ ready: true });
