import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { sessionExpiry } from '../auth/sessions.js';

describe('configuration', () => {
  it('defaults to the embedded database in ./data with demo data', () => {
    const config = loadConfig({});
    expect(config.database.kind).toBe('embedded');
    expect(config.port).toBe(3000);
    expect(config.loadDemoData).toBe(true);
    expect(config.secureCookies).toBe(false);
    expect(config.retentionJob).toBe(true);
  });

  it('keeps the embedded database durable unless PGLITE_DURABILITY=relaxed, and refuses other values', () => {
    expect(loadConfig({}).database).toMatchObject({ kind: 'embedded', durability: 'full' });
    expect(loadConfig({ PGLITE_DURABILITY: 'relaxed' }).database).toMatchObject({ durability: 'relaxed' });
    expect(loadConfig({ PGLITE_DURABILITY: ' Full ' }).database).toMatchObject({ durability: 'full' });
    expect(() => loadConfig({ PGLITE_DURABILITY: 'off' })).toThrow(ConfigError);
    expect(() => loadConfig({ PGLITE_DURABILITY: 'off' })).toThrow(
      'PGLITE_DURABILITY="off": oczekiwano jednej z wartości full | relaxed / expected one of full | relaxed',
    );
  });

  it('runs the retention job in the app unless RETENTION_JOB is false', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).retentionJob).toBe(true);
    expect(loadConfig({ RETENTION_JOB: 'false' }).retentionJob).toBe(false);
    expect(loadConfig({ RETENTION_JOB: 'nie' }).retentionJob).toBe(false);
    expect(loadConfig({ RETENTION_JOB: 'true' }).retentionJob).toBe(true);
    expect(() => loadConfig({ RETENTION_JOB: 'hourly' })).toThrow(/RETENTION_JOB="hourly": oczekiwano true\/false/);
  });

  it('runs the deadline reminder job in the app unless REMINDER_JOB is false', () => {
    expect(loadConfig({}).reminderJob).toBe(true);
    expect(loadConfig({ REMINDER_JOB: 'false' }).reminderJob).toBe(false);
    expect(() => loadConfig({ REMINDER_JOB: 'daily' })).toThrow(/REMINDER_JOB="daily": oczekiwano true\/false/);
  });

  it('uses PostgreSQL with DATABASE_URL and then loads no demo accounts unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@h/db' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@h/db', poolSize: 10 });
    expect(config.loadDemoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', DATABASE_POOL_SIZE: '40' }).database).toMatchObject({ poolSize: 40 });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db', DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE="0"/);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', DEMO_DATA: 'true' }).loadDemoData).toBe(true);
  });

  it('explains bad values in Polish and English', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT="70000": oczekiwano liczby całkowitej/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/must start with postgres/);
    expect(() => loadConfig({ DEMO_DATA: 'maybe' })).toThrow(/expected true or false/);
    expect(() => loadConfig({ DOCUMENT_WORKER_MEMORY_MB: '8' })).toThrow(
      /DOCUMENT_WORKER_MEMORY_MB="8": oczekiwano liczby całkowitej od 32/,
    );
  });

  it('maps use OpenStreetMap tiles by default, a configured source, or none; http only on loopback', () => {
    const defaults = loadConfig({}).mapTiles;
    expect(defaults.url).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(defaults.attribution).toContain('OpenStreetMap');
    expect(defaults.attributionUrl).toBe('https://www.openstreetmap.org/copyright');
    expect(loadConfig({ MAP_TILES_URL: 'none' }).mapTiles.url).toBeNull();
    const own = loadConfig({
      MAP_TILES_URL: 'http://127.0.0.1:8080/{z}/{x}/{y}.png',
      MAP_TILES_ATTRIBUTION: 'Test',
      MAP_TILES_MAX_ZOOM: '17',
    }).mapTiles;
    expect(own).toEqual({ url: 'http://127.0.0.1:8080/{z}/{x}/{y}.png', attribution: 'Test', attributionUrl: null, maxZoom: 17 });
    // The older variable names still work.
    expect(loadConfig({ MAP_TILE_URL: 'https://{s}.tiles.example/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'X' }).mapTiles.url).toBe(
      'https://{s}.tiles.example/{z}/{x}/{y}.png',
    );
    expect(() => loadConfig({ MAP_TILES_URL: 'http://tiles.example/{z}/{x}/{y}.png', MAP_TILES_ATTRIBUTION: 'X' })).toThrow(
      /MAP_TILES_URL=.*oczekiwano adresu https/,
    );
    expect(() => loadConfig({ MAP_TILES_URL: 'https://tiles.example/{z}/{y}.png', MAP_TILES_ATTRIBUTION: 'X' })).toThrow(ConfigError);
    expect(() => loadConfig({ MAP_TILES_URL: 'https://tiles.example/{z}/{x}/{y}.png' })).toThrow(/set MAP_TILES_ATTRIBUTION too/);
    expect(() => loadConfig({ MAP_TILES_MAX_ZOOM: '25' })).toThrow(/MAP_TILES_MAX_ZOOM="25"/);
    expect(() => loadConfig({ MAP_TILES_ATTRIBUTION_URL: 'javascript:alert(1)' })).toThrow(/MAP_TILES_ATTRIBUTION_URL/);
  });

  it('trusts no proxy by default, or a number of hops, or a list of proxy addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: ' 2 ' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1, fd00::/8,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    // Not a list of proxies: everyone in other words, odd spellings, too-wide subnets.
    for (const wide of ['0.0.0.0/0', '::/0', '0.0.0.0/1,128.0.0.0/1', '10.0.0.0/7'])
      expect(() => loadConfig({ TRUST_PROXY: wide }), wide).toThrow(/jest zbyt szeroka.*too wide/);
    for (const odd of ['1.5', '0x7f.1', '10.0.0.0/33', '10.0.0.0/x', 'fd00::/129'])
      expect(() => loadConfig({ TRUST_PROXY: odd }), odd).toThrow(/nie jest adresem IP ani podsiecią/);
    expect(loadConfig({ TRUST_PROXY: 'fc00::/7' }).trustProxy).toEqual(['fc00::/7']);
  });

  it('refuses TRUST_PROXY=true, which would let every client choose its address, and names the alternatives', () => {
    for (const value of ['true', 'yes', 'TAK']) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/liczbę serwerów pośredniczących.*number of reverse proxies/s);
    }
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY="10.0.0.0\/33": „10.0.0.0\/33” nie jest adresem/);
    expect(() => loadConfig({ TRUST_PROXY: 'nginx' })).toThrow(/"nginx" is not an IP address/);
    expect(() => loadConfig({ TRUST_PROXY: '99' })).toThrow(/from 1 to 10/);
  });

  it('marks cookies Secure when the public URL is https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://dzielnicowy.example.pl' }).secureCookies).toBe(true);
  });
});

describe('session expiry', () => {
  const policy = { idleMinutes: 60, maxHours: 12 };
  const t0 = new Date('2026-11-22T08:00:00Z');
  it('ends after the idle time without requests', () => {
    expect(sessionExpiry(t0, t0, policy).toISOString()).toBe('2026-11-22T09:00:00.000Z');
  });
  it('never outlives the maximum, however active', () => {
    const late = new Date('2026-11-22T19:30:00Z');
    expect(sessionExpiry(t0, late, policy).toISOString()).toBe('2026-11-22T20:00:00.000Z');
  });
});
