import type { ThreatCategory } from '../model.js';

/**
 * The plan threat category (plans/model.ts) a KMZB report category (reports/rules/categories.ts)
 * is evidence for. The plans' list is wider (fraud, domestic violence: never reported on the map);
 * the map's is finer (five road categories are one road-safety threat for a plan).
 */
const planCategoryOfReport: Readonly<Record<string, ThreatCategory>> = {
  'illegal-parking': 'parking',
  speeding: 'road_safety',
  'poor-road-infrastructure': 'road_safety',
  'illegal-car-racing': 'road_safety',
  'poor-traffic-organisation': 'road_safety',
  'road-accidents-with-forest-animals': 'road_safety',
  'unguarded-level-crossing': 'road_safety',
  vandalism: 'vandalism',
  // Broken trees and trampled lawns are damage to property like any other.
  'destruction-of-greenery': 'vandalism',
  'illegal-dumping': 'illegal_dumping',
  'drinking-in-public': 'alcohol_in_public',
  'minors-at-risk-gathering': 'youth_demoralisation',
  'stray-dogs': 'animals',
  'animal-cruelty': 'animals',
  'drug-use': 'drugs',
  // Begging and dangerous entertainment disturb public order (the offences code's chapter on it).
  begging: 'public_order',
  'dangerous-entertainment-venue': 'public_order',
  'quad-bikes-in-forests': 'public_order',
  // Water, railway, fire, forest and help for the homeless have no plan category of their own.
  'dangerous-places-on-water': 'other',
  'dangerous-waterside-areas': 'other',
  'unofficial-bathing-sites': 'other',
  drownings: 'other',
  'unguarded-track-crossing': 'other',
  'grass-burning': 'other',
  'illegal-tree-felling': 'other',
  poaching: 'other',
  'homeless-person-in-need': 'other',
};

/** The report categories mapped here (the catalogue's 27: a test checks none is left to the fallback). */
export const mappedReportCategories: readonly string[] = Object.keys(planCategoryOfReport);

/** The plan threat category of a report category; one an administrator added later is `other` until mapped here. */
export function planCategoryOf(reportCategory: string): ThreatCategory {
  return Object.hasOwn(planCategoryOfReport, reportCategory) ? planCategoryOfReport[reportCategory]! : 'other';
}
