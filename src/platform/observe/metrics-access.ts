import { createHash, timingSafeEqual } from 'node:crypto';
import ipaddr from 'ipaddr.js';

export interface ScrapeRequest {
  /** The Authorization header as sent. */
  authorization: string | undefined;
  /** The client's address as the app reads it (request.ip: behind trusted proxies, the client beyond them). */
  clientIp: string;
  /** Whether the request names a client beyond a proxy (X-Forwarded-For, Forwarded, X-Real-IP). */
  forwarded: boolean;
}

/**
 * Who may read GET /metrics (route names, counts, the mail backlog: nothing personal, but nothing
 * for the public either): a scraper with the METRICS_TOKEN as a Bearer token, from anywhere; and
 * anyone on this machine itself (loopback) whose request no proxy forwarded, since a reverse proxy
 * on the same machine connects from loopback on behalf of the whole internet. Everyone else gets
 * the 404 of a path that does not exist.
 */
export function mayReadMetrics(token: string | null, request: ScrapeRequest): boolean {
  // The scheme's name is case-insensitive (RFC 9110 §11.1).
  const sent = /^bearer\s+(\S+)\s*$/i.exec(request.authorization ?? '')?.[1];
  if (token && sent) {
    // Hashes of equal length, so the comparison takes the same time whatever was sent.
    const digest = (text: string) => createHash('sha256').update(text).digest();
    if (timingSafeEqual(digest(sent), digest(token))) return true;
  }
  return !request.forwarded && isLoopback(request.clientIp);
}

function isLoopback(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  const address = ipaddr.parse(ip);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (address as ipaddr.IPv6).toIPv4Address().range() === 'loopback';
  }
  return address.range() === 'loopback';
}
