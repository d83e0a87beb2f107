import { createHash } from 'node:crypto';
import type { Db } from '../../../platform/db/database.js';
import type { Trx } from '../../../platform/audit/actor.js';
import type { DocumentKind } from '../../../platform/documents/document-kind.js';

/** An uploaded file a plan was read from, kept unchanged beside an imported plan. */
export interface SourceFile {
  name: string;
  kind: DocumentKind;
  bytes: Uint8Array;
}

export interface PlanSourceInfo {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  importedBy: string;
  importedAt: Date;
}

/** The media type a kept file is served with: the kind told from its bytes, not what the browser claimed. */
export const mediaTypes: Record<DocumentKind, string> = {
  text: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  pdf: 'application/pdf',
};

/** A file name as it may be stored and sent back: the last part of a path, printable, at most 255 characters. */
export function safeFileName(name: string, kind: DocumentKind): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}\p{Cf}"]/gu, '')
    .trim()
    .slice(0, 255);
  return base || `plan.${kind === 'text' ? 'txt' : kind}`;
}

export async function insertPlanSource(trx: Trx, planId: string, unitId: string, file: SourceFile, by: string): Promise<void> {
  const bytes = Buffer.from(file.bytes);
  await trx
    .insertInto('plan_sources')
    .values({
      plan_id: planId,
      unit_id: unitId,
      file_name: safeFileName(file.name, file.kind),
      media_type: mediaTypes[file.kind],
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes,
      imported_by: by,
    })
    .execute();
}

const infoColumns = ['file_name', 'media_type', 'size', 'sha256', 'imported_by', 'imported_at'] as const;

function toInfo(row: {
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  imported_by: string;
  imported_at: Date;
}): PlanSourceInfo {
  return {
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    importedBy: row.imported_by,
    importedAt: row.imported_at,
  };
}

/** What is known of an imported plan's file (not its bytes); undefined for plans not imported. */
export async function planSourceInfo(db: Db | Trx, planId: string): Promise<PlanSourceInfo | undefined> {
  // The importer by name, not login (a login only when no account has it any more).
  const row = await db
    .selectFrom('plan_sources')
    .leftJoin('accounts', 'accounts.login', 'plan_sources.imported_by')
    .select(infoColumns.map((c) => `plan_sources.${c}` as const))
    .select('accounts.display_name')
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return row && { ...toInfo(row), importedBy: row.display_name ?? row.imported_by };
}

/** An imported plan's file with its bytes, for download. */
export async function planSourceFile(db: Db | Trx, planId: string): Promise<(PlanSourceInfo & { bytes: Buffer }) | undefined> {
  const row = await db
    .selectFrom('plan_sources')
    .select([...infoColumns, 'bytes'])
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return row && { ...toInfo(row), bytes: Buffer.from(row.bytes) };
}
