import { describe, expect, it } from 'vitest';
import { mayReadMetrics, type ScrapeRequest } from './metrics-access.js';
import { loadConfig } from '../config/config.js';

const token = 'a-long-enough-metrics-token';
const from = (clientIp: string, extra: Partial<ScrapeRequest> = {}): ScrapeRequest => ({
  clientIp,
  authorization: undefined,
  forwarded: false,
  ...extra,
});

describe('who may read /metrics', () => {
  it('lets in this machine, unless a proxy forwarded the request, and the Bearer token from anywhere', () => {
    const cases: Array<[string | null, ScrapeRequest, boolean]> = [
      [null, from('127.0.0.1'), true],
      [null, from('::1'), true],
      [null, from('::ffff:127.0.0.1'), true],
      [null, from('127.0.0.1', { forwarded: true }), false],
      [null, from('10.0.0.1'), false],
      [null, from('203.0.113.1', { authorization: `Bearer ${token}` }), false],
      [token, from('203.0.113.1'), false],
      [token, from('203.0.113.1', { authorization: `Bearer ${token}` }), true],
      [token, from('203.0.113.1', { authorization: `Bearer  ${token} ` }), true],
      [token, from('203.0.113.1', { authorization: `Bearer ${token}x` }), false],
      [token, from('203.0.113.1', { authorization: `Bearer ${token.slice(1)}` }), false],
      [token, from('203.0.113.1', { authorization: `bearer ${token}` }), true],
      [token, from('203.0.113.1', { authorization: `Bearer ${token} extra` }), false],
      [token, from('203.0.113.1', { authorization: token }), false],
      [token, from('127.0.0.1', { forwarded: true, authorization: `Bearer ${token}` }), true],
      [token, from('not an address'), false],
    ];
    for (const [configured, request, allowed] of cases)
      expect(mayReadMetrics(configured, request), JSON.stringify([configured, request])).toBe(allowed);
  });

  it('takes a METRICS_TOKEN nobody guesses, or none', () => {
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(loadConfig({ METRICS_TOKEN: ` ${token} ` }).metricsToken).toBe(token);
    for (const weak of ['short', 'has a space in it, long enough'])
      expect(() => loadConfig({ METRICS_TOKEN: weak }), weak).toThrow(/METRICS_TOKEN: oczekiwano co najmniej 16 znaków/);
  });
});
