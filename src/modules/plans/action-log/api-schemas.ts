import { actionProgresses, entryKinds, entryLimits } from './rules.js';

/** What the action log API takes and answers (OpenAPI and the serializer). */

const string = { type: 'string' } as const;
const nullableInstant = { type: ['string', 'null'], format: 'date-time' } as const;

const entryFields = {
  kind: { type: 'string', maxLength: 40, description: `One of: ${entryKinds.join(', ')}` },
  day: { type: 'string', maxLength: 10, description: 'YYYY-MM-DD, not in the future; today when left out' },
  time: { type: 'string', maxLength: 5, description: 'HH:MM, optional' },
  place: { type: 'string', maxLength: entryLimits.place * 2 },
  withWhom: { type: 'string', maxLength: entryLimits.withWhom * 2 },
  note: { type: 'string', maxLength: entryLimits.note * 2 },
  completes: { type: 'boolean', description: 'This entry finishes the action (it is done)' },
} as const;

export const newEntryBody = {
  type: 'object',
  additionalProperties: false,
  required: ['actionIndex', 'kind'],
  properties: {
    actionIndex: { type: 'integer', minimum: 0, maximum: 1000, description: 'Position of the action in the plan (0 = first)' },
    ...entryFields,
  },
} as const;

export const correctEntryBody = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'day'],
  properties: entryFields,
} as const;

export const entrySchema = {
  type: 'object',
  required: [
    'id',
    'planVersion',
    'actionIndex',
    'actionText',
    'kind',
    'kindName',
    'day',
    'time',
    'place',
    'withWhom',
    'note',
    'completes',
    'recordedBy',
    'recordedAt',
    'correctedAt',
    'mayChange',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    planVersion: { type: 'integer' },
    actionIndex: { type: 'integer' },
    actionText: string,
    kind: { type: 'string', enum: entryKinds },
    kindName: string,
    day: { type: 'string', format: 'date' },
    time: { type: ['string', 'null'] },
    place: string,
    withWhom: string,
    note: string,
    completes: { type: 'boolean' },
    recordedBy: string,
    recordedAt: { type: 'string', format: 'date-time' },
    correctedAt: nullableInstant,
    mayChange: { type: 'boolean', description: 'Whether you may still correct or withdraw it' },
  },
} as const;

export const planLogSchema = {
  type: 'object',
  required: ['planId', 'status', 'mayWrite', 'actions', 'orphans'],
  properties: {
    planId: { type: 'string', format: 'uuid' },
    status: string,
    mayWrite: { type: 'boolean', description: 'Whether you may add entries now' },
    actions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['index', 'description', 'from', 'to', 'progress', 'progressName', 'entries'],
        properties: {
          index: { type: 'integer' },
          description: string,
          from: { type: ['string', 'null'], format: 'date' },
          to: { type: ['string', 'null'], format: 'date' },
          progress: { type: 'string', enum: actionProgresses, description: 'not_started, in_progress, done or late' },
          progressName: string,
          entries: { type: 'array', items: entrySchema },
        },
      },
    },
    orphans: { type: 'array', items: entrySchema, description: 'Entries under an action a later version no longer has' },
  },
} as const;
