// A worker thread that extracts articles for the sync, so parsing runs on another core while the main thread
// writes to the database. Plain JavaScript: it registers tsx itself before loading the TypeScript extractor.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { extractArticle } = await import('./extract-article.ts');

// Which file this worker is reading, and since when: the pool's budget is checked against it (see pool.ts).
const reading = workerData?.reading;

parentPort.on('message', ({ id, file, bytes, stat, maxBytes, hash }) => {
  let result;
  if (reading) {
    reading[1] = Date.now();
    reading[0] = id;
  }
  try {
    result = extractArticle(file, bytes, stat, { maxBytes, hash });
  } catch (err) {
    result = { ok: false, reason: `it could not be parsed (${err instanceof Error ? err.message : String(err)})` };
  }
  if (reading) reading[0] = -1;
  parentPort.postMessage({ id, result });
});
parentPort.postMessage({ ready: true });
