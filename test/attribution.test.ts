// Who said what, in the forms news copy actually uses: one specification per form, in sentences of our own.
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../src/extract/quotes.ts';
import { extractArticle } from '../src/ingest/extract-article.ts';
import { quoteLines, whoSaid } from './quote-lines.ts';

const said = (...paragraphs: string[]) => quoteLines(paragraphs);

function sieves(...paragraphs: string[]): string[] {
  return extractQuotes(paragraphs.map((text) => ({ text, heading: false }))).quotes.map((q) => q.sieve);
}

const INTRO = 'Finance Minister Maria Lopez met bankers in Madrid on Monday.';

describe('a direct quotation is given to the speaker named right beside it', () => {
  it.each([
    ['"Will the banks pay their share?" she asked.', 'Maria Lopez [direct]: Will the banks pay their share?'],
    ['"We will keep the plant open" the company added.', 'Acme Steel [direct]: We will keep the plant open'],
    ['"The deal is a good one for both sides," he wrote.', 'Tom Baker [direct]: The deal is a good one for both sides'],
    ['"That Era is OVER!" Trump declared.', 'Trump [direct]: That Era is OVER!'],
    ['Trade spokesman Kush Desai said, \u201cThe tariffs stay in place until talks end."', 'Kush Desai [direct]: The tariffs stay in place until talks end'],
    ['She added that "no bank will be left to fail on our watch."', 'Maria Lopez [direct]: no bank will be left to fail on our watch'],
  ])('%s', (sentence, expected) => {
    const before = sentence.includes('company')
      ? 'Acme Steel said it had found a buyer.'
      : sentence.includes('wrote')
        ? 'Union leader Tom Baker posted a letter to members.'
        : INTRO;
    expect(said(before, sentence)).toContain(expected);
  });

  it('calls a person by a surname once the full name has been given, family name first included', () => {
    expect(whoSaid('exports', 'Premier Li Qiang opened the fair in Guangzhou.', '"Our exports will grow again this year," Li said.')).toEqual(['Li Qiang']);
  });

  it('takes the speaker after an appositive, not a name mentioned earlier in the sentence', () => {
    const text = 'Regarding U.S. President Donald Trump\'s recent remarks about "a 25% tariff," Kim Yongbeom, the Blue House Policy Chief, stated, "We believe the delay is entirely due to the National Assembly."';
    expect(whoSaid('entirely due', text)).toEqual(['Kim Yongbeom']);
    expect(whoSaid('25% tariff', text)).toEqual([]); // the words Trump is said to have used are not a statement here
  });

  it('gives words after "who said" to the person the clause is about', () => {
    const text = 'The plan drew a sharp warning from Senator Elizabeth Warren, who said the move could "risk turbocharging inflation for working families."';
    expect(whoSaid('turbocharging', text)).toEqual(['Elizabeth Warren', 'Elizabeth Warren']);
  });

  it('keeps both halves of an interrupted quotation with their speaker', () => {
    expect(said(INTRO, '"The first half of the year was hard," she said, "but the second will be better."')).toEqual([
      'Maria Lopez [direct]: The first half of the year was hard',
      'Maria Lopez [direct]: but the second will be better',
    ]);
  });

  it('follows a quotation over several paragraphs: a mark opening each, one closing the last', () => {
    const lines = said(
      'The committee chair, Ana Ruiz, said: \u201cWe have heard from every sector that relies on imported steel.',
      '\u201cWe will publish our findings before the summer recess.\u201d',
    );
    expect(lines).toEqual([
      'Ana Ruiz [direct]: We have heard from every sector that relies on imported steel',
      'Ana Ruiz [direct]: We will publish our findings before the summer recess',
    ]);
  });

  it('runs on to a next quotation by the same speaker, and stops when someone else is named', () => {
    expect(said(INTRO, '"Rates are too high," Lopez said. "Households are feeling it."')).toEqual([
      'Maria Lopez [direct]: Rates are too high',
      'Maria Lopez [direct]: Households are feeling it',
    ]);
    expect(whoSaid('feeling', INTRO, '"Rates are too high," Lopez said. Economist Paul Grant disagreed. "Households are feeling it."')).toEqual([null]);
  });

  it('reads a transcript\'s speaker labels', () => {
    const { speakers, quotes } = extractQuotes(['Reuters:', 'Will the export controls be widened to other metals?', 'Zhang Wei:', 'Thank you for the question. The controls are limited to items with military uses.'].map((text) => ({ text, heading: false })));
    expect(quotes.map((q) => `${speakers[q.speakerRef!]!.name}: ${q.text}`)).toEqual([
      'Reuters: Will the export controls be widened to other metals?',
      'Zhang Wei: Thank you for the question. The controls are limited to items with military uses',
    ]);
  });

  it('closes a quotation left open where its own attribution follows inside it', () => {
    expect(said('\u201cWe have to keep supplies flowing to our customers, Energy Minister Omar Haddad said on Tuesday.')).toEqual([
      'Omar Haddad [direct]: We have to keep supplies flowing to our customers',
    ]);
  });
});

describe('a quotation nobody is named as saying stays unattributed', () => {
  it('is kept for open questions, never given to the last person mentioned', () => {
    expect(said(INTRO, 'Bankers left the meeting early. "This will cost us billions of euros in the end."')).toEqual([
      '? [direct]: This will cost us billions of euros in the end',
    ]);
  });

  it('is not a statement when it is a scare quote, a title or a label', () => {
    expect(said('Analysts see the "Liberation Day" tariffs as a turning point.', 'Critics call it a "shadow fleet" of tankers.', 'The so-called "fair share" levy starts in June.')).toEqual([]);
    expect(said(INTRO, 'Lopez said the banks had a "moral duty" to lend.')).toEqual(['Maria Lopez [reported]: the banks had a "moral duty" to lend']);
  });
});

describe('reported speech', () => {
  it.each([
    ['Lopez said on Friday that the budget would balance by 2027.', 'Maria Lopez [reported]: the budget would balance by 2027'],
    ['The deficit will shrink next year, Lopez said.', 'Maria Lopez [reported]: The deficit will shrink next year'],
    ['Rates will stay high for longer, she warned during a news conference in Madrid.', 'Maria Lopez [reported]: Rates will stay high for longer'],
    ['According to Lopez, the banks have agreed to the levy.', 'Maria Lopez [reported]: the banks have agreed to the levy'],
    ['The levy raises two billion euros a year, according to Lopez.', 'Maria Lopez [reported]: The levy raises two billion euros a year'],
    ['Lopez told reporters the levy would be temporary.', 'Maria Lopez [reported]: the levy would be temporary'],
    ['She insisted that no bank would be singled out.', 'Maria Lopez [reported]: no bank would be singled out'],
    ['Lopez also met union leaders, saying wages must rise with prices.', 'Maria Lopez [reported]: wages must rise with prices'],
    ['Lopez offered assurances that savers would not be affected.', 'Maria Lopez [reported]: savers would not be affected'],
  ])('%s', (sentence, expected) => {
    expect(said(INTRO, sentence)).toEqual([expected]);
  });

  it('is not found where a verb of speech takes only an object', () => {
    expect(said(INTRO, 'Lopez announced plans to cut the levy.', 'Lopez welcomed the decision of the banks.', 'Lopez condemned the attack on the bank, which injured two guards.')).toEqual([]);
  });

  it('does not take a passive for a statement by the subject', () => {
    expect(said('In parliament, the government was urged to publish its plan.')).toEqual([]);
  });
});

describe('the speaker a pronoun or a description means', () => {
  it('"he" and "she" are the person the text was last about', () => {
    expect(whoSaid('prices', 'Central bank governor Ana Costa spoke after the meeting.', 'She said prices would ease by the spring.')).toEqual(['Ana Costa']);
  });

  it('"the minister" is the person with that role, even when named only after the lead', () => {
    expect(whoSaid('output', 'Oil output will fall by a million barrels a day, its energy minister said on Wednesday.', 'Speaking in Vienna, Energy Minister Khalid Al Rashid said the cut was needed.')).toEqual(['Khalid Al Rashid']);
  });

  it('"the company" is the company, "the ministry" the ministry', () => {
    expect(said('Carmaker Stellantis reported lower sales.', 'The company said it would cut two shifts at its Turin plant.')).toEqual([
      'Stellantis [reported]: it would cut two shifts at its Turin plant',
    ]);
    expect(said('China\u2019s Ministry of Commerce (MOFCOM) issued new rules.', 'The ministry said the rules take effect on Monday.')).toEqual([
      'China\u2019s Ministry of Commerce (MOFCOM) [reported]: the rules take effect on Monday',
    ]);
  });

  it('an unnamed spokesperson speaks for their organisation', () => {
    expect(said('A spokesperson for the European Commission said the rules would be reviewed this year.', 'The spokesperson added that member states had been consulted.')).toEqual([
      'European Commission [reported]: the rules would be reviewed this year',
      'European Commission [reported]: member states had been consulted',
    ]);
  });

  it('a description nobody fits stays unattributed', () => {
    expect(said(INTRO, '"We are not consulted," the farmers\u2019 leader said.')).toEqual(['? [direct]: We are not consulted']);
  });
});

describe('one entity per person or body', () => {
  it('merges a person\'s name parts, honorifics and a misspelling within an article', () => {
    const { speakers } = extractQuotes(['Commerce Minister Wang Wentao met his counterpart.', 'Wang said talks went well.', 'Mr Wang added that more talks would follow.', 'Finance Minister Liesje Schreinemacher spoke too.', 'Schreienmacher said the rules were fair.'].map((text) => ({ text, heading: false })));
    expect(speakers.filter((s) => s.kind === 'person').map((s) => s.name)).toEqual(['Wang Wentao', 'Liesje Schreinemacher']);
  });

  it('keeps particles and family-name-first names whole', () => {
    expect(whoSaid('inflation', 'ECB Vice President Luis de Guindos spoke on radio.', 'Inflation will ease, de Guindos said.')).toEqual(['Luis de Guindos']);
    expect(whoSaid('tariffs', 'South Korean Trade Minister Yeo Han-koo flew to Washington.', '"We will explain our position on tariffs," Yeo said.')).toEqual(['Yeo Han-koo']);
  });

  it('gives an organisation one key however the article words it', () => {
    const { speakers } = extractQuotes(['China\u2019s Ministry of Commerce said exports rose.', 'The Chinese commerce ministry said imports fell.'].map((text) => ({ text, heading: false })));
    expect(speakers.filter((s) => s.kind === 'organisation').map((s) => s.key)).toEqual(['china commerce ministry']);
  });

  it('reads company names that contain title words', () => {
    expect(said('MP Materials said it would double magnet output.', 'Benchmark Mineral Intelligence said prices had bottomed out.', 'General Motors and Stellantis said they would share a battery plant.')).toEqual([
      'MP Materials [reported]: it would double magnet output',
      'Benchmark Mineral Intelligence [reported]: prices had bottomed out',
    ]);
  });

  it('never makes a phrase naming two people one person\'s role or alias', () => {
    const { speakers } = extractQuotes([{ text: 'Nvidia CEO Jensen Huang and Commerce Secretary Howard Lutnick said the deal was close.', heading: false }]);
    const lutnick = speakers.find((s) => s.name === 'Howard Lutnick')!;
    expect(lutnick.roles).toEqual(['Commerce Secretary']);
    expect(lutnick.aliases.join(' ')).not.toMatch(/Huang|Nvidia/);
  });

  it('gives aliases that are the person\'s own names and titles, never a bare title', () => {
    const { speakers } = extractQuotes([INTRO, 'The minister said rates would fall.'].map((text) => ({ text, heading: false })));
    expect(speakers[0]!.aliases).toEqual(expect.arrayContaining(['Maria Lopez', 'Lopez', 'Minister Lopez']));
    expect(speakers[0]!.aliases).not.toContain('minister');
  });
});

describe('wire copy and page layouts', () => {
  it('gives a lead\'s "the country\'s trade minister said" to the person the next paragraph names', () => {
    expect(whoSaid('exemption', 'Korea will seek a chip tariff exemption in Washington, the country\'s trade minister said on Tuesday.', 'Park Min-soo, who took over the portfolio in January, told lawmakers the talks would start next week.')).toEqual(['Park Min-soo']);
  });

  it('does not give "the minister" a deputy minister\'s words, nor a former minister\'s', () => {
    expect(whoSaid('digging', 'Mining Minister Rahmat Siregar spoke to lawmakers.', 'He was joined by Deputy Minister Ayu Nasution. "We cannot keep digging at this pace," the minister said.')).toEqual(['Rahmat Siregar']);
    expect(whoSaid('budget', 'Prime Minister Ana Mendes met former Prime Minister Luis Neves.', '"The budget comes first," the prime minister said.')).toEqual(['Ana Mendes']);
  });

  it('reads a description before the name as that person\'s role, whatever its words', () => {
    const { speakers } = extractQuotes([{ text: "Nigeria's environment minister, Adaeze Obi, said the draft fell short.", heading: false }]);
    expect(speakers.find((s) => s.name === 'Adaeze Obi')?.roles).toEqual(["Nigeria's environment minister"]);
    expect(whoSaid('partner', 'His rival, Lee Jae-ho of the opposition Democratic Party, dismissed the deal as "a gift to our largest trading partner."')).toEqual(['Lee Jae-ho']);
  });

  it('takes the name before an aside, an age or a second appositive', () => {
    expect(whoSaid('quotas', 'Nuno Salgado, leader of the Renovar party, which is polling third, said quotas would stay.')).toEqual(['Nuno Salgado']);
    expect(whoSaid('partner', 'Brenner, for his part, told reporters: "Both of us get a partner we can trust."')).toEqual(['Brenner']);
  });

  it('speaks for a named body through its unnamed spokesperson, and for a government through its country', () => {
    expect(said('A spokesperson for the Office of the US Trade Representative said the administration supported a one-year extension.')).toEqual([
      'Office of the US Trade Representative [reported]: the administration supported a one-year extension',
    ]);
    expect(said('Oman, which has mediated between the two, said in a statement it regretted the decision.')).toEqual(['Oman [reported]: it regretted the decision']);
  });

  it('reads company names with markers and banks named after their country', () => {
    expect(said('Bank Indonesia unexpectedly cut its benchmark rate.', '"Inflation will stay within the target range," the central bank said.')).toEqual([
      'Bank Indonesia [direct]: Inflation will stay within the target range',
    ]);
    expect(whoSaid('plans', 'Liu Jun, president director of PT Sulawesi Nickel Smelting, said the company would not change its plans.')).toEqual(['Liu Jun']);
  });

  it('attributes a quotation opened after a colon that ends the paragraph before', () => {
    expect(said('Energy Minister Obaid Al Ketbi, 61, told reporters in Abu Dhabi:', '"The market is well balanced, so there is no reason to move."')).toEqual([
      'Obaid Al Ketbi [direct]: The market is well balanced, so there is no reason to move',
    ]);
  });

  it('follows single quotation marks over paragraphs, British style', () => {
    expect(said('Central banker Isabel Ortega spoke to the paper.', 'She said: \u2018The last mile of disinflation is behind us.', '\u2018The risks are now two-sided.\u2019')).toEqual([
      'Isabel Ortega [direct]: The last mile of disinflation is behind us',
      'Isabel Ortega [direct]: The risks are now two-sided',
    ]);
  });

  it('reads a live blog\'s "Name: “…”" as one quotation, not as a transcript', () => {
    expect(said('Environment Minister Eirik Solbakken pledged new money.', 'Solbakken: \u201cThis is not charity.\u201d', 'Observers said the text had been weakened.')).toEqual([
      'Eirik Solbakken [direct]: This is not charity',
    ]);
  });

  it('reads a transcript\'s inline labels, roles in brackets, a newsroom asking, and leaves an unnamed "Q:" unattributed', () => {
    const lines = said('Q: Will the bank intervene?', 'Ada Eze (Governor, CBN): We are not defending any particular level.', 'Channels TV: What about oil revenues?', 'Ada Eze: Crude oil remains exempt.');
    expect(lines).toEqual(['Ada Eze [direct]: We are not defending any particular level', 'Channels TV [direct]: What about oil revenues?', 'Ada Eze [direct]: Crude oil remains exempt']);
  });

  it('never takes a city or a place for a person', () => {
    const { speakers } = extractQuotes(['Washington has been ramping up sanctions on Tehran.', 'Delegates met at the Mandarin Oriental Hotel in Hong Kong and the Middle East summit ended.'].map((text) => ({ text, heading: false })));
    expect(speakers.filter((s) => s.kind === 'person').map((s) => s.name)).toEqual([]);
  });
});

describe('each quote records the sieve that attributed it', () => {
  it('names the rule and how the speaker was resolved', () => {
    expect(sieves(INTRO, '"Rates are too high," Lopez said.', 'She added, "Households feel it."', 'Lopez said banks must lend more.')).toEqual(['trigram/name', 'intro/pronoun', 'reported/name']);
  });
});

describe('whole articles', () => {
  const file = (name: string, text: string) => extractArticle(name, new TextEncoder().encode(text), { size: text.length, mtimeMs: 0 });

  it('joins a hard-wrapped name, so the speaker is not cut in two', () => {
    const text = 'Budget talks resume in Berlin as partners trade blame\n\nThe coalition will not raise taxes on small businesses this year,\nofficials said on Monday. "We have listened to the firms that\ncreate most of the jobs in this country and we will protect them," said Rania\nSchmidt, the Finance Minister. Opposition leaders called the plan\nunfunded and said it would not survive the autumn budget round.\n';
    const r = file('wrapped.txt', text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.quotes.map((q) => r.article.speakers[q.speakerRef!]?.name)).toContain('Rania Schmidt');
    expect(r.article.speakers.map((s) => s.name)).not.toContain('Rania');
  });

  it('does not end the article at a "Read more" link', () => {
    const r = file('links.txt', 'Ministers agree sanctions package\n\nForeign Minister Anna Kovacs said the package was the largest yet.\n\nRead more\nWhat the oil price cap does\n\nHungary\u2019s Foreign Minister Zoltan Barta said Budapest had secured guarantees.\n');
    expect(r.ok && r.article.quotes.map((q) => r.article.speakers[q.speakerRef!]!.name)).toEqual(['Anna Kovacs', 'Zoltan Barta']);
  });

  it('finds a story\'s home country from its dateline', () => {
    const r = file('seoul.txt', 'SEOUL, March 3 (Reuters) - South Korea will seek an exemption, the trade minister said.\n');
    expect(r.ok && r.article.country).toBe('korea');
  });

  it('keeps a one-paragraph wire item', () => {
    const r = file('wire.txt', 'New Delhi, Jan 14 (ANI): Jane Doe, the Finance Minister, said: "We will cut the deficit to four per cent of output next year."\n');
    expect(r.ok && r.article.quotes.map((q) => q.text)).toEqual(['We will cut the deficit to four per cent of output next year']);
  });

  it('reads a headline that attributes words to someone the article names', () => {
    const r = file('headline.txt', 'Tariffs have wiped out our gains \u2013 Okafor\n\nTrade Minister Emeka Okafor said exports to the US had halved since April.\n');
    expect(r.ok && r.article.quotes.map((q) => `${r.article.speakers[q.speakerRef!]!.name}: ${q.text}`)).toEqual([
      'Emeka Okafor: Tariffs have wiped out our gains',
      'Emeka Okafor: exports to the US had halved since April',
    ]);
  });

  it('keeps a statement cut off at the end of a saved page only up to its last full sentence', () => {
    const r = file('cut.txt', 'Ports reopen after strike\n\nDock workers returned to the port of Santos on Monday after a nine-day strike over pay.\n\n"We are back at work," union leader Paulo Reis said. "The backlog will take weeks to clear and we ask customers for pat');
    expect(r.ok && r.article.quotes.map((q) => q.text)).toEqual(['We are back at work']);
  });
});
