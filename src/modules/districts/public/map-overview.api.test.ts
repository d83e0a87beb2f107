import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../test/support/databases.js';
import { TestClient, type TestApp, createTestApp } from '../../../../test/support/app.js';
import { world } from '../../../../test/support/world.js';

const unit = world.units.a;

interface Feature {
  properties: {
    kind: string;
    id?: string;
    number?: number;
    unit?: string;
    url?: string;
    name?: string;
    label?: [number, number];
    district?: number;
  };
  geometry: { type: string; coordinates: unknown };
}

/** The bounding box of every position in a GeoJSON geometry's coordinates. */
function extent(features: Feature[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') {
      const [lon, lat] = value as [number, number];
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    } else if (Array.isArray(value)) value.forEach(walk);
  };
  for (const feature of features) walk(feature.geometry.coordinates);
  return box;
}

describe.each(backends)('our own map of a view on %s', (backend) => {
  let t: TestApp;
  let client: TestClient;
  beforeAll(async () => {
    t = await createTestApp(backend);
    client = new TestClient(t.app);
  });
  afterAll(() => t.close());

  it('outlines every district of the view with its number, its label inside it, and names the towns it covers', async () => {
    const polygons = (await client.get(`/api/v1/districts.geojson?unitId=${unit.id}`)).json().features as Feature[];
    expect(polygons.length).toBeGreaterThan(1);
    const response = await client.get(`/api/v1/map/overview.geojson?bbox=${extent(polygons).join(',')}&zoom=11`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/geo+json');
    const features = response.json().features as Feature[];
    const outlined = features.filter((f) => f.properties.kind === 'district');
    for (const polygon of polygons) {
      expect(outlined.some((f) => f.properties.url === `http://localhost:80/rejony/${unit.id}/${polygon.properties.district}`)).toBe(true);
    }
    // Each label lies inside its own district: the locator, asked about that point, answers with it.
    for (const district of outlined.filter((f) => f.properties.url!.startsWith(`http://localhost:80/rejony/${unit.id}/`))) {
      const [lon, lat] = district.properties.label!;
      const located = (await client.get(`/api/v1/locate?lat=${lat}&lon=${lon}`)).json();
      expect(located.matches.map((m: { district: { id: string } }) => m.district.id)).toContain(district.properties.id);
    }
    // Towns are localities of the register's rules.
    const csv = (await client.get(`/api/v1/districts/export.csv?unitId=${unit.id}`)).body;
    const places = features.filter((f) => f.properties.kind === 'place').map((f) => f.properties.name!);
    expect(places).toContain(unit.locality);
    for (const name of places) expect(csv).toContain(`,${name},`);
  });

  it('refuses a malformed or reversed view with the reason, in Polish or English', async () => {
    const bad = await client.get('/api/v1/map/overview.geojson?bbox=22.5,51.4,abc,51.5&zoom=10');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_bbox');
    expect(bad.json().error.message).toContain('cztery liczby');
    const reversed = await client.get('/api/v1/map/overview.geojson?bbox=22.7,51.4,22.5,51.5&zoom=10', { 'accept-language': 'en' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toContain('minimum values must be smaller');
    expect((await client.get('/api/v1/map/overview.geojson?bbox=22.5,51.4,22.7,51.5')).statusCode).toBe(400);
  });
});
