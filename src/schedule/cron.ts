// node-cron, loaded on first use: validating a setting or a subscription should not cost every start-up (and every
// `briefbot ask`) the time to load the scheduler.
import { createRequire } from 'node:module';

type NodeCron = typeof import('node-cron');
let loaded: NodeCron | null = null;

export function nodeCron(): NodeCron {
  loaded ??= createRequire(import.meta.url)('node-cron') as NodeCron;
  return loaded;
}

export function isCron(expression: string): boolean {
  return nodeCron().validate(expression);
}
