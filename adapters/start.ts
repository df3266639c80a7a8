// npm start: opens the core over the seeds folder and starts every adapter whose settings are present
// (Slack, Discord, or both); with no chat tokens at all, the console adapter. Operations: JSON logs where stderr is
// not a terminal, /healthz, /readyz and /metrics, and a graceful stop on SIGTERM (or SIGINT).
import { z } from 'zod';
import { Briefbot, type Readiness } from '../src/bot.ts';
import { ConfigError, emptyAsUnset, loadCoreConfig } from '../src/config.ts';
import { StartError } from '../src/faults.ts';
import { createLogger, logFormat } from '../src/log.ts';
import { createMetrics } from '../src/metrics.ts';
import { opsRoutes, serveOps, type OpsEndpoints, type OpsServer } from '../src/app/health.ts';
import { within } from '../src/app/inflight.ts';
import type { ChatAdapter } from '../src/app/ports.ts';
import { consoleBriefings, runConsole } from './console/console.ts';
import { Scheduler } from '../src/app/scheduler.ts';
import { loadSlackConfig } from './slack/config.ts';
import { loadDiscordConfig } from './discord/config.ts';
import { loadLlmConfig } from '../src/llm/config.ts';

const OpsEnv = z.object({
  LOG_FORMAT: z.enum(['json', 'text']).optional(),
  BRIEFBOT_HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  BRIEFBOT_HTTP_HOST: z.string().trim().min(1).optional(),
  BRIEFBOT_SHUTDOWN_SECONDS: z.coerce.number().min(0).max(3600).optional(),
});

const OPS_HELP: Record<string, string> = {
  LOG_FORMAT: 'Use json (one JSON object a line) or text ("[briefbot] …" lines).',
  BRIEFBOT_HTTP_PORT: 'Give a port number, e.g. BRIEFBOT_HTTP_PORT=9090.',
  BRIEFBOT_HTTP_HOST: 'Give an address to listen on, e.g. 127.0.0.1.',
  BRIEFBOT_SHUTDOWN_SECONDS: 'Give a number of seconds, e.g. BRIEFBOT_SHUTDOWN_SECONDS=10.',
};

interface OpsConfig {
  logFormat: 'json' | 'text' | undefined;
  /** Where /healthz, /readyz and /metrics are served on a server of their own; null: on Slack's port, if any. */
  http: { port: number; host: string } | null;
  /** How long a shutdown waits for answers and a briefing in flight. */
  graceMs: number;
}

function loadOpsConfig(env: NodeJS.ProcessEnv = process.env): OpsConfig {
  const parsed = OpsEnv.safeParse(emptyAsUnset(env));
  if (!parsed.success) {
    const name = String(parsed.error.issues[0]!.path[0]);
    throw new ConfigError(`${name} is invalid: ${parsed.error.issues[0]!.message}. ${OPS_HELP[name] ?? ''}`.trim());
  }
  const e = parsed.data;
  return {
    logFormat: e.LOG_FORMAT,
    // Every interface by default: probes and scrapers reach a container from outside it.
    http: e.BRIEFBOT_HTTP_PORT === undefined ? null : { port: e.BRIEFBOT_HTTP_PORT, host: e.BRIEFBOT_HTTP_HOST ?? '0.0.0.0' },
    graceMs: (e.BRIEFBOT_SHUTDOWN_SECONDS ?? 10) * 1000,
  };
}

/** Every setting, validated; null (with the reason said) when one is bad. */
function loadSettings() {
  try {
    return { config: loadCoreConfig(), slack: loadSlackConfig(), discord: loadDiscordConfig(), llm: loadLlmConfig(), ops: loadOpsConfig() };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`briefbot cannot start: ${err.message}\n`);
    process.exitCode = 1;
    return null;
  }
}

async function start(): Promise<void> {
  const settings = loadSettings();
  if (!settings) return;
  const { config, slack, discord, llm, ops } = settings;
  const logger = createLogger(config.logLevel, { format: logFormat(ops.logFormat) });
  const stop = new AbortController();
  // SIGTERM (a service manager, an orchestrator) or Ctrl-C ends the session cleanly: see shutDown.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => stop.abort());
  const stopped = new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));

  const metrics = createMetrics();
  let bot: Briefbot | null = null;
  const endpoints: OpsEndpoints = {
    registry: metrics.registry,
    // Not ready while opening (a first sync may take minutes) and from the moment a shutdown begins.
    readiness: async (): Promise<Readiness> => {
      if (stop.signal.aborted) return { ready: false, reason: 'shutting down' };
      return bot ? bot.readiness() : { ready: false, reason: 'starting: opening the database and the index' };
    },
  };
  // Up before the bot opens, so an orchestrator sees the process alive during a long first sync.
  let server: OpsServer | null = null;
  if (ops.http) {
    try {
      server = await serveOps(endpoints, ops.http.port, ops.http.host);
    } catch (err) {
      process.stderr.write(`briefbot cannot start: BRIEFBOT_HTTP_PORT ${ops.http.port} on ${ops.http.host}: ${(err as Error).message}\n`);
      process.exitCode = 1;
      return;
    }
    logger.info(`operations endpoints on http://${ops.http.host}:${server.port} (/healthz, /readyz, /metrics)`);
  }
  try {
    try {
      bot = await Briefbot.open({ ...config, llm, logger });
    } catch (err) {
      if (!(err instanceof StartError)) throw err;
      process.stderr.write(`briefbot cannot start: ${err.message}\n`);
      process.exitCode = 1;
      return;
    }
    bot.instrument(metrics);
    await run(bot);
  } finally {
    await server?.close();
    // Whatever a library leaves open (a keep-alive socket, a reconnect timer) does not keep a stopped bot running.
    setTimeout(() => process.exit(), 2000).unref();
  }

  async function run(bot: Briefbot): Promise<void> {
    if (llm) logger.info(`summaries: ${llm.model} via ${llm.baseURL ?? 'api.openai.com'}`);
    const adapters: ChatAdapter[] = [];
    let scheduler: Scheduler | null = null;
    let session: Promise<void> | undefined;
    try {
      if (stop.signal.aborted) return; // a signal while the index was being built
      if (slack) {
        const { SlackAdapter } = await import('./slack/slack.ts');
        // Without a port of their own, the operations endpoints share Slack's HTTP port (HTTP mode only).
        const customRoutes = !ops.http && slack.mode === 'http' ? opsRoutes(endpoints) : [];
        if (customRoutes.length) logger.info('operations endpoints on the Slack port (/healthz, /readyz, /metrics)');
        adapters.push(new SlackAdapter(bot, { config: slack, schedule: config.schedule, logger, customRoutes }));
      }
      if (discord) {
        const { DiscordAdapter } = await import('./discord/discord.ts');
        adapters.push(new DiscordAdapter(bot, { config: discord, schedule: config.schedule, logger }));
      }
      if (!ops.http && slack?.mode !== 'http') logger.debug('no operations endpoints: set BRIEFBOT_HTTP_PORT to serve /healthz, /readyz and /metrics');
      if (adapters.length === 0) {
        scheduler = new Scheduler(bot, [consoleBriefings()], { logger, graceMs: config.graceMs });
        scheduler.start();
        session = runConsole(bot, { signal: stop.signal, schedule: config.schedule, logger });
        // The session ends at end of input, or with a signal once the line being answered is done.
        await Promise.race([session, stopped]);
        return;
      }
      try {
        for (const a of adapters) await a.start();
      } catch {
        // The adapter has already said why (a refused intent, a bad token); stop cleanly rather than with a trace.
        process.exitCode = 1;
        return;
      }
      scheduler = new Scheduler(bot, adapters, { logger, graceMs: config.graceMs });
      scheduler.start();
      const stats = await bot.stats();
      logger.info(`ready: ${stats.articles} articles, ${stats.quotes} quotes from ${stats.speakers} speakers; ${adapters.map((a) => a.platform).join(' and ')} connected`);
      await stopped;
    } finally {
      await shutDown(bot, scheduler, adapters, session);
    }
  }

  /**
   * After a signal (readiness already says 503): new events are told to ask again, and the answers in flight and a
   * briefing being posted get up to BRIEFBOT_SHUTDOWN_SECONDS to finish. Only then do the adapters stop receiving
   * (the answers needed them to deliver their replies) and the bot close, releasing its ingest lock.
   */
  async function shutDown(bot: Briefbot, scheduler: Scheduler | null, adapters: ChatAdapter[], session?: Promise<void>): Promise<void> {
    const seconds = ops.graceMs / 1000;
    if (stop.signal.aborted) logger.info(`shutting down: finishing ${bot.requests.size} answer(s) in flight (waiting up to ${seconds} s)`);
    const [answered, briefed] = await Promise.all([
      within(Promise.all([bot.requests.close(ops.graceMs), session]), ops.graceMs),
      scheduler ? within(scheduler.stop(), ops.graceMs) : true,
    ]);
    if (!answered) logger.warn(`shutting down: ${bot.requests.size} answer(s) not finished after ${seconds} s are cut off`);
    if (!briefed) logger.warn(`shutting down: a briefing not posted after ${seconds} s is left to a later attempt`);
    for (const a of adapters) await a.stop().catch((err: Error) => logger.error(`stopping ${a.platform}: ${err.message}`));
    await bot.close();
    if (stop.signal.aborted) logger.info('shut down');
  }
}

await start();
