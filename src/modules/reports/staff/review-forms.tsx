import { CsrfField, Tag, TextAreaField } from '../../../platform/render/components.js';
import type { PageContext } from '../../../platform/render/page-context.js';
import type { Hold } from '../rules/index.js';
import { staffReportMessages } from './messages.js';

/** Held and rejected reports are marked wherever staff see them. */
export function HoldTag({ hold, lang }: { hold: Hold | null; lang: 'pl' | 'en' }) {
  const m = staffReportMessages[lang];
  if (hold === 'held') return <Tag tone="yellow">{m.held}</Tag>;
  if (hold === 'rejected') return <Tag>{m.rejectedTag}</Tag>;
  return null;
}

/** The queue's note that held reports wait, with the link to them. */
export function HeldNotice({ count, lang }: { count: number; lang: 'pl' | 'en' }) {
  const m = staffReportMessages[lang];
  if (count === 0) return null;
  return (
    <div className="callout callout--warning" role="note">
      <p>
        {m.heldWaiting(count)} <a href="/admin/reports?held=only">{m.showHeld}</a>
      </p>
    </div>
  );
}

/** Release or reject: the buttons and the internal note, for one report or the selected ones. */
export function ReviewFields({ lang }: { lang: 'pl' | 'en' }) {
  const m = staffReportMessages[lang];
  return (
    <>
      <TextAreaField name="note" label={m.note} rows={2} />
      <div className="field-row">
        <button type="submit" name="review" value="release" className="button">
          {m.release}
        </button>
        <button type="submit" name="review" value="reject" className="button button--secondary">
          {m.reject}
        </button>
      </div>
    </>
  );
}

/** The report page's review of a held report. */
export function ReviewSection({ ctx, reportId }: { ctx: PageContext; reportId: number }) {
  const m = staffReportMessages[ctx.lang];
  return (
    <section className="section-box" aria-labelledby="review-form">
      <h2 id="review-form">{m.reviewTitle}</h2>
      <p>{m.reviewLead}</p>
      <form method="post" action={`/admin/reports/${reportId}/review`}>
        <CsrfField token={ctx.csrfToken} />
        <ReviewFields lang={ctx.lang} />
      </form>
    </section>
  );
}
