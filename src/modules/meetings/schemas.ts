import { cancelReasonMax, meetingKinds, participantsMax, placeMax, topicMax, topicsRaisedMax } from './rules.js';

/** Request bodies and answers of the meetings API (OpenAPI and the serializer). */
const string = { type: 'string' } as const;
const day = { type: 'string', description: 'YYYY-MM-DD, in Poland' } as const;
const time = { type: 'string', description: 'HH:MM, Europe/Warsaw' } as const;

const detailsProperties = {
  kind: { type: 'string', enum: meetingKinds },
  day,
  startsAt: time,
  endsAt: time,
  place: { type: 'string', maxLength: placeMax, description: 'The address' },
  topic: { type: 'string', maxLength: topicMax },
  districtIds: { type: 'array', minItems: 1, maxItems: 50, items: { type: 'string', maxLength: 120 } },
} as const;

export const meetingBody = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'day', 'startsAt', 'endsAt', 'place', 'topic', 'districtIds'],
  properties: detailsProperties,
} as const;

export const meetingChangeBody = { type: 'object', additionalProperties: false, properties: detailsProperties } as const;

export const outcomeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['participants'],
  properties: {
    participants: { type: 'integer', minimum: 0, maximum: participantsMax },
    topicsRaised: { type: 'string', maxLength: topicsRaisedMax },
  },
} as const;

export const cancelBody = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: {
    reason: {
      type: 'string',
      maxLength: cancelReasonMax,
      description: 'Why the event is cancelled (3 to 500 characters); residents see it',
    },
  },
} as const;

export const meetingSchema = {
  type: 'object',
  required: [
    'id',
    'unitId',
    'districtIds',
    'kind',
    'kindLabel',
    'day',
    'startsAt',
    'endsAt',
    'place',
    'topic',
    'sequence',
    'cancelled',
    'cancelReason',
    'participants',
    'topicsRaised',
  ],
  properties: {
    id: string,
    unitId: string,
    districtIds: { type: 'array', items: string },
    kind: { type: 'string', enum: meetingKinds },
    kindLabel: { ...string, description: "In the request's language" },
    day,
    startsAt: time,
    endsAt: time,
    place: string,
    topic: string,
    sequence: { type: 'integer', description: 'Raised on every change (iCalendar SEQUENCE)' },
    cancelled: { type: 'boolean', description: 'Cancelled events stay listed' },
    cancelReason: { type: ['string', 'null'], description: 'Why it was cancelled; null unless it was' },
    participants: { type: ['integer', 'null'], description: 'Recorded after the event' },
    topicsRaised: { type: ['string', 'null'], description: 'Recorded after the event' },
  },
} as const;

export const meetingListSchema = {
  type: 'object',
  required: ['upcoming', 'past', 'calendar'],
  properties: {
    upcoming: { type: 'array', items: meetingSchema, description: 'Today and later, soonest first' },
    past: { type: 'array', items: meetingSchema, description: 'Latest first' },
    calendar: { ...string, description: 'The iCalendar feed (.ics) of these events' },
  },
} as const;
