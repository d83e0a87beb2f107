import type { FrozenMeasure } from '../measure/model.js';
import type { GoalArea } from '../measure/goal-area.js';
import type { MapTiles } from '../../../platform/config/config.js';
import { MapIsland } from '../../../platform/render/map-island.js';
import { MeasureBlock } from '../measure/measure-block.js';
import type { PageContext } from '../../../platform/render/page-context.js';
import { Layout } from '../../../platform/render/layout.js';
import { Pagination, SelectField, TableRegion, Tag, TextField, type Option } from '../../../platform/render/components.js';
import { formatDate, formatCalendarDay } from '../../../platform/i18n/i18n.js';
import type { PlanDocument, TableData } from '../publication/document.js';
import { categoryNames, statusName, timingName } from '../messages.js';
import type { PlanTiming } from '../rules.js';
import { evaluationOutcomeLabels, type Evaluation, type PlanStatus } from '../model.js';
import { publicStatus } from '../workflow.js';
import { planPageMessages } from './messages.js';
import { PublicProgressSection } from '../action-log/entry-list.js';
import type { PublicActionProgress } from '../action-log/manage-action-log.js';

function DocumentTable({ table }: { table: TableData }) {
  return (
    <TableRegion label={table.caption}>
      <table className="table table--stack">
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.head.map((text) => (
              <th key={text} scope="col">
                {text}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((text, j) =>
                j === 0 ? (
                  <th key={j} scope="row" data-label={table.head[j]}>
                    {text}
                  </th>
                ) : (
                  <td key={j} data-label={table.head[j]}>
                    {text}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** The document in the official layout, as HTML: the same words as the PDF and DOCX. */
export function PlanDocumentView({ document, lang = 'pl' }: { document: PlanDocument; lang?: PageContext['lang'] }) {
  return (
    <article className="plan-document" lang={lang}>
      <header className="plan-document__header">
        <h1>{document.title}</h1>
        {document.subtitle.map((line) => (
          <p key={line} className="plan-document__subtitle">
            {line}
          </p>
        ))}
      </header>
      {document.sections.map((section) => (
        <section key={section.number} aria-labelledby={`section-${section.number}`}>
          <h2 id={`section-${section.number}`}>{`${section.number}. ${section.heading}`}</h2>
          {section.blocks.map((block, index) =>
            block.kind === 'paragraph' ? (
              <p key={index}>{block.text}</p>
            ) : block.kind === 'list' ? (
              <ul key={index}>
                {block.items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            ) : block.kind === 'table' ? (
              <DocumentTable key={index} table={block.table} />
            ) : block.kind === 'chart' ? (
              <figure key={index} className="chart">
                {/* Our own SVG (evaluation/chart.ts), every text in it escaped there. */}
                <div className="chart__image" dangerouslySetInnerHTML={{ __html: block.svg }} />
                <details>
                  <summary>{block.table.caption}</summary>
                  <DocumentTable table={block.table} />
                </details>
              </figure>
            ) : (
              <dl key={index} className="plan-document__facts">
                {block.rows.map(([key, value]) => (
                  <div key={key}>
                    <dt>{key}:</dt> <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            ),
          )}
        </section>
      ))}
      {document.signature && <p className="plan-document__signature">{document.signature}</p>}
    </article>
  );
}

export interface PlanSummary {
  id: string;
  url: string;
  districtName: string;
  unitName: string;
  periodFrom: string;
  periodTo: string;
  category: string | null;
  goal: string;
  status: PlanStatus;
  /** Whether its period is running, to come or over (rules.ts planTiming). */
  timing: PlanTiming;
}

const timingTone = { current: 'green', upcoming: 'blue', past: 'grey' } as const;

/** "plan bieżący" / "plan archiwalny (okres zakończony)", beside every plan residents see. */
export function TimingTag({ timing, lang }: { timing: PlanTiming; lang: PageContext['lang'] }) {
  return <Tag tone={timingTone[timing]}>{timingName(timing, lang)}</Tag>;
}

const day = (value: string, ctx: PageContext) => formatCalendarDay(value, ctx.lang);

/** `headingLevel`: the level below the section the list sits in, so headings never skip a level. */
export function PlanList({ ctx, plans, headingLevel }: { ctx: PageContext; plans: PlanSummary[]; headingLevel: 2 | 3 }) {
  const m = planPageMessages[ctx.lang];
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="plan-list">
      {plans.map((plan) => (
        <li key={plan.id} className="plan-list__item">
          <Heading>
            <a href={plan.url}>{`${plan.districtName} – ${plan.unitName}`}</a>
          </Heading>
          <p className="plan-list__meta">
            {`${m.period}: ${day(plan.periodFrom, ctx)} – ${day(plan.periodTo, ctx)}`}
            {plan.category && ` · ${categoryNames[ctx.lang][plan.category] ?? ''}`} · <TimingTag timing={plan.timing} lang={ctx.lang} />{' '}
            <Tag tone="blue">{statusName(publicStatus(plan.status), ctx.lang)}</Tag>
          </p>
          <p className="plan-list__goal">{plan.goal.length > 260 ? `${plan.goal.slice(0, 257)}…` : plan.goal}</p>
        </li>
      ))}
    </ul>
  );
}

export interface LibraryFilter {
  q?: string | undefined;
  category?: string | undefined;
  unitId?: string | undefined;
  year?: string | undefined;
}

export function LibraryPage({
  ctx,
  filter,
  plans,
  total,
  exact,
  page,
  hasNextPage,
  units,
  years,
  pageSize,
}: {
  ctx: PageContext;
  filter: LibraryFilter;
  plans: PlanSummary[];
  total: number;
  exact: boolean;
  page: number;
  hasNextPage: boolean;
  units: Option[];
  years: string[];
  pageSize: number;
}) {
  const m = planPageMessages[ctx.lang];
  const params = Object.entries(filter).filter(([, v]) => v) as [string, string][];
  const hrefFor = (target: number) => `/plany?${new URLSearchParams([...params, ['page', String(target)]]).toString()}`;
  return (
    <Layout ctx={ctx} title={m.libraryTitle}>
      <h1>{m.libraryTitle}</h1>
      <p className="lead">{m.libraryLead}</p>
      <form method="get" action="/plany" className="filters" role="search">
        <TextField name="q" label={m.search} type="search" value={filter.q} width="medium" />
        <SelectField
          name="category"
          label={m.category}
          value={filter.category}
          placeholder={m.anyCategory}
          options={Object.entries(categoryNames[ctx.lang]).map(([value, label]) => ({ value, label }))}
        />
        <SelectField name="unitId" label={m.unit} value={filter.unitId} placeholder={m.anyUnit} options={units} />
        <SelectField
          name="year"
          label={m.year}
          value={filter.year}
          placeholder={m.anyYear}
          options={years.map((y) => ({ value: y, label: y }))}
        />
        <div className="filters__actions">
          <button type="submit" className="button button--secondary">
            {m.show}
          </button>
        </div>
      </form>
      <p role="status">{m.results(total, exact)}</p>
      {plans.length === 0 ? <p>{m.none}</p> : <PlanList ctx={ctx} plans={plans} headingLevel={2} />}
      <Pagination
        lang={ctx.lang}
        page={page}
        pageCount={exact ? Math.max(1, Math.ceil(total / pageSize)) : null}
        hasNextPage={hasNextPage}
        hrefFor={hrefFor}
      />
      <p>
        <a href="/plany.atom">{m.feed}</a>
      </p>
    </Layout>
  );
}

export function PlanPage({
  ctx,
  document,
  plan,
  similar,
  measure,
  districtUrl,
  staffUrl,
  progress,
  area,
  map,
}: {
  ctx: PageContext;
  document: PlanDocument;
  plan: {
    id: string;
    status: PlanStatus;
    version: number;
    publishedAt: Date | null;
    evaluation: Evaluation | null;
    unitName: string;
    districtName: string;
    imported: boolean;
    periodTo: string;
    timing: PlanTiming;
  };
  similar: PlanSummary[];
  /** The measure frozen with the published version, or null (an archived import; a plan approved before issue 15). */
  measure: FrozenMeasure | null;
  districtUrl: string;
  staffUrl: string | null;
  progress: PublicActionProgress[];
  /** The published version's goal area (only its name and outline: no report is shown). */
  area: GoalArea | null;
  map: MapTiles;
}) {
  const m = planPageMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={`${document.title} – ${plan.unitName}`}>
      <div className="plan-meta">
        <p>
          <TimingTag timing={plan.timing} lang={ctx.lang} /> · {m.district}: <a href={districtUrl}>{plan.districtName}</a> · {m.status}:{' '}
          <Tag tone="blue">{statusName(publicStatus(plan.status), ctx.lang)}</Tag> · {m.version} {plan.version}
          {plan.publishedAt && ` · ${m.publishedOn} ${formatDate(plan.publishedAt, ctx.lang)}`}
          {plan.imported && (
            <>
              {' · '}
              <Tag tone="grey">{m.imported}</Tag>
            </>
          )}
        </p>
        {plan.imported && <p className="muted">{m.importedNote}</p>}
        {plan.timing === 'past' && (
          <p className="callout">
            {m.pastNote(day(plan.periodTo, ctx))} <a href={districtUrl}>{m.districtPlans}</a>
          </p>
        )}
        {plan.timing === 'upcoming' && <p className="callout">{m.upcomingNote}</p>}
        <p>
          {m.download}: <a href={`/plany/${plan.id}/plan.pdf`}>{m.pdf}</a> · <a href={`/plany/${plan.id}/plan.docx`}>{m.docx}</a>
          {staffUrl && (
            <>
              {' · '}
              <a href={staffUrl}>{m.officerView}</a>
            </>
          )}
        </p>
      </div>
      <PlanDocumentView document={document} />
      {area && (
        <section className="section-box" aria-labelledby="goal-area">
          <h2 id="goal-area">{m.areaTitle}</h2>
          <p>{m.areaLead(area.name)}</p>
          <MapIsland
            kind="shape"
            tiles={map}
            label={m.areaTitle}
            fallback={m.areaNoScript}
            data={{ 'data-polygon': JSON.stringify(area.polygon) }}
          />
        </section>
      )}
      {measure && <MeasureBlock measure={measure} lang={ctx.lang} />}
      <PublicProgressSection ctx={ctx} actions={progress} />
      {plan.evaluation && (
        <section aria-labelledby="evaluation" className="section-box">
          <h2 id="evaluation">{m.evaluation}</h2>
          <p>
            <Tag tone={plan.evaluation.outcome === 'achieved' ? 'green' : plan.evaluation.outcome === 'not_achieved' ? 'red' : 'grey'}>
              {evaluationOutcomeLabels[plan.evaluation.outcome][ctx.lang]}
            </Tag>
          </p>
          {plan.evaluation.note && <p>{plan.evaluation.note}</p>}
          <p>
            <a href={`/plany/${plan.id}/sprawozdanie`}>{m.report}</a>
          </p>
        </section>
      )}
      <section aria-labelledby="similar" className="section-box">
        <h2 id="similar">{m.similar}</h2>
        {similar.length === 0 ? <p>{m.noSimilar}</p> : <PlanList ctx={ctx} plans={similar} headingLevel={3} />}
      </section>
    </Layout>
  );
}
