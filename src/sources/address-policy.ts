// Which addresses a source may be fetched from: no private networks (server-side request forgery), except the
// host names an administrator named. Pure checks: the fetcher resolves names and connects; this only decides.
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** A refused URL: `kind` says whether the address is unusable (scheme: not http(s), malformed) or forbidden (blocked). */
export type UrlCheck = { ok: true; url: URL } | { ok: false; kind: 'scheme' | 'blocked'; reason: string };
export type AddressCheck = { ok: true; address: string; family: 4 | 6 } | { ok: false; reason: string };

/** What an address is when it is not a public one ("a loopback address"), or null for a public address. */
export function privateKind(address: string): string | null {
  if (isIP(address) === 0) return 'not an IP address';
  // process() turns an IPv4-mapped IPv6 address (::ffff:10.0.0.1) into the IPv4 address it reaches.
  const ip = ipaddr.process(address);
  return ip instanceof ipaddr.IPv6 ? ipv6Kind(ip) : ipv4Kind(ip);
}

const IPV4_KINDS: Record<string, string> = {
  unspecified: 'an unspecified address (0.0.0.0/8)',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (169.254.0.0/16, where cloud metadata services live)',
  loopback: 'a loopback address (this machine)',
  carrierGradeNat: 'a carrier-grade NAT address (100.64.0.0/10)',
  private: 'a private address',
  reserved: 'a reserved address',
};

function ipv4Kind(ip: ipaddr.IPv4): string | null {
  const range = ip.range();
  return range === 'unicast' ? null : (IPV4_KINDS[range] ?? `a special-purpose address (${range})`);
}

const IPV6_KINDS: Record<string, string> = {
  unspecified: 'an unspecified address (::)',
  loopback: 'a loopback address (this machine)',
  linkLocal: 'a link-local address (fe80::/10)',
  uniqueLocal: 'a unique-local address (fc00::/7, a private network)',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
};
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96');

function ipv6Kind(ip: ipaddr.IPv6): string | null {
  // A NAT64 address reaches the IPv4 address in its last 32 bits: judge that one.
  if (ip.match(NAT64)) {
    return ipv4Kind(new ipaddr.IPv4(ip.toByteArray().slice(12)));
  }
  const range = ip.range();
  if (range !== 'unicast') return IPV6_KINDS[range] ?? `a special-purpose address (${range})`;
  // ipaddr.js calls everything it has no name for "unicast", including ::/8 oddities such as ::7f00:1; every
  // public IPv6 address is in 2000::/3, so anything else is refused.
  return ip.match(GLOBAL_UNICAST) ? null : 'an address outside the public IPv6 range';
}

/** A host name or IP literal as compared with the allowed list: lower case, no brackets, no trailing dot. */
export function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return isIP(h) !== 0 ? ipaddr.parse(h).toString() : h;
}

// A host name: dot-separated labels of letters, digits and hyphens (no scheme, port, path or spaces).
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/**
 * BRIEFBOT_PRIVATE_HOSTS: comma-separated host names and IP literals that may resolve to private addresses
 * (intranet feeds). Throws, naming the entry, when one is not a bare host name or IP address.
 */
export function parsePrivateHosts(setting: string | undefined): Set<string> {
  const hosts = new Set<string>();
  for (const entry of (setting ?? '').split(',')) {
    if (entry.trim() === '') continue;
    const host = normalizeHost(entry);
    if (isIP(host) === 0 && !HOST_NAME.test(host)) {
      throw new Error(
        `BRIEFBOT_PRIVATE_HOSTS holds "${entry.trim()}", which is not a host name or IP address. ` +
          'List bare host names or addresses without scheme or port, e.g. BRIEFBOT_PRIVATE_HOSTS=feeds.intranet,10.0.0.5',
      );
    }
    hosts.add(host);
  }
  return hosts;
}

/** How an administrator allows an intranet host; never offered for link-local addresses (cloud metadata lives there). */
const allowHint = (host: string, kind = '') =>
  kind.includes('link-local') ? 'feeds are never fetched from link-local addresses' : `an administrator can allow it with BRIEFBOT_PRIVATE_HOSTS=${host}`;

/**
 * The checks that need no network, done when a source is added and on every redirect: a well-formed http(s) URL,
 * no user name or password in it, and no private IP literal or localhost name unless the host is allowed.
 */
export function checkSourceUrl(url: string, privateHosts: ReadonlySet<string> = new Set()): UrlCheck {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return { ok: false, kind: 'scheme', reason: `"${clip(url)}" is not a web address; give a full URL such as https://example.com/feed.xml` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    return { ok: false, kind: 'scheme', reason: `refused: ${u.protocol} addresses cannot be sources; only http:// and https:// are fetched` };
  }
  if (u.username !== '' || u.password !== '') {
    return { ok: false, kind: 'blocked', reason: `refused: the address for ${u.hostname} holds a user name or password; briefbot fetches public feeds only, so give it without credentials` };
  }
  const host = normalizeHost(u.hostname);
  if (host === '') return { ok: false, kind: 'scheme', reason: `"${clip(url)}" names no host` };
  if (privateHosts.has(host)) return { ok: true, url: u };
  if (isIP(host) !== 0) {
    const kind = privateKind(host);
    if (kind) return { ok: false, kind: 'blocked', reason: `refused: ${host} is ${kind}, not a public one; ${allowHint(host, kind)}` };
  } else if (host === 'localhost' || host.endsWith('.localhost')) {
    // RFC 6761: these names always mean this machine, whatever DNS says.
    return { ok: false, kind: 'blocked', reason: `refused: ${host} is this machine, not a public host; ${allowHint(host)}` };
  }
  return { ok: true, url: u };
}

/**
 * Chooses the address to connect to from a name's DNS answers. Every answer must be public unless the host is
 * allowed: a name that resolves to a public and a private address could otherwise reach the private one.
 */
export function checkAddresses(host: string, answers: readonly { address: string; family: number }[], privateHosts: ReadonlySet<string>): AddressCheck {
  const first = answers[0];
  if (!first) return { ok: false, reason: `${host} has no address in DNS; check the host name` };
  if (!privateHosts.has(normalizeHost(host))) {
    for (const { address } of answers) {
      const kind = privateKind(address);
      if (kind) return { ok: false, reason: `refused: ${host} resolves to ${address}, ${kind}, not a public one; ${allowHint(host, kind)}` };
    }
  }
  return { ok: true, address: first.address, family: first.family === 6 ? 6 : 4 };
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
