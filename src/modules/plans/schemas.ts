import { actionStatuses, diagnosisSources, evaluationOutcomes, planStatuses, threatCategories } from './model.js';

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const nullableDay = { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const text = (max: number) => ({ type: 'string', maxLength: max }) as const;

export const planContentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['threat', 'goal', 'actions', 'partners', 'communication'],
  properties: {
    threat: {
      type: 'object',
      additionalProperties: false,
      required: ['description'],
      properties: {
        category: { type: ['string', 'null'], enum: [...threatCategories, null] },
        places: text(1000),
        description: text(20_000),
        sources: { type: 'array', maxItems: diagnosisSources.length, uniqueItems: true, items: { type: 'string', enum: diagnosisSources } },
      },
    },
    goal: {
      type: 'object',
      additionalProperties: false,
      required: ['description'],
      properties: {
        description: text(10_000),
        indicator: {
          type: ['object', 'null'],
          additionalProperties: false,
          required: ['what', 'where', 'source'],
          properties: { what: text(500), where: text(500), source: text(500) },
        },
        baseline: {
          type: ['object', 'null'],
          additionalProperties: false,
          required: ['period', 'value'],
          properties: { period: text(200), value: { type: 'number', minimum: 0, maximum: 1e9 } },
        },
        target: {
          type: ['object', 'null'],
          additionalProperties: false,
          required: ['direction', 'percent'],
          properties: {
            direction: { type: 'string', enum: ['decrease', 'increase'] },
            percent: { type: 'number', exclusiveMinimum: 0, maximum: 1000 },
            kind: { type: 'string', enum: ['count', 'survey'] },
          },
        },
        indicatorSpec: {
          type: ['object', 'null'],
          additionalProperties: false,
          required: ['source', 'categories'],
          description: 'What a count goal counts: imported indicator data or confirmed threat reports, of these categories',
          properties: {
            source: { type: 'string', enum: ['imported', 'reports'] },
            categories: { type: 'array', maxItems: 20, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 100 } },
          },
        },
        area: {
          type: ['object', 'null'],
          additionalProperties: false,
          required: ['name', 'polygon'],
          description:
            'Where a count goal counts, instead of the whole district: a GeoJSON Polygon in WGS84 ([lon, lat]), one outer ring of 3–199 corners, 400 m²–50 km², overlapping the district; only with indicatorSpec.source "reports"',
          properties: {
            name: text(200),
            polygon: {
              type: 'object',
              additionalProperties: false,
              required: ['type', 'coordinates'],
              properties: {
                type: { type: 'string', enum: ['Polygon'] },
                coordinates: {
                  type: 'array',
                  minItems: 1,
                  maxItems: 1,
                  items: {
                    type: 'array',
                    minItems: 4,
                    maxItems: 200,
                    items: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'number', minimum: -180, maximum: 180 } },
                  },
                },
              },
            },
          },
        },
      },
    },
    actions: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['description'],
        properties: {
          description: text(5000),
          from: nullableDay,
          to: nullableDay,
          who: text(500),
          status: { type: 'string', enum: actionStatuses },
        },
      },
    },
    partners: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          partnerId: {
            type: 'string',
            maxLength: 36,
            description: 'The registry entry (GET /api/v1/partners/:id); set when the plan is saved',
          },
          name: text(300),
          tasks: text(5000),
          newPartner: {
            type: 'boolean',
            description: 'A name near the registry’s is a new organisation: add it (without this such an entry stays unlinked)',
          },
        },
      },
    },
    communication: { type: 'array', maxItems: 50, items: text(1000) },
    signature: { type: ['string', 'null'], maxLength: 200 },
  },
} as const;

export const createPlanBody = {
  type: 'object',
  additionalProperties: false,
  required: ['districtId', 'periodFrom', 'periodTo'],
  properties: {
    districtId: { type: 'string', maxLength: 80 },
    periodFrom: day,
    periodTo: day,
    content: planContentSchema,
    previousPlanId: { type: ['string', 'null'], format: 'uuid' },
  },
} as const;

export const updatePlanBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { periodFrom: day, periodTo: day, content: planContentSchema },
} as const;

const count = { type: ['integer', 'null'], minimum: 0, maximum: 10_000_000 } as const;
const length = { type: ['number', 'null'], exclusiveMinimum: 0, maximum: 100_000 } as const;

export const transitionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['transition'],
  properties: {
    transition: { type: 'string', enum: ['submit', 'approve', 'return', 'publish', 'revise', 'start', 'evaluate', 'close'] },
    comments: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['section', 'text'],
        properties: {
          section: { type: 'string', enum: ['period', 'threat', 'goal', 'actions', 'partners', 'communication', 'general'] },
          item: { type: ['integer', 'null'], minimum: 0 },
          text: { type: 'string', minLength: 1, maxLength: 5000 },
        },
      },
    },
    evaluation: {
      type: 'object',
      additionalProperties: false,
      description:
        'The numbers of the goal’s kind: counts (baseline, period; lengths in days when the windows differ) for a count goal without a frozen indicator, asked and positive for a survey goal, decision and justification for a goal without an indicator. The verdict is computed; `outcome` is read only as "insufficient_data" for a count goal with no counts.',
      properties: {
        outcome: { type: 'string', enum: evaluationOutcomes },
        measuredValue: { type: ['number', 'null'], minimum: 0, description: 'Ignored: kept for older clients' },
        note: { type: 'string', maxLength: 5000 },
        baseline: count,
        period: count,
        baselineLength: length,
        periodLength: length,
        asked: count,
        positive: count,
        decision: { type: 'string', enum: ['achieved', 'partly_achieved', 'not_achieved'] },
        justification: { type: 'string', maxLength: 5000 },
      },
    },
    note: { type: 'string', maxLength: 2000 },
  },
} as const;

export const planStatusSchema = { type: 'string', enum: planStatuses } as const;
