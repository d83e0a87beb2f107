import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import sharp from 'sharp';
import type { Database } from '../../../platform/db/database.js';
import type { FileStore } from '../../../platform/files/store.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import { AppError } from '../../../platform/http/errors.js';
import { reportTarget } from '../route-target.js';
import { attachmentKindSpecs } from './kinds.js';
import { attachmentFor } from './read-attachments.js';

const noPreview = () =>
  new AppError(404, 'attachment_not_found', { pl: 'To nie jest zdjęcie: nie ma podglądu.', en: 'This is not a photo: it has no preview.' });

/** The download's name: the report's number and the file's place, never the name it was sent with. */
export const attachmentFileName = (reportId: number, position: number, extension: string) =>
  `zgloszenie-${reportId}-${position}.${extension}`;

export const attachmentUrl = (reportId: number, position: number) => `/admin/reports/${reportId}/attachments/${position}`;
export const thumbnailUrl = (reportId: number, position: number) => `${attachmentUrl(reportId, position)}/miniatura`;

/** The longest side of a photo's preview on the report page. */
export const thumbnailSide = 320;

type AttachmentRequest = FastifyRequest<{ Params: { id: string; n: string } }>;

/** Headers of every file answer: never sniffed, never run as a page, never cached by the way. */
const guarded = (reply: FastifyReply, contentType: string) =>
  reply
    .header('content-type', contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, no-store');

/**
 * A report's file, for the police who may read the report in full (the rule of its description:
 * report.read_staff on the report; anyone else gets 404, as for the report itself). Always a
 * download (Content-Disposition: attachment), with the type stored at intake (never HTML or SVG),
 * nosniff, and a CSP sandbox in case a browser shows it anyway. Downloads are not audited.
 */
export function registerAttachmentDownloads(app: FastifyInstance, database: Database, files: FileStore): void {
  const db = database.db;
  const routeOptions = { config: { access: 'report.read_staff' as const, target: reportTarget(db) }, schema: { hide: true } };

  /** The attachment the path names and its bytes, if the person may read the report (else 404, as for the report). */
  const load = async (request: AttachmentRequest) => {
    const principal = requireAllowed(request, 'report.read_staff');
    const position = /^\d{1,2}$/.test(request.params.n) ? Number(request.params.n) : 0;
    const { attachment, bytes } = await attachmentFor(db, files, principal, Number(request.params.id), position);
    return { attachment, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  };

  app.get('/admin/reports/:id/attachments/:n', routeOptions, async (request: AttachmentRequest, reply) => {
    const { attachment, bytes } = await load(request);
    const name = attachmentFileName(attachment.reportId, attachment.position, attachmentKindSpecs[attachment.kind].extensions[0]!);
    return guarded(reply, attachmentKindSpecs[attachment.kind].contentType)
      .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(bytes);
  });

  // A small JPEG of a photo for the report page, made from the stored (already cleaned) photo.
  app.get('/admin/reports/:id/attachments/:n/miniatura', routeOptions, async (request: AttachmentRequest, reply) => {
    const { attachment, bytes } = await load(request);
    if (attachmentKindSpecs[attachment.kind].family !== 'photo') throw noPreview();
    const preview = await sharp(bytes)
      .resize({ width: thumbnailSide, height: thumbnailSide, fit: 'inside', withoutEnlargement: true })
      .jpeg()
      .toBuffer();
    return guarded(reply, 'image/jpeg').send(preview);
  });
}
