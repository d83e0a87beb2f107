import { inTransaction, type Actor, type Trx } from '../../platform/audit/actor.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError, httpErrors } from '../../platform/http/errors.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import { isAllowed } from '../access/index.js';
import type { ImportReport } from './model.js';
import { insertImport, replaceCounts, unitDistrictIds, unitNamed } from './repository.js';
import { placeLines } from './rules/place.js';
import { readIndicatorCsv } from './rules/read-csv.js';

/** How many rejected lines an import keeps for its page (the answer to the upload lists them all). */
const KEPT_REJECTED = 200;

export const indicatorErrors = {
  forbidden: () => ({
    pl: 'Dane wskaźnikowe jednostki importuje jej kierownik dzielnicowych albo komendant.',
    en: "A unit's indicator data is imported by its supervisor or commander.",
  }),
  noUnit: () => new AppError(404, 'unit_not_found', { pl: 'Nie ma takiej jednostki.', en: 'No such unit.' }),
  unusable: (problem: { pl: string; en: string }, rejected: ImportReport['rejected'] = []) =>
    new AppError(
      400,
      'indicator_file_unusable',
      { pl: `Nic nie zapisano. ${problem.pl}`, en: `Nothing was stored. ${problem.en}` },
      { rejected },
    ),
};

/**
 * Imports a CSV of counts for a unit in one audited transaction. Lines that can be read and placed
 * in a district of the unit are stored, each (category, district, day) replacing what an earlier
 * import said of it; the others are listed with their reasons. A file that cannot be read, or with
 * no line accepted, stores nothing (400) — a wrong file should not leave an empty import behind.
 */
export async function importIndicatorData(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: { unitId: string; fileName: string; text: string; locate: (lat: number, lon: number) => string[] },
  today = warsawToday(),
): Promise<ImportReport> {
  return inTransaction(db, actor, async (trx) => {
    if (!(await unitNamed(trx, input.unitId))) throw indicatorErrors.noUnit();
    if (!(await isAllowed(trx, principal, 'indicator.import', { unitId: input.unitId })))
      throw httpErrors.forbidden(indicatorErrors.forbidden());
    return storeIndicatorFile(trx, { ...input, importedBy: actor.label }, today);
  });
}

/** Reads and stores a file for a unit inside a transaction, with no policy check (the use case above, the demo data). */
export async function storeIndicatorFile(
  trx: Trx,
  input: { unitId: string; fileName: string; text: string; importedBy: string; locate: (lat: number, lon: number) => string[] },
  today = warsawToday(),
): Promise<ImportReport> {
  const reading = readIndicatorCsv(input.text, today);
  if (!reading.ok) throw indicatorErrors.unusable(reading.problem);
  const districts = await unitDistrictIds(trx, input.unitId);
  const placing = placeLines(reading.lines, input.unitId, districts, input.locate);
  const rejected = [...reading.rejected, ...placing.rejected]
    .sort((a, b) => a.line - b.line)
    .map((r) => ({ line: r.line, reason: r.reason }));
  const lines = reading.lines.length + reading.rejected.length;
  if (placing.accepted === 0)
    throw indicatorErrors.unusable(
      { pl: `Żaden z ${lines} wierszy nie nadaje się do zapisu.`, en: `None of the ${lines} lines can be stored.` },
      rejected,
    );
  const fileName = input.fileName.trim().slice(0, 200) || 'dane.csv';
  const importId = await insertImport(trx, {
    unitId: input.unitId,
    fileName,
    importedBy: input.importedBy,
    accepted: placing.accepted,
    lines,
    rejected: rejected.slice(0, KEPT_REJECTED).map((r) => ({ line: r.line, ...r.reason })),
  });
  await replaceCounts(trx, input.unitId, importId, placing.placed);
  return { importId, fileName, lines, accepted: placing.accepted, cells: placing.placed.length, rejected };
}
