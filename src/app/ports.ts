// The whole surface a chat platform has to offer briefbot: start, stop, and post a briefing. Everything else an
// adapter does (answering commands and mentions) happens inside it, through ./conversation.ts.
import type { Digest } from '../src/types.ts';
import type { Platform } from '../src/state/state.ts';

export interface ChatAdapter {
  readonly platform: Platform;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Posts a briefing to a channel and returns the platform's message id. `key` names this briefing uniquely
   * (channel and slot), so a delivery retried after a crash can be recognised instead of posted twice.
   */
  postBriefing(channel: string, digest: Digest, key: string): Promise<string>;
}
