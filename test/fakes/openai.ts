/**
 * A loopback fake of an OpenAI-compatible server for tests: POST /v1/chat/completions answers with scripted
 * replies (JSON content, raw content, a refusal, an HTTP error with OpenAI's error body, each optionally delayed)
 * and records every request. It binds 127.0.0.1 on an ephemeral port; nothing touches the internet.
 */
import { readBody } from './http.ts';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Reply = (
  | { content: string; finishReason?: 'stop' | 'length' }
  | { refusal: string }
  | { status: number; error: { message: string; type: string; param: string | null; code: string | null }; headers?: Record<string, string> }
) & { delayMs?: number };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The parsed JSON body (null when it was not JSON). */
  body: any;
}

export interface FakeOpenAI {
  /** The API root to give as baseURL: http://127.0.0.1:PORT/v1 */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Replies for the next requests, in order; after them the default reply answers. */
  next(...replies: Reply[]): void;
  /** The reply when no scripted one is left (initially: a 500 saying nothing was scripted). */
  always(reply: Reply): void;
  /** Forgets recorded requests and scripted replies. */
  reset(): void;
  close(): Promise<void>;
}

/** Replies as OpenAI sends them. */
export const reply = {
  /** A normal completion whose content is `value` as JSON (what structured outputs return). */
  json: (value: unknown): Reply => ({ content: JSON.stringify(value) }),
  /** Content that is not valid JSON, e.g. a model that ran off the schema. */
  content: (content: string, finishReason: 'stop' | 'length' = 'stop'): Reply => ({ content, finishReason }),
  refusal: (text = "I'm sorry, but I can't help with that request."): Reply => ({ refusal: text }),
  rateLimited: (headers: Record<string, string> = {}): Reply => ({
    status: 429,
    error: { message: 'Rate limit reached for gpt-4o-mini in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.', type: 'requests', param: null, code: 'rate_limit_exceeded' },
    headers: { 'x-ratelimit-limit-requests': '3', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '20s', ...headers },
  }),
  serverError: (): Reply => ({
    status: 500,
    error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null },
  }),
  /** The same reply, sent only after `ms` milliseconds (to force client timeouts). */
  delayed: (ms: number, r: Reply): Reply => ({ ...r, delayMs: ms }),
};

const NOT_SCRIPTED: Reply = { status: 500, error: { message: 'fake OpenAI: no reply scripted', type: 'server_error', param: null, code: null } };

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const queue: Reply[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let fallback = NOT_SCRIPTED;
  let ids = 0;

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    let body: any = null;
    try {
      body = JSON.parse(raw);
    } catch { /* recorded as null */ }
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
    if (req.method !== 'POST' || req.url?.split('?')[0] !== '/v1/chat/completions') {
      return send(res, 404, { error: { message: `Invalid URL (${req.method} ${req.url})`, type: 'invalid_request_error', param: null, code: null } });
    }
    const r = queue.shift() ?? fallback;
    const id = ++ids;
    const answer = () => {
      if ('status' in r) return send(res, r.status, { error: r.error }, { 'x-request-id': `req_fake${id}`, ...r.headers });
      const message = 'refusal' in r
        ? { role: 'assistant', content: null, refusal: r.refusal, annotations: [] }
        : { role: 'assistant', content: r.content, refusal: null, annotations: [] };
      const completion = Math.ceil(JSON.stringify(message).length / 4);
      const prompt = Math.ceil(raw.length / 4);
      send(res, 200, {
        id: `chatcmpl-fake${id}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body?.model ?? 'unknown',
        choices: [{ index: 0, message, logprobs: null, finish_reason: 'content' in r ? (r.finishReason ?? 'stop') : 'stop' }],
        usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
        system_fingerprint: 'fp_fake',
      }, { 'x-request-id': `req_fake${id}` });
    };
    if (!r.delayMs) return answer();
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) answer();
    }, r.delayMs);
    timers.add(timer);
    // A client that gave up (timeout, abort) closes the socket: stop waiting for it.
    res.on('close', () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    next: (...replies) => void queue.push(...replies),
    always: (r) => void (fallback = r),
    reset() {
      requests.length = 0;
      queue.length = 0;
      fallback = NOT_SCRIPTED;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // keep-alive fetch sockets would otherwise hold close() open
      await done;
    },
  };
}


function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
