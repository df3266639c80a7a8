// Discord settings from the environment. Absent DISCORD_TOKEN means Discord is off; anything present is checked,
// and a wrong value stops the bot with the variable's name and where to get it.
import { z } from 'zod';
import { optionalSettings } from '../../src/config.ts';

export interface DiscordConfig {
  token: string;
  /** Null: taken from the client after login (apps created since 2020 share the bot user's id). */
  applicationId: string | null;
  /** The development server that register.ts installs /brief into (instantly) instead of globally. */
  guildId: string | null;
  /** REST base such as https://discord.com/api (tests point it at a loopback Discord). */
  apiUrl: string | null;
}

const WHERE = {
  DISCORD_TOKEN: 'the bot token from discord.com/developers/applications → your application → Bot → Reset Token',
  DISCORD_APPLICATION_ID: 'the Application ID from discord.com/developers/applications → your application → General Information',
  DISCORD_GUILD_ID: 'a server id (User Settings → Advanced → Developer Mode, then right-click the server → Copy Server ID)',
  DISCORD_API_URL: 'a URL such as https://discord.com/api (only for testing)',
} as const;

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a numeric Discord id');

const DiscordEnv = z.object({
  // Three dot-separated parts; the client secret and the public key (common mix-ups) have none.
  DISCORD_TOKEN: z
    .string()
    .refine((t) => !/^(Bot|Bearer)\s/i.test(t), 'must be the token alone, without "Bot "')
    .refine((t) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(t), 'must be the bot token (three parts separated by dots), not the client secret or public key'),
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_URL: z.url().optional(),
});

export function loadDiscordConfig(env: NodeJS.ProcessEnv = process.env): DiscordConfig | null {
  const c = optionalSettings(env, { switch: 'DISCORD_TOKEN', related: ['DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID'], schema: DiscordEnv, where: WHERE });
  if (!c) return null;
  return {
    token: c.DISCORD_TOKEN,
    applicationId: c.DISCORD_APPLICATION_ID ?? null,
    guildId: c.DISCORD_GUILD_ID ?? null,
    apiUrl: c.DISCORD_API_URL ?? null,
  };
}
