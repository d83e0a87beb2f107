import type { PageContext } from '../../../platform/render/page-context.js';
import { Layout } from '../../../platform/render/layout.js';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  SelectField,
  Tag,
  TextField,
  errorFor,
  type Option,
} from '../../../platform/render/components.js';
import type { FieldError } from '../../../platform/http/errors.js';
import { statusName, statusNames } from '../messages.js';
import { planStatuses } from '../model.js';
import type { QueueEntry } from '../read-plans.js';
import { editorMessages } from './messages.js';

import { day } from './work-page.js';

// The plan's own page (work page) and its form live in work-page.tsx and editor-form.tsx.
export { WorkPage } from './work-page.js';

export function QueuePage({
  ctx,
  rows,
  status,
  canCreate,
}: {
  ctx: PageContext;
  rows: QueueEntry[];
  status: string | undefined;
  canCreate: boolean;
}) {
  const m = editorMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={m.queueTitle}>
      <div className="page-heading">
        <h1>{m.queueTitle}</h1>
        {canCreate && (
          <p className="actions">
            <a className="button" href="/admin/plans/new">
              {m.newPlan}
            </a>
            <a className="button button--secondary" href="/admin/plans/import">
              {m.importPlan}
            </a>
          </p>
        )}
      </div>
      <p className="lead">{m.queueLead}</p>
      <form method="get" action="/admin/plans" className="filters">
        <SelectField
          name="status"
          label={m.status}
          value={status}
          placeholder={m.anyStatus}
          options={planStatuses.map((value) => ({ value, label: statusNames[ctx.lang][value] }))}
        />
        <div className="filters__actions">
          <button type="submit" className="button button--secondary">
            {m.filter}
          </button>
        </div>
      </form>
      {rows.length === 0 ? (
        <p>{m.noPlans}</p>
      ) : (
        <DataTable
          caption={m.queueTitle}
          columns={[{ label: m.district }, { label: m.period }, { label: m.status }, { label: m.deadlines }]}
          rows={rows.map(({ plan, districtName, unitName, overdue }) => ({
            key: plan.id,
            cells: [
              <>
                <a href={`/admin/plans/${plan.id}`}>{districtName}</a>
                <br />
                <span className="muted small">{unitName}</span>
              </>,
              `${day(plan.periodFrom, ctx)} – ${day(plan.periodTo, ctx)}`,
              <Tag tone={plan.status === 'submitted' ? 'yellow' : plan.status === 'returned' ? 'red' : 'blue'}>
                {statusName(plan.status, ctx.lang)}
              </Tag>,
              overdue.length === 0
                ? m.none
                : overdue.map((d) => (
                    <span key={d.kind} className="deadline deadline--overdue">
                      <Tag tone="red">{m.overdue}</Tag> {`${m.deadlineNames[d.kind]} (${m.due} ${day(d.due, ctx)})`}
                    </span>
                  )),
            ],
          }))}
        />
      )}
    </Layout>
  );
}

export function NewPlanPage({
  ctx,
  districts,
  values,
  errors,
}: {
  ctx: PageContext;
  districts: Option[];
  values: Record<string, string | undefined>;
  errors: FieldError[];
}) {
  const m = editorMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={m.newTitle}>
      <ErrorSummary lang={ctx.lang} errors={errors} />
      <h1>{m.newTitle}</h1>
      <form method="post" action="/admin/plans/new" className="narrow" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField
          name="districtId"
          label={m.district}
          value={values.districtId}
          options={districts}
          error={errorFor(errors, 'districtId')}
        />
        <TextField
          name="periodFrom"
          label={m.periodFrom}
          type="date"
          value={values.periodFrom}
          width="short"
          error={errorFor(errors, 'periodFrom')}
        />
        <TextField
          name="periodTo"
          label={m.periodTo}
          hint={m.periodHint}
          type="date"
          value={values.periodTo}
          width="short"
          error={errorFor(errors, 'periodTo')}
        />
        <button type="submit" className="button">
          {m.create}
        </button>
      </form>
    </Layout>
  );
}
