import type { PageContext } from '../../../platform/render/page-context.js';
import { Layout } from '../../../platform/render/layout.js';
import {
  CheckboxField,
  CsrfField,
  DataTable,
  ErrorSummary,
  SelectField,
  Tag,
  TextAreaField,
  TextField,
  errorFor,
  type Option,
} from '../../../platform/render/components.js';
import type { FieldError } from '../../../platform/http/errors.js';
import { formatBytes, formatDateTime, formatCalendarDay } from '../../../platform/i18n/i18n.js';
import type { PlanSourceInfo } from '../import/source-repository.js';
import { categoryNames, commentPlace, eventName, statusName, statusNames, transitionNames } from '../messages.js';
import { actionStatuses, diagnosisSources, planStatuses, type Plan, type PlanContent } from '../model.js';
import type { Deadline } from '../rules.js';
import type { QueueEntry } from '../read-plans.js';
import type { PlanVersion } from '../repository.js';
import type { Transition } from '../workflow.js';
import { PlanDocumentView, TimingTag } from '../public/pages.js';
import type { PlanTiming } from '../rules.js';
import type { PlanDocument } from '../publication/document.js';
import { standardChannels } from './form.js';
import { editorMessages } from './messages.js';
import { VersionDiff } from './version-diff.js';

export const day = (value: string, ctx: PageContext) => formatCalendarDay(value, ctx.lang);

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

export interface WorkPageProps {
  ctx: PageContext;
  plan: Plan;
  districtName: string;
  unitName: string;
  content: PlanContent;
  document: PlanDocument;
  deadlines: Deadline[];
  transitions: Transition[];
  canEdit: boolean;
  canDelete: boolean;
  versions: PlanVersion[];
  /** `actor_name`: the person's display name, null for the system. */
  events: { at: Date; actor_name: string | null; transition: string; to_status: string; version: number }[];
  partners: string[];
  errors: FieldError[];
  periodFrom: string;
  periodTo: string;
  /** The file an imported plan was read from (the "imported" marker), or null. */
  source: PlanSourceInfo | null;
  timing: PlanTiming;
}

function Editor({ ctx, plan, content, errors, partners, periodFrom, periodTo }: WorkPageProps) {
  const m = editorMessages[ctx.lang];
  const month = (d: string | null) => (d ? d.slice(0, 7) : '');
  const otherChannels = content.communication.filter((c) => !standardChannels.includes(c));
  const goalMeasurable = Boolean(content.goal.indicator || content.goal.baseline || content.goal.target);
  return (
    <form method="post" action={`/admin/plans/${plan.id}`} id="plan-editor" data-autosave="true" noValidate>
      <CsrfField token={ctx.csrfToken} />
      <h2>{m.editorTitle}</h2>
      <p className="muted" id="autosave-status" aria-live="polite" />
      <div className="narrow">
        <TextField
          name="periodFrom"
          label={m.periodFrom}
          type="date"
          value={periodFrom}
          width="short"
          error={errorFor(errors, 'periodFrom')}
        />
        <TextField
          name="periodTo"
          label={m.periodTo}
          hint={m.periodHint}
          type="date"
          value={periodTo}
          width="short"
          error={errorFor(errors, 'periodTo')}
        />
      </div>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{m.section1}</legend>
        <SelectField
          name="threat.category"
          label={m.category}
          value={content.threat.category ?? ''}
          placeholder={m.chooseCategory}
          options={Object.entries(categoryNames[ctx.lang]).map(([value, label]) => ({ value, label }))}
          error={errorFor(errors, 'threat.category')}
        />
        <TextField name="threat.places" label={m.places} value={content.threat.places} />
        <TextAreaField
          name="threat.description"
          label={m.description}
          value={content.threat.description}
          rows={8}
          error={errorFor(errors, 'threat.description')}
        />
        <fieldset className="fieldset fieldset--inner">
          <legend className="field__label">{m.sources}</legend>
          {diagnosisSources.map((source) => (
            <CheckboxField
              key={source}
              name={`threat.sources.${source}`}
              label={sourceLabel(source, ctx)}
              checked={content.threat.sources.includes(source)}
            />
          ))}
        </fieldset>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{m.section2}</legend>
        <TextAreaField
          name="goal.description"
          label={m.goal}
          value={content.goal.description}
          rows={5}
          error={errorFor(errors, 'goal.description')}
        />
        <CheckboxField name="goal.measurable" label={m.measurable} checked={goalMeasurable} />
        <div className="grid-2">
          <TextField name="goal.indicator.what" label={m.indicatorWhat} value={content.goal.indicator?.what} />
          <TextField name="goal.indicator.where" label={m.indicatorWhere} value={content.goal.indicator?.where} />
          <TextField name="goal.indicator.source" label={m.indicatorSource} value={content.goal.indicator?.source} />
          <TextField name="goal.baseline.period" label={m.baselinePeriod} value={content.goal.baseline?.period} />
          <TextField
            name="goal.baseline.value"
            label={m.baselineValue}
            value={content.goal.baseline ? String(content.goal.baseline.value) : ''}
            width="short"
            error={errorFor(errors, 'goal.baseline.value')}
          />
          <SelectField
            name="goal.target.direction"
            label={m.direction}
            value={content.goal.target?.direction ?? 'decrease'}
            options={[
              { value: 'decrease', label: m.decrease },
              { value: 'increase', label: m.increase },
            ]}
          />
          <TextField
            name="goal.target.percent"
            label={m.percent}
            value={content.goal.target ? String(content.goal.target.percent) : ''}
            width="short"
            error={errorFor(errors, 'goal.target.percent')}
          />
        </div>
      </fieldset>
      <fieldset className="fieldset" id="actions">
        <legend className="fieldset__legend">{m.section3}</legend>
        {errorFor(errors, 'actions') && <p className="field__error">{errorFor(errors, 'actions')}</p>}
        {content.actions.map((action, i) => (
          <div className="repeat" key={i} id={`action-${i + 1}`}>
            <h3 className="repeat__title">{m.action(i + 1)}</h3>
            <TextAreaField
              name={`actions.${i}.description`}
              label={m.actionDescription}
              value={action.description}
              rows={3}
              error={errorFor(errors, `actions.${i}.description`)}
            />
            <div className="grid-2">
              <TextField name={`actions.${i}.from`} label={m.actionFrom} value={month(action.from)} type="month" width="short" />
              <TextField
                name={`actions.${i}.to`}
                label={m.actionTo}
                value={month(action.to)}
                type="month"
                width="short"
                error={errorFor(errors, `actions.${i}.to`)}
              />
              <TextField name={`actions.${i}.who`} label={m.who} value={action.who} />
              <SelectField
                name={`actions.${i}.status`}
                label={m.actionStatus}
                value={action.status}
                options={actionStatuses.map((s) => ({ value: s, label: m.actionStatuses[s] }))}
              />
            </div>
            <div className="actions">
              <button
                type="submit"
                name="intent"
                value={`up-action:${i}`}
                className="button button--secondary"
                disabled={i === 0}
                aria-label={`${m.up}: ${m.action(i + 1)}`}
              >
                {m.up}
              </button>
              <button
                type="submit"
                name="intent"
                value={`down-action:${i}`}
                className="button button--secondary"
                disabled={i === content.actions.length - 1}
                aria-label={`${m.down}: ${m.action(i + 1)}`}
              >
                {m.down}
              </button>
              <button
                type="submit"
                name="intent"
                value={`remove-action:${i}`}
                className="button button--secondary"
                aria-label={`${m.remove}: ${m.action(i + 1)}`}
              >
                {m.remove}
              </button>
            </div>
          </div>
        ))}
        <button type="submit" name="intent" value="add-action" className="button button--secondary" id="field-actions">
          {m.addAction}
        </button>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend" id="partners">
          {m.section4}
        </legend>
        <datalist id="known-partners">
          {partners.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        {content.partners.map((partner, i) => (
          <div className="repeat" key={i} id={`partner-${i + 1}`}>
            <h3 className="repeat__title">{m.partner(i + 1)}</h3>
            <div className="field">
              <label className="field__label" htmlFor={`field-partners.${i}.name`}>
                {m.partnerName}
              </label>
              {errorFor(errors, `partners.${i}.name`) && <p className="field__error">{errorFor(errors, `partners.${i}.name`)}</p>}
              <input
                className="input"
                id={`field-partners.${i}.name`}
                name={`partners.${i}.name`}
                defaultValue={partner.name}
                list="known-partners"
              />
            </div>
            <TextAreaField name={`partners.${i}.tasks`} label={m.partnerTasks} value={partner.tasks} rows={2} />
            <button
              type="submit"
              name="intent"
              value={`remove-partner:${i}`}
              className="button button--secondary"
              aria-label={`${m.remove}: ${m.partner(i + 1)}`}
            >
              {m.remove}
            </button>
          </div>
        ))}
        <button type="submit" name="intent" value="add-partner" className="button button--secondary">
          {m.addPartner}
        </button>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{m.section5}</legend>
        {errorFor(errors, 'communication') && <p className="field__error">{errorFor(errors, 'communication')}</p>}
        {standardChannels.map((channel, k) => (
          <CheckboxField key={channel} name={`communication.std.${k}`} label={channel} checked={content.communication.includes(channel)} />
        ))}
        <TextAreaField name="communication.other" label={m.otherChannels} value={otherChannels.join('\n')} rows={3} />
      </fieldset>
      <div className="narrow">
        <TextField name="signature" label={m.signature} value={content.signature ?? ''} />
      </div>
      <div className="actions">
        <button type="submit" name="intent" value="save" className="button button--secondary">
          {m.save}
        </button>
        <button type="submit" name="intent" value="submit" className="button">
          {transitionNames[ctx.lang].submit}
        </button>
      </div>
      <script type="module" src="/assets/build/autosave.js" />
    </form>
  );
}

function sourceLabel(source: string, ctx: PageContext): string {
  const names: Record<string, Record<string, string>> = {
    pl: {
      residents: 'informacje od mieszkańców',
      patrols: 'obserwacje podczas obchodu',
      safety_analysis: 'analiza bezpieczeństwa',
      kmzb: 'zgłoszenia na Krajowej Mapie Zagrożeń',
      partners: 'informacje od instytucji',
      interventions: 'interwencje (SWD)',
      survey: 'ankieta',
      debate: 'debata społeczna',
    },
    en: {
      residents: 'residents',
      patrols: 'patrol observations',
      safety_analysis: 'safety analysis',
      kmzb: 'national threat map reports',
      partners: 'partner institutions',
      interventions: 'interventions',
      survey: 'survey',
      debate: 'public debate',
    },
  };
  return names[ctx.lang]![source] ?? source;
}

export function WorkPage(props: WorkPageProps) {
  const { ctx, plan, districtName, unitName, deadlines, transitions, canEdit, canDelete, versions, events, errors, document, content } =
    props;
  const m = editorMessages[ctx.lang];
  const current = versions.find((v) => v.version === plan.version);
  const previousSubmitted = versions.find((v) => v.version < plan.version);
  const lastReturned = versions.find((v) => v.decision === 'returned' && v.comments.length > 0);
  const reviewing = transitions.includes('approve') || transitions.includes('return');
  const otherTransitions = transitions.filter((t) => !['submit', 'approve', 'return', 'evaluate'].includes(t));
  return (
    <Layout ctx={ctx} title={`${districtName} – ${m.queueTitle}`}>
      <p>
        <a className="back-link" href="/admin/plans">
          {m.queueTitle}
        </a>
      </p>
      <ErrorSummary
        lang={ctx.lang}
        errors={errors}
        fields={{ communication: 'communication.std.0', comments: 'comment.general', evaluation: 'outcome' }}
      />
      <p className="caption">{unitName}</p>
      <h1>{`${districtName}: ${day(plan.periodFrom, ctx)} – ${day(plan.periodTo, ctx)}`}</h1>
      <p>
        <TimingTag timing={props.timing} lang={ctx.lang} /> <Tag tone="blue">{statusName(plan.status, ctx.lang)}</Tag> · {m.version}{' '}
        {plan.version}
        {plan.publishedVersion !== null && (
          <>
            {' · '}
            <a href={`/plany/${plan.id}`}>{m.publicPage}</a>
          </>
        )}
        {props.source && (
          <>
            {' · '}
            <Tag tone="grey">{m.imported}</Tag>
          </>
        )}
      </p>
      {props.source && (
        <p>
          {m.importedFrom(
            props.source.fileName,
            formatBytes(props.source.size, ctx.lang),
            props.source.importedBy,
            formatDateTime(props.source.importedAt, ctx.lang),
          )}{' '}
          <a href={`/admin/plans/${plan.id}/source`} download>
            {m.downloadSource}
          </a>
        </p>
      )}
      <section aria-labelledby="deadlines">
        <h2 id="deadlines">{m.deadlines}</h2>
        <ul className="deadline-list">
          {deadlines.map((d) => (
            <li key={d.kind}>
              {d.overdue && <Tag tone="red">{m.overdue}</Tag>} {`${m.deadlineNames[d.kind]}: ${m.due} ${day(d.due, ctx)}`}
              {d.doneOn && ` — ${m.done} ${day(d.doneOn, ctx)}`}
            </li>
          ))}
        </ul>
      </section>
      {lastReturned && canEdit && (
        <section className="callout callout--warning" aria-labelledby="returned-comments">
          <h2 id="returned-comments">{m.previousComments(lastReturned.version)}</h2>
          <ul>
            {lastReturned.comments.map((c, i) => (
              <li key={i}>
                <strong>{`${commentPlace(c, ctx.lang)}:`}</strong> {c.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {canEdit ? <Editor {...props} /> : <PlanDocumentView document={document} />}
      {reviewing && current && (
        <section className="section-box" aria-labelledby="review">
          <h2 id="review">{m.reviewTitle}</h2>
          {previousSubmitted && (
            <>
              <h3>{m.changesTitle(previousSubmitted.version)}</h3>
              <VersionDiff
                ctx={ctx}
                before={previousSubmitted}
                after={current}
                comments={previousSubmitted.comments}
                by={previousSubmitted.decidedByName ?? ''}
              />
            </>
          )}
          <form method="post" action={`/admin/plans/${plan.id}/review`} noValidate>
            <CsrfField token={ctx.csrfToken} />
            {(['threat', 'goal', 'partners', 'communication'] as const).map((section, i) => (
              <TextAreaField
                key={section}
                name={`comment.${section}`}
                label={m.commentsFor([m.section1, m.section2, m.section4, m.section5][i]!)}
                rows={2}
              />
            ))}
            {content.actions.map((_, i) => (
              <TextAreaField key={i} name={`comment.actions.${i}`} label={m.commentItem(i + 1)} rows={2} />
            ))}
            <TextAreaField name="comment.general" label={m.generalComment} rows={3} error={errorFor(errors, 'comments')} />
            <div className="actions">
              <button type="submit" name="intent" value="approve" className="button">
                {transitionNames[ctx.lang].approve}
              </button>
              <button type="submit" name="intent" value="return" className="button button--warning">
                {transitionNames[ctx.lang].return}
              </button>
            </div>
          </form>
        </section>
      )}
      {transitions.includes('evaluate') && (
        <section className="section-box" aria-labelledby="evaluate">
          <h2 id="evaluate">{m.evaluationTitle}</h2>
          <form method="post" action={`/admin/plans/${plan.id}/transition`} className="narrow" noValidate>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="transition" value="evaluate" />
            <SelectField
              name="outcome"
              label={m.outcome}
              options={Object.entries(m.outcomes).map(([value, label]) => ({ value, label }))}
              error={errorFor(errors, 'evaluation')}
            />
            <TextField name="measuredValue" label={m.measuredValue} width="short" error={errorFor(errors, 'measuredValue')} />
            <TextAreaField name="note" label={m.evaluationNote} rows={3} />
            <button type="submit" className="button">
              {transitionNames[ctx.lang].evaluate}
            </button>
          </form>
        </section>
      )}
      {(otherTransitions.length > 0 || canDelete) && (
        <div className="actions section-box">
          {otherTransitions.map((transition) => (
            <form key={transition} method="post" action={`/admin/plans/${plan.id}/transition`}>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="transition" value={transition} />
              <button type="submit" className="button">
                {transitionNames[ctx.lang][transition]}
              </button>
            </form>
          ))}
          {canDelete && (
            <form method="post" action={`/admin/plans/${plan.id}/delete`}>
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" className="button button--warning">
                {m.deleteDraft}
              </button>
            </form>
          )}
        </div>
      )}
      <section className="section-box" aria-labelledby="history">
        <h2 id="history">{m.history}</h2>
        <ul>
          {events.map((event, i) => (
            <li
              key={i}
            >{`${formatDateTime(event.at, ctx.lang)} — ${event.actor_name ?? m.system}: ${eventName(event.transition, ctx.lang)} → ${statusName(event.to_status, ctx.lang)} (${m.version} ${event.version})`}</li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
