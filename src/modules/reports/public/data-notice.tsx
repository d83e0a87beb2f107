import type { PageContext } from '../../../platform/render/page-context.js';
import { howLong, PrivacyList, type PersonalDataPiece, type RetentionSettings } from '../../privacy/index.js';
import { reportPageMessages } from './messages.js';

/**
 * What the report form stores about the person sending it. The words and times are those of
 * /prywatnosc (privacy/messages.ts and the retention rule table over the settings in force), so
 * the form never promises more than the retention job does.
 */
const keptFromTheForm: readonly PersonalDataPiece[] = [
  'reportDescription',
  'reportAddress',
  'reportExactPoint',
  'reporterEmail',
  'outboxMail',
  'reporterIp',
  'residentAuditIp',
];

export function ReportDataNotice({ ctx, retention }: { ctx: PageContext; retention: RetentionSettings }) {
  const m = reportPageMessages[ctx.lang];
  // None of these pieces ends with a staff session, so the session length plays no part.
  const rows = keptFromTheForm.map((piece) => ({ key: piece, howLong: howLong(piece, retention, ctx.lang, 0) }));
  return (
    <div className="report-data">
      <PrivacyList ctx={ctx} title={m.dataTitle} id="report-data" rows={rows} lead={m.dataLead} />
      <p>
        <a href="/prywatnosc">{m.privacyLink}</a>
      </p>
    </div>
  );
}
