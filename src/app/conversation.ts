// The conversation, once for every platform: what the bot says to a command, and the loop every inbound event goes
// through (dedupe, the answer queue, paging, sharing, apologies, the summary follow-up). Slack, Discord and the
// console hand their events here and deliver the replies through a ReplyPort, so the same words do the same thing
// everywhere.
import type { Briefbot } from '../bot.ts';
import type { Answer, Digest, SkippedFile, Source, Speaker } from '../types.ts';
import type { Platform, SourceRecord } from '../state/state.ts';
import { addWatch, listWatches, removeWatch } from '../alerts/watch-commands.ts';
import { parseCommand } from '../commands.ts';
import { describeSchedule, parseSchedule, type ScheduleDefaults } from '../schedule/subscription.ts';
import { withContext, type Logger } from '../log.ts';
import type { Outcome } from '../metrics.ts';
import { randomUUID } from 'node:crypto';
import { AnswerQueue } from './queue.ts';
import type { Inbound, ReplyPort } from './ports.ts';
import { Unavailable } from '../faults.ts';

export type Reply =
  | { type: 'help' }
  /** `sharedBy`: the user who shared the answer into the channel, when it is being shared. */
  | { type: 'answer'; answer: Answer; offset: number; pageId: string; sharedBy?: string }
  /** `polled`: the feeds and pages polled, with how their fetches went. */
  | { type: 'sources'; total: number; sources: Source[]; skipped: SkippedFile[]; polled: SourceRecord[] }
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
      return { type: 'sources', ...(await bot.sources(20)), polled: await bot.polled.list() };
    case 'source-add':
      return { type: 'notice', text: (await bot.polled.add(cmd.url, where)).text };
    case 'source-remove':
      return { type: 'notice', text: (await bot.polled.remove(cmd.url, where)).text };
    case 'watch':
      return { type: 'notice', text: await addWatch(bot, where, cmd.watch) };
    case 'unwatch':
      return { type: 'notice', text: await removeWatch(bot, where, cmd.watch) };
    case 'watches':
      return { type: 'notice', text: await listWatches(bot, where) };
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
  if (question === null) return { type: 'notice', text: EXPIRED };
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
  const answer = await bot.summarized(reply.answer);
  return answer.summary ? { ...reply, answer } : null;
}

const EXPIRED = 'That answer has expired; ask the question again.';
const DEAD_BUTTON = 'That button no longer works; ask the question again.';
const CLOSING = 'briefbot is restarting: please ask again in a minute.';

export interface ConversationOptions {
  /** The briefing schedule "subscribe" starts from. */
  schedule: ScheduleDefaults;
  logger: Logger;
  /** Answers computed at once (default 2). */
  concurrency?: number;
}

export class Conversation {
  private readonly queue: AnswerQueue;

  constructor(private readonly bot: Briefbot, private readonly options: ConversationOptions) {
    // The bot's metrics are read when counted: a bot instrumented after this conversation was made still counts.
    this.queue = new AnswerQueue(options.concurrency, (change) => this.bot.metrics?.queueDepth.inc(change));
  }

  /**
   * Answers one inbound event through `port`: a redelivered event is dropped, the reply computed in the answer queue
   * (a failure becomes a plain apology), sent, and a typed question's answer then replaced by the same answer with its
   * grounded summary when an LLM is configured. Never throws for what the bot computes; a port that throws does.
   * While the bot shuts down (its requests closed), a new event is told to ask again instead.
   */
  async handle<Sent>(event: Inbound, port: ReplyPort<Sent>): Promise<void> {
    const requests = this.bot.requests;
    if (requests.accepting) return requests.track(() => this.answer(event, port));
    const reply: Reply = { type: 'notice', text: CLOSING };
    this.bot.metrics?.answers.inc({ platform: event.platform, kind: kindOf(reply), outcome: 'closing' });
    await port.send(reply);
  }

  private async answer<Sent>(event: Inbound, port: ReplyPort<Sent>): Promise<void> {
    const started = performance.now();
    // Every line about this event carries its id: the platform's when it has one, so logs meet the platform's.
    const log = withContext(this.options.logger, { requestId: event.eventId ?? randomUUID(), platform: event.platform, channel: event.channel });
    const metrics = () => this.bot.metrics;
    /** Sends the first reply, then counts and times it. */
    const deliver = async (reply: Reply, outcome: Outcome): Promise<Sent | null> => {
      const sent = await port.send(reply);
      const kind = kindOf(reply);
      const seconds = (performance.now() - started) / 1000;
      metrics()?.answers.inc({ platform: event.platform, kind, outcome });
      metrics()?.answerSeconds.observe({ platform: event.platform, kind }, seconds);
      log.debug(`answered: ${kind} (${outcome}) in ${Math.round(seconds * 1000)} ms`);
      return sent;
    };
    if (event.eventId !== undefined && !(await this.bot.state.claimEvent(`${event.platform}:${event.eventId}`))) {
      metrics()?.duplicateEvents.inc({ platform: event.platform });
      log.debug('a redelivered event, already answered: dropped');
      return;
    }
    const { input } = event;
    if ('text' in input) {
      await port.acknowledge?.();
      const where = { platform: event.platform, channel: event.channel, user: event.user };
      const [reply, outcome] = await this.safely(log, event.platform, () => converse(this.bot, input.text, where, this.options.schedule));
      const sent = await deliver(reply, outcome);
      if (sent === null) return;
      const better = await withSummary(this.bot, reply); // never throws: no summary is the fallback
      if (better) await port.edit(sent, better);
      return;
    }
    const token = readPageToken('more' in input ? input.more : input.share);
    // An expired page is said at once, without a place in the queue (and without acknowledging an answer).
    if (!token) return void (await deliver({ type: 'notice', text: DEAD_BUTTON }, 'expired'));
    if ((await this.bot.state.page(token.pageId)) === null) return void (await deliver({ type: 'notice', text: EXPIRED }, 'expired'));
    await port.acknowledge?.();
    const [page, outcome] = await this.safely(log, event.platform, () => morePage(this.bot, token.pageId, token.offset));
    await deliver('share' in input && page.type === 'answer' && event.user ? { ...page, sharedBy: event.user } : page, outcome);
  }

  /** Computes a reply in the answer queue (acknowledgements of new requests are never kept waiting). */
  private async safely(log: Logger, platform: string, f: () => Promise<Reply>): Promise<[Reply, Outcome]> {
    try {
      return [await this.queue.run(f), 'ok'];
    } catch (err) {
      if (err instanceof Unavailable) return [{ type: 'notice', text: err.message }, 'unavailable'];
      log.error(`${platform}: answering failed: ${(err as Error).stack ?? err}`);
      return [{ type: 'notice', text: 'Sorry, something went wrong while answering. Please try again.' }, 'failed'];
    }
  }
}

/** What a reply is, for metrics: an answer's kind (speaker, who-said, open…), else the reply's type. */
function kindOf(reply: Reply): string {
  return reply.type === 'answer' ? reply.answer.kind : reply.type;
}
