// Who said what, in the forms news copy uses.
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../src/extract/quotes.ts';
import { splitSentences } from '../src/text/sentences.ts';
import { quoteLines } from './quote-lines.ts';

const said = (...paragraphs: string[]) => quoteLines(paragraphs, { via: true });

const INTRO = 'US Treasury Secretary Scott K H Bessent met finance ministers in Washington on Monday.';

describe('direct quotes', () => {
  it('take the speaker named after them, in curly or straight quotes', () => {
    expect(said('\u201cWe must act together,\u201d Bessent said.', '"Supply chains are fragile," said Jane Doe.')).toEqual([
      'Bessent [direct]: We must act together',
      'Jane Doe [direct]: Supply chains are fragile',
    ]);
  });

  it('take the speaker named before them', () => {
    expect(said(`${INTRO} He later said, "Nations will pursue prudent derisking over decoupling."`)).toEqual([
      'Scott Bessent [direct]: Nations will pursue prudent derisking over decoupling',
    ]);
  });

  it('hand a quotation after "saying" or "stating" to the sentence\'s subject', () => {
    expect(said('Following the meeting, Minister Ashwini Vaishnaw wrote on X, stating, "Strengthening supply chains is vital."')).toEqual([
      'Ashwini Vaishnaw [direct, X]: Strengthening supply chains is vital',
    ]);
  });

  it('read a pull quote\'s "- Name"', () => {
    expect(said('"Strengthening critical mineral supply chains is vital. - Ashwini Vaishnaw"')).toEqual([
      'Ashwini Vaishnaw [direct]: Strengthening critical mineral supply chains is vital',
    ]);
  });

  it('run on in a paragraph that is only a quotation', () => {
    expect(said('"We will invest," Jane Doe said.', '"And we will do it this year."')).toEqual([
      'Jane Doe [direct]: We will invest',
      'Jane Doe [direct]: And we will do it this year',
    ]);
  });

  it('are left unattributed when nobody is named as saying them', () => {
    expect(said('India is positioning itself as a \u201ctrusted partner\u201d in global value chains.')).toEqual([]);
    expect(said('"We will act now," the minister said.')).toEqual(['? [direct]: We will act now']); // no minister named in the article
  });

  it('mark an organisation\'s official statement', () => {
    expect(said('According to the US Treasury, participants agreed to act.', 'In its official statement, the Treasury said, "The Secretary urged attendees to act."')).toEqual([
      'US Treasury [reported]: participants agreed to act',
      'US Treasury [statement]: The Secretary urged attendees to act',
    ]);
  });

  it('never make the words a speaker quotes someone else\'s', () => {
    const lines = said('Union Minister Ashwini Vaishnaw attended.', '"US Treasury Secretary Scott Bessent organised a meeting on minerals," the Minister said');
    expect(lines).toEqual(['Ashwini Vaishnaw [direct]: US Treasury Secretary Scott Bessent organised a meeting on minerals']);
  });
});

describe('reported speech', () => {
  it.each([
    ['Secretary Bessent said countries should focus on reducing risks.', 'Bessent [reported]: countries should focus on reducing risks'],
    ['Ashwini Vaishnaw highlighted that secure corridors are a requirement.', 'Ashwini Vaishnaw [reported]: secure corridors are a requirement'],
    ['Jane Doe urged nations to work together quickly.', 'Jane Doe [reported]: nations to work together quickly'],
    ['Jane Doe stressed the need to secure rare earths.', 'Jane Doe [reported]: the need to secure rare earths'],
    ['According to Jane Doe, discussions centred on refining technology.', 'Jane Doe [reported]: discussions centred on refining technology'],
    ['Later, Jane Doe posted on X that she was encouraged by the talks.', 'Jane Doe [reported, X]: she was encouraged by the talks'],
    ['US Ambassador-designate to India Sergio Gor announced on Monday (January 12, 2026) that India will be invited.', 'Sergio Gor [reported]: India will be invited'],
    ['According to the International Energy Agency, China refines most critical minerals.', 'International Energy Agency [reported]: China refines most critical minerals'],
  ])('%s', (text, expected) => {
    expect(said(text)).toEqual([expected]);
  });

  it('is not found where nobody speaks', () => {
    expect(said('The meeting highlighted that the resilience of supply chains matters.', 'The participants agreed that cooperation is the only way.', 'Just a few days after reports indicated that China is restricting exports, talks began.')).toEqual([]);
  });
});

describe('speakers', () => {
  it('"he" is the last person who spoke or acted', () => {
    expect(said(INTRO, 'Minister Ashwini Vaishnaw expressed strong support. In a post on X, he said supply chains are vital for growth.')).toEqual([
      'Ashwini Vaishnaw [reported, X]: supply chains are vital for growth',
    ]);
  });

  it('"the Secretary" is the last person with that role', () => {
    expect(said(INTRO, 'The Secretary said the talks were productive and useful.')).toEqual(['Scott Bessent [reported]: the talks were productive and useful']);
  });

  it('are one person under many names', () => {
    const { speakers } = extractQuotes([INTRO, 'Secretary Bessent said the talks were productive and useful.', 'Hosted by Treasury Secretary @SecScottBessent, the meeting ran late.'].map((text) => ({ text, heading: false })));
    const people = speakers.filter((s) => s.kind === 'person');
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ name: 'Scott Bessent', key: 'scott bessent', roles: expect.arrayContaining(['US Treasury Secretary']) });
    expect(people[0]!.aliases).toEqual(expect.arrayContaining(['Scott K H Bessent', 'Secretary Bessent', '@SecScottBessent']));
  });

  it('are never a platform or a news agency', () => {
    expect(said('Speaking to news agency ANI, Jane Doe said the deal was signed.', 'Jane Doe posted on X that talks would resume.')).toEqual([
      'Jane Doe [reported]: the deal was signed',
      'Jane Doe [reported, X]: talks would resume',
    ]);
  });

  it('keep a role that runs on through "to India", and not the role of the person listed before', () => {
    const { speakers } = extractQuotes([{ text: 'These included US Trade Representative Jamieson Greer, Export-Import Bank President John Jovanovic, and newly appointed US Ambassador to India Sergio Gor.', heading: false }]);
    expect(speakers.filter((s) => s.kind === 'person').map((s) => [s.name, s.roles[0]])).toEqual([
      ['Jamieson Greer', 'US Trade Representative'],
      ['John Jovanovic', 'Export-Import Bank President'],
      ['Sergio Gor', 'US Ambassador to India'],
    ]);
  });
});

describe('sentences', () => {
  const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

  it('do not end after "Mr.", initials or "U.S."', () => {
    expect(split('Mr. Smith met U.S. officials on Jan. 5. Scott K. H. Bessent spoke. Then he left.')).toEqual([
      'Mr. Smith met U.S. officials on Jan. 5.',
      'Scott K. H. Bessent spoke.',
      'Then he left.',
    ]);
  });

  it('do not end inside a quotation, but may end with one', () => {
    expect(split('He said "Go. Now." Then he left. "I am pleased to announce it.", Gor said.')).toEqual([
      'He said "Go. Now."',
      'Then he left.',
      '"I am pleased to announce it.", Gor said.',
    ]);
  });
});
