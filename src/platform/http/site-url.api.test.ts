import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';

/**
 * Absolute links (API `url` fields, the Atom feed, the poster's QR code) point where the site was
 * reached when PUBLIC_URL is not set, and to PUBLIC_URL when it is: one function (site-url.ts).
 */
/** A map view around district b1 of the test world. */
const aroundB1 = [
  world.districts.b1.point.lon - 0.1,
  world.districts.b1.point.lat - 0.1,
  world.districts.b1.point.lon + 0.1,
  world.districts.b1.point.lat + 0.1,
].join(',');

describe.each(backends)('absolute links on %s', (backend) => {
  const apps: TestApp[] = [];
  const start = async (env: Record<string, string>) => {
    const t = await createTestApp(backend, env);
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  const get = (t: TestApp, url: string, headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'GET', url, headers, remoteAddress });
  /** Every absolute link one request's answers give, from the locator, the map, the feed and the poster. */
  const linksSeen = async (t: TestApp, headers: Record<string, string>, remoteAddress?: string) => {
    const located = (await get(t, `/api/v1/locate?address=${world.districts.b1.address}`, headers, remoteAddress)).json();
    const overview = (await get(t, `/api/v1/map/overview.geojson?bbox=${aroundB1}&zoom=11`, headers, remoteAddress)).json();
    const feed = (await get(t, '/plany.atom', headers, remoteAddress)).body;
    const poster = (await get(t, `/rejony/${world.districts.b1.id}/plakat.pdf`, headers, remoteAddress)).rawPayload;
    const posterText = execFileSync('pdftotext', ['-layout', '-', '-'], { input: poster }).toString();
    const district = (await get(t, `/api/v1/districts/${world.districts.b1.id}`, headers, remoteAddress)).json();
    const unit = (await get(t, `/api/v1/units/${world.units.b.id}`, headers, remoteAddress)).json();
    return {
      register: [district.url as string, unit.url as string],
      locate: located.matches[0].district.url as string,
      overview: (overview.features as { properties: { kind: string; url?: string } }[])
        .filter((f) => f.properties.url)
        .map((f) => f.properties.url!),
      feedSelf: /<link rel="self" href="([^"]+)"/.exec(feed)![1]!,
      feedEntries: [...feed.matchAll(/<entry><id>[^<]+<\/id><title>[^<]*<\/title><link href="([^"]+)"/g)].map((m) => m[1]!),
      poster: posterText,
    };
  };

  describe('without PUBLIC_URL', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await start({ TRUST_PROXY: '1' });
    });

    it('links to the host each request came in on, whichever it was', async () => {
      for (const host of ['dzielnicowy.example.pl', '192.168.1.20:3000']) {
        const links = await linksSeen(t, { host });
        expect(links.locate).toBe(`http://${host}/rejony/${world.districts.b1.id}`);
        expect(links.overview.length).toBeGreaterThan(0);
        for (const url of links.overview) expect(url.startsWith(`http://${host}/`), url).toBe(true);
        expect(links.feedSelf).toBe(`http://${host}/plany.atom`);
        expect(links.feedEntries.length).toBeGreaterThan(0);
        for (const id of links.feedEntries) expect(id.startsWith(`http://${host}/plany/`), id).toBe(true);
        expect(links.poster).toContain(`http://${host}/rejony/${world.districts.b1.id}`);
        expect(links.register).toEqual([`http://${host}/rejony/${world.districts.b1.id}`, `http://${host}/jednostki/${world.units.b.id}`]);
      }
    });

    it('takes protocol and host from a proxy TRUST_PROXY trusts, and not from anyone else', async () => {
      const forwarded = { host: 'internal:3000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'dzielnicowy.example.pl' };
      // Through the proxy (the socket's address is the trusted hop): the address the resident used.
      expect((await linksSeen(t, forwarded, '10.0.0.1')).locate).toBe(`https://dzielnicowy.example.pl/rejony/${world.districts.b1.id}`);
      const untrusted = await start({});
      // Without TRUST_PROXY the forwarded headers are the client's own words: the Host header counts.
      expect((await linksSeen(untrusted, forwarded, '10.0.0.1')).locate).toBe(`http://internal:3000/rejony/${world.districts.b1.id}`);
    });

    it('ignores a Host header that is not a host name, falling back to the configured address', async () => {
      const response = await get(t, `/api/v1/locate?address=${world.districts.b1.address}`, { host: 'evil.example/<script>' });
      expect(response.statusCode).toBe(200);
      expect(response.json().matches[0].district.url).toBe(`${t.config.publicUrl}/rejony/${world.districts.b1.id}`);
    });
  });

  describe('with PUBLIC_URL', () => {
    it('always links to PUBLIC_URL, whatever the Host header says', async () => {
      const t = await start({ PUBLIC_URL: 'https://dzielnicowy.policja.example/' });
      for (const host of ['localhost:3000', 'other.example']) {
        const links = await linksSeen(t, { host });
        expect(links.locate).toBe(`https://dzielnicowy.policja.example/rejony/${world.districts.b1.id}`);
        for (const url of links.overview) expect(url.startsWith('https://dzielnicowy.policja.example/'), url).toBe(true);
        expect(links.feedSelf).toBe('https://dzielnicowy.policja.example/plany.atom');
        expect(links.poster).toContain(`https://dzielnicowy.policja.example/rejony/${world.districts.b1.id}`);
        expect(links.register).toEqual([
          `https://dzielnicowy.policja.example/rejony/${world.districts.b1.id}`,
          `https://dzielnicowy.policja.example/jednostki/${world.units.b.id}`,
        ]);
      }
    });
  });
});
