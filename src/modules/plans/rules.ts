import type { Localized } from '../../platform/i18n/i18n.js';
import { addDays, dayInPoland } from '../../platform/i18n/calendar.js';
import type { Plan, PlanContent } from './model.js';
import { defaultsOf, type SettingId } from '../settings/index.js';

/**
 * Rules from domain.md, with their defaults (configurable): a period of at most 6 months with any
 * start date; the officer submits 14 days before the period starts; approval within 7 days of
 * submission; publication within 7 days of approval; evaluation within 14 days of the end.
 */
export interface PlanSettings {
  maxPeriodMonths: number;
  submitDaysBeforeStart: number;
  approvalDays: number;
  publicationDays: number;
  evaluationDaysAfterEnd: number;
}

/** Where each rule is set (settings catalogue: defaults, ranges, the regulation). */
export const planSettingIds = {
  maxPeriodMonths: 'plans.maxPeriodMonths',
  submitDaysBeforeStart: 'plans.submitDaysBeforeStart',
  approvalDays: 'plans.approvalDays',
  publicationDays: 'plans.publicationDays',
  evaluationDaysAfterEnd: 'plans.evaluationDaysAfterEnd',
} as const satisfies Record<keyof PlanSettings, SettingId>;

export const defaultPlanSettings: PlanSettings = defaultsOf(planSettingIds);

export { addDays };

export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const toDay = (date: Date | null) => (date ? dayInPoland(date) : null);

/** Why a period is not acceptable, or null: "1.07–31.12", "26.06–25.12" and "05.11–04.05" all pass with 6 months. */
export function periodProblem(from: string, to: string, settings: PlanSettings = defaultPlanSettings): Localized | null {
  if (to <= from) return { pl: 'Koniec okresu musi być późniejszy niż jego początek.', en: 'The period must end after it starts.' };
  if (to >= addMonths(from, settings.maxPeriodMonths)) {
    return {
      pl: `Okres planu może trwać najwyżej ${settings.maxPeriodMonths} miesięcy (do ${addDays(addMonths(from, settings.maxPeriodMonths), -1)}).`,
      en: `A plan period may last at most ${settings.maxPeriodMonths} months (until ${addDays(addMonths(from, settings.maxPeriodMonths), -1)}).`,
    };
  }
  return null;
}

/** Where a plan's period stands on a day: not begun, running, or over (an archived plan). */
export type PlanTiming = 'current' | 'upcoming' | 'past';
export const planTimings: readonly PlanTiming[] = ['current', 'upcoming', 'past'];

/**
 * The one rule for "is this the district's current plan": current from its first day to its last,
 * upcoming before, past after; a period without an end (an imported plan whose end could not be
 * read) stays current once begun. Days are Polish calendar days ("YYYY-MM-DD"), so text order is
 * time order.
 */
export function planTiming(period: { periodFrom: string; periodTo: string | null }, today: string): PlanTiming {
  if (today < period.periodFrom) return 'upcoming';
  if (period.periodTo !== null && today > period.periodTo) return 'past';
  return 'current';
}

export type DeadlineKind = 'submission' | 'approval' | 'publication' | 'evaluation';

export interface Deadline {
  kind: DeadlineKind;
  due: string;
  doneOn: string | null;
  overdue: boolean;
}

/** Every deadline of a plan that applies so far, and whether it was met or is overdue today. */
export function planDeadlines(
  plan: Pick<Plan, 'periodFrom' | 'periodTo' | 'submittedAt' | 'approvedAt' | 'publishedAt' | 'evaluatedAt'>,
  today: string,
  settings: PlanSettings = defaultPlanSettings,
): Deadline[] {
  const deadline = (kind: DeadlineKind, due: string, doneAt: Date | null): Deadline => {
    const doneOn = toDay(doneAt);
    return { kind, due, doneOn, overdue: doneOn === null && today > due };
  };
  const list = [deadline('submission', addDays(plan.periodFrom, -settings.submitDaysBeforeStart), plan.submittedAt)];
  if (plan.submittedAt) list.push(deadline('approval', addDays(toDay(plan.submittedAt)!, settings.approvalDays), plan.approvedAt));
  if (plan.approvedAt) list.push(deadline('publication', addDays(toDay(plan.approvedAt)!, settings.publicationDays), plan.publishedAt));
  list.push(deadline('evaluation', addDays(plan.periodTo, settings.evaluationDaysAfterEnd), plan.evaluatedAt));
  return list;
}

export interface ContentProblem {
  /** Where in the plan, e.g. "threat.description", "actions.2.description". */
  field: string;
  message: Localized;
}

/** What a plan needs before it can be submitted for approval (a draft may be incomplete). */
export function completenessProblems(content: PlanContent, period: { from: string; to: string }): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const need = (field: string, pl: string, en: string) => problems.push({ field, message: { pl, en } });
  if (!content.threat.description.trim())
    need('threat.description', 'Opisz zdiagnozowane zagrożenie (sekcja 1).', 'Describe the diagnosed threat (section 1).');
  if (!content.threat.category) need('threat.category', 'Wybierz kategorię zagrożenia.', 'Choose the threat category.');
  if (!content.goal.description.trim())
    need('goal.description', 'Opisz zakładany cel (sekcja 2).', 'Describe the intended goal (section 2).');
  if (content.actions.length === 0)
    need('actions', 'Dodaj co najmniej jedno działanie (sekcja 3).', 'Add at least one action (section 3).');
  content.actions.forEach((action, index) => {
    if (!action.description.trim())
      need(`actions.${index}.description`, `Opisz działanie nr ${index + 1}.`, `Describe action ${index + 1}.`);
    if (!action.from && !action.to)
      need(`actions.${index}.to`, `Podaj termin działania nr ${index + 1}.`, `Give the time frame of action ${index + 1}.`);
    const outside = [action.from, action.to].some((d) => d !== null && (d < period.from || d > period.to));
    if (outside)
      need(
        `actions.${index}.to`,
        `Termin działania nr ${index + 1} wykracza poza okres planu.`,
        `The time frame of action ${index + 1} is outside the plan period.`,
      );
  });
  content.partners.forEach((partner, index) => {
    if (!partner.name.trim())
      need(`partners.${index}.name`, `Podaj nazwę podmiotu nr ${index + 1}.`, `Give the name of partner ${index + 1}.`);
  });
  if (content.communication.filter((c) => c.trim()).length === 0) {
    need('communication', 'Wskaż, jak mieszkańcy zostaną poinformowani (sekcja 5).', 'Say how residents will be informed (section 5).');
  }
  return problems;
}
