import type { Actor, Trx } from '../../../platform/audit/actor.js';
import { recordEvent } from '../../../platform/audit/record.js';
import { newFileKey, type FileStore } from '../../../platform/files/store.js';
import type { Report } from '../model.js';
import type { PreparedAttachment } from './prepare.js';
import { insertAttachments } from './repository.js';

export interface SavedAttachment extends PreparedAttachment {
  storeKey: string;
}

/**
 * Writes the files to the store BEFORE the report's transaction (a store may be the database
 * itself, whose single embedded connection the transaction holds). The caller removes them with
 * `discardAttachmentFiles` when the transaction does not commit; a crash in between leaves files
 * no row points to, which nobody can reach (docs/attachments.md).
 */
export async function putAttachmentFiles(store: FileStore, prepared: readonly PreparedAttachment[]): Promise<SavedAttachment[]> {
  const saved: SavedAttachment[] = [];
  try {
    for (const file of prepared) {
      const storeKey = newFileKey();
      await store.put(storeKey, file.bytes, file.contentType);
      saved.push({ ...file, storeKey });
    }
  } catch (error) {
    await discardAttachmentFiles(store, saved);
    throw error;
  }
  return saved;
}

/** Removes files whose report was not stored; a failure to remove one must not hide why the report failed. */
export async function discardAttachmentFiles(store: FileStore, saved: readonly { storeKey: string }[]): Promise<void> {
  await Promise.allSettled(saved.map((file) => store.delete(file.storeKey)));
}

/** The rows linking the files to the report, and the report's audit event with their count (never their content). */
export async function recordAttachments(trx: Trx, actor: Actor, report: Report, saved: readonly SavedAttachment[]): Promise<void> {
  if (saved.length === 0) return;
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
