-- Settings an administrator can change (issue 17): one row per setting and scope, national
-- (unit_id NULL) or a voivodeship's tightening for its units (a KWP/KSP). The catalogue of
-- settings, their defaults and ranges live in the application (src/modules/settings/catalog.ts);
-- a setting without a row has its default. Every change is also an audit event (before/after).
CREATE TABLE setting_values (
  id         text NOT NULL CHECK (id ~ '^[a-z]+\.[A-Za-z0-9]+$'),
  unit_id    text REFERENCES units (id),
  value      jsonb NOT NULL,
  changed_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX setting_values_national_idx ON setting_values (id) WHERE unit_id IS NULL;
CREATE UNIQUE INDEX setting_values_unit_idx ON setting_values (id, unit_id) WHERE unit_id IS NOT NULL;

-- The groups of app_settings that were settings become national values, field by field (a
-- damaged value is carried as it is: the application falls back to the default, as before).
INSERT INTO setting_values (id, unit_id, value, changed_at)
SELECT m.id, NULL, s.value -> m.field, s.updated_at
  FROM app_settings s
  JOIN (VALUES
    ('report_flood_settings', 'categoryPerHour', 'reports.categoryPerHour'),
    ('report_flood_settings', 'districtPerHour', 'reports.districtPerHour'),
    ('report_flood_settings', 'mailedPerHour', 'reports.mailedPerHour'),
    ('report_flood_settings', 'digestMinutes', 'reports.digestMinutes'),
    ('report_settings', 'takeUpDays', 'reports.takeUpDays'),
    ('report_settings', 'verifyDays', 'reports.verifyDays'),
    ('plan_settings', 'maxPeriodMonths', 'plans.maxPeriodMonths'),
    ('plan_settings', 'submitDaysBeforeStart', 'plans.submitDaysBeforeStart'),
    ('plan_settings', 'approvalDays', 'plans.approvalDays'),
    ('plan_settings', 'publicationDays', 'plans.publicationDays'),
    ('plan_settings', 'evaluationDaysAfterEnd', 'plans.evaluationDaysAfterEnd'),
    ('retention_settings', 'reportDescriptionDays', 'retention.reportDescriptionDays'),
    ('retention_settings', 'reportAddressDays', 'retention.reportAddressDays'),
    ('retention_settings', 'reportExactPointDays', 'retention.reportExactPointDays'),
    ('retention_settings', 'reportNotesDays', 'retention.reportNotesDays'),
    ('retention_settings', 'reporterIpDays', 'retention.reporterIpDays'),
    ('retention_settings', 'staffIpDays', 'retention.staffIpDays'),
    ('retention_settings', 'outboxDays', 'retention.outboxDays'),
    ('dashboard_settings', 'soonDays', 'dashboard.soonDays'),
    ('dashboard_settings', 'reminderDays', 'dashboard.reminderDays')
  ) AS m (key, field, id) ON m.key = s.key
 WHERE jsonb_typeof(s.value) = 'object' AND s.value ? m.field;

DELETE FROM app_settings
 WHERE key IN ('report_flood_settings', 'report_settings', 'plan_settings', 'retention_settings', 'dashboard_settings');
