import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Actor } from '../../platform/audit/actor.js';
import { recordEvent } from '../../platform/audit/record.js';
import type { Principal } from '../../platform/auth/principal.js';
import { readSettings, writeSettings } from '../../platform/db/settings.js';
import { ValidationError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { assertNationalAdministrator } from '../access/index.js';
import { dashboardSettingsKey, dashboardSettingsProblems, defaultDashboardSettings, type DashboardSettings } from './rules.js';

/**
 * Changes the dashboard's settings: when a deadline counts as approaching, and how many days before
 * a deadline the e-mail reminders go. National, as the plans' and reports' deadlines themselves
 * are: a national administrator only. Given fields replace the stored ones; all or nothing; the
 * reminder days are kept sorted from the furthest; the change goes to the audit log.
 */
export async function updateDashboardSettings(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: Partial<DashboardSettings>,
  lang: Lang,
): Promise<DashboardSettings> {
  await assertNationalAdministrator(db, principal, {
    pl: 'Ustawienia tablicy i przypomnień zmienia tylko administrator krajowy (jednostki najwyższego szczebla).',
    en: 'Only a national administrator (of the top-level unit) may change the dashboard and reminder settings.',
  });
  return inTransaction(db, actor, async (trx) => {
    const before = await readSettings(trx, dashboardSettingsKey, defaultDashboardSettings);
    const wanted: Record<string, unknown> = { ...before, ...input };
    const problems = dashboardSettingsProblems(wanted);
    if (problems.length) throw new ValidationError(problems.map((p) => ({ field: p.field, code: 'invalid', message: p.message[lang] })));
    const saved: DashboardSettings = {
      soonDays: wanted.soonDays as number,
      reminderDays: [...(wanted.reminderDays as number[])].sort((a, b) => b - a),
    };
    await writeSettings(trx, dashboardSettingsKey, saved);
    await recordEvent(trx, actor, {
      action: 'settings.update',
      entityType: 'app_settings',
      entityId: dashboardSettingsKey,
      unitId: null,
      before: { ...before },
      details: { ...saved },
    });
    return saved;
  });
}

/** The reminder days as typed in the form ("7, 1" or "7 1"): numbers, or NaN for what is not one (the rules then refuse it). */
export function parseReminderDays(text: string): number[] {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  return parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
}
