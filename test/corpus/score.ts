/**
 * The plan reader's corpus (test/corpus/plans: NNN-name.txt with NNN-name.expected.json written
 * before the reader ran) and how to score a reading of it, field by field. Used by the corpus test
 * and by the benchmark.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/platform/config/config.js';
import { NotAPlanError, parsePlans, type ParsedPlan } from '../../src/modules/plans/import/parse-plan.js';

export interface ExpectedPlan {
  district: number | null;
  period: { from: string | null; to: string | null } | null;
  officer: { rank: string; name: string } | null;
  unit: string | null;
  sections: string[];
  target?: { direction: string; percent: number; kind: string } | null;
}

export interface CorpusDocument {
  name: string;
  text: string;
  plans: ExpectedPlan[];
}

export const corpusDir = path.join(projectRoot, 'test', 'corpus', 'plans');

export function loadCorpus(): CorpusDocument[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -4);
      const expected = JSON.parse(readFileSync(path.join(corpusDir, `${name}.expected.json`), 'utf8')) as { plans: ExpectedPlan[] };
      return { name, text: readFileSync(path.join(corpusDir, f), 'utf8'), plans: expected.plans };
    });
}

/** The plans of a document, or null when the reader refuses it as not a plan. */
export function readPlans(text: string): ParsedPlan[] | null {
  try {
    return parsePlans(text);
  } catch (error) {
    if (error instanceof NotAPlanError) return null;
    throw error;
  }
}

/** Names match when every word starts the same (the reader keeps "Pawła Kruka" as written for "Paweł Kruk"). */
function sameName(a: string, b: string): boolean {
  const wa = a.toLowerCase().split(/\s+/);
  const wb = b.toLowerCase().split(/\s+/);
  return wa.length === wb.length && wa.every((w, i) => w.slice(0, 3) === wb[i]!.slice(0, 3));
}

export function sectionsOf(plan: ParsedPlan): string[] {
  const present: [string, boolean][] = [
    ['threat', plan.threat.description.trim() !== ''],
    ['goal', plan.goal.description.trim() !== ''],
    ['actions', plan.actions.length > 0],
    ['partners', plan.partners.length > 0],
    ['communication', plan.communication.length > 0],
  ];
  return present.filter(([, p]) => p).map(([k]) => k);
}

export const fields = ['plans', 'refused', 'district', 'district (stated)', 'period', 'period (stated)', 'officer', 'unit', 'sections', 'target'] as const;
export type Field = (typeof fields)[number];
export type Tally = Record<Field, { right: number; total: number }>;

/** Field-by-field tally of readings (null = refused) against the expectations; `misses` say which. */
export function score(documents: CorpusDocument[], readings: (ParsedPlan[] | null)[]): { tally: Tally; misses: string[] } {
  const tally = Object.fromEntries(fields.map((f) => [f, { right: 0, total: 0 }])) as Tally;
  const misses: string[] = [];
  const count = (field: Field, right: boolean, doc: string, detail: () => string) => {
    tally[field].total++;
    if (right) tally[field].right++;
    else misses.push(`${doc} ${field}: ${detail()}`);
  };
  documents.forEach((doc, d) => {
    const got = readings[d] ?? null;
    if (doc.plans.length === 0) {
      count('refused', got === null, doc.name, () => `read ${got?.length} plan(s)`);
      return;
    }
    count('plans', got !== null && got.length === doc.plans.length, doc.name, () => `${got?.length ?? 'refused'} instead of ${doc.plans.length}`);
    doc.plans.forEach((want, i) => {
      const plan = got?.[i];
      const where = `${doc.name}#${i + 1}`;
      count('district', plan?.districtNumber === want.district, where, () => `${plan?.districtNumber} ≠ ${want.district}`);
      if (want.district !== null) count('district (stated)', plan?.districtNumber === want.district, where, () => `${plan?.districtNumber} ≠ ${want.district}`);
      const period = plan?.period ?? null;
      const samePeriod = JSON.stringify(period) === JSON.stringify(want.period);
      count('period', samePeriod, where, () => `${JSON.stringify(period)} ≠ ${JSON.stringify(want.period)}`);
      if (want.period !== null) count('period (stated)', samePeriod, where, () => `${JSON.stringify(period)} ≠ ${JSON.stringify(want.period)}`);
      const officer = plan?.officer ?? null;
      count('officer', want.officer === null ? officer === null : officer !== null && sameName(officer.name, want.officer.name), where, () => `${JSON.stringify(officer)} ≠ ${JSON.stringify(want.officer)}`);
      count('unit', (plan?.unit ?? null) === want.unit, where, () => `${plan?.unit} ≠ ${want.unit}`);
      const sections = plan ? sectionsOf(plan) : [];
      count('sections', [...sections].sort().join() === [...want.sections].sort().join(), where, () => `${sections.join()} ≠ ${want.sections.join()}`);
      if (want.target !== undefined) {
        const target = plan?.goal.target ?? null;
        const right = want.target === null ? target === null : target !== null && target.direction === want.target.direction && target.percent === want.target.percent && (target.kind ?? 'count') === want.target.kind;
        count('target', right, where, () => `${JSON.stringify(target)} ≠ ${JSON.stringify(want.target)}`);
      }
    });
  });
  return { tally, misses };
}

export function share(t: { right: number; total: number }): number {
  return t.total === 0 ? 1 : t.right / t.total;
}
