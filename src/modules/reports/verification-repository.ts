import type { Trx } from '../../platform/audit/actor.js';

/** The report now lies in this district (or, with none, with the unit itself). */
export async function moveReport(trx: Trx, reportId: number, place: { districtId: string | null; unitId: string }): Promise<void> {
  await trx
    .updateTable('reports')
    .set({ district_id: place.districtId, unit_id: place.unitId, updated_at: new Date() })
    .where('id', '=', reportId)
    .execute();
}

/** One "me too" per client key; false when this client has already confirmed the report. */
export async function addConfirmation(trx: Trx, reportId: number, clientKey: string): Promise<boolean> {
  const inserted = await trx
    .insertInto('report_confirmations')
    .values({ report_id: reportId, reporter_ip: clientKey })
    .onConflict((oc) => oc.doNothing())
    .returning('report_id')
    .executeTakeFirst();
  if (!inserted) return false;
  await trx
    .updateTable('reports')
    .set((eb) => ({ confirmations: eb('confirmations', '+', 1), updated_at: new Date() }))
    .where('id', '=', reportId)
    .execute();
  return true;
}
