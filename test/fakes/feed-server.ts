// A loopback HTTP server for source tests: routes by path, a record of every request, closed with its connections.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** The address the client connected to: shows which server a pinned connection really reached. */
  localAddress: string;
}

export interface FeedServer {
  /** http://127.0.0.1:port */
  origin: string;
  port: number;
  url(path: string): string;
  /** Requests received for `path` (the path without its query), or for every path when none is given. */
  count(path?: string): number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Starts a server on `host` (127.0.0.1 unless told) at `port` (a free one unless told); a path with no route answers 404. */
export async function start(routes: Record<string, Route>, { host = '127.0.0.1', port = 0 }: { host?: string; port?: number } = {}): Promise<FeedServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push({ path, headers: req.headers, localAddress: req.socket.localAddress ?? '' });
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such path');
      return;
    }
    // A route that throws cuts its connection instead of crashing the test process.
    Promise.resolve()
      .then(() => route(req, res))
      .catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
  return {
    origin,
    port: bound,
    url: (path) => origin + path,
    count: (path) => (path === undefined ? requests.length : requests.filter((r) => r.path === path).length),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // Slow routes hold their responses open on purpose: cut them so close() does not wait for them.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
