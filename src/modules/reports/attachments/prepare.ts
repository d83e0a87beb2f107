import type { Db } from '../../../platform/db/database.js';
import type { Trx } from '../../../platform/audit/actor.js';
import type { AppError } from '../../../platform/http/errors.js';
import { readSetting } from '../../settings/index.js';
import { cleanAttachment } from './clean.js';
import { heicToJpeg } from './heic.js';
import type { DocumentWorkers } from '../../../platform/documents/document-workers.js';
import type { FileStore } from '../../../platform/files/store.js';
import { attachmentErrors } from './errors.js';
import { identifyAttachment } from './identify.js';
import { attachmentKindSpecs, namingProblem, type AttachmentKind } from './kinds.js';

/** A file as it arrived: the name and type the resident's device gave it are only checked, never kept. */
/** What intake needs besides the files: where they are kept, and the workers that decode HEIC photos. */
export interface AttachmentServices {
  store: FileStore;
  workers: DocumentWorkers;
}

export interface IncomingFile {
  name: string;
  declaredType: string | null;
  bytes: Uint8Array;
}

/** A file accepted and cleaned, ready to be stored. */
export interface PreparedAttachment {
  position: number;
  kind: AttachmentKind;
  contentType: string;
  bytes: Uint8Array;
}

export interface AttachmentLimits {
  /** 0: attachments are off. */
  maxFiles: number;
  maxTotalMegabytes: number;
}

const MEGABYTE = 1024 * 1024;

/** The limits in force for reports going to `unitId` (null: before the unit is known, the national ones). */
export async function attachmentLimits(db: Db | Trx, unitId: string | null): Promise<AttachmentLimits> {
  const [maxFiles, maxTotalMegabytes] = await Promise.all([
    readSetting(db, 'attachments.maxFiles', { unitId }),
    readSetting(db, 'attachments.maxTotalMegabytes', { unitId }),
  ]);
  return { maxFiles, maxTotalMegabytes };
}

/** The first problem with the files as a set, before any is read: off, too many, an empty one, too large together. */
export function attachmentSetProblem(files: readonly IncomingFile[], limits: AttachmentLimits): AppError | null {
  if (files.length === 0) return null;
  if (limits.maxFiles === 0) return attachmentErrors.off();
  if (files.length > limits.maxFiles) return attachmentErrors.tooMany(limits.maxFiles);
  const empty = files.find((f) => f.bytes.byteLength === 0);
  if (empty) return attachmentErrors.empty(empty.name);
  // Counted as sent, before photos shrink: what the resident chose is what the limit speaks of.
  const total = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  if (total > limits.maxTotalMegabytes * MEGABYTE) return attachmentErrors.tooLarge(total, limits.maxTotalMegabytes);
  return null;
}

/**
 * Checks every file and cleans it (photos, videos: clean.ts). All or nothing: the first file
 * refused stops the intake with its error, and nothing has been stored by then.
 */
export async function prepareAttachments(
  files: readonly IncomingFile[],
  limits: AttachmentLimits,
  /** Where HEIC photos are decoded (heic.ts). */
  workers: DocumentWorkers,
): Promise<PreparedAttachment[]> {
  const problem = attachmentSetProblem(files, limits);
  if (problem) throw problem;
  const prepared: PreparedAttachment[] = [];
  for (const [i, file] of files.entries()) {
    const identified = await identifyAttachment(file.bytes);
    if ('bomb' in identified) throw attachmentErrors.bomb(file.name);
    if ('heic' in identified) {
      // Kept as the JPEG it becomes: whatever the phone called it, the bytes were a HEIC photo.
      const bytes = await heicToJpeg(workers, file.name, file.bytes);
      prepared.push({ position: i + 1, kind: 'jpeg', contentType: attachmentKindSpecs.jpeg.contentType, bytes });
      continue;
    }
    if ('refused' in identified) throw attachmentErrors.unsupported(file.name);
    const { kind } = identified;
    const naming = namingProblem(kind, file.name, file.declaredType);
    if (naming === 'unaccepted') throw attachmentErrors.unsupported(file.name);
    if (naming) throw attachmentErrors.misnamed(file.name, kind);
    const bytes = await cleanAttachment(kind, file.name, file.bytes);
    prepared.push({ position: i + 1, kind, contentType: attachmentKindSpecs[kind].contentType, bytes });
  }
  return prepared;
}
