// The Slack adapter against real Bolt, over real HTTP on 127.0.0.1, with a loopback Slack in place of Slack.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Briefbot } from '../src/bot.ts';
import { silentLogger } from '../src/log.ts';
import { ResponseUrlUses, SlackAdapter } from '../adapters/slack/slack.ts';
import type { SlackConfig } from '../adapters/slack/config.ts';
import { loadSlackConfig } from '../adapters/slack/config.ts';
import { slackLimitProblems, type SlackMessage } from '../adapters/slack/render.ts';
import { appMentionEvent, blockActionBody, postSigned, slashCommandBody, startFakeSlack, type FakeSlack } from './fakes/slack.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS, copySeeds, seedsWithHostileArticle, tempDir } from './helpers.ts';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5'.replace(/[yz]/g, 'a');
const SCHEDULE = { cron: '0 8 * * 1-5', timezone: 'UTC' };
const FAST_RETRIES = { retries: 1, factor: 1, minTimeout: 10, maxTimeout: 50 };

let fake: FakeSlack;
let bot: Briefbot;
let adapter: SlackAdapter;
let url: string;

async function startAdapter(seedsDir = SEEDS, overrides: Partial<SlackConfig> = {}): Promise<void> {
  bot = await Briefbot.open({ seedsDir, dbPath: ':memory:' });
  const config: SlackConfig = { botToken: 'xoxb-test', mode: 'http', signingSecret: SECRET, appToken: null, port: 0, host: '127.0.0.1', command: '/brief', apiUrl: fake.apiUrl, ...overrides };
  adapter = new SlackAdapter(bot, { config, schedule: SCHEDULE, logger: silentLogger, retryConfig: FAST_RETRIES });
  await adapter.start();
  url = `http://127.0.0.1:${adapter.port}/slack/events`;
}

beforeEach(async () => {
  fake = await startFakeSlack();
});
afterEach(async () => {
  await adapter?.stop();
  await bot?.close();
  await fake.close();
  adapter = undefined as unknown as SlackAdapter; // a test that starts none must not stop this one again
  bot = undefined as unknown as Briefbot;
});

const slash = (text: string, extra: Record<string, string> = {}) =>
  postSigned(url, slashCommandBody({ text, response_url: fake.responseUrl(), ...extra }), { secret: SECRET });

/** Every message the bot sent, by response_url or Web API, as {blocks, text}. */
function sent(): SlackMessage[] {
  return [
    ...fake.responses.map((r) => r.body as SlackMessage),
    ...fake.calls.filter((c) => c.method.startsWith('chat.post') || c.method === 'chat.update').map((c) => c.args as unknown as SlackMessage),
  ];
}

function everythingWithinLimits(): void {
  for (const m of sent()) expect(slackLimitProblems({ blocks: m.blocks ?? [], text: m.text })).toEqual([]);
}

const textOf = (m: SlackMessage) => JSON.stringify(m.blocks);

describe('/brief', () => {
  beforeEach(() => startAdapter());

  it('acknowledges at once and answers privately with Block Kit: header, quotes, citations, paging and sharing', async () => {
    const res = await slash('what did Bessent say?');
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1000);
    const { body } = await fake.waitFor(() => fake.responses[0]);
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Scott Bessent', emoji: false } });
    expect(textOf(body)).toContain('\u201cAt today\'s Finance Ministerial hosted by the @USTreasury');
    expect(textOf(body)).toContain('*Scott Bessent, US Treasury Secretary*');
    expect(textOf(body)).toContain('IANS, 13 Jan 2026');
    const actions = body.blocks.find((b: { type: string }) => b.type === 'actions');
    expect(actions.elements.map((e: { action_id: string }) => e.action_id)).toEqual(['brief_more', 'brief_share']);
    expect(body.text).toMatch(/^Scott Bessent \(US Treasury Secretary\): 14 statements/);
    everythingWithinLimits();
  });

  it('acknowledges within Slack\'s three seconds however long the answer takes', async () => {
    const ask = bot.ask.bind(bot);
    bot.ask = async (q, o) => { await new Promise((r) => setTimeout(r, 1500)); return ask(q, o); };
    const res = await slash('what did Gor say?');
    expect(res.ms).toBeLessThan(1000);
    expect(fake.responses).toHaveLength(0);
    await fake.waitFor(() => fake.responses[0], 5000);
  });

  it.each([
    ['help', /what did Bessent say\?/],
    ['sources', /5 indexed articles/],
    ['speakers', /Sergio Gor/],
    ['digest', /Briefing \\u2014 13 Jan 2026|Briefing — 13 Jan 2026/],
  ])('answers "/brief %s"', async (sub, expected) => {
    await slash(sub);
    const { body } = await fake.waitFor(() => fake.responses[0]);
    expect(JSON.stringify(body)).toMatch(expected);
    everythingWithinLimits();
  });

  it('subscribes and unsubscribes the channel, and explains a bad schedule without saving it', async () => {
    await slash('subscribe 08:00 America/New_York weekdays', { channel_id: 'C9' });
    await fake.waitFor(() => fake.responses[0]);
    expect(await bot.state.subscription('slack', 'C9')).toMatchObject({ cron: '0 8 * * 1-5', timezone: 'America/New_York' });
    await slash('subscribe 08:00 Mars/Base', { channel_id: 'C8' });
    const bad = await fake.waitFor(() => fake.responses[1]);
    expect(bad.body.text).toContain('\\"Mars/Base\\" is not a time zone'.replace(/\\/g, ''));
    expect(await bot.state.subscription('slack', 'C8')).toBeNull();
    await slash('unsubscribe', { channel_id: 'C9' });
    await fake.waitFor(() => fake.responses[2]);
    expect(await bot.state.subscription('slack', 'C9')).toBeNull();
  });

  it('pages with "More quotes" and shares an answer in the channel', async () => {
    await slash('what did Vaishnaw say?');
    const first = await fake.waitFor(() => fake.responses[0]);
    const more = first.body.blocks.find((b: { type: string }) => b.type === 'actions').elements[0];
    expect(more.text.text).toBe('More quotes (11–17 of 17)');
    await postSigned(url, blockActionBody({ action_id: 'brief_more', value: more.value, is_ephemeral: true, response_url: fake.responseUrl('page') }), { secret: SECRET });
    const second = await fake.waitFor(() => fake.responses.find((r) => r.id === 'page'));
    expect(second.body.replace_original).toBe(true);
    expect(JSON.stringify(second.body.blocks)).not.toContain('Participated in the Critical Minerals Ministerial Meeting');

    const share = first.body.blocks.find((b: { type: string }) => b.type === 'actions').elements[1];
    await postSigned(url, blockActionBody({ action_id: 'brief_share', value: share.value, is_ephemeral: true, response_url: fake.responseUrl('share') }), { secret: SECRET });
    const posted = await fake.waitFor(() => fake.calls.find((c) => c.method === 'chat.postMessage'));
    expect(posted.args.channel).toBe('C1');
    expect(JSON.stringify(posted.args.blocks)).toContain('Participated in the Critical Minerals Ministerial Meeting');
    everythingWithinLimits();
  });

  it('answers through the Web API once a response_url has been used five times', async () => {
    await slash('what did Vaishnaw say?');
    const first = await fake.waitFor(() => fake.responses[0]);
    const value = first.body.blocks.find((b: { type: string }) => b.type === 'actions').elements[0].value as string;
    const responseUrl = fake.responseUrl('busy');
    for (let i = 0; i < 6; i++) {
      await postSigned(url, blockActionBody({ action_id: 'brief_more', value, is_ephemeral: true, response_url: responseUrl }), { secret: SECRET });
      await fake.waitFor(() => fake.responses.filter((r) => r.id === 'busy').length + fake.calls.filter((c) => c.method === 'chat.postEphemeral').length > i);
    }
    expect(fake.responses.filter((r) => r.id === 'busy')).toHaveLength(5);
    expect(fake.calls.filter((c) => c.method === 'chat.postEphemeral')).toHaveLength(1);
  });
});

describe('@briefbot mentions', () => {
  beforeEach(() => startAdapter());

  it('answer in a thread under the mention', async () => {
    const event = appMentionEvent({ text: '<@UBOT> what did Gor say?', ts: '1700000001.000100' });
    expect((await postSigned(url, event, { secret: SECRET })).status).toBe(200);
    const call = await fake.waitFor(() => fake.calls.find((c) => c.method === 'chat.postMessage'));
    expect(call.args).toMatchObject({ channel: 'C1', thread_ts: '1700000001.000100' });
    expect(JSON.stringify(call.args.blocks)).toContain('I am pleased to announce that India will be invited to join PaxSilica');
    everythingWithinLimits();
  });

  it('are answered once when Slack redelivers the same event', async () => {
    const event = appMentionEvent({ text: '<@UBOT> what did Gor say?', event_id: 'Ev0REPEAT' });
    await postSigned(url, event, { secret: SECRET });
    await fake.waitFor(() => fake.calls.find((c) => c.method === 'chat.postMessage'));
    await postSigned(url, event, { secret: SECRET, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await postSigned(url, event, { secret: SECRET, headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });

  it('tell the user plainly when Slack keeps failing, after the client\'s retries', async () => {
    fake.failNext('chat.postMessage', { status: 500 }, 2);
    await postSigned(url, appMentionEvent({ text: '<@UBOT> what did Gor say?' }), { secret: SECRET });
    const apology = await fake.waitFor(() => fake.calls.find((c) => c.method === 'chat.postEphemeral'));
    expect(apology.args).toMatchObject({ channel: 'C1', user: 'U1' });
    expect(String(apology.args.text)).toMatch(/^Sorry, Slack did not accept my answer \(HTTP 500\)/);
    expect(fake.attempts.filter((a) => a.method === 'chat.postMessage')).toHaveLength(2);
  });

  it('wait out a rate limit and still deliver the answer', async () => {
    fake.failNext('chat.postMessage', { rateLimited: true, retryAfterSeconds: 1 });
    await postSigned(url, appMentionEvent({ text: '<@UBOT> what did Gor say?' }), { secret: SECRET });
    const call = await fake.waitFor(() => fake.calls.find((c) => c.method === 'chat.postMessage'), 5000);
    expect(JSON.stringify(call.args.blocks)).toContain('Sergio Gor');
  });
});

describe('requests Slack did not sign', () => {
  beforeEach(() => startAdapter());

  it.each([
    ['a bad signature', { secret: 'not-the-secret' }],
    ['a timestamp over five minutes old', { secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ['a timestamp over five minutes ahead', { secret: SECRET, timestamp: Math.floor(Date.now() / 1000) + 6 * 60 }],
  ])('are rejected when they carry %s, and change nothing', async (_, opts) => {
    const res = await postSigned(url, slashCommandBody({ text: 'subscribe 08:00 UTC', response_url: fake.responseUrl() }), opts);
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.responses).toEqual([]);
    expect(await bot.state.subscriptions()).toEqual([]);
  });

  it('are rejected when malformed, and change nothing', async () => {
    const res = await postSigned(url, '{"type": "event_callback", "event": ', { secret: SECRET, contentType: 'application/json' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.calls.filter((c) => c.method.startsWith('chat.'))).toEqual([]);
  });
});

describe('untrusted article text', () => {
  it('cannot ping a channel or a user, and long answers stay inside Block Kit limits, cut between words', async () => {
    const { dir, cleanup } = seedsWithHostileArticle('Everyone look here <!channel> <!here> <@U123> & <https://evil.example|click>', 400);
    try {
      await startAdapter(dir);
      await slash('what did Jane Doe say?');
      const { body } = await fake.waitFor(() => fake.responses[0]);
      const all = JSON.stringify(body);
      expect(all).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &amp; &lt;https://evil.example|click&gt;');
      expect(all).not.toMatch(/<!channel>|<!here>|<@U123>|<https:\/\/evil/);
      const sections = (body.blocks as { type: string; text?: { text: string } }[]).filter((b) => b.type === 'section').map((b) => b.text!.text);
      const longParts = sections.filter((t) => t.includes('point'));
      expect(longParts.length).toBeGreaterThan(1);
      for (const part of longParts) expect(part).toMatch(/(matters|and)(\u201d)?$|^>\u201cpoint0|^>[a-z]/);
      everythingWithinLimits();
    } finally {
      cleanup();
    }
  });
});

describe('Socket Mode', () => {
  it('acknowledges the envelope and posts the answer', async () => {
    await startAdapter(SEEDS, { mode: 'socket', appToken: 'xapp-test', signingSecret: null });
    await fake.socketConnected();
    const envelopeId = fake.sendEnvelope({ type: 'slash_commands', payload: { command: '/brief', text: 'what did Gor say?', channel_id: 'C1', user_id: 'U1', team_id: 'T1', response_url: fake.responseUrl('socket'), trigger_id: 't' } });
    await fake.ackFor(envelopeId);
    const { body } = await fake.waitFor(() => fake.responses.find((r) => r.id === 'socket'));
    expect(JSON.stringify(body.blocks)).toContain('I am pleased to announce');
    await adapter.stop();
    await fake.waitFor(() => fake.socketCount === 0);
    adapter = undefined as unknown as SlackAdapter;
  });
});

describe('Slack settings', () => {
  it('stop the bot with the variable to fix and where to get it', () => {
    expect(loadSlackConfig({})).toBeNull();
    expect(() => loadSlackConfig({ SLACK_BOT_TOKEN: 'abc' })).toThrow(/^SLACK_BOT_TOKEN must start with xoxb-: set it to the Bot User OAuth Token/);
    expect(() => loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/Slack needs SLACK_SIGNING_SECRET .* or SLACK_APP_TOKEN/);
    expect(() => loadSlackConfig({ SLACK_SIGNING_SECRET: SECRET })).toThrow(/^SLACK_BOT_TOKEN is missing/);
    expect(() => loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET, SLACK_PORT: 'eighty' })).toThrow(/^SLACK_PORT/);
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toMatchObject({ mode: 'socket', command: '/brief', port: 3000 });
  });
});

describe('the scheduled briefing', () => {
  it('arrives once in each subscribed Slack channel', async () => {
    await startAdapter();
    const { Scheduler } = await import('../src/app/scheduler.ts');
    await bot.state.subscribe({ platform: 'slack', channel: 'C1', cron: '0 8 * * *', timezone: 'UTC', postWhenEmpty: true, createdBy: 'U1' });
    await bot.state.subscribe({ platform: 'slack', channel: 'C2', cron: '0 8 * * *', timezone: 'UTC', postWhenEmpty: true, createdBy: 'U1' });
    const scheduler = new Scheduler(bot, [adapter], { logger: silentLogger, now: () => new Date('2026-01-13T08:00:00Z') });
    await scheduler.tick();
    await scheduler.tick();
    const posts = fake.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts.map((p) => p.args.channel).sort()).toEqual(['C1', 'C2']);
    expect(posts[0]!.args.metadata).toEqual({ event_type: 'briefbot_briefing', event_payload: { key: 'slack:C1:2026-01-13T08:00:00.000Z' } });
    expect(JSON.stringify(posts[0]!.args.blocks)).toContain('India Joins US-Led Talks on Critical Minerals');
    everythingWithinLimits();
  });
});

describe('a briefing delivery retried after a crash', () => {
  it('finds the post that already went out (by its message metadata) instead of posting twice', async () => {
    await startAdapter();
    fake.handle('conversations.history', (args) => ({
      ok: true,
      messages: fake.calls
        .filter((c) => c.method === 'chat.postMessage' && c.args.channel === args.channel)
        .map((c) => ({ ts: (c.result as { ts: string }).ts, metadata: c.args.metadata })),
    }));
    const digest = await bot.digest();
    const first = await adapter.postBriefing('C1', digest, 'slack:C1:2026-01-13T08:00:00.000Z');
    const again = await adapter.postBriefing('C1', digest, 'slack:C1:2026-01-13T08:00:00.000Z');
    expect(again).toBe(first);
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });
});

describe('with an LLM configured', () => {
  it('acknowledges and answers without waiting for the model, then adds the grounded summary to the same answer', async () => {
    const { startFakeOpenAI, reply } = await import('./fakes/openai.ts');
    const openai = await startFakeOpenAI();
    try {
      openai.next({ ...reply.json({ summary: [{ sentence: 'Sergio Gor said India will be invited to join PaxSilica next month.', ids: ['q1'] }] }), delayMs: 1500 });
      bot = await Briefbot.open({ seedsDir: SEEDS, dbPath: ':memory:', llm: { apiKey: 'sk-test', baseURL: openai.url, model: 'test-model', timeoutMs: 5000, maxRetries: 1 } });
      const config: SlackConfig = { botToken: 'xoxb-test', mode: 'http', signingSecret: SECRET, appToken: null, port: 0, host: '127.0.0.1', command: '/brief', apiUrl: fake.apiUrl };
      adapter = new SlackAdapter(bot, { config, schedule: SCHEDULE, logger: silentLogger, retryConfig: FAST_RETRIES });
      await adapter.start();
      url = `http://127.0.0.1:${adapter.port}/slack/events`;
      const res = await slash('what did Gor say?');
      expect(res.ms).toBeLessThan(1000);
      const first = await fake.waitFor(() => fake.responses[0]);
      expect(JSON.stringify(first.body)).not.toContain('AI-written');
      const second = await fake.waitFor(() => fake.responses[1], 5000);
      expect(second.body.replace_original).toBe(true);
      const text = JSON.stringify(second.body.blocks);
      expect(text).toContain('Sergio Gor said India will be invited to join PaxSilica next month. [1]');
      expect(text).toContain('Summary, AI-written from the quotes below (the quotes are the record)');
      expect(text).toContain('I am pleased to announce that India will be invited to join PaxSilica'); // the quotes, from the articles
      everythingWithinLimits();
    } finally {
      await openai.close();
    }
  });
});

/** What Slack displays of mrkdwn: date tokens as their fallback, entities decoded, zero-width spaces unseen. */
function slackShows(mrkdwn: string): string {
  return mrkdwn
    .replace(/<!date\^00000000\^\{_\}\|([^>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u200b/g, '');
}

const sectionTexts = (m: SlackMessage) => (m.blocks as { type: string; text?: { text: string } }[]).filter((b) => b.type === 'section').map((b) => b.text!.text);
const contextTexts = (m: SlackMessage) => (m.blocks as { type: string; elements?: { text: string }[] }[]).filter((b) => b.type === 'context').flatMap((b) => b.elements!.map((e) => e.text));

describe('a quote from an article', () => {
  const QUOTE = 'Rates *will* fall _soon_, ~maybe~ `today` ```or not```, said snake_case_name of https://x.example/a_b_c';

  it('is shown with exactly its characters: *, _, ~ and ` are not taken as formatting, and its URL stays one link', async () => {
    const { dir, cleanup } = seedsWithHostileArticle(QUOTE, 3);
    try {
      await startAdapter(dir);
      await slash('what did Jane Doe say?');
      const { body } = await fake.waitFor(() => fake.responses[0]);
      const section = sectionTexts(body).find((t) => t.includes('Rates'))!;
      expect(slackShows(section)).toBe(`>\u201c${QUOTE}\u201d`);
      // Every formatting character reaches Slack inside a date token's fallback, which Slack shows unformatted, except
      // where Slack never formats: * and _ inside a word, and a URL (linked before formatting).
      const bare = section.replace(/<!date\^00000000\^\{_\}\|[*_~`]+>/g, '').replace('https://x.example/a_b_c', '').replace(/(?<=[A-Za-z0-9])[*_]+(?=[A-Za-z0-9])/g, '');
      expect(bare).not.toMatch(/[*_~`]/);
      expect(section).toContain('snake_case_name');
      expect(section).toContain('https://x.example/a_b_c');
      everythingWithinLimits();
    } finally {
      cleanup();
    }
  });

  it('notifies nobody with @everyone, @here, @channel, <!everyone> or <@U…>, and still shows those words', async () => {
    const hostile = 'Look @everyone @here @channel <!everyone> <!subteam^S1> <@U123|boss> now';
    const { dir, cleanup } = seedsWithHostileArticle(hostile, 3);
    try {
      await startAdapter(dir);
      await slash('what did Jane Doe say?');
      const { body } = await fake.waitFor(() => fake.responses[0]);
      const all = JSON.stringify(body);
      expect(all).not.toMatch(/@(everyone|here|channel)/i);
      expect(all).not.toMatch(/<!(?!date\^00000000\^\{_\}\|)|<@/);
      expect(sectionTexts(body).map(slackShows)).toContain(`>\u201c${hostile}\u201d`);
    } finally {
      cleanup();
    }
  });
});

describe('a citation link', () => {
  it('cannot take its label from the article\'s URL: |, <, > and spaces in the URL are percent-encoded', async () => {
    const t = tempDir();
    copySeeds(t.dir);
    writeFileSync(
      join(t.dir, 'linked.md'),
      '---\ntitle: Linked\noutlet: IANS\nurl: "https://evil.example/login|Reuters verified source"\ndate: 2026-01-14\n---\n\n' +
        'Prankster in the newsroom\n\n"We will publish the full text of the agreement on Friday," John Roe said.\n',
    );
    try {
      await startAdapter(t.dir);
      await slash('what did John Roe say?');
      const { body } = await fake.waitFor(() => fake.responses[0]);
      const links = contextTexts(body).flatMap((line) => [...line.matchAll(/<([^|>]*)\|([^>]*)>/g)].map((m) => ({ url: m[1], label: m[2] })));
      expect(links).toEqual([{ url: 'https://evil.example/login%7CReuters%20verified%20source', label: 'IANS, 14 Jan 2026' }]);
    } finally {
      t.cleanup();
    }
  });
});

describe('answers in Slack', () => {
  beforeEach(() => startAdapter());

  it('about a speaker nobody quoted are headed by the question, as other answers without a speaker are', async () => {
    await slash('what did Narendra Modi say?');
    const { body } = await fake.waitFor(() => fake.responses[0]);
    expect(body.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'what did Narendra Modi say?', emoji: false } });
    expect(slackShows(sectionTexts(body)[0]!)).toMatch(/^I found no statements by Narendra Modi/);
  });

  it('shared in the channel say who shared them in the blocks people see, not only in the hidden fallback text', async () => {
    await slash('what did Gor say?');
    const first = await fake.waitFor(() => fake.responses[0]);
    const share = first.body.blocks.find((b: { type: string }) => b.type === 'actions').elements.find((e: { action_id: string }) => e.action_id === 'brief_share');
    await postSigned(url, blockActionBody({ action_id: 'brief_share', value: share.value, user_id: 'U7', is_ephemeral: true, response_url: fake.responseUrl('share') }), { secret: SECRET });
    const posted = await fake.waitFor(() => fake.calls.find((c) => c.method === 'chat.postMessage'));
    const m = posted.args as unknown as SlackMessage;
    expect(m.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Sergio Gor' } });
    expect(contextTexts(m)[0]).toBe('<@U7> shared this');
    expect(m.text).toMatch(/^<@U7> shared: Sergio Gor/);
    everythingWithinLimits();
  });

  it('to "<@UBOT|name> help" (a mention with a label, as some clients send it) are the help', async () => {
    await postSigned(url, appMentionEvent({ text: '<@UBOT|briefbot> help' }), { secret: SECRET });
    const call = await fake.waitFor(() => fake.calls.find((c) => c.method === 'chat.postMessage'));
    expect((call.args.blocks as { text: { text: string } }[])[0]!.text.text).toBe('briefbot');
    expect(JSON.stringify(call.args.blocks)).toContain('@briefbot what did Bessent say?');
  });

  it('refused with not_in_channel tell the asker to invite the bot, not to try again later', async () => {
    fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await postSigned(url, appMentionEvent({ text: '<@UBOT> what did Gor say?' }), { secret: SECRET });
    const apology = await fake.waitFor(() => fake.calls.find((c) => c.method === 'chat.postEphemeral'));
    expect(apology.args).toMatchObject({ channel: 'C1', user: 'U1' });
    expect(String(apology.args.text)).toContain('/invite @briefbot');
    expect(String(apology.args.text)).not.toMatch(/try again in a minute/i);
  });
});

describe('response_url uses', () => {
  const MINUTE = 60_000;

  it('are five per URL, and a URL is usable again once its thirty minutes are up', () => {
    const uses = new ResponseUrlUses();
    expect(Array.from({ length: 6 }, () => uses.take('https://hooks.example/1', 0))).toEqual([true, true, true, true, true, false]);
    expect(uses.take('https://hooks.example/1', 29 * MINUTE)).toBe(false);
    expect(uses.take('https://hooks.example/1', 31 * MINUTE)).toBe(true);
  });

  it('are not remembered past a URL\'s thirty minutes, nor for more than a bounded number of URLs', () => {
    const uses = new ResponseUrlUses(500);
    for (let i = 0; i < 2000; i++) uses.take(`https://hooks.example/${i}`, i);
    expect(uses.size).toBeLessThanOrEqual(500);
    expect(uses.take('https://hooks.example/1999', 2000)).toBe(true); // the newest are kept
    uses.take('https://hooks.example/late', 31 * MINUTE + 2000);
    expect(uses.size).toBe(1);
  });
});
