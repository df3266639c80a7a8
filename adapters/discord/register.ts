// /brief as a Discord application command, and the script that installs it (commands are registered once, not at
// every start):
//   npx tsx adapters/discord/register.ts              the DISCORD_GUILD_ID server if set (instant), else globally
//   npx tsx adapters/discord/register.ts --guild ID   one server, for development: available at once
//   npx tsx adapters/discord/register.ts --global     every server the bot is in (production)
//   add --clear to remove the commands from that scope (e.g. the development copy once the global one is live)
// Reads DISCORD_TOKEN, DISCORD_APPLICATION_ID (else asked of Discord), DISCORD_GUILD_ID and DISCORD_API_URL.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  DiscordAPIError,
  InteractionContextType,
  OAuth2Scopes,
  PermissionFlagsBits,
  REST,
  Routes,
  type APIApplicationCommand,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { ConfigError } from '../../src/config.ts';
import { loadDiscordConfig } from './config.ts';

export const COMMAND_NAME = 'brief';
export const QUESTION_OPTION = 'question';

/**
 * One command with one free-text option, so "/brief question: help", "… sources", "… subscribe 08:00 UTC" and
 * "… what did Bessent say?" go through the same parser as Slack's /brief and @mentions.
 */
export const COMMANDS: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  {
    type: ApplicationCommandType.ChatInput,
    name: COMMAND_NAME,
    description: 'Who said what, verbatim and cited. Also: help, sources, speakers, digest, subscribe, unsubscribe',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: QUESTION_OPTION,
        description: 'e.g. "what did Bessent say?", or help, sources, speakers, digest, subscribe 08:00 UTC',
        required: true,
        max_length: 500,
      },
    ],
    // Server channels only: the bot answers mentions there, and briefings are subscribed per channel.
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  },
];

/** What the bot needs in a channel: see it, post and reply (replies need the history), embeds, threads. */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory;

export function inviteUrl(appId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${appId}&scope=${OAuth2Scopes.Bot}+${OAuth2Scopes.ApplicationsCommands}&permissions=${BOT_PERMISSIONS}`;
}

/** Replaces the application's commands in one server (instant) or globally; returns them as Discord stored them. */
export async function registerCommands(rest: REST, appId: string, guildId?: string, commands = COMMANDS): Promise<APIApplicationCommand[]> {
  const route = guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId);
  return (await rest.put(route, { body: commands })) as APIApplicationCommand[];
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { guild: { type: 'string' }, global: { type: 'boolean' }, clear: { type: 'boolean' } } });
  const config = loadDiscordConfig();
  if (!config) throw new ConfigError('DISCORD_TOKEN is not set: set it to the bot token from discord.com/developers/applications → your application → Bot → Reset Token.');
  const guildId = values.global ? undefined : (values.guild ?? config.guildId ?? undefined);
  if (guildId !== undefined && !/^\d{17,20}$/.test(guildId)) throw new ConfigError(`--guild must be a numeric server id, not "${guildId}".`);
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const appId = config.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  let done: APIApplicationCommand[];
  try {
    done = await registerCommands(rest, appId, guildId, values.clear ? [] : COMMANDS);
  } catch (err) {
    if (err instanceof DiscordAPIError && err.code === 50001) {
      throw new Error(`Missing Access (50001): the bot is not in server ${guildId}, or was invited without the applications.commands scope. Invite it with ${inviteUrl(appId)}`);
    }
    throw err;
  }
  const where = guildId ? `in server ${guildId}` : 'globally';
  if (values.clear) {
    process.stdout.write(`Removed briefbot's commands ${where}.\n`);
    return;
  }
  process.stdout.write(`Registered ${done.map((c) => `/${c.name}`).join(', ')} ${where}${guildId ? ' (available now)' : ' (every server the bot is in)'}.\n`);
  process.stdout.write(`Invite the bot with: ${inviteUrl(appId)}\n`);
}

function explain(err: unknown): string {
  if (err instanceof DiscordAPIError) {
    if (err.status === 401) return 'Discord rejected DISCORD_TOKEN (401): reset it at discord.com/developers/applications → your application → Bot → Reset Token.';
    return `${err.message} (${err.status} ${err.method} ${err.url})`;
  }
  return (err as Error).message ?? String(err);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    await main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`briefbot: could not register the Discord commands: ${explain(err)}\n`);
    process.exitCode = 1;
  }
}
