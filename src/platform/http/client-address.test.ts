import { describe, expect, it } from 'vitest';
import { limitKeyOf } from './client-address.js';

describe('limitKeyOf', () => {
  it('counts an IPv4 client by its address', () => {
    expect(limitKeyOf('192.0.2.17')).toBe('192.0.2.17');
    expect(limitKeyOf('192.0.2.18')).not.toBe(limitKeyOf('192.0.2.17'));
  });

  it('counts every address of one IPv6 /64 as one client, however it is written', () => {
    const key = limitKeyOf('2001:db8:aa:bb::1');
    expect(key).toBe('2001:db8:aa:bb::/64');
    expect(limitKeyOf('2001:0db8:00aa:00bb:ffff:1234:5678:9abc')).toBe(key);
    expect(limitKeyOf('2001:DB8:AA:BB:0:0:0:2')).toBe(key);
  });

  it('keeps neighbouring /64s apart', () => {
    expect(limitKeyOf('2001:db8:aa:bc::1')).not.toBe(limitKeyOf('2001:db8:aa:bb::1'));
  });

  it('treats an IPv4-mapped IPv6 address as the IPv4 client', () => {
    expect(limitKeyOf('::ffff:192.0.2.17')).toBe('192.0.2.17');
  });

  it('keeps text that is not an address as it is', () => {
    expect(limitKeyOf('unknown')).toBe('unknown');
  });
});
