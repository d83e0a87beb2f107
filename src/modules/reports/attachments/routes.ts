import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import type { FileStore } from '../../../platform/files/store.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import { AppError } from '../../../platform/http/errors.js';
import { reportErrors } from '../messages.js';
import { reportOr404 } from '../read-reports.js';
import { reportTarget } from '../route-target.js';
import { reportAccess } from '../verify-report.js';
import { attachmentKindSpecs } from './kinds.js';
import { findAttachment } from './repository.js';

const notFound = () =>
  new AppError(404, 'attachment_not_found', { pl: 'Nie ma takiego załącznika zgłoszenia.', en: 'The report has no such attachment.' });

/** The download's name: the report's number and the file's place, never the name it was sent with. */
export const attachmentFileName = (reportId: number, position: number, extension: string) =>
  `zgloszenie-${reportId}-${position}.${extension}`;

export const attachmentUrl = (reportId: number, position: number) => `/admin/reports/${reportId}/attachments/${position}`;

/**
 * A report's file, for the police who may read the report in full (the rule of its description:
 * report.read_staff on the report; anyone else gets 404, as for the report itself). Always a
 * download (Content-Disposition: attachment), with the type stored at intake (never HTML or SVG),
 * nosniff, and a CSP sandbox in case a browser shows it anyway. Downloads are not audited.
 */
export function registerAttachmentDownloads(app: FastifyInstance, database: Database, files: FileStore): void {
  const db = database.db;
  app.get<{ Params: { id: string; n: string } }>(
    '/admin/reports/:id/attachments/:n',
    { config: { access: 'report.read_staff', target: reportTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'report.read_staff');
      const report = await reportOr404(db, Number(request.params.id));
      if (!(await reportAccess(db, principal, report)).canRead) throw new AppError(404, 'report_not_found', reportErrors.notFound());
      const position = /^\d{1,2}$/.test(request.params.n) ? Number(request.params.n) : 0;
      const attachment = position > 0 ? await findAttachment(db, report.id, position) : undefined;
      const bytes = attachment && (await files.get(attachment.storeKey));
      if (!attachment || !bytes) throw notFound();
      const name = attachmentFileName(report.id, position, attachmentKindSpecs[attachment.kind].extensions[0]!);
      return reply
        .header('content-type', attachmentKindSpecs[attachment.kind].contentType)
        .header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
}
