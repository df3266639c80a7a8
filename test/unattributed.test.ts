// Words an article prints in quotation marks without saying who spoke them: never anyone's statement in a speaker's
// answer or a briefing story, but shown, labelled, when someone asks who said them or asks about the subject.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../src/answer/answer.ts';
import { composeDigest } from '../src/digest/digest.ts';
import type { SqliteStore } from '../src/store/sqlite-store.ts';
import { UNATTRIBUTED } from '../src/present.ts';
import { answerMaterial } from '../src/llm/sources.ts';
import { renderAnswer } from '../adapters/console/render.ts';
import { answerMessage as slackAnswer, slackLimitProblems } from '../adapters/slack/render.ts';
import { answerMessage as discordAnswer, discordLimitProblems } from '../adapters/discord/render.ts';
import { article, storeWith, type Who } from './store-fixtures.ts';

const GOR: Who = { name: 'Sergio Gor', roles: ['US Ambassador to India'], aliases: ['Gor'] };
const SLOGAN = 'Pax Silica is the future of trusted supply chains';
const INVITE = 'India will be invited to join Pax Silica next month';
const HOSTILE = '<!channel> @everyone **Pax Silica** forever';

let store: SqliteStore;
beforeAll(async () => {
  store = await storeWith(
    article('a.txt', { outlet: 'IANS', quotes: [{ by: GOR, text: INVITE }, { by: null, text: SLOGAN }] }),
    article('b.txt', { outlet: 'ANI', quotes: [{ by: null, text: SLOGAN }, { by: null, text: 'India will be invited to join Pax Silica' }, { by: null, text: HOSTILE }] }),
    article('c.txt', { outlet: 'PTI', quotes: [{ by: GOR, text: 'Pax Silica partners share technology' }] }),
  );
});
afterAll(() => store.close());

describe('a speaker\'s answer', () => {
  it('has only words the articles give to the speaker', async () => {
    const a = await ask(store, 'what did Gor say?', { limit: 50 });
    expect(a.total).toBe(2);
    expect(a.quotes.map((q) => q.speaker)).toEqual(['Sergio Gor', 'Sergio Gor']);
    const topic = await ask(store, 'what did Gor say about Pax Silica?', { limit: 50 });
    expect(topic.quotes.every((q) => q.speaker === 'Sergio Gor')).toBe(true);
  });
});

describe('who said it', () => {
  it('says the words were quoted without a named speaker, in how many articles', async () => {
    const a = await ask(store, `who said "${SLOGAN}"?`);
    expect(a).toMatchObject({ kind: 'who-said', speaker: null, role: null });
    expect(a.answer).toBe(`"${SLOGAN}": quoted without a named speaker, in 2 articles.`);
    expect(a.quotes[0]).toMatchObject({ speaker: null, text: SLOGAN, articles: 2 });
  });

  it('names the speaker first when an article names one, and mentions the unattributed printing', async () => {
    const a = await ask(store, 'who said "India will be invited to join Pax Silica"?');
    expect(a.speaker).toBe('Sergio Gor');
    expect(a.answer).toBe('"India will be invited to join Pax Silica": Sergio Gor (US Ambassador to India), reported in 1 article; also quoted without a named speaker.');
  });
});

describe('an open question', () => {
  it('shows unattributed words among the matches, but not words an attributed quote already carries', async () => {
    const a = await ask(store, 'Pax Silica', { limit: 50 });
    const texts = a.quotes.map((q) => q.text);
    expect(texts).toContain(SLOGAN);
    expect(texts).toContain(INVITE);
    expect(texts).not.toContain('India will be invited to join Pax Silica'); // inside Gor's quote
    expect(a.total).toBe(a.quotes.length);
  });
});

describe('every renderer', () => {
  it('labels an unattributed quotation with the same words, through its own escaping', async () => {
    const a = await ask(store, 'Pax Silica', { limit: 50 });
    const console = renderAnswer(a);
    expect(console).toContain(`(${UNATTRIBUTED})`);
    const slack = slackAnswer(a, 0, 'p', { shareable: true });
    expect(JSON.stringify(slack)).toContain(`_${UNATTRIBUTED}_`);
    expect(JSON.stringify(slack)).not.toContain('<!channel>');
    expect(slackLimitProblems(slack)).toEqual([]);
    const discord = discordAnswer(a, 0, 'p');
    expect(discord.embeds.flatMap((e) => e.fields ?? []).some((f) => f.name.includes(UNATTRIBUTED))).toBe(true);
    expect(JSON.stringify(discord)).not.toMatch(/@everyone|\*\*Pax/);
    expect(discordLimitProblems(discord)).toEqual([]);
  });

  it('gives the model the label, never a speaker', async () => {
    const a = await ask(store, `who said "${SLOGAN}"?`);
    const { data } = answerMaterial(a);
    expect((data.quotes as { speaker: string }[])[0]!.speaker).toBe(UNATTRIBUTED);
  });
});

describe('the briefing', () => {
  it('ties articles into a story by unattributed words, but quotes only named speakers', async () => {
    const d = await composeDigest(store);
    expect(d.stories).toHaveLength(1);
    for (const q of d.stories[0]!.quotes) expect(q.speaker).toBe('Sergio Gor');
    expect(d.text).not.toContain(SLOGAN);
  });
});
