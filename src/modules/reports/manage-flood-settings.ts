import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Actor } from '../../platform/audit/actor.js';
import { recordEvent } from '../../platform/audit/record.js';
import type { Principal } from '../../platform/auth/principal.js';
import { readSettings, writeSettings } from '../../platform/db/settings.js';
import { ValidationError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { assertNationalAdministrator } from '../access/index.js';
import { cachedFloodSettings, forgetFloodSettings } from './repository.js';
import { defaultFloodSettings, floodSettingsKey, floodSettingsProblems, type FloodSettings } from './rules/index.js';

/** The flood limits in force (damaged stored values give way to the defaults). */
export function floodSettings(db: Db): Promise<FloodSettings> {
  return cachedFloodSettings(db);
}

/**
 * Changes the flood limits of threat reports (national administrators only: the limits protect
 * every district alike). Given fields replace the current ones; all or nothing, one problem per
 * field in the person's language; the change and the previous values go to the audit log.
 */
export async function updateFloodSettings(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: Partial<FloodSettings>,
  lang: Lang,
): Promise<FloodSettings> {
  await assertNationalAdministrator(db, principal, {
    pl: 'Limity napływu zgłoszeń zmienia tylko administrator krajowy (jednostki najwyższego szczebla).',
    en: 'Only a national administrator (of the top-level unit) may change the flood limits of reports.',
  });
  const saved = await inTransaction(db, actor, async (trx) => {
    const current = await readSettings(trx, floodSettingsKey, defaultFloodSettings);
    const next = { ...current, ...input };
    const problems = floodSettingsProblems({ ...next });
    if (problems.length) throw new ValidationError(problems.map((p) => ({ field: p.field, code: 'invalid', message: p.message[lang] })));
    await writeSettings(trx, floodSettingsKey, next);
    await recordEvent(trx, actor, {
      action: 'settings.update',
      entityType: 'app_settings',
      entityId: floodSettingsKey,
      unitId: null,
      before: { ...current },
      details: { ...next },
    });
    return next;
  });
  forgetFloodSettings(db);
  return saved;
}
