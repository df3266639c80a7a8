// An in-memory chat platform (Hubot's test adapter, in spirit): it records what would have been posted and can be
// told to fail, so the scheduler's delivery rules can be tested without a network.
import type { ChatAdapter } from '../../src/app/ports.ts';
import type { Platform } from '../../src/state/state.ts';
import type { Digest } from '../../src/types.ts';

export class MemoryAdapter implements ChatAdapter {
  readonly posts: { channel: string; digest: Digest; key: string; id: string }[] = [];
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
}
