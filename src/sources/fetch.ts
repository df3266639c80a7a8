// Fetching a source's feed or article page safely: conditional GET, a deadline, a size limit on the decoded
// bytes, a few redirects, only feed and page content types, and no way into private networks.
//
// Why node:http with our own resolution rather than request-filtering-agent: that agent allows private addresses
// by IP (allowIPAddressList), but an administrator allows *host names* (BRIEFBOT_PRIVATE_HOSTS): allowing 127.0.0.1
// for one intranet name must not let every name that resolves to it through. So each hop resolves its name once
// (policy.lookup), checks every answer (address-policy.ts), and hands the checked address to http.request as its
// `lookup`: the socket connects to exactly that address, and no second DNS answer is ever consulted.
import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction as NetLookup } from 'node:net';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { checkAddresses, checkSourceUrl, normalizeHost } from './address-policy.ts';
import { parseRetryAfter } from './backoff.ts';

export { checkSourceUrl, parsePrivateHosts } from './address-policy.ts';

/** Resolves a host name to all its addresses (dns.lookup with all: true by default; tests inject answers). */
export type LookupFunction = (hostname: string) => Promise<readonly { address: string; family: number }[]>;

export interface FetchPolicy {
  /** The whole fetch — DNS, connecting, every redirect and the full body — must finish within this. */
  timeoutMs: number;
  /** The most decoded (decompressed) body bytes read; reading stops as soon as there are more. */
  maxBytes: number;
  maxRedirects: number;
  /** Host names and IP literals (normalised, as parsePrivateHosts gives them) allowed to be private addresses. */
  privateHosts: ReadonlySet<string>;
  lookup: LookupFunction;
  userAgent: string;
}

export const DEFAULT_FETCH_POLICY: FetchPolicy = {
  timeoutMs: 10_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  privateHosts: new Set(),
  lookup: (hostname) => dnsLookup(hostname, { all: true, verbatim: true }),
  userAgent: 'briefbot/0.1 (policy-briefing bot; polls feeds and article pages)',
};

export type Fetched =
  | { status: 'ok'; /** the final URL, after redirects */ url: string; contentType: string; body: Buffer; etag: string | null; lastModified: string | null }
  | { status: 'not-modified'; url: string };

export type FetchErrorCode = 'blocked' | 'scheme' | 'dns' | 'timeout' | 'too-large' | 'redirects' | 'http' | 'content-type' | 'network';

/** A fetch that failed, with a message for analysts naming the host, what happened and what to do. */
export class FetchError extends Error {
  override name = 'FetchError';
  readonly code: FetchErrorCode;
  /** The server's status, for code 'http'. */
  readonly httpStatus?: number;
  /** How long a 429 or 503 asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs?: number;

  constructor(code: FetchErrorCode, message: string, details: { httpStatus?: number; retryAfterMs?: number | null } = {}) {
    super(message);
    this.code = code;
    if (details.httpStatus !== undefined) this.httpStatus = details.httpStatus;
    if (details.retryAfterMs != null) this.retryAfterMs = details.retryAfterMs;
  }
}

// The media types a feed (RSS 2.0, Atom, JSON Feed, and the older names feed.ts also reads) or an article page
// comes as, and text/plain (the body decides). Images, PDFs, octet-stream and a missing type are refused: we do not
// fetch what no one labelled as a feed, a page or text.
const ACCEPTED_TYPES = new Set([
  'application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml', 'application/feed+json', 'application/json',
  'application/rdf+xml', 'application/x-rss+xml', 'application/rss+json',
  'text/html', 'application/xhtml+xml',
  // Feeds served from code hosts and plain file servers come as text/plain: feed.ts reads the body to tell.
  'text/plain',
]);
const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GETs a source's URL. Sends If-None-Match / If-Modified-Since from a previous fetch, so an unchanged source
 * comes back as 'not-modified'. Throws FetchError for every refusal and failure; when `signal` aborts, rejects
 * with its reason.
 */
export async function fetchSource(
  url: string,
  conditional: { etag?: string | null; lastModified?: string | null } = {},
  policy: Partial<FetchPolicy> = {},
  signal?: AbortSignal,
): Promise<Fetched> {
  // A setting given as undefined keeps its default (a spread would replace it with undefined).
  const given = Object.fromEntries(Object.entries(policy).filter(([, v]) => v !== undefined));
  const p: FetchPolicy = { ...DEFAULT_FETCH_POLICY, ...given };
  signal?.throwIfAborted();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error('deadline')), p.timeoutMs);
  const onAbort = () => deadline.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await follow(url, requestHeaders(conditional, p), p, deadline.signal, signal);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function requestHeaders(conditional: { etag?: string | null; lastModified?: string | null }, p: FetchPolicy): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': p.userAgent, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br' };
  // Stored validators go back only if they are still header-safe (visible ASCII): nothing else can be sent.
  const safe = (v: string | null | undefined): v is string => !!v && /^[\x20-\x7e]{1,1024}$/.test(v);
  if (safe(conditional.etag)) headers['if-none-match'] = conditional.etag;
  if (safe(conditional.lastModified)) headers['if-modified-since'] = conditional.lastModified;
  return headers;
}

/** One request per hop, following up to maxRedirects redirects; every hop is checked as the first was. */
async function follow(url: string, headers: Record<string, string>, p: FetchPolicy, deadline: AbortSignal, caller: AbortSignal | undefined): Promise<Fetched> {
  const first = checkSourceUrl(url, p.privateHosts);
  if (!first.ok) throw new FetchError(first.kind, first.reason);
  let current = first.url;
  const visited: string[] = [];
  for (;;) {
    let phase: 'answer' | 'body' = 'answer';
    try {
      const res = await request(current, headers, p, deadline, visited.at(-1));
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        res.destroy(); // a redirect's body is never read
        visited.push(current.href);
        current = redirectTarget(current, res, visited, p);
        continue;
      }
      if (status === 304) {
        res.destroy();
        return { status: 'not-modified', url: current.href };
      }
      if (status < 200 || status > 299) {
        res.destroy();
        throw httpError(current, status, res);
      }
      const contentType = checkContentType(current, res);
      phase = 'body';
      const body = await readBody(current, res, p, deadline);
      return { status: 'ok', url: current.href, contentType, body, etag: header(res, 'etag'), lastModified: header(res, 'last-modified') };
    } catch (err) {
      throw explain(err, current, phase, p, deadline, caller);
    }
  }
}

function redirectTarget(from: URL, res: IncomingMessage, visited: readonly string[], p: FetchPolicy): URL {
  const location = header(res, 'location');
  if (location === null) {
    throw new FetchError('http', `the server at ${from.host} answered ${res.statusCode} (a redirect) without saying where to; check the address in a browser`, { httpStatus: res.statusCode ?? 0 });
  }
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new FetchError('http', `the server at ${from.host} redirected to "${location.slice(0, 200)}", which is not a valid address; check the address in a browser`);
  }
  if (visited.length > p.maxRedirects) {
    const loop = visited.includes(next.href) ? `they loop (back to ${next.href})` : `the last went to ${next.href}`;
    throw new FetchError('redirects', `${visited[0] ? new URL(visited[0]).host : from.host} redirected more than ${p.maxRedirects} times and ${loop}, so the fetch stopped; open the address in a browser and add the final one instead`);
  }
  const check = checkSourceUrl(next.href, p.privateHosts);
  if (!check.ok) throw new FetchError(check.kind, `${from.host} redirected to ${next.href}; ${check.reason}`);
  return check.url;
}

/** Sends the GET to the address this hop's name resolved to, and only to it (see the top of the file). */
async function request(url: URL, headers: Record<string, string>, p: FetchPolicy, signal: AbortSignal, redirectedFrom?: string): Promise<IncomingMessage> {
  const target = await resolve(url, p, signal, redirectedFrom);
  const pinned: NetLookup = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  return new Promise<IncomingMessage>((resolveResponse, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    // agent: false: a fresh connection per request, never a pooled socket opened for an earlier check.
    const req = client.request(url, { method: 'GET', headers, agent: false, lookup: pinned, signal }, resolveResponse);
    req.on('error', reject);
    req.end();
  });
}

/** The checked address for a hop: the IP literal itself, or the first of the name's answers if all may be used. */
async function resolve(url: URL, p: FetchPolicy, signal: AbortSignal, redirectedFrom?: string): Promise<{ address: string; family: 4 | 6 }> {
  const host = normalizeHost(url.hostname);
  const literal = isIP(host);
  // An IP literal was judged by checkSourceUrl; the socket connects to it without DNS.
  if (literal !== 0) return { address: host, family: literal === 6 ? 6 : 4 };
  let answers: readonly { address: string; family: number }[];
  try {
    answers = await untilAborted(p.lookup(url.hostname), signal);
  } catch (err) {
    if (signal.aborted) throw err;
    throw dnsError(url.hostname, err);
  }
  if (answers.length === 0) throw new FetchError('dns', `${url.hostname} has no address in DNS; check the host name`);
  const checked = checkAddresses(url.hostname, answers, p.privateHosts);
  if (!checked.ok) {
    const via = redirectedFrom ? `${new URL(redirectedFrom).host} redirected to ${url.href}; ` : '';
    throw new FetchError('blocked', via + checked.reason);
  }
  return checked;
}

function dnsError(host: string, err: unknown): FetchError {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'ENOTFOUND' || code === 'ENODATA') return new FetchError('dns', `${host} was not found in DNS; check the host name for typos`);
  if (code === 'EAI_AGAIN' || code === 'ETIMEOUT') return new FetchError('dns', `DNS did not answer for ${host} (a temporary failure)`);
  return new FetchError('dns', `could not look up ${host} in DNS (${code || (err as Error).message})`);
}

function httpError(url: URL, status: number, res: IncomingMessage): FetchError {
  const said = `${status}${http.STATUS_CODES[status] ? ` ${http.STATUS_CODES[status]}` : ''}`;
  const where = `the server at ${url.host}`;
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(header(res, 'retry-after')) : null;
  const waitFor = retryAfterMs !== null ? ` It asked us to wait ${duration(retryAfterMs)}.` : '';
  const message =
    status === 404 || status === 410 ? `${where} has nothing at ${url.pathname} (${said}); check the address — the feed may have moved`
    : status === 401 || status === 403 ? `${where} refused access to ${url.pathname} (${said}); the source may need a login, which briefbot does not do, or it turns bots away`
    : status === 429 ? `${where} asks us to slow down (${said}).${waitFor}`
    : status >= 500 ? `${where} had an error (${said}); this is usually temporary.${waitFor}`
    : `${where} answered ${said} for ${url.pathname}; check the address in a browser`;
  return new FetchError('http', message, { httpStatus: status, retryAfterMs });
}

function checkContentType(url: URL, res: IncomingMessage): string {
  const contentType = header(res, 'content-type') ?? '';
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (ACCEPTED_TYPES.has(type)) return contentType;
  res.destroy();
  const sent = type === '' ? 'a response with no Content-Type' : `${type}`;
  throw new FetchError('content-type', `${url.host} sent ${sent} for ${url.pathname}, not a feed or a web page (briefbot reads RSS, Atom, JSON Feed and HTML); check that the address is the feed itself`);
}

/** The body decoded, stopping (and closing the connection) as soon as it passes maxBytes. */
async function readBody(url: URL, res: IncomingMessage, p: FetchPolicy, signal: AbortSignal): Promise<Buffer> {
  const encoding = (header(res, 'content-encoding') ?? 'identity').trim().toLowerCase();
  const decoder = decoderFor(encoding);
  if (decoder === undefined) {
    res.destroy();
    throw new FetchError('content-type', `${url.host} sent its body encoded as "${encoding}", which briefbot cannot decode (it asks for gzip, deflate or br)`);
  }
  const tooLarge = () => new FetchError('too-large', `${url.host} sent more than ${megabytes(p.maxBytes)} for ${url.pathname} (the limit), so it was not read; check that the address is a feed or an article page, not a download`);
  const declared = Number(header(res, 'content-length'));
  if (decoder === null && declared > p.maxBytes) {
    res.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  let refused: FetchError | null = null;
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      total += chunk.length;
      // Throwing makes the pipeline destroy the response (closing the connection) and the decoder.
      if (total > p.maxBytes) throw (refused = tooLarge());
      chunks.push(chunk);
    }
  };
  let decodeError: unknown = null;
  decoder?.once('error', (e) => (decodeError = e));
  try {
    await (decoder ? pipeline(res, decoder, collect, { signal }) : pipeline(res, collect, { signal }));
  } catch (err) {
    // The pipeline may reject with the decoder's "aborted" rather than the limit that stopped it.
    if (refused) throw refused;
    // Only the decoder's own failure is a damaged body: a deadline also reaches it, as the pipeline stops.
    if (err === decodeError && !signal.aborted && (err as Error).name !== 'AbortError') {
      throw new FetchError('network', `${url.host} sent a damaged ${encoding} body for ${url.pathname} (${(err as Error).message})`);
    }
    throw err;
  }
  return Buffer.concat(chunks, total);
}

/** The decompressor for a Content-Encoding: null for none, undefined for one we do not decode. */
function decoderFor(encoding: string): zlib.Unzip | zlib.BrotliDecompress | null | undefined {
  // Lenient like browsers: a body cut short at the end yields what arrived instead of failing the whole fetch.
  const lenient = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
    case 'deflate':
      // Unzip reads both gzip and zlib-wrapped deflate (what HTTP's "deflate" means), whichever the server sent.
      return zlib.createUnzip(lenient);
    case 'br':
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    default:
      return undefined;
  }
}

/** Any failure as a FetchError naming the host; a caller's abort is passed on as its reason. */
function explain(err: unknown, url: URL, phase: 'answer' | 'body', p: FetchPolicy, deadline: AbortSignal, caller: AbortSignal | undefined): unknown {
  if (caller?.aborted) return caller.reason;
  if (err instanceof FetchError) return err;
  const host = url.host;
  if (deadline.aborted) {
    const what = phase === 'body' ? 'to send the whole response' : 'to answer';
    return new FetchError('timeout', `the server at ${host} took longer than ${duration(p.timeoutMs)} ${what}`);
  }
  const code = (err as { code?: string }).code ?? '';
  const message = (err as { message?: string }).message ?? String(err);
  if (code === 'ECONNREFUSED') return new FetchError('network', `nothing answers at ${host} (connection refused); the server may be down`);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE' || message === 'socket hang up' || message === 'aborted') {
    return new FetchError('network', `the server at ${host} closed the connection before the response was complete`);
  }
  if (code === 'ETIMEDOUT') return new FetchError('timeout', `the server at ${host} did not accept a connection in time`);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return new FetchError('network', `${host} cannot be reached from here (${code}); the network may be down`);
  if (/^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(code)) {
    return new FetchError('network', `the secure connection to ${host} failed: its certificate could not be verified (${code}); the site may be misconfigured`);
  }
  if (code.startsWith('HPE_')) return new FetchError('network', `the server at ${host} sent a response that is not valid HTTP (${code})`);
  return new FetchError('network', `could not fetch from ${host}: ${message}`);
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolvePromise, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => { signal.removeEventListener('abort', onAbort); resolvePromise(value); },
      (err: unknown) => { signal.removeEventListener('abort', onAbort); reject(err as Error); },
    );
  });
}

function header(res: IncomingMessage, name: string): string | null {
  const value = res.headers[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? (value[0] ?? null) : null;
}

function duration(ms: number): string {
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(ms < 1000 ? 2 : 0))} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Number((ms / 3_600_000).toFixed(1))} h`;
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toFixed(1))} MB` : `${Math.round(bytes / 1024)} KB`;
}
