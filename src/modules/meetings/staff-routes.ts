import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import { seesWholeUnit } from '../../platform/auth/policy.js';
import type { FieldError } from '../../platform/http/errors.js';
import { formErrorsFrom, formFields, formList } from '../../platform/http/forms.js';
import { actorOf, pageContext } from '../../platform/http/request-context.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import { sendPage } from '../../platform/render/render.js';
import { districtChoicesFor } from '../districts/index.js';
import { cancelMeeting, changeMeeting, createMeeting, recordOutcome } from './manage-meetings.js';
import { managedMeeting, staffMeetings } from './read-meetings.js';
import { meetingTarget } from './route-target.js';
import { staffNotices } from './staff-messages.js';
import { MeetingListPage, MeetingPage, NewMeetingPage, staffUrl, type MeetingFormValues } from './staff-pages.js';

/** The form as typed: every district ticked (a repeated field), the rest as strings. */
function typed(body: unknown): MeetingFormValues {
  const f = formFields(body);
  return {
    kind: f.kind ?? '',
    day: f.day ?? '',
    startsAt: f.startsAt ?? '',
    endsAt: f.endsAt ?? '',
    place: f.place ?? '',
    topic: f.topic ?? '',
    districtIds: formList(body, 'districtIds'),
  };
}

/** A whole number as typed; anything else is NaN, which the outcome rule words as an error. */
const wholeNumber = (text: string | undefined) => (/^\s*\d{1,9}\s*$/.test(text ?? '') ? Number(text) : Number.NaN);

const noticeOf = (request: FastifyRequest) => {
  const notice = (request.query as Record<string, unknown>).notice;
  return typeof notice === 'string' && Object.hasOwn(staffNotices, notice)
    ? staffNotices[notice as keyof typeof staffNotices][request.lang]
    : null;
};

/**
 * The staff pages of meetings (/admin/meetings): server HTML that works without JavaScript. Each
 * write calls the API's use case, so the checks and messages are the API's; an error shows the
 * form again with what was typed.
 */
export function registerMeetingPages(app: FastifyInstance, database: Database): void {
  const db = database.db;
  const target = meetingTarget(db);

  app.get('/admin/meetings', { config: { access: 'meeting.manage' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'meeting.manage');
    const [groups, choices] = await Promise.all([staffMeetings(db, principal), districtChoicesFor(db, principal)]);
    const ctx = pageContext(request, reply, noticeOf(request));
    return sendPage(reply, createElement(MeetingListPage, { ctx, groups, mayAnnounce: choices.length > 0 }));
  });

  const showNew = async (request: FastifyRequest, reply: FastifyReply, values?: MeetingFormValues, errors: FieldError[] = []) => {
    const principal = requireAllowed(request, 'meeting.manage');
    const choices = await districtChoicesFor(db, principal);
    // An officer's own districts are ticked; a supervisor picks among the unit's.
    const initial = { kind: 'meeting', day: '', startsAt: '17:00', endsAt: '18:30', place: '', topic: '' };
    const form = values ?? { ...initial, districtIds: seesWholeUnit(principal.role) ? [] : choices.map((c) => c.id) };
    const page = createElement(NewMeetingPage, { ctx: pageContext(request, reply), choices, values: form, errors });
    return sendPage(reply, page, errors.length ? 400 : 200);
  };

  app.get('/admin/meetings/new', { config: { access: 'meeting.manage' }, schema: { hide: true } }, (request, reply) =>
    showNew(request, reply),
  );

  app.post('/admin/meetings', { config: { access: 'meeting.manage' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'meeting.manage');
    const values = typed(request.body);
    try {
      const meeting = await createMeeting(db, principal, actorOf(request), values);
      return reply.redirect(`${staffUrl}/${meeting.id}?notice=created`, 303);
    } catch (error) {
      return showNew(request, reply, values, formErrorsFrom(error, request.lang));
    }
  });

  const show = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    typedValues: { details?: MeetingFormValues; outcome?: { participants: string; topicsRaised: string }; cancelReason?: string } = {},
    errors: FieldError[] = [],
  ) => {
    const principal = requireAllowed(request, 'meeting.manage');
    const meeting = await managedMeeting(db, principal, request.params.id);
    const outcome = typedValues.outcome ?? {
      participants: meeting.participants === null ? '' : String(meeting.participants),
      topicsRaised: meeting.topicsRaised ?? '',
    };
    const page = createElement(MeetingPage, {
      ctx: pageContext(request, reply, errors.length ? null : noticeOf(request)),
      meeting,
      choices: await districtChoicesFor(db, principal),
      values: typedValues.details ?? meeting,
      outcome,
      cancelReason: typedValues.cancelReason ?? '',
      errors,
      today: warsawToday(),
    });
    return sendPage(reply, page, errors.length ? 400 : 200);
  };

  const onMeeting = { config: { access: 'meeting.manage', target }, schema: { hide: true } } as const;

  app.get<{ Params: { id: string } }>('/admin/meetings/:id', onMeeting, (request, reply) => show(request, reply));

  app.post<{ Params: { id: string } }>('/admin/meetings/:id', onMeeting, async (request, reply) => {
    const principal = requireAllowed(request, 'meeting.manage');
    const details = typed(request.body);
    try {
      await changeMeeting(db, principal, actorOf(request), request.params.id, details);
    } catch (error) {
      return show(request, reply, { details }, formErrorsFrom(error, request.lang));
    }
    return reply.redirect(`${staffUrl}/${request.params.id}?notice=changed`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/meetings/:id/cancel', onMeeting, async (request, reply) => {
    const principal = requireAllowed(request, 'meeting.manage');
    const reason = formFields(request.body).reason ?? '';
    try {
      await cancelMeeting(db, principal, actorOf(request), request.params.id, reason);
    } catch (error) {
      return show(request, reply, { cancelReason: reason }, formErrorsFrom(error, request.lang));
    }
    return reply.redirect(`${staffUrl}?notice=cancelled`, 303);
  });

  app.post<{ Params: { id: string } }>('/admin/meetings/:id/outcome', onMeeting, async (request, reply) => {
    const principal = requireAllowed(request, 'meeting.manage');
    const f = formFields(request.body);
    const outcome = { participants: f.participants ?? '', topicsRaised: f.topicsRaised ?? '' };
    try {
      await recordOutcome(db, principal, actorOf(request), request.params.id, {
        participants: wholeNumber(outcome.participants),
        topicsRaised: outcome.topicsRaised,
      });
    } catch (error) {
      return show(request, reply, { outcome }, formErrorsFrom(error, request.lang));
    }
    return reply.redirect(`${staffUrl}/${request.params.id}?notice=outcome`, 303);
  });
}
