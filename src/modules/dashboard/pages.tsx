import type { PageContext } from '../../platform/render/page-context.js';
import { Layout } from '../../platform/render/layout.js';
import { CheckboxField, DataTable, SelectField, Tag, type Option } from '../../platform/render/components.js';
import { statusNames } from '../plans/index.js';
import { planStatusesForFilter, type DashboardQuery } from './query.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { hasProblem, type DashboardDeadline, type DashboardRow } from './read-dashboard.js';
import { dashboardMessages, deadlineText, goalText, periodText } from './messages.js';

export function DashboardPage({
  ctx,
  rows,
  total,
  units,
  query,
  own,
}: {
  ctx: PageContext;
  rows: DashboardRow[];
  /** Districts before the filter. */
  total: number;
  /** The unit picker's choices; empty for an officer's own dashboard. */
  units: Option[];
  query: DashboardQuery;
  own: boolean;
}) {
  const m = dashboardMessages[ctx.lang];
  const lang = ctx.lang;
  const title = own ? m.ownTitle : m.title;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p className="lead">{own ? m.ownLead : m.lead}</p>
      <form method="get" action="/admin/dashboard" className="filters">
        {units.length > 1 && <SelectField name="unit" label={m.unit} value={query.unit} options={units} />}
        <SelectField
          name="status"
          label={m.status}
          value={query.status}
          placeholder={m.anyStatus}
          options={[
            { value: 'none', label: m.noPlan },
            ...planStatusesForFilter.map((value) => ({ value, label: statusNames[lang][value] })),
          ]}
        />
        <SelectField
          name="staffing"
          label={m.staffing}
          value={query.staffing}
          placeholder={m.anyStaffing}
          options={[
            { value: 'vacant', label: m.vacant },
            { value: 'substitute', label: m.withSubstitute },
          ]}
        />
        <CheckboxField name="problems" label={m.problemsOnly} checked={query.problemsOnly === true} />
        <div className="filters__actions">
          <button type="submit" className="button button--secondary">
            {m.filter}
          </button>
        </div>
      </form>
      <p>
        {m.summary(rows.length, rows.filter(hasProblem).length)}{' '}
        {total !== rows.length && <span className="muted">({m.districts(total)})</span>}{' '}
        <a href={`/admin/dashboard.csv${queryString(query)}`}>{m.csv}</a>
      </p>
      {rows.length === 0 ? (
        <p>{m.noRows}</p>
      ) : (
        <DataTable
          caption={title}
          rowHeaders
          columns={[
            { label: m.district },
            { label: m.officer },
            { label: m.plan },
            { label: m.deadlines },
            { label: m.actions },
            { label: m.reports },
          ]}
          rows={rows.map((row) => ({
            key: row.districtId,
            cells: [
              <>
                {row.districtName}
                <br />
                <span className="muted small">{row.unitName}</span>
              </>,
              <>
                {row.officer ?? <Tag tone="red">{m.vacancy}</Tag>}
                {row.substitute && (
                  <>
                    <br />
                    <span className="small">
                      {m.substitute}: {row.substitute}
                    </span>
                  </>
                )}
              </>,
              <>
                {row.current ? (
                  <>
                    <a href={`/admin/plans/${row.current.id}`}>{periodText(row.current, lang)}</a>{' '}
                    <Tag tone="blue">{statusNames[lang][row.current.status]}</Tag>
                  </>
                ) : (
                  <Tag tone="red">{m.gaps.no_current_plan}</Tag>
                )}
                {row.next && (
                  <>
                    <br />
                    <span className="small">
                      {m.next}: <a href={`/admin/plans/${row.next.id}`}>{periodText(row.next, lang)}</a> (
                      {statusNames[lang][row.next.status]})
                    </span>
                  </>
                )}
                {row.goal && (
                  <>
                    <br />
                    <Tag tone={row.goal.state === 'at_risk' ? 'red' : 'green'}>{`${m.goal}: ${goalText(row.goal, lang)}`}</Tag>
                  </>
                )}
                {row.gap === 'no_next_plan' && (
                  <>
                    <br />
                    <Tag tone="yellow">{m.gaps.no_next_plan}</Tag>
                  </>
                )}
              </>,
              <DeadlineList list={row.deadlines} lang={lang} />,
              <DeadlineList list={row.actions} lang={lang} />,
              row.unverifiedReports === 0 ? (
                m.none
              ) : (
                <>
                  {m.unverified(row.unverifiedReports)}
                  {row.overdueReports > 0 && (
                    <>
                      {', '}
                      <Tag tone="red">{m.overdueReports(row.overdueReports)}</Tag>
                    </>
                  )}
                </>
              ),
            ],
          }))}
        />
      )}
    </Layout>
  );
}

/** Deadlines of a district, overdue (for actions: late) ones in red; an action links to the plan's action log. */
function DeadlineList({ list, lang }: { list: DashboardDeadline[]; lang: Lang }) {
  const m = dashboardMessages[lang];
  if (list.length === 0) return <>{m.none}</>;
  return (
    <ul className="plain-list">
      {list.map((d) => (
        <li key={`${d.planId}-${d.kind}-${d.action ?? ''}`}>
          <Tag tone={d.state === 'overdue' ? 'red' : 'yellow'}>
            {d.state === 'soon' ? m.soon : d.kind === 'action' ? m.late : m.overdue}
          </Tag>{' '}
          <a href={d.kind === 'action' ? `/admin/plans/${d.planId}/dziennik` : `/admin/plans/${d.planId}`}>{deadlineText(d, lang)}</a>
        </li>
      ))}
    </ul>
  );
}

/** The page's filters as a query string (the CSV link downloads the rows on screen). */
export function queryString(query: DashboardQuery): string {
  const params = new URLSearchParams();
  if (query.unit) params.set('unit', query.unit);
  if (query.status) params.set('status', query.status);
  if (query.staffing) params.set('staffing', query.staffing);
  if (query.problemsOnly) params.set('problems', 'on');
  const text = params.toString();
  return text ? `?${text}` : '';
}
