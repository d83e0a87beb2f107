import { addressMax, emailMax, nameMax, noteMax, personMax, phoneMax } from './rules/contact.js';
import { partnerKinds } from './rules/kinds.js';

/** Request bodies and answers of the partner registry API (OpenAPI and the serializer). */
const string = { type: 'string' } as const;
const nullableString = { type: ['string', 'null'] } as const;

const detailsProperties = {
  name: { type: 'string', maxLength: nameMax },
  kind: { type: 'string', enum: partnerKinds },
  contactPerson: { type: 'string', maxLength: personMax, description: 'Staff only' },
  phone: { type: 'string', maxLength: phoneMax, description: 'Staff only; 9 digits, e.g. "81 855 20 12" (an extension after "wew.")' },
  email: { type: 'string', maxLength: emailMax, description: 'Staff only' },
  address: { type: 'string', maxLength: addressMax, description: 'Staff only' },
  note: { type: 'string', maxLength: noteMax },
} as const;

export const partnerBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'kind'],
  properties: {
    ...detailsProperties,
    confirmNew: { type: 'boolean', description: 'Add it although the registry has similar names (a 409 partner_similar lists them)' },
  },
} as const;

export const partnerChangeBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...detailsProperties,
    archived: { type: 'boolean', description: 'Archived partners are no longer offered in the plan editor; they stay in the plans' },
  },
} as const;

export const partnerListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 200, description: 'Part of the name' },
    kind: { type: 'string', enum: partnerKinds },
    archived: { type: 'boolean', description: 'The archived partners instead of the active ones' },
  },
} as const;

export const partnerSchema = {
  type: 'object',
  required: ['id', 'unitId', 'name', 'kind', 'kindLabel', 'contact', 'note', 'archived'],
  properties: {
    id: string,
    unitId: string,
    name: string,
    kind: { type: 'string', enum: partnerKinds },
    kindLabel: { ...string, description: "In the request's language" },
    contact: {
      type: 'object',
      required: ['person', 'phone', 'email', 'address'],
      properties: { person: nullableString, phone: nullableString, email: nullableString, address: nullableString },
    },
    note: nullableString,
    archived: { type: 'boolean' },
  },
} as const;

export const partnerListSchema = {
  type: 'object',
  required: ['unitName', 'partners'],
  properties: { unitName: string, partners: { type: 'array', items: partnerSchema } },
} as const;

export const partnerDetailSchema = {
  type: 'object',
  required: [...partnerSchema.required, 'plans'],
  properties: {
    ...partnerSchema.properties,
    plans: {
      type: 'array',
      description: 'The plans naming this partner, newest period first, with its tasks in each',
      items: {
        type: 'object',
        required: ['planId', 'districtId', 'districtNumber', 'districtName', 'periodFrom', 'periodTo', 'status', 'tasks'],
        properties: {
          planId: string,
          districtId: string,
          districtNumber: { type: 'integer' },
          districtName: string,
          periodFrom: string,
          periodTo: string,
          status: string,
          tasks: { type: 'array', items: string },
        },
      },
    },
  },
} as const;
