import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import type { TrustProxy } from '../config/config.js';

/** A request id we pass on as it came: a short token (UUIDs, nginx's $request_id, trace ids), nothing to inject into a log or a header. */
const saneRequestId = /^[A-Za-z0-9._:=+/-]{1,128}$/;

// The names proxy-addr (and so TRUST_PROXY) knows for common ranges.
const namedRanges: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** Whether the peer of the socket is one of the reverse proxies TRUST_PROXY names. */
export function isTrustedProxy(address: string | undefined, setting: TrustProxy): boolean {
  if (setting === false || !address || !ipaddr.isValid(address)) return false;
  // A number of hops trusts whoever connects (the app is reachable only through its proxies; client-address.ts).
  if (typeof setting === 'number') return setting > 0;
  let peer = ipaddr.parse(address);
  if (peer.kind() === 'ipv6' && (peer as ipaddr.IPv6).isIPv4MappedAddress()) peer = (peer as ipaddr.IPv6).toIPv4Address();
  return setting
    .flatMap((entry) => namedRanges[entry] ?? [entry.includes('/') ? entry : `${entry}/${entry.includes(':') ? 128 : 32}`])
    .some((range) => {
      const [network, bits] = ipaddr.parseCIDR(range);
      return network.kind() === peer.kind() && peer.match(network, bits);
    });
}

/**
 * Fastify's genReqId: the X-Request-Id a trusted proxy sends, when it is a sane token, so one id
 * follows a request through the proxy's log and ours; otherwise a new UUID. A client reaching the
 * app directly cannot choose the id its requests are logged under.
 */
export function requestIdGenerator(setting: TrustProxy): (request: IncomingMessage) => string {
  return (request) => {
    const incoming = request.headers['x-request-id'];
    if (typeof incoming === 'string' && saneRequestId.test(incoming) && isTrustedProxy(request.socket.remoteAddress, setting))
      return incoming;
    return randomUUID();
  };
}
