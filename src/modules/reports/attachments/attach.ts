import type { Actor, Trx } from '../../../platform/audit/actor.js';
import { recordEvent } from '../../../platform/audit/record.js';
import type { Db } from '../../../platform/db/database.js';
import { clearPendingUploads, recordPendingUploads } from '../../../platform/files/pending-uploads-repository.js';
import { newFileKey, type FileStore } from '../../../platform/files/store.js';
import type { Report } from '../model.js';
import type { PreparedAttachment } from './prepare.js';
import { insertAttachments } from './repository.js';

export interface SavedAttachment extends PreparedAttachment {
  storeKey: string;
}

/**
 * Writes the files to the store BEFORE the report's transaction (a store may be the database
 * itself, whose single embedded connection the transaction holds). Their keys are recorded as
 * pending first, in a statement of their own: the report's transaction clears them when it commits,
 * `discardAttachmentFiles` when it does not, and a crash in between leaves rows the retention job's
 * orphan sweep finds, so no file stays unreachable (docs/attachments.md).
 */
export async function putAttachmentFiles(db: Db, store: FileStore, prepared: readonly PreparedAttachment[]): Promise<SavedAttachment[]> {
  const planned = prepared.map((file) => ({ ...file, storeKey: newFileKey() }));
  await recordPendingUploads(
    db,
    planned.map((file) => file.storeKey),
  );
  try {
    for (const file of planned) await store.put(file.storeKey, file.bytes, file.contentType);
  } catch (error) {
    // Deleting a file that was never put is fine (idempotent), so all of them go.
    await discardAttachmentFiles(db, store, planned);
    throw error;
  }
  return planned;
}

/**
 * Removes files whose report was not stored, then the pending rows of those removed (a file that
 * could not be removed keeps its row: the sweep tries again). A failure here must not hide why the
 * report failed.
 */
export async function discardAttachmentFiles(db: Db, store: FileStore, saved: readonly { storeKey: string }[]): Promise<void> {
  const deleted = await Promise.allSettled(saved.map((file) => store.delete(file.storeKey)));
  const gone = saved.filter((_, i) => deleted[i]!.status === 'fulfilled').map((file) => file.storeKey);
  await clearPendingUploads(db, gone).catch(() => undefined);
}

/** The rows linking the files to the report, and the report's audit event with their count (never their content). */
export async function recordAttachments(trx: Trx, actor: Actor, report: Report, saved: readonly SavedAttachment[]): Promise<void> {
  if (saved.length === 0) return;
  // Committing the rows and clearing the pending keys is one step. A key already gone was swept as
  // an orphan while this transaction waited (over an hour): its file is no more, so nothing commits.
  const cleared = await clearPendingUploads(
    trx,
    saved.map((f) => f.storeKey),
  );
  if (cleared !== saved.length) throw new Error(`Attachment files were swept before their report committed (${cleared}/${saved.length})`);
  await insertAttachments(
    trx,
    report.id,
    saved.map((f) => ({ position: f.position, storeKey: f.storeKey, kind: f.kind, contentType: f.contentType, size: f.bytes.byteLength })),
  );
  await recordEvent(trx, actor, {
    action: 'report.attachments',
    entityType: 'reports',
    entityId: String(report.id),
    unitId: report.unitId,
    details: { attachments: saved.length, kinds: saved.map((f) => f.kind), bytes: saved.reduce((sum, f) => sum + f.bytes.byteLength, 0) },
  });
}
