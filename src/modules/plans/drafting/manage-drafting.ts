import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/audit/actor.js';
import type { Principal } from '../../../platform/auth/principal.js';
import type { ChangeBus } from '../../../platform/events/changes.js';
import { AppError } from '../../../platform/http/errors.js';
import { updatePlan } from '../manage-plans.js';
import { threatCategories, type Plan, type ThreatCategory } from '../model.js';
import { baselineFrom, placeName, threatDraft, type BaselineSpan } from './draft.js';
import { hotspotArea } from './hotspots.js';
import { draftingMessages } from './messages.js';
import { prefillArea, prefillBaseline, prefillThreat, type Prefilled } from './prefill.js';
import { readReportEvidence } from './read-evidence.js';

/*
 * Pre-filling a plan from its district's reports: the words are read now, written through the
 * plan's own edit (updatePlan: the officer of the district, an editable plan, the audit log), and
 * always in Polish, the language of the plan as a document.
 */

const planLanguage = 'pl';

export function isThreatCategory(value: unknown): value is ThreatCategory {
  return (threatCategories as readonly unknown[]).includes(value);
}

function categoryOrError(value: unknown, field: string): ThreatCategory {
  if (isThreatCategory(value)) return value;
  throw new AppError(400, 'validation_failed', { pl: draftingMessages.pl.badCategory, en: draftingMessages.en.badCategory }, { field });
}

/** Who writes, through which app: the plan's edit needs all four. */
export interface Writer {
  db: Db;
  changes: ChangeBus;
  principal: Principal;
  actor: Actor;
}

/** Reads the evidence now, builds the plan's new content from it, and saves it as the officer's edit. */
async function fill<T>(
  w: Writer,
  plan: Plan,
  build: (evidence: Awaited<ReturnType<typeof readReportEvidence>>) => Prefilled<T>,
): Promise<T> {
  const filled = build(await readReportEvidence(w.db, plan));
  if (!filled.ok) throw new AppError(409, 'prefill_refused', filled.problem, { field: 'evidence' });
  await updatePlan(w.db, w.changes, w.principal, w.actor, plan.id, { content: filled.content });
  return filled.detail;
}

/** Writes the threat section's draft for `category` into the plan (appending to what is there). */
export function fillThreatFromEvidence(w: Writer, plan: Plan, category: unknown) {
  const chosen = categoryOrError(category, 'category');
  return fill(w, plan, ({ summary, categoryNames }) =>
    prefillThreat(plan.content, chosen, threatDraft(summary, chosen, categoryNames, planLanguage)),
  );
}

/** Writes the goal's baseline: `category`'s reports over the last 6 or 12 months; an existing different one only with `replace`. */
export function fillBaselineFromEvidence(w: Writer, plan: Plan, input: { category: unknown; span: unknown; replace: boolean }) {
  const chosen = categoryOrError(input.category, 'baselineCategory');
  if (input.span !== 'half' && input.span !== 'year')
    throw new AppError(400, 'validation_failed', { pl: draftingMessages.pl.badSpan, en: draftingMessages.en.badSpan }, { field: 'span' });
  const span: BaselineSpan = input.span;
  return fill(w, plan, ({ summary, categoryNames }) => {
    const names = summary.categories.filter((c) => c.planCategory === chosen).map((c) => categoryNames.get(c.code)?.pl ?? c.code);
    const indicator = {
      what: `Zgłoszenia mieszkańców w Krajowej Mapie Zagrożeń Bezpieczeństwa${names.length ? `: ${names.join(', ')}` : ''}`,
      where: 'rejon służbowy',
      source: 'Krajowa Mapa Zagrożeń Bezpieczeństwa',
    };
    return prefillBaseline(plan.content, {
      baseline: baselineFrom(summary, chosen, span, planLanguage),
      indicator,
      replace: input.replace,
    });
  });
}

/**
 * Writes one of the evidence's places (`hotspot`: its position in the panel's list) as the goal's
 * area: the hull of its reports grown by their reach, named as the panel names it. The plan's own
 * rules then check it (an area counts only reports: measure/goal-area.ts).
 */
export function fillAreaFromEvidence(w: Writer, plan: Plan, input: { hotspot: unknown; replace: boolean }) {
  const index = typeof input.hotspot === 'string' && /^\d{1,2}$/.test(input.hotspot) ? Number(input.hotspot) : -1;
  return fill(w, plan, ({ summary }) => {
    const hotspot = summary.hotspots[index];
    const ring = hotspot && hotspotArea(hotspot);
    if (!hotspot || !ring)
      throw new AppError(
        400,
        'validation_failed',
        { pl: draftingMessages.pl.badHotspot, en: draftingMessages.en.badHotspot },
        { field: 'evidence' },
      );
    const area = { name: placeName(hotspot, planLanguage), polygon: { type: 'Polygon' as const, coordinates: [ring] } };
    return prefillArea(plan.content, area, input.replace);
  });
}
