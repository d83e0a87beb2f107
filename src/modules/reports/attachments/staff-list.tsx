import type { Lang } from '../../../platform/i18n/i18n.js';
import { SummaryRow } from '../../../platform/render/components.js';
import { attachmentMessages } from './messages.js';
import type { StoredAttachment } from './repository.js';
import { attachmentKindSpecs } from './kinds.js';
import { attachmentUrl, thumbnailSide, thumbnailUrl } from './routes.js';

/** The report page's row of attachments (police only): each file's kind and size, and its download. */
export function AttachmentSummary({ attachments, lang }: { attachments: readonly StoredAttachment[]; lang: Lang }) {
  const m = attachmentMessages[lang];
  return (
    <SummaryRow label={m.heading}>
      {attachments.length === 0 ? (
        m.none
      ) : (
        <ul className="attachment-list">
          {attachments.map((a) => (
            <li key={a.position}>
              {attachmentKindSpecs[a.kind].family === 'photo' && (
                <img
                  className="attachment-list__preview"
                  src={thumbnailUrl(a.reportId, a.position)}
                  alt={m.preview(a.position)}
                  width={thumbnailSide}
                />
              )}
              <a
                href={attachmentUrl(a.reportId, a.position)}
                download
                aria-label={`${m.download(a.position)}: ${m.describe(a.position, a.kind, a.size)}`}
              >
                {m.describe(a.position, a.kind, a.size)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </SummaryRow>
  );
}
