// Proves the fake speaks Slack's protocols to the REAL libraries (WebClient, Bolt HTTP + Socket Mode).
import type { AddressInfo } from 'node:net';
import { App, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { ErrorCode, WebClient, type WebAPIHTTPError, type WebAPIPlatformError } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appMentionEvent, blockActionBody, blockActionPayload, postSigned, signSlackRequest, slashCommandBody,
  slashCommandPayload, startFakeSlack, type FakeSlack,
} from './slack.ts';

const SECRET = 'shh-signing-secret';
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  // LIFO: apps stop before the fake they talk to closes.
  while (cleanups.length) await cleanups.pop()!().catch(() => {});
});
async function fakeSlack(): Promise<FakeSlack> {
  const fake = await startFakeSlack({ channels: { C1: 'general' } });
  cleanups.push(() => fake.close());
  return fake;
}
const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Brief* [1]' } }];

describe('Web API', () => {
  it('records a WebClient postMessage with parsed blocks and bearer token', async () => {
    const fake = await fakeSlack();
    const client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR });
    const auth = await client.auth.test();
    expect(auth).toMatchObject({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'briefbot' });

    const r1 = await client.chat.postMessage({ channel: 'C1', text: '[1] cited', blocks });
    const r2 = await client.chat.postMessage({ channel: 'C1', text: 'second', thread_ts: r1.ts });
    expect(r1.ts).toBe('1700000000.000100');
    expect(Number(r2.ts)).toBeGreaterThan(Number(r1.ts));
    const post = fake.calls.find((c) => c.method === 'chat.postMessage')!;
    expect(post.token).toBe('xoxb-test');
    expect(post.args).toMatchObject({ channel: 'C1', text: '[1] cited', blocks }); // text stays a string
    expect(post.args).not.toHaveProperty('token');

    await client.chat.update({ channel: 'C1', ts: r1.ts!, text: 'edited' });
    expect(fake.messages.find((m) => m.ts === r1.ts)?.text).toBe('edited');
    await client.chat.delete({ channel: 'C1', ts: r2.ts! });
    expect(fake.messages.map((m) => m.ts)).toEqual([r1.ts]);
    expect(await client.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'psst' })).toMatchObject({ ok: true });
    expect((await client.conversations.info({ channel: 'C1' })).channel).toMatchObject({ id: 'C1', name: 'general' });
    expect((await client.users.info({ user: 'U7' })).user).toMatchObject({ id: 'U7' });
    await expect(client.apiCall('no.such.method')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
    await expect(client.chat.update({ channel: 'C1', ts: '1.2', text: 'x' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('accepts JSON bodies and rejects unauthenticated calls', async () => {
    const fake = await fakeSlack();
    const post = (headers: Record<string, string>) =>
      fetch(`${fake.apiUrl}chat.postMessage`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ channel: 'C1', text: 'hi', blocks: JSON.stringify(blocks) }),
      }).then((r) => r.json());
    expect(await post({ authorization: 'Bearer xoxb-json' })).toMatchObject({ ok: true, channel: 'C1' });
    expect(fake.calls[0]).toMatchObject({ token: 'xoxb-json', args: { blocks } });
    expect(await post({})).toEqual({ ok: false, error: 'not_authed' });
  });

  it('injects 429 (WebClient waits Retry-After, then succeeds), 500s and platform errors', async () => {
    const fake = await fakeSlack();
    const client = new WebClient('xoxb-test', {
      slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR, rejectRateLimitedCalls: false,
      retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 },
    });
    fake.failNext('chat.postMessage', { rateLimited: true, retryAfterSeconds: 1 });
    const started = Date.now();
    await expect(client.chat.postMessage({ channel: 'C1', text: 'after limit' })).resolves.toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950); // honoured Retry-After: 1
    expect(fake.attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(fake.calls).toHaveLength(1);

    const once = new WebClient('xoxb-test', {
      slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR, retryConfig: { retries: 1, factor: 1, minTimeout: 10, maxTimeout: 50 },
    });
    fake.failNext('chat.postMessage', { status: 500 }, 3);
    const err = (await once.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e)) as WebAPIHTTPError;
    expect(err.code).toBe(ErrorCode.HTTPError);
    expect(err.statusCode).toBe(500);
    expect(fake.attempts.slice(2).map((a) => a.status)).toEqual([500, 500]); // 1 try + 1 retry
    // The third queued 500 is consumed by the next call, whose retry then succeeds.
    await expect(once.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
    expect(fake.attempts.slice(4).map((a) => a.status)).toEqual([500, 200]);

    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    const platform = (await once.chat.postMessage({ channel: 'C1', text: 'x' }).catch((e: unknown) => e)) as WebAPIPlatformError;
    expect(platform.data.error).toBe('channel_not_found');
    expect(fake.calls).toHaveLength(2); // injected failures never reach `calls`
  });

  it('waitFor rejects with a readable message on timeout', async () => {
    const fake = await fakeSlack();
    await expect(fake.waitFor(() => fake.calls.length > 0, 50)).rejects.toThrow(/timed out after 50ms.*calls=\[\]/);
  });
});

describe('response_url', () => {
  it('records JSON responses, injects failures, and 404s used_url after 5', async () => {
    const fake = await fakeSlack();
    const url = fake.responseUrl('cmd1');
    const post = (text: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) })
        .then(async (r) => ({ status: r.status, text: await r.text() }));

    fake.failResponses({ status: 503 });
    expect(await post('fails')).toEqual({ status: 503, text: 'Service Unavailable' });
    for (let i = 1; i <= 5; i++) expect(await post(`r${i}`)).toEqual({ status: 200, text: 'ok' });
    expect(await post('r6')).toEqual({ status: 404, text: 'used_url' });
    expect(fake.responses.map((r) => r.body.text)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(fake.responseAttempts.map((r) => r.status)).toEqual([503, 200, 200, 200, 200, 200, 404]);
    expect(fake.responseUrl()).not.toBe(fake.responseUrl()); // fresh ids by default
  });
});

describe('Bolt HTTP receiver', () => {
  it('accepts signed slash commands, events and actions; 401s bad or stale signatures', async () => {
    const fake = await fakeSlack();
    const app = new App({
      token: 'xoxb-test', signingSecret: SECRET, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: fake.apiUrl },
    });
    app.command('/brief', async ({ ack, respond, command }) => {
      await ack();
      await respond({ text: `brief on ${command.text}`, response_type: 'ephemeral' });
    });
    app.event('app_mention', async ({ event, say }) => {
      await say({ text: `hi <@${event.user}>`, thread_ts: event.ts });
    });
    const clicks: string[] = [];
    app.action('more', async ({ ack, action }) => {
      await ack();
      if (action.type === 'button') clicks.push(action.value ?? '');
    });
    // start() resolves with the node http.Server, so port 0 works: read the bound port from it.
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    cleanups.push(() => app.stop());
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;

    const cmd = slashCommandBody({ text: 'tariffs', response_url: fake.responseUrl('c1') });
    const ok = await postSigned(url, cmd, { secret: SECRET });
    expect(ok.status).toBe(200);
    await fake.waitFor(() => fake.responses.length === 1);
    expect(fake.responses[0]).toEqual({ id: 'c1', body: { text: 'brief on tariffs', response_type: 'ephemeral' } });

    expect((await postSigned(url, appMentionEvent({ text: '<@UBOT> brief me' }), { secret: SECRET })).status).toBe(200);
    const said = await fake.waitFor(() => fake.calls.find((c) => c.method === 'chat.postMessage'));
    expect(said.args).toMatchObject({ channel: 'C1', text: 'hi <@U1>' });

    expect((await postSigned(url, blockActionBody({ action_id: 'more', value: 'q42' }), { secret: SECRET })).status).toBe(200);
    expect(clicks).toEqual(['q42']);

    expect((await postSigned(url, cmd, { secret: 'wrong' })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 600;
    expect((await postSigned(url, cmd, { secret: SECRET, timestamp: stale })).status).toBe(401);
    expect(fake.responses).toHaveLength(1);
  });

  it('signs exactly like Slack v0', () => {
    // Example from Slack's "Verifying requests" docs.
    const body = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618)).toEqual({
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      'x-slack-request-timestamp': '1531420618',
      'content-type': 'application/x-www-form-urlencoded',
    });
  });
});

describe('Bolt Socket Mode', () => {
  it('connects, acks slash commands / events / actions, and stops cleanly', async () => {
    const fake = await fakeSlack();
    const app = new App({
      token: 'xoxb-test', appToken: 'xapp-test', socketMode: true, logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl }, // also reaches the SocketModeClient via installerOptions
    });
    app.command('/brief', async ({ ack, command }) => ack({ text: `working on ${command.text}` }));
    app.event('app_mention', async ({ say }) => void (await say('hello from socket mode')));
    app.action('more', async ({ ack }) => ack());
    cleanups.push(() => app.stop());
    await app.start(); // resolves only after the fake's hello
    expect(fake.socketCount).toBe(1);
    expect(fake.calls.find((c) => c.method === 'apps.connections.open')?.token).toBe('xapp-test');

    const cmdId = fake.sendEnvelope({ type: 'slash_commands', payload: slashCommandPayload({ text: 'budget' }) });
    expect(await fake.ackFor(cmdId)).toEqual({ envelope_id: cmdId, payload: { text: 'working on budget' } });

    const evId = fake.sendEnvelope({ envelope_id: 'ev-1', type: 'events_api', payload: appMentionEvent() });
    expect(evId).toBe('ev-1');
    await fake.ackFor('ev-1');
    const said = await fake.waitFor(() => fake.calls.find((c) => c.method === 'chat.postMessage'));
    expect(said).toMatchObject({ token: 'xoxb-test', args: { channel: 'C1', text: 'hello from socket mode' } });

    const actId = fake.sendEnvelope({ type: 'interactive', payload: blockActionPayload({ action_id: 'more' }) });
    await fake.ackFor(actId);

    await app.stop();
    await fake.waitFor(() => fake.socketCount === 0, 3000, 'the client to close its socket');
  });

  it('reconnects after a server "disconnect" message', async () => {
    const fake = await fakeSlack();
    // A short clientPingTimeout also shortens the reconnect delay (delay = clientPingTimeout × failures).
    const receiver = new SocketModeReceiver({
      appToken: 'xapp-test', clientPingTimeout: 200, logLevel: LogLevel.ERROR,
      installerOptions: { clientOptions: { slackApiUrl: fake.apiUrl } },
    });
    const app = new App({ token: 'xoxb-test', receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: fake.apiUrl } });
    app.command('/brief', async ({ ack }) => ack());
    cleanups.push(() => app.stop());
    await app.start();
    fake.sendDisconnect();
    await fake.waitFor(() => fake.socketConnections === 2 && fake.socketCount === 1, 3000, 'a reconnect');
    expect(fake.calls.filter((c) => c.method === 'apps.connections.open')).toHaveLength(2);
    // The server sees the socket before the client has processed hello; an acked envelope proves the
    // client is fully up (stopping mid-connect makes SocketModeClient.start() reject unhandled).
    await fake.ackFor(fake.sendEnvelope({ type: 'slash_commands', payload: slashCommandPayload() }));
    await app.stop();
    await fake.waitFor(() => fake.socketCount === 0);
  });

  it('refuses a bot token for apps.connections.open and a send with nobody connected', async () => {
    const fake = await fakeSlack();
    const client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR });
    await expect(client.apps.connections.open()).rejects.toMatchObject({ data: { error: 'not_allowed_token_type' } });
    expect(() => fake.sendEnvelope({ type: 'events_api', payload: appMentionEvent() })).toThrow(/no Socket Mode client/);
  });
});
