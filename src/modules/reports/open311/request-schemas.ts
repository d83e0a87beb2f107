import type { Lang } from '../../../platform/i18n/i18n.js';

// What the Open311 endpoints take: query strings and the body of a new request, for validation and OpenAPI.

export const defaultPageSize = 50;
export const maxPageSize = 100;

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
const langParam = { type: 'string', enum: ['pl', 'en'], description: 'Answer language (default: Accept-Language, else Polish)' } as const;
const jurisdictionParam = { ...text(200), description: 'Accepted and ignored: this endpoint serves one jurisdiction' } as const;

export const commonQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { lang: langParam, jurisdiction_id: jurisdictionParam },
} as const;

export const requestsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    lang: langParam,
    jurisdiction_id: jurisdictionParam,
    service_request_id: { ...text(2000), description: 'Comma-separated request numbers; overrides every other filter' },
    service_code: { ...text(2000), description: 'Comma-separated service codes' },
    start_date: { ...text(40), description: 'W3C date-time with zone, e.g. 2026-11-05T08:15:30Z (requested_datetime from)' },
    end_date: { ...text(40), description: 'W3C date-time with zone (requested_datetime up to, inclusive)' },
    status: { ...text(40), description: 'open, closed or open,closed' },
    page: { type: 'integer', minimum: 1, maximum: 100_000, description: 'Extension: page number, from 1' },
    page_size: {
      type: 'integer',
      minimum: 1,
      maximum: maxPageSize,
      description: `Extension: requests per page, default ${defaultPageSize}`,
    },
  },
} as const;

export interface RequestsQuery {
  lang?: Lang;
  jurisdiction_id?: string;
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
  page?: number;
  page_size?: number;
}

export const postQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    lang: langParam,
    jurisdiction_id: jurisdictionParam,
    api_key: { ...text(200), description: 'Accepted and ignored: reports are sent without an account' },
  },
} as const;

const coordinateField = (description: string) => ({ type: ['number', 'string'], maxLength: 40, description }) as const;
const ignored = (max: number) => ({ ...text(max), description: 'Accepted and ignored (not stored)' }) as const;

// Forms send text and JSON sends numbers: coordinates take both and are read in the handler.
export const postBody = {
  type: 'object',
  additionalProperties: false,
  required: ['service_code'],
  properties: {
    service_code: text(60),
    lat: coordinateField('Latitude, WGS84'),
    long: coordinateField('Longitude, WGS84'),
    address_string: { ...text(400), description: 'Instead of lat/long, e.g. "Lubartów, ul. Powstańców Warszawy 17"' },
    description: { ...text(2000), description: 'Seen only by the police; at most 500 characters' },
    email: { ...text(400), description: 'Optional: status news; erased when the report closes' },
    api_key: { ...text(200), description: 'Accepted and ignored: reports are sent without an account' },
    jurisdiction_id: jurisdictionParam,
    device_id: ignored(200),
    account_id: ignored(200),
    first_name: ignored(200),
    last_name: ignored(200),
    phone: ignored(100),
    // Named so that a client sending them learns why they are refused (routes.ts), not only that they are unknown.
    media_url: {
      ...text(2000),
      description: 'Refused (400): the server never fetches an address it is given; attach files on the report form',
    },
    media: { description: 'Refused (400): files are not taken through Open311; attach them on the report form' },
  },
  // Generic clients may send attribute[code]=value; no service defines a variable attribute, so they are ignored.
  patternProperties: { '^attribute\\[[^\\]]{1,60}\\]$': text(2000) },
} as const;

export interface PostBody {
  service_code: string;
  lat?: number | string;
  long?: number | string;
  address_string?: string;
  description?: string;
  email?: string;
  media_url?: string;
  media?: unknown;
}

export const fileParams = { type: 'object', additionalProperties: false, required: ['file'], properties: { file: text(120) } } as const;
