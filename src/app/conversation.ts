// What the bot says to a command, before any platform formats it. Slack, Discord and the console all go through
// here, so the same words do the same thing everywhere.
import type { Briefbot } from '../src/bot.ts';
import type { Answer, Digest, SkippedFile, Source, Speaker } from '../src/types.ts';
import type { Platform } from '../src/state/state.ts';
import { parseCommand } from '../src/commands.ts';
import { describeSchedule, parseSchedule, type ScheduleDefaults } from '../src/schedule/subscription.ts';
import type { Logger } from '../src/log.ts';
import type { AnswerQueue } from './queue.ts';

export type Reply =
  | { type: 'help' }
  | { type: 'answer'; answer: Answer; offset: number; pageId: string }
  | { type: 'sources'; total: number; sources: Source[]; skipped: SkippedFile[] }
  | { type: 'speakers'; speakers: Speaker[]; total: number }
  | { type: 'digest'; digest: Digest }
  | { type: 'notice'; text: string };

export interface Where {
  platform: Platform;
  channel: string;
  user: string | null;
}

export const PAGE_SIZE = 10;
/** Speakers a chat message lists: the most quoted (a large corpus quotes tens of thousands). */
export const SPEAKERS_SHOWN = 50;

/** The title of a list of speakers, the same on every platform. */
export function speakersTitle(shown: number, total: number): string {
  return `${total.toLocaleString('en')} speaker${total === 1 ? '' : 's'} quoted${total > shown ? `; the ${shown} most quoted` : ''}`;
}

export async function converse(bot: Briefbot, text: string, where: Where, defaults: ScheduleDefaults): Promise<Reply> {
  const cmd = parseCommand(text);
  switch (cmd.name) {
    case 'help':
      return { type: 'help' };
    case 'sources':
      return { type: 'sources', ...(await bot.sources(20)) };
    case 'speakers':
      return { type: 'speakers', speakers: await bot.speakers(SPEAKERS_SHOWN), total: (await bot.stats()).speakers };
    case 'digest':
      return { type: 'digest', digest: await bot.digest(cmd.date ? { date: cmd.date } : {}) };
    case 'subscribe': {
      const parsed = parseSchedule(cmd.args, defaults);
      if (!parsed.ok) return { type: 'notice', text: parsed.error };
      const s = await bot.state.subscribe({ platform: where.platform, channel: where.channel, createdBy: where.user, ...parsed.schedule });
      const empty = s.postWhenEmpty ? 'a one-line note on days with nothing new' : 'nothing on days with nothing new';
      return { type: 'notice', text: `Subscribed: this channel gets the briefing ${describeSchedule(s)}, and ${empty}.` };
    }
    case 'unsubscribe':
      return {
        type: 'notice',
        text: (await bot.state.unsubscribe(where.platform, where.channel)) ? 'Unsubscribed: no more briefings in this channel.' : 'This channel was not subscribed.',
      };
    case 'ask':
      return answerPage(bot, await bot.state.savePage(cmd.question), cmd.question, 0);
  }
}

/** The page of an earlier question that a "More quotes" button asks for. */
export async function morePage(bot: Briefbot, pageId: string, offset: number): Promise<Reply> {
  const question = await bot.state.page(pageId);
  if (question === null) return { type: 'notice', text: 'That answer has expired; ask the question again.' };
  return answerPage(bot, pageId, question, offset);
}

async function answerPage(bot: Briefbot, pageId: string, question: string, offset: number): Promise<Reply> {
  return { type: 'answer', answer: await bot.ask(question, { limit: PAGE_SIZE, offset }), offset, pageId };
}

/** "<pageId>:<offset>": what paging buttons carry (it fits Discord's 100-character custom_id). */
export function pageToken(pageId: string, offset: number): string {
  return `${pageId}:${offset}`;
}

export function readPageToken(token: string): { pageId: string; offset: number } | null {
  const m = /^([\w-]{1,32}):(\d{1,6})$/.exec(token);
  return m ? { pageId: m[1]!, offset: Number(m[2]) } : null;
}

/** The answer again with its LLM summary, or null when there is none to add. Called after the first reply is sent. */
export async function withSummary(bot: Briefbot, reply: Reply): Promise<Reply | null> {
  if (reply.type !== 'answer' || reply.offset !== 0 || !bot.summarizes) return null;
  const summary = await bot.summarize(reply.answer);
  return summary ? { ...reply, answer: { ...reply.answer, summary } } : null;
}

/**
 * Computes a reply in the answer queue (so acknowledgements of new requests are never kept waiting); a command that
 * throws becomes a plain apology, never a silent failure or a stack trace in the channel.
 */
export async function safeReply(queue: AnswerQueue, log: Logger, platform: string, f: () => Promise<Reply>): Promise<Reply> {
  try {
    return await queue.run(f);
  } catch (err) {
    log.error(`${platform}: answering failed: ${(err as Error).stack ?? err}`);
    return { type: 'notice', text: 'Sorry, something went wrong while answering. Please try again.' };
  }
}
