// The contract every platform's outbound path keeps, checked the same way for Slack, Discord and the console:
// every reply fits the platform's limits, nothing quoted can ping or drive the terminal, the quoted words are shown,
// and an answer too long for one message offers a way to the rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Briefbot } from '../src/bot.ts';
import { converse, type Reply } from '../src/app/conversation.ts';
import { replyMessage as slackReply, slackLimitProblems } from '../adapters/slack/render.ts';
import { replyMessage as discordReply, discordLimitProblems } from '../adapters/discord/render.ts';
import { renderReply } from '../adapters/console/render.ts';
import { seedsWithHostileArticle } from './helpers.ts';

interface Platform {
  name: string;
  /** Renders a reply and returns what the platform would display, and the limit problems found. */
  render(r: Reply): { shown: string; problems: string[]; hasMore: boolean };
  /** Text that would ping someone, or control the terminal, if it appeared. */
  forbidden: RegExp;
}

const PLATFORMS: Platform[] = [
  {
    name: 'Slack',
    render: (r) => {
      const m = slackReply(r, { prefix: '/brief ', shareable: true });
      return { shown: JSON.stringify(m), problems: slackLimitProblems(m), hasMore: JSON.stringify(m).includes('brief_more') };
    },
    forbidden: /<!channel>|<!here>|<!everyone>|<@U123>|<https:\/\/evil/,
  },
  {
    name: 'Discord',
    render: (r) => {
      const m = discordReply(r, { prefix: '/brief ' });
      return { shown: JSON.stringify(m), problems: discordLimitProblems({ ...m, allowed_mentions: { parse: [] } } as never), hasMore: JSON.stringify(m).includes('brief_more:') };
    },
    forbidden: /@everyone|@here|<@123>|\*\*now/, // mentions broken by a zero-width space, markdown escaped
  },
  {
    name: 'console',
    render: (r) => {
      const t = renderReply(r);
      return { shown: t, problems: [], hasMore: t.includes('Type "more"') };
    },
    forbidden: /\u001b\[|\u0007/,
  },
];

let bot: Briefbot;
let cleanup: () => void;
const replies: Record<string, Reply> = {};

beforeAll(async () => {
  const t = seedsWithHostileArticle('Look @everyone @here <!channel> <!here> <@U123> <@123> **now** & <https://evil.example|click> \u001b[2J\u0007', 300, 'clause', 'holds');
  cleanup = t.cleanup;
  bot = await Briefbot.open({ seedsDir: t.dir, dbPath: ':memory:' });
  const where = { platform: 'console' as const, channel: 'c', user: 'u' };
  const schedule = { cron: '0 8 * * *', timezone: 'UTC' };
  for (const q of ['what did Jane Doe say?', 'what did Vaishnaw say?', 'when will India join Pax Silica?', 'what did Narendra Modi say?', 'help', 'sources', 'speakers', 'digest', 'subscribe 08:00 Mars/Base']) {
    replies[q] = await converse(bot, q, where, schedule);
  }
});
afterAll(async () => {
  await bot.close();
  cleanup();
});

describe('the speakers command', () => {
  it('lists at most the 50 most quoted, with the number quoted in all', async () => {
    const r = replies.speakers!;
    expect(r.type).toBe('speakers');
    if (r.type !== 'speakers') return;
    expect(r.total).toBe((await bot.stats()).speakers);
    expect(r.speakers.length).toBe(Math.min(50, r.total));
    expect(r.speakers.map((s) => s.quotes)).toEqual([...r.speakers.map((s) => s.quotes)].sort((a, b) => b - a));
  });
});

describe.each(PLATFORMS)('$name', (p) => {
  it('keeps every reply inside the platform\'s limits', () => {
    for (const [q, r] of Object.entries(replies)) expect(p.render(r).problems, q).toEqual([]);
  });

  it('lets nothing quoted ping anyone or drive the terminal, and still shows the words', () => {
    const { shown } = p.render(replies['what did Jane Doe say?']!);
    expect(shown).not.toMatch(p.forbidden);
    expect(shown).toContain('Look');
    expect(shown).toMatch(/everyone/);
  });

  it('lists the most quoted speakers of a large corpus, and says how many there are in all', () => {
    const speakers = Array.from({ length: 50 }, (_, i) => ({ id: i, name: `Speaker ${i}`, kind: 'person' as const, role: 'Minister', aliases: [], quotes: 500 - i, articles: 400 - i }));
    const { shown, problems } = p.render({ type: 'speakers', speakers, total: 32194 });
    expect(problems).toEqual([]);
    expect(shown).toContain('32,194 speakers quoted; the 50 most quoted');
    expect(shown).toContain('Speaker 0');
  });

  it('offers the rest of an answer too long for one message', () => {
    const r = replies['what did Vaishnaw say?']!;
    expect(r.type === 'answer' && r.answer.total).toBeGreaterThan(10);
    expect(p.render(r).hasMore).toBe(true);
  });

  it('says plainly when a speaker is unknown or a command is wrong', () => {
    expect(p.render(replies['what did Narendra Modi say?']!).shown).toContain('I found no statements by Narendra Modi');
    expect(p.render(replies['subscribe 08:00 Mars/Base']!).shown).toContain('is not a time zone');
  });
});
