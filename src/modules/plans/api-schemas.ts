import { documentKinds } from '../../platform/documents/document-kind.js';
import { evaluationOutcomes, planStatuses } from './model.js';
import { planTimings } from './rules.js';
import { planContentSchema, transitionBody } from './schemas.js';
import { allTransitions } from './workflow.js';

/**
 * What the plan API answers (OpenAPI and the serializer). An object that lists its properties
 * answers with those only: a field added to an answer must be added here too.
 */

const string = { type: 'string' } as const;
const nullableString = { type: ['string', 'null'] } as const;
const day = { type: 'string', format: 'date' } as const;
const nullableDay = { type: ['string', 'null'], format: 'date' } as const;
const instant = { type: 'string', format: 'date-time' } as const;
const nullableInstant = { type: ['string', 'null'], format: 'date-time' } as const;
const integer = { type: 'integer' } as const;
const nullableInteger = { type: ['integer', 'null'] } as const;
const timing = {
  type: 'string',
  enum: planTimings,
  description: 'current, upcoming or past: whether the period is running, to come or over',
} as const;
const span = { type: 'object', required: ['start', 'end'], properties: { start: integer, end: integer } } as const;

const nullableNumber = { type: ['number', 'null'] } as const;
const pair = { type: ['object', 'null'], required: ['baseline', 'period'], properties: { baseline: integer, period: integer } } as const;

/** The stored evaluation; `goal` (the numbers the verdict was computed from) and `p` only in evaluations since issue 15. */
export const evaluationSchema = {
  type: ['object', 'null'],
  required: ['outcome', 'measuredValue', 'note'],
  properties: {
    outcome: { type: 'string', enum: evaluationOutcomes },
    measuredValue: { ...nullableNumber, description: "The period's count, or the survey's share (0–1)" },
    note: string,
    goal: {
      type: 'object',
      required: ['kind'],
      properties: {
        kind: { type: 'string', enum: ['count', 'survey', 'qualitative'] },
        baseline: integer,
        period: integer,
        baselineLength: { type: 'number' },
        periodLength: { type: 'number' },
        targetChange: nullableNumber,
        comparison: pair,
        asked: integer,
        positive: integer,
        targetShare: { type: 'number' },
        decision: string,
        justification: string,
      },
    },
    p: nullableNumber,
    source: { type: 'string', enum: ['frozen', 'entered'] },
  },
} as const;

const planProperties = {
  id: { type: 'string', format: 'uuid' },
  url: string,
  districtId: string,
  unitId: string,
  periodFrom: day,
  periodTo: day,
  status: { type: 'string', enum: planStatuses },
  version: integer,
  publishedVersion: { ...nullableInteger, description: 'The version residents see; it stays while a changed version waits for approval' },
  content: planContentSchema,
  evaluation: evaluationSchema,
  submittedAt: nullableInstant,
  approvedAt: nullableInstant,
  publishedAt: nullableInstant,
} as const;
const planRequired = Object.keys(planProperties) as (keyof typeof planProperties)[];

/** A plan as staff work on it (create, change). */
export const planSchema = { type: 'object', required: planRequired, properties: planProperties } as const;

/** A transition's answer: the plan, and what happened and what comes next in the request's language. */
export const transitionAnswerSchema = {
  type: 'object',
  required: [...planRequired, 'message'],
  properties: { ...planProperties, message: string },
} as const;

export const planListSchema = {
  type: 'object',
  required: ['plans', 'total', 'totalIsExact', 'page', 'hasNextPage'],
  properties: {
    plans: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'url', 'districtId', 'unitId', 'periodFrom', 'periodTo', 'timing', 'category', 'goal'],
        properties: {
          id: string,
          url: string,
          districtId: string,
          unitId: string,
          periodFrom: day,
          periodTo: day,
          timing,
          category: nullableString,
          goal: string,
        },
      },
    },
    total: integer,
    totalIsExact: { type: 'boolean', description: 'false: there are more than `total`' },
    page: integer,
    hasNextPage: { type: 'boolean' },
  },
} as const;

const deadlineSchema = {
  type: 'object',
  required: ['kind', 'due', 'doneOn', 'overdue'],
  properties: {
    kind: { type: 'string', enum: ['submission', 'approval', 'publication', 'evaluation'] },
    due: day,
    doneOn: nullableDay,
    overdue: { type: 'boolean' },
  },
} as const;

export const planDetailSchema = {
  type: 'object',
  required: ['imported', 'published', 'working'],
  properties: {
    imported: {
      type: ['object', 'null'],
      description: 'Imported into the archive from a file: when and from what (the file itself is for staff)',
      required: ['importedAt', 'fileName', 'mediaType', 'size', 'sha256'],
      properties: { importedAt: instant, fileName: string, mediaType: string, size: integer, sha256: string },
    },
    published: {
      type: ['object', 'null'],
      description: 'The published version; null before publication',
      required: ['version', 'periodFrom', 'periodTo', 'content', 'timing', 'url', 'pdf', 'docx'],
      properties: {
        version: integer,
        periodFrom: day,
        periodTo: day,
        content: planContentSchema,
        timing,
        url: string,
        pdf: string,
        docx: string,
      },
    },
    working: {
      type: ['object', 'null'],
      description: 'For staff of its unit: the working version, deadlines and the transitions this person may make',
      required: [...planRequired, 'deadlines', 'transitions', 'canEdit', 'isDistrictOfficer', 'isReviewer', 'timing'],
      properties: {
        ...planProperties,
        deadlines: { type: 'array', items: deadlineSchema },
        transitions: { type: 'array', items: { type: 'string', enum: allTransitions } },
        canEdit: { type: 'boolean' },
        isDistrictOfficer: { type: 'boolean' },
        isReviewer: { type: 'boolean' },
        timing,
      },
    },
  },
} as const;

const commentProperties = transitionBody.properties.comments.items.properties;

export const planVersionsSchema = {
  type: 'object',
  required: ['versions', 'events'],
  properties: {
    versions: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'version',
          'periodFrom',
          'periodTo',
          'content',
          'submittedAt',
          'submittedBy',
          'decision',
          'comments',
          'decidedAt',
          'decidedBy',
          'submittedByName',
          'decidedByName',
        ],
        properties: {
          version: integer,
          periodFrom: day,
          periodTo: day,
          content: planContentSchema,
          submittedAt: instant,
          submittedBy: { ...string, description: 'Login' },
          decision: { type: ['string', 'null'], enum: ['approved', 'returned', null] },
          comments: {
            type: 'array',
            items: {
              type: 'object',
              required: ['section', 'item', 'text', 'place'],
              properties: {
                section: commentProperties.section,
                item: nullableInteger,
                text: string,
                place: { ...string, description: 'The section in words ("Cel", "Działanie 2")' },
              },
            },
          },
          decidedAt: nullableInstant,
          decidedBy: nullableString,
          submittedByName: string,
          decidedByName: nullableString,
        },
      },
    },
    events: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'id',
          'plan_id',
          'at',
          'actor_label',
          'actor_name',
          'transition',
          'from_status',
          'to_status',
          'version',
          'note',
          'stepName',
          'statusName',
        ],
        properties: {
          id: integer,
          plan_id: string,
          at: instant,
          actor_label: string,
          actor_name: { ...nullableString, description: 'The person; null for the system (demo data, imports from the command line)' },
          transition: string,
          from_status: nullableString,
          to_status: string,
          version: integer,
          note: nullableString,
          stepName: string,
          statusName: string,
        },
      },
    },
  },
} as const;

const parsedPlanProperties = {
  unit: nullableString,
  districtNumber: nullableInteger,
  period: { type: ['object', 'null'], required: ['from', 'to'], properties: { from: nullableDay, to: nullableDay } },
  officer: { type: ['object', 'null'], required: ['rank', 'name'], properties: { rank: nullableString, name: string } },
  threat: { type: 'object', required: ['description'], properties: { description: string } },
  goal: {
    type: 'object',
    required: ['description', 'target'],
    properties: { description: string, target: planContentSchema.properties.goal.properties.target },
  },
  actions: {
    type: 'array',
    items: {
      type: 'object',
      required: ['description', 'from', 'to'],
      properties: { description: string, from: nullableDay, to: nullableDay, who: string },
    },
  },
  partners: planContentSchema.properties.partners,
  communication: { type: 'array', items: string },
  signature: nullableString,
  warnings: { type: 'array', items: string },
  spans: {
    type: 'object',
    description: 'Where each field came from: character offsets into the input text, by field name',
    additionalProperties: { anyOf: [span, { type: 'array', items: span }] },
  },
  unrecognised: {
    type: 'array',
    description: 'Text that fits no field, with its place',
    items: { type: 'object', required: ['text', 'start', 'end'], properties: { text: string, start: integer, end: integer } },
  },
} as const;
const parsedPlanRequired = Object.keys(parsedPlanProperties).filter((k) => k !== 'spans') as (keyof typeof parsedPlanProperties)[];

export const parsedPlanSchema = { type: 'object', required: parsedPlanRequired, properties: parsedPlanProperties } as const;

/** /parse: the first plan's fields, the kind of document, and every plan it holds. */
export const parseAnswerSchema = {
  type: 'object',
  required: [...parsedPlanRequired, 'kind', 'plans'],
  properties: { ...parsedPlanProperties, kind: { type: 'string', enum: documentKinds }, plans: { type: 'array', items: parsedPlanSchema } },
} as const;

export const importAnswerSchema = {
  type: 'object',
  required: ['plan', 'parsed'],
  properties: { plan: planSchema, parsed: parsedPlanSchema },
} as const;

const refusalSchema = {
  type: ['object', 'null'],
  required: ['status', 'code', 'message'],
  properties: { status: integer, code: string, message: string },
} as const;

export const batchAnswerSchema = {
  type: 'object',
  required: ['dryRun', 'files', 'saved', 'refusedFiles'],
  properties: {
    dryRun: { type: 'boolean' },
    files: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'kind', 'outcome', 'error', 'plans'],
        properties: {
          name: string,
          kind: { type: ['string', 'null'], enum: [...documentKinds, null] },
          outcome: {
            type: 'string',
            enum: ['read', 'saved', 'refused'],
            description: 'read: recognised (a preview); saved: its plans were saved; refused: nothing was saved from it',
          },
          error: refusalSchema,
          plans: {
            type: 'array',
            items: {
              type: 'object',
              required: ['unit', 'districtNumber', 'districtId', 'period', 'action', 'planId', 'refused', 'warnings'],
              properties: {
                unit: nullableString,
                districtNumber: nullableInteger,
                districtId: nullableString,
                period: parsedPlanProperties.period,
                action: {
                  type: 'string',
                  enum: ['draft', 'archive'],
                  description: 'What the plan becomes (or would become, in a preview)',
                },
                planId: nullableString,
                refused: refusalSchema,
                warnings: { type: 'array', items: string },
              },
            },
          },
        },
      },
    },
    saved: integer,
    refusedFiles: integer,
  },
} as const;
