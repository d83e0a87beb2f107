import { openDatabase } from '../src/platform/db/database.js';
import type { DatabaseTarget } from '../src/platform/config/config.js';
import { migrate } from '../src/platform/db/migrate.js';
import { inTransaction, systemActor } from '../src/platform/audit/actor.js';
import type { NationalRegister } from './national-register.js';

/** Writes the synthetic register into a database (embedded folder or server), in batches. */
export async function writeRegister(target: DatabaseTarget, register: NationalRegister): Promise<void> {
  const database = await openDatabase(target);
  try {
    await migrate(database.db);
    await inTransaction(database.db, systemActor('bench'), async (trx) => {
      for (const unit of register.units) {
        await trx.insertInto('units').values({ id: unit.id, parent_id: unit.parentId, kind: unit.kind, name: unit.name }).execute();
      }
      for (let i = 0; i < register.districts.length; i += 200) {
        await trx
          .insertInto('districts')
          .values(
            register.districts.slice(i, i + 200).map((d) => ({
              id: d.id,
              unit_id: d.unitId,
              number: d.number,
              name: d.name,
              phone: d.phone,
              email: null,
              area_rules: JSON.stringify(d.rules),
              area_polygon: JSON.stringify(d.polygon),
            })),
          )
          .execute();
      }
    });
  } finally {
    await database.close();
  }
}
