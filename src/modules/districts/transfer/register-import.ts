import type { Db } from '../../../platform/db/database.js';
import { inTransaction, type Actor, type Trx } from '../../../platform/audit/actor.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/http/errors.js';
import type { Localized } from '../../../platform/i18n/i18n.js';
import { foldText } from '../../../platform/text/fold.js';
import { findUnit } from '../../units/index.js';
import { assertUnitInScope } from '../../access/index.js';
import { warsawToday } from '../../../platform/i18n/calendar.js';
import { createDistrictIn, updateDistrictIn } from '../manage-districts.js';
import { assignOfficerIn, createOfficerIn, updateOfficerIn } from '../manage-officers.js';
import { findOverlaps } from '../matching/area-index.js';
import { districtId, type District, type Officer } from '../model.js';
import { listAssignments, listDistricts, listOfficers } from '../repository.js';
import type { RegisterEntry, RegisterReading } from './register-text.js';

/**
 * Saving a unit's whole contacts page (register-text.ts) as its register: every district on the
 * page is created or updated (phone, e-mail, street rules), its officer found by name among the
 * unit's officers or created, and put in charge from today. One transaction, through the same use
 * cases the district and officer forms use (scope, overlap and assignment checks, audit), so a
 * refused district leaves nothing stored. Districts not on the page are left as they are.
 */

export interface PlannedDistrict extends RegisterEntry {
  id: string;
  action: 'create' | 'update';
  /** What happens to the officer: a new officer, a changed rank, or the officer as they are. */
  officerAction: 'create' | 'update' | 'keep' | null;
}

export interface RegisterImport {
  unitId: string;
  saved: boolean;
  districts: PlannedDistrict[];
  /** Problems that stop saving (a district twice, overlapping areas, a retired district). */
  problems: Localized[];
  warnings: Localized[];
}

const nameKey = (o: { firstName: string; lastName: string }) => foldText(`${o.firstName} ${o.lastName}`);

function planOf(unitId: string, reading: RegisterReading, districts: District[], officers: Officer[]): RegisterImport {
  const byNumber = new Map(districts.map((d) => [d.number, d]));
  const byName = new Map(officers.map((o) => [nameKey(o), o]));
  const problems: Localized[] = [];
  const planned = reading.districts.map((entry): PlannedDistrict => {
    const existing = byNumber.get(entry.number);
    if (existing?.retiredAt)
      problems.push({
        pl: `Rejon nr ${entry.number} jest wycofany: przywróć go przed importem.`,
        en: `District ${entry.number} is retired: restore it before the import.`,
      });
    const officer = entry.officer ? byName.get(nameKey(entry.officer)) : undefined;
    return {
      ...entry,
      id: districtId(unitId, entry.number),
      action: existing ? 'update' : 'create',
      officerAction: entry.officer ? (officer ? (officer.rank === entry.officer.rank ? 'keep' : 'update') : 'create') : null,
    };
  });
  const numbers = planned.map((d) => d.number);
  for (const number of new Set(numbers.filter((n, i) => numbers.indexOf(n) !== i))) {
    problems.push({
      pl: `Rejon nr ${number} występuje na stronie więcej niż raz.`,
      en: `District ${number} appears on the page more than once.`,
    });
  }
  // The page's districts against each other, and against the unit's districts it leaves alone.
  const onPage = new Set(planned.map((d) => d.id));
  const rules = [
    ...planned.flatMap((d) => d.rules.map((rule) => ({ ...rule, districtId: d.id }))),
    ...districts.filter((d) => !onPage.has(d.id) && !d.retiredAt).flatMap((d) => d.rules.map((rule) => ({ ...rule, districtId: d.id }))),
  ];
  const numberOf = new Map([...districts, ...planned].map((d) => [d.id, d.number]));
  const pairs = new Set<string>();
  for (const { a, b } of findOverlaps(rules)) {
    const key = [a.districtId, b.districtId].sort().join(' ');
    if (pairs.has(key)) continue;
    pairs.add(key);
    const where = `${a.locality}${a.street ? `, ${a.street}` : ''}`;
    problems.push({
      pl: `Obszary rejonów nr ${numberOf.get(a.districtId)} i nr ${numberOf.get(b.districtId)} pokrywają się (${where}).`,
      en: `The areas of districts ${numberOf.get(a.districtId)} and ${numberOf.get(b.districtId)} overlap (${where}).`,
    });
  }
  return { unitId, saved: false, districts: planned, problems, warnings: reading.warnings };
}

async function saveDistrict(
  trx: Trx,
  principal: Principal,
  unitId: string,
  district: PlannedDistrict,
  officers: Map<string, Officer>,
): Promise<void> {
  const phone = district.mobile ?? district.phone;
  const rules = district.rules.length > 0 ? district.rules : undefined;
  if (district.action === 'create') {
    await createDistrictIn(trx, principal, {
      unitId,
      number: district.number,
      name: `Rejon służbowy nr ${district.number}`,
      phone,
      email: district.email,
      rules,
    });
  } else {
    await updateDistrictIn(trx, principal, district.id, {
      ...(phone ? { phone } : {}),
      ...(district.email ? { email: district.email } : {}),
      rules,
    });
  }
  if (!district.officer) return;
  const known = officers.get(nameKey(district.officer));
  let officer: Officer;
  if (!known) officer = await createOfficerIn(trx, principal, { unitId, ...district.officer });
  else if (known.rank !== district.officer.rank) officer = await updateOfficerIn(trx, principal, known.id, { rank: district.officer.rank });
  else officer = known;
  officers.set(nameKey(officer), officer);
  const today = warsawToday();
  const serving = (await listAssignments(trx, { districtId: district.id })).some(
    (a) => a.kind === 'regular' && a.officerId === officer.id && a.startsOn <= today && (a.endsOn === null || a.endsOn >= today),
  );
  if (!serving) await assignOfficerIn(trx, principal, district.id, { officerId: officer.id, kind: 'regular', startsOn: today });
}

/** Previews (`dryRun`) or saves the districts read from a contacts page as the register of `unitId`. */
export async function importRegister(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: { unitId: string; reading: RegisterReading; dryRun: boolean },
): Promise<RegisterImport> {
  return inTransaction(db, actor, async (trx) => {
    await assertUnitInScope(trx, principal, input.unitId, 'register.edit');
    if ((await findUnit(trx, input.unitId))!.retiredAt)
      throw new AppError(422, 'unit_retired', { pl: 'Ta jednostka jest wycofana.', en: 'This unit is retired.' });
    const districts = await listDistricts(trx, { unitId: input.unitId, includeRetired: true });
    const officers = (await listOfficers(trx, { subtreeOf: input.unitId })).filter((o) => o.unitId === input.unitId);
    const plan = planOf(input.unitId, input.reading, districts, officers);
    if (input.dryRun) return plan;
    if (plan.districts.length === 0) {
      throw new AppError(422, 'register_empty', {
        pl: 'Na stronie nie znaleziono żadnego rejonu: nic nie zapisano.',
        en: 'No district was found on the page: nothing was saved.',
      });
    }
    if (plan.problems.length > 0) {
      throw new AppError(422, 'register_rejected', {
        pl: `Nic nie zapisano: ${plan.problems.map((p) => p.pl).join(' ')}`,
        en: `Nothing was saved: ${plan.problems.map((p) => p.en).join(' ')}`,
      });
    }
    // Rules move between districts of the page: clear the old ones first, so a street that
    // moves from one district to another is not an overlap with its own past.
    for (const district of plan.districts) {
      if (district.action === 'update' && district.rules.length > 0) await updateDistrictIn(trx, principal, district.id, { rules: [] });
    }
    const byName = new Map(officers.map((o) => [nameKey(o), o]));
    for (const district of plan.districts) await saveDistrict(trx, principal, input.unitId, district, byName);
    return { ...plan, saved: true };
  });
}
