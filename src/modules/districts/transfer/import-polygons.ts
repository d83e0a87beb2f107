import type { Db } from '../../../platform/db/database.js';
import { inTransaction, type Actor } from '../../../platform/audit/actor.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/http/errors.js';
import { assertUnitInScope } from '../../access/index.js';
import { readDistrictPolygons } from '../geometry/geojson.js';
import { districtId, type MultiPolygon } from '../model.js';
import { findDistrict, updateDistrictRow } from '../repository.js';
import type { Localized } from '../../../platform/i18n/i18n.js';

export interface PolygonImportReport {
  updated: string[];
  rejected: { feature: number; message: Localized }[];
  warnings: { feature: number; message: Localized }[];
}

/**
 * Sets district polygons from GeoJSON (features with properties unit and district, WGS84 or
 * EPSG:2180). All or nothing unless `partial`.
 */
export async function importPolygons(
  db: Db,
  principal: Principal | null,
  actor: Actor,
  input: unknown,
  options: { partial: boolean },
): Promise<PolygonImportReport> {
  const read = readDistrictPolygons(input);
  const rejected = [...read.errors];
  const warnings = [...(read.warnings ?? [])];
  return inTransaction(db, actor, async (trx) => {
    const accepted: { id: string; geometry: MultiPolygon }[] = [];
    for (const [index, polygon] of read.polygons.entries()) {
      const feature = (polygon as { feature?: number }).feature ?? index;
      const id = districtId(polygon.unitId, polygon.districtNumber);
      const district = await findDistrict(trx, id);
      if (!district || district.retiredAt) {
        rejected.push({
          feature,
          message: {
            pl: `Nie ma rejonu nr ${polygon.districtNumber} w jednostce „${polygon.unitId}”.`,
            en: `There is no district ${polygon.districtNumber} in unit "${polygon.unitId}".`,
          },
        });
        continue;
      }
      if (principal) {
        try {
          await assertUnitInScope(trx, principal, district.unitId, 'register.edit');
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          rejected.push({ feature, message: error.text });
          continue;
        }
      }
      accepted.push({ id, geometry: polygon.geometry });
    }
    rejected.sort((a, b) => a.feature - b.feature);
    if (rejected.length > 0 && !options.partial) return { updated: [], rejected, warnings };
    for (const { id, geometry } of accepted) await updateDistrictRow(trx, id, { polygon: geometry });
    return { updated: accepted.map((a) => a.id), rejected, warnings };
  });
}
