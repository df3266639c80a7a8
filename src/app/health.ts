// /healthz, /readyz and /metrics: what an orchestrator, a load balancer and Prometheus ask of a running bot. Served
// on the Slack HTTP receiver's port (as Bolt custom routes) or on a small server of their own.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Readiness } from '../bot.ts';

export interface OpsEndpoints {
  /** Whether to send this process questions now. Asked at every /readyz. */
  readiness: () => Promise<Readiness>;
  /** What /metrics serves (404 without). */
  registry: Registry | null;
  /** How long /readyz waits for an answer (a database that hangs) before saying 503 (default 2 s). */
  timeoutMs?: number;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The endpoints by path; GET and HEAD. */
function handlers(e: OpsEndpoints): Record<string, Handler> {
  return {
    // Alive is answering at all: a process stuck in a sync or a slow database is alive, not ready.
    '/healthz': (_, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n'),
    '/readyz': (_, res) => void readiness(e).then((r) => json(res, r.ready ? 200 : 503, r), (err: Error) => json(res, 503, { ready: false, reason: err.message })),
    '/metrics': (_, res) => {
      if (!e.registry) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('metrics are off\n');
      const registry = e.registry;
      registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
        (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${err.message}\n`),
      );
    },
  };
}

async function readiness(e: OpsEndpoints): Promise<Readiness> {
  const ms = e.timeoutMs ?? 2000;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Readiness>((resolve) => { timer = setTimeout(() => resolve({ ready: false, reason: `no answer within ${ms} ms` }), ms); });
  try {
    return await Promise.race([e.readiness(), late]);
  } finally {
    clearTimeout(timer);
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(`${JSON.stringify(body)}\n`);
}

/** The endpoints as Bolt custom routes (HTTPReceiver `customRoutes`): one port serves Slack and operations. */
export function opsRoutes(e: OpsEndpoints): { path: string; method: string[]; handler: Handler }[] {
  return Object.entries(handlers(e)).map(([path, handler]) => ({ path, method: ['GET', 'HEAD'], handler }));
}

export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

/** A server of their own for the endpoints (Socket Mode, Discord, the console); resolves once it listens. */
export async function serveOps(e: OpsEndpoints, port: number, host: string): Promise<OpsServer> {
  const routes = handlers(e);
  const server = createServer((req, res) => {
    const handler = routes[new URL(req.url ?? '/', 'http://localhost').pathname];
    if (!handler) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // a scraper's keep-alive socket would otherwise hold close() open
      return closed;
    },
  };
}
