import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Actor, type Trx } from '../../platform/audit/actor.js';
import { recordEvent } from '../../platform/audit/record.js';
import type { Principal } from '../../platform/auth/principal.js';
import { ValidationError, type FieldError } from '../../platform/http/errors.js';
import type { Lang, Localized } from '../../platform/i18n/i18n.js';
import { assertNationalAdministrator, assertUnitInScope } from '../access/index.js';
import { isSettingId, type SettingId } from './catalog.js';
import { settingsChanged, settingsSnapshot } from './read-settings.js';
import { lockedValue, removeValue, storeValue, unitKind } from './repository.js';
import {
  crossProblems,
  defaultValue,
  effectiveValue,
  normalValue,
  valueProblem,
  voivodeshipProblem,
  voivodeshipRange,
  type StoredValue,
} from './rules.js';

export interface ChangeSettingsInput {
  db: Db;
  principal: Principal;
  actor: Actor;
  /** null: national values; otherwise the voivodeship (KWP/KSP) that tightens them for its units. */
  unitId: string | null;
  /**
   * New values by setting id; all are stored or none. null removes the scope's own value: the
   * national default, or the voivodeship's tightening (its units follow the national value again).
   */
  values: Record<string, unknown>;
  lang: Lang;
}

const nationalOnly: Localized = {
  pl: 'Ustawienia krajowe zmienia tylko administrator krajowy (jednostki najwyższego szczebla).',
  en: 'Only a national administrator (of the top-level unit) may change national settings.',
};

/** Who may change settings of the scope: a national administrator, or an administrator of the voivodeship. */
async function assertMayChange(db: Db | Trx, principal: Principal, unitId: string | null, lang: Lang): Promise<void> {
  if (unitId === null) return assertNationalAdministrator(db, principal, nationalOnly);
  await assertUnitInScope(db, principal, unitId, 'settings.voivodeship');
  const unit = await unitKind(db, unitId);
  if (unit && unit.kind !== 'KWP' && unit.kind !== 'KSP')
    throw new ValidationError([
      {
        field: 'unitId',
        code: 'invalid',
        message: {
          pl: `Zaostrzyć ustawienie może tylko komenda wojewódzka (KWP) lub stołeczna (KSP), a nie „${unit.name}”.`,
          en: `Only a voivodeship (KWP) or the metropolitan (KSP) command may tighten a setting, not "${unit.name}".`,
        }[lang],
      },
    ]);
}

/**
 * Changes settings of one scope (the admin page's form of a group, the API's PUT, the older
 * pages of the flood, retention and dashboard settings). Checks who may, each value's range, a
 * voivodeship value's being stricter than the national one, and the rules tying settings
 * together; then stores every value and one audit event per setting (before and after) in one
 * transaction, and tells every instance.
 */
export async function changeSettings(input: ChangeSettingsInput): Promise<void> {
  const { db, principal, actor, unitId } = input;
  await assertMayChange(db, principal, unitId, input.lang);
  const problems: FieldError[] = [];
  const wanted = new Map<SettingId, StoredValue | null>();
  // A voivodeship's field offers only values stricter than the national one: its errors name that range.
  const current = unitId === null ? null : await settingsSnapshot(db);
  const shownRange = (id: SettingId) => current && voivodeshipRange(id, effectiveValue(id, current.national.get(id)?.value, undefined));
  for (const [id, value] of Object.entries(input.values)) {
    const problem = !isSettingId(id)
      ? { pl: `Nie ma ustawienia „${id}”.`, en: `There is no setting "${id}".` }
      : value === null
        ? null
        : valueProblem(id, value, shownRange(id));
    if (problem) problems.push({ field: id, code: 'invalid', message: problem[input.lang] });
    else wanted.set(id as SettingId, value === null ? null : normalValue(value as StoredValue));
  }
  if (problems.length) throw new ValidationError(problems);
  await inTransaction(db, actor, async (trx) => {
    const snapshot = await settingsSnapshot(trx);
    const national = (id: SettingId) => effectiveValue(id, snapshot.national.get(id)?.value, undefined);
    for (const [id, value] of wanted) {
      const problem = unitId === null || value === null ? null : voivodeshipProblem(id, value, national(id));
      if (problem) problems.push({ field: id, code: 'invalid', message: problem[input.lang] });
    }
    if (unitId === null) {
      const inForce = (id: SettingId) => (wanted.has(id) ? (wanted.get(id) ?? defaultValue(id)) : national(id));
      for (const p of crossProblems(inForce)) problems.push({ field: p.id, code: 'invalid', message: p.message[input.lang] });
    }
    if (problems.length) throw new ValidationError(problems);
    for (const [id, value] of wanted) {
      const before = await lockedValue(trx, id, unitId);
      if (value === null) {
        if (before === undefined) continue;
        await removeValue(trx, id, unitId);
      } else await storeValue(trx, id, unitId, value, actor.accountId);
      await recordEvent(trx, actor, {
        action: 'settings.update',
        entityType: 'setting',
        entityId: id,
        unitId,
        before: { value: before ?? null },
        details: { value },
      });
    }
  });
  settingsChanged(db);
}
