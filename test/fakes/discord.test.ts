// Proves the Discord fake against the real discord.js Client (no network beyond 127.0.0.1).
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ApplicationCommandOptionType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
} from 'discord.js';
import { APP_ID, BOT_ID, CHANNEL_ID, GUILD_ID, USER_ID, startFakeDiscord, type FakeDiscord } from './discord.ts';

const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];

let fake: FakeDiscord;
let client: Client | undefined;

async function connect(intents: GatewayIntentBits[] = INTENTS): Promise<Client> {
  client = new Client({ intents, rest: { api: fake.restUrl } });
  const ready = once(client, Events.ClientReady); // fires after GUILD_CREATE, later than login() resolving
  await client.login('fake-token');
  await ready;
  return client;
}

function next<T>(c: Client, event: string): Promise<T> {
  return new Promise((resolve) => c.once(event, (value: T) => resolve(value)));
}

beforeEach(async () => {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 250 }); // short, so the heartbeat check is quick
});

afterEach(async () => {
  await client?.destroy(); // before fake.close(), so the client does not try to reconnect
  client = undefined;
  await fake.close();
});

describe('fake discord with the real discord.js client', () => {
  it('(a) logs in, emits ClientReady, caches guild and channel', async () => {
    const started = Date.now();
    const c = await connect();
    expect(Date.now() - started).toBeLessThan(1000); // typically ~50ms: no identify throttle or guild wait
    expect(c.user?.id).toBe(BOT_ID);
    expect(c.user?.bot).toBe(true);
    expect(c.application?.id).toBe(APP_ID);
    const guild = c.guilds.cache.get(GUILD_ID);
    expect(guild?.available).toBe(true);
    const channel = c.channels.cache.get(CHANNEL_ID);
    expect(channel?.isTextBased()).toBe(true);
    expect(channel && 'name' in channel ? channel.name : undefined).toBe('general');
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /gateway/bot');
    const identify = fake.gatewayReceived.find((f) => f.op === 2);
    expect(identify?.d).toMatchObject({ token: 'fake-token', intents: GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages, shard: [0, 1] });
    // Heartbeats (first after interval * jitter) are answered, so the client records a ping.
    await fake.waitFor(() => fake.gatewayReceived.some((f) => f.op === 1), 1000);
  });

  it('(b) delivers a mention and records the reply', async () => {
    const c = await connect();
    const received = next<Message>(c, Events.MessageCreate);
    const sent = fake.messageCreate({ content: 'what did the minister say?', mentionsBot: true });
    const msg = await received;
    expect(msg.id).toBe(sent.id);
    expect(msg.content).toBe(`<@${BOT_ID}> what did the minister say?`);
    expect(msg.mentions.has(c.user!)).toBe(true);
    expect(msg.author.id).toBe(USER_ID);
    expect(msg.guildId).toBe(GUILD_ID);

    const reply = await msg.reply({ content: 'Here is the brief.', allowedMentions: { parse: [] } });
    expect(reply.author.id).toBe(BOT_ID);
    expect(reply.reference?.messageId).toBe(msg.id);
    const req = fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL_ID}/messages`);
    expect(req?.headers.authorization).toBe('Bot fake-token');
    expect(req?.body).toMatchObject({
      content: 'Here is the brief.',
      allowed_mentions: { parse: [] },
      message_reference: { message_id: msg.id },
    });
  });

  it('(b2) without MESSAGE_CONTENT, non-mentions arrive with empty content (as on Discord)', async () => {
    const c = await connect();
    const received = next<Message>(c, Events.MessageCreate);
    fake.messageCreate({ content: 'chatter between humans' });
    expect((await received).content).toBe('');
  });

  it('(c) slash command: deferReply then editReply hit callback and @original', async () => {
    const c = await connect();
    const received = next<Interaction>(c, Events.InteractionCreate);
    const { id, token } = fake.interactionCreate({
      commandName: 'brief',
      options: [{ name: 'question', type: 3, value: 'who said what on tariffs?' }],
    });
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a ChatInputCommandInteraction');
    expect(interaction.commandName).toBe('brief');
    expect(interaction.options.getString('question')).toBe('who said what on tariffs?');
    expect(interaction.user.id).toBe(USER_ID);
    expect(interaction.channelId).toBe(CHANNEL_ID);

    await interaction.deferReply();
    const cb = fake.requests.find((r) => r.path === `/interactions/${id}/${token}/callback`);
    expect(cb?.method).toBe('POST');
    expect(cb?.status).toBe(204);
    expect(cb?.query).toEqual({ with_response: 'false' });
    expect(cb?.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(cb?.headers.authorization).toBeUndefined(); // interaction routes are unauthenticated

    const edited = await interaction.editReply({ embeds: [{ title: 'Brief', description: 'Quotes…' }] });
    expect(edited.embeds[0]?.title).toBe('Brief');
    const patch = fake.requests.find((r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${token}/messages/@original`);
    expect(patch?.body).toMatchObject({ embeds: [{ title: 'Brief', description: 'Quotes…' }] });

    const follow = await interaction.followUp({ content: 'Sources: …' });
    expect(follow.content).toBe('Sources: …');
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', path: `/webhooks/${APP_ID}/${token}`, query: { wait: 'true' } });

    // discord.js refuses a second ack locally; bypassing it, the fake answers like Discord (40060).
    expect(await interaction.reply({ content: 'x' }).catch((e: unknown) => e)).toBeInstanceOf(Error);
    const raw = await c.rest
      .post(`/interactions/${id}/${token}/callback`, { body: { type: 4, data: { content: 'x' } }, auth: false })
      .catch((e: unknown) => e);
    expect((raw as DiscordAPIError).code).toBe(40060);
  });

  it('(c2) button click: update() is callback type 7; withResponse returns the resource', async () => {
    const c = await connect();
    const channel = c.channels.cache.get(CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const posted = await channel.send({
      content: 'Pick one',
      components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'more', label: 'More' }] }],
    });
    const received = next<Interaction>(c, Events.InteractionCreate);
    const { id } = fake.buttonInteraction({ customId: 'more', messageId: posted.id });
    const interaction = await received;
    if (!interaction.isButton()) throw new Error('expected a ButtonInteraction');
    expect(interaction.customId).toBe('more');
    expect(interaction.message.id).toBe(posted.id);
    const res = await interaction.update({ content: 'Updated', components: [], withResponse: true });
    expect(res.resource?.message?.content).toBe('Updated');
    const cb = fake.requests.find((r) => r.path.startsWith(`/interactions/${id}/`));
    expect(cb).toMatchObject({ status: 200, query: { with_response: 'true' }, body: { type: 7, data: { content: 'Updated' } } });
  });

  it('(c3) an ack after the deadline gets 10062 Unknown interaction', async () => {
    await fake.close();
    fake = await startFakeDiscord({ ackDeadlineMs: 50 });
    const c = await connect();
    const received = next<Interaction>(c, Events.InteractionCreate);
    fake.interactionCreate({ options: [{ name: 'question', type: 3, value: 'q' }] });
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a command');
    await new Promise((r) => setTimeout(r, 80));
    const err = await interaction.deferReply().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscordAPIError);
    expect((err as DiscordAPIError).code).toBe(10062); // Unknown interaction: missed the ack deadline
  });

  it('(d) a 429 on POST messages is waited out and retried by @discordjs/rest', async () => {
    const c = await connect();
    const channel = c.channels.cache.get(CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const path = `/channels/${CHANNEL_ID}/messages`;
    fake.rateLimitNext(`POST ${path}`, { retryAfterSeconds: 0.2 });
    const limited: unknown[] = [];
    c.rest.on('rateLimited', (info) => limited.push(info));
    const started = Date.now();
    const sent = await channel.send('after the limit');
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(sent.content).toBe('after the limit');
    expect(fake.requests.filter((r) => r.path === path).map((r) => r.status)).toEqual([429, 200]);
    expect(limited.length).toBeGreaterThan(0);

    // 5xx: retried immediately (up to `retries`, default 3).
    fake.failNext(`POST ${path}`, 500, 2);
    await channel.send('after two 500s');
    expect(fake.requests.filter((r) => r.path === path).map((r) => r.status)).toEqual([429, 200, 500, 500, 200]);

    // Global 429 also waits.
    fake.rateLimitNext(`POST ${path}`, { retryAfterSeconds: 0.1, global: true });
    await channel.send('after a global limit');
    expect(fake.requests.filter((r) => r.path === path).slice(-2).map((r) => r.status)).toEqual([429, 200]);
  });

  it('(e) close code 4014 after READY: shardError + shardDisconnect, no reconnect', async () => {
    const c = await connect();
    const disconnect = once(c, Events.ShardDisconnect) as Promise<[{ code: number }, number]>;
    const shardError = once(c, Events.ShardError) as Promise<[Error, number]>;
    expect(fake.closeGateway(4014)).toBe(1);
    const [[event, shardId], [error]] = await Promise.all([disconnect, shardError]);
    expect(event.code).toBe(4014);
    expect(shardId).toBe(0);
    expect(error.message).toBe('Used disallowed intents');
    await new Promise((r) => setTimeout(r, 700)); // recoverable codes reconnect after 500ms; 4014 must not
    expect(fake.gatewayReceived.filter((f) => f.op === 2 || f.op === 6)).toHaveLength(1);
  });

  it('(e2) privileged intent not enabled: login() rejects with "Used disallowed intents"', async () => {
    await fake.close();
    fake = await startFakeDiscord({ allowedPrivilegedIntents: 0 });
    client = new Client({ intents: [...INTENTS, GatewayIntentBits.MessageContent], rest: { api: fake.restUrl } });
    const disconnect = once(client, Events.ShardDisconnect) as Promise<[{ code: number }]>;
    await expect(client.login('fake-token')).rejects.toThrow('Used disallowed intents');
    expect((await disconnect)[0].code).toBe(4014);
  });

  it('(e3) a resumable close (4000) makes the client resume on resume_gateway_url', async () => {
    const c = await connect();
    fake.closeGateway(4000);
    await fake.waitFor(() => fake.gatewayReceived.some((f) => f.op === 6), 3000);
    await fake.ready();
    const received = next<Message>(c, Events.MessageCreate);
    fake.messageCreate({ content: 'after resume', mentionsBot: true });
    expect((await received).content).toContain('after resume');
  });

  it('(f) commands.set(..., GUILD_ID) hits the guild bulk-overwrite route', async () => {
    const c = await connect();
    const set = await c.application!.commands.set(
      [{
        name: 'brief',
        description: 'Ask for a briefing',
        options: [{ type: ApplicationCommandOptionType.String, name: 'question', description: 'Your question', required: true }],
      }],
      GUILD_ID,
    );
    const cmd = set.first();
    expect(cmd?.name).toBe('brief');
    expect(cmd?.guildId).toBe(GUILD_ID);
    const req = fake.requests.find((r) => r.method === 'PUT');
    expect(req?.path).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(req?.body).toMatchObject([{ name: 'brief', options: [{ type: 3, name: 'question', required: true }] }]);

    // Interactions for a registered command carry its id.
    const received = next<Interaction>(c, Events.InteractionCreate);
    fake.interactionCreate({ commandName: 'brief', options: [{ name: 'question', type: 3, value: 'q' }] });
    const interaction = await received;
    expect(interaction.isChatInputCommand() && interaction.commandId).toBe(cmd?.id);
    const fetched = await c.application!.commands.fetch({ guildId: GUILD_ID });
    expect([...fetched.keys()]).toEqual([cmd?.id]);
  });

  it('rejects empty and over-long messages like Discord', async () => {
    const c = await connect();
    const channel = c.channels.cache.get(CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const tooLong = await channel.send('x'.repeat(2001)).catch((e: unknown) => e);
    expect((tooLong as DiscordAPIError).code).toBe(50035);
    const empty = await channel.send({ embeds: [] , content: '' }).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(Error);
  });

  it('multipart uploads: body is payload_json, files are listed', async () => {
    const c = await connect();
    const channel = c.channels.cache.get(CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error('channel not sendable');
    const sent = await channel.send({ content: 'brief attached', files: [{ attachment: Buffer.from('# Brief'), name: 'brief.md' }] });
    expect(sent.attachments.first()?.name).toBe('brief.md');
    const req = fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL_ID}/messages`);
    expect(req?.body).toMatchObject({ content: 'brief attached', attachments: [{ id: '0' }] });
    expect(req?.files).toMatchObject([{ field: 'files[0]', filename: 'brief.md', size: 7 }]);
  });
});
