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
    ['when will India join Pax Silica?', { kind: 'open', text: 'when will India join Pax Silica' }],
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
