import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import { errorResponses } from '../../platform/http/openapi.js';
import { actorOf } from '../../platform/http/request-context.js';
import { absoluteUrl } from '../../platform/http/site-url.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { calendarText } from './icalendar.js';
import { cancelMeeting, changeMeeting, createMeeting, recordOutcome } from './manage-meetings.js';
import { meetingMessages } from './messages.js';
import type { Meeting } from './model.js';
import { districtMeetings, unitMeetings, type MeetingScope } from './read-meetings.js';
import { meetingTarget } from './route-target.js';
import { kindLabels, listingOrder } from './rules.js';
import { cancelBody, meetingBody, meetingChangeBody, meetingListSchema, meetingSchema, outcomeBody } from './schemas.js';

const present = (m: Meeting, lang: Lang) => ({
  id: m.id,
  unitId: m.unitId,
  districtIds: m.districtIds,
  kind: m.kind,
  kindLabel: kindLabels[m.kind][lang],
  day: m.day,
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  place: m.place,
  topic: m.topic,
  sequence: m.sequence,
  cancelled: m.cancelled,
  cancelReason: m.cancelReason,
  participants: m.participants,
  topicsRaised: m.topicsRaised,
});

/** Meetings and debates: the JSON API (lists per district and unit; create, change, cancel, record) and the .ics feeds. */
export function registerMeetingRoutes(app: FastifyInstance, config: Config, database: Database): void {
  const db = database.db;
  const tags = ['meetings'];
  const target = meetingTarget(db);

  const list = (request: FastifyRequest, scope: MeetingScope) => {
    const { upcoming, past } = listingOrder(scope.meetings, warsawToday());
    return {
      upcoming: upcoming.map((m) => present(m, request.lang)),
      past: past.map((m) => present(m, request.lang)),
      calendar: absoluteUrl(request, config, `${scope.path}/spotkania.ics`),
    };
  };
  const feed = (request: FastifyRequest, reply: FastifyReply, scope: MeetingScope) => {
    const page = absoluteUrl(request, config, scope.path);
    const host = new URL(page).host;
    const events = scope.meetings.map((m) => ({
      uid: `${m.id}@${host}`,
      sequence: m.sequence,
      day: m.day,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      summary: `${kindLabels[m.kind].pl}: ${m.topic}`,
      location: m.place,
      // A cancelled event says why first: a calendar shows the start of the description.
      description: `${m.cancelReason === null ? '' : `${meetingMessages.pl.cancelledBecause(m.cancelReason)}\n`}${m.topic}\n${page}`,
      url: page,
      cancelled: m.cancelled,
      updatedAt: m.updatedAt,
    }));
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(calendarText(`Spotkania – ${scope.name}`, events, new Date()));
  };

  app.get<{ Params: { unit: string; number: string } }>(
    '/api/v1/districts/:unit/:number/meetings',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Meetings and debates about a district: upcoming first, then past ones with participants and topics raised',
        response: { 200: meetingListSchema, ...errorResponses(404) },
      },
    },
    async (request) => list(request, await districtMeetings(db, request.params.unit, request.params.number)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/units/:id/meetings',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Meetings and debates a unit organises: upcoming first, then past ones',
        response: { 200: meetingListSchema, ...errorResponses(404) },
      },
    },
    async (request) => list(request, await unitMeetings(db, request.params.id)),
  );

  app.get<{ Params: { unit: string; number: string } }>(
    '/rejony/:unit/:number/spotkania.ics',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => feed(request, reply, await districtMeetings(db, request.params.unit, request.params.number)),
  );

  app.get<{ Params: { id: string } }>(
    '/jednostki/:id/spotkania.ics',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => feed(request, reply, await unitMeetings(db, request.params.id)),
  );

  app.post<{ Body: FromSchema<typeof meetingBody> }>(
    '/api/v1/meetings',
    {
      config: { access: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Announce a meeting or debate (the officer for their districts; a supervisor or commander for the unit)',
        body: meetingBody,
        response: { 201: meetingSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const principal = requireAllowed(request, 'meeting.manage');
      const meeting = await createMeeting(db, principal, actorOf(request), request.body);
      return reply.status(201).send(present(meeting, request.lang));
    },
  );

  app.patch<{ Params: { id: string }; Body: FromSchema<typeof meetingChangeBody> }>(
    '/api/v1/meetings/:id',
    {
      config: { access: 'meeting.manage', target },
      schema: {
        tags,
        summary: 'Change an event before it ends (its SEQUENCE goes up)',
        body: meetingChangeBody,
        response: { 200: meetingSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'meeting.manage');
      return present(await changeMeeting(db, principal, actorOf(request), request.params.id, request.body), request.lang);
    },
  );

  app.post<{ Params: { id: string }; Body: FromSchema<typeof cancelBody> }>(
    '/api/v1/meetings/:id/cancel',
    {
      config: { access: 'meeting.manage', target },
      schema: {
        tags,
        summary: 'Cancel an event with the reason residents will read; it stays listed as cancelled',
        body: cancelBody,
        response: { 200: meetingSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'meeting.manage');
      return present(await cancelMeeting(db, principal, actorOf(request), request.params.id, request.body.reason), request.lang);
    },
  );

  app.post<{ Params: { id: string }; Body: FromSchema<typeof outcomeBody> }>(
    '/api/v1/meetings/:id/outcome',
    {
      config: { access: 'meeting.manage', target },
      schema: {
        tags,
        summary: 'Record, from the event’s day on, the number of participants and the topics raised',
        body: outcomeBody,
        response: { 200: meetingSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'meeting.manage');
      const { participants, topicsRaised } = request.body;
      return present(
        await recordOutcome(db, principal, actorOf(request), request.params.id, { participants, topicsRaised: topicsRaised ?? '' }),
        request.lang,
      );
    },
  );
}
