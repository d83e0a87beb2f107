import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { type Unit, findUnit, listUnits } from '../units/index.js';
import type { DistrictCard, Register } from './locator/register.js';
import { districtErrors } from './messages.js';
import { districtId, type Assignment, type District, type Officer } from './model.js';
import {
  activeDistrictIdsOfUnit,
  findAssignment,
  findDistrict,
  findOfficer,
  listAssignments,
  listDistricts,
  listOfficers,
} from './repository.js';

const unitNotFound = () => new AppError(404, 'unit_not_found', { pl: 'Nie ma takiej jednostki.', en: 'No such unit.' });
const districtNotFound = () => new AppError(404, 'district_not_found', districtErrors.notFound());

/** The district a public address names (`/rejony/<unit>/<number>`), or undefined for a number that is none. */
async function districtAt(db: Db, unit: string, number: string): Promise<District | undefined> {
  const n = Number(number);
  return Number.isInteger(n) ? findDistrict(db, districtId(unit, n)) : undefined;
}

/** A district in today's register with its unit, for its page and poster; 404 when retired or unknown. */
export async function publicDistrict(
  db: Db,
  register: Register,
  unit: string,
  number: string,
): Promise<{ card: DistrictCard; district: District; unit: Unit }> {
  const n = Number(number);
  const card = register.card(Number.isInteger(n) ? districtId(unit, n) : '');
  const district = card && (await districtAt(db, unit, number));
  const owner = district && (await findUnit(db, district.unitId));
  if (!card || !district || !owner) throw districtNotFound();
  return { card, district, unit: owner };
}

/** A district in service that has a polygon, for its GeoJSON; 404 otherwise. */
export async function districtWithArea(
  db: Db,
  unit: string,
  number: string,
): Promise<District & { polygon: NonNullable<District['polygon']> }> {
  const district = await districtAt(db, unit, number);
  if (!district || district.retiredAt || !district.polygon) throw districtNotFound();
  return { ...district, polygon: district.polygon };
}

/** A unit's public page: the unit, its parent and children, and its districts' cards by number. */
export async function publicUnit(db: Db, register: Register, id: string) {
  const unit = await findUnit(db, id);
  if (!unit || unit.retiredAt) throw unitNotFound();
  const all = await listUnits(db);
  const cards = (await activeDistrictIdsOfUnit(db, unit.id))
    .map((districtId) => register.card(districtId))
    .filter((card) => card !== undefined);
  const collator = new Intl.Collator('pl');
  return {
    unit,
    parent: all.find((u) => u.id === unit.parentId) ?? null,
    children: all.filter((u) => u.parentId === unit.id).sort((a, b) => collator.compare(a.name, b.name)),
    cards,
  };
}

/** The districts in service (with retired ones for the staff list), all or of one unit and the units below it. */
export async function districtsUnder(db: Db, unitId?: string, options: { includeRetired?: boolean } = {}): Promise<District[]> {
  return listDistricts(db, { ...(unitId ? { subtreeOf: unitId } : {}), ...options });
}

/** The district with this id, retired ones too; 404 when there is none. */
export async function districtOr404(db: Db, id: string): Promise<District> {
  const district = await findDistrict(db, id);
  if (!district) throw districtNotFound();
  return district;
}

/** A district of the register by its address (`<unit>/<number>`), retired ones too (staff pages); 404 when there is none. */
export async function districtAtOr404(db: Db, unit: string, number: string): Promise<District> {
  const district = await districtAt(db, unit, number);
  if (!district) throw districtNotFound();
  return district;
}

/** A district with the unit it belongs to (undefined only if the unit row went missing). */
export async function districtWithUnit(db: Db, id: string): Promise<{ district: District; unit: Unit | undefined }> {
  const district = await districtOr404(db, id);
  return { district, unit: await findUnit(db, district.unitId) };
}

/** A district's officers and substitutes (obsada), past and present. */
export async function assignmentsOf(db: Db, districtId: string): Promise<Assignment[]> {
  return listAssignments(db, { districtId });
}

/** The officers in service (with retired ones when asked) in a unit and the units below it. */
export async function officersUnder(db: Db, unitId: string, options: { includeRetired?: boolean } = {}): Promise<Officer[]> {
  return listOfficers(db, { subtreeOf: unitId, ...options });
}

/** An assignment (obsada) with its district; 404 when there is none. */
export async function assignmentOr404(db: Db, id: string): Promise<{ assignment: Assignment; district: District }> {
  const assignment = await findAssignment(db, id);
  if (!assignment) throw new AppError(404, 'assignment_not_found', districtErrors.assignmentNotFound());
  return { assignment, district: await districtOr404(db, assignment.districtId) };
}

/** The officer with this id; 404 when there is none. */
export async function officerOr404(db: Db, id: string): Promise<Officer> {
  const officer = await findOfficer(db, id);
  if (!officer) throw new AppError(404, 'officer_not_found', districtErrors.officerNotFound());
  return officer;
}
