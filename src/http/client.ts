import { isIP } from 'node:net';
import type { Request } from 'restify';

/** '::ffff:127.0.0.1' → '127.0.0.1': one spelling per address. */
export function plainAddress(address: string | undefined): string {
  const value = (address ?? '').trim();
  return value.startsWith('::ffff:') && isIP(value.slice(7)) === 4 ? value.slice(7) : value;
}

export function isLoopback(address: string): boolean {
  const plain = plainAddress(address);
  return plain === '::1' || /^127\.\d+\.\d+\.\d+$/.test(plain);
}

/** True when a proxy says it forwarded the request (the socket's peer is then not the client). */
export function isForwarded(req: Request): boolean {
  return req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
}

/**
 * Who is calling, for rate limits and quotas: the socket's peer, or, when that peer is one
 * of the trusted proxies (TRUST_PROXY), the right-most X-Forwarded-For address that is not
 * itself a trusted proxy. Without TRUST_PROXY the header is ignored: anybody can write it.
 */
export function clientAddress(req: Request, trustedProxies: readonly string[]): string {
  const peer = plainAddress(req.socket?.remoteAddress);
  if (!trustedProxies.includes(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map(plainAddress)
    .filter((hop) => isIP(hop) !== 0);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trustedProxies.includes(hops[i])) return hops[i];
  }
  return peer;
}

/**
 * True when the request comes straight from this machine: a loopback peer and no proxy in
 * between (a reverse proxy on the same host is loopback too, but its clients are not).
 */
export function isLocalClient(req: Request): boolean {
  return isLoopback(req.socket?.remoteAddress ?? '') && !isForwarded(req);
}
