import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffWords, hasChanges } from './diff.js';

describe('word differences between plan versions', () => {
  it('marks added and removed words, keeping what stayed', () => {
    const segments = diffWords('Spotkania z seniorami w klubie.', 'Trzy spotkania z seniorami w klubie seniora.');
    const of = (kind: string) => segments.filter((s) => s.kind === kind).map((s) => s.text.trim());
    expect(of('removed')).toEqual(['Spotkania', 'klubie.']);
    expect(of('added')).toEqual(['Trzy spotkania', 'klubie seniora.']);
    expect(of('same')).toEqual(['z seniorami w']);
  });

  it('rebuilds both texts from its segments, and finds no change in equal texts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (a, b) => {
        const segments = diffWords(a, b);
        const before = segments.filter((s) => s.kind !== 'added').map((s) => s.text).join('');
        const after = segments.filter((s) => s.kind !== 'removed').map((s) => s.text).join('');
        return before === a && after === b && hasChanges(diffWords(a, a)) === false;
      }),
    );
  });
});
