import { reportStatuses, reviewActions } from './rules/index.js';

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
const nullableText = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const;
const localizedName = {
  type: 'object',
  additionalProperties: false,
  required: ['pl', 'en'],
  properties: { pl: text(120), en: text(120) },
} as const;
const season = {
  type: ['object', 'null'],
  additionalProperties: false,
  required: ['fromMonth', 'toMonth'],
  properties: { fromMonth: { type: 'integer', minimum: 1, maximum: 12 }, toMonth: { type: 'integer', minimum: 1, maximum: 12 } },
} as const;

export const idParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: 9_007_199_254_740_991 } },
} as const;

// Lengths here only stop absurd input; the rules (rules/intake.ts) give the clear messages.
export const reportBody = {
  type: 'object',
  additionalProperties: false,
  required: ['category'],
  properties: {
    category: text(60),
    lat: { type: ['number', 'null'], minimum: -90, maximum: 90 },
    lon: { type: ['number', 'null'], minimum: -180, maximum: 180 },
    address: nullableText(400),
    description: nullableText(2000),
    email: nullableText(400),
    /** The day of the event in Poland ("2026-12-05" or "5.12.2026") and, optionally, its time ("21:30"). */
    eventDate: nullableText(40),
    eventTime: nullableText(20),
    /** Older clients: an instant, taken at its day and minute in Poland. */
    eventAt: { type: ['string', 'null'], format: 'date-time' },
    /** The honeypot: people never see it, bots fill it in. */
    website: nullableText(400),
  },
} as const;

/**
 * The same report as multipart/form-data (fields are text there), with files in parts named
 * "attachments": police only, their kind told from the bytes (reports/attachments).
 */
export const reportFormBody = {
  type: 'object',
  additionalProperties: false,
  required: ['category'],
  properties: {
    category: text(60),
    lat: { ...text(30), description: 'Latitude, WGS84, as text (a decimal comma is read too)' },
    lon: { ...text(30), description: 'Longitude, WGS84, as text' },
    address: text(400),
    description: text(2000),
    email: text(400),
    eventDate: text(40),
    eventTime: text(20),
    eventAt: { ...text(40), format: 'date-time', description: 'Date and time of the event (ISO 8601 with zone)' },
    website: text(400),
    attachments: { description: 'A file; repeat the part for several (see the summary for kinds and limits)' },
  },
} as const;

export const nearbyQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['category'],
  properties: {
    category: text(60),
    lat: { type: 'number', minimum: -90, maximum: 90 },
    lon: { type: 'number', minimum: -180, maximum: 180 },
    address: text(200),
  },
} as const;

const statusFields = {
  status: { type: 'string', enum: [...reportStatuses] },
  note: nullableText(2000),
  forwardedTo: nullableText(200),
} as const;

export const statusBody = {
  type: 'object',
  additionalProperties: false,
  required: ['status'],
  properties: { ...statusFields, duplicateOf: { type: ['integer', 'null'], minimum: 1 } },
} as const;

/** The reports of a bulk action: at most a queue page's worth. */
const reportIds = { type: 'array', minItems: 1, maxItems: 500, items: { type: 'integer', minimum: 1 } } as const;

export const bulkStatusBody = {
  type: 'object',
  additionalProperties: false,
  required: ['ids', 'status'],
  properties: { ids: reportIds, ...statusFields },
} as const;

const reviewFields = {
  action: {
    type: 'string',
    enum: [...reviewActions],
    description: 'release: publish it as any report; reject: close it as a prank, never public',
  },
  note: nullableText(2000),
} as const;

export const reviewBody = { type: 'object', additionalProperties: false, required: ['action'], properties: reviewFields } as const;

export const bulkReviewBody = {
  type: 'object',
  additionalProperties: false,
  required: ['ids', 'action'],
  properties: { ids: reportIds, ...reviewFields },
} as const;

export const assignmentBody = {
  type: 'object',
  additionalProperties: false,
  required: ['districtId'],
  properties: { districtId: { type: ['string', 'null'], maxLength: 80 }, note: nullableText(2000) },
} as const;

export const categoryBody = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name'],
  properties: { code: text(60), name: localizedName, descriptionRequired: { type: 'boolean' }, road: { type: 'boolean' }, season },
} as const;

export const categoryUpdateBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'active', 'descriptionRequired', 'road'],
  properties: {
    name: localizedName,
    active: { type: 'boolean' },
    descriptionRequired: { type: 'boolean' },
    road: { type: 'boolean' },
    season,
  },
} as const;
