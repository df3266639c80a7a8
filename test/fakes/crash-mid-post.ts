// A bot process for the crash test: it claims the 08:00 briefing, says "claimed", and hangs before posting
// until the test kills it.
import { Briefbot } from '../../src/bot.ts';
import { silentLogger } from '../../src/log.ts';
import { Scheduler } from '../../src/app/scheduler.ts';
import { MemoryAdapter } from './memory-adapter.ts';

const [seeds, db] = process.argv.slice(2);
const bot = await Briefbot.open({ seedsDir: seeds!, dbPath: db! });
const adapter = new MemoryAdapter();
adapter.beforePost = () => {
  process.stdout.write('claimed\n');
  return new Promise(() => {}); // never posts
};
await new Scheduler(bot, [adapter], { logger: silentLogger, now: () => new Date('2026-01-13T08:00:00Z') }).tick();
