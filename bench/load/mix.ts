/**
 * The mixed load's plan, as plain data and pure functions (tested in test/bench/load-mix.test.ts):
 * which kinds of request and how often, when each request is due, the plan workflow's next step,
 * and the memory bound the instances must keep.
 */
import { percentile } from '../harness.js';

export type RequestKind =
  | 'locate-address'
  | 'locate-point'
  | 'page-home'
  | 'page-district'
  | 'page-plan'
  | 'page-unit'
  | 'map'
  | 'report'
  | 'plan-edit'
  | 'log-entry'
  | 'workflow';

export interface MixEntry {
  kind: RequestKind;
  /** Requests of this kind in every `mixTotal` requests. */
  weight: number;
  /** What it stands for, in the report. */
  what: string;
}

/**
 * Mostly residents reading (locate, pages, the map), a steady trickle of reports, and staff
 * writing: roughly what a district portal sees in a working day, compressed.
 */
export const loadMix: readonly MixEntry[] = [
  { kind: 'locate-address', weight: 14, what: 'locate by a typed address of the demo register' },
  { kind: 'locate-point', weight: 8, what: 'locate by a point inside a district' },
  { kind: 'page-home', weight: 6, what: 'home page' },
  { kind: 'page-district', weight: 8, what: 'a district page' },
  { kind: 'page-plan', weight: 6, what: 'a published plan page' },
  { kind: 'page-unit', weight: 4, what: 'a unit page' },
  { kind: 'map', weight: 20, what: 'public report map, a 1280 × 800 viewport at zoom 8–16' },
  { kind: 'report', weight: 14, what: 'a report submitted through the public API (point or address)' },
  { kind: 'plan-edit', weight: 8, what: 'an officer saves a draft plan (PATCH)' },
  { kind: 'log-entry', weight: 6, what: 'an officer records an action log entry' },
  { kind: 'workflow', weight: 6, what: 'a plan workflow step: submit, approve, return, revise' },
];

export const mixTotal = (mix: readonly MixEntry[]) => mix.reduce((sum, entry) => sum + entry.weight, 0);

/**
 * One cycle of the mix, `mixTotal` long, spread by smooth weighted round robin (nginx's): each
 * kind appears exactly its weight times, interleaved rather than in blocks, so a short run sees
 * the same mix as a long one and no kind arrives in a burst.
 */
export function mixCycle(mix: readonly MixEntry[]): RequestKind[] {
  const total = mixTotal(mix);
  const current = mix.map(() => 0);
  const cycle: RequestKind[] = [];
  for (let n = 0; n < total; n++) {
    let best = 0;
    mix.forEach((entry, i) => {
      current[i]! += entry.weight;
      if (current[i]! > current[best]!) best = i;
    });
    current[best]! -= total;
    cycle.push(mix[best]!.kind);
  }
  return cycle;
}

/**
 * Open loop at a fixed rate: request i is due at i / rate seconds whatever the answers before it
 * do, and its latency is counted from then, so a slow server cannot slow the load down and hide
 * its own slowness (no coordinated omission).
 */
export function dueAt(index: number, ratePerSecond: number): number {
  return (index * 1000) / ratePerSecond;
}

/** How many requests are due by `elapsedMs` (request 0 at 0 ms). */
export function dueBy(elapsedMs: number, ratePerSecond: number): number {
  return elapsedMs < 0 ? 0 : Math.floor((elapsedMs * ratePerSecond) / 1000 + 1e-9) + 1;
}

/**
 * Round robin over the instances, as a reverse proxy does, shifted by one every mix cycle: with a
 * cycle a multiple of the instance count, plain round robin would send each kind's requests to
 * the same instance every cycle; shifted, each kind reaches every instance equally.
 */
export function instanceOf(index: number, instances: number, cycleLength: number): number {
  return (index + Math.floor(index / cycleLength)) % instances;
}

export interface Latencies {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latencies(values: readonly number[]): Latencies {
  if (values.length === 0) return { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  return {
    count: values.length,
    p50: percentile([...values], 50),
    p95: percentile([...values], 95),
    p99: percentile([...values], 99),
    max: Math.max(...values),
  };
}

/** The bound each instance's resident memory must keep from the end of the warm-up to the end of the load. */
export const memoryBound = { factor: 1.5, plusMb: 50 } as const;

export const memoryBoundText = `end ≤ start × ${memoryBound.factor} + ${memoryBound.plusMb} MB`;

export function withinMemoryBound(startKb: number, endKb: number): boolean {
  return endKb <= startKb * memoryBound.factor + memoryBound.plusMb * 1024;
}

export type PlanStep = 'submit' | 'approve' | 'return' | 'revise';

/**
 * The workflow each bench plan goes round: the officer submits, the supervisor returns every
 * `returnEvery`-th submission with a comment and approves the others, the officer resubmits a
 * returned plan and revises an approved one (a new version, a draft again). Null: the status is
 * not one the loop reaches.
 */
export function nextPlanStep(
  status: string,
  decisions: number,
  returnEvery = 3,
): { by: 'officer' | 'supervisor'; transition: PlanStep } | null {
  switch (status) {
    case 'draft':
    case 'returned':
      return { by: 'officer', transition: 'submit' };
    case 'submitted':
      return { by: 'supervisor', transition: (decisions + 1) % returnEvery === 0 ? 'return' : 'approve' };
    case 'approved':
      return { by: 'officer', transition: 'revise' };
    default:
      return null;
  }
}
