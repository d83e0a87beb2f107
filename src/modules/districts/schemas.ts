import { officerTextLimits } from './officer-text.js';
import { officerPositions } from './model.js';

const houseNumber = { type: 'string', pattern: '^[0-9]{1,5}[A-Za-z]?$', maxLength: 6 } as const;

export const numberRangeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'parity'],
  properties: {
    from: houseNumber,
    to: { type: ['string', 'null'], pattern: '^[0-9]{1,5}[A-Za-z]?$', maxLength: 6 },
    parity: { type: 'string', enum: ['all', 'odd', 'even'] },
  },
} as const;

export const streetRuleSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['locality', 'street', 'numbers'],
  properties: {
    locality: { type: 'string', minLength: 1, maxLength: 100 },
    street: { type: ['string', 'null'], minLength: 1, maxLength: 150 },
    numbers: { type: ['array', 'null'], minItems: 1, maxItems: 200, items: numberRangeSchema },
  },
} as const;

/** A polygon area: GeoJSON Polygon or MultiPolygon in WGS84 (its geometry is checked when read). */
export const polygonSchema = {
  type: ['object', 'null'],
  required: ['type', 'coordinates'],
  properties: {
    type: { type: 'string', enum: ['Polygon', 'MultiPolygon'] },
    coordinates: { type: 'array', minItems: 1 },
  },
} as const;

const phone = { type: ['string', 'null'], pattern: '^\\+?[0-9 ()-]{6,30}$' } as const;
const email = { type: ['string', 'null'], format: 'email', maxLength: 254 } as const;

/** What can change on a district; its unit and number are fixed at creation (they form its id). */
const districtProperties = {
  name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
  phone,
  email,
  rules: { type: 'array', maxItems: 5000, items: streetRuleSchema },
  polygon: polygonSchema,
} as const;

export const createDistrictBody = {
  type: 'object',
  additionalProperties: false,
  required: ['unitId', 'number', 'name'],
  properties: {
    unitId: { type: 'string', minLength: 1, maxLength: 60 },
    number: { type: 'integer', minimum: 1, maximum: 9999 },
    ...districtProperties,
  },
} as const;

export const updateDistrictBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: districtProperties,
} as const;

// `pattern: '\\S'`: not only spaces (the names are trimmed, and the database refuses an empty one).
const name = { type: 'string', minLength: 1, maxLength: officerTextLimits.firstName, pattern: '\\S' } as const;
const officerProperties = {
  unitId: { type: 'string', minLength: 1, maxLength: 60 },
  rank: { type: 'string', minLength: 1, maxLength: officerTextLimits.rank, pattern: '\\S' },
  firstName: name,
  lastName: name,
  position: { type: 'string', enum: officerPositions },
  accountId: { type: ['string', 'null'], format: 'uuid' },
} as const;

export const createOfficerBody = {
  type: 'object',
  additionalProperties: false,
  required: ['unitId', 'rank', 'firstName', 'lastName'],
  properties: officerProperties,
} as const;

export const updateOfficerBody = { type: 'object', additionalProperties: false, minProperties: 1, properties: officerProperties } as const;

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
export const createAssignmentBody = {
  type: 'object',
  additionalProperties: false,
  required: ['officerId', 'kind', 'startsOn'],
  properties: {
    officerId: { type: 'string', format: 'uuid' },
    kind: { type: 'string', enum: ['regular', 'substitute'] },
    startsOn: day,
    endsOn: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  },
} as const;

export const endAssignmentBody = {
  type: 'object',
  additionalProperties: false,
  required: ['endsOn'],
  properties: { endsOn: day },
} as const;
