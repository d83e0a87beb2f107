import type { Assignment, District, Officer } from './model.js';
import { districtUrl } from './model.js';
import type { Coverage } from './coverage.js';

/** JSON shapes of the API (dates as ISO strings). */
export function presentDistrict(district: District, origin: string) {
  return {
    id: district.id,
    unitId: district.unitId,
    number: district.number,
    name: district.name,
    url: `${origin}${districtUrl(district.id)}`,
    phone: district.phone,
    email: district.email,
    rules: district.rules,
    polygon: district.polygon,
    retired: district.retiredAt !== null,
  };
}

export function presentOfficer(officer: Officer) {
  return {
    id: officer.id,
    unitId: officer.unitId,
    rank: officer.rank,
    firstName: officer.firstName,
    lastName: officer.lastName,
    position: officer.position,
    accountId: officer.accountId,
    retired: officer.retiredAt !== null,
  };
}

export function presentAssignment(assignment: Assignment) {
  return { ...assignment };
}

/** Who covers the district today: `by` is "officer", "substitute" or "unit" (neither officer nor substitute). */
export function presentCoverage(coverage: Coverage) {
  return { by: coverage.by, officer: coverage.officer, unit: coverage.unit };
}
