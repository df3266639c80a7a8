// The conversation core, driven through an in-memory reply port: what every platform's events go through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefbot } from '../src/bot.ts';
import { Conversation, pageToken, type Reply } from '../src/app/conversation.ts';
import type { Inbound, ReplyPort } from '../src/app/ports.ts';
import { DEFAULT_SCHEDULE } from '../src/schedule/subscription.ts';
import { createLogger } from '../src/log.ts';
import { openSeeds } from './helpers.ts';

let bot: Briefbot;
let logs: string[];
let conversation: Conversation;
beforeAll(async () => {
  bot = await openSeeds();
  logs = [];
  conversation = new Conversation(bot, { schedule: DEFAULT_SCHEDULE, logger: createLogger('warn', (line) => logs.push(line)) });
});
afterAll(() => bot.close());

/** A port that records what the core asked of it, in order. */
function recorder() {
  const calls: (['acknowledge'] | ['send', Reply] | ['edit', Reply])[] = [];
  const port: ReplyPort<number> = {
    acknowledge: async () => void calls.push(['acknowledge']),
    send: async (r) => (calls.push(['send', r]), calls.length),
    edit: async (_, r) => void calls.push(['edit', r]),
  };
  return { calls, port, sent: () => calls.filter((c) => c[0] === 'send').map((c) => c[1] as Reply) };
}

const event = (input: Inbound['input'], more: Partial<Inbound> = {}): Inbound => ({ platform: 'memory', channel: 'C1', user: 'U1', input, ...more });

describe('the conversation core', () => {
  it('answers a typed question once, acknowledging first, with no follow-up edit without an LLM', async () => {
    const { calls, sent, port } = recorder();
    await conversation.handle(event({ text: 'what did Bessent say?' }), port);
    expect(calls.map((c) => c[0])).toEqual(['acknowledge', 'send']);
    expect(sent()[0]).toMatchObject({ type: 'answer', offset: 0, answer: { speaker: 'Scott Bessent' } });
  });

  it('answers a redelivered event once', async () => {
    const { sent, port } = recorder();
    await conversation.handle(event({ text: 'help' }, { eventId: 'Ev1' }), port);
    await conversation.handle(event({ text: 'help' }, { eventId: 'Ev1' }), port);
    expect(sent()).toEqual([{ type: 'help' }]);
  });

  it('turns a page with a button, acknowledged before the page is computed', async () => {
    const first = recorder();
    await conversation.handle(event({ text: 'what did Bessent say?' }), first.port);
    const answer = first.sent()[0] as Extract<Reply, { type: 'answer' }>;
    expect(answer.answer.total).toBeGreaterThan(10);
    const next = recorder();
    await conversation.handle(event({ more: pageToken(answer.pageId, 10) }), next.port);
    expect(next.calls.map((c) => c[0])).toEqual(['acknowledge', 'send']);
    expect(next.sent()[0]).toMatchObject({ type: 'answer', offset: 10, pageId: answer.pageId });
  });

  it('says an expired or malformed button is so, at once and without acknowledging an answer', async () => {
    const expired = recorder();
    await conversation.handle(event({ more: pageToken('nosuchpage', 10) }), expired.port);
    expect(expired.calls).toEqual([['send', { type: 'notice', text: 'That answer has expired; ask the question again.' }]]);
    const malformed = recorder();
    await conversation.handle(event({ share: 'not a token' }), malformed.port);
    expect(malformed.calls).toEqual([['send', { type: 'notice', text: 'That button no longer works; ask the question again.' }]]);
  });

  it('shares an answer saying who shared it', async () => {
    const first = recorder();
    await conversation.handle(event({ text: 'what did Gor say?' }), first.port);
    const answer = first.sent()[0] as Extract<Reply, { type: 'answer' }>;
    const shared = recorder();
    await conversation.handle(event({ share: pageToken(answer.pageId, 0) }, { user: 'U7' }), shared.port);
    expect(shared.sent()[0]).toMatchObject({ type: 'answer', sharedBy: 'U7', answer: { speaker: 'Sergio Gor' } });
  });

  it('turns a failure while answering into a plain apology, and logs it', async () => {
    const closed = await openSeeds();
    await closed.close();
    const failing = new Conversation(closed, { schedule: DEFAULT_SCHEDULE, logger: createLogger('warn', (line) => logs.push(line)) });
    const { sent, port } = recorder();
    await failing.handle(event({ text: 'what did Bessent say?' }), port);
    expect(sent()).toEqual([{ type: 'notice', text: 'Sorry, something went wrong while answering. Please try again.' }]);
    expect(logs.some((l) => l.includes('memory: answering failed'))).toBe(true);
  });
});
