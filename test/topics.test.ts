// "What did X say about Y?": X's words on Y first, then everything else X said, so nothing is hidden, and the
// answer says how many are on the topic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../src/answer/answer.ts';
import type { SqliteStore } from '../src/store/sqlite-store.ts';
import { renderAnswer } from '../adapters/console/render.ts';
import { answerMessage as slackAnswer } from '../adapters/slack/render.ts';
import { answerMessage as discordAnswer } from '../adapters/discord/render.ts';
import { article, storeWith, type Who } from './store-fixtures.ts';

const BESSENT: Who = { name: 'Scott Bessent', roles: ['US Treasury Secretary'], aliases: ['Bessent'] };
const MODI: Who = { name: 'Narendra Modi', roles: ['Prime Minister of India'], aliases: ['Modi'] };
const RARE = ['Rare earths supply is concentrated in one country', 'We are building rare earths processing at home', 'Rare earths are a national security matter'];
const OTHER = ['Tariffs are a negotiating tool', 'The dollar remains strong', 'Growth will pick up next year', 'Inflation is coming down',
  'Banks are well capitalised', 'The deficit must be reduced', 'Trade talks with India are going well', 'Japan is a close ally', 'Markets are calm'];

let store: SqliteStore;
beforeAll(async () => {
  store = await storeWith(
    article('a.txt', { quotes: [...RARE.map((text) => ({ by: BESSENT, text })), ...OTHER.slice(0, 5).map((text) => ({ by: BESSENT, text }))] }),
    article('b.txt', { quotes: [...OTHER.slice(5).map((text) => ({ by: BESSENT, text })), { by: MODI, text: 'India is open for business' }, { by: MODI, text: 'Our farmers come first' }, { by: MODI, text: 'Technology will lift millions' }] }),
  );
});
afterAll(() => store.close());

describe('a speaker on a topic', () => {
  it('gives the quotes on the topic first, then all the others, and counts both', async () => {
    const a = await ask(store, 'what did Bessent say about rare earths?', { limit: 50 });
    expect(a).toMatchObject({ kind: 'speaker', speaker: 'Scott Bessent', total: 12, onTopic: 3 });
    expect(a.quotes.slice(0, 3).map((q) => q.text).sort()).toEqual([...RARE].sort());
    expect(a.quotes.slice(3).map((q) => q.text).sort()).toEqual([...OTHER].sort());
    expect(a.answer).toBe('Scott Bessent (US Treasury Secretary) about "rare earths": 3 statements, then 9 on other subjects.');
  });

  it('pages across the turn from the topic to other subjects without repeating or losing a quote', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 12; offset += 2) {
      const a = await ask(store, 'what did Bessent say about rare earths?', { limit: 2, offset });
      expect(a.total).toBe(12);
      seen.push(...a.quotes.map((q) => q.text));
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen)).toEqual(new Set([...RARE, ...OTHER]));
    expect(seen.slice(0, 3).sort()).toEqual([...RARE].sort());
  });

  it('says so when nothing is on the topic, and still gives everything the speaker said', async () => {
    const a = await ask(store, 'what did Modi say about the India-EU FTA?');
    expect(a).toMatchObject({ speaker: 'Narendra Modi', total: 3, onTopic: 0 });
    expect(a.quotes).toHaveLength(3);
    expect(a.answer).toBe('I found no statements by Narendra Modi (Prime Minister of India) about "the India-EU FTA" in the 2 indexed articles; here is what Narendra Modi said on other subjects (3 statements).');
  });

  it('has no topic count when no topic was asked', async () => {
    const a = await ask(store, 'what did Bessent say?');
    expect(a).toMatchObject({ total: 12, onTopic: null });
    expect(a.answer).toBe('Scott Bessent (US Treasury Secretary): 12 statements in 2 of the 2 indexed articles.');
  });

  it('marks where the other subjects begin, on every platform', async () => {
    const a = await ask(store, 'what did Bessent say about rare earths?');
    const [before, after] = renderAnswer(a).split('\nOn other subjects:\n');
    for (const t of RARE) expect(before).toContain(t);
    expect(after).toMatch(/^\n4\. /);
    expect(JSON.stringify(slackAnswer(a, 0, 'p', { shareable: false }))).toContain('On other subjects');
    expect(JSON.stringify(discordAnswer(a, 0, 'p'))).toContain('On other subjects');
    // Past the turn, a later page has no marker.
    expect(renderAnswer(await ask(store, 'what did Bessent say about rare earths?', { offset: 10 }), 10)).not.toContain('On other subjects');
  });
});

describe('a topic the quotation itself does not name', () => {
  it('is found in the sentence the quotation stands in, and picks that speaker among two with the same title', async () => {
    const TURKEY: Who = { name: 'Selim Aydin', roles: ['Trade Minister'] };
    const AUSTRALIA: Who = { name: 'Kate Ellis', roles: ['Trade Minister'] };
    const lead = 'The EU\u2019s decision to tighten its steel safeguard quotas "punishes a partner of three decades," the trade minister said.';
    const withLead = article('tr.txt', { quotes: [{ by: TURKEY, text: 'We are asking for the rules we signed' }] });
    withLead.paragraphs.push({ text: lead, heading: false });
    withLead.quotes.push({ speakerRef: 0, sieve: 'trigram/description', kind: 'direct', verb: 'said', via: null, text: 'punishes a partner of three decades', paragraph: withLead.paragraphs.length - 1, start: lead.indexOf('punishes'), context: { start: 0, end: lead.length } });
    const local = await storeWith(withLead, article('au.txt', { quotes: ['We are a reliable supplier', 'Our farmers come first', 'Exports are up'].map((text) => ({ by: AUSTRALIA, text })) }));
    try {
      const a = await ask(local, 'what did the trade minister say about the steel safeguard quotas?');
      expect(a).toMatchObject({ kind: 'speaker', speaker: 'Selim Aydin', onTopic: 1 });
      expect(a.quotes[0]!.text).toBe('punishes a partner of three decades');
    } finally {
      await local.close();
    }
  });
});
