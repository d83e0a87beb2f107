import type { FieldError } from '../../../platform/http/errors.js';
import { formatCalendarDay } from '../../../platform/i18n/i18n.js';
import { CheckboxField, CsrfField, ErrorSummary, errorFor, Tag, TextAreaField, TextField } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { PageContext } from '../../../platform/render/page-context.js';
import type { PlanLog } from './manage-action-log.js';
import { actionProgressLabels, entryKindLabels, entryKinds, type ActionProgress } from './rules.js';

const words = {
  pl: {
    title: 'Dziennik działań',
    lead: 'Co zrobiono w ramach planu: każde działanie planu z jego stanem i wpisami.',
    back: 'Wróć do planu',
    add: 'Dodaj wpis',
    action: 'Działanie planu',
    kind: 'Co zrobiono',
    day: 'Data',
    time: 'Godzina (nieobowiązkowo)',
    place: 'Miejsce',
    withWhom: 'Z kim',
    note: 'Krótka notatka',
    completes: 'To kończy działanie (wykonane)',
    save: 'Zapisz wpis',
    none: 'Brak wpisów.',
    noActions: 'Plan nie ma działań do realizacji (nie jest opublikowany).',
    readOnly: 'Wpisy dodaje dzielnicowy rejonu albo jego dzisiejszy zastępca, gdy plan jest opublikowany lub w realizacji.',
    withdraw: 'Wycofaj',
  },
  en: {
    title: 'Action log',
    lead: 'What was done to carry out the plan: each action of the plan with its status and entries.',
    back: 'Back to the plan',
    add: 'Add an entry',
    action: 'Plan action',
    kind: 'What was done',
    day: 'Date',
    time: 'Time (optional)',
    place: 'Place',
    withWhom: 'With whom',
    note: 'Short note',
    completes: 'This finishes the action (done)',
    save: 'Save the entry',
    none: 'No entries.',
    noActions: 'The plan has no actions to carry out (it is not published).',
    readOnly: 'Entries are added by the district officer or today’s substitute while the plan is published or in progress.',
    withdraw: 'Withdraw',
  },
};

const tones: Record<ActionProgress, 'grey' | 'green' | 'blue' | 'red'> = {
  not_started: 'grey',
  in_progress: 'blue',
  done: 'green',
  late: 'red',
};

function Radios({
  name,
  legend,
  options,
  value,
  error,
}: {
  name: string;
  legend: string;
  options: [string, string][];
  value: string;
  error?: string | undefined;
}) {
  return (
    <fieldset className={error ? 'fieldset fieldset--inner field--error' : 'fieldset fieldset--inner'}>
      <legend className="fieldset__legend">{legend}</legend>
      {error && (
        <p className="field__error" id={`field-${name}-error`}>
          {error}
        </p>
      )}
      {options.map(([code, label], i) => (
        <div className="field checkbox" key={code}>
          <input
            className="checkbox__input"
            type="radio"
            name={name}
            value={code}
            id={i === 0 ? `field-${name}` : `field-${name}-${code}`}
            defaultChecked={value === code}
          />
          <label className="checkbox__label" htmlFor={i === 0 ? `field-${name}` : `field-${name}-${code}`}>
            {label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** The action log of one plan (/admin/plans/:id/dziennik): statuses and entries, and the short form for a phone. */
export function ActionLogPage({
  ctx,
  log,
  planTitle,
  today,
  errors,
  values,
}: {
  ctx: PageContext;
  log: PlanLog;
  planTitle: string;
  today: string;
  errors: FieldError[];
  values: Record<string, string>;
}) {
  const w = words[ctx.lang];
  const url = `/admin/plans/${log.plan.id}/dziennik`;
  return (
    <Layout ctx={ctx} title={`${w.title}: ${planTitle}`}>
      <p>
        <a href={`/admin/plans/${log.plan.id}`}>{w.back}</a>
      </p>
      <h1>{w.title}</h1>
      <p className="lead">
        {planTitle}. {w.lead}
      </p>
      <ErrorSummary lang={ctx.lang} errors={errors} />
      {log.mayWrite && log.actions.length > 0 && (
        <form method="post" action={url} noValidate>
          <CsrfField token={ctx.csrfToken} />
          <h2>{w.add}</h2>
          <Radios
            name="actionIndex"
            legend={w.action}
            options={log.actions.map((a) => [String(a.index), `${a.index + 1}. ${a.description}`])}
            value={values.actionIndex ?? (log.actions.length === 1 ? '0' : '')}
            error={errorFor(errors, 'actionIndex')}
          />
          <Radios
            name="kind"
            legend={w.kind}
            options={entryKinds.map((k) => [k, entryKindLabels[k][ctx.lang]])}
            value={values.kind ?? ''}
            error={errorFor(errors, 'kind')}
          />
          <TextField name="day" label={w.day} type="date" value={values.day ?? today} error={errorFor(errors, 'day')} />
          <TextField name="time" label={w.time} hint="GG:MM" value={values.time ?? ''} error={errorFor(errors, 'time')} />
          <TextField name="place" label={w.place} value={values.place ?? ''} error={errorFor(errors, 'place')} />
          <TextField name="withWhom" label={w.withWhom} value={values.withWhom ?? ''} error={errorFor(errors, 'withWhom')} />
          <TextAreaField name="note" label={w.note} rows={3} value={values.note ?? ''} error={errorFor(errors, 'note')} />
          <CheckboxField name="completes" label={w.completes} checked={values.completes === 'on'} />
          <button className="button" type="submit">
            {w.save}
          </button>
        </form>
      )}
      {!log.mayWrite && <p>{w.readOnly}</p>}
      {log.actions.length === 0 && <p>{w.noActions}</p>}
      {log.actions.map((action) => (
        <section key={action.index} aria-labelledby={`action-${action.index}`}>
          <h2 id={`action-${action.index}`}>
            {action.index + 1}. {action.description}{' '}
            <Tag tone={tones[action.progress]}>{actionProgressLabels[action.progress][ctx.lang]}</Tag>
          </h2>
          {action.entries.length === 0 ? (
            <p>{w.none}</p>
          ) : (
            <ul>
              {action.entries.map((e) => (
                <li key={e.id}>
                  <strong>
                    {formatCalendarDay(e.day, ctx.lang)}
                    {e.time ? ` ${e.time}` : ''}: {entryKindLabels[e.kind][ctx.lang]}
                  </strong>
                  {[e.place, e.withWhom, e.note].filter(Boolean).map((text, i) => (
                    <span key={i}> · {text}</span>
                  ))}
                  {e.completes && <> · {actionProgressLabels.done[ctx.lang]}</>}
                  <span> ({e.recordedByName ?? e.recordedBy})</span>
                  {log.mayChange(e) && (
                    <form method="post" action={`${url}/${e.id}/withdraw`} className="inline-form">
                      <CsrfField token={ctx.csrfToken} />
                      <button className="button button--secondary" type="submit">
                        {w.withdraw}
                      </button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </Layout>
  );
}
