import { describe, expect, it } from 'vitest';
import { fields, loadCorpus, readPlans, score, share } from './score.js';

describe('the plan reader over its corpus (test/corpus/plans)', () => {
  const documents = loadCorpus();
  const { tally, misses } = score(documents, documents.map((d) => readPlans(d.text)));

  it('holds at least 60 documents, some of them not plans', () => {
    expect(documents.length).toBeGreaterThanOrEqual(60);
    expect(documents.filter((d) => d.plans.length === 0).length).toBeGreaterThanOrEqual(3);
  });

  it('prints the share right per field and meets the issue goals', () => {
    console.log(fields.map((f) => `${f}: ${tally[f].right}/${tally[f].total} = ${(share(tally[f]) * 100).toFixed(1)} %`).join('\n'));
    if (misses.length) console.log(`Misses:\n${misses.join('\n')}`);
    expect(share(tally['district (stated)'])).toBeGreaterThanOrEqual(0.95);
    expect(share(tally['period (stated)'])).toBeGreaterThanOrEqual(0.95);
    expect(tally.refused.right).toBe(tally.refused.total);
  });
});
