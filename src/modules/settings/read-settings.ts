import type { Db } from '../../platform/db/database.js';
import type { Trx } from '../../platform/audit/actor.js';
import type { ChangeBus } from '../../platform/events/changes.js';
import type { SettingId, SettingValue } from './catalog.js';
import { storedSettings, voivodeshipOf, type StoredSetting } from './repository.js';
import { effectiveValue } from './rules.js';

/** Whose value to read: a unit's (its voivodeship may have tightened it) or the national one (null). */
export interface SettingScope {
  unitId: string | null;
}

/** The stored values at one moment, by setting: the national row and each voivodeship's. */
export interface SettingsSnapshot {
  rows: StoredSetting[];
  national: Map<string, StoredSetting>;
  /** setting id → voivodeship unit id → row. */
  byVoivodeship: Map<string, Map<string, StoredSetting>>;
}

interface Watched {
  bus: ChangeBus;
  snapshot: Promise<SettingsSnapshot> | null;
  voivodeships: Map<string, Promise<string | null>>;
}

/**
 * Per app (keyed by its database handle, like the other caches): the values are read once and
 * kept until the change bus says `settings` (this instance's change, or another's by NOTIFY, or
 * the bus's polling after a lost connection). A database nobody watches (the CLI, a transaction)
 * reads the table every time, so it is never stale.
 */
const watched = new WeakMap<Db | Trx, Watched>();

async function load(db: Db | Trx): Promise<SettingsSnapshot> {
  const rows = await storedSettings(db);
  const national = new Map<string, StoredSetting>();
  const byVoivodeship = new Map<string, Map<string, StoredSetting>>();
  for (const row of rows) {
    if (row.unitId === null) national.set(row.id, row);
    else byVoivodeship.set(row.id, (byVoivodeship.get(row.id) ?? new Map<string, StoredSetting>()).set(row.unitId, row));
  }
  return { rows, national, byVoivodeship };
}

/** The stored values now (from the cache where the app watches the bus). */
export function settingsSnapshot(db: Db | Trx): Promise<SettingsSnapshot> {
  const entry = watched.get(db);
  if (!entry) return load(db);
  const snapshot = (entry.snapshot ??= load(db));
  // A failed read is not kept: the next reader tries again.
  snapshot.catch(() => {
    if (entry.snapshot === snapshot) entry.snapshot = null;
  });
  return snapshot;
}

/** Starts caching the app's settings, refreshed on the bus's `settings` (and, for the unit tree, `register`) changes. */
export function watchSettings(db: Db, bus: ChangeBus): () => void {
  const entry: Watched = { bus, snapshot: null, voivodeships: new Map() };
  watched.set(db, entry);
  const stops = [
    bus.on('settings', () => {
      entry.snapshot = null;
      entry.voivodeships.clear();
    }),
    bus.on('register', () => entry.voivodeships.clear()),
  ];
  return () => {
    stops.forEach((stop) => stop());
    watched.delete(db);
  };
}

/** After a committed change: this app forgets its values, and the bus tells the other instances. */
export function settingsChanged(db: Db): void {
  const entry = watched.get(db);
  if (!entry) return;
  entry.snapshot = null;
  entry.bus.emit('settings');
}

function voivodeship(db: Db | Trx, unitId: string): Promise<string | null> {
  const entry = watched.get(db);
  if (!entry) return voivodeshipOf(db, unitId);
  let found = entry.voivodeships.get(unitId);
  if (!found) entry.voivodeships.set(unitId, (found = voivodeshipOf(db, unitId)));
  return found;
}

async function valueIn(db: Db | Trx, snapshot: SettingsSnapshot, id: SettingId, scope: SettingScope) {
  const tightened = scope.unitId === null ? undefined : snapshot.byVoivodeship.get(id);
  // Most settings have no voivodeship value: the unit tree is looked at only when one does.
  const unit = tightened && scope.unitId !== null ? await voivodeship(db, scope.unitId) : null;
  return effectiveValue(id, snapshot.national.get(id)?.value, unit === null ? undefined : tightened?.get(unit)?.value);
}

/**
 * The value of a setting in force for `scope`: the national value (or the default), or the
 * voivodeship's where it is stricter (rules.ts `effectiveValue`). The one way code reads a
 * regulation-driven rule.
 */
export async function readSetting<Id extends SettingId>(
  db: Db | Trx,
  id: Id,
  scope: SettingScope = { unitId: null },
): Promise<SettingValue<Id>> {
  return (await valueIn(db, await settingsSnapshot(db), id, scope)) as SettingValue<Id>;
}

/**
 * Several settings at once under the caller's own names: `{ takeUpDays: 'reports.takeUpDays' }`
 * gives `{ takeUpDays: 3 }`. The modules' settings objects (PlanSettings, FloodSettings, …) are made so.
 */
export async function readSettingsAs<Names extends Record<string, SettingId>>(
  db: Db | Trx,
  names: Names,
  scope: SettingScope = { unitId: null },
): Promise<{ [K in keyof Names]: SettingValue<Names[K]> }> {
  const snapshot = await settingsSnapshot(db);
  const entries = await Promise.all(Object.entries(names).map(async ([name, id]) => [name, await valueIn(db, snapshot, id, scope)]));
  return Object.fromEntries(entries) as { [K in keyof Names]: SettingValue<Names[K]> };
}

/** `readSettingsAs` for each unit among `unitIds`, once per unit (a list of several units' districts or reports). */
export async function readSettingsByUnit<Names extends Record<string, SettingId>>(
  db: Db | Trx,
  names: Names,
  unitIds: Iterable<string>,
): Promise<Map<string, { [K in keyof Names]: SettingValue<Names[K]> }>> {
  const units = [...new Set(unitIds)];
  return new Map(await Promise.all(units.map(async (unitId) => [unitId, await readSettingsAs(db, names, { unitId })] as const)));
}

/**
 * The settings in force in each voivodeship that stores a value for any of `names` (its stricter
 * values over the national ones): jobs that work on many units' rows at once, such as retention,
 * make one extra pass per voivodeship over its own units.
 */
export async function readVoivodeshipSettingsAs<Names extends Record<string, SettingId>>(
  db: Db | Trx,
  names: Names,
): Promise<{ voivodeshipId: string; settings: { [K in keyof Names]: SettingValue<Names[K]> } }[]> {
  const snapshot = await settingsSnapshot(db);
  const voivodeships = new Set(Object.values(names).flatMap((id) => [...(snapshot.byVoivodeship.get(id)?.keys() ?? [])]));
  return Promise.all(
    [...voivodeships]
      .sort()
      .map(async (voivodeshipId) => ({ voivodeshipId, settings: await readSettingsAs(db, names, { unitId: voivodeshipId }) })),
  );
}
