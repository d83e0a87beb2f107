import { featureCollectionSchema, featureSchema } from '../../platform/http/geojson-schemas.js';
import { numberRangeSchema, streetRuleSchema } from './schemas.js';
import { officerPositions } from './model.js';

export const districtSchema = {
  type: 'object',
  required: ['id', 'unitId', 'number', 'name', 'url', 'phone', 'email', 'rules', 'polygon', 'retired'],
  properties: {
    id: { type: 'string', description: 'Globally unique, readable: "<unit id>/<number>", e.g. kpp-lubartow/3' },
    unitId: { type: 'string' },
    number: { type: 'integer' },
    name: { type: 'string' },
    url: { type: 'string' },
    phone: { type: ['string', 'null'] },
    email: { type: ['string', 'null'] },
    rules: {
      type: 'array',
      items: {
        ...streetRuleSchema,
        properties: { ...streetRuleSchema.properties, numbers: { type: ['array', 'null'], items: numberRangeSchema } },
      },
    },
    polygon: { type: ['object', 'null'], additionalProperties: true },
    retired: { type: 'boolean' },
    coveredBy: {
      type: ['object', 'null'],
      description:
        'One district only: who covers it today. `by`: "officer", "substitute", or "unit" when it has neither (then `officer` is null and residents contact the unit)',
      properties: {
        by: { type: 'string', enum: ['officer', 'substitute', 'unit'] },
        officer: { type: ['object', 'null'], properties: { rank: { type: 'string' }, name: { type: 'string' } } },
        unit: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            phone: { type: ['string', 'null'] },
            email: { type: ['string', 'null'] },
          },
        },
      },
    },
  },
} as const;

export const officerSchema = {
  type: 'object',
  required: ['id', 'unitId', 'rank', 'firstName', 'lastName', 'position', 'accountId', 'retired'],
  properties: {
    id: { type: 'string' },
    unitId: { type: 'string' },
    rank: { type: 'string' },
    firstName: { type: 'string' },
    lastName: { type: 'string' },
    position: { type: 'string', enum: officerPositions },
    accountId: { type: ['string', 'null'] },
    retired: { type: 'boolean' },
  },
} as const;

export const assignmentSchema = {
  type: 'object',
  required: ['id', 'districtId', 'officerId', 'kind', 'startsOn', 'endsOn'],
  properties: {
    id: { type: 'string' },
    districtId: { type: 'string' },
    officerId: { type: 'string' },
    kind: { type: 'string', enum: ['regular', 'substitute'] },
    startsOn: { type: 'string', format: 'date' },
    endsOn: { type: ['string', 'null'], format: 'date' },
  },
} as const;

export const districtParams = {
  type: 'object',
  additionalProperties: false,
  required: ['unit', 'number'],
  properties: { unit: { type: 'string', maxLength: 60 }, number: { type: 'integer', minimum: 1, maximum: 9999 } },
} as const;

export const idParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 64 } },
} as const;

/** A base-map layer of boundaries: the features carry no properties. */
export const boundaryLayerSchema = featureCollectionSchema(featureSchema({ type: 'object', properties: {} }));

export const overviewSchema = featureCollectionSchema(
  featureSchema({
    type: 'object',
    description:
      'By `kind`: district (id, number, unit, url, label: the point for its number), place (name) or unit (name, url: a police station)',
    required: ['kind'],
    properties: {
      kind: { type: 'string', enum: ['district', 'place', 'unit'] },
      id: { type: 'string' },
      number: { type: 'integer' },
      unit: { type: 'string' },
      name: { type: 'string' },
      url: { type: 'string' },
      label: { type: 'array', items: { type: 'number' } },
    },
  }),
  { districtsInView: { type: 'integer', description: 'Districts whose area is in view (outlines are drawn up to a limit)' } },
);

export const districtAreaSchema = featureSchema({
  type: 'object',
  required: ['id', 'number', 'name'],
  properties: { id: { type: 'string' }, number: { type: 'integer' }, name: { type: 'string' } },
});

/** District polygons in the import format (properties unit and district). */
export const districtPolygonsSchema = featureCollectionSchema(
  featureSchema({
    type: 'object',
    required: ['unit', 'district', 'name'],
    properties: { unit: { type: 'string' }, district: { type: 'integer' }, name: { type: 'string' } },
  }),
);
