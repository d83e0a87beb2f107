import type { FieldError } from '../../../platform/http/errors.js';
import { AttachmentSummary } from '../attachments/staff-list.js';
import type { StoredAttachment } from '../attachments/index.js';
import { formatDate, formatDateTime, wordFor } from '../../../platform/i18n/i18n.js';
import {
  CheckboxField,
  CsrfField,
  DataTable,
  ErrorSummary,
  errorFor,
  SelectField,
  SummaryRow,
  Tag,
  TextAreaField,
  TextField,
  type Option,
} from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import { actorName } from '../../../platform/render/messages.js';
import type { PageContext } from '../../../platform/render/page-context.js';
import type { Report, StoredCategory } from '../model.js';
import { formatEventTime, statusLabels, type ReportDeadline, type ReportStatus } from '../rules/index.js';
import { StatusTag } from '../public/pages.js';
import { ErasedValue } from '../../privacy/index.js';
import { staffReportMessages } from './messages.js';
import { HeldNotice, HoldTag, ReviewFields, ReviewSection } from './review-forms.js';

export interface QueueRow {
  report: Report;
  categoryName: string;
  districtName: string | null;
  deadlines: ReportDeadline[];
}

export interface QueueFilter {
  status?: string | undefined;
  category?: string | undefined;
  district?: string | undefined;
  overdue?: string | undefined;
  /** Reports held by a flood limit: '' leaves them out (the notice links them), 'only', 'all'. */
  held?: string | undefined;
}

function Deadlines({ deadlines, lang }: { deadlines: ReportDeadline[]; lang: 'pl' | 'en' }) {
  const m = staffReportMessages[lang];
  return (
    <>
      {deadlines.map((d) => (
        <span key={d.kind} className="deadline">
          {d.kind === 'take_up' ? m.takeUp : m.verify}: {formatDate(new Date(`${d.due}T12:00:00Z`), lang)}{' '}
          {d.overdue && <Tag tone="red">{m.overdue}</Tag>}
        </span>
      ))}
    </>
  );
}

/** Fields of a status change, shared by the bulk form and a report's own form. */
function StatusFields({ lang, options, errors }: { lang: 'pl' | 'en'; options: ReportStatus[]; errors: FieldError[] }) {
  const m = staffReportMessages[lang];
  return (
    <>
      <SelectField
        name="status"
        label={m.newStatus}
        options={options.map((s) => ({ value: s, label: statusLabels[s][lang] }))}
        error={errorFor(errors, 'status')}
      />
      <TextField name="forwardedTo" label={m.forwardedTo} error={errorFor(errors, 'forwardedTo')} />
      <TextAreaField name="note" label={m.note} rows={3} error={errorFor(errors, 'note')} />
    </>
  );
}

export function ReportQueuePage({
  ctx,
  rows,
  total,
  filter,
  categories,
  districts,
  supervisor,
  canBulk,
  bulkStatuses,
  errors,
  heldCount,
}: {
  ctx: PageContext;
  rows: QueueRow[];
  total: number;
  heldCount: number;
  filter: QueueFilter;
  categories: StoredCategory[];
  districts: Option[];
  supervisor: boolean;
  /** A reviewer changes many reports at once; administrators list them but do not decide. */
  canBulk: boolean;
  bulkStatuses: ReportStatus[];
  errors: FieldError[];
}) {
  const m = staffReportMessages[ctx.lang];
  const reviewing = filter.held === 'only';
  return (
    <Layout ctx={ctx} title={m.queueTitle}>
      <h1>{m.queueTitle}</h1>
      <p className="lead">{supervisor ? m.queueLeadSupervisor : m.queueLeadOfficer}</p>
      {!reviewing && <HeldNotice count={heldCount} lang={ctx.lang} />}
      <form method="get" action="/admin/reports" className="filters">
        <SelectField
          name="status"
          label={m.filterStatus}
          value={filter.status}
          placeholder={m.openStatuses}
          options={[
            { value: 'all', label: m.allStatuses },
            ...Object.entries(statusLabels).map(([value, label]) => ({ value, label: label[ctx.lang] })),
          ]}
        />
        <SelectField
          name="category"
          label={m.filterCategory}
          value={filter.category}
          placeholder={m.anyCategory}
          options={categories.map((c) => ({ value: c.code, label: c.name[ctx.lang] }))}
        />
        <SelectField
          name="district"
          label={m.filterDistrict}
          value={filter.district}
          placeholder={m.anyDistrict}
          options={[...(supervisor ? [{ value: 'none', label: m.unassigned }] : []), ...districts]}
        />
        <SelectField
          name="held"
          label={m.filterHeld}
          value={filter.held}
          placeholder={m.heldExcluded}
          options={[
            { value: 'only', label: m.heldOnly },
            { value: 'all', label: m.heldAll },
          ]}
        />
        <CheckboxField name="overdue" label={m.overdueOnly} checked={filter.overdue === 'on'} />
        <div className="filters__actions">
          <button type="submit" className="button button--secondary">
            {m.show}
          </button>
        </div>
      </form>
      <ErrorSummary lang={ctx.lang} errors={errors} />
      <p role="status">{m.count(total)}</p>
      {rows.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <form method="post" action={reviewing ? '/admin/reports/review' : '/admin/reports/bulk'}>
          <CsrfField token={ctx.csrfToken} />
          <DataTable
            caption={m.queueTitle}
            columns={[
              ...(canBulk ? [{ label: '' }] : []),
              { label: m.number },
              { label: m.created },
              { label: m.eventAt },
              { label: m.category },
              { label: m.district },
              { label: m.status },
              { label: m.deadline },
            ]}
            rows={rows.map(({ report, categoryName, districtName, deadlines }) => ({
              key: report.id,
              cells: [
                ...(canBulk
                  ? [
                      <input
                        key="select"
                        type="checkbox"
                        name="ids"
                        value={report.id}
                        id={`select-${report.id}`}
                        aria-label={m.select(report.id)}
                        className="checkbox__input"
                      />,
                    ]
                  : []),
                <a key="link" href={`/admin/reports/${report.id}`}>
                  {report.id}
                </a>,
                formatDateTime(report.createdAt, ctx.lang),
                report.event ? formatEventTime(report.event, ctx.lang) : '—',
                categoryName,
                districtName ?? m.unassigned,
                <>
                  <StatusTag status={report.status} lang={ctx.lang} /> <HoldTag hold={report.hold} lang={ctx.lang} />
                </>,
                deadlines.length > 0 ? <Deadlines deadlines={deadlines} lang={ctx.lang} /> : null,
              ],
            }))}
          />
          {canBulk && reviewing && (
            <fieldset className="fieldset">
              <legend className="fieldset__legend">{m.bulkReviewLegend}</legend>
              <ReviewFields lang={ctx.lang} />
            </fieldset>
          )}
          {canBulk && !reviewing && (
            <fieldset className="fieldset">
              <legend className="fieldset__legend">{m.bulkLegend}</legend>
              <StatusFields lang={ctx.lang} options={bulkStatuses} errors={errors} />
              <button type="submit" className="button">
                {m.apply}
              </button>
            </fieldset>
          )}
        </form>
      )}
    </Layout>
  );
}

export function ReportDetailPage({
  ctx,
  report,
  categoryName,
  districtName,
  unitName,
  deadlines,
  history,
  statuses,
  districts,
  canAssign,
  canReview,
  errors,
  attachments,
}: {
  ctx: PageContext;
  report: Report;
  canReview: boolean;
  /** The report's files (police only). */
  attachments: readonly StoredAttachment[];
  categoryName: string;
  districtName: string | null;
  unitName: string;
  deadlines: ReportDeadline[];
  history: {
    at: Date;
    actor: string;
    kind: string;
    from: string | null;
    to: string | null;
    districtId: string | null;
    note: string | null;
  }[];
  statuses: ReportStatus[];
  districts: Option[];
  canAssign: boolean;
  errors: FieldError[];
}) {
  const m = staffReportMessages[ctx.lang];
  const label = (status: string | null) =>
    status && Object.hasOwn(statusLabels, status) ? statusLabels[status as ReportStatus][ctx.lang] : '';
  return (
    <Layout ctx={ctx} title={m.reportTitle(report.id)}>
      <p>
        <a className="back-link" href="/admin/reports">
          {m.backToQueue}
        </a>
      </p>
      <h1>{m.reportTitle(report.id)}</h1>
      <ErrorSummary lang={ctx.lang} errors={errors} />
      <dl className="summary-list">
        <SummaryRow label={m.status}>
          <StatusTag status={report.status} lang={ctx.lang} /> <HoldTag hold={report.hold} lang={ctx.lang} />{' '}
          {deadlines.length > 0 && <Deadlines deadlines={deadlines} lang={ctx.lang} />}
        </SummaryRow>
        <SummaryRow label={m.category}>{categoryName}</SummaryRow>
        <SummaryRow label={m.description}>
          {report.erased.description !== undefined ? (
            <ErasedValue days={report.erased.description} lang={ctx.lang} />
          ) : (
            <span className="pre-wrap">{report.description || m.noDescription}</span>
          )}
        </SummaryRow>
        <AttachmentSummary attachments={attachments} lang={ctx.lang} />
        <SummaryRow label={m.exactPlace}>
          {report.position ? (
            <a href={`/szukaj?lat=${report.position.lat.toFixed(6)}&lon=${report.position.lon.toFixed(6)}`}>
              {report.position.lat.toFixed(6)}, {report.position.lon.toFixed(6)}
            </a>
          ) : report.erased.position !== undefined ? (
            <ErasedValue days={report.erased.position} lang={ctx.lang} />
          ) : (
            '—'
          )}
        </SummaryRow>
        {report.address && <SummaryRow label={m.address}>{report.address}</SummaryRow>}
        {report.erased.address !== undefined && (
          <SummaryRow label={m.address}>
            <ErasedValue days={report.erased.address} lang={ctx.lang} />
          </SummaryRow>
        )}
        <SummaryRow label={m.eventAt}>{report.event ? formatEventTime(report.event, ctx.lang) : '—'}</SummaryRow>
        <SummaryRow label={m.district}>
          {districtName ?? m.unassigned} ({unitName})
        </SummaryRow>
        <SummaryRow label={m.emailGiven}>{report.hasEmail ? m.emailYes : m.emailNo}</SummaryRow>
        <SummaryRow label={m.confirmations}>{report.confirmations}</SummaryRow>
        {report.forwardedTo && <SummaryRow label={m.forwardedTo}>{report.forwardedTo}</SummaryRow>}
        {report.duplicateOf && (
          <SummaryRow label={m.duplicateOf}>
            <a href={`/admin/reports/${report.duplicateOf}`}>{report.duplicateOf}</a>
          </SummaryRow>
        )}
      </dl>
      <p>
        <a href={`/zgloszenia/${report.id}`}>{m.publicPage}</a>
      </p>

      {canReview && <ReviewSection ctx={ctx} reportId={report.id} />}

      <section className="section-box" aria-labelledby="status-form">
        <h2 id="status-form">{m.statusForm}</h2>
        {statuses.length === 0 ? (
          <p>{m.noTransitions}</p>
        ) : (
          <form method="post" action={`/admin/reports/${report.id}/status`}>
            <CsrfField token={ctx.csrfToken} />
            <StatusFields lang={ctx.lang} options={statuses} errors={errors} />
            {statuses.includes('duplicate') && (
              <TextField name="duplicateOf" label={m.duplicateOf} width="short" error={errorFor(errors, 'duplicateOf')} />
            )}
            <button type="submit" className="button">
              {m.apply}
            </button>
          </form>
        )}
      </section>

      {canAssign && (
        <section className="section-box" aria-labelledby="assign-form">
          <h2 id="assign-form">{m.assignTitle}</h2>
          <form method="post" action={`/admin/reports/${report.id}/assign`}>
            <CsrfField token={ctx.csrfToken} />
            <SelectField
              name="districtId"
              label={m.assignDistrict}
              value={report.districtId ?? ''}
              placeholder={m.noDistrictOption}
              options={districts}
              error={errorFor(errors, 'districtId')}
            />
            <button type="submit" className="button button--secondary">
              {m.assign}
            </button>
          </form>
        </section>
      )}

      <h2>{m.history}</h2>
      {report.erased.notes !== undefined && (
        <p>
          {`${m.notesErased}: `}
          <ErasedValue days={report.erased.notes} lang={ctx.lang} />
        </p>
      )}
      <DataTable
        caption={m.history}
        columns={[
          { label: m.historyWhen },
          { label: m.historyWho },
          { label: m.historyWhat },
          { label: m.historyNote, className: 'pre-wrap' },
        ]}
        rows={history.map((event, i) => ({
          key: i,
          cells: [
            formatDateTime(event.at, ctx.lang),
            actorName(event.actor, ctx.lang),
            <>
              {wordFor(m.kinds, event.kind) ?? event.kind}
              {event.to && `: ${label(event.from)}${event.from ? ' → ' : ''}${label(event.to)}`}
              {event.kind === 'assigned' && `: ${event.districtId ?? m.unassigned}`}
            </>,
            event.note || null,
          ],
        }))}
      />
    </Layout>
  );
}
