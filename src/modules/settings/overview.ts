import type { Db } from '../../platform/db/database.js';
import type { Principal } from '../../platform/auth/principal.js';
import { subjectOf } from '../access/index.js';
import { AppError, httpErrors } from '../../platform/http/errors.js';
import { settingCatalog, settingIds, type SettingDefinition, type SettingId } from './catalog.js';
import { settingsSnapshot } from './read-settings.js';
import { unitKind, unitNames, voivodeshipOf, voivodeshipUnits, type StoredSetting } from './repository.js';
import { defaultValue, effectiveValue, isStricter, valueProblem, type StoredValue } from './rules.js';

/** Who changed a value and when; `by` null: carried over by the migration, or the account is gone. */
export interface SettingChange {
  at: Date;
  by: string | null;
}

/** One setting as the admin page and API show it. */
export interface SettingView {
  id: SettingId;
  definition: SettingDefinition;
  defaultValue: StoredValue;
  /** The national value in force (stored, else the default). */
  national: StoredValue;
  /** The last change of the national value; null while it is the default. */
  nationalChange: SettingChange | null;
  /**
   * Each voivodeship's stored value. It holds for its units only while stricter than the national
   * one (`inEffect`); a national value tightened since leaves it stored but without effect.
   */
  voivodeships: { unitId: string; unitName: string; value: unknown; inEffect: boolean; change: SettingChange }[];
}

const changeOf = (row: StoredSetting): SettingChange => ({ at: row.changedAt, by: row.changedByName });

/** Every setting of the catalogue with its national value, its default and the voivodeships' values. */
export async function settingsOverview(db: Db): Promise<SettingView[]> {
  const snapshot = await settingsSnapshot(db);
  const names = await unitNames(db, [...new Set(snapshot.rows.flatMap((row) => (row.unitId ? [row.unitId] : [])))]);
  return settingIds.map((id) => {
    const stored = snapshot.national.get(id);
    const national = effectiveValue(id, stored?.value, undefined);
    return {
      id,
      definition: settingCatalog[id],
      defaultValue: defaultValue(id),
      national,
      nationalChange: stored ? changeOf(stored) : null,
      voivodeships: [...(snapshot.byVoivodeship.get(id)?.values() ?? [])].map((row) => ({
        unitId: row.unitId!,
        unitName: names.get(row.unitId!) ?? row.unitId!,
        value: row.value,
        inEffect: valueProblem(id, row.value) === null && isStricter(id, row.value as StoredValue, national),
        change: changeOf(row),
      })),
    };
  });
}

/**
 * What the person may change on the page: national values (an administrator of the top unit), a
 * voivodeship's tightening (an administrator of a KWP/KSP), or nothing (other administrators see
 * the values in force for their unit).
 */
export type Viewer =
  | { kind: 'national'; voivodeships: { id: string; name: string }[] }
  /** `forNational`: a national administrator acting for the voivodeship (its value, its range). */
  | { kind: 'voivodeship'; unitId: string; unitName: string; forNational?: { voivodeships: { id: string; name: string }[] } }
  | { kind: 'readOnly'; voivodeshipId: string | null };

const settingErrors = {
  noSuchVoivodeship: () =>
    new AppError(404, 'voivodeship_not_found', {
      pl: 'Nie ma takiej komendy wojewódzkiej ani stołecznej.',
      en: 'There is no such voivodeship or metropolitan command.',
    }),
};

const isVoivodeshipCommand = (unit: { kind: string } | undefined) => unit?.kind === 'KWP' || unit?.kind === 'KSP';

/**
 * What the person sees: a national administrator the national values, or, asking for one by
 * `voivodeshipId`, that voivodeship's tightening as its own administrator would (an id that is no
 * voivodeship command answers 404); others their own voivodeship's, or the values in force, and
 * asking for another voivodeship is refused (403) rather than quietly showing their own.
 */
export async function viewerOf(db: Db, principal: Principal, voivodeshipId?: string): Promise<Viewer> {
  if ((await subjectOf(db, principal, false)).unitIsTop) {
    const voivodeships = await voivodeshipUnits(db);
    if (!voivodeshipId) return { kind: 'national', voivodeships };
    const chosen = voivodeships.find((v) => v.id === voivodeshipId);
    if (!chosen) throw settingErrors.noSuchVoivodeship();
    return { kind: 'voivodeship', unitId: chosen.id, unitName: chosen.name, forNational: { voivodeships } };
  }
  if (voivodeshipId && voivodeshipId !== principal.unitId) throw httpErrors.forbidden();
  const unit = await unitKind(db, principal.unitId);
  if (isVoivodeshipCommand(unit)) return { kind: 'voivodeship', unitId: principal.unitId, unitName: unit!.name };
  return { kind: 'readOnly', voivodeshipId: await voivodeshipOf(db, principal.unitId) };
}
