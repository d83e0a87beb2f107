import ipaddr from 'ipaddr.js';

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
  const prefix = v6.parts.slice(0, 4).map((part) => part.toString(16)).join(':');
  return `${prefix}::/64`;
}
