import type { Localized } from '../../../platform/i18n/i18n.js';

/**
 * "Similar reports nearby" (podobne zgłoszenia w pobliżu): before saving, a resident is shown open
 * reports of the same kind close to their place, to say "me too" instead of sending a duplicate.
 * Anyone can ask, anywhere, as often as they like, so the answer is built from public data only:
 *
 * - for a point: which reports are in the answer, and how near they are said to be, depend on the
 *   reports' public points (the 50 m grid), never on their exact points. Distances to the exact
 *   point located a report to 0.3 m from three questions; even a bare yes/no "within 250 m of the
 *   exact point" leaks it through the edge of the circle.
 * - for a typed address: on what the register reads from it (the street, or the whole town or
 *   village when its rule is the whole place), never on the house number, so probing "ul. X 1",
 *   "ul. X 2", … cannot tell which house reported.
 *
 * How near is said in bands, not metres: the distance to the public point would leak nothing (that
 * point is published), but a figure such as "28 m" claims a precision the grid does not have
 * (the public point is up to ~35 m off the real place); a band says what a resident needs to judge
 * "is this the same thing?".
 */
export type Proximity = 'within_100_m' | 'within_250_m' | 'same_street' | 'same_locality';

/** The radius of the question, measured to the reports' public points. */
export const similarRadiusMeters = 250;

/** Radius bands, nearest first; a report within the radius falls into the first band that holds it. */
const radiusBands: readonly { upToMeters: number; proximity: Proximity }[] = [
  { upToMeters: 100, proximity: 'within_100_m' },
  { upToMeters: similarRadiusMeters, proximity: 'within_250_m' },
];

export const proximityLabels: Record<Proximity, Localized> = {
  within_100_m: { pl: 'w promieniu ok. 100 m', en: 'within about 100 m' },
  within_250_m: { pl: 'w promieniu ok. 250 m', en: 'within about 250 m' },
  same_street: { pl: 'przy tej samej ulicy', en: 'in the same street' },
  same_locality: { pl: 'w tej samej miejscowości', en: 'in the same town or village' },
};

/** The band of a distance from the asker's point to a report's PUBLIC point; null beyond the radius. */
export function proximityOfDistance(meters: number): Proximity | null {
  if (!(meters >= 0)) return null;
  return radiusBands.find((band) => meters <= band.upToMeters)?.proximity ?? null;
}
