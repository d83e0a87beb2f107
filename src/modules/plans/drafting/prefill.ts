import type { Localized } from '../../../platform/i18n/i18n.js';
import type { DiagnosisSource, PlanContent, ThreatCategory } from '../model.js';
import type { ThreatDraft } from './draft.js';
import type { GoalArea } from '../measure/goal-area.js';

/*
 * Writing the evidence into a plan without losing what the officer wrote (decided for issue 15):
 * text is never replaced. An empty field takes the draft; a field with text keeps it and gets the
 * draft appended after it (unless it already holds the draft word for word: pressing twice adds
 * nothing); the page then says which fields were appended to. A category already chosen stays. The
 * baseline is one number: a different one already there is replaced only when the officer
 * confirmed it (the button said so and named the old value); otherwise the use case asks.
 */

/** The plan's field lengths (plans/schemas.ts): a draft that would not fit is refused, not cut. */
const limits = { places: 1000, description: 20_000 } as const;
/** Residents reported the threat, through the KMZB. */
const evidenceSources: DiagnosisSource[] = ['residents', 'kmzb'];

export type ThreatField = 'places' | 'description';

export type Prefilled<T> = { ok: true; content: PlanContent; detail: T } | { ok: false; problem: Localized };

const joined = (current: string, draft: string, separator: string) => {
  if (!current.trim()) return { text: draft, appended: false };
  if (!draft || current.includes(draft)) return { text: current, appended: false };
  return { text: `${current.trimEnd()}${separator}${draft}`, appended: true };
};

/** The threat section with the draft written in: which fields got it appended and whether the officer's category stayed. */
export function prefillThreat(
  content: PlanContent,
  category: ThreatCategory,
  draft: ThreatDraft,
): Prefilled<{ appended: ThreatField[]; keptCategory: boolean }> {
  const places = joined(content.threat.places, draft.places, '\n');
  const description = joined(content.threat.description, draft.description, '\n\n');
  if ([...places.text].length > limits.places || [...description.text].length > limits.description)
    return {
      ok: false,
      problem: {
        pl: 'Sekcja zagrożenia byłaby za długa po dopisaniu danych. Skróć ją i spróbuj ponownie.',
        en: 'The threat section would be too long with the evidence added. Shorten it and try again.',
      },
    };
  const threat = content.threat;
  return {
    ok: true,
    content: {
      ...content,
      threat: {
        category: threat.category ?? category,
        places: places.text,
        description: description.text,
        sources: [...threat.sources, ...evidenceSources.filter((s) => !threat.sources.includes(s))],
      },
    },
    detail: {
      appended: [places.appended && 'places', description.appended && 'description'].filter((f): f is ThreatField => !!f),
      keptCategory: threat.category !== null && threat.category !== category,
    },
  };
}

export interface BaselineInput {
  baseline: { period: string; value: number };
  /** What is counted, written only when the goal has no indicator yet. */
  indicator: { what: string; where: string; source: string };
  /** The officer confirmed replacing the baseline already there. */
  replace: boolean;
}

/** The goal with the baseline written in; the baseline it replaced (null when there was none or it was the same). */
export function prefillBaseline(
  content: PlanContent,
  input: BaselineInput,
): Prefilled<{ replaced: { period: string; value: number } | null }> {
  const current = content.goal.baseline;
  const same = current !== null && current.value === input.baseline.value && current.period === input.baseline.period;
  if (current !== null && !same && !input.replace)
    return {
      ok: false,
      problem: {
        pl: `Cel ma już wartość bazową (${current.value}, ${current.period}). Potwierdź, że chcesz ją zastąpić.`,
        en: `The goal already has a baseline (${current.value}, ${current.period}). Confirm that you want to replace it.`,
      },
    };
  return {
    ok: true,
    content: { ...content, goal: { ...content.goal, baseline: input.baseline, indicator: content.goal.indicator ?? input.indicator } },
    detail: { replaced: current !== null && !same ? current : null },
  };
}

/** The goal's area from a place of the evidence; an area already there (another one) is replaced only when the officer confirmed it. */
export function prefillArea(content: PlanContent, area: GoalArea, replace: boolean): Prefilled<{ replaced: string | null }> {
  const current = content.goal.area ?? null;
  const same = current !== null && JSON.stringify(current) === JSON.stringify(area);
  if (current !== null && !same && !replace)
    return {
      ok: false,
      problem: {
        pl: `Cel ma już obszar („${current.name}”). Potwierdź, że chcesz go zastąpić.`,
        en: `The goal already has an area ("${current.name}"). Confirm that you want to replace it.`,
      },
    };
  // A goal counted in an area is a count goal: it gets an indicator naming the place when it has none.
  const indicator = content.goal.indicator ?? {
    what: 'Zgłoszenia mieszkańców w Krajowej Mapie Zagrożeń Bezpieczeństwa',
    where: area.name,
    source: 'Krajowa Mapa Zagrożeń Bezpieczeństwa',
  };
  return {
    ok: true,
    content: { ...content, goal: { ...content.goal, indicator, area } },
    detail: { replaced: current !== null && !same ? current.name : null },
  };
}
