// npm start: opens the core over the seeds folder and starts every adapter whose settings are present
// (Slack, Discord, or both); with no chat tokens at all, the console adapter.
import { Briefbot } from '../src/bot.ts';
import { ConfigError, loadCoreConfig } from '../src/config.ts';
import { StartError } from '../src/faults.ts';
import { createLogger } from '../src/log.ts';
import type { ChatAdapter } from '../src/app/ports.ts';
import { consoleBriefings, runConsole } from './console/console.ts';
import { Scheduler } from '../src/app/scheduler.ts';
import { loadSlackConfig } from './slack/config.ts';
import { loadDiscordConfig } from './discord/config.ts';
import { loadLlmConfig } from '../src/llm/config.ts';

async function start(): Promise<void> {
  let config;
  let slack;
  let discord;
  let llm;
  try {
    config = loadCoreConfig();
    slack = loadSlackConfig();
    discord = loadDiscordConfig();
    llm = loadLlmConfig();
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
  let bot: Briefbot;
  try {
    bot = await Briefbot.open({ ...config, llm, logger });
  } catch (err) {
    if (!(err instanceof StartError)) throw err;
    process.stderr.write(`briefbot cannot start: ${err.message}\n`);
    process.exitCode = 1;
    return;
  }
  if (llm) logger.info(`summaries: ${llm.model} via ${llm.baseURL ?? 'api.openai.com'}`);
  const adapters: ChatAdapter[] = [];
  try {
    if (slack) {
      const { SlackAdapter } = await import('./slack/slack.ts');
      adapters.push(new SlackAdapter(bot, { config: slack, schedule: config.schedule, logger }));
    }
    if (discord) {
      const { DiscordAdapter } = await import('./discord/discord.ts');
      adapters.push(new DiscordAdapter(bot, { config: discord, schedule: config.schedule, logger }));
    }
    if (adapters.length === 0) {
      const scheduler = new Scheduler(bot, [consoleBriefings()], { logger, graceMs: config.graceMs });
      scheduler.start();
      try {
        await runConsole(bot, { signal: stop.signal, schedule: config.schedule, logger });
      } finally {
        await scheduler.stop();
      }
      return;
    }
    try {
      for (const a of adapters) await a.start();
    } catch {
      // The adapter has already said why (a refused intent, a bad token); stop cleanly rather than with a trace.
      process.exitCode = 1;
      return;
    }
    const scheduler = new Scheduler(bot, adapters, { logger, graceMs: config.graceMs });
    scheduler.start();
    stop.signal.addEventListener('abort', () => void scheduler.stop(), { once: true });
    const stats = await bot.stats();
    logger.info(`ready: ${stats.articles} articles, ${stats.quotes} quotes from ${stats.speakers} speakers; ${adapters.map((a) => a.platform).join(' and ')} connected`);
    await new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
  } finally {
    for (const a of adapters) await a.stop().catch((err: Error) => logger.error(`stopping ${a.platform}: ${err.message}`));
    await bot.close();
  }
}

await start();
