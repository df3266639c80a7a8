// Slack settings from the environment. Absent SLACK_BOT_TOKEN means Slack is off; anything present is checked,
// and a wrong value stops the bot with the variable's name and where to get it.
import { z } from 'zod';
import { ConfigError, optionalSettings } from '../../src/config.ts';

export interface SlackConfig {
  botToken: string;
  mode: 'http' | 'socket';
  signingSecret: string | null;
  appToken: string | null;
  port: number;
  host: string;
  command: string;
  apiUrl: string | null;
}

const WHERE = {
  SLACK_BOT_TOKEN: 'the Bot User OAuth Token (xoxb-…) from api.slack.com/apps → your app → OAuth & Permissions',
  SLACK_SIGNING_SECRET: 'the Signing Secret from api.slack.com/apps → your app → Basic Information → App Credentials',
  SLACK_APP_TOKEN: 'an App-Level Token (xapp-…) with the connections:write scope, from Basic Information → App-Level Tokens',
  SLACK_PORT: 'a port number for the HTTP receiver, e.g. 3000',
  SLACK_HOST: 'the address to listen on, e.g. 0.0.0.0',
  SLACK_COMMAND: 'the slash command as created in the app, e.g. /brief',
  SLACK_API_URL: 'a URL such as https://slack.com/api/ (only for GovSlack or testing)',
} as const;

const SlackEnv = z.object({
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-\S+$/, 'must start with xoxb-'),
  SLACK_SIGNING_SECRET: z.string().regex(/^[0-9a-f]{16,}$/i, 'must be the hexadecimal signing secret').optional(),
  SLACK_APP_TOKEN: z.string().regex(/^xapp-\S+$/, 'must start with xapp-').optional(),
  SLACK_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_HOST: z.string().min(1).default('0.0.0.0'),
  SLACK_COMMAND: z.string().regex(/^\/[\w-]{1,31}$/, 'must look like /brief').default('/brief'),
  SLACK_API_URL: z.url().optional(),
});

export function loadSlackConfig(env: NodeJS.ProcessEnv = process.env): SlackConfig | null {
  const c = optionalSettings(env, { switch: 'SLACK_BOT_TOKEN', related: ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'], schema: SlackEnv, where: WHERE });
  if (!c) return null;
  if (!c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    throw new ConfigError(`Slack needs SLACK_SIGNING_SECRET (${WHERE.SLACK_SIGNING_SECRET}) for HTTP mode, or SLACK_APP_TOKEN (${WHERE.SLACK_APP_TOKEN}) for Socket Mode.`);
  }
  return {
    botToken: c.SLACK_BOT_TOKEN,
    mode: c.SLACK_APP_TOKEN ? 'socket' : 'http',
    signingSecret: c.SLACK_SIGNING_SECRET ?? null,
    appToken: c.SLACK_APP_TOKEN ?? null,
    port: c.SLACK_PORT,
    host: c.SLACK_HOST,
    command: c.SLACK_COMMAND,
    apiUrl: c.SLACK_API_URL ?? null,
  };
}
