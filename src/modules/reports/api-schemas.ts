import { reportStatuses } from './rules/index.js';
import { attachmentKinds } from './attachments/index.js';

/**
 * What the report API answers (OpenAPI and the serializer). An object that lists its properties
 * answers with those only: a field added to an answer must be added here too.
 */

const string = { type: 'string' } as const;
const nullableString = { type: ['string', 'null'] } as const;
const integer = { type: 'integer' } as const;
const boolean = { type: 'boolean' } as const;
const instant = { type: 'string', format: 'date-time' } as const;
const status = { type: 'string', enum: reportStatuses } as const;
const point = { type: 'object', required: ['lon', 'lat'], properties: { lon: { type: 'number' }, lat: { type: 'number' } } } as const;

export const categorySchema = {
  type: 'object',
  required: ['code', 'name', 'names', 'active', 'descriptionRequired', 'road', 'season'],
  properties: {
    code: string,
    name: { ...string, description: "In the request's language" },
    names: { type: 'object', required: ['pl', 'en'], properties: { pl: string, en: string } },
    active: { ...boolean, description: 'false: retired, no longer offered' },
    descriptionRequired: boolean,
    road: { ...boolean, description: 'Traffic police verify it too' },
    season: {
      type: ['object', 'null'],
      description: 'Accepted only in these months',
      required: ['fromMonth', 'toMonth'],
      properties: { fromMonth: integer, toMonth: integer },
    },
  },
} as const;

export const categoryListSchema = {
  type: 'object',
  required: ['categories'],
  properties: { categories: { type: 'array', items: categorySchema } },
} as const;

const publicProperties = {
  id: { ...integer, description: 'The public number of the report' },
  url: string,
  category: string,
  status,
  statusName: { ...string, description: "The status in words, in the request's language" },
  open: boolean,
  position: {
    type: ['object', 'null'],
    description: 'Approximate (a 50 m grid); null while the report awaits review or without a point',
    required: ['lon', 'lat', 'approximate'],
    properties: { ...point.properties, approximate: { type: 'boolean', enum: [true] } },
  },
  unitId: string,
  districtId: nullableString,
  createdAt: instant,
  statusChangedAt: instant,
  confirmations: integer,
  forwardedTo: nullableString,
  duplicateOf: { type: ['integer', 'null'] },
  awaitingReview: boolean,
} as const;
const publicRequired = Object.keys(publicProperties) as (keyof typeof publicProperties)[];

/** What anyone may see of a report. */
export const publicReportSchema = { type: 'object', required: publicRequired, properties: publicProperties } as const;

const internalProperties = {
  ...publicProperties,
  internal: {
    type: 'object',
    description: "Police only: never the reporter's e-mail or IP address",
    required: ['description', 'position', 'address', 'eventDate', 'eventTime', 'hasEmail', 'hold', 'erased'],
    properties: {
      description: string,
      position: { ...point, type: ['object', 'null'], description: 'The exact point' },
      address: nullableString,
      eventDate: { type: ['string', 'null'], format: 'date', description: 'The day of the event in Poland, as the resident gave it' },
      eventTime: {
        type: ['string', 'null'],
        pattern: '^\\d{2}:\\d{2}$',
        description: 'Its wall-clock time in Poland (HH:MM); null: no time given (not midnight)',
      },
      hasEmail: boolean,
      hold: {
        type: ['string', 'null'],
        enum: ['held', 'rejected', null],
        description: 'Held back by a flood limit, or rejected as fake; null: ordinary',
      },
      erased: {
        type: 'object',
        description: 'Fields the retention job erased → the days they were kept (an empty description then means "erased")',
        additionalProperties: integer,
      },
    },
  },
} as const;

/** The police view of a report: the public one and what only its police see. */
export const internalReportSchema = { type: 'object', required: [...publicRequired, 'internal'], properties: internalProperties } as const;

/** GET one report: the public view for anyone; `internal` and `history` for its police. */
export const reportDetailSchema = {
  type: 'object',
  required: publicRequired,
  properties: {
    ...internalProperties,
    attachments: {
      type: 'array',
      description: "Police only: the resident's files, cleaned of hidden data; each downloaded from its url by the report's police",
      items: {
        type: 'object',
        required: ['position', 'kind', 'contentType', 'size', 'url'],
        properties: {
          position: integer,
          kind: { type: 'string', enum: attachmentKinds },
          contentType: string,
          size: { ...integer, description: 'Bytes, as stored (after cleaning)' },
          url: { type: 'string', format: 'uri' },
        },
      },
    },
    history: {
      type: 'array',
      items: {
        type: 'object',
        required: ['at', 'actor', 'kind', 'from', 'to', 'districtId', 'note'],
        properties: {
          at: instant,
          actor: string,
          kind: string,
          from: { ...status, type: ['string', 'null'], enum: [...reportStatuses, null] },
          to: { ...status, type: ['string', 'null'], enum: [...reportStatuses, null] },
          districtId: nullableString,
          note: nullableString,
        },
      },
    },
  },
} as const;

export const nearbyReportsSchema = {
  type: 'object',
  required: ['reports'],
  properties: {
    reports: {
      type: 'array',
      items: {
        type: 'object',
        required: [...publicRequired, 'proximity', 'proximityText'],
        properties: {
          ...publicProperties,
          proximity: { type: 'string', enum: ['within_100_m', 'within_250_m', 'same_street', 'same_locality'] },
          proximityText: string,
        },
      },
    },
  },
} as const;

export const internalReportListSchema = {
  type: 'object',
  required: ['reports'],
  properties: { reports: { type: 'array', items: internalReportSchema } },
} as const;

/** A submission a bot filled the honeypot of: told nothing useful. */
export const acceptedSchema = { type: 'object', required: ['accepted'], properties: { accepted: boolean } } as const;

const mapReport = {
  type: 'object',
  required: ['id', 'url', 'category', 'categoryName', 'status', 'statusName', 'lat', 'lon'],
  properties: {
    id: integer,
    url: string,
    category: string,
    categoryName: string,
    status,
    statusName: string,
    lat: { type: 'number' },
    lon: { type: 'number' },
  },
} as const;

export const reportMapSchema = {
  type: 'object',
  required: ['zoom', 'approximate', 'precisionMeters', 'unplaced', 'mode', 'clusters', 'reports', 'truncated'],
  properties: {
    zoom: integer,
    approximate: boolean,
    precisionMeters: integer,
    unplaced: {
      type: 'array',
      description: "Reports given by address, without a point: counted at their district's label point",
      items: {
        type: 'object',
        required: ['district', 'count', 'lat', 'lon', 'approximate'],
        properties: {
          district: { type: 'object', required: ['id', 'name', 'url'], properties: { id: string, name: string, url: string } },
          count: integer,
          lat: { type: 'number' },
          lon: { type: 'number' },
          approximate: { type: 'string', enum: ['district'] },
        },
      },
    },
    mode: { type: 'string', enum: ['clusters', 'reports'] },
    clusters: {
      type: 'array',
      items: {
        type: 'object',
        required: ['lat', 'lon', 'count'],
        properties: { lat: { type: 'number' }, lon: { type: 'number' }, count: integer },
      },
    },
    reports: { type: 'array', items: mapReport },
    truncated: boolean,
  },
} as const;
