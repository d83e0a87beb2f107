import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { useAppAndBrowser } from '../support/browser-app.js';
import { axeViolations, overflowsHorizontally, screenshot, viewports, describeWithBrowser } from '../support/browser.js';
import { world } from '../support/world.js';

/** A 1×1 PNG: Leaflet draws it at 256×256 like any tile. */
const tilePng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');

/** A tile server on loopback that counts what it served. */
function startTileServer(): Promise<{ server: http.Server; port: number; served: string[] }> {
  const served: string[] = [];
  const server = http.createServer((request, response) => {
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(request.url ?? '')) {
      response.writeHead(404).end();
      return;
    }
    served.push(request.url!);
    response.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }).end(tilePng);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port, served })),
  );
}

let tiles: Awaited<ReturnType<typeof startTileServer>> | undefined;
const running = useAppAndBrowser('maps', async () => {
  tiles = await startTileServer();
  return {
    MAP_TILES_URL: `http://127.0.0.1:${tiles.port}/{z}/{x}/{y}.png`,
    MAP_TILES_ATTRIBUTION: 'Kafelki testowe <b>',
    MAP_TILES_ATTRIBUTION_URL: 'https://tiles.example/copyright',
  };
});
afterAll(() => {
  tiles?.server.close();
});

const { a1 } = world.districts;

const pages = [
  ['the locator', '/'],
  ['a district page', `/rejony/${a1.id}`],
  ['the report form', '/zglos'],
  ['the reports map', '/zgloszenia'],
] as const;

describeWithBrowser.each(['phone', 'desktop'] as const)('maps with a tile server on a %s', (viewport) => {
  it.each(pages)('draws %s on the configured tiles, credited as configured', async (_name, url) => {
    const context = await running.browser.newContext({ viewport: viewports[viewport], locale: 'pl-PL' });
    const page = await context.newPage();
    const before = tiles!.served.length;
    await page.goto(`${running.app.url}${url}`);
    await page.waitForSelector('.map--ready .leaflet-tile-loaded', { timeout: 15_000 });
    expect(tiles!.served.length).toBeGreaterThan(before);
    const credit = page.locator('.map--ready .leaflet-control-attribution a[href="https://tiles.example/copyright"]');
    // The configured text is shown as text: its markup is escaped.
    expect(await credit.textContent()).toBe('Kafelki testowe <b>');
    expect(await page.locator('.map__notice').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, `maps-tiles-${url.replace(/\W+/g, '-')}-${viewport}`);
    await context.close();
  });
});

describeWithBrowser.each(['phone', 'desktop'] as const)('maps when the tile server cannot be reached, on a %s', (viewport) => {
  it('draws district outlines with their numbers and the town from our own data, and says why', async () => {
    const context = await running.browser.newContext({ viewport: viewports[viewport], locale: 'pl-PL' });
    // The tile server is down for this browser: every tile request fails.
    await context.route(`http://127.0.0.1:${tiles!.port}/**`, (route) => route.abort('connectionrefused'));
    const page = await context.newPage();
    await page.goto(`${running.app.url}/rejony/${a1.id}`);
    // The map may draw the outlines of another view before it settles on the district: wait for a1's own label.
    const own = `Rejon ${a1.number}, ${world.units.a.name}`;
    await page.waitForSelector(`.map--ready .map-label--district span[title="${own}"]`, { timeout: 15_000 });
    expect(await page.locator('.map__notice').textContent()).toContain('Podkład mapy jest teraz niedostępny');
    const numbers = await page.locator('.map-label--district').allTextContents();
    expect(numbers).toContain(String(a1.number));
    expect(await page.locator('.map-label--place').allTextContents()).toContain(a1.rules[0]!.locality);
    expect(await page.locator('.map--ready .leaflet-tile-loaded').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, `maps-offline-district-${viewport}`);
    await context.close();
  });
});
