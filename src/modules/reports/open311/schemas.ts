import { reportStatuses } from '../rules/index.js';

/**
 * What the Open311 endpoints answer, for OpenAPI. The answers go out as text already made (JSON
 * or XML, present.ts), so these describe them and serialize nothing; the XML forms carry the same
 * fields as elements.
 */

const string = { type: 'string' } as const;
const nullableString = { type: ['string', 'null'] } as const;

/** The specification's error answer, used for every error in this scope (not the API's envelope). */
export const open311ErrorsSchema = {
  type: 'array',
  description: 'GeoReport v2 errors: the HTTP status and a description in the requested language',
  items: { type: 'object', required: ['code', 'description'], properties: { code: { type: 'integer' }, description: string } },
} as const;

/** Every 4xx (and 5xx) of a JSON Open311 route: the specification's list. */
export function open311ErrorResponses(...statuses: number[]): Record<number, typeof open311ErrorsSchema> {
  return Object.fromEntries(statuses.map((status) => [status, open311ErrorsSchema]));
}

export const discoverySchema = {
  type: 'object',
  required: ['changeset', 'contact', 'key_service', 'endpoints'],
  properties: {
    changeset: { type: 'string', format: 'date-time' },
    contact: string,
    key_service: string,
    endpoints: {
      type: 'array',
      items: {
        type: 'object',
        required: ['specification', 'url', 'changeset', 'type', 'formats'],
        properties: {
          specification: string,
          url: string,
          changeset: { type: 'string', format: 'date-time' },
          type: string,
          formats: { type: 'array', items: string },
        },
      },
    },
  },
} as const;

export const servicesSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
    properties: {
      service_code: string,
      service_name: string,
      description: string,
      metadata: { type: 'boolean', description: 'true: the service definition has an attribute (a required description)' },
      type: { type: 'string', enum: ['realtime'] },
      keywords: { ...string, description: 'Comma-separated' },
      group: string,
    },
  },
} as const;

export const serviceDefinitionSchema = {
  type: 'object',
  required: ['service_code', 'attributes'],
  properties: {
    service_code: string,
    attributes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'],
        properties: {
          variable: { type: 'boolean' },
          code: string,
          datatype: string,
          required: { type: 'boolean' },
          datatype_description: nullableString,
          order: { type: 'integer' },
          description: string,
        },
      },
    },
  },
} as const;

export const serviceRequestsSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: [
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address_id',
      'zipcode',
      'lat',
      'long',
      'media_url',
      'extended_attributes',
    ],
    properties: {
      service_request_id: string,
      status: { type: 'string', enum: ['open', 'closed'] },
      status_notes: string,
      service_name: string,
      service_code: string,
      agency_responsible: string,
      service_notice: string,
      requested_datetime: { type: 'string', format: 'date-time' },
      updated_datetime: { type: 'string', format: 'date-time' },
      expected_datetime: { type: 'null' },
      address_id: { type: 'null' },
      zipcode: { type: 'null' },
      lat: { type: ['number', 'null'], description: 'Approximate (a 50 m grid), never the exact point' },
      long: { type: ['number', 'null'] },
      media_url: { type: 'null' },
      extended_attributes: {
        type: 'object',
        required: [
          'status',
          'status_name',
          'district_id',
          'approximate_position',
          'awaiting_review',
          'forwarded_to',
          'duplicate_of',
          'url',
        ],
        properties: {
          status: { type: 'string', enum: reportStatuses },
          status_name: string,
          district_id: nullableString,
          approximate_position: { type: 'boolean' },
          awaiting_review: { type: 'boolean' },
          forwarded_to: nullableString,
          duplicate_of: nullableString,
          url: string,
        },
      },
    },
  },
} as const;

/** The answer to a new request: its number and a notice. */
export const submittedSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['service_request_id', 'service_notice', 'account_id'],
    properties: { service_request_id: string, service_notice: string, account_id: { type: 'null' } },
  },
} as const;
