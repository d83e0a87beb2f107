import type { FieldError } from '../../../platform/http/errors.js';
import { formNumber } from '../../../platform/http/forms.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { lastDay, pad } from '../import/time-frames.js';
import { readAreaText } from './area-text.js';
import { actionStatuses, diagnosisSources, threatCategories, type PlanContent } from '../model.js';

/**
 * Channels offered as check boxes, in the words plans use (plan content is Polish in both UI
 * languages); anything else goes in the free text.
 */
export const standardChannels: readonly string[] = [
  'strona internetowa jednostki Policji',
  'lokalne media',
  'spotkania i debaty społeczne',
  'tablice ogłoszeń instytucji współpracujących',
  'rozmowy indywidualne podczas obchodu',
  'ulotki i plakaty',
  'media społecznościowe jednostki Policji',
];

/** "2026-07" → "2026-07-01" (from) or "2026-07-31" (to); an unchanged month keeps the exact day it had. */
export function monthToDay(month: string | undefined, side: 'from' | 'to', previous: string | null): string | null {
  if (!month || !/^\d{4}-\d{2}$/.test(month)) return null;
  if (previous && previous.startsWith(month)) return previous;
  const [year, m] = month.split('-').map(Number) as [number, number];
  if (m < 1 || m > 12) return null;
  return side === 'from' ? `${month}-01` : `${year}-${pad(m)}-${pad(lastDay(year, m))}`;
}

function indexes(fields: Record<string, string>, prefix: string): number[] {
  const found = new Set<number>();
  for (const key of Object.keys(fields)) {
    const match = new RegExp(`^${prefix}\\.(\\d{1,3})\\.`).exec(key);
    if (match) found.add(Number(match[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** The counted categories as typed, one a line (names may hold commas); null when none is given. */
function specOf(fields: Record<string, string>): NonNullable<PlanContent['goal']['indicatorSpec']> | null {
  const categories = [
    ...new Set(
      (fields['goal.indicatorSpec.categories'] ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim().replace(/\s+/g, ' ').slice(0, 100))
        .filter(Boolean),
    ),
  ].slice(0, 20);
  if (categories.length === 0) return null;
  return { source: fields['goal.indicatorSpec.source'] === 'reports' ? 'reports' : 'imported', categories };
}

/**
 * The editor's form fields → plan content and period, plus the field errors it can see at once
 * (numbers that are not numbers). Works on plain urlencoded fields, so the editor needs no script.
 */
export function readEditorForm(
  fields: Record<string, string>,
  previous: PlanContent,
  lang: Lang,
): {
  content: PlanContent;
  periodFrom: string;
  periodTo: string;
  errors: FieldError[];
  typedArea: { name: string; text: string };
} {
  const errors: FieldError[] = [];
  const pl = lang === 'pl';
  const category = fields['threat.category'];
  const baselineValue = formNumber(fields['goal.baseline.value']);
  const percent = formNumber(fields['goal.target.percent']);
  if (Number.isNaN(baselineValue) || (baselineValue !== null && baselineValue < 0)) {
    errors.push({
      field: 'goal.baseline.value',
      code: 'number',
      message: pl ? 'Stan wyjściowy musi być liczbą nieujemną.' : 'The baseline must be a non-negative number.',
    });
  }
  if (Number.isNaN(percent) || (percent !== null && (percent <= 0 || percent > 1000))) {
    errors.push({
      field: 'goal.target.percent',
      code: 'number',
      message: pl ? 'Cel liczbowy podaj jako liczbę procent od 1 do 1000.' : 'Give the numeric target as a percentage from 1 to 1000.',
    });
  }
  const measurable = fields['goal.measurable'] === 'on';
  const spec = specOf(fields);
  // The goal's area (area-text.ts): typed corners or GeoJSON; its shape is checked on saving (measure/goal-area.ts).
  const typedArea = readAreaText(fields['goal.area.polygon'] ?? '');
  if (!typedArea.ok) errors.push({ field: 'goal.area.polygon', code: 'area', message: typedArea.problem[lang] });
  const area = typedArea.ok
    ? typedArea.polygon && { name: fields['goal.area.name'] ?? '', polygon: typedArea.polygon }
    : (previous.goal.area ?? null);
  const indicatorWhat = fields['goal.indicator.what']?.trim() ?? '';
  const actions = indexes(fields, 'actions').map((i) => {
    const before = previous.actions[i];
    const status = fields[`actions.${i}.status`];
    return {
      description: fields[`actions.${i}.description`] ?? '',
      from: monthToDay(fields[`actions.${i}.from`], 'from', before?.from ?? null),
      to: monthToDay(fields[`actions.${i}.to`], 'to', before?.to ?? null),
      who: fields[`actions.${i}.who`] ?? '',
      status: (actionStatuses as readonly string[]).includes(status ?? '')
        ? (status as PlanContent['actions'][number]['status'])
        : 'planned',
    };
  });
  actions.forEach((action, i) => {
    if (action.from && action.to && action.to < action.from) {
      errors.push({
        field: `actions.${i}.to`,
        code: 'range',
        message: pl ? `Działanie nr ${i + 1} kończy się przed rozpoczęciem.` : `Action ${i + 1} ends before it starts.`,
      });
    }
  });
  const channels = standardChannels.filter((_, k) => fields[`communication.std.${k}`] === 'on');
  const other = (fields['communication.other'] ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const content: PlanContent = {
    threat: {
      category: (threatCategories as readonly string[]).includes(category ?? '') ? (category as PlanContent['threat']['category']) : null,
      places: fields['threat.places'] ?? '',
      description: fields['threat.description'] ?? '',
      sources: diagnosisSources.filter((source) => fields[`threat.sources.${source}`] === 'on'),
    },
    goal: {
      description: fields['goal.description'] ?? '',
      indicator:
        measurable && indicatorWhat
          ? {
              what: indicatorWhat,
              where: fields['goal.indicator.where']?.trim() ?? '',
              source: fields['goal.indicator.source']?.trim() ?? '',
            }
          : null,
      baseline:
        measurable && baselineValue !== null && !Number.isNaN(baselineValue)
          ? { period: fields['goal.baseline.period']?.trim() ?? '', value: baselineValue }
          : null,
      target:
        measurable && percent !== null && !Number.isNaN(percent) && percent > 0
          ? { direction: fields['goal.target.direction'] === 'increase' ? 'increase' : 'decrease', percent }
          : null,
      ...(measurable && spec ? { indicatorSpec: spec } : {}),
      ...(measurable && area ? { area } : {}),
    },
    actions,
    partners: indexes(fields, 'partners').map((i) => {
      // The answer to "did you mean…?": a registry entry's id, or "new" (modules/partners/plan-links.ts).
      const choice = fields[`partners.${i}.choice`];
      const partnerId = choice && choice !== 'new' ? choice : fields[`partners.${i}.partnerId`];
      return {
        ...(partnerId ? { partnerId } : {}),
        name: fields[`partners.${i}.name`] ?? '',
        tasks: fields[`partners.${i}.tasks`] ?? '',
        ...(choice === 'new' ? { newPartner: true } : {}),
      };
    }),
    communication: [...channels, ...other.filter((line) => !channels.includes(line))],
    signature: fields.signature?.trim() || null,
  };
  const typed = { name: fields['goal.area.name'] ?? '', text: fields['goal.area.polygon'] ?? '' };
  return { content, periodFrom: fields.periodFrom ?? '', periodTo: fields.periodTo ?? '', errors, typedArea: typed };
}

/** The list buttons of the editor: add, remove and move rows (each also saves the draft). */
/**
 * Where the page opens after a list button ("Dodaj działanie" works without JavaScript as a form
 * submit): at the action or partner it added or moved, or at its list after a removal, not at the top.
 */
export function listIntentAnchor(content: PlanContent, intent: string): string {
  const match = /^(add|remove|up|down)-(action|partner)(?::(\d+))?$/.exec(intent);
  if (!match) return '';
  const [, verb, list, at] = match;
  const count = content[list === 'action' ? 'actions' : 'partners'].length;
  const position = verb === 'add' ? count : verb === 'up' ? Number(at) : verb === 'down' ? Number(at) + 2 : 0;
  return position >= 1 && position <= count ? `#${list}-${position}` : `#${list}s`;
}

export function applyListIntent(content: PlanContent, intent: string): PlanContent {
  const match = /^(add|remove|up|down)-(action|partner)(?::(\d+))?$/.exec(intent);
  if (!match) return content;
  const [, verb, list, at] = match;
  const key = list === 'action' ? 'actions' : 'partners';
  const items = [...content[key]] as unknown[];
  const i = Number(at);
  if (verb === 'add')
    items.push(list === 'action' ? { description: '', from: null, to: null, who: '', status: 'planned' } : { name: '', tasks: '' });
  else if (verb === 'remove' && i < items.length) items.splice(i, 1);
  else if (verb === 'up' && i > 0 && i < items.length) [items[i - 1], items[i]] = [items[i], items[i - 1]];
  else if (verb === 'down' && i + 1 < items.length) [items[i + 1], items[i]] = [items[i], items[i + 1]];
  return { ...content, [key]: items };
}
