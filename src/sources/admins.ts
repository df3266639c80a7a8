// Who may add and remove polled sources from chat: a source makes the bot fetch a URL, so only the people a setting
// names may add one (BRIEFBOT_SOURCE_ADMINS="slack:U012AB3CD,discord:123456789012345678"). The console and the CLI
// are run by whoever runs the bot, and may.

/** Platforms whose user is the operator at the keyboard, not a chat member. */
const LOCAL = new Set(['console', 'cli']);

export type SourceAdmins = ReadonlySet<string>;

/** "slack:U1, discord:42" → the set of platform:user pairs; a bare id counts on every platform. */
export function parseSourceAdmins(setting: string | undefined): SourceAdmins {
  return new Set((setting ?? '').split(/[\s,]+/).map((s) => s.trim()).filter(Boolean));
}

export function mayManageSources(admins: SourceAdmins, platform: string, user: string | null): boolean {
  if (LOCAL.has(platform)) return true;
  return user !== null && (admins.has(`${platform}:${user}`) || admins.has(user));
}

/** The refusal, naming the setting an administrator changes. */
export function notAnAdmin(platform: string, user: string | null): string {
  return `Only source admins can add or remove sources${user ? ` (you are ${platform}:${user})` : ''}. An administrator can add you with BRIEFBOT_SOURCE_ADMINS=${platform}:${user ?? 'USER_ID'}; anyone can ask about what the sources brought, and "sources" shows them.`;
}
