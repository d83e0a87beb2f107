import { FileField } from '../../../platform/render/components.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { attachmentAccept } from './kinds.js';
import { attachmentMessages } from './messages.js';
import type { AttachmentLimits } from './prepare.js';

/**
 * The report form's file input (the form is multipart/form-data). Without JavaScript it is a plain
 * multiple file input; the island (web/islands/attachments.ts) lists the chosen files with their
 * sizes, lets one remove a file and refuses more than the limits before sending, reading the limits
 * from the data attributes. Hidden when attachments are off (maxFiles 0).
 *
 * `dropped`: the page came back after a submission whose files the browser did not keep (an error
 * elsewhere in the form, or the similar-reports question). The island then puts back the files it
 * held in the resident's own browser; without JavaScript the error asks to choose them again.
 */
export function AttachmentField({
  lang,
  limits,
  error,
  dropped = false,
  refused = null,
}: {
  lang: Lang;
  limits: AttachmentLimits;
  error?: string | undefined;
  dropped?: boolean;
  /** A file refused for itself: the island leaves it out and keeps only its error. */
  refused?: { name: string; message: string } | null;
}) {
  if (limits.maxFiles === 0) return null;
  const m = attachmentMessages[lang];
  return (
    <div
      data-attachments=""
      data-max-files={limits.maxFiles}
      data-max-bytes={limits.maxTotalMegabytes * 1024 * 1024}
      data-max-megabytes={limits.maxTotalMegabytes}
      data-files-dropped={dropped ? '' : undefined}
      data-refused-file={refused?.name}
      data-refused-message={refused?.message}
    >
      <FileField
        name="attachments"
        label={m.label}
        hint={m.hint(limits.maxFiles, limits.maxTotalMegabytes)}
        error={error}
        accept={attachmentAccept}
        multiple
      />
    </div>
  );
}

/**
 * On the pages after a report was sent: the island, finding no file field, deletes the files it held
 * in the browser for a form that might have come back (web/islands/attachments.ts).
 */
export function ForgetHeldFiles() {
  return <script type="module" src="/assets/build/attachments.js" />;
}
