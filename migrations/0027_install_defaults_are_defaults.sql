-- Migration 0024 carried the rows that earlier migrations wrote into app_settings at installation
-- (0003 plans, 0005 report deadlines, 0010 flood limits) over as national values changed by nobody,
-- so every new installation listed eleven settings as "carried over from the previous version"
-- while they held their defaults. A national row by nobody that holds exactly such an installation
-- value goes: a setting without a row has its default, which is that same value, so nothing in
-- force changes. A value somebody chose stays (it has an author, or differs from the default).
DELETE FROM setting_values
 WHERE unit_id IS NULL
   AND changed_by IS NULL
   AND (id, value) IN (VALUES
     ('plans.maxPeriodMonths', '6'::jsonb),
     ('plans.submitDaysBeforeStart', '14'::jsonb),
     ('plans.approvalDays', '7'::jsonb),
     ('plans.publicationDays', '7'::jsonb),
     ('plans.evaluationDaysAfterEnd', '14'::jsonb),
     ('reports.takeUpDays', '3'::jsonb),
     ('reports.verifyDays', '5'::jsonb),
     ('reports.categoryPerHour', '5'::jsonb),
     ('reports.districtPerHour', '15'::jsonb),
     ('reports.mailedPerHour', '5'::jsonb),
     ('reports.digestMinutes', '60'::jsonb));
