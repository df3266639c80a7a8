// npm run bench:load: the Slack HTTP receiver on 127.0.0.1 under concurrent signed slash commands (autocannon),
// against a loopback Slack. The server runs in its own process, so the load generator does not steal its event
// loop. Prints acknowledgements per second, p50/p99 acknowledgement time, errors, and answers delivered.
// Goal: at 200 concurrent requests every one acknowledged within 3 s, with zero errors and every answer delivered.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signSlackRequest, slashCommandBody } from '../test/fakes/slack.ts';

const connections = Number(process.argv[2] ?? 200);
const amount = Number(process.argv[3] ?? 2000);
const QUESTIONS = ['what did Bessent say?', 'what did Vaishnaw say about recycling?', 'who said "prudent derisking over decoupling"?', 'when will India join Pax Silica?', 'what did Narendra Modi say?', 'sources'];

const server = spawn(process.execPath, ['--import', 'tsx', join(dirname(fileURLToPath(import.meta.url)), 'load-server.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: server.stdout! })[Symbol.asyncIterator]();
const next = async () => (await lines.next()).value as string;
const { url, secret, responseBase } = JSON.parse(await next()) as { url: string; secret: string; responseBase: string };

let n = 0;
const result = await autocannon({
  url,
  connections,
  amount,
  method: 'POST',
  requests: [
    {
      // Each request is a fresh slash command, signed as Slack signs it, with its own response_url.
      setupRequest: (req: autocannon.Request) => {
        const i = n++;
        const body = slashCommandBody({ text: QUESTIONS[i % QUESTIONS.length]!, response_url: `${responseBase}r${i}`, user_id: `U${i}` });
        return { ...req, body, headers: { ...signSlackRequest(secret, body) } };
      },
    },
  ],
});

let delivered = 0;
for (let waited = 0; waited < 60_000; waited += 200) {
  server.stdin!.write('count\n');
  delivered = Number(await next());
  if (delivered >= amount) break;
  await new Promise((r) => setTimeout(r, 200));
}
server.stdin!.end('stop\n');

const lat = result.latency;
const met = lat.max <= 3000 && result['2xx'] === amount && result.errors + result.timeouts === 0 && delivered === amount;
process.stdout.write(
  [
    `Slack slash commands: ${connections} concurrent, ${amount} requests; HTTP receiver and loopback Slack in one process, load from another (${process.version})`,
    '',
    '| acknowledgements/s | ack p50 | ack p99 | ack max | non-2xx | errors/timeouts | answers delivered |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| ${result.requests.average.toFixed(0)} | ${lat.p50} ms | ${lat.p99} ms | ${lat.max} ms | ${result.non2xx} | ${result.errors + result.timeouts} | ${delivered} of ${amount} |`,
    '',
    `Goal (every request acknowledged within 3000 ms, no errors, every answer delivered): ${met ? 'met' : 'MISSED'}.`,
  ].join('\n') + '\n',
);
