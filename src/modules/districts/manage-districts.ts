import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Actor, type Trx } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { Action } from '../../platform/auth/policy.js';
import { AppError } from '../../platform/http/errors.js';
import { findUnit } from '../units/index.js';
import { assertUnitInScope } from '../access/index.js';
import type { DistrictRule, StreetRule } from './area/types.js';
import { findOverlaps } from './matching/area-index.js';
import { compareHouseNumbers, parseHouseNumber } from './matching/house-number.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import { districtErrors } from './messages.js';
import { districtId, type District, type MultiPolygon } from './model.js';
import { readPolygonArea } from './polygon-area.js';
import { findDistrict, insertDistrict, listAssignments, listDistricts, setAssignmentEnd, updateDistrictRow } from './repository.js';

export interface DistrictInput {
  name?: string | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  rules?: StreetRule[] | undefined;
  polygon?: unknown;
}

/** Trims names, drops duplicates and checks that every range runs upwards. */
export function normalizeRules(rules: readonly StreetRule[]): StreetRule[] {
  const seen = new Set<string>();
  const result: StreetRule[] = [];
  for (const raw of rules) {
    const rule: StreetRule = {
      locality: raw.locality.trim().replace(/\s+/g, ' '),
      street: raw.street?.trim().replace(/\s+/g, ' ') || null,
      numbers:
        raw.numbers && raw.numbers.length > 0
          ? raw.numbers.map((r) => ({ ...r, from: r.from.toUpperCase(), to: r.to?.toUpperCase() ?? null }))
          : null,
    };
    for (const range of rule.numbers ?? []) {
      const from = parseHouseNumber(range.from);
      const to = range.to === null ? null : parseHouseNumber(range.to);
      if (!from || (range.to !== null && !to) || (from && to && compareHouseNumbers(from, to) > 0)) {
        throw new AppError(400, 'invalid_number_range', districtErrors.badRange(rule), { field: 'rules' });
      }
    }
    const key = JSON.stringify(rule);
    if (!seen.has(key)) {
      seen.add(key);
      result.push(rule);
    }
  }
  return result;
}

/** Street rules of two districts of one unit must never claim the same address. */
export async function assertNoOverlap(trx: Trx, unitId: string, id: string, rules: readonly StreetRule[]): Promise<void> {
  if (rules.length === 0) return;
  const others = (await listDistricts(trx, { unitId })).filter((d) => d.id !== id);
  const byId = new Map(others.map((d) => [d.id, d]));
  const all: DistrictRule[] = [
    ...rules.map((rule) => ({ ...rule, districtId: id })),
    ...others.flatMap((d) => d.rules.map((rule) => ({ ...rule, districtId: d.id }))),
  ];
  for (const { a, b } of findOverlaps(all)) {
    const [mine, theirs] = a.districtId === id ? [a, b] : [b, a];
    if (mine.districtId !== id || theirs.districtId === id) continue;
    const other = byId.get(theirs.districtId)!;
    throw new AppError(409, 'area_overlap', districtErrors.overlap(mine, other), { field: 'rules', otherDistrict: other.id });
  }
}

function polygonOf(input: unknown): MultiPolygon | null | undefined {
  if (input === undefined) return undefined;
  if (input === null) return null;
  return readPolygonArea(input);
}

export type NewDistrictInput = DistrictInput & { unitId: string; number: number; name: string };

export async function createDistrict(db: Db, principal: Principal, actor: Actor, input: NewDistrictInput): Promise<District> {
  return inTransaction(db, actor, (trx) => createDistrictIn(trx, principal, input));
}

/** createDistrict inside a transaction the caller holds (the import of a unit's whole register). */
export async function createDistrictIn(trx: Trx, principal: Principal, input: NewDistrictInput): Promise<District> {
  const rules = normalizeRules(input.rules ?? []);
  const polygon = polygonOf(input.polygon) ?? null;
  const id = districtId(input.unitId, input.number);
  await assertUnitInScope(trx, principal, input.unitId, 'register.edit');
  const unit = (await findUnit(trx, input.unitId))!;
  if (unit.retiredAt) throw new AppError(422, 'unit_retired', { pl: 'Ta jednostka jest wycofana.', en: 'This unit is retired.' });
  if (await findDistrict(trx, id)) {
    throw new AppError(409, 'district_exists', districtErrors.numberTaken(input.number, unit.name), { field: 'number' });
  }
  await assertNoOverlap(trx, input.unitId, id, rules);
  await insertDistrict(trx, id, {
    unitId: input.unitId,
    number: input.number,
    name: input.name.trim(),
    phone: input.phone?.trim() || null,
    email: input.email?.trim() || null,
    rules,
    polygon,
  });
  return (await findDistrict(trx, id))!;
}

async function loadInScope(trx: Trx, principal: Principal, id: string, action: Action = 'register.edit'): Promise<District> {
  const district = await findDistrict(trx, id);
  if (!district) throw new AppError(404, 'district_not_found', districtErrors.notFound());
  await assertUnitInScope(trx, principal, district.unitId, action);
  return district;
}

export async function updateDistrict(db: Db, principal: Principal, actor: Actor, id: string, input: DistrictInput): Promise<District> {
  return inTransaction(db, actor, (trx) => updateDistrictIn(trx, principal, id, input));
}

/** updateDistrict inside a transaction the caller holds (the import of a unit's whole register). */
export async function updateDistrictIn(trx: Trx, principal: Principal, id: string, input: DistrictInput): Promise<District> {
  const rules = input.rules === undefined ? undefined : normalizeRules(input.rules);
  const polygon = polygonOf(input.polygon);
  const district = await loadInScope(trx, principal, id);
  if (district.retiredAt) throw new AppError(409, 'district_retired', districtErrors.districtRetired());
  if (rules) await assertNoOverlap(trx, district.unitId, id, rules);
  await updateDistrictRow(trx, id, {
    name: input.name?.trim(),
    phone: input.phone === undefined ? undefined : input.phone?.trim() || null,
    email: input.email === undefined ? undefined : input.email?.trim() || null,
    rules,
    polygon,
  });
  return (await findDistrict(trx, id))!;
}

/** Retires a district: it leaves the locator and public lists; its open assignments end today. */
export async function retireDistrict(db: Db, principal: Principal, actor: Actor, id: string): Promise<void> {
  await inTransaction(db, actor, async (trx) => {
    const district = await loadInScope(trx, principal, id);
    if (district.retiredAt) return;
    const today = warsawToday();
    for (const assignment of await listAssignments(trx, { districtId: id })) {
      if (assignment.endsOn === null || assignment.endsOn > today) {
        await setAssignmentEnd(trx, assignment.id, assignment.startsOn > today ? assignment.startsOn : today);
      }
    }
    await updateDistrictRow(trx, id, { retiredAt: new Date() });
  });
}

/** Brings a retired district back (same number, same history). */
export async function restoreDistrict(db: Db, principal: Principal, actor: Actor, id: string): Promise<District> {
  return inTransaction(db, actor, async (trx) => {
    const district = await loadInScope(trx, principal, id);
    await assertNoOverlap(trx, district.unitId, id, district.rules);
    await updateDistrictRow(trx, id, { retiredAt: null });
    return (await findDistrict(trx, id))!;
  });
}
