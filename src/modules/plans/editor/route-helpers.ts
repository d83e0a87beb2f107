import type { Database } from '../../../platform/db/database.js';
import type { Principal } from '../../../platform/auth/principal.js';
import type { Option } from '../../../platform/render/components.js';
import { districtChoicesFor } from '../../districts/index.js';
import type { Step } from '../step-notices.js';

/** Where a step lands: the plan's page, which then says what happened and what comes next. */
export const doneUrl = (id: string, step: Step) => `/admin/plans/${id}?done=${step}`;

/** Districts a person may start a plan for: those they work with, named with their unit. */
export async function districtOptions(database: Database, principal: Principal): Promise<Option[]> {
  return (await districtChoicesFor(database.db, principal)).map((row) => ({ value: row.id, label: `${row.name} (${row.unitName})` }));
}
