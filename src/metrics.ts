// Prometheus metrics: what operations watch. Each set lives in a registry of its own rather than prom-client's
// global one, so tests (and a second bot in one process) get fresh counters. Everything that reports is handed the
// set through the bot (Briefbot.instrument); without one nothing is counted and nothing else changes.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  /** Inbound events answered, by platform, kind (an answer's kind, or the reply: help, sources, notice…) and outcome. */
  readonly answers: Counter<'platform' | 'kind' | 'outcome'>;
  /** From an event's arrival to its first reply being delivered. */
  readonly answerSeconds: Histogram<'platform' | 'kind'>;
  /** Redelivered events answered once and dropped. */
  readonly duplicateEvents: Counter<'platform'>;
  /** Answers waiting for or holding a place in an answer queue, across every queue. */
  readonly queueDepth: Gauge;
  /** Articles a sync added, updated, removed or skipped. */
  readonly ingested: Counter<'change'>;
  readonly briefingsPosted: Counter<'platform'>;
  /** Failed attempts to post a briefing (each is retried until the last). */
  readonly briefingsFailed: Counter<'platform'>;
  /** Alerts posted for watches (a burst counts once). */
  readonly alertsPosted: Counter<'platform'>;
  /** Failed attempts to post an alert (each is retried until the last). */
  readonly alertsFailed: Counter<'platform'>;
}

export type Outcome = 'ok' | 'failed' | 'unavailable' | 'expired' | 'closing';

/** 5 ms to 10 s: an answer from a warm index takes milliseconds, one behind a busy database seconds. */
const ANSWER_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    answers: new Counter({ name: 'briefbot_answers_total', help: 'Inbound events answered, by platform, kind and outcome', labelNames: ['platform', 'kind', 'outcome'], registers }),
    answerSeconds: new Histogram({ name: 'briefbot_answer_duration_seconds', help: 'Time from an event to its first reply delivered', labelNames: ['platform', 'kind'], buckets: ANSWER_BUCKETS, registers }),
    duplicateEvents: new Counter({ name: 'briefbot_duplicate_events_total', help: 'Redelivered events dropped (already answered)', labelNames: ['platform'], registers }),
    queueDepth: new Gauge({ name: 'briefbot_answer_queue_depth', help: 'Answers waiting for or being computed in the answer queues', registers }),
    ingested: new Counter({ name: 'briefbot_ingest_articles_total', help: 'Articles a sync added, updated, removed or skipped', labelNames: ['change'], registers }),
    briefingsPosted: new Counter({ name: 'briefbot_briefings_posted_total', help: 'Morning briefings posted', labelNames: ['platform'], registers }),
    briefingsFailed: new Counter({ name: 'briefbot_briefings_failed_total', help: 'Attempts to post a morning briefing that failed', labelNames: ['platform'], registers }),
    alertsPosted: new Counter({ name: 'briefbot_alerts_posted_total', help: 'Watch alerts posted (a burst counts once)', labelNames: ['platform'], registers }),
    alertsFailed: new Counter({ name: 'briefbot_alerts_failed_total', help: 'Attempts to post a watch alert that failed', labelNames: ['platform'], registers }),
  };
}
