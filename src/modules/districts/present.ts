import type { Assignment, District, Officer } from './model.js';
import { districtUrl } from './model.js';

/** JSON shapes of the API (dates as ISO strings). */
export function presentDistrict(district: District) {
  return {
    id: district.id,
    unitId: district.unitId,
    number: district.number,
    name: district.name,
    url: districtUrl(district.id),
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
