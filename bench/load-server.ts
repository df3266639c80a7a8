// The process under load for bench/load.ts: the Slack adapter over the seeds, with its loopback Slack.
// Prints {"url", "secret", "fakeUrl"} when ready; answers "count" on stdin with the answers delivered so far.
import { createInterface } from 'node:readline';
import { Briefbot } from '../src/bot.ts';
import { silentLogger } from '../src/log.ts';
import { SlackAdapter } from '../adapters/slack/slack.ts';
import { SEEDS } from '../test/helpers.ts';
import { startFakeSlack } from '../test/fakes/slack.ts';

const SECRET = '0123456789abcdef0123456789abcdef';
const fake = await startFakeSlack();
const bot = await Briefbot.open({ seedsDir: SEEDS, dbPath: ':memory:' });
const adapter = new SlackAdapter(bot, {
  config: { botToken: 'xoxb-load', mode: 'http', signingSecret: SECRET, appToken: null, port: 0, host: '127.0.0.1', command: '/brief', apiUrl: fake.apiUrl },
  schedule: { cron: '0 8 * * 1-5', timezone: 'UTC' },
  logger: silentLogger,
});
await adapter.start();
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${adapter.port}/slack/events`, secret: SECRET, responseBase: fake.responseUrl('x').replace(/x$/, '') })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'count') process.stdout.write(`${fake.responses.length}\n`);
  if (line === 'stop') break;
}
await adapter.stop();
await bot.close();
await fake.close();
