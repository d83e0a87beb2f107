import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isTrustedProxy, requestIdGenerator } from './request-id.js';
import type { TrustProxy } from '../config/config.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const request = (remoteAddress: string, id?: string) =>
  ({ headers: id === undefined ? {} : { 'x-request-id': id }, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe('request ids', () => {
  it('trusts as a proxy only a peer TRUST_PROXY names', () => {
    const cases: Array<[TrustProxy, string, boolean]> = [
      [false, '127.0.0.1', false],
      [1, '198.51.100.1', true],
      [['10.0.0.0/8'], '10.2.3.4', true],
      [['10.0.0.0/8'], '::ffff:10.2.3.4', true],
      [['10.0.0.0/8'], '11.2.3.4', false],
      [['127.0.0.1'], '127.0.0.1', true],
      [['127.0.0.1'], '127.0.0.2', false],
      [['loopback'], '::1', true],
      [['uniquelocal'], '192.168.1.1', true],
      [['uniquelocal'], '8.8.8.8', false],
      [['fd00::/8'], 'fd00::1', true],
      [['fd00::/8'], '10.0.0.1', false],
    ];
    for (const [setting, address, trusted] of cases)
      expect(isTrustedProxy(address, setting), `${String(setting)} ${address}`).toBe(trusted);
  });

  it('takes a sane X-Request-Id from a trusted proxy and makes a new one otherwise', () => {
    const behindProxy = requestIdGenerator(['10.0.0.0/8']);
    expect(behindProxy(request('10.0.0.5', 'abc-123_DEF.4:5'))).toBe('abc-123_DEF.4:5');
    expect(behindProxy(request('10.0.0.5'))).toMatch(uuid);
    for (const insane of ['', 'a b', 'x\ny', '<script>', 'ą', 'x'.repeat(129)])
      expect(behindProxy(request('10.0.0.5', insane)), insane).toMatch(uuid);
    expect(behindProxy(request('203.0.113.1', 'abc-123'))).toMatch(uuid);
    expect(requestIdGenerator(false)(request('127.0.0.1', 'abc-123'))).toMatch(uuid);
    const ids = new Set(Array.from({ length: 100 }, () => behindProxy(request('203.0.113.1'))));
    expect(ids.size).toBe(100);
  });
});
