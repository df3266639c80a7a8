// The console adapter: a terminal chat over the core, taking the same commands as Slack and Discord.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Briefbot } from '../../src/bot.ts';
import { DEFAULT_SCHEDULE, type ScheduleDefaults } from '../../src/schedule/subscription.ts';
import { Conversation, PAGE_SIZE, pageToken, type Reply } from '../../src/app/conversation.ts';
import { silentLogger, type Logger } from '../../src/log.ts';
import { SUMMARY_LABEL, summaryLines } from '../../src/present.ts';
import { renderAlert, renderReply, terminalSafe } from './render.ts';
import type { AlertPost } from '../../src/alerts/match.ts';
import type { ChatAdapter } from '../../src/app/ports.ts';
import type { Digest } from '../../src/types.ts';

export interface ConsoleOptions {
  input?: Readable;
  output?: Writable;
  /** Ends the session (Ctrl-C or SIGTERM when input is not a terminal). */
  signal?: AbortSignal;
  /** The briefing schedule "subscribe" starts from (DIGEST_CRON, DIGEST_TIMEZONE). */
  schedule?: ScheduleDefaults;
  /** Where a failure to answer is logged (the person at the terminal is told plainly). */
  logger?: Logger;
}

const NO_MORE = 'There are no more quotes for that question.';


/** Runs until end of input or Ctrl-C; resolves when the session is over. */
export async function runConsole(bot: Briefbot, options: ConsoleOptions = {}): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const say = (text: string) => output.write(`${text}\n`);
  const stats = await bot.stats();
  say(`briefbot: ${stats.articles} articles indexed, ${stats.quotes} quotes from ${stats.speakers} speakers.`);
  say(`Try: ${stats.suggestion}   (type "help" for more, Ctrl-D or Ctrl-C to quit)`);

  const rl = createInterface({ input, output, prompt: '> ', terminal: (input as { isTTY?: boolean }).isTTY === true });
  let last: { pageId: string; offset: number } | null = null;
  // Lines are answered one at a time, in order, even when pasted in a burst.
  let queue = Promise.resolve();
  const closed = new Promise<void>((resolve) => rl.once('close', resolve));
  rl.on('SIGINT', () => rl.close());
  options.signal?.addEventListener('abort', () => rl.close(), { once: true });

  const conversation = new Conversation(bot, { schedule: options.schedule ?? DEFAULT_SCHEDULE, logger: options.logger ?? silentLogger });
  const where = { platform: 'console', channel: 'console', user: null };
  // The terminal cannot edit what it printed: a summary that follows an answer is printed below it.
  const port = {
    send: async (reply: Reply) => {
      if (reply.type === 'answer') last = { pageId: reply.pageId, offset: reply.offset };
      say(renderReply(reply));
      return true;
    },
    edit: async (_: true, better: Reply) => {
      if (better.type === 'answer' && better.answer.summary) say(`\n${SUMMARY_LABEL}:\n${summaryLines(better.answer.summary, better.answer.quotes).map((l) => `  ${terminalSafe(l)}`).join('\n')}`);
    },
  };

  const handle = async (line: string) => {
    const text = line.trim();
    if (text === '') return;
    if (['quit', 'exit'].includes(text.toLowerCase())) { rl.close(); return; }
    if (text.toLowerCase() !== 'more') return conversation.handle({ ...where, input: { text } }, port);
    // "more" stands in for the button other platforms show: the next page of the last answer.
    if (!last) return void say(NO_MORE);
    const previous = last;
    await conversation.handle({ ...where, input: { more: pageToken(last.pageId, last.offset + PAGE_SIZE) } }, {
      ...port,
      send: async (reply) => {
        if (reply.type === 'answer' && reply.answer.quotes.length === 0) {
          last = previous;
          say(NO_MORE);
          return true;
        }
        return port.send(reply);
      },
    });
  };

  rl.on('line', (line) => {
    queue = queue.then(() => handle(line)).then(() => { if (!isClosed) rl.prompt(); });
  });
  let isClosed = false;
  rl.once('close', () => { isClosed = true; });
  rl.prompt();
  await closed;
  await queue;
  say('');
}

/**
 * The console as a place briefings and alerts are posted to: "subscribe" in the console prints the briefing on
 * schedule, "watch …" prints an alert when a new article matches.
 */
export function consoleBriefings(output: Writable = process.stdout): ChatAdapter {
  return {
    platform: 'console',
    async start() {},
    async stop() {},
    async postBriefing(_channel: string, digest: Digest): Promise<string> {
      output.write(`\n${terminalSafe(digest.text)}\n> `);
      return `console:${Date.now()}`;
    },
    async postAlert(_channel: string, alert: AlertPost): Promise<string> {
      output.write(`\n${renderAlert(alert)}\n> `);
      return `console:${Date.now()}`;
    },
  };
}
