// Fetching live sources safely: conditional GET, decoding, limits, redirects, content types, and no way into
// private networks — against servers this test starts on 127.0.0.1, with DNS answers injected.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { once } from 'node:events';
import type { Socket } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSourceUrl, fetchSource, FetchError, parsePrivateHosts, type Fetched, type FetchPolicy, type LookupFunction } from '../src/sources/fetch.ts';
import { start, type FeedServer, type Route } from './fakes/feed-server.ts';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title></channel></rss>';
const LOOPBACK_ALLOWED: Partial<FetchPolicy> = { privateHosts: new Set(['127.0.0.1']) };

const servers: FeedServer[] = [];
async function serve(routes: Record<string, Route>, options?: { host?: string; port?: number }): Promise<FeedServer> {
  const server = await start(routes, options);
  servers.push(server);
  return server;
}
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const rss = (body: string | Buffer = RSS, headers: Record<string, string> = {}): Route => (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...headers }).end(body);
};

/** The FetchError a fetch rejects with (failing the test if it resolves or throws something else). */
async function refusal(promise: Promise<Fetched>): Promise<FetchError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof FetchError)) throw outcome.error;
  return outcome.error;
}

/** A lookup that answers from a table and counts its calls. */
function fakeDns(table: Record<string, string[] | ((call: number) => string[])>): LookupFunction & { calls: string[] } {
  const calls: string[] = [];
  const lookup = async (hostname: string) => {
    calls.push(hostname);
    const entry = table[hostname];
    if (!entry) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const answers = typeof entry === 'function' ? entry(calls.length) : entry;
    return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(lookup, { calls });
}

/** Every TCP connection this process opens while `body` runs, with the addresses it tried. */
async function watchConnections<T>(body: () => Promise<T>): Promise<{ result: T; sockets: number; attempts: string[] }> {
  let sockets = 0;
  const attempts: string[] = [];
  const onSocket = (message: unknown) => {
    sockets++;
    (message as { socket: Socket }).socket.on('connectionAttempt', (ip: string) => attempts.push(ip));
  };
  subscribe('net.client.socket', onSocket);
  try {
    return { result: await body(), sockets, attempts };
  } finally {
    unsubscribe('net.client.socket', onSocket);
  }
}

describe('conditional GET', () => {
  it('returns the body with its ETag and Last-Modified, and a fetch sending them back is "not modified"', async () => {
    const lastModified = 'Fri, 04 Dec 2026 08:00:00 GMT';
    const server = await serve({
      '/feed.xml': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': lastModified }).end(RSS);
      },
    });
    const first = await fetchSource(server.url('/feed.xml'), {}, LOOPBACK_ALLOWED);
    expect(first).toMatchObject({ status: 'ok', url: server.url('/feed.xml'), contentType: 'application/rss+xml', etag: '"v1"', lastModified });
    expect(first.status === 'ok' && first.body.toString('utf8')).toBe(RSS);

    const again = await fetchSource(server.url('/feed.xml'), { etag: '"v1"', lastModified }, LOOPBACK_ALLOWED);
    expect(again).toEqual({ status: 'not-modified', url: server.url('/feed.xml') });
    expect(server.requests[1]?.headers['if-modified-since']).toBe(lastModified);
  });

  it('names briefbot in the User-Agent and asks for gzip, deflate and br', async () => {
    const server = await serve({ '/feed.xml': rss() });
    // Settings left undefined keep their defaults (a 10 s deadline, not an immediate one).
    await fetchSource(server.url('/feed.xml'), {}, { ...LOOPBACK_ALLOWED, timeoutMs: undefined, userAgent: undefined });
    const headers = server.requests[0]?.headers;
    expect(headers?.['user-agent']).toMatch(/^briefbot\//);
    expect(headers?.['accept-encoding']).toBe('gzip, deflate, br');
    expect(headers?.['if-none-match']).toBeUndefined();
  });
});

describe('decoding', () => {
  const encoders: Record<string, (b: Buffer) => Buffer> = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };
  it.each(Object.keys(encoders))('decodes a %s body', async (encoding) => {
    const server = await serve({ '/feed.xml': rss(encoders[encoding]!(Buffer.from(RSS)), { 'content-encoding': encoding }) });
    const fetched = await fetchSource(server.url('/feed.xml'), {}, LOOPBACK_ALLOWED);
    expect(fetched.status === 'ok' && fetched.body.toString('utf8')).toBe(RSS);
  });

  it('refuses a body that claims gzip but is not, as damaged', async () => {
    const server = await serve({ '/feed.xml': rss('plainly not gzip', { 'content-encoding': 'gzip' }) });
    const error = await refusal(fetchSource(server.url('/feed.xml'), {}, LOOPBACK_ALLOWED));
    expect(error.code).toBe('network');
    expect(error.message).toContain(`${new URL(server.origin).host} sent a damaged gzip body`);
  });

  it('refuses an encoding it cannot decode, naming it', async () => {
    const server = await serve({ '/feed.xml': rss('x', { 'content-encoding': 'zstd' }) });
    const error = await refusal(fetchSource(server.url('/feed.xml'), {}, LOOPBACK_ALLOWED));
    expect(error.code).toBe('content-type');
    expect(error.message).toContain('"zstd"');
  });
});

describe('limits', () => {
  it('refuses a 50 MB body as too large as soon as the limit is passed, without reading it whole', async () => {
    const total = 50 * 1024 * 1024;
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const server = await serve({
      // Streamed with no Content-Length, so only counting the bytes can catch it.
      '/huge.xml': async (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        const hungUp = new AbortController();
        res.on('close', () => hungUp.abort());
        while (sent < total && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) await once(res, 'drain', { signal: hungUp.signal }).catch(() => undefined);
        }
        res.end();
      },
    });
    const began = Date.now();
    const error = await refusal(fetchSource(server.url('/huge.xml'), {}, LOOPBACK_ALLOWED));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('more than 10 MB');
    expect(Date.now() - began).toBeLessThan(5_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent).toBeLessThan(total / 2);
  });

  it('refuses a declared Content-Length over the limit before reading any of the body', async () => {
    const server = await serve({
      '/big.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml', 'content-length': String(50 * 1024 * 1024) });
        res.write('<rss>'); // and then nothing: reading would wait for the deadline
      },
    });
    const began = Date.now();
    const error = await refusal(fetchSource(server.url('/big.xml'), {}, { ...LOOPBACK_ALLOWED, timeoutMs: 5_000 }));
    expect(error.code).toBe('too-large');
    expect(Date.now() - began).toBeLessThan(2_000);
  });

  it('counts the decoded bytes, so a small gzip that inflates past the limit is refused', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024)); // about 20 KB on the wire
    const server = await serve({ '/bomb.xml': rss(bomb, { 'content-encoding': 'gzip' }) });
    const error = await refusal(fetchSource(server.url('/bomb.xml'), {}, { ...LOOPBACK_ALLOWED, maxBytes: 1024 * 1024 }));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('more than 1 MB');
  });

  it('times out a server that never sends its headers, naming the host and the limit', async () => {
    const server = await serve({ '/silent.xml': () => undefined });
    const began = Date.now();
    const error = await refusal(fetchSource(server.url('/silent.xml'), {}, { ...LOOPBACK_ALLOWED, timeoutMs: 300 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toBe(`the server at ${new URL(server.origin).host} took longer than 0.3 s to answer`);
    expect(Date.now() - began).toBeLessThan(3_000);
  });

  it('times out a body that trickles in past the deadline', async () => {
    const server = await serve({
      '/slow.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write('<')), 50);
        res.on('close', () => clearInterval(drip));
      },
    });
    const error = await refusal(fetchSource(server.url('/slow.xml'), {}, { ...LOOPBACK_ALLOWED, timeoutMs: 300 }));
    expect(error.code).toBe('timeout');
    expect(error.message).toContain('took longer than 0.3 s to send the whole response');
  });
});

describe('redirects', () => {
  const redirect = (location: string, status = 302): Route => (_req, res) => void res.writeHead(status, { location }).end();

  it('are followed, and the final address is reported', async () => {
    const server = await serve({ '/old': redirect('/feed.xml', 301), '/feed.xml': rss() });
    const fetched = await fetchSource(server.url('/old'), {}, LOOPBACK_ALLOWED);
    expect(fetched).toMatchObject({ status: 'ok', url: server.url('/feed.xml') });
  });

  it('in a loop are refused after 5, saying they loop', async () => {
    const server = await serve({ '/a': redirect('/b'), '/b': redirect('/a') });
    const error = await refusal(fetchSource(server.url('/a'), {}, LOOPBACK_ALLOWED));
    expect(error.code).toBe('redirects');
    expect(error.message).toContain('redirected more than 5 times and they loop');
    expect(server.count()).toBe(6); // the first request and 5 redirects followed
  });

  it('to the cloud metadata address are refused before any connection to it is attempted', async () => {
    const lookup = fakeDns({});
    const server = await serve({ '/go': redirect('http://169.254.169.254/latest/meta-data') });
    const { result: error, sockets, attempts } = await watchConnections(() => refusal(fetchSource(server.url('/go'), {}, { ...LOOPBACK_ALLOWED, lookup })));
    expect(error.code).toBe('blocked');
    expect(error.message).toContain('redirected to http://169.254.169.254/latest/meta-data; refused: 169.254.169.254 is a link-local address');
    expect(sockets).toBe(1); // the one to the loopback server
    expect(attempts).toEqual(['127.0.0.1']);
    expect(lookup.calls).toEqual([]);
  });

  it('from an allowed private host to another private host are refused', async () => {
    const lookup = fakeDns({ 'intranet.test': ['10.0.0.5'] });
    const server = await serve({ '/feed.xml': rss() });
    const other = `:${server.port}/feed.xml`;
    const hops = await serve({
      '/to-localhost': redirect(`http://localhost${other}`),
      '/to-other-loopback': redirect(`http://127.0.0.2${other}`),
      '/to-intranet': redirect('http://intranet.test/feed.xml'),
    });
    const expected: Record<string, string> = {
      '/to-localhost': 'refused: localhost is this machine',
      '/to-other-loopback': 'refused: 127.0.0.2 is a loopback address',
      '/to-intranet': 'redirected to http://intranet.test/feed.xml; refused: intranet.test resolves to 10.0.0.5, a private address',
    };
    for (const [path, message] of Object.entries(expected)) {
      const error = await refusal(fetchSource(hops.url(path), {}, { ...LOOPBACK_ALLOWED, lookup }));
      expect(error.code, path).toBe('blocked');
      expect(error.message, path).toContain(message);
    }
    expect(server.count()).toBe(0);
  });

  it('to a non-http address are refused', async () => {
    const server = await serve({ '/go': redirect('file:///etc/passwd') });
    const error = await refusal(fetchSource(server.url('/go'), {}, LOOPBACK_ALLOWED));
    expect(error.code).toBe('scheme');
    expect(error.message).toContain('file: addresses cannot be sources');
  });
});

describe('private networks', () => {
  it('are not reached without being allowed: 127.0.0.1, localhost, [::1], and names resolving to private addresses', async () => {
    const server = await serve({ '/feed.xml': rss() });
    const lookup = fakeDns({ 'feeds.example.com': ['10.0.0.5'], 'rebind.example.com': ['127.0.0.1'] });
    const urls = [
      server.url('/feed.xml'),
      `http://localhost:${server.port}/feed.xml`,
      `http://[::1]:${server.port}/feed.xml`,
      `http://[::ffff:127.0.0.1]:${server.port}/feed.xml`,
      `http://2130706433:${server.port}/feed.xml`, // 127.0.0.1 as one number
      `http://feeds.example.com:${server.port}/feed.xml`,
      `http://rebind.example.com:${server.port}/feed.xml`,
    ];
    for (const url of urls) {
      const error = await refusal(fetchSource(url, {}, { lookup }));
      expect(error.code, url).toBe('blocked');
    }
    expect(server.count()).toBe(0);
    const error = await refusal(fetchSource(`http://feeds.example.com/feed.xml`, {}, { lookup }));
    expect(error.message).toBe('refused: feeds.example.com resolves to 10.0.0.5, a private address, not a public one; an administrator can allow it with BRIEFBOT_PRIVATE_HOSTS=feeds.example.com');
  });

  it('are not reached by a name that resolves to both a public and a private address', async () => {
    const lookup = fakeDns({ 'mixed.example.com': ['93.184.216.34', '10.0.0.5'] });
    const { result: error, sockets } = await watchConnections(() => refusal(fetchSource('http://mixed.example.com/feed.xml', {}, { lookup })));
    expect(error.code).toBe('blocked');
    expect(error.message).toContain('resolves to 10.0.0.5');
    expect(sockets).toBe(0);
  });

  it('are reached only by the exact host names allowed', async () => {
    const server = await serve({ '/feed.xml': rss() });
    const lookup = fakeDns({ 'feeds.intranet': ['127.0.0.1'], 'other.intranet': ['127.0.0.1'] });
    const privateHosts = parsePrivateHosts('feeds.intranet');
    const fetched = await fetchSource(`http://feeds.intranet:${server.port}/feed.xml`, {}, { lookup, privateHosts });
    expect(fetched.status).toBe('ok');
    const error = await refusal(fetchSource(`http://other.intranet:${server.port}/feed.xml`, {}, { lookup, privateHosts }));
    expect(error.code).toBe('blocked');
    expect(server.count()).toBe(1);
  });

  it('cannot be reached by a DNS answer that changes after the check: the socket connects to the checked address', async () => {
    // First answer public (passes the check), every later one loopback: a second resolution would reach the server.
    const server = await serve({ '/feed.xml': rss() });
    const lookup = fakeDns({ 'rebind.example.com': (call) => (call === 1 ? ['93.184.216.34'] : ['127.0.0.1']) });
    const { result: error, attempts } = await watchConnections(() =>
      refusal(fetchSource(`http://rebind.example.com:${server.port}/feed.xml`, {}, { lookup, timeoutMs: 500 })),
    );
    expect(['network', 'timeout']).toContain(error.code); // there is no internet here to answer at 93.184.216.34
    expect(attempts).toEqual(['93.184.216.34']);
    expect(lookup.calls).toEqual(['rebind.example.com']);
    expect(server.count()).toBe(0);
  });

  it('an allowed name whose answer changes still gets the connection it was checked for', async () => {
    const first = await serve({ '/feed.xml': rss() });
    const second = await serve({ '/feed.xml': rss() }, { host: '127.0.0.2', port: first.port });
    const lookup = fakeDns({ 'feeds.intranet': (call) => (call === 1 ? ['127.0.0.1'] : ['127.0.0.2']) });
    const fetched = await fetchSource(`http://feeds.intranet:${first.port}/feed.xml`, {}, { lookup, privateHosts: new Set(['feeds.intranet']) });
    expect(fetched.status).toBe('ok');
    expect(first.requests.map((r) => r.localAddress)).toEqual(['127.0.0.1']);
    expect(second.count()).toBe(0);
    expect(lookup.calls).toHaveLength(1);
  });
});

describe('checkSourceUrl', () => {
  it('refuses file:, ftp:, data: and javascript: addresses', () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/feed.xml', 'data:text/xml,<rss/>', 'javascript:alert(1)']) {
      const check = checkSourceUrl(url);
      expect(check, url).toMatchObject({ ok: false, kind: 'scheme' });
      expect(!check.ok && check.reason, url).toContain(`${new URL(url).protocol} addresses cannot be sources`);
    }
  });

  it('refuses addresses holding a user name or password', () => {
    for (const url of ['https://user:secret@example.com/feed.xml', 'https://user@example.com/feed.xml']) {
      const check = checkSourceUrl(url);
      expect(check, url).toMatchObject({ ok: false, kind: 'blocked' });
      expect(!check.ok && check.reason).not.toContain('secret');
    }
  });

  it('refuses text that is not an address, saying what to give instead', () => {
    expect(checkSourceUrl('example.com/feed')).toEqual({
      ok: false,
      kind: 'scheme',
      reason: '"example.com/feed" is not a web address; give a full URL such as https://example.com/feed.xml',
    });
  });

  it('refuses private, loopback, link-local and other special IP literals, also as IPv4-mapped IPv6', () => {
    const literals = [
      '127.0.0.1', '127.1.2.3', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
      '0.0.0.0', '224.0.0.1', '240.0.0.1', '255.255.255.255', '[::1]', '[::]', '[fe80::1]', '[fc00::1]', '[fd12:3456::1]',
      '[ff02::1]', '[::ffff:10.0.0.1]', '[::ffff:169.254.169.254]', '[::ffff:127.0.0.1]', '[64:ff9b::a00:5]', '[::7f00:1]',
    ];
    for (const host of literals) expect(checkSourceUrl(`http://${host}/feed.xml`), host).toMatchObject({ ok: false, kind: 'blocked' });
    expect(checkSourceUrl('http://[::ffff:169.254.169.254]/')).toMatchObject({ reason: expect.stringContaining('link-local') });
    expect(checkSourceUrl('http://api.localhost/')).toMatchObject({ ok: false, kind: 'blocked' });
  });

  it('accepts public addresses, and private ones whose host is allowed', () => {
    for (const url of ['https://example.com/feed.xml', 'http://93.184.216.34/rss', 'http://[2606:2800:220:1::1]/', 'http://[64:ff9b::5db8:d822]/']) {
      expect(checkSourceUrl(url).ok, url).toBe(true);
    }
    const allowed = parsePrivateHosts('10.0.0.5,::1');
    expect(checkSourceUrl('http://10.0.0.5/feed.xml', allowed).ok).toBe(true);
    expect(checkSourceUrl('http://[::1]:8080/feed.xml', allowed).ok).toBe(true);
    expect(checkSourceUrl('http://10.0.0.6/feed.xml', allowed).ok).toBe(false);
  });
});

describe('parsePrivateHosts', () => {
  it('reads a comma-separated list of hosts, normalised, ignoring empty entries', () => {
    expect(parsePrivateHosts(' Feeds.Intranet , 10.0.0.5,,[::1], ')).toEqual(new Set(['feeds.intranet', '10.0.0.5', '::1']));
    expect(parsePrivateHosts(undefined)).toEqual(new Set());
  });

  it('refuses an entry that is not a bare host, naming it and the setting', () => {
    expect(() => parsePrivateHosts('feeds.intranet,http://10.0.0.5/')).toThrow(/BRIEFBOT_PRIVATE_HOSTS holds "http:\/\/10\.0\.0\.5\/", which is not a host name/);
    expect(() => parsePrivateHosts('feeds.intranet:8080')).toThrow(/not a host name/);
  });
});

describe('answers that are not a feed', () => {
  it('refuses an image, naming its type', async () => {
    const server = await serve({ '/logo.png': (_req, res) => void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(64)) });
    const error = await refusal(fetchSource(server.url('/logo.png'), {}, LOOPBACK_ALLOWED));
    expect(error.code).toBe('content-type');
    expect(error.message).toContain('sent image/png for /logo.png, not a feed or a web page');
  });

  it('refuses PDFs, octet-stream and answers with no Content-Type', async () => {
    const server = await serve({
      '/report.pdf': (_req, res) => void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7'),
      '/blob': (_req, res) => void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end('x'),
      '/unlabelled': (_req, res) => {
        res.removeHeader('content-type');
        res.writeHead(200).end('<rss/>');
      },
    });
    for (const [path, sent] of [['/report.pdf', 'application/pdf'], ['/blob', 'application/octet-stream'], ['/unlabelled', 'a response with no Content-Type']] as const) {
      const error = await refusal(fetchSource(server.url(path), {}, LOOPBACK_ALLOWED));
      expect(error.code, path).toBe('content-type');
      expect(error.message, path).toContain(`sent ${sent} for ${path}`);
    }
  });

  it('accepts every feed and page type', async () => {
    const types = [
      'application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml', 'application/feed+json', 'application/json',
      'application/rdf+xml', 'application/x-rss+xml', 'text/html; charset=UTF-8', 'Application/XHTML+XML',
    ];
    const server = await serve(Object.fromEntries(types.map((type, i) => [`/${i}`, rss('{}', { 'content-type': type })])));
    for (const [i, type] of types.entries()) {
      expect(await fetchSource(server.url(`/${i}`), {}, LOOPBACK_ALLOWED), type).toMatchObject({ status: 'ok', contentType: type });
    }
  });

  it('reports a missing page with its status, host and path', async () => {
    const server = await serve({});
    const error = await refusal(fetchSource(server.url('/gone.xml'), {}, LOOPBACK_ALLOWED));
    expect(error).toMatchObject({ code: 'http', httpStatus: 404 });
    expect(error.message).toContain(`the server at ${new URL(server.origin).host} has nothing at /gone.xml (404 Not Found)`);
  });

  it('carries the wait a 503 asks for in Retry-After', async () => {
    const server = await serve({ '/busy.xml': (_req, res) => void res.writeHead(503, { 'retry-after': '120' }).end() });
    const error = await refusal(fetchSource(server.url('/busy.xml'), {}, LOOPBACK_ALLOWED));
    expect(error).toMatchObject({ code: 'http', httpStatus: 503, retryAfterMs: 120_000 });
    expect(error.message).toContain('It asked us to wait 2 min.');
  });

  it('reports a host missing from DNS as a DNS error naming it', async () => {
    const error = await refusal(fetchSource('https://no-such-host.example/feed.xml', {}, { lookup: fakeDns({}) }));
    expect(error.code).toBe('dns');
    expect(error.message).toBe('no-such-host.example was not found in DNS; check the host name for typos');
  });

  it('rejects with the caller\'s reason when the caller cancels', async () => {
    const server = await serve({ '/silent.xml': () => undefined });
    const controller = new AbortController();
    const fetching = fetchSource(server.url('/silent.xml'), {}, LOOPBACK_ALLOWED, controller.signal);
    setTimeout(() => controller.abort(new Error('shutting down')), 50);
    await expect(fetching).rejects.toThrow('shutting down');
  });
});
