import type { StreetRule } from './area/types.js';

/** GeoJSON MultiPolygon in WGS84 ([lon, lat]); the optional polygon area of a district. */
export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: number[][][][];
}

/** District (rejon służbowy): one district officer's area, with a phone and e-mail of its own. */
export interface District {
  id: string; // "<unit id>/<number>", e.g. "kpp-lubartow/3"
  unitId: string;
  number: number;
  name: string;
  phone: string | null;
  email: string | null;
  rules: StreetRule[];
  polygon: MultiPolygon | null;
  retiredAt: Date | null;
}

export const officerPositions = ['district_officer', 'supervisor', 'commander', 'other'] as const;
export type OfficerPosition = (typeof officerPositions)[number];

/** A police officer as the public sees them: rank (stopień) and name. */
export interface Officer {
  id: string;
  unitId: string;
  rank: string;
  firstName: string;
  lastName: string;
  position: OfficerPosition;
  accountId: string | null;
  demo: boolean;
  retiredAt: Date | null;
}

/** regular: the district's officer (dzielnicowy); substitute: covers a vacancy or absence (zastępca). */
export type AssignmentKind = 'regular' | 'substitute';

/** Who serves a district when; dates are calendar days "YYYY-MM-DD", `endsOn` null = open. */
export interface Assignment {
  id: string;
  districtId: string;
  officerId: string;
  kind: AssignmentKind;
  startsOn: string;
  endsOn: string | null;
}

export function districtId(unitId: string, number: number): string {
  return `${unitId}/${number}`;
}

/** Public page of a district. */
export function districtUrl(id: string): string {
  return `/rejony/${id}`;
}

export function officerName(officer: Pick<Officer, 'firstName' | 'lastName'>): string {
  return `${officer.firstName} ${officer.lastName}`;
}
