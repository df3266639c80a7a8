// The invariant every answer rests on: each quote's words occur verbatim in every article cited for them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefbot } from '../src/bot.ts';
import { extractArticle, verifyQuotes } from '../src/ingest/extract-article.ts';
import { occursVerbatim } from '../src/text/normalize.ts';
import { allQuotes, openSeeds, SEEDS } from './helpers.ts';

let bot: Briefbot;
beforeAll(async () => { bot = await openSeeds(); });
afterAll(() => bot.close());

describe('over the whole corpus', () => {
  it('every quote and excerpt of every speaker is verbatim in each article it cites, and in the file on disk', async () => {
    let checked = 0;
    for (const s of await bot.speakers()) {
      for (const q of await allQuotes(bot, `what did ${s.name} say?`)) {
        for (const { text, citations } of [q, ...q.excerpts]) {
          for (const c of citations) {
            const stored = await bot.store.articleText(c.file);
            expect(occursVerbatim(text, stored!), `${s.name} in ${c.file}: ${text}`).toBe(true);
            expect(occursVerbatim(text, readFileSync(join(SEEDS, c.file), 'utf8')), `${c.file}: ${text}`).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('the sync drops nothing for failing the check (the extractor only returns words it found)', async () => {
    const report = await bot.sync();
    expect(report.unverified).toEqual([]);
  });
});

describe('at index time', () => {
  const paragraphs = [{ text: '"We will act now," Jane Doe said.', heading: false }];
  const quote = { speakerRef: 0, kind: 'direct' as const, verb: 'said', via: null, paragraph: 0, sieve: 'trigram/name' };

  it('keeps a quote found where the extractor says', () => {
    expect(verifyQuotes(paragraphs, [{ ...quote, text: 'We will act now', start: 1 }]).dropped).toEqual([]);
  });

  it('drops a quote whose words are not in the article, or not where it says', () => {
    const { verified, dropped } = verifyQuotes(paragraphs, [
      { ...quote, text: 'We will act today', start: 1 },
      { ...quote, text: 'We will act now', start: 5 },
    ]);
    expect(verified).toEqual([]);
    expect(dropped).toEqual(['We will act today', 'We will act now']);
  });

  it('runs on every article the sync reads', () => {
    const bytes = readFileSync(join(SEEDS, '002_8e469fcc27185aef.txt'));
    const result = extractArticle('002.txt', bytes, { size: bytes.length, mtimeMs: 0 });
    expect(result.ok && result.dropped).toEqual([]);
    expect(result.ok && result.article.quotes.length).toBeGreaterThan(5);
  });
});
