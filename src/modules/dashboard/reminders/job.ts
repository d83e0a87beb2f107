import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../../platform/db/database.js';
import { inTransaction, systemActor } from '../../../platform/audit/actor.js';
import { warsawToday } from '../../../platform/i18n/calendar.js';
import { runOncePerPeriod, type Schedule } from '../../../platform/events/periodic.js';
import { queueMail, type Mail } from '../../../platform/mail/outbox.js';
import { dueReminders } from './collect.js';
import { reminderMail } from './mail.js';
import { claimId, claimReminders, lockReminderRun, sentBefore, type Claim } from './repository.js';
import type { Recipient, Reminder, ReminderItem } from './rules.js';

export interface ReminderRun {
  /** The e-mails queued (or, in a dry run, that would be), with the reminders in each. */
  mails: { mail: Mail; reminder: Reminder }[];
  dryRun: boolean;
}

const claimOf = (recipient: Recipient, i: ReminderItem): Claim => ({
  deadlineKey: i.key,
  recipient: recipient.accountId,
  daysBefore: i.stage,
  unitId: i.unitId,
});
const claimsOf = (r: Reminder) => r.items.map((i) => claimOf(r.recipient, i));

/** The reminders with only the items `keeps` says go out; a person with none left gets no e-mail. */
const keep = (reminders: Reminder[], keeps: (id: string) => boolean): Reminder[] =>
  reminders
    .map((r) => ({ recipient: r.recipient, items: r.items.filter((i) => keeps(claimId(claimOf(r.recipient, i)))) }))
    .filter((r) => r.items.length > 0);

/**
 * Sends today's reminders through the outbox: each person one e-mail with the reminders not sent
 * to them before. The reminders are claimed (reminders_sent) in the transaction that queues the
 * e-mails, under a lock shared by every instance, so a rerun or a second instance sends nothing
 * twice and a failed run sends nothing at all. A dry run only tells what would go.
 */
export async function runReminders(db: Db, options: { publicUrl: string; now?: Date; dryRun?: boolean }): Promise<ReminderRun> {
  const now = options.now ?? new Date();
  const today = warsawToday(now);
  const mailsOf = (reminders: Reminder[]) =>
    reminders.map((reminder) => ({ reminder, mail: reminderMail(reminder, today, options.publicUrl) }));
  if (options.dryRun) {
    const due = await dueReminders(db, now);
    const sent = await sentBefore(db, due.flatMap(claimsOf));
    return { dryRun: true, mails: mailsOf(keep(due, (id) => !sent.has(id))) };
  }
  return inTransaction(db, systemActor('przypomnienia o terminach'), async (trx) => {
    await lockReminderRun(trx);
    // Read after the lock: what another instance has just claimed is seen as sent.
    const due = await dueReminders(trx, now);
    const claimed = await claimReminders(trx, due.flatMap(claimsOf));
    const mails = mailsOf(keep(due, (id) => claimed.has(id)));
    for (const { mail } of mails) await queueMail(trx, mail);
    return { dryRun: false, mails };
  });
}

/** Hourly: a day's reminders go out within the first hour of the day the job runs, on any instance. */
export const defaultReminderSchedule: Schedule = { firstAfterMs: 2 * 60_000, everyMs: 3_600_000 };

/**
 * Runs the reminder job in the app process (REMINDER_JOB), periodically: every instance schedules
 * it, one of them runs it each hour (job_runs; `owner` is this instance's name). Returns a stop
 * function that waits for a run under way.
 */
export function scheduleReminders(
  db: Db,
  publicUrl: string,
  options: { owner: string; log?: FastifyBaseLogger; schedule?: Schedule },
): () => Promise<void> {
  const { log, schedule = defaultReminderSchedule } = options;
  return runOncePerPeriod(
    { db, job: 'reminders', owner: options.owner, log },
    () =>
      runReminders(db, { publicUrl })
        .then((done) => {
          if (done.mails.length) log?.info({ mails: done.mails.length }, 'deadline reminders queued');
        })
        .catch((error: unknown) => log?.warn({ err: error }, 'deadline reminders not queued')),
    schedule,
  );
}
