// What the core needs of a chat platform, and what it hands one. An adapter (adapters/<platform>/) implements these
// over its SDK: transport and rendering only; what is said, to whom and how often is decided in ./conversation.ts.
import type { Digest } from '../types.ts';
import type { Platform } from '../state/state.ts';
import type { Reply } from './conversation.ts';
import type { AlertPost } from '../alerts/match.ts';

/** A platform as the scheduler sees it: started, stopped, and a place to post briefings and alerts. */
export interface ChatAdapter {
  readonly platform: Platform;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Posts a briefing to a channel and returns the platform's message id. `key` names this briefing uniquely
   * (channel and slot), so a delivery retried after a crash can be recognised instead of posted twice.
   */
  postBriefing(channel: string, digest: Digest, key: string): Promise<string>;
  /**
   * Posts an alert (a watched speaker quoted, a watched phrase said; or a burst of them as one post) and returns the
   * platform's message id. `key` names it uniquely (channel and alert), as for postBriefing.
   */
  postAlert(channel: string, alert: AlertPost, key: string): Promise<string>;
}

/** One thing a person did in a chat, in the same shape whatever the platform. */
export interface Inbound {
  /** The adapter's name ("slack", "discord", "console"): pages, events and subscriptions are kept per platform. */
  platform: Platform;
  channel: string;
  user: string | null;
  /** The platform's id of this delivery: a redelivered one (a retry, a replayed gateway event) is answered once. */
  eventId?: string;
  /** Typed text (a command, or a mention without the mention); or a button: the next page of an answer, or sharing it. */
  input: { text: string } | { more: string } | { share: string };
}

/** How an adapter delivers the replies to one inbound event. */
export interface ReplyPort<Sent> {
  /** Called once it is known that an answer will be computed, before computing it (a deferred acknowledgement). */
  acknowledge?(): Promise<void>;
  /** Sends a reply; returns what it can be edited by, or null when it could not be delivered (the adapter has said why). */
  send(reply: Reply): Promise<Sent | null>;
  /** Replaces a sent reply by a better one: the same answer with its grounded summary. */
  edit(sent: Sent, reply: Reply): Promise<void>;
}
