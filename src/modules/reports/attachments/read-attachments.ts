import type { Db } from '../../../platform/db/database.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { AppError } from '../../../platform/http/errors.js';
import type { FileStore } from '../../../platform/files/store.js';
import { reportErrors } from '../messages.js';
import { reportOr404 } from '../read-reports.js';
import { reportAccess } from '../verify-report.js';
import { findAttachment, listAttachments, type StoredAttachment } from './repository.js';

/** The report's files in the order they came (the police report page; the caller has checked access). */
export function reportAttachments(db: Db, reportId: number): Promise<StoredAttachment[]> {
  return listAttachments(db, reportId);
}

const notFound = () =>
  new AppError(404, 'attachment_not_found', { pl: 'Nie ma takiego załącznika zgłoszenia.', en: 'The report has no such attachment.' });

/**
 * One file of a report and its bytes, for someone who may read the report in full (the rule of its
 * description); anyone else gets the report's own 404, so a refusal confirms nothing.
 */
export async function attachmentFor(
  db: Db,
  files: FileStore,
  principal: Principal,
  reportId: number,
  position: number,
): Promise<{ attachment: StoredAttachment; bytes: Uint8Array }> {
  const report = await reportOr404(db, reportId);
  if (!(await reportAccess(db, principal, report)).canRead) throw new AppError(404, 'report_not_found', reportErrors.notFound());
  const attachment = position > 0 ? await findAttachment(db, report.id, position) : undefined;
  const bytes = attachment && (await files.get(attachment.storeKey));
  if (!attachment || !bytes) throw notFound();
  return { attachment, bytes };
}
