import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Actor } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import { AppError, httpErrors } from '../../platform/http/errors.js';
import { createUnit, unitErrors, type CreateUnitInput } from './create-unit.js';
import { canBeChildOf, type Unit, type UnitContact } from './model.js';
import { findUnit, unitDependents, updateUnitRow } from './repository.js';
import { unitAncestry, assertUnitInScope } from '../access/index.js';
import { roleMay } from '../../platform/auth/policy.js';

/** An administrator adds a unit below a unit in their scope. */
export async function addUnit(db: Db, principal: Principal, actor: Actor, input: CreateUnitInput): Promise<Unit> {
  return inTransaction(db, actor, async (trx) => {
    if (!input.parentId) throw httpErrors.forbidden(); // only the system creates the top unit (CLI)
    await assertUnitInScope(trx, principal, input.parentId, 'unit.manage');
    return createUnit(trx, input);
  });
}

export interface UnitPatch extends Partial<UnitContact> {
  name?: string | undefined;
  parentId?: string | undefined;
}

/**
 * Administrators edit units in their scope (and may move them within it); commanders may edit the
 * name and contact details of their units, which are what the public pages show.
 */
export async function editUnit(db: Db, principal: Principal, actor: Actor, id: string, patch: UnitPatch): Promise<Unit> {
  return inTransaction(db, actor, async (trx) => {
    const unit = await findUnit(trx, id);
    if (!unit || unit.retiredAt) throw unitErrors.notFound();
    await assertUnitInScope(trx, principal, id, 'register.edit');
    if (patch.parentId !== undefined && patch.parentId !== unit.parentId) {
      if (!roleMay(principal.role, 'unit.manage') || id === principal.unitId) throw httpErrors.forbidden();
      const parent = await findUnit(trx, patch.parentId);
      if (!parent || parent.retiredAt) throw unitErrors.parentNotFound(patch.parentId);
      await assertUnitInScope(trx, principal, parent.id, 'unit.manage');
      if ((await unitAncestry(trx, parent.id)).includes(id)) {
        throw new AppError(422, 'unit_cycle', {
          pl: 'Jednostka nie może podlegać samej sobie ani jednostce, która jej podlega.',
          en: 'A unit cannot be placed under itself or under one of its own units.',
        });
      }
      if (!canBeChildOf(unit.kind, parent.kind)) throw unitErrors.hierarchy(unit.kind, parent.kind);
    }
    await updateUnitRow(trx, id, { ...patch, name: patch.name?.trim() });
    return (await findUnit(trx, id))!;
  });
}

/** Retires a unit that nothing depends on any more; its history stays. */
export async function retireUnit(db: Db, principal: Principal, actor: Actor, id: string): Promise<void> {
  await inTransaction(db, actor, async (trx) => {
    const unit = await findUnit(trx, id);
    if (!unit || unit.retiredAt) throw unitErrors.notFound();
    await assertUnitInScope(trx, principal, id, 'unit.manage');
    if (id === principal.unitId) throw httpErrors.forbidden();
    const dependents = await unitDependents(trx, id);
    if (dependents.units + dependents.districts + dependents.accounts > 0) {
      throw new AppError(
        409,
        'unit_in_use',
        {
          pl: `Nie można wycofać jednostki „${unit.name}”: ma jeszcze jednostki podległe (${dependents.units}), rejony (${dependents.districts}) i aktywne konta (${dependents.accounts}).`,
          en: `Cannot retire "${unit.name}": it still has units (${dependents.units}), districts (${dependents.districts}) and active accounts (${dependents.accounts}).`,
        },
        dependents,
      );
    }
    await updateUnitRow(trx, id, { retiredAt: new Date() });
  });
}
