// When a subscription's briefing was due: node-cron evaluates the cron expression in the subscription's time zone
// (daylight saving included); this walks back minute by minute to the latest due time within a grace window.
import { nodeCron } from './cron.ts';

const MINUTE = 60_000;

/**
 * The latest minute in (now − grace, now] at which `expression` fires in `timezone`, or null. A bot that was down
 * at 08:00 and starts at 09:30 finds the 08:00 slot (within a two-hour grace); one down for a week finds at most
 * one slot, never seven.
 */
export function latestSlot(expression: string, timezone: string, now: Date, graceMs: number): Date | null {
  const task = nodeCron().createTask(expression, () => {}, { timezone });
  try {
    for (let t = Math.floor(now.getTime() / MINUTE) * MINUTE; now.getTime() - t <= graceMs; t -= MINUTE) {
      if (task.match(new Date(t))) return new Date(t);
    }
    return null;
  } finally {
    void task.destroy();
  }
}
