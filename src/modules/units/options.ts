import type { Db } from '../../platform/db/database.js';
import type { Option } from '../../platform/render/components.js';
import { asTree } from './model.js';
import { listSubtree } from './repository.js';

/** Units of a subtree as select options, indented to show the hierarchy. */
export async function unitOptions(db: Db, scopeUnitId: string): Promise<Option[]> {
  const units = await listSubtree(db, scopeUnitId);
  return asTree(units).map(({ unit, depth }) => ({ value: unit.id, label: `${'\u2003'.repeat(depth)}${unit.name}` }));
}
