import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { fillQueueUnit, queueBefore, type QueueUnit } from '../../../test/support/plan-queue.js';
import { planStatuses } from './model.js';
import { planQueue } from './read-plans.js';

describe.each(backends)('the staff plan queue on %s', (backend) => {
  let testDb: TestDatabase;
  let unit: QueueUnit;
  const districts = 12;
  beforeAll(async () => {
    testDb = await createTestDatabase(backend);
    unit = await fillQueueUnit(testDb.database.db, { districts, plansPerDistrict: 4 });
  });
  afterAll(() => testDb.drop());

  const queue = (who: keyof QueueUnit['people'], status?: (typeof planStatuses)[number]) =>
    planQueue(testDb.database.db, unit.people[who], { status });
  const districtsOf = async (who: keyof QueueUnit['people']) => [...new Set((await queue(who)).map((row) => row.plan.districtId))].sort();

  it('lists the same rows in the same order as the per-plan path, for every person and status filter', async () => {
    for (const who of Object.keys(unit.people) as (keyof QueueUnit['people'])[]) {
      for (const status of [undefined, ...planStatuses]) {
        expect(await queue(who, status), `${who}, ${status ?? 'any status'}`).toEqual(
          await queueBefore(testDb.database.db, unit.people[who], status),
        );
      }
    }
  });

  it('shows each person the plans of their units, an officer only those of the districts they serve', async () => {
    const all = await queue('supervisor');
    expect(new Set(all.map((row) => row.plan.status))).toEqual(new Set(planStatuses));
    expect(all.some((row) => row.overdue.length > 0)).toBe(true);
    expect(all.every((row) => row.plan.unitId === unit.unitId && row.unitName === `KPP kolejka`)).toBe(true);
    expect(all).toHaveLength(districts * 4);
    expect(await districtsOf('officer')).toEqual([`${unit.unitId}/1`]); // district 12 is retired
    expect(await districtsOf('substitute')).toEqual([`${unit.unitId}/2`]);
    expect(await districtsOf('neighbourSupervisor')).toEqual([`${unit.neighbourId}/1`, `${unit.neighbourId}/2`]);
    expect((await queue('commander')).length).toBe((await queue('supervisor')).length + (await queue('neighbourSupervisor')).length);
    expect((await queue('admin')).length).toBe((await queue('commander')).length);
    expect((await queue('supervisor', 'submitted')).every((row) => row.plan.status === 'submitted')).toBe(true);
  });
});
