import type { Db } from '../../platform/db/database.js';
import { unitErrors } from './create-unit.js';
import type { Unit, UnitKind } from './model.js';
import { findUnit, listSubtree, listUnits } from './repository.js';

/** What the unit pages and API read; who may read it is the route's check. */

/** The units in service (the register without retired ones), of one parent or kind when given. */
export async function listActiveUnits(db: Db, filter: { parentId?: string; kind?: UnitKind } = {}): Promise<Unit[]> {
  return (await listUnits(db)).filter(
    (unit) =>
      (filter.parentId === undefined || unit.parentId === filter.parentId) && (filter.kind === undefined || unit.kind === filter.kind),
  );
}

/** A unit in service; 404 for an unknown or retired one, which pages and the API no longer show. */
export async function activeUnitOr404(db: Db, id: string): Promise<Unit> {
  const unit = await findUnit(db, id);
  if (!unit || unit.retiredAt) throw unitErrors.notFound();
  return unit;
}

/** A unit's name, retired ones too; its id when the row is missing (a page still shows something). */
export async function unitNameOf(db: Db, id: string): Promise<string> {
  return (await findUnit(db, id))?.name ?? id;
}

/** The units an editor works on: their own and every one below it. */
export async function unitsUnder(db: Db, unitId: string): Promise<Unit[]> {
  return listSubtree(db, unitId);
}
