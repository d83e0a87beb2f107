import type { Db } from '../../../platform/db/database.js';
import { runReminders } from './job.js';

/**
 * `cli reminders [--dry-run]`: who gets which reminders today, one block per e-mail. A dry run
 * sends and records nothing (analysts check the job with it); without it the e-mails are queued
 * exactly as the app's hourly job queues them, and a later run (or the job) sends none of them again.
 */
export async function reminderReport(db: Db, publicUrl: string, dryRun: boolean, out: (line: string) => void): Promise<number> {
  const run = await runReminders(db, { publicUrl, dryRun });
  for (const { mail, reminder } of run.mails) {
    out(`${mail.to}\t${reminder.recipient.name}\t${mail.subject}`);
    for (const item of reminder.items) out(`  ${item.due}\t${item.stage < 0 ? 'po terminie' : `${item.stage} d.`}\t${item.key}`);
  }
  const count = run.mails.length;
  out(
    dryRun
      ? `Przypomnienia do wysłania dziś (nic nie wysłano) / reminders due today (nothing sent): ${count}`
      : `Przypomnienia w kolejce do wysłania / reminders queued: ${count}`,
  );
  return count;
}
