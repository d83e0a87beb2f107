import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Actor, type Trx } from '../../platform/audit/actor.js';
import { recordEvent } from '../../platform/audit/record.js';
import type { Principal } from '../../platform/auth/principal.js';
import { ValidationError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { assertNationalAdministrator } from '../access/index.js';
import { saveRetentionSettings, storedRetentionSettings } from './repository.js';
import { effectiveRetentionSettings, retentionSettingsProblems, type RetentionSettings } from './rules.js';

/** The retention settings in force: the stored row over the defaults, damaged values replaced by defaults. */
export async function retentionSettings(db: Db | Trx): Promise<RetentionSettings> {
  return effectiveRetentionSettings(await storedRetentionSettings(db));
}

/**
 * Changes the retention times (national administrators only: the rules are the same for the whole
 * country). Given fields replace the current ones; all or nothing, with one problem per field in
 * the person's language; the change and the previous values go to the audit log.
 */
export async function updateRetentionSettings(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: Partial<RetentionSettings>,
  options: { lang: Lang; minIpDays: number },
): Promise<RetentionSettings> {
  await assertNationalAdministrator(db, principal, {
    pl: 'Zasady przechowywania danych zmienia tylko administrator krajowy (jednostki najwyższego szczebla).',
    en: 'Only a national administrator (of the top-level unit) may change the data retention rules.',
  });
  return inTransaction(db, actor, async (trx) => {
    const current = await retentionSettings(trx);
    const next = { ...current, ...input };
    const problems = retentionSettingsProblems(next, options.minIpDays);
    if (problems.length)
      throw new ValidationError(problems.map((p) => ({ field: p.field, code: 'invalid', message: p.message[options.lang] })));
    await saveRetentionSettings(trx, next);
    await recordEvent(trx, actor, {
      action: 'settings.update',
      entityType: 'app_settings',
      entityId: 'retention_settings',
      unitId: null,
      before: { ...current },
      details: { ...next },
    });
    return next;
  });
}
