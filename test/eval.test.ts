// `briefbot eval`: how extraction and attribution are scored against a hand-labelled set. The unit tests pin
// the rules themselves (they hold whatever the extractor does); one end-to-end run over two small articles of
// our own checks the figures, the report's last lines, the floors and each kind of question check.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Quote } from '../src/types.ts';
import { enough, lcsLength, sameSpeaker, words } from '../src/eval/match.ts';
import { finds, judgeExtracted, judgeGold, matches, type ExtractedQuote, type GoldQuoteRef } from '../src/eval/score.ts';
import { EvalInputError, parseGold, type GoldQuestion } from '../src/eval/gold.ts';
import { checkAnswer } from '../src/eval/questions.ts';
import { evaluate, percent, unmetFloors, type EvalResult } from '../src/eval/evaluate.ts';
import { evalCommand, parseFloors } from '../src/eval/command.ts';
import { renderReport } from '../src/eval/report.ts';
import { tempDir } from './helpers.ts';

const gold = (speaker: string, text: string, kind: GoldQuoteRef['kind'] = 'direct'): GoldQuoteRef =>
  ({ file: 'a.txt', speaker, kind, text, tokens: words(text) });
const extracted = (speaker: string | null, text: string, sieve = speaker ? 'trigram/name' : 'none'): ExtractedQuote =>
  ({ file: 'a.txt', speaker, speakerKind: speaker ? 'person' : null, sieve, kind: 'direct', text, tokens: words(text) });

describe('words and coverage', () => {
  it('compares words, not quote marks, case, compatibility forms or punctuation', () => {
    expect(words('\u201cWe\u2019ll CUT tariffs\u201d \u2014 in \uFB01scal 2026!')).toEqual(['we', 'll', 'cut', 'tariffs', 'in', 'fiscal', '2026']);
  });

  it('counts the words two quotes share in order (longest common subsequence)', () => {
    expect(lcsLength(words('we will cut tariffs next year'), words('we cut them next year'))).toBe(4);
    expect(lcsLength(words('a b c'), words('c b a'))).toBe(1);
    expect(lcsLength([], words('a'))).toBe(0);
  });

  it('needs 60% of the words: 3 of 5 is enough, 2 of 4 is not, nothing of nothing is not', () => {
    expect(enough(3, 5)).toBe(true);
    expect(enough(2, 4)).toBe(false);
    expect(enough(0, 0)).toBe(false);
  });

  it('finds a gold quote by an extracted quote that covers 60% of the gold words, longer or not', () => {
    const g = words('we will cut tariffs next year');
    expect(finds(g, words('He said: we will cut tariffs next year, and more'))).toBe(true);
    expect(finds(g, words('cut tariffs next year'))).toBe(true); // 4 of 6
    expect(finds(g, words('next year'))).toBe(false); // 2 of 6
  });

  it('matches (for precision) a fragment by 60% of its own words, but not an unrelated or empty quote', () => {
    const g = words('we will cut tariffs next year');
    expect(matches(g, words('next year'))).toBe(true);
    expect(matches(g, words('exports are growing again'))).toBe(false);
    expect(matches(g, words('\u2014'))).toBe(false);
  });
});

describe('sameSpeaker', () => {
  it.each([
    ['Abdulaziz', 'Prince Abdulaziz bin Salman'],
    ['de Guindos', 'Luis de Guindos'],
    ['Lula', 'Luiz Inácio Lula da Silva'],
    ['Lula da Silva', 'Luiz Inacio Lula da Silva'],
    ['Bessent', 'Scott Bessent'],
    ['Mr Bessent', 'Scott Bessent'],
    ['Dr. Jane Doe', 'Jane Doe'],
    ['J. Reynolds', 'Jonathan Reynolds'],
    ['Esmail Baghaei', 'Esmaeil Baghaei'], // one name, two transliterations
    ['Tengku Zafrul', 'Tengku Zafrul Abdul Aziz'],
    ['Yeo', 'Yeo Han-koo'],
    ['Nvidia', 'Nvidia'],
    ['Chinese commerce ministry', "China's Ministry of Commerce"],
    ['Mofcom', "China's Ministry of Commerce (Mofcom) spokesperson"],
    ['MITI', "Malaysia's Ministry of Investment, Trade and Industry (MITI)"],
    ['Ministry of Investment Trade and Industry', "Malaysia's Ministry of Investment, Trade and Industry (MITI)"],
    ['ECB', 'European Central Bank'],
  ])('"%s" is "%s"', (extractedName, goldName) => {
    expect(sameSpeaker(extractedName, goldName)).toBe(true);
  });

  it.each([
    ['Kim Yongbeom', 'Kim Jung-kwan'], // a shared first token is not enough
    ['Jensen Huang', 'Nvidia'], // a person is not their company
    ['Nvidia', 'Jensen Huang'],
    ['Melania Trump', 'Donald Trump'], // a shared surname with another first name
    ['Mohammed bin Salman', 'Prince Abdulaziz bin Salman'],
    ['Japanese foreign ministry', "China's Ministry of Commerce"],
    ['ministry', "China's Ministry of Commerce"], // generic alone
    ['China', "China's Ministry of Commerce"], // a country is not its ministry
    ['Lula', "Lula's advisors (unnamed)"], // the owner is not the group
    ['Trump administration', 'Donald Trump'],
    ['PM', 'Narendra Modi'],
    ['Schreienmacher', 'Liesje Schreinemacher'], // a misspelt name is another name
  ])('"%s" is not "%s"', (extractedName, goldName) => {
    expect(sameSpeaker(extractedName, goldName)).toBe(false);
  });
});

describe('the status of a gold quote', () => {
  const g = gold('Jane Doe', 'We will cut tariffs next year');

  it('is right when any quote that finds it is given to the gold speaker, whatever the others say', () => {
    const r = judgeGold(g, [extracted('John Roe', 'We will cut tariffs next year'), extracted('Doe', 'will cut tariffs next year')]);
    expect(r.status).toBe('right');
    expect(r.given).toEqual([{ speaker: 'Doe', sieve: 'trigram/name', text: 'will cut tariffs next year' }]);
  });

  it('is misattributed when the quotes that find it are given to someone else, even beside an unattributed one', () => {
    const r = judgeGold(g, [extracted(null, 'We will cut tariffs next year'), extracted('John Roe', 'We will cut tariffs next year', 'reported/pronoun')]);
    expect(r.status).toBe('misattributed');
    expect(r.given.map((x) => x.sieve)).toEqual(['reported/pronoun']);
  });

  it('is unattributed when only quotes without a speaker find it (not a misattribution)', () => {
    expect(judgeGold(g, [extracted(null, 'We will cut tariffs next year')]).status).toBe('unattributed');
  });

  it('is not right for a name that also fits someone else the file names: a bare "Kim" beside two Kims', () => {
    const kim = gold('Kim Yongbeom', 'We will cut tariffs next year');
    const quotes = [extracted('Kim', 'We will cut tariffs next year')];
    expect(judgeGold(kim, quotes, ['Kim Yongbeom', 'Yeo Han-koo']).status).toBe('right');
    expect(judgeGold(kim, quotes, ['Kim Yongbeom', 'Kim Jeonggwan']).status).toBe('misattributed');
    expect(judgeGold(kim, [extracted('Kim Yongbeom', 'We will cut tariffs next year')], ['Kim Yongbeom', 'Kim Jeonggwan']).status).toBe('right');
  });

  it('is missed when nothing covers 60% of its words, even a quote by the right speaker', () => {
    expect(judgeGold(g, [extracted('Jane Doe', 'next year'), extracted('Jane Doe', 'Exports are growing')]).status).toBe('missed');
    expect(judgeGold(g, []).status).toBe('missed');
  });
});

describe('precision: extracted quotes against the gold', () => {
  const golds = [gold('Jane Doe', 'We will cut tariffs next year'), gold('John Roe', 'Exports are growing again')];

  it('counts an extracted quote that matches a gold quote, and says whether its speaker is right', () => {
    expect(judgeExtracted(extracted('Jane Doe', 'We will cut tariffs next year'), golds)).toMatchObject({ matchesGold: true, attribution: 'right' });
    expect(judgeExtracted(extracted('Jane Doe', 'Exports are growing again'), golds)).toMatchObject({ matchesGold: true, attribution: 'wrong' });
    expect(judgeExtracted(extracted(null, 'growing again'), golds)).toMatchObject({ matchesGold: true, attribution: null });
  });

  it('does not count a quote the gold does not hold, attributed or not', () => {
    expect(judgeExtracted(extracted('Jane Doe', 'Liberation Day'), golds)).toMatchObject({ matchesGold: false, attribution: null });
    expect(judgeExtracted(extracted(null, 'in a statement'), golds).matchesGold).toBe(false);
  });
});

describe('question checks', () => {
  const quote = (speaker: string | null, text: string, excerpts: string[] = []): Quote => ({
    id: 1, speaker, role: null, kind: 'direct', verb: 'said', via: null, text, citations: [],
    excerpts: excerpts.map((t) => ({ text: t, partial: true, citations: [] })), articles: 1, sieve: 'trigram/name',
  });
  const answer = (kind: Answer['kind'], quotes: Quote[], onTopic: number | null = null, speaker: string | null = 'Jane Doe'): Answer => ({
    question: 'q', kind, speaker, role: null, answer: '', quotes, passages: [], total: quotes.length, alternatives: [], onTopic, articleCount: 2,
  });
  const question = (q: Partial<GoldQuestion>): GoldQuestion => ({ q: 'What did Jane Doe say?', must_include: [], must_not_attribute: [], ...q });

  it('must_include: found in a shown quote or an excerpt, ignoring case, spacing and quote marks', () => {
    const a = answer('speaker', [quote('Jane Doe', 'We won\u2019t   raise taxes', ['Tariffs will FALL next year'])]);
    expect(checkAnswer(question({ must_include: ["we won't raise taxes"] }), a).passed).toBe(true);
    expect(checkAnswer(question({ must_include: ['tariffs will fall'] }), a).passed).toBe(true);
    const failed = checkAnswer(question({ must_include: ['tariffs will fall', 'exports'] }), a);
    expect(failed.passed).toBe(false);
    expect(failed.conditions.map((c) => c.ok)).toEqual([true, false]);
  });

  it('must_include: a closing full stop the shown quote leaves off does not count', () => {
    const a = answer('speaker', [quote('Jane Doe', 'This is not a decision we will rush')]);
    expect(checkAnswer(question({ must_include: ['This is not a decision we will rush.'] }), a).passed).toBe(true);
    expect(checkAnswer(question({ must_include: ['This is not a decision we will rush today.'] }), a).passed).toBe(false);
  });

  it('must_not_attribute: fails when any shown quote or excerpt holds the string', () => {
    const a = answer('speaker', [quote('Jane Doe', 'We will cut tariffs'), quote('Jane Doe', 'Fine', ['Exports are growing'])]);
    expect(checkAnswer(question({ must_not_attribute: ['talks were useful'] }), a).passed).toBe(true);
    const failed = checkAnswer(question({ must_not_attribute: ['exports are growing'] }), a);
    expect(failed.passed).toBe(false);
    expect(failed.conditions[0]!.why).toBe('shown as quote 2 (Jane Doe)');
  });

  it('expect_no_quotes: an unknown speaker, a speaker with no quotes, or none on the topic asked about', () => {
    const check = (a: Answer) => checkAnswer(question({ expect_no_quotes: true }), a).passed;
    expect(check(answer('unknown-speaker', [], null, null))).toBe(true);
    expect(check(answer('speaker', []))).toBe(true);
    expect(check(answer('speaker', [quote('Jane Doe', 'Off topic')], 0))).toBe(true);
    expect(check(answer('speaker', [quote('Jane Doe', 'On topic')], 1))).toBe(false);
    expect(check(answer('speaker', [quote('Jane Doe', 'No topic asked')], null))).toBe(false);
    expect(check(answer('open', [quote('John Roe', 'Someone else')], null, null))).toBe(false);
    expect(check(answer('empty', [], null, null))).toBe(false);
  });
});

describe('the gold file', () => {
  const entry = (over: Record<string, unknown> = {}) => ({
    file: 'a.txt', outlet: null, date: null, title: 't', mentioned_not_quoted: [],
    quotes: [{ speaker: 'Jane Doe', kind: 'direct', text: 'We will cut tariffs' }], questions: [], ...over,
  });
  const problem = (data: unknown) => {
    try {
      parseGold(data, 'gold.json');
    } catch (err) {
      expect(err).toBeInstanceOf(EvalInputError);
      return (err as Error).message;
    }
    throw new Error('expected the gold to be rejected');
  };

  it('names the file, the entry, the field and what to fix', () => {
    const bad = entry({ file: '07_x.txt', quotes: [entry().quotes[0], entry().quotes[0], { speaker: 'X', kind: 'direct', text: ' ' }] });
    expect(problem([entry(), entry({ file: 'b.txt' }), entry({ file: 'c.txt' }), bad])).toBe('gold.json entry 3 ("07_x.txt"): quotes[2].text must be a non-empty string');
    expect(problem([entry({ quotes: [{ speaker: 'X', kind: 'quip', text: 'a' }] })])).toBe('gold.json entry 0 ("a.txt"): quotes[0].kind must be "direct", "reported" or "statement"');
    expect(problem([entry({ quotes: [{ kind: 'direct', text: 'a' }] })])).toBe('gold.json entry 0 ("a.txt"): quotes[0].speaker is missing');
  });

  it('rejects what would silently change the score: misspelt keys, questions that check nothing, a file labelled twice', () => {
    expect(problem([entry({ questions: [{ q: 'What?', must_include: [], must_not_atribute: ['x'] }] })])).toMatch(/entry 0 \("a.txt"\): questions\[0\] has unknown key "must_not_atribute"/);
    expect(problem([entry({ questions: [{ q: 'What?', must_include: [], must_not_attribute: [] }] })])).toMatch(/questions\[0\] checks nothing/);
    expect(problem([entry(), entry()])).toMatch(/entry 1 \("a.txt"\): file is already labelled by entry 0/);
    expect(problem({})).toMatch(/must be a JSON list/);
  });

  it('accepts the documented shape, with optional fields left out', () => {
    const entries = parseGold([entry({ questions: [{ q: 'What did Ann say?', must_include: [], expect_no_quotes: true }] })], 'gold.json');
    expect(entries[0]!.questions[0]).toEqual({ q: 'What did Ann say?', must_include: [], must_not_attribute: [], expect_no_quotes: true });
  });
});

describe('shares and floors', () => {
  it('truncates shares to one decimal, so a share never shows above what it is', () => {
    expect(percent(57, 162)).toBe(35.1);
    expect(percent(2, 3)).toBe(66.6);
    expect(percent(29, 100)).toBe(29);
  });

  it('compares floors on exact fractions and names the option that failed', () => {
    const r = { recall: { right: 899, total: 1000, percent: 89.9 }, misattributions: 2, precision: { matched: 95, extracted: 100, percent: 95 }, questions: { passed: 1, total: 3, percent: 33.3 } } as EvalResult;
    expect(unmetFloors(r, { minRecall: 89.9, maxMisattributions: 2, minPrecision: 95, minQuestions: 33.3 })).toEqual([]);
    expect(unmetFloors(r, { minRecall: 90, maxMisattributions: 0, minPrecision: 95.5, minQuestions: 100 })).toEqual([
      'eval: recall 89.9% is below the floor 90% (--min-recall)',
      'eval: 2 misattributions are above the ceiling 0 (--max-misattributions)',
      'eval: precision 95.0% is below the floor 95.5% (--min-precision)',
      'eval: questions 33.3% passed is below the floor 100% (--min-questions)',
    ]);
  });

  it('rejects floors that are not numbers in range', () => {
    expect(() => parseFloors({ minRecall: '120' })).toThrow('--min-recall must be a percentage from 0 to 100');
    expect(() => parseFloors({ maxMisattributions: '1.5' })).toThrow('--max-misattributions must be a whole number');
    expect(parseFloors({ minRecall: '35', maxMisattributions: '0' })).toEqual({ minRecall: 35, maxMisattributions: 0, minPrecision: undefined, minQuestions: undefined });
  });
});

describe('an evaluation run over two small articles', () => {
  let dir: string;
  let cleanup: () => void;
  let result: EvalResult;
  const goldPath = () => join(dir, 'gold.json');

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('briefbot-eval-'));
    mkdirSync(join(dir, 'articles'));
    writeFileSync(join(dir, 'articles', 'a.txt'), [
      'Tariff plans for next year',
      '\u201cWe will cut tariffs next year,\u201d Jane Doe said.',
      '\u201cExports are growing again,\u201d John Roe said.',
      'The harbour reopened on Monday after the storm.',
    ].join('\n\n'));
    writeFileSync(join(dir, 'articles', 'b.txt'), [
      'Ministers meet in Geneva',
      '\u201cThe talks were constructive and useful,\u201d Mary Major said.',
      '\u201cNothing was agreed on farm subsidies,\u201d Mary Major added.',
    ].join('\n\n'));
    const q = (text: string, over: Record<string, unknown>) => ({ q: text, must_include: [], must_not_attribute: [], ...over });
    writeFileSync(goldPath(), JSON.stringify([
      {
        file: 'a.txt', outlet: null, date: null, title: 'Tariff plans for next year', mentioned_not_quoted: [],
        quotes: [
          { speaker: 'Jane Doe', kind: 'direct', text: 'We will cut tariffs next year' }, // right
          { speaker: 'Richard Miles', kind: 'direct', text: 'Exports are growing again' }, // given to John Roe: misattributed
          { speaker: 'Jane Doe', kind: 'reported', text: 'The harbour reopened on Monday after the storm' }, // not a quote: missed
        ],
        questions: [
          q('What did Jane Doe say?', { must_include: ['cut tariffs next year'] }),
          q('What did Jane Doe say?', { must_not_attribute: ['talks were constructive'] }),
          q('What did Peter Nobody say?', { expect_no_quotes: true }),
        ],
      },
      {
        file: 'b.txt', outlet: null, date: null, title: 'Ministers meet in Geneva', mentioned_not_quoted: [],
        quotes: [{ speaker: 'Mary Major', kind: 'direct', text: 'The talks were constructive and useful' }], // right
        questions: [q('What did Mary Major say?', { must_not_attribute: ['farm subsidies'] })], // she did say it: fails
      },
      {
        file: 'c.txt', outlet: null, date: null, title: 'Not in the folder', mentioned_not_quoted: [],
        quotes: [{ speaker: 'Jane Doe', kind: 'statement', text: 'We regret the delay' }], // file missing: missed
        questions: [],
      },
    ]));
    result = await evaluate(goldPath(), join(dir, 'articles'));
  });
  afterAll(() => cleanup());

  it('scores recall, misattributions and precision by the rules', () => {
    expect(result.recall).toEqual({ percent: 40, right: 2, total: 5, misattributed: 1, unattributed: 0, missed: 2 });
    expect(result.misattributions).toBe(1);
    // Four quotes extracted, three of them labelled; "farm subsidies" is not in the gold.
    expect(result.precision).toEqual({ percent: 75, matched: 3, extracted: 4 });
    expect(result.files.find((f) => f.file === 'c.txt')).toMatchObject({ status: 'missing', gold: 1 });
    expect(result.byKind.find((k) => k.kind === 'direct')).toEqual({ kind: 'direct', total: 3, right: 2, misattributed: 1, unattributed: 0, missed: 0 });
  });

  it('checks each kind of question condition over the whole folder', () => {
    expect(result.questionChecks.map((q) => [q.q, q.passed])).toEqual([
      ['What did Jane Doe say?', true], // must_include
      ['What did Jane Doe say?', true], // must_not_attribute, with another file's quote
      ['What did Peter Nobody say?', true], // expect_no_quotes
      ['What did Mary Major say?', false], // must_not_attribute, and she said it
    ]);
    expect(result.questions).toEqual({ percent: 75, passed: 3, total: 4 });
  });

  it('ends the text report with exactly the four summary lines', () => {
    const text = renderReport(result);
    expect(text.split('\n').slice(-4)).toEqual([
      'recall 40.0% (2/5 found and rightly attributed; 1 misattributed, 0 unattributed, 2 missed)',
      'misattributions 1',
      'precision 75.0% (3/4 extracted quotes match a gold quote)',
      'questions 3/4 passed',
    ]);
    expect(text).toContain('MISATTRIBUTED');
    expect(text).toContain('c.txt: missing');
  });

  it('exits 1 with the unmet floors on stderr, 0 when they are met, 2 without a gold file', async () => {
    const run = async (args: Parameters<typeof evalCommand>[0]) => {
      let out = '';
      let err = '';
      const code = await evalCommand(args, { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd: dir });
      return { code, out, err };
    };
    const failed = await run({ gold: 'gold.json', seeds: 'articles', minRecall: '41', maxMisattributions: '1' });
    expect(failed.code).toBe(1);
    expect(failed.err).toBe('eval: recall 40.0% is below the floor 41% (--min-recall)\n');
    const passed = await run({ gold: 'gold.json', json: true, minRecall: '40', maxMisattributions: '1', minPrecision: '75', minQuestions: '75' });
    expect(passed.code).toBe(0);
    expect(JSON.parse(passed.out)).toMatchObject({ recall: { right: 2 }, unmet: [] });
    const missing = await run({ gold: 'nowhere/gold.json' });
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^eval: no gold file at .*nowhere\/gold\.json: pass the path/);
    const noFolder = await run({ gold: 'gold.json', seeds: 'no-such-folder' });
    expect(noFolder.code).toBe(2);
    expect(noFolder.err).toMatch(/no articles folder at .*no-such-folder: pass --seeds DIR/);
  });
});
