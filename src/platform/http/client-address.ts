import ipaddr from 'ipaddr.js';
import type { FastifyInstance } from 'fastify';
import type { TrustProxy } from '../config/config.js';
import { AppError } from './errors.js';

/**
 * The key under which per-client limits count a client's requests. An IPv4 address is one
 * client; an IPv6 client usually holds a whole /64 (one home or phone gets 2^64 addresses and
 * may use a new one per request), so IPv6 addresses count per /64. IPv4-mapped IPv6 addresses
 * ("::ffff:192.0.2.1") are the IPv4 client they map. Text that is not an address is its own key.
 */
export function limitKeyOf(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.parse(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  const prefix = v6.parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(':');
  return `${prefix}::/64`;
}

/**
 * Fastify's `trustProxy` for our TRUST_PROXY setting. X-Forwarded-For is read from the right:
 * the socket's address (hop 0) and then each entry a proxy appended, as long as the hop is
 * trusted; the client's address is the last one read. For a number of proxies the hops up to
 * that number are trusted (Fastify itself, given a number, trusts none: a hop count cannot tell
 * a proxy from a client that reaches the app directly, so the app must be reachable only through
 * its proxies); for a list, the addresses in it.
 */
export function trustProxyOption(setting: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}

/**
 * Behind a proxy the client's address is an entry of X-Forwarded-For, which a proxy fills with
 * real addresses; anything else there means the app was reached around its proxy (or the proxy
 * passes the client's header through). Such a request is refused before any limit counts it or
 * anything records it, since every per-client limit and record relies on the address.
 */
export function refuseForgedClientAddresses(app: FastifyInstance, setting: TrustProxy): void {
  if (setting === false) return;
  app.addHook('onRequest', (request, _reply, done) => {
    if (ipaddr.isValid(request.ip)) return done();
    throw new AppError(400, 'invalid_client_address', {
      pl: 'Adres klienta w nagłówku X-Forwarded-For nie jest adresem IP. Połącz się przez serwer pośredniczący serwisu.',
      en: 'The client address in the X-Forwarded-For header is not an IP address. Connect through the service’s reverse proxy.',
    });
  });
}
