import type { Lang } from '../../../platform/i18n/i18n.js';
import type { UnresolvedFragment } from '../matching/area-text.js';
import { streetRuleSchema } from '../schemas.js';

/** Schemas of the area reader's and the register reader's answers (parse-area, parse-register, import-register). */

/** Fragments of an area description that are no rule: to be drawn as a polygon. */
export const unresolvedSchema = {
  type: 'array',
  description: 'Fragments that cannot become a street rule (a park, plots, "do Ronda …"): draw them as a polygon in the district editor',
  items: { type: 'object', required: ['fragment', 'message'], properties: { fragment: { type: 'string' }, message: { type: 'string' } } },
} as const;

export function localizeUnresolved(unresolved: readonly UnresolvedFragment[], lang: Lang) {
  return unresolved.map((u) => ({ fragment: u.fragment, message: u.message[lang] }));
}

const nullableString = { type: ['string', 'null'] } as const;

export const registerDistrictSchema = {
  type: 'object',
  required: ['number', 'officer', 'phone', 'mobile', 'email', 'areaText', 'rules', 'unresolved', 'warnings'],
  properties: {
    number: { type: 'integer' },
    id: { type: 'string', description: 'The district id in the register (unit/number)' },
    action: { type: 'string', enum: ['create', 'update'], description: 'What saving does to the district' },
    officer: {
      type: ['object', 'null'],
      required: ['rank', 'firstName', 'lastName'],
      properties: {
        rank: { type: 'string' },
        firstName: { type: 'string' },
        lastName: { type: 'string' },
        action: { type: 'string', enum: ['create', 'update', 'keep'] },
      },
    },
    phone: nullableString,
    mobile: nullableString,
    email: nullableString,
    areaText: { type: 'string' },
    rules: { type: 'array', items: streetRuleSchema },
    unresolved: unresolvedSchema,
    warnings: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const registerPreviewSchema = {
  type: 'object',
  required: ['districts', 'warnings'],
  properties: {
    unitId: { type: 'string' },
    saved: { type: 'boolean', description: 'True when the import was stored (false for a preview or dryRun)' },
    problems: {
      type: 'array',
      items: { type: 'string' },
      description: 'What stops saving: a district twice, overlapping areas, a retired district',
    },
    districts: { type: 'array', items: registerDistrictSchema },
    warnings: { type: 'array', items: { type: 'string' } },
  },
} as const;
