// An in-memory chat platform (Hubot's test adapter, in spirit): it records what would have been posted and can be
// told to fail, so the scheduler's delivery rules can be tested without a network. MemoryChat adds the inbound side:
// events go to the conversation core and replies are recorded, so the adapter contract runs on it too.
import type { ChatAdapter, Inbound, ReplyPort } from '../../src/app/ports.ts';
import type { Platform } from '../../src/state/state.ts';
import type { Digest } from '../../src/types.ts';
import type { Briefbot } from '../../src/bot.ts';
import { Conversation, pageToken, type ConversationOptions, type Reply } from '../../src/app/conversation.ts';
import { DEFAULT_SCHEDULE } from '../../src/schedule/subscription.ts';
import { silentLogger } from '../../src/log.ts';
import { helpEntries } from '../../src/commands.ts';
import { alertTitle, answerTitle, burstTitle, citationLabel, quoteSpeaker, reportedEnd, reportedLead } from '../../src/present.ts';
import { distinctWatches, type AlertPost } from '../../src/alerts/match.ts';
import type { Quote } from '../../src/types.ts';

export class MemoryAdapter implements ChatAdapter {
  readonly posts: { channel: string; digest: Digest; key: string; id: string }[] = [];
  readonly alerts: { channel: string; alert: AlertPost; key: string; id: string }[] = [];
  /** Posts to fail before succeeding again, with this error. */
  failures: Error[] = [];
  /** Called before a post; a test can hang or throw here to simulate a crash mid-post. */
  beforePost: (() => Promise<void>) | null = null;

  constructor(readonly platform: Platform = 'slack') {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async postBriefing(channel: string, digest: Digest, key: string): Promise<string> {
    await this.beforePost?.();
    const failure = this.failures.shift();
    if (failure) throw failure;
    const id = `m${this.posts.length + 1}`;
    this.posts.push({ channel, digest, key, id });
    return id;
  }

  /** Alerts are recorded, failed and hung like briefings (the same `failures` and `beforePost`). */
  async postAlert(channel: string, alert: AlertPost, key: string): Promise<string> {
    await this.beforePost?.();
    const failure = this.failures.shift();
    if (failure) throw failure;
    const id = `a${this.alerts.length + 1}`;
    this.alerts.push({ channel, alert, key, id });
    return id;
  }
}

/** An alert as plain text, with the core's own wording: its heading, then each quote as replyText shows one. */
export function alertText(a: AlertPost): string {
  const title = a.burst ? burstTitle(a.items.length, distinctWatches(a.items)) : alertTitle(a.items[0]?.watches ?? []);
  const lines = [title];
  a.items.forEach((item, i) => {
    if (a.burst) lines.push(alertTitle(item.watches));
    lines.push(...quoteLines(item.quote, i + 1));
  });
  return lines.join('\n');
}

function quoteLines(q: Quote, n: number): string[] {
  const words = q.kind === 'reported' ? `${reportedLead(q)} ${q.text}${reportedEnd(q.text)}` : `\u201c${q.text}\u201d \u2014 ${quoteSpeaker(q)}`;
  return [`${n}. ${words}`, `   ${q.citations.map(citationLabel).join('; ')}`];
}

/** What the in-memory chat platform received: the core's Reply itself, where it went, and a plain-text reading. */
export interface MemoryMessage {
  channel: string;
  reply: Reply;
  text: string;
  /** True when it replaced an earlier reply (the summary follow-up), as an edit would on a chat platform. */
  edit: boolean;
}

/** A "button" of the in-memory platform: the Inbound input that pressing it delivers. */
export type MemoryButton = { kind: 'more'; input: { more: string } } | { kind: 'share'; input: { share: string } };

/**
 * The in-memory chat platform: events go straight to the conversation core (Conversation.handle, which every real
 * adapter hands its events to) and each reply is recorded through a ReplyPort as the Reply object itself. Briefings
 * are posted and recorded as by MemoryAdapter. Nothing is rendered: it shows what every renderer is given.
 */
export class MemoryChat extends MemoryAdapter {
  readonly messages: MemoryMessage[] = [];
  private readonly conversation: Conversation;

  constructor(bot: Briefbot, platform: Platform = 'memory', options: Partial<ConversationOptions> = {}) {
    super(platform);
    this.conversation = new Conversation(bot, { schedule: DEFAULT_SCHEDULE, logger: silentLogger, ...options });
  }

  /** Delivers one event; resolves, with the replies to it, once the core has finished with it. */
  async deliver(event: Omit<Inbound, 'platform'>): Promise<MemoryMessage[]> {
    const from = this.messages.length;
    await this.conversation.handle({ ...event, platform: this.platform }, this.port(event.channel));
    return this.messages.slice(from);
  }

  /** A recording ReplyPort for one channel: a reply's number is what it is edited by. */
  port(channel: string): ReplyPort<number> {
    const record = (reply: Reply, edit: boolean) => this.messages.push({ channel, reply, text: replyText(reply), edit });
    return {
      send: async (reply) => record(reply, false) - 1,
      edit: async (_sent, reply) => void record(reply, true),
    };
  }
}

/** The buttons a reply offers: the next page while quotes remain, and sharing an answer not yet shared. */
export function replyButtons(r: Reply): MemoryButton[] {
  if (r.type !== 'answer') return [];
  const next = r.offset + r.answer.quotes.length;
  const buttons: MemoryButton[] = [];
  if (next < r.answer.total && r.answer.quotes.length > 0) buttons.push({ kind: 'more', input: { more: pageToken(r.pageId, next) } });
  if (!r.sharedBy && r.answer.quotes.length + r.answer.passages.length > 0) buttons.push({ kind: 'share', input: { share: pageToken(r.pageId, r.offset) } });
  return buttons;
}

/** A reply as plain text, with the core's own wording (src/present.ts) and no markup: the words every renderer gets. */
export function replyText(r: Reply): string {
  switch (r.type) {
    case 'help':
      return helpEntries('').map((e) => `${e.usage} \u2014 ${e.what}`).join('\n');
    case 'answer': {
      const a = r.answer;
      const lines = [...(r.sharedBy ? [`Shared by ${r.sharedBy}`] : []), answerTitle(a), a.answer];
      a.quotes.forEach((q, i) => lines.push(...quoteLines(q, r.offset + i + 1)));
      for (const p of a.passages) lines.push(`${p.text}`, `   ${citationLabel(p.citation)}`);
      return lines.join('\n');
    }
    case 'sources':
      return [
        `${r.total} indexed articles`,
        ...r.sources.map((s) => `${s.title ?? s.file} [${s.file}]`),
        ...r.skipped.map((s) => `skipped ${s.file}: ${s.reason}`),
      ].join('\n');
    case 'speakers':
      return [`${r.total} speakers`, ...r.speakers.map((s) => `${s.name}${s.role ? `, ${s.role}` : ''}: ${s.quotes} quotes in ${s.articles} articles`)].join('\n');
    case 'digest':
      return r.digest.text;
    case 'notice':
      return r.text;
  }
}
