// Answers are computed after the platform's acknowledgement, a few at a time, each started from setImmediate so
// that newly arrived requests are read and acknowledged in between. Without this, a burst of questions keeps the
// event loop busy answering and later requests wait for their acknowledgement (Slack and Discord allow 3 s).
// Hand-written: limiters such as p-limit bound concurrency but do not yield to pending I/O between tasks.
import { setImmediate as yieldToIo } from 'node:timers/promises';

export class AnswerQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /** `depth` hears each task enter (+1) and leave (-1): the queue-depth gauge, summed over every queue. */
  constructor(private readonly concurrency = 2, private readonly depth: (change: 1 | -1) => void = () => {}) {}

  /** Runs `task` once a slot is free, after letting pending I/O through; errors reach the caller. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    this.depth(1);
    try {
      if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
      this.running++;
      try {
        await yieldToIo();
        return await task();
      } finally {
        this.running--;
        this.waiting.shift()?.();
      }
    } finally {
      this.depth(-1);
    }
  }
}
