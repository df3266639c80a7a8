// A worker thread that extracts articles for the sync, so parsing runs on another core while the main thread
// writes to the database. Plain JavaScript: it registers tsx itself before loading the TypeScript extractor.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { extractArticle } = await import('./extract-article.ts');

// The extractor's first article of each format costs far more than the next (lexicons and parsers built on first
// use: ~170 ms for text on an idle machine, several times that on a busy one). Read one of each before taking
// files, so a file's time budget counts its own reading, not that one-time start.
const WARM = 'The minister said on Monday that the tariffs would stay.\n\n"We will not move on steel," the minister, Ana Ruiz, said.\n';
for (const [file, text] of [['warm.txt', WARM], ['warm.md', `# Tariffs\n\n${WARM}`], ['warm.html', `<html><body><article><p>${WARM}</p></article></body></html>`]]) {
  const bytes = new TextEncoder().encode(text);
  try {
    extractArticle(file, bytes, { size: bytes.length, mtimeMs: 0 }, { maxBytes: bytes.length, hash: file });
  } catch {
    // Warming only: a real file that fails the same way is answered with its reason below.
  }
}

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
