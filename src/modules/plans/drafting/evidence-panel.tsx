import type { MapTiles } from '../../../platform/config/config.js';
import type { PageContext } from '../../../platform/render/page-context.js';
import { MapIsland } from '../../../platform/render/map-island.js';
import { CsrfField, DataTable, SelectField, Tag, errorFor } from '../../../platform/render/components.js';
import type { FieldError } from '../../../platform/http/errors.js';
import { formatCalendarDay, formatNumber } from '../../../platform/i18n/i18n.js';
import { categoryNames } from '../messages.js';
import { evaluationOutcomeLabels, type PlanContent } from '../model.js';
import { monthName, periodName, placeName, reportCount } from './draft.js';
import { planCategoriesOf } from './evidence.js';
import type { Evidence } from './read-evidence.js';
import { draftingMessages } from './messages.js';
import { halfMonths, lastHalf } from './window.js';

/**
 * The drafting panel on the editor of a draft (issue 15, "Drafting from evidence"): the district's
 * reports by category and month, its top places (listed; the map island only adds where they are),
 * indicator data, similar published plans, and the two pre-fill forms. Staff only.
 */
export function EvidencePanel({
  ctx,
  planId,
  content,
  evidence,
  map,
  errors,
}: {
  ctx: PageContext;
  planId: string;
  content: PlanContent;
  evidence: Evidence;
  map: MapTiles;
  errors: FieldError[];
}) {
  const m = draftingMessages[ctx.lang];
  const { summary } = evidence;
  const n = (value: number) => formatNumber(value, ctx.lang);
  const name = (code: string) => evidence.categoryNames.get(code)?.[ctx.lang] ?? code;
  const planCategories = planCategoriesOf(summary);
  const categoryOptions = planCategories.map((c) => ({
    value: c.category,
    label: `${categoryNames[ctx.lang][c.category]} (${reportCount(c.count, ctx.lang)})`,
  }));
  const preferred = content.threat.category ?? planCategories[0]?.category;
  const points = summary.hotspots.filter((h) => h.center).map((h) => [h.center!.lat, h.center!.lon, h.count, placeName(h, ctx.lang)]);
  const baseline = content.goal.baseline;
  const area = content.goal.area ?? null;
  // Each form has its own field name: two selects on one page need two ids.
  const categorySelect = (name: string) => (
    <SelectField name={name} label={m.threatCategory} value={preferred} options={categoryOptions} error={errorFor(errors, name)} />
  );
  return (
    <section className="section-box evidence" aria-labelledby="evidence">
      <h2 id="evidence">{m.title}</h2>
      <p>{m.lead(periodName(summary.window.months, ctx.lang))}</p>
      {summary.total === 0 ? (
        <p>{m.noReports}</p>
      ) : (
        <>
          <h3>{m.byCategory}</h3>
          <DataTable
            caption={m.byCategory}
            rowHeaders
            columns={[
              { label: m.category },
              { label: m.planCategory },
              { label: m.reports },
              { label: m.confirmed },
              { label: m.trend(halfMonths) },
            ]}
            rows={[
              ...summary.categories.map((c) => ({
                key: c.code,
                cells: [
                  name(c.code),
                  categoryNames[ctx.lang][c.planCategory],
                  n(c.count),
                  n(c.confirmed),
                  `${m.trendWords[c.trend.direction]}: ${n(c.before)} → ${n(c.after)}${c.trend.percent === null ? '' : ` (${c.trend.percent > 0 ? '+' : ''}${n(c.trend.percent)}%)`}`,
                ],
              })),
              { key: 'total', cells: [m.total, '', n(summary.total), n(summary.confirmed), ''] },
            ]}
          />
          <h3>{m.hotspots}</h3>
          {summary.hotspots.length === 0 ? (
            <p>{m.noHotspots}</p>
          ) : (
            <ol>
              {summary.hotspots.map((h, i) => (
                <li key={i}>
                  {`${placeName(h, ctx.lang)}: ${reportCount(h.count, ctx.lang)}`}
                  {/* Its reports' hull as the goal's area (fillAreaFromEvidence); a place known by addresses has no points. */}
                  {h.points.length > 0 && (
                    <form method="post" action={`/admin/plans/${planId}/evidence/area`} noValidate>
                      <CsrfField token={ctx.csrfToken} />
                      <input type="hidden" name="hotspot" value={i} />
                      {area && <input type="hidden" name="replace" value="1" />}
                      <button
                        type="submit"
                        className="button button--secondary"
                        aria-label={`${area ? m.replaceArea(area.name) : m.useAsArea}: ${placeName(h, ctx.lang)}`}
                      >
                        {area ? m.replaceArea(area.name) : m.useAsArea}
                      </button>
                    </form>
                  )}
                </li>
              ))}
            </ol>
          )}
          {points.length > 0 && (
            <MapIsland
              kind="points"
              tiles={map}
              label={m.mapLabel}
              fallback={m.mapNoScript}
              data={{ 'data-points': JSON.stringify(points) }}
            />
          )}
          <h3>{m.byMonth}</h3>
          <DataTable
            caption={m.byMonth}
            rowHeaders
            columns={[{ label: m.month }, { label: m.reports }, { label: m.confirmed }]}
            rows={summary.months.map((month) => ({
              key: month.month,
              cells: [monthName(month.month, ctx.lang), n(month.count), n(month.confirmed)],
            }))}
          />
        </>
      )}
      <h3>{m.indicators}</h3>
      {evidence.indicators.length === 0 ? (
        <p>{m.noIndicators}</p>
      ) : (
        <DataTable
          caption={m.indicators}
          rowHeaders
          columns={[{ label: m.indicatorCategory }, { label: m.count }]}
          rows={evidence.indicators.map((i) => ({ key: i.category, cells: [i.label[ctx.lang], n(i.count)] }))}
        />
      )}
      {planCategories.length > 0 && (
        <>
          <h3>{m.prefill}</h3>
          <p className="hint" id="field-evidence">
            {m.prefillHint}
          </p>
          <form method="post" action={`/admin/plans/${planId}/evidence/threat`} className="narrow" noValidate>
            <CsrfField token={ctx.csrfToken} />
            {categorySelect('category')}
            <button type="submit" className="button button--secondary">
              {m.useInThreat}
            </button>
          </form>
          <form method="post" action={`/admin/plans/${planId}/evidence/baseline`} className="narrow" noValidate>
            <CsrfField token={ctx.csrfToken} />
            {baseline && <input type="hidden" name="replace" value="1" />}
            {categorySelect('baselineCategory')}
            <SelectField
              name="span"
              label={m.span}
              value="half"
              options={[
                { value: 'half', label: m.spans.half(periodName(lastHalf(summary.window), ctx.lang)) },
                { value: 'year', label: m.spans.year(periodName(summary.window.months, ctx.lang)) },
              ]}
              error={errorFor(errors, 'span')}
            />
            <button type="submit" className="button button--secondary">
              {baseline ? m.replaceBaseline(baseline.value, baseline.period) : m.useAsBaseline}
            </button>
          </form>
        </>
      )}
      <h3>{m.similar}</h3>
      {evidence.similar.length === 0 ? (
        <p>{m.noSimilar}</p>
      ) : (
        <>
          <p className="hint">{m.similarHint}</p>
          <ul className="similar-plans">
            {evidence.similar.map((plan) => (
              <li key={plan.id}>
                <a href={plan.url}>{`${plan.districtName} (${plan.unitName})`}</a>
                {`, ${formatCalendarDay(plan.periodFrom, ctx.lang)} – ${formatCalendarDay(plan.periodTo, ctx.lang)}`}
                {plan.category && `, ${categoryNames[ctx.lang][plan.category] ?? plan.category}`}{' '}
                <Tag tone={plan.outcome === 'achieved' ? 'green' : plan.outcome ? 'yellow' : 'grey'}>
                  {plan.outcome ? evaluationOutcomeLabels[plan.outcome][ctx.lang] : m.notEvaluated}
                </Tag>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
