import type { FrozenMeasure } from '../measure/model.js';
import { MeasureBlock } from '../measure/measure-block.js';
import type { PageContext } from '../../../platform/render/page-context.js';
import { Layout } from '../../../platform/render/layout.js';
import { CsrfField, ErrorSummary, Tag, TextAreaField, errorFor } from '../../../platform/render/components.js';
import type { FieldError } from '../../../platform/http/errors.js';
import { formatBytes, formatCalendarDay, formatDateTime } from '../../../platform/i18n/i18n.js';
import type { PlanSourceInfo } from '../import/source-repository.js';
import { commentPlace, eventName, statusName, transitionNames } from '../messages.js';
import type { Plan, PlanContent } from '../model.js';
import type { Deadline, PlanTiming } from '../rules.js';
import type { PlanVersion } from '../repository.js';
import type { Transition } from '../workflow.js';
import { PlanDocumentView, TimingTag } from '../public/pages.js';
import type { PlanDocument } from '../publication/document.js';
import { editorMessages } from './messages.js';
import { VersionDiff } from './version-diff.js';
import { Editor } from './editor-form.js';
import { EvaluationForm } from './evaluation-form.js';
import type { MapTiles } from '../../../platform/config/config.js';
import type { Evidence } from '../drafting/read-evidence.js';
import { EvidencePanel } from '../drafting/evidence-panel.js';
import { ActionProgressSection } from '../action-log/entry-list.js';
import type { PlanLog } from '../action-log/manage-action-log.js';

export const day = (value: string, ctx: PageContext) => formatCalendarDay(value, ctx.lang);

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
  /** The registry's partners the plan may name (its unit's and those above it). */
  partners: { id: string; name: string }[];
  errors: FieldError[];
  /** The goal's area as typed, shown again when the form comes back with errors (area-text.ts may not have read it). */
  typedArea?: { name: string; text: string } | undefined;
  periodFrom: string;
  periodTo: string;
  /** The file an imported plan was read from (the "imported" marker), or null. */
  source: PlanSourceInfo | null;
  timing: PlanTiming;
  /** The measure frozen with the latest approved version (what the evaluation will use), or null. */
  measure: FrozenMeasure | null;
  /** Whether the person may open the action log (administrators may not: no dead link for them). */
  showActionLog: boolean;
  /** The drafting panel's evidence, for those who may edit the draft; null for everyone else. */
  evidence: Evidence | null;
  map: MapTiles;
  /** The actions' statuses and entries, for those who may read the log of a carried-out plan; else null. */
  log: PlanLog | null;
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
      <ErrorSummary lang={ctx.lang} errors={errors} fields={{ communication: 'communication.std.0', comments: 'comment.general' }} />
      <p className="caption">{unitName}</p>
      <h1>{`${districtName}: ${day(plan.periodFrom, ctx)} – ${day(plan.periodTo, ctx)}`}</h1>
      <p>
        <TimingTag timing={props.timing} lang={ctx.lang} /> <Tag tone="blue">{statusName(plan.status, ctx.lang)}</Tag> · {m.version}{' '}
        {plan.version}
        {plan.publishedVersion !== null && (
          <>
            {' · '}
            <a href={`/plany/${plan.id}`}>{m.publicPage}</a>
            {props.showActionLog && (
              <>
                {' · '}
                <a href={`/admin/plans/${plan.id}/dziennik`}>{ctx.lang === 'pl' ? 'Dziennik działań' : 'Action log'}</a>
              </>
            )}
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
      {props.log && <ActionProgressSection ctx={ctx} log={props.log} />}
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
      {canEdit && props.evidence && (
        <EvidencePanel ctx={ctx} planId={plan.id} content={content} evidence={props.evidence} map={props.map} errors={errors} />
      )}
      {canEdit ? <Editor {...props} /> : <PlanDocumentView document={document} />}
      {props.measure && <MeasureBlock measure={props.measure} lang={ctx.lang} />}
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
      {transitions.includes('evaluate') && <EvaluationForm ctx={ctx} plan={plan} errors={errors} />}
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
