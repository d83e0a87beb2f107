import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import type { Trx } from '../../../platform/audit/actor.js';
import type { AttachmentKind } from './kinds.js';

type Queryable = Db | Trx;

/** An attachment as the police see it: the kind and size, never the name it was sent with. */
export interface StoredAttachment {
  reportId: number;
  position: number;
  storeKey: string;
  kind: AttachmentKind;
  contentType: string;
  size: number;
  createdAt: Date;
}

interface Row {
  report_id: string | number;
  position: number;
  store_key: string;
  kind: AttachmentKind;
  content_type: string;
  size: number;
  created_at: Date;
}

const toAttachment = (row: Row): StoredAttachment => ({
  reportId: Number(row.report_id),
  position: row.position,
  storeKey: row.store_key,
  kind: row.kind,
  contentType: row.content_type,
  size: row.size,
  createdAt: row.created_at,
});

const columns = sql`report_id, position, store_key, kind, content_type, size, created_at`;

export async function insertAttachments(
  trx: Trx,
  reportId: number,
  files: readonly { position: number; storeKey: string; kind: AttachmentKind; contentType: string; size: number }[],
): Promise<void> {
  if (files.length === 0) return;
  const values = files.map((f) => sql`(${reportId}, ${f.position}, ${f.storeKey}, ${f.kind}, ${f.contentType}, ${f.size})`);
  await sql`insert into report_attachments (report_id, position, store_key, kind, content_type, size) values ${sql.join(values)}`.execute(
    trx,
  );
}

export async function listAttachments(db: Queryable, reportId: number): Promise<StoredAttachment[]> {
  const { rows } = await sql<Row>`select ${columns} from report_attachments where report_id = ${reportId} order by position`.execute(db);
  return rows.map(toAttachment);
}

export async function findAttachment(db: Queryable, reportId: number, position: number): Promise<StoredAttachment | undefined> {
  const { rows } =
    await sql<Row>`select ${columns} from report_attachments where report_id = ${reportId} and position = ${position}`.execute(db);
  return rows[0] && toAttachment(rows[0]);
}
