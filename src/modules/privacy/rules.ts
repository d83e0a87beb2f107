import { defaultsOf, type SettingId } from '../settings/index.js';
import { defaultThrottle } from '../accounts/index.js';
import { confirmValidDays } from '../subscriptions/index.js';

/**
 * How long the system keeps each piece of personal data (zasady przechowywania danych osobowych).
 * The periods are settings (src/modules/settings, national: one set for the whole country);
 * `retentionRules` says for every piece where its clock starts and which setting stops it. The
 * retention job (`erase.ts`) erases what `retentionCutoff` says is due; docs/privacy.md and the page
 * /prywatnosc are written from the same table.
 */
export interface RetentionSettings {
  reportDescriptionDays: number;
  reportAddressDays: number;
  reportExactPointDays: number;
  reportNotesDays: number;
  reporterIpDays: number;
  staffIpDays: number;
  outboxDays: number;
}

export type RetentionSetting = keyof RetentionSettings;

/** Where each period is set (settings catalogue: default, range, the regulation). */
export const retentionSettingIds = {
  // Days after the report is closed. The description is what the officer verifies; a supervisor may
  // reopen a closed report and a resident may complain about how it was handled, and the next
  // half-yearly priority action plan diagnoses threats from the reports of the past period. Half a
  // year covers all three; after it the category, district, public point and status history remain,
  // which is all statistics and the plans need.
  reportDescriptionDays: 'retention.reportDescriptionDays',
  // Days after closing, for the same reasons: a reopened case is verified at the typed address.
  reportAddressDays: 'retention.reportAddressDays',
  // Days after closing, for the same reasons; the public point on the 50 m grid is kept for ever.
  reportExactPointDays: 'retention.reportExactPointDays',
  // Days after closing. Police notes explain the decision (and may name people met on the spot);
  // they are needed as long as the decision can be reopened or questioned, like the description.
  reportNotesDays: 'retention.reportNotesDays',
  // Days after the report or the "me too" was made. The address serves the per-address limit (a day
  // by default) and tracing a flood or a malicious report, which surfaces within the 3 + 5 days of
  // take-up and verification; a month gives a supervisor time to notice a pattern. Days, not years:
  // at most 90.
  reporterIpDays: 'retention.reporterIpDays',
  // Days after a signed-in person's change or sign-in. "From where did this account act?" helps
  // investigate a misused account; a quarter covers the periodic review of sign-ins. Who did what
  // stays in the audit log; only the address goes.
  staffIpDays: 'retention.staffIpDays',
  // Days after a message was queued. A failed message is retried within minutes; a month lets an
  // administrator answer a complaint about a missing e-mail. A sent message keeps only a masked
  // recipient meanwhile.
  outboxDays: 'retention.outboxDays',
} as const satisfies Record<RetentionSetting, SettingId>;

export const retentionSettingNames = Object.keys(retentionSettingIds) as RetentionSetting[];

export const defaultRetentionSettings: RetentionSettings = defaultsOf(retentionSettingIds);

/**
 * Days a record of a reminder sent (reminders_sent: which staff member was reminded of which
 * deadline, at which stage) is kept. It serves only to not send the same reminder twice, so it is
 * kept while that reminder could be due again: one before a deadline goes at most 60 days ahead
 * (the dashboard's longest reminder day) and is due at the latest on the deadline's day; the one
 * after a missed deadline goes within 14 days of it. 61 days after sending (a day more for the
 * Polish calendar day) neither can be due again. The numbers are the dashboard's; this module may
 * not import them (the dashboard reads reports, which read this), so rules.test.ts checks them.
 */
export const sentReminderDays = 61;

/** A piece of personal data the system keeps, wherever its copies are. */
export type PersonalDataPiece =
  | 'reportDescription'
  | 'reportAddress'
  | 'reportExactPoint'
  | 'reportNotes'
  | 'reporterEmail'
  | 'reporterIp'
  | 'confirmationIp'
  | 'residentAuditIp'
  | 'staffAuditIp'
  | 'session'
  | 'signInAttempts'
  | 'outboxMail'
  | 'pendingSubscription'
  | 'sentReminder';

/**
 * When the clock of a piece starts: when the report was closed (reopening stops it, closing again
 * starts it anew), when the record was made, or when the session ended.
 */
export type RetentionClock = 'closed' | 'created' | 'ended';

export interface RetentionRule {
  piece: PersonalDataPiece;
  clock: RetentionClock;
  /** The setting that says how many days; null: `fixedDays`, or erased as soon as the clock starts. */
  setting: RetentionSetting | null;
  /** Days fixed by another rule of the system, not a retention setting. */
  fixedDays?: number;
  /** Who erases it: the retention job, or the change that starts the clock. */
  erasedBy: 'job' | 'status_change';
}

/** The table: one row per piece of personal data. */
export const retentionRules: readonly RetentionRule[] = [
  { piece: 'reportDescription', clock: 'closed', setting: 'reportDescriptionDays', erasedBy: 'job' },
  { piece: 'reportAddress', clock: 'closed', setting: 'reportAddressDays', erasedBy: 'job' },
  { piece: 'reportExactPoint', clock: 'closed', setting: 'reportExactPointDays', erasedBy: 'job' },
  { piece: 'reportNotes', clock: 'closed', setting: 'reportNotesDays', erasedBy: 'job' },
  // The e-mail serves only to tell the reporter the outcome: the status change that closes the
  // report erases it in the same transaction (reports/repository.ts, updateStatus), so the closing
  // message can still say "your address has been deleted". One mechanism: the job leaves it alone.
  { piece: 'reporterEmail', clock: 'closed', setting: null, erasedBy: 'status_change' },
  { piece: 'reporterIp', clock: 'created', setting: 'reporterIpDays', erasedBy: 'job' },
  { piece: 'confirmationIp', clock: 'created', setting: 'reporterIpDays', erasedBy: 'job' },
  // Entries of people who were not signed in: residents' reports and "me too", failed sign-ins.
  { piece: 'residentAuditIp', clock: 'created', setting: 'reporterIpDays', erasedBy: 'job' },
  { piece: 'staffAuditIp', clock: 'created', setting: 'staffIpDays', erasedBy: 'job' },
  // A session's IP address and browser are kept while it lives (SESSION_MAX_HOURS at most).
  { piece: 'session', clock: 'ended', setting: null, erasedBy: 'job' },
  // Failed sign-ins per login and source (the source's IPv4 address or IPv6 /64) slow down password
  // guessing; the throttle forgets them a day after the last failure, so they are deleted then.
  { piece: 'signInAttempts', clock: 'created', setting: null, fixedDays: defaultThrottle.forgetAfterHours / 24, erasedBy: 'job' },
  { piece: 'outboxMail', clock: 'created', setting: 'outboxDays', erasedBy: 'job' },
  // An e-mail that asked to follow a district and was never confirmed: nobody agreed to be mailed.
  // It goes when its confirmation link expires (counted from the last link sent). A confirmed
  // follower's address stays until they unsubscribe, which deletes it at once.
  { piece: 'pendingSubscription', clock: 'created', setting: null, fixedDays: confirmValidDays, erasedBy: 'job' },
  { piece: 'sentReminder', clock: 'created', setting: null, fixedDays: sentReminderDays, erasedBy: 'job' },
];

const DAY_MS = 86_400_000;

export function retentionRule(piece: PersonalDataPiece): RetentionRule {
  return retentionRules.find((rule) => rule.piece === piece)!;
}

/** How many days a piece is kept once its clock starts (0: erased at once). */
export function retentionDays(rule: RetentionRule, settings: RetentionSettings): number {
  return rule.setting ? settings[rule.setting] : (rule.fixedDays ?? 0);
}

/** The instant a piece's clock must have started before for it to be due now. */
export function retentionCutoff(rule: RetentionRule, settings: RetentionSettings, now: Date): Date {
  return new Date(now.getTime() - retentionDays(rule, settings) * DAY_MS);
}

/** When the clock of one record started, for each kind of clock (null: it has not started). */
export interface RecordClocks {
  createdAt?: Date | null;
  closedAt?: Date | null;
  endsAt?: Date | null;
}

/**
 * Whether a piece of one record is due for erasure now. The job asks the database the same
 * question for many records at once (the repository's queries compare the clock with
 * `retentionCutoff`); the tests check that both answer alike.
 */
export function isDue(rule: RetentionRule, record: RecordClocks, settings: RetentionSettings, now: Date): boolean {
  const started = rule.clock === 'closed' ? record.closedAt : rule.clock === 'created' ? record.createdAt : record.endsAt;
  return started ? started.getTime() < retentionCutoff(rule, settings, now).getTime() : false;
}
