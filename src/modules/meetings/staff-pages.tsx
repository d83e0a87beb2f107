import type { FieldError } from '../../platform/http/errors.js';
import { formatCalendarDay } from '../../platform/i18n/i18n.js';
import {
  ChoiceGroup,
  CsrfField,
  ErrorSummary,
  errorFor,
  SelectField,
  Tag,
  TextAreaField,
  TextField,
} from '../../platform/render/components.js';
import { Layout } from '../../platform/render/layout.js';
import type { PageContext } from '../../platform/render/page-context.js';
import { meetingMessages } from './messages.js';
import type { Meeting } from './model.js';
import { changeProblem, kindLabels, meetingKinds, type MeetingDetails, type StaffGroups } from './rules.js';
import { staffMessages } from './staff-messages.js';

/** A district the person may name in an event. */
export interface DistrictChoice {
  id: string;
  name: string;
  unitName: string;
}

/** What the form shows: as typed (after an error) or as stored. */
export type MeetingFormValues = MeetingDetails;

export const staffUrl = '/admin/meetings';

const districtLabel = (d: DistrictChoice) => `${d.name} (${d.unitName})`;
const districtNumber = (id: string) => id.slice(id.lastIndexOf('/') + 1);

function When({ ctx, meeting }: { ctx: PageContext; meeting: Meeting }) {
  return (
    <>
      <time dateTime={meeting.day}>{formatCalendarDay(meeting.day, ctx.lang)}</time>, {meeting.startsAt}–{meeting.endsAt}
    </>
  );
}

function Group({ ctx, heading, note, meetings }: { ctx: PageContext; heading: string; note?: string; meetings: Meeting[] }) {
  const s = staffMessages[ctx.lang];
  const id = `group-${heading.length}-${meetings.length}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {note && meetings.length > 0 && <p>{note}</p>}
      {meetings.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <ul className="meetings">
          {meetings.map((m) => (
            <li key={m.id} className="meeting">
              <p>
                <a href={`${staffUrl}/${m.id}`}>
                  <When ctx={ctx} meeting={m} />
                  {' · '}
                  {m.topic}
                </a>
              </p>
              <p className="muted small">
                {kindLabels[m.kind][ctx.lang]} · {m.place} · {s.districtsOf}: {m.districtIds.map(districtNumber).join(', ')}
                {m.participants !== null && <> · {meetingMessages[ctx.lang].participants(m.participants)}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** /admin/meetings: the events the person looks after, the ones waiting for their outcome first. */
export function MeetingListPage({ ctx, groups, mayAnnounce }: { ctx: PageContext; groups: StaffGroups<Meeting>; mayAnnounce: boolean }) {
  const s = staffMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={s.title}>
      <h1>{s.title}</h1>
      <p className="lead">{s.lead}</p>
      {mayAnnounce ? (
        <p>
          <a className="button" href={`${staffUrl}/new`}>
            {s.announce}
          </a>
        </p>
      ) : (
        <p>{s.noDistricts}</p>
      )}
      {groups.needsOutcome.length > 0 && (
        <div className="callout callout--warning">
          <Group ctx={ctx} heading={s.needsOutcome} note={s.needsOutcomeNote} meetings={groups.needsOutcome} />
        </div>
      )}
      <Group ctx={ctx} heading={s.upcoming} meetings={groups.upcoming} />
      <Group ctx={ctx} heading={s.past} meetings={groups.past} />
      <Group ctx={ctx} heading={s.cancelled} meetings={groups.cancelled} />
    </Layout>
  );
}

/** The fields of an event: the same form announces and changes it. */
function DetailsForm(props: {
  ctx: PageContext;
  action: string;
  submit: string;
  choices: DistrictChoice[];
  values: MeetingFormValues;
  errors: FieldError[];
}) {
  const { ctx, values, errors } = props;
  const s = staffMessages[ctx.lang];
  // A district of the event the person no longer serves stays a choice, so a change keeps it.
  const known = new Set(props.choices.map((c) => c.id));
  const options: [string, string][] = [
    ...props.choices.map((c): [string, string] => [c.id, districtLabel(c)]),
    ...values.districtIds.filter((id) => !known.has(id)).map((id): [string, string] => [id, id]),
  ];
  return (
    <form method="post" action={props.action} noValidate>
      <CsrfField token={ctx.csrfToken} />
      <SelectField
        name="kind"
        label={s.kind}
        value={values.kind}
        options={meetingKinds.map((k) => ({ value: k, label: kindLabels[k][ctx.lang] }))}
        error={errorFor(errors, 'kind')}
      />
      <TextField name="day" label={s.day} type="date" width="medium" value={values.day} error={errorFor(errors, 'day')} />
      {(['startsAt', 'endsAt'] as const).map((name) => (
        <TextField
          key={name}
          name={name}
          label={s[name]}
          hint={s.timeHint}
          type="time"
          width="short"
          value={values[name]}
          error={errorFor(errors, name)}
        />
      ))}
      <TextField name="place" label={s.place} hint={s.placeHint} value={values.place} error={errorFor(errors, 'place')} />
      <TextAreaField name="topic" label={s.topic} rows={3} value={values.topic} error={errorFor(errors, 'topic')} />
      <ChoiceGroup
        type="checkbox"
        name="districtIds"
        legend={s.districts}
        hint={s.districtsHint}
        options={options}
        values={values.districtIds}
        error={errorFor(errors, 'districtIds')}
      />
      <button className="button" type="submit">
        {props.submit}
      </button>
    </form>
  );
}

/** /admin/meetings/new: announcing an event; the officer's own districts are ticked. */
export function NewMeetingPage(props: { ctx: PageContext; choices: DistrictChoice[]; values: MeetingFormValues; errors: FieldError[] }) {
  const s = staffMessages[props.ctx.lang];
  return (
    <Layout ctx={props.ctx} title={s.newTitle}>
      <p>
        <a className="back-link" href={staffUrl}>
          {s.backToList}
        </a>
      </p>
      <ErrorSummary lang={props.ctx.lang} errors={props.errors} />
      <h1>{s.newTitle}</h1>
      <DetailsForm {...props} action={staffUrl} submit={s.publish} />
    </Layout>
  );
}

/** /admin/meetings/:id: change or cancel the event until its day ends; from its day on, record the outcome. */
export function MeetingPage(props: {
  ctx: PageContext;
  meeting: Meeting;
  choices: DistrictChoice[];
  values: MeetingFormValues;
  /** The outcome form as typed, after an error. */
  outcome: { participants: string; topicsRaised: string };
  /** The cancel form's reason as typed, after an error. */
  cancelReason: string;
  errors: FieldError[];
  today: string;
}) {
  const { ctx, meeting, errors, today } = props;
  const s = staffMessages[ctx.lang];
  const url = `${staffUrl}/${meeting.id}`;
  const mayChange = changeProblem(meeting, 'details', today) === null;
  const mayRecord = changeProblem(meeting, 'outcome', today) === null;
  return (
    <Layout ctx={ctx} title={`${s.editTitle}: ${meeting.topic}`}>
      <p>
        <a className="back-link" href={staffUrl}>
          {s.backToList}
        </a>
      </p>
      <ErrorSummary lang={ctx.lang} errors={errors} />
      <p className="caption">{kindLabels[meeting.kind][ctx.lang]}</p>
      <h1>{meeting.topic}</h1>
      <p>
        <strong>
          <When ctx={ctx} meeting={meeting} />
        </strong>
        {' · '}
        {meeting.place} {meeting.cancelled && <Tag tone="red">{s.cancelled}</Tag>}
      </p>
      {meeting.cancelReason !== null && (
        <p>
          {s.cancelReason}: {meeting.cancelReason}
        </p>
      )}
      <p>
        <a href={`/rejony/${meeting.districtIds[0]}`}>{s.publicPage}</a>
      </p>
      {meeting.cancelled && <p>{s.cancelledNote}</p>}
      {!meeting.cancelled && !mayChange && <p>{s.pastNote}</p>}
      {(mayRecord || meeting.participants !== null) && (
        <section className="section-box" aria-labelledby="outcome">
          <h2 id="outcome">{s.outcomeTitle}</h2>
          {mayRecord ? (
            <form method="post" action={`${url}/outcome`} noValidate>
              <CsrfField token={ctx.csrfToken} />
              <TextField
                name="participants"
                label={s.participants}
                width="short"
                value={props.outcome.participants}
                error={errorFor(errors, 'participants')}
              />
              <TextAreaField
                name="topicsRaised"
                label={s.topicsRaised}
                rows={4}
                value={props.outcome.topicsRaised}
                error={errorFor(errors, 'topicsRaised')}
              />
              <button className="button" type="submit">
                {s.saveOutcome}
              </button>
            </form>
          ) : (
            <p>{meetingMessages[ctx.lang].participants(meeting.participants ?? 0)}</p>
          )}
        </section>
      )}
      {mayChange && (
        <>
          {!mayRecord && <p>{s.outcomeLater}</p>}
          <section aria-labelledby="details">
            <h2 id="details">{s.details}</h2>
            <DetailsForm {...props} action={url} submit={s.save} />
          </section>
          <section className="section-box" aria-labelledby="cancel">
            <h2 id="cancel">{s.cancelTitle}</h2>
            <p>{s.cancelText}</p>
            <form method="post" action={`${url}/cancel`} noValidate>
              <CsrfField token={ctx.csrfToken} />
              <TextAreaField
                name="reason"
                label={s.cancelReason}
                hint={s.cancelReasonHint}
                rows={3}
                value={props.cancelReason}
                error={errorFor(errors, 'reason')}
              />
              <button className="button button--secondary" type="submit">
                {s.cancel}
              </button>
            </form>
          </section>
        </>
      )}
    </Layout>
  );
}
