import { addDays, warsawToday } from '../../../platform/i18n/calendar.js';
import type { MapTiles } from '../../../platform/config/config.js';
import { mapTileAttributes } from '../../../platform/render/map-tiles.js';
import type { FieldError } from '../../../platform/http/errors.js';
import { formatDate, formatDateTime } from '../../../platform/i18n/i18n.js';
import {
  CsrfField,
  ErrorSummary,
  errorFor,
  SelectField,
  SummaryRow,
  Tag,
  TextAreaField,
  TextField,
} from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { PageContext } from '../../../platform/render/page-context.js';
import type { PublicReport, StoredCategory } from '../model.js';
import { awaitingReviewLabel, isClosed, proximityLabels, statusLabels, type Proximity, type ReportStatus } from '../rules/index.js';
import { reportPageMessages } from './messages.js';
import { ReportDataNotice } from './data-notice.js';
import { howLong, type RetentionSettings } from '../../privacy/index.js';
import { unitUrl } from '../../units/index.js';
import { AttachmentField, ForgetHeldFiles } from '../attachments/form-field.js';
import { chooseAgainCode, choosePickedFilesAgain, type AttachmentLimits } from '../attachments/index.js';

export const statusTone: Record<ReportStatus, 'grey' | 'green' | 'blue' | 'red' | 'yellow'> = {
  new: 'blue',
  verifying: 'yellow',
  confirmed: 'red',
  forwarded: 'blue',
  not_confirmed: 'grey',
  eliminated: 'green',
  joke: 'grey',
  duplicate: 'grey',
};

export function StatusTag({ status, lang }: { status: ReportStatus; lang: 'pl' | 'en' }) {
  return <Tag tone={statusTone[status]}>{statusLabels[status][lang]}</Tag>;
}

/** The form's fields as typed, carried through validation errors and the "similar reports" step. */
export interface ReportFormValues {
  category?: string;
  address?: string;
  lat?: string;
  lon?: string;
  description?: string;
  eventDate?: string;
  eventTime?: string;
  email?: string;
}

/** "Me too": confirm an open report instead of sending the same one again. */
function MeTooForm({ ctx, reportId, describedBy }: { ctx: PageContext; reportId: number; describedBy?: string }) {
  return (
    <form method="post" action={`/zgloszenia/${reportId}/potwierdz`}>
      <CsrfField token={ctx.csrfToken} />
      <button type="submit" className="button button--secondary" aria-describedby={describedBy}>
        {reportPageMessages[ctx.lang].meToo}
      </button>
    </form>
  );
}

function HiddenValues({ values }: { values: ReportFormValues }) {
  return (
    <>
      {Object.entries(values)
        .filter((entry): entry is [string, string] => Boolean(entry[1]))
        .map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
    </>
  );
}

export function ReportFormPage({
  ctx,
  categories,
  values,
  errors,
  suggestions,
  map,
  retention,
  attachments,
  eventMaxAgeDays,
  refusedFile = null,
}: {
  ctx: PageContext;
  categories: StoredCategory[];
  values: ReportFormValues;
  errors: FieldError[];
  suggestions: string[];
  map: MapTiles;
  /** For the privacy notice beside the fields: how long each piece is kept. */
  retention: RetentionSettings;
  /** The file input's limits (national ones: the unit is not known before sending). */
  attachments: AttachmentLimits;
  /** The national limit for the hint; a unit's may be tighter (known once the place is). */
  eventMaxAgeDays: number;
  /** The one file refused for itself, when the form came back for it: the island leaves it out. */
  refusedFile?: RefusedFile | null;
}) {
  const m = reportPageMessages[ctx.lang];
  const required = categories.filter((c) => c.descriptionRequired).map((c) => c.name[ctx.lang]);
  return (
    <Layout ctx={ctx} title={m.formTitle}>
      <h1>{m.formTitle}</h1>
      <p className="lead">{m.formLead}</p>
      <div className="callout callout--warning" role="note">
        <p>{m.emergency}</p>
      </div>
      <ErrorSummary
        lang={ctx.lang}
        errors={errors}
        fields={{ location: 'address', categoryCode: 'category', eventDate: 'eventDate', eventTime: 'eventTime' }}
      />
      <form
        method="post"
        action="/zglos"
        noValidate
        className="report-form"
        encType={attachments.maxFiles > 0 ? 'multipart/form-data' : undefined}
      >
        <CsrfField token={ctx.csrfToken} />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{m.whereLegend}</legend>
          <p className="field__hint">{`${m.whereHint} ${m.placePrivacy}`}</p>
          <TextField
            name="address"
            label={m.address}
            hint={m.addressHint}
            value={values.address}
            error={errorFor(errors, 'address') ?? errorFor(errors, 'location')}
            autoComplete="street-address"
          />
          {suggestions.length > 0 && (
            <div className="suggestions">
              <p>{m.suggestions}</p>
              <ul>
                {suggestions.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </div>
          )}
          <div
            className="map map--picker"
            data-map="picker"
            data-lat-field="field-lat"
            data-lon-field="field-lon"
            {...mapTileAttributes(map)}
            data-use-location={m.useLocation}
            role="region"
            aria-label={m.mapLabel}
          >
            <p className="map__fallback">{m.mapNoScript}</p>
          </div>
          <details className="details" open={Boolean(values.lat || values.lon || errorFor(errors, 'lat') || errorFor(errors, 'lon'))}>
            <summary>{m.coordinates}</summary>
            <div className="field-row">
              <TextField name="lat" label={m.lat} value={values.lat} error={errorFor(errors, 'lat')} width="short" />
              <TextField name="lon" label={m.lon} value={values.lon} error={errorFor(errors, 'lon')} width="short" />
            </div>
          </details>
        </fieldset>
        <SelectField
          name="category"
          label={m.category}
          value={values.category}
          error={errorFor(errors, 'categoryCode')}
          placeholder={m.chooseCategory}
          options={categories.map((c) => ({ value: c.code, label: c.name[ctx.lang] }))}
        />
        <TextAreaField
          name="description"
          label={m.description}
          hint={`${m.descriptionHint} ${m.descriptionPrivacy}${required.length ? ` ${ctx.lang === 'pl' ? 'Wymagany dla:' : 'Required for:'} ${required.join(', ')}.` : ''}`}
          value={values.description}
          error={errorFor(errors, 'description')}
          rows={5}
        />
        <AttachmentField
          lang={ctx.lang}
          limits={attachments}
          error={errorFor(errors, 'attachments')}
          // only files fine in themselves come back: a refused one is named, and left out
          dropped={refusedFile !== null || errors.some((e) => e.field === 'attachments' && e.code === chooseAgainCode)}
          refused={refusedFile}
        />
        <TextField
          name="eventDate"
          label={m.eventDate}
          type="date"
          hint={m.eventDateHint(eventMaxAgeDays)}
          // The picker offers only days that can be sent (in Poland, today back to the limit).
          min={addDays(warsawToday(), -eventMaxAgeDays)}
          max={warsawToday()}
          value={values.eventDate}
          error={errorFor(errors, 'eventDate')}
          width="short"
        />
        <TextField
          name="eventTime"
          label={m.eventTime}
          type="time"
          hint={m.eventTimeHint}
          value={values.eventTime}
          error={errorFor(errors, 'eventTime')}
          width="short"
        />
        <TextField
          name="email"
          label={m.email}
          hint={`${m.emailHint} ${m.emailPrivacy}`}
          type="email"
          value={values.email}
          error={errorFor(errors, 'email')}
          autoComplete="email"
        />
        <div hidden>
          <label htmlFor="field-website">{m.honeypot}</label>
          <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <ReportDataNotice ctx={ctx} retention={retention} />
        <button type="submit" className="button">
          {m.send}
        </button>
      </form>
      <script type="module" src="/assets/build/map.js" />
      {attachments.maxFiles > 0 && <script type="module" src="/assets/build/attachments.js" />}
      <link rel="stylesheet" href="/assets/build/map.css" />
    </Layout>
  );
}

/** A file refused for itself (its name as sent, and why): the form's other files may come back. */
export interface RefusedFile {
  name: string;
  message: string;
}

export function SimilarReportsPage({
  ctx,
  similar,
  values,
  categoryName,
  retention,
  attachments,
}: {
  ctx: PageContext;
  similar: { report: PublicReport; proximity: Proximity }[];
  values: ReportFormValues;
  categoryName: string;
  retention: RetentionSettings;
  /** Set when the resident had chosen files: "send anyway" takes them again (browsers do not keep them). */
  attachments: AttachmentLimits | null;
}) {
  const m = reportPageMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={m.similarTitle}>
      <h1>{m.similarTitle}</h1>
      <p className="lead">{m.similarLead(similar.length)}</p>
      <div className="callout" role="note" id="me-too-keeps-nothing">
        <p>{m.meTooKeepsNothing(howLong('confirmationIp', retention, ctx.lang, 0).toLocaleLowerCase(ctx.lang))}</p>
      </div>
      <ul className="result-list">
        {similar.map(({ report, proximity }) => (
          <li key={report.id} className="result-list__item">
            <h2 className="result-list__title">
              <a href={`/zgloszenia/${report.id}`}>{m.reportTitle(report.id)}</a>: {categoryName}
            </h2>
            <p>
              <StatusTag status={report.status} lang={ctx.lang} /> · {m.created} {formatDate(report.createdAt, ctx.lang)} ·{' '}
              {proximityLabels[proximity][ctx.lang]}
              {report.confirmations > 0 && ` · ${m.confirmations(report.confirmations)}`}
            </p>
            <MeTooForm ctx={ctx} reportId={report.id} describedBy="me-too-keeps-nothing" />
          </li>
        ))}
      </ul>
      <form method="post" action="/zglos" encType={attachments ? 'multipart/form-data' : undefined}>
        <CsrfField token={ctx.csrfToken} />
        <HiddenValues values={values} />
        <input type="hidden" name="force" value="1" />
        {attachments && <AttachmentField lang={ctx.lang} limits={attachments} error={choosePickedFilesAgain[ctx.lang]} dropped />}
        <button type="submit" className="button">
          {m.sendAnyway}
        </button>
      </form>
      {attachments && <script type="module" src="/assets/build/attachments.js" />}
    </Layout>
  );
}

export function ReportStatusPage({
  ctx,
  report,
  categoryName,
  districtName,
  unitName,
  history,
  thanks,
  staffUrl,
}: {
  ctx: PageContext;
  report: PublicReport;
  categoryName: string;
  districtName: string | null;
  unitName: string;
  history: { at: Date; status: ReportStatus }[];
  thanks: 'new' | 'confirmed' | null;
  staffUrl: string | null;
}) {
  const m = reportPageMessages[ctx.lang];
  const open = !isClosed(report.status) && !report.placeWithheld;
  const withheld = report.awaitingReview ? m.placeAfterReview : m.placeWithheld;
  return (
    <Layout ctx={ctx} title={m.reportTitle(report.id)}>
      {thanks && (
        <div className="notice" role="status">
          <h2>{thanks === 'new' ? m.thanksTitle : m.confirmedThanks}</h2>
          {thanks === 'new' && <p>{m.thanksNumber(report.id)}</p>}
          {thanks === 'new' && report.awaitingReview && <p>{m.thanksHeld}</p>}
        </div>
      )}
      {thanks === 'new' && <ForgetHeldFiles />}
      <h1>{m.reportTitle(report.id)}</h1>
      <dl className="summary-list">
        <SummaryRow label={m.status}>
          {report.awaitingReview ? (
            <Tag tone="yellow">{awaitingReviewLabel[ctx.lang]}</Tag>
          ) : (
            <StatusTag status={report.status} lang={ctx.lang} />
          )}
        </SummaryRow>
        <SummaryRow label={m.categoryLabel}>{categoryName}</SummaryRow>
        <SummaryRow label={m.created}>{formatDateTime(report.createdAt, ctx.lang)}</SummaryRow>
        <SummaryRow label={m.place}>
          {report.placeWithheld
            ? withheld
            : report.publicPosition
              ? `${report.publicPosition.lat.toFixed(5)}, ${report.publicPosition.lon.toFixed(5)} (${m.approximate})`
              : m.byAddress}
        </SummaryRow>
        <SummaryRow label={m.district}>
          {report.placeWithheld ? (
            withheld
          ) : report.districtId && districtName ? (
            <a href={`/rejony/${report.districtId}`}>{districtName}</a>
          ) : (
            m.noDistrict
          )}
        </SummaryRow>
        <SummaryRow label={m.unit}>
          <a href={unitUrl(report.unitId)}>{unitName}</a>
        </SummaryRow>
        {report.forwardedTo && <SummaryRow label={m.forwardedTo}>{report.forwardedTo}</SummaryRow>}
        {report.duplicateOf && (
          <SummaryRow label={m.duplicateOf}>
            <a href={`/zgloszenia/${report.duplicateOf}`}>{m.reportTitle(report.duplicateOf)}</a>
          </SummaryRow>
        )}
      </dl>
      {report.confirmations > 0 && <p>{m.confirmations(report.confirmations)}</p>}
      <p className="field__hint">{m.privacy}</p>
      {open && thanks === null && <MeTooForm ctx={ctx} reportId={report.id} />}
      <h2>{m.history}</h2>
      <ol className="timeline">
        {history.map((event, i) => (
          <li key={i}>
            <time dateTime={event.at.toISOString()}>{formatDateTime(event.at, ctx.lang)}</time>:{' '}
            <StatusTag status={event.status} lang={ctx.lang} />
          </li>
        ))}
      </ol>
      <p>
        <a href="/zglos">{m.newReport}</a>
        {staffUrl && (
          <>
            {' · '}
            <a href={staffUrl}>{m.policeView}</a>
          </>
        )}
      </p>
    </Layout>
  );
}

/** After a submission the honeypot caught: the same thanks, and nothing a bot could learn from. */
export function ThanksPage({ ctx }: { ctx: PageContext }) {
  const m = reportPageMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={m.thanksTitle}>
      <h1>{m.thanksTitle}</h1>
      <p>{m.thanksSpam}</p>
      <p>
        <a href="/zglos">{m.newReport}</a>
      </p>
      <ForgetHeldFiles />
    </Layout>
  );
}
