/**
 * What the residents' part of the mixed load asks for, read from a running instance's public API
 * before the load starts (not measured): typed addresses and points the locator answers, the
 * public pages, map viewports, and the report categories offered today.
 */
import type { MultiPolygon } from '../../src/modules/districts/index.js';
import { unitUrl } from '../../src/modules/units/index.js';
import { randomPointsInside, random } from '../../test/support/synthetic-districts.js';
import { getJson } from './client.js';

export interface Targets {
  /** Addresses as residents type them, each answered with one district. */
  addresses: string[];
  /** [lon, lat] inside a district, each answered with a district. */
  points: [number, number][];
  districtPages: string[];
  planPages: string[];
  unitPages: string[];
  /** Query strings of /api/v1/reports/map: a 1280 × 800 px window at zoom 8–16. */
  viewports: string[];
  /** Category codes a report may take today (active, not out of season). */
  categories: string[];
}

interface District {
  id: string;
  unitId: string;
  url: string;
  rules: { locality: string; street: string | null; numbers: { from: string; to: string | null; parity: string }[] | null }[];
  polygon: MultiPolygon | null;
}

const pathOf = (url: string) => new URL(url).pathname;

/** A house number a rule holds: its first number, or 7 for a whole street or village. */
function numberOf(rule: District['rules'][number]): string {
  return rule.numbers?.[0]?.from ?? '7';
}

/** The ways people type an address (the locator reads them all): "Street 12, Town", "Town, ul. Street 12", "Village 12". */
function typedAddresses(district: District): string[] {
  return district.rules.map((rule, i) => {
    const n = numberOf(rule);
    if (!rule.street) return `${rule.locality} ${n}`;
    return i % 2 ? `${rule.locality}, ul. ${rule.street} ${n}` : `${rule.street} ${n}, ${rule.locality}`;
  });
}

/** One viewport of the map: 360° / 2^zoom per 256 px tile, latitude squeezed for Poland's ~52°. */
export function viewport(lon: number, lat: number, zoom: number): string {
  const width = (1280 / 256) * (360 / 2 ** zoom);
  const height = (800 / 256) * (360 / 2 ** zoom) * 0.62;
  const bbox = [lon - width / 2, lat - height / 2, lon + width / 2, lat + height / 2].map((v) => v.toFixed(5)).join(',');
  return `bbox=${bbox}&zoom=${zoom}`;
}

const located = async (base: string, query: string) => (await getJson(base, `/api/v1/locate?${query}`)).status === 200;

export async function readTargets(base: string): Promise<Targets> {
  const { districts } = (await getJson(base, '/api/v1/districts')).json as { districts: District[] };
  const { plans } = (await getJson(base, '/api/v1/plans?pageSize=100')).json as { plans: { url: string }[] };
  const { categories } = (await getJson(base, '/api/v1/report-categories')).json as {
    categories: { code: string; active: boolean; season: unknown }[];
  };
  const polygons = districts.flatMap((d) => (d.polygon ? [{ id: d.id, geometry: d.polygon }] : []));
  if (polygons.length === 0) throw new Error('the register has no district areas: the load needs points inside districts');

  // Only what the locator answers: a typed address it cannot place would measure a 404, not a lookup.
  const addresses: string[] = [];
  for (const address of districts.flatMap(typedAddresses)) {
    if (await located(base, `address=${encodeURIComponent(address)}`)) addresses.push(address);
  }
  const points: [number, number][] = [];
  for (const { point } of randomPointsInside(polygons, 300, 16)) {
    if (await located(base, `lat=${point[1]}&lon=${point[0]}`)) points.push(point);
  }
  const rand = random(23);
  const viewports = randomPointsInside(polygons, 400, 42).map(({ point }) => viewport(point[0], point[1], 8 + Math.floor(rand() * 9)));
  const offered = categories.filter((c) => c.active && c.season === null).map((c) => c.code);
  if (!addresses.length || !points.length || !plans.length || !offered.length) {
    throw new Error(
      `the demo data lacks what the load needs: ${addresses.length} addresses, ${points.length} points, ${plans.length} plans, ${offered.length} categories`,
    );
  }
  return {
    addresses,
    points,
    districtPages: districts.map((d) => pathOf(d.url)),
    planPages: plans.map((p) => pathOf(p.url)),
    unitPages: [...new Set(districts.map((d) => unitUrl(d.unitId)))],
    viewports,
    categories: offered,
  };
}
