import type { Db } from '../../../platform/db/database.js';
import { inTransaction, type Actor, type Trx } from '../../../platform/audit/actor.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/http/errors.js';
import type { Localized } from '../../../platform/i18n/i18n.js';
import { findUnit } from '../../units/index.js';
import { assertUnitInScope } from '../../access/index.js';
import type { DistrictRule, StreetRule } from '../area/types.js';
import { findOverlaps } from '../matching/area-index.js';
import { parseNumberRanges } from '../matching/number-ranges.js';
import { districtId } from '../model.js';
import { findDistrict, insertDistrict, listDistricts, updateDistrictRow } from '../repository.js';
import { parseCsv } from './csv.js';

export const csvColumns = ['unit', 'district', 'locality', 'street', 'numbers'] as const;

export interface RejectedLine {
  line: number;
  message: Localized;
}

export interface ImportReport {
  /** Districts created because the file names them and they did not exist. */
  created: string[];
  /** Existing districts whose street rules the file replaced. */
  updated: string[];
  rules: number;
  rejected: RejectedLine[];
}

type FileRule = DistrictRule & { line: number; unitId: string; number: number };

const reject = (line: number, pl: string, en: string): RejectedLine => ({ line, message: { pl, en } });

/** Can the importing person (null: the CLI, i.e. the system) change districts of this unit? */
async function unitProblem(trx: Trx, principal: Principal | null, unitId: string): Promise<Localized | null> {
  const unit = await findUnit(trx, unitId);
  if (!unit || unit.retiredAt) return { pl: `Nie ma jednostki „${unitId}”.`, en: `There is no unit "${unitId}".` };
  if (!principal) return null;
  try {
    await assertUnitInScope(trx, principal, unitId, 'register.edit');
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.text;
    throw error;
  }
}

/**
 * Imports street rules from CSV (columns unit,district,locality,street,numbers). The file is the
 * truth for every district it names: their rules are replaced; missing districts are created.
 * Any wrong line rejects the whole file unless `partial`, which imports the good lines only.
 */
export async function importStreetRules(
  db: Db,
  principal: Principal | null,
  actor: Actor,
  csvText: string,
  options: { partial: boolean },
): Promise<ImportReport> {
  const parsed = parseCsv(csvText);
  if (parsed.error) {
    throw new AppError(422, 'csv_invalid', {
      pl: `Plik CSV jest uszkodzony w wierszu ${parsed.error.line} (${parsed.error.message === 'unclosed quote' ? 'niezamknięty cudzysłów' : 'tekst po zamykającym cudzysłowie'}).`,
      en: `The CSV file is broken at line ${parsed.error.line} (${parsed.error.message}).`,
    });
  }
  const [header, ...rows] = parsed.rows;
  const columns = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  if (columns.join(',') !== csvColumns.join(',')) {
    throw new AppError(422, 'csv_header', {
      pl: `Pierwszy wiersz musi zawierać kolumny: ${csvColumns.join(',')}. Jest: ${columns.join(',') || '(pusty)'}.`,
      en: `The first line must name the columns ${csvColumns.join(',')}. Found: ${columns.join(',') || '(empty)'}.`,
    });
  }

  return inTransaction(db, actor, async (trx) => {
    const rejected: RejectedLine[] = [];
    const unitChecks = new Map<string, Localized | null>();
    const accepted: FileRule[] = [];
    for (const row of rows) {
      if (row.fields.length !== csvColumns.length) {
        rejected.push(
          reject(row.line, `Oczekiwano 5 kolumn, jest ${row.fields.length}.`, `Expected 5 columns, found ${row.fields.length}.`),
        );
        continue;
      }
      const [unitId, number, locality, street, numbers] = row.fields.map((f) => f.trim()) as [string, string, string, string, string];
      if (!unitChecks.has(unitId)) unitChecks.set(unitId, await unitProblem(trx, principal, unitId));
      const unitError = unitChecks.get(unitId);
      if (unitError) {
        rejected.push({ line: row.line, message: unitError });
        continue;
      }
      const districtNumber = Number(number);
      if (!/^\d{1,4}$/.test(number) || districtNumber < 1) {
        rejected.push(
          reject(
            row.line,
            `Numer rejonu „${number}” musi być liczbą od 1 do 9999.`,
            `District number "${number}" must be a whole number from 1 to 9999.`,
          ),
        );
        continue;
      }
      if (!locality) {
        rejected.push(reject(row.line, 'Brakuje miejscowości (kolumna locality).', 'The town is missing (column locality).'));
        continue;
      }
      const ranges = parseNumberRanges(numbers);
      if (ranges.errors.length > 0) {
        rejected.push(...ranges.errors.map((message) => ({ line: row.line, message })));
        continue;
      }
      const id = districtId(unitId, districtNumber);
      const existing = await findDistrict(trx, id);
      if (existing?.retiredAt) {
        rejected.push(
          reject(row.line, `Rejon nr ${districtNumber} (${unitId}) jest wycofany.`, `District ${districtNumber} (${unitId}) is retired.`),
        );
        continue;
      }
      accepted.push({
        districtId: id,
        unitId,
        number: districtNumber,
        line: row.line,
        locality,
        street: street || null,
        numbers: ranges.ranges,
      });
    }

    // Overlaps, per unit: the file's rules against each other and against districts the file leaves alone.
    const fileDistricts = new Set(accepted.map((rule) => rule.districtId));
    const overlapping = new Set<FileRule>();
    for (const unitId of new Set(accepted.map((rule) => rule.unitId))) {
      const untouched = (await listDistricts(trx, { unitId })).filter((d) => !fileDistricts.has(d.id));
      const names = new Map(untouched.map((d) => [d.id, d]));
      const all: DistrictRule[] = [
        ...accepted.filter((rule) => rule.unitId === unitId),
        ...untouched.flatMap((d) => d.rules.map((rule) => ({ ...rule, districtId: d.id }))),
      ];
      for (const { a, b } of findOverlaps(all)) {
        for (const [mine, theirs] of [
          [a, b],
          [b, a],
        ] as const) {
          if (!('line' in mine)) continue;
          const rule = mine as FileRule;
          const other = theirs as Partial<FileRule>;
          overlapping.add(rule);
          const otherName =
            other.line !== undefined
              ? `rejonem nr ${other.number} (wiersz ${other.line})`
              : `rejonem nr ${names.get(theirs.districtId)?.number} (${names.get(theirs.districtId)?.name})`;
          const otherNameEn =
            other.line !== undefined
              ? `district ${other.number} (line ${other.line})`
              : `district ${names.get(theirs.districtId)?.number} (${names.get(theirs.districtId)?.name})`;
          rejected.push(reject(rule.line, `Obszar pokrywa się z ${otherName}.`, `The area overlaps ${otherNameEn}.`));
        }
      }
    }
    rejected.sort((x, y) => x.line - y.line);
    if (rejected.length > 0 && !options.partial) return { created: [], updated: [], rules: 0, rejected };

    const good = accepted.filter((rule) => !overlapping.has(rule));
    const byDistrict = new Map<string, FileRule[]>();
    for (const rule of good) byDistrict.set(rule.districtId, [...(byDistrict.get(rule.districtId) ?? []), rule]);
    const report: ImportReport = { created: [], updated: [], rules: good.length, rejected };
    for (const [id, rules] of byDistrict) {
      const plain: StreetRule[] = rules.map(({ locality, street, numbers }) => ({ locality, street, numbers }));
      if (await findDistrict(trx, id)) {
        await updateDistrictRow(trx, id, { rules: plain });
        report.updated.push(id);
      } else {
        const { unitId, number } = rules[0]!;
        await insertDistrict(trx, id, {
          unitId,
          number,
          name: `Rejon służbowy nr ${number}`,
          phone: null,
          email: null,
          rules: plain,
          polygon: null,
        });
        report.created.push(id);
      }
    }
    return report;
  });
}
