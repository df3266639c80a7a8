import { describe, expect, it } from 'vitest';
import { parseQuestion, searchTerms } from '../src/answer/question.ts';
import { parseCommand } from '../src/commands.ts';

describe('questions', () => {
  it.each([
    ['what did Bessent say?', { kind: 'speaker', speaker: 'Bessent', topic: null }],
    ['What did Scott Bessent say about decoupling?', { kind: 'speaker', speaker: 'Scott Bessent', topic: 'decoupling' }],
    ['what has the US Treasury said on supply chains', { kind: 'speaker', speaker: 'the US Treasury', topic: 'supply chains' }],
    ['what did the minister tell ANI about recycling?', { kind: 'speaker', speaker: 'the minister', topic: 'recycling' }],
    ["Bessent's quotes", { kind: 'speaker', speaker: 'Bessent', topic: null }],
    ['quotes from Gor about Pax Silica', { kind: 'speaker', speaker: 'Gor', topic: 'Pax Silica' }],
    ["who said 'prudent derisking over decoupling'?", { kind: 'who-said', phrase: 'prudent derisking over decoupling' }],
    ['Who said \u201cdecisive action\u201d', { kind: 'who-said', phrase: 'decisive action' }],
    ['what did Yeo Han-koo say before departing for Washington?', { kind: 'speaker', speaker: 'Yeo Han-koo', topic: 'before departing for Washington' }],
    ['what did Sefcovic say in his post on X?', { kind: 'speaker', speaker: 'Sefcovic', topic: null }],
    ['what did Trump post on Truth Social about India?', { kind: 'speaker', speaker: 'Trump', topic: 'India' }],
    ['what did Modi say on social media?', { kind: 'speaker', speaker: 'Modi', topic: null }],
    ['what did Carney say in a statement about steel?', { kind: 'speaker', speaker: 'Carney', topic: 'steel' }],
    ['what did Bessent tell reporters?', { kind: 'speaker', speaker: 'Bessent', topic: null }],
    ['what did Bessent say to reporters about China on X?', { kind: 'speaker', speaker: 'Bessent', topic: 'China' }],
    ['what has Wong written on Twitter about AUKUS?', { kind: 'speaker', speaker: 'Wong', topic: 'AUKUS' }],
    ['what does Lagarde think about inflation?', { kind: 'speaker', speaker: 'Lagarde', topic: 'inflation' }],
    ['what did Lula call for?', { kind: 'speaker', speaker: 'Lula', topic: null }],
    ['what has Sefcovic criticised?', { kind: 'speaker', speaker: 'Sefcovic', topic: null }],
    ['what did the minister deny?', { kind: 'speaker', speaker: 'the minister', topic: null }],
    ['what did Wang Yi warn about Taiwan?', { kind: 'speaker', speaker: 'Wang Yi', topic: 'Taiwan' }],
    ['what did Merz testify before Congress about energy?', { kind: 'speaker', speaker: 'Merz', topic: 'energy' }],
    ['how did China respond to the tariffs?', { kind: 'speaker', speaker: 'China', topic: 'the tariffs' }],
    ['what did the EU have to say about steel?', { kind: 'speaker', speaker: 'the EU', topic: 'steel' }],
    ['what did the Washington Post say about tariffs?', { kind: 'speaker', speaker: 'the Washington Post', topic: 'tariffs' }],
    ['what did the secretary of state say?', { kind: 'speaker', speaker: 'the secretary of state', topic: null }],
    ['what did the State Department say?', { kind: 'speaker', speaker: 'the State Department', topic: null }],
    ["what's Bessent saying about China?", { kind: 'speaker', speaker: 'Bessent', topic: 'China' }],
    ['What did the chair of the Alliance of Small Island States say about the talks?', { kind: 'speaker', speaker: 'the chair of the Alliance of Small Island States', topic: 'the talks' }],
    ['when will India join Pax Silica?', { kind: 'open', text: 'when will India join Pax Silica' }],
    ['what is the tariff rate on steel?', { kind: 'open', text: 'what is the tariff rate on steel' }],
    ['  ?', { kind: 'empty' }],
  ])('%s', (q, expected) => {
    expect(parseQuestion(q)).toEqual(expected);
  });

  it('search for the words that matter', () => {
    expect(searchTerms('When will India join Pax Silica?')).toEqual(['india', 'join', 'pax', 'silica']);
  });
});

describe('commands', () => {
  it('are the same words on every platform', () => {
    expect(parseCommand('help')).toEqual({ name: 'help' });
    expect(parseCommand('')).toEqual({ name: 'help' });
    expect(parseCommand('Sources')).toEqual({ name: 'sources' });
    expect(parseCommand('speakers')).toEqual({ name: 'speakers' });
    expect(parseCommand('what did Gor say?')).toEqual({ name: 'ask', question: 'what did Gor say?' });
  });
});
