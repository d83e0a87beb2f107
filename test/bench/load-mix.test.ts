import { describe, expect, it } from 'vitest';
import {
  dueAt,
  dueBy,
  instanceOf,
  latencies,
  loadMix,
  mixCycle,
  mixTotal,
  nextPlanStep,
  withinMemoryBound,
  type MixEntry,
} from '../../bench/load/mix.js';

describe('the mixed load’s plan (bench/load/mix.ts)', () => {
  const mixes: MixEntry[][] = [
    [...loadMix],
    [
      { kind: 'map', weight: 7, what: '' },
      { kind: 'report', weight: 2, what: '' },
      { kind: 'workflow', weight: 1, what: '' },
    ],
    [{ kind: 'page-home', weight: 3, what: '' }],
  ];

  it.each(mixes.map((mix) => [mix.map((e) => `${e.kind}:${e.weight}`).join(' '), mix] as const))(
    'a cycle of %s holds each kind its weight times, and every prefix within one of its share',
    (_name, mix) => {
      const cycle = mixCycle(mix);
      const total = mixTotal(mix);
      expect(cycle).toHaveLength(total);
      for (const entry of mix) {
        expect(cycle.filter((kind) => kind === entry.kind)).toHaveLength(entry.weight);
        let seen = 0;
        cycle.forEach((kind, i) => {
          if (kind === entry.kind) seen++;
          expect(Math.abs(seen - ((i + 1) * entry.weight) / total)).toBeLessThan(1);
        });
      }
    },
  );

  it('spreads a heavy kind instead of sending it in a block', () => {
    const cycle = mixCycle([
      { kind: 'map', weight: 6, what: '' },
      { kind: 'report', weight: 2, what: '' },
    ]);
    // Worked by hand: the running totals (6, 2) → map, (4, 4) → map, (2, 6) → report, (8, 0) → map, and again.
    expect(cycle.join(' ')).toBe('map map report map map map report map');
  });

  it('names every kind of the load once', () => {
    const kinds = loadMix.map((e) => e.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(loadMix.every((e) => Number.isInteger(e.weight) && e.weight > 0)).toBe(true);
  });

  it.each([40, 7, 33.3, 0.5])('schedules request i at i / rate seconds and counts exactly the ones due (%s per second)', (rate) => {
    for (let i = 0; i < 5000; i++) {
      expect(dueBy(dueAt(i, rate), rate)).toBe(i + 1);
      expect(dueBy(dueAt(i, rate) - 0.01, rate)).toBe(i);
    }
    expect(dueBy(-1, rate)).toBe(0);
    expect(dueAt(Math.round(rate * 60), rate)).toBeCloseTo(60_000, 6);
  });

  it('sends requests round robin over the instances, and every kind to each instance alike', () => {
    expect(Array.from({ length: 6 }, (_, i) => instanceOf(i, 2, 100))).toEqual([0, 1, 0, 1, 0, 1]);
    expect(Array.from({ length: 4 }, (_, i) => instanceOf(i, 3, 100))).toEqual([0, 1, 2, 0]);
    const cycle = mixCycle(loadMix);
    for (const instances of [2, 3]) {
      const sent = new Map<string, number[]>();
      for (let i = 0; i < cycle.length * instances; i++) {
        const kind = cycle[i % cycle.length]!;
        const counts = sent.get(kind) ?? Array.from({ length: instances }, () => 0);
        counts[instanceOf(i, instances, cycle.length)]!++;
        sent.set(kind, counts);
      }
      for (const entry of loadMix) expect(sent.get(entry.kind)).toEqual(Array.from({ length: instances }, () => entry.weight));
    }
  });

  it('reads percentiles from the latencies in any order', () => {
    const values = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000) + 1); // 1…1000 shuffled
    expect(latencies(values)).toEqual({ count: 1000, p50: 501, p95: 951, p99: 991, max: 1000 });
    expect(latencies([5])).toEqual({ count: 1, p50: 5, p95: 5, p99: 5, max: 5 });
    expect(latencies([]).count).toBe(0);
  });

  it('holds the memory bound up to start × 1.5 + 50 MB, and no further', () => {
    const start = 200 * 1024;
    expect(withinMemoryBound(start, start)).toBe(true);
    expect(withinMemoryBound(start, 350 * 1024)).toBe(true);
    expect(withinMemoryBound(start, 350 * 1024 + 1)).toBe(false);
  });

  it('walks a plan round its workflow, returning every third submission', () => {
    let status = 'draft';
    let decisions = 0;
    const steps: string[] = [];
    for (let i = 0; i < 12; i++) {
      const step = nextPlanStep(status, decisions)!;
      steps.push(`${step.by}:${step.transition}`);
      if (step.transition === 'approve' || step.transition === 'return') decisions++;
      status = { submit: 'submitted', approve: 'approved', return: 'returned', revise: 'draft' }[step.transition];
    }
    expect(steps).toEqual([
      'officer:submit',
      'supervisor:approve',
      'officer:revise',
      'officer:submit',
      'supervisor:approve',
      'officer:revise',
      'officer:submit',
      'supervisor:return',
      'officer:submit',
      'supervisor:approve',
      'officer:revise',
      'officer:submit',
    ]);
    expect(nextPlanStep('published', 0)).toBeNull();
  });
});
