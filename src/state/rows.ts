// Subscriptions and briefings as the State port gives them, from the columns both backends keep. The engines differ
// in two column types only: SQLite keeps booleans as 0/1 and times as ISO text; PostgreSQL has boolean and
// timestamptz (read as a Date by pg and PGlite), shown as the ISO text SQLite keeps.
import type { Briefing, Platform, Subscription } from './state.ts';

export type Row = Record<string, unknown>;

const bool = (v: unknown) => v === true || v === 1;
const time = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string));

export function toSubscription(r: Row): Subscription {
  return {
    platform: r.platform as Platform,
    channel: r.channel as string,
    cron: r.cron as string,
    timezone: r.timezone as string,
    postWhenEmpty: bool(r.post_when_empty),
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: time(r.created_at),
  };
}

export function toBriefing(r: Row): Briefing {
  return {
    platform: r.platform as Platform,
    channel: r.channel as string,
    slot: r.slot as string,
    status: r.status as Briefing['status'],
    since: (r.since as string | null) ?? null,
    until: r.until as string,
    claimedBy: r.claimed_by as string,
    claimedAt: time(r.claimed_at),
    attempts: r.attempts as number,
    messageId: (r.message_id as string | null) ?? null,
    error: (r.error as string | null) ?? null,
  };
}
