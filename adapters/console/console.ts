// The console adapter: a terminal chat over the core, taking the same commands as Slack and Discord.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Briefbot } from '../../src/bot.ts';
import { parseCommand } from '../../src/commands.ts';
import { renderAnswer, renderHelp, renderSources, renderSpeakers, terminalSafe } from './render.ts';

export interface ConsoleOptions {
  input?: Readable;
  output?: Writable;
  /** Ends the session (Ctrl-C or SIGTERM when input is not a terminal). */
  signal?: AbortSignal;
}

const PAGE = 10;

/** Runs until end of input or Ctrl-C; resolves when the session is over. */
export async function runConsole(bot: Briefbot, options: ConsoleOptions = {}): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const say = (text: string) => output.write(`${text}\n`);
  const stats = await bot.stats();
  say(`briefbot: ${stats.articles} articles indexed, ${stats.quotes} quotes from ${stats.speakers} speakers.`);
  say(`Try: ${await bot.suggestion()}   (type "help" for more, Ctrl-D or Ctrl-C to quit)`);

  const rl = createInterface({ input, output, prompt: '> ', terminal: (input as { isTTY?: boolean }).isTTY === true });
  let last: { question: string; offset: number } | null = null;
  // Lines are answered one at a time, in order, even when pasted in a burst.
  let queue = Promise.resolve();
  const closed = new Promise<void>((resolve) => rl.once('close', resolve));
  rl.on('SIGINT', () => rl.close());
  options.signal?.addEventListener('abort', () => rl.close(), { once: true });

  const handle = async (line: string) => {
    const text = line.trim();
    if (text === '') return;
    if (['quit', 'exit'].includes(text.toLowerCase())) { rl.close(); return; }
    try {
      if (text.toLowerCase() === 'more') {
        const next = last ? await bot.ask(last.question, { offset: last.offset + PAGE }) : null;
        if (!last || !next || next.quotes.length === 0) { say('There are no more quotes for that question.'); return; }
        last.offset += PAGE;
        say(renderAnswer(next, last.offset));
        return;
      }
      const cmd = parseCommand(text);
      if (cmd.name === 'help') say(renderHelp());
      else if (cmd.name === 'sources') { const s = await bot.sources(); say(renderSources(s.sources, s.skipped, s.total)); }
      else if (cmd.name === 'speakers') say(renderSpeakers(await bot.speakers()));
      else if (cmd.name === 'digest') say(terminalSafe((await bot.digest(cmd.date ? { date: cmd.date } : {})).text));
      else {
        last = { question: cmd.question, offset: 0 };
        say(renderAnswer(await bot.ask(cmd.question)));
      }
    } catch (err) {
      say(`Sorry, that failed: ${(err as Error).message}`);
    }
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
