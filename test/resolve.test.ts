// Who a question means: a speaker is found only by their own names, surnames, handles or role titles, through the
// index, and nobody is found rather than the wrong person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../src/answer/answer.ts';
import { resolveSpeaker } from '../src/answer/resolve.ts';
import type { SqliteStore } from '../src/store/sqlite-store.ts';
import { article, storeWith, type Who } from './store-fixtures.ts';

const BESSENT: Who = { name: 'Scott Bessent', roles: ['US Treasury Secretary'], aliases: ['Bessent', 'Secretary Bessent', '@SecScottBessent'] };
const TREASURY: Who = { name: 'US Treasury', kind: 'organisation', aliases: ['Treasury', '@USTreasury'] };
const ZAFRUL: Who = { name: 'Zafrul Abdul Aziz', roles: ["Malaysia's Minister of Investment, Trade and Industry"], aliases: ['Zafrul'] };
const MITI: Who = { name: 'Ministry of Investment, Trade and Industry', kind: 'organisation', aliases: ['MITI'] };
const GUINDOS: Who = { name: 'Luis de Guindos', roles: ['Vice-President of the European Central Bank'], aliases: ['de Guindos'] };
const LAGARDE: Who = { name: 'Christine Lagarde', roles: ['ECB President'], aliases: ['Lagarde'] };
const HUANG: Who = { name: 'Jensen Huang', roles: ['chief executive of Nvidia'], aliases: ['Huang'] };
const ABDULAZIZ: Who = { name: 'Abdulaziz bin Salman', roles: ['Saudi Energy Minister'], aliases: ['Prince Abdulaziz'] };
const WRIGHT: Who = { name: 'Chris Wright', roles: ['US Energy Secretary'], aliases: ['Wright'] };
const MOFCOM: Who = { name: "China's Ministry of Commerce", kind: 'organisation', roles: ['spokesperson'], aliases: ['MOFCOM', 'Ministry of Commerce'] };
const WANG_WENTAO: Who = { name: 'Wang Wentao', roles: ['Chinese Commerce Minister'], aliases: ['Wang'] };
const WANG_YI: Who = { name: 'Wang Yi', roles: ['Chinese Foreign Minister'], aliases: ['Wang'] };
const BAGHAEI: Who = { name: 'Esmaeil Baghaei', roles: ["spokesperson for Iran's Foreign Ministry"], aliases: ['Baghaei'] };
const KALLAS: Who = { name: 'Kaja Kallas', roles: ['EU foreign policy chief'], aliases: ['Kallas'] };
const LULA: Who = { name: 'Luiz Inacio Lula da Silva', roles: ['Brazilian President'], aliases: ['Lula'] };
const ALCKMIN: Who = { name: 'Geraldo Alckmin', roles: ["Brazil's Vice President"], aliases: ['Alckmin'] };
const TAU: Who = { name: 'Parks Tau', roles: ['South African Trade Minister'], aliases: ['Tau'] };
const KLEVER: Who = { name: 'Reinette Klever', roles: ['Dutch Minister for Foreign Trade and Development'], aliases: ['Klever'] };
const YEO: Who = { name: 'Yeo Han-koo', roles: ['South Korean Trade Minister'], aliases: ['Yeo'] };
const GOR: Who = { name: 'Sergio Gor', roles: ['US Ambassador to India'], aliases: ['Gor', 'Ambassador Gor'] };
const ADVISER: Who = { name: 'Ajit Doval', roles: ['adviser to Prime Minister Narendra Modi'], aliases: ['Doval'] };
const GREER: Who = { name: 'Jamieson Greer', roles: ['US Trade Representative'], aliases: ['Greer'] };

let store: SqliteStore;
beforeAll(async () => {
  const many = (who: Who, n: number, about = 'the economy') => Array.from({ length: n }, (_, i) => ({ by: who, text: `Statement ${i} by ${who.name} on ${about} matters` }));
  store = await storeWith(
    article('a1.txt', { quotes: [...many(BESSENT, 3), ...many(TREASURY, 1), ...many(ZAFRUL, 2), ...many(MITI, 1)] }),
    article('a2.txt', { quotes: [...many(GUINDOS, 2), ...many(LAGARDE, 3), ...many(HUANG, 1), ...many(ABDULAZIZ, 1), ...many(WRIGHT, 4)] }),
    article('a3.txt', { quotes: [...many(MOFCOM, 2), ...many(WANG_WENTAO, 3), ...many(WANG_YI, 1), ...many(BAGHAEI, 1), ...many(KALLAS, 1)] }),
    article('a4.txt', { quotes: [...many(LULA, 1), ...many(ALCKMIN, 5), ...many(TAU, 6), ...many(KLEVER, 1, 'steel tariffs'), ...many(YEO, 2)] }),
    article('a5.txt', { quotes: [...many(GOR, 2), ...many(ADVISER, 2)], mentions: [GREER] }),
  );
});
afterAll(() => store.close());

async function who(phrase: string): Promise<string | null> {
  const a = await ask(store, `what did ${phrase} say?`);
  return a.speaker;
}

describe('by name', () => {
  it.each([
    ['Bessent', 'Scott Bessent'],
    ['Scott Bessent', 'Scott Bessent'],
    ['Secretary Bessent', 'Scott Bessent'],
    ['@SecScottBessent', 'Scott Bessent'],
    ['SecScottBessent', 'Scott Bessent'],
    ['Zafrul', 'Zafrul Abdul Aziz'],
    ['Abdul Aziz', 'Zafrul Abdul Aziz'],
    ['de Guindos', 'Luis de Guindos'],
    ['Mr Huang', 'Jensen Huang'],
    ['the Treasury', 'US Treasury'],
    ['USTreasury', 'US Treasury'],
    ['MOFCOM', "China's Ministry of Commerce"],
    ["the Chinese Ministry of Commerce", "China's Ministry of Commerce"],
  ])('%s → %s', async (phrase, name) => {
    expect(await who(phrase)).toBe(name);
  });

  it('lists the others a shared surname could mean, most quoted first', async () => {
    const a = await ask(store, 'what did Wang say?');
    expect(a.speaker).toBe('Wang Wentao');
    expect(a.alternatives).toEqual(['Wang Yi']);
  });
});

describe('by role', () => {
  it.each([
    ['the Treasury Secretary', 'Scott Bessent'],
    ['the US Treasury Secretary', 'Scott Bessent'],
    ['the Nvidia CEO', 'Jensen Huang'],
    ['the Nvidia chief executive', 'Jensen Huang'],
    ['the Saudi energy minister', 'Abdulaziz bin Salman'],
    ["China's commerce ministry", "China's Ministry of Commerce"],
    ['the Chinese commerce minister', 'Wang Wentao'],
    ["Iran's foreign ministry spokesman", 'Esmaeil Baghaei'],
    ['the EU foreign policy chief', 'Kaja Kallas'],
    ["China's top diplomat", 'Wang Yi'],
    ['the ECB vice-president', 'Luis de Guindos'],
    ['the European Central Bank vice president', 'Luis de Guindos'],
    ['the ECB president', 'Christine Lagarde'],
    ["Brazil's president", 'Luiz Inacio Lula da Silva'],
    ["Brazil's head of state", 'Luiz Inacio Lula da Silva'],
    ["South Africa's trade minister", 'Parks Tau'],
    ['the Dutch trade minister', 'Reinette Klever'],
    ['the Mofcom spokesperson', "China's Ministry of Commerce"],
    ["Malaysia's trade ministry MITI", 'Ministry of Investment, Trade and Industry'],
    ['the US ambassador to India', 'Sergio Gor'],
    ['President Lula', 'Luiz Inacio Lula da Silva'],
  ])('%s → %s', async (phrase, name) => {
    expect(await who(phrase)).toBe(name);
  });

  it('prefers the speaker whose role names the question\'s country, and lists the rest', async () => {
    const a = await ask(store, 'what did the South Korean trade minister say?');
    expect(a.speaker).toBe('Yeo Han-koo');
    expect(a.alternatives).not.toContain('Parks Tau'); // another country's minister is not a candidate at all
  });

  it('among equally fitting speakers, prefers the one quoted on the topic, then the most quoted', async () => {
    expect((await ask(store, 'what did the trade minister say?')).speaker).toBe('Parks Tau');
    const a = await ask(store, 'what did the trade minister say about steel tariffs?');
    expect(a.speaker).toBe('Reinette Klever');
    expect(a.alternatives).toContain('Parks Tau');
  });
});

describe('strictly', () => {
  it.each([
    'Narendra Modi', // named in someone else's role, quoted nowhere
    'Modi',
    'the Indian ambassador', // the US ambassador to India is not India's ambassador
    'the Saudi energy secretary',
    'the official',
    'China', // a country is not its ministry
    'the Japanese trade minister',
    'the Nvidia',
  ])('%s → nobody', async (phrase) => {
    const a = await ask(store, `what did ${phrase} say?`);
    expect(a).toMatchObject({ kind: 'unknown-speaker', speaker: null, quotes: [], total: 0 });
  });

  it('keeps the plain answer for someone mentioned but never quoted', async () => {
    const a = await ask(store, 'what did the US Trade Representative say?');
    expect(a.speaker).toBe('Jamieson Greer');
    expect(a.quotes).toEqual([]);
    expect(a.answer).toMatch(/never quoted/);
  });

  it('never answers with another speaker\'s words', async () => {
    for (const phrase of ['Bessent', 'the ECB vice-president', 'the Mofcom spokesperson', "Brazil's president"]) {
      const a = await ask(store, `what did ${phrase} say?`, { limit: 50 });
      expect(new Set(a.quotes.map((q) => q.speaker))).toEqual(new Set([a.speaker]));
    }
  });

  it('uses the index, not a scan of every speaker', async () => {
    const calls: string[] = [];
    const spy = new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          calls.push(String(prop));
          return v.apply(target, args);
        };
      },
    });
    expect(await resolveSpeaker(spy, "Saudi Arabia's energy minister")).toHaveLength(1);
    expect(calls).not.toContain('speakers');
    expect(calls).toContain('speakersWithWords');
  });
});

describe('a title that names no country, and a question that does', () => {
  it('ranks first the speaker reported from that country, and forgets where a removed article was filed', async () => {
    const QATAR: Who = { name: 'Saad al-Kaabi', roles: ['Energy Minister'] };
    const OMAN: Who = { name: 'Salim al-Aufi', roles: ['Energy Minister'] };
    const doha = article('doha.txt', { quotes: [{ by: QATAR, text: 'We will keep supplying Europe with gas' }] });
    doha.country = 'qatar';
    const muscat = article('muscat.txt', { quotes: ['Oman will raise output', 'Prices are stable', 'Demand is strong'].map((text) => ({ by: OMAN, text })) });
    muscat.country = 'oman';
    const local = await storeWith(doha, muscat);
    try {
      const speakerOf = async (q: string) => (await ask(local, q)).speaker;
      expect(await speakerOf("what did Qatar's energy minister say?")).toBe('Saad al-Kaabi');
      expect(await speakerOf('what did the energy minister say?')).toBe('Salim al-Aufi'); // no country: the most quoted
      // Where a story is filed is a hint, not a title: with Doha's article gone, the only energy minister left answers.
      await local.removeArticle('doha.txt');
      expect(await speakerOf("what did Qatar's energy minister say?")).toBe('Salim al-Aufi');
    } finally {
      await local.close();
    }
  });
});

describe('a much-reported speaker', () => {
  it('is not found by a role only a stray sentence gave them', async () => {
    // 200 articles call Trump the US President; one misreads "Trump and European Central Bank President Christine
    // Lagarde" and gives him Lagarde's title. Lagarde herself is in two articles.
    const TRUMP: Who = { name: 'Donald Trump', roles: ['US President'] };
    const STRAY: Who = { ...TRUMP, roles: ['European Central Bank President'] };
    const LAGARDE: Who = { name: 'Christine Lagarde', roles: ['European Central Bank President'] };
    const articles = Array.from({ length: 200 }, (_, i) => article(`t${i}.txt`, { quotes: [{ by: TRUMP, text: `We will win on trade, number ${i}` }] }));
    articles.push(article('stray.txt', { quotes: [{ by: STRAY, text: 'Rates are far too high' }] }));
    articles.push(article('l1.txt', { quotes: [{ by: LAGARDE, text: 'Inflation is coming down' }] }), article('l2.txt', { quotes: [{ by: LAGARDE, text: 'We are data dependent' }] }));
    const store = await storeWith(...articles);
    try {
      for (const q of ['what did the European Central Bank President say?', 'what did the central bank president say?']) {
        expect((await ask(store, q)).speaker, q).toBe('Christine Lagarde');
      }
      expect((await ask(store, 'what did the US president say?')).speaker).toBe('Donald Trump');
    } finally {
      await store.close();
    }
  });

  it('is still found by a name only one article used, however many names the others gave', async () => {
    // 150 names used twice each (more than are read per speaker), and a handle used once.
    const names = Array.from({ length: 150 }, (_, i) => `President Trump ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`);
    const articles = names.flatMap((n, i) => [0, 1].map((j) => article(`n${i}-${j}.txt`, { quotes: [{ by: { name: 'Donald Trump', aliases: [n] }, text: `Trade talk number ${i} ${j}` }] })));
    articles.push(article('handle.txt', { quotes: [{ by: { name: 'Donald Trump', aliases: ['@realDonaldTrump'] }, text: 'We will win big' }] }));
    const store = await storeWith(...articles);
    try {
      expect((await ask(store, 'what did @realDonaldTrump say?')).speaker).toBe('Donald Trump');
    } finally {
      await store.close();
    }
  });
});
