// What "watch", "unwatch" and "watches" do in a channel. A watch names a speaker (matched, when articles arrive, as
// "what did … say?" would match them) or a phrase (matched in the words of new quotes). It alerts only on articles
// indexed after it was made, so adding one never floods a channel with what was already there.
import type { Briefbot } from '../bot.ts';
import type { WatchTerm } from '../commands.ts';
import type { Watch } from '../state/state.ts';
import type { Where } from '../app/conversation.ts';
import { resolveSpeaker } from '../answer/resolve.ts';
import { watchLabel } from '../present.ts';

/** At most this many watches per channel: each is checked against every new article. */
export const MAX_WATCHES_PER_CHANNEL = 50;
const MAX_TERM = 100;

export async function addWatch(bot: Briefbot, where: Where, w: WatchTerm): Promise<string> {
  if (w.term.length > MAX_TERM) return `That is too long to watch: name a speaker or a phrase in at most ${MAX_TERM} characters.`;
  const existing = await bot.state.watches(where.platform, where.channel);
  if (existing.length >= MAX_WATCHES_PER_CHANNEL && !existing.some((x) => x.kind === w.kind && x.term.toLowerCase() === w.term.toLowerCase())) {
    return `This channel already has ${MAX_WATCHES_PER_CHANNEL} watches, the most it may have: "unwatch" one first ("watches" lists them).`;
  }
  const { watch, added } = await bot.state.addWatch({
    platform: where.platform, channel: where.channel, kind: w.kind, term: w.term, createdBy: where.user, sinceArticle: await bot.latestArticleId(),
  });
  const what = describeWatch(watch);
  if (!added) return `This channel is already watching ${what}.`;
  if (w.kind === 'phrase') return `Watching ${what}: this channel gets a post when a newly indexed quote says it.`;
  const ids = await resolveSpeaker(bot.store, w.term);
  if (ids.length === 0) return `Watching ${what}: no one by that name is quoted yet. This channel gets a post when they are.`;
  const names = (await Promise.all(ids.slice(0, 3).map((id) => bot.store.speaker(id)))).map((s) => s?.name).filter(Boolean);
  return `Watching ${what} (${names.join(', ')}${ids.length > 3 ? ', …' : ''}): this channel gets a post when newly indexed articles quote them.`;
}

export async function removeWatch(bot: Briefbot, where: Where, w: WatchTerm): Promise<string> {
  const removed = await bot.state.removeWatch(where.platform, where.channel, w.kind, w.term);
  return removed ? `Stopped watching ${describeWatch(w)} in this channel.` : `This channel was not watching ${describeWatch(w)}; "watches" lists what it watches.`;
}

export async function listWatches(bot: Briefbot, where: Where): Promise<string> {
  const watches = await bot.state.watches(where.platform, where.channel);
  if (watches.length === 0) return 'This channel watches nothing yet. "watch Bessent" posts here when newly indexed articles quote someone; "watch "rare earths"" when a new quote says a phrase.';
  return [`This channel watches ${watches.length === 1 ? 'one thing' : `${watches.length} things`}:`, ...watches.map((w) => `\u2022 ${describeWatch(w)} (since ${w.createdAt.slice(0, 10)}${w.createdBy ? `, by ${w.createdBy}` : ''})`)].join('\n');
}

/** "Bessent" for a speaker, "the phrase “rare earths”" for a phrase: an alert's label, said in a sentence. */
export function describeWatch(w: Pick<Watch, 'kind' | 'term'>): string {
  return w.kind === 'phrase' ? `the phrase ${watchLabel(w)}` : watchLabel(w);
}
