import type { Db } from '../../platform/db/database.js';
import { type Register, localityKey, streetKey } from '../districts/index.js';
import type { Report } from './model.js';
import { openAddressReports, openReportsNearPublicPoint } from './repository.js';
import { boundingBoxAround, distanceMeters, proximityOfDistance, similarRadiusMeters, type Proximity } from './rules/index.js';
import { placeReport } from './submit-report.js';

/** A similar report and how near it is said to be (rules/nearby.ts: from public data only). */
export interface SimilarReport {
  report: Report;
  proximity: Proximity;
}

/**
 * The part of an address that every house number of a street shares, as the register reads it:
 * the town and street of the rule it falls under, or the town alone when that rule is the whole
 * town or village. Never the house number. Null when the register cannot read the address.
 */
function placeOfAddress(
  register: Register,
  address: string,
): { key: string; proximity: 'same_street' | 'same_locality'; units: string[] } | null {
  const { matches } = register.byAddress(address);
  const rule = matches[0]?.rule;
  if (!rule) return null;
  const town = localityKey(rule.locality);
  const units = [...new Set(matches.map((m) => m.card.unit.id))];
  return rule.street === null
    ? { key: town, proximity: 'same_locality', units }
    : { key: `${town}|${streetKey(rule.street).key}`, proximity: 'same_street', units };
}

/**
 * Open reports of the same category near a point or at an address: "me too" instead of a
 * duplicate. Anyone may ask anything, so the answer depends only on public data (rules/nearby.ts):
 * for a point, the reports whose public point lies within the radius, in bands of distance to that
 * point; for an address, the reports given by address on the same street (or in the same town or
 * village) as the register reads it, whatever the house number.
 */
export async function similarOpenReports(
  db: Db,
  register: Register,
  categoryId: string,
  where: { lat: number; lon: number } | { address: string },
): Promise<SimilarReport[]> {
  if ('address' in where) {
    placeReport(register, where); // a clear 422 for an address nobody serves
    const place = placeOfAddress(register, where.address);
    if (!place) return [];
    const candidates = await openAddressReports(db, categoryId, place.units);
    return candidates
      .filter((report) => placeOfAddress(register, report.address!)?.key === place.key)
      .map((report) => ({ report, proximity: place.proximity }));
  }
  const here = { lon: where.lon, lat: where.lat };
  const candidates = await openReportsNearPublicPoint(db, categoryId, boundingBoxAround(here, similarRadiusMeters));
  return candidates
    .map((report) => ({ report, distance: distanceMeters(here, report.publicPosition!) }))
    .filter((c) => c.distance <= similarRadiusMeters)
    .sort((a, b) => a.distance - b.distance || b.report.createdAt.getTime() - a.report.createdAt.getTime())
    .map(({ report, distance }) => ({ report, proximity: proximityOfDistance(distance)! }));
}
