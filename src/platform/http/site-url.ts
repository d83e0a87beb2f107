import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/config.js';

// A host as a Host header may carry it: a name or IPv4 address, or a bracketed IPv6 address, and a port.
const hostPattern =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\.?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * The site's address (protocol and host, no trailing slash) for absolute links in an answer to
 * `request`: PUBLIC_URL when it is set; otherwise the address the request reached the site on, so
 * a poster printed from http://192.168.1.20:3000 links there and not to localhost. Protocol and host
 * come from Fastify, which reads X-Forwarded-Proto/-Host only from a proxy TRUST_PROXY trusts.
 * A Host that is not a host name (a client can send anything) falls back to the configured address.
 */
export function siteOrigin(request: FastifyRequest, config: Pick<Config, 'publicUrl' | 'publicUrlSet'>): string {
  if (config.publicUrlSet) return config.publicUrl;
  const protocol = request.protocol === 'https' ? 'https' : 'http';
  const host = request.host;
  if (!host || host.length > 300 || !hostPattern.test(host)) return config.publicUrl;
  return `${protocol}://${host.toLowerCase()}`;
}

/** An absolute link to `path` (starting with "/") for an answer to `request`; see siteOrigin. */
export function absoluteUrl(request: FastifyRequest, config: Pick<Config, 'publicUrl' | 'publicUrlSet'>, path: string): string {
  return `${siteOrigin(request, config)}${path}`;
}
