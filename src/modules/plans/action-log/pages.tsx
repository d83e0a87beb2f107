import type { FieldError } from '../../../platform/http/errors.js';
import {
  CheckboxField,
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  errorFor,
  TextAreaField,
  TextField,
} from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { PageContext } from '../../../platform/render/page-context.js';
import type { PlanLog } from './manage-action-log.js';
import { EntryList, ProgressTag } from './entry-list.js';
import { entryKindLabels, entryKinds, type LogEntry } from './rules.js';

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
    noActions: 'Plan nie ma działań do realizacji (nie jest opublikowany).',
    readOnly: 'Wpisy dodaje dzielnicowy rejonu albo jego dzisiejszy zastępca, gdy plan jest opublikowany lub w realizacji.',
    withdraw: 'Wycofaj',
    correct: 'Popraw',
    orphans: 'Wpisy do działań, których nie ma w obecnej wersji planu',
    orphansLead: 'Późniejsza wersja planu usunęła te działania; wpisy zostają, ale nie liczą się do żadnego działania.',
    correctTitle: 'Poprawa wpisu',
    correctLead: 'Działanie wpisu zostaje to samo; popraw pozostałe pola.',
    saveCorrection: 'Zapisz poprawkę',
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
    noActions: 'The plan has no actions to carry out (it is not published).',
    readOnly: 'Entries are added by the district officer or today’s substitute while the plan is published or in progress.',
    withdraw: 'Withdraw',
    correct: 'Correct',
    orphans: 'Entries for actions the current version of the plan no longer has',
    orphansLead: 'A later version of the plan removed these actions; the entries stay but count for no action.',
    correctTitle: 'Correcting an entry',
    correctLead: 'The entry’s action stays the same; correct the other fields.',
    saveCorrection: 'Save the correction',
  },
};

/** What an entry says (all but its action): the same fields add and correct it. */
function EntryFields({
  ctx,
  values,
  errors,
  today,
}: {
  ctx: PageContext;
  values: Record<string, string>;
  errors: FieldError[];
  today: string;
}) {
  const w = words[ctx.lang];
  return (
    <>
      <ChoiceGroup
        type="radio"
        name="kind"
        legend={w.kind}
        options={entryKinds.map((k) => [k, entryKindLabels[k][ctx.lang]])}
        values={[values.kind ?? '']}
        error={errorFor(errors, 'kind')}
      />
      <TextField name="day" label={w.day} type="date" value={values.day ?? today} error={errorFor(errors, 'day')} />
      <TextField
        name="time"
        label={w.time}
        hint={ctx.lang === 'pl' ? 'GG:MM' : 'HH:MM'}
        value={values.time ?? ''}
        error={errorFor(errors, 'time')}
      />
      <TextField name="place" label={w.place} value={values.place ?? ''} error={errorFor(errors, 'place')} />
      <TextField name="withWhom" label={w.withWhom} value={values.withWhom ?? ''} error={errorFor(errors, 'withWhom')} />
      <TextAreaField name="note" label={w.note} rows={3} value={values.note ?? ''} error={errorFor(errors, 'note')} />
      <CheckboxField name="completes" label={w.completes} checked={values.completes === 'on'} />
    </>
  );
}

/** Correcting an entry (/admin/plans/:id/dziennik/:entryId): its author, within the days the rules allow. */
export function CorrectEntryPage({
  ctx,
  planId,
  entry,
  today,
  errors,
  values,
}: {
  ctx: PageContext;
  planId: string;
  entry: LogEntry;
  today: string;
  errors: FieldError[];
  values: Record<string, string>;
}) {
  const w = words[ctx.lang];
  return (
    <Layout ctx={ctx} title={w.correctTitle}>
      <p>
        <a className="back-link" href={`/admin/plans/${planId}/dziennik`}>
          {w.title}
        </a>
      </p>
      <ErrorSummary lang={ctx.lang} errors={errors} />
      <h1>{w.correctTitle}</h1>
      <p className="lead">
        {w.action}: {entry.actionIndex + 1}. {entry.actionText}
      </p>
      <p>{w.correctLead}</p>
      <form method="post" action={`/admin/plans/${planId}/dziennik/${entry.id}`} noValidate>
        <CsrfField token={ctx.csrfToken} />
        <EntryFields ctx={ctx} values={values} errors={errors} today={today} />
        <button className="button" type="submit">
          {w.saveCorrection}
        </button>
      </form>
    </Layout>
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
  const controls = (e: LogEntry) =>
    log.mayChange(e) && (
      <span className="inline-form">
        {' '}
        <a href={`${url}/${e.id}`}>{w.correct}</a>{' '}
        <form method="post" action={`${url}/${e.id}/withdraw`} className="inline-form">
          <CsrfField token={ctx.csrfToken} />
          <button className="button button--secondary" type="submit">
            {w.withdraw}
          </button>
        </form>
      </span>
    );
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
        <form method="post" action={url} noValidate aria-labelledby="add-entry">
          <CsrfField token={ctx.csrfToken} />
          <h2 id="add-entry">{w.add}</h2>
          <ChoiceGroup
            type="radio"
            name="actionIndex"
            legend={w.action}
            options={log.actions.map((a) => [String(a.index), `${a.index + 1}. ${a.description}`])}
            values={[values.actionIndex ?? (log.actions.length === 1 ? '0' : '')]}
            error={errorFor(errors, 'actionIndex')}
          />
          <EntryFields ctx={ctx} values={values} errors={errors} today={today} />
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
            {action.index + 1}. {action.description} <ProgressTag progress={action.progress} lang={ctx.lang} />
          </h2>
          <EntryList ctx={ctx} entries={action.entries} actionText={action.description} controls={controls} />
        </section>
      ))}
      {log.orphans.length > 0 && (
        <section aria-labelledby="orphans">
          <h2 id="orphans">{w.orphans}</h2>
          <p>{w.orphansLead}</p>
          <EntryList ctx={ctx} entries={log.orphans} actionText="" controls={controls} />
        </section>
      )}
    </Layout>
  );
}
