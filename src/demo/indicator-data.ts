import { inTransaction, systemActor } from '../platform/audit/actor.js';
import type { Db } from '../platform/db/database.js';
import { dayInPoland } from '../platform/i18n/calendar.js';
import { monthsBetween, storeIndicatorFile } from '../modules/indicators/index.js';
import { freezeMeasure, readFrozenMeasure, type CountMeasure, type Plan } from '../modules/plans/index.js';

/**
 * Demo indicator data: each demo plan's measure is frozen as at its approval, and for a count
 * goal on imported data the unit gets a CSV of monthly counts (invented, but shaped like a unit's
 * export: Polish headers, `;`, district numbers) from its first baseline month to today — more in
 * the baseline, fewer during the plan in its district, steady elsewhere — so `npm start` shows a
 * plan with its frozen measure and counts to evaluate.
 */
export function demoIndicatorCsv(measure: CountMeasure, today: string): string {
  const first = measure.baselineWindows.reduce((from, w) => (w.from < from ? w.from : from), measure.period.from);
  const districts = [...measure.area.districtIds, ...(measure.comparison?.districtIds ?? [])];
  const lines = ['data;kategoria;rejon;liczba'];
  monthsBetween(first, today).forEach((month, i) => {
    const day = `${month}-10`;
    if (day > today) return;
    const during = day >= measure.period.from;
    districts.forEach((district, d) => {
      const number = district.slice(district.lastIndexOf('/') + 1);
      const inArea = d < measure.area.districtIds.length;
      const count = inArea ? (during ? 2 + ((i * 7) % 3) : 6 + ((i * 5) % 4)) : 4 + ((i * 3 + d) % 4);
      for (const category of measure.spec.categories) lines.push(`${day};${category};${number};${count}`);
    });
  });
  return `${lines.join('\r\n')}\r\n`;
}

/** Freezes the demo plans' measures and loads the indicator data their count goals need. */
export async function loadDemoMeasures(db: Db, plans: readonly Plan[]): Promise<void> {
  const actor = systemActor('demo-data');
  const today = dayInPoland(new Date());
  for (const plan of plans) {
    await inTransaction(db, actor, async (trx) => {
      await freezeMeasure(trx, plan, 'demo-data', new Date());
      const measure = await readFrozenMeasure(trx, plan.id);
      if (measure?.kind !== 'count' || measure.spec.source !== 'imported' || measure.spec.categories.length === 0) return;
      const text = demoIndicatorCsv(measure, today);
      await storeIndicatorFile(
        trx,
        { unitId: plan.unitId, fileName: 'demo-wskazniki.csv', text, importedBy: 'demo-data', locate: () => [] },
        today,
      );
    });
  }
}
