// npm start: opens the core over the seeds folder and starts every adapter whose settings are present.
// With no chat tokens at all, that is the console adapter.
import { Briefbot } from '../src/bot.ts';
import { ConfigError, loadCoreConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { runConsole } from './console/console.ts';

async function start(): Promise<void> {
  let config;
  try {
    config = loadCoreConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`briefbot cannot start: ${err.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const stop = new AbortController();
  // Ctrl-C (or a service manager's SIGTERM) ends the session cleanly: the database is closed, not cut off.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => stop.abort());
  const bot = await Briefbot.open({ ...config, logger });
  try {
    await runConsole(bot, { signal: stop.signal });
  } finally {
    await bot.close();
  }
}

await start();
