import type { IndicatorArea, IndicatorSpec } from '../../indicators/index.js';
import { categoryNames } from '../messages.js';
import type { PlanContent, ThreatCategory } from '../model.js';
import { significanceLevel } from '../evaluation/verdict.js';
import { defaultBaselineWindows, type Window } from './windows.js';

/**
 * The measure frozen when a plan's version is approved (miernik zamrożony przy zatwierdzeniu):
 * what the evaluation of its goal will use, whatever later drafts say. Plain data, stored as JSON
 * in `plan_measures` (migration 0016).
 */
export type FrozenMeasure = CountMeasure | SurveyMeasure | QualitativeMeasure;

interface MeasureBase {
  planId: string;
  version: number;
  frozenAt: Date;
  frozenBy: string;
}

export interface CountMeasure extends MeasureBase {
  kind: 'count';
  spec: IndicatorSpec;
  /** What the plan's text calls the indicator (goal.indicator.what), for people. */
  label: string;
  /**
   * The plan's district, narrowed to the goal's drawn area when it had one (`polygon` and its
   * `name`); measures frozen before areas existed hold the district alone and read the same.
   */
  area: FrozenArea;
  period: Window;
  /** Their counts and days add up to the goal's baseline. */
  baselineWindows: Window[];
  /** The rest of the unit (its other districts at approval); null when the unit has no other district. */
  comparison: { districtIds: string[] } | null;
  rule: { direction: 'decrease' | 'increase'; targetPercent: number; significance: number; test: 'exact_conditional_binomial' };
}

export type FrozenArea = IndicatorArea & { name?: string | undefined };

export interface SurveyMeasure extends MeasureBase {
  kind: 'survey';
  period: Window;
  rule: { targetShare: number; significance: number; interval: 'wilson' };
}

export interface QualitativeMeasure extends MeasureBase {
  kind: 'qualitative';
  period: Window;
  rule: { decidedBy: 'supervisor' };
}

/**
 * Report categories that measure a threat category (the KMZB catalogue's codes); a threat the
 * catalogue does not cover is measured on the unit's imported data, named as plans name it.
 */
const reportCategoriesOf: Partial<Record<ThreatCategory, string[]>> = {
  alcohol_in_public: ['drinking-in-public'],
  youth_demoralisation: ['minors-at-risk-gathering'],
  vandalism: ['vandalism', 'destruction-of-greenery'],
  road_safety: ['speeding', 'illegal-car-racing', 'poor-traffic-organisation'],
  parking: ['illegal-parking'],
  drugs: ['drug-use'],
  illegal_dumping: ['illegal-dumping'],
  animals: ['stray-dogs', 'animal-cruelty'],
};

/** The indicator the editor proposes for a threat category. */
export function defaultIndicatorSpec(category: ThreatCategory | null): IndicatorSpec {
  const reports = category ? reportCategoriesOf[category] : undefined;
  if (reports) return { source: 'reports', categories: [...reports] };
  return { source: 'imported', categories: category && category !== 'other' ? [categoryNames.pl[category]!] : [] };
}

/** The goal's spec as the officer chose it, else the default of its threat category. */
export function indicatorSpecOf(content: PlanContent): IndicatorSpec {
  const chosen = content.goal.indicatorSpec;
  return chosen && chosen.categories.length > 0 ? chosen : defaultIndicatorSpec(content.threat.category);
}

/** What is frozen for a plan's version at approval (pure: the unit's districts are given). */
export function measureToFreeze(
  plan: { id: string; version: number; districtId: string; periodFrom: string; periodTo: string; content: PlanContent },
  unitDistrictIds: readonly string[],
  frozenBy: string,
  frozenAt: Date,
): FrozenMeasure {
  const base = { planId: plan.id, version: plan.version, frozenAt, frozenBy };
  const period = { from: plan.periodFrom, to: plan.periodTo };
  const target = plan.content.goal.target;
  if (!target) return { ...base, kind: 'qualitative', period, rule: { decidedBy: 'supervisor' } };
  if (target.kind === 'survey')
    return {
      ...base,
      kind: 'survey',
      period,
      rule: { targetShare: target.percent / 100, significance: significanceLevel, interval: 'wilson' },
    };
  const others = unitDistrictIds.filter((id) => id !== plan.districtId);
  const spec = indicatorSpecOf(plan.content);
  // The plan's rules let an area be stored only with reports; an older draft's area with imported data counts the district.
  const drawn = spec.source === 'reports' ? plan.content.goal.area : null;
  return {
    ...base,
    kind: 'count',
    spec,
    label: plan.content.goal.indicator?.what ?? '',
    area: drawn ? { districtIds: [plan.districtId], polygon: drawn.polygon, name: drawn.name } : { districtIds: [plan.districtId] },
    period,
    baselineWindows: defaultBaselineWindows(period),
    comparison: others.length > 0 ? { districtIds: others } : null,
    rule: {
      direction: target.direction,
      targetPercent: target.percent,
      significance: significanceLevel,
      test: 'exact_conditional_binomial',
    },
  };
}
