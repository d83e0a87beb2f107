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
    // What was removed comes before what replaced it.
    expect(segments.map((s) => s.kind)).toEqual(['removed', 'added', 'same', 'removed', 'added']);
  });

  it('shows a changed figure as the old one removed, then the new one added', () => {
    expect(diffWords('o 30 % w stosunku', 'o 20 % w stosunku')).toEqual([
      { kind: 'same', text: 'o ' },
      { kind: 'removed', text: '30' },
      { kind: 'added', text: '20' },
      { kind: 'same', text: ' % w stosunku' },
    ]);
  });

  it('rebuilds both texts from its segments, and finds no change in equal texts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (a, b) => {
        const segments = diffWords(a, b);
        const before = segments
          .filter((s) => s.kind !== 'added')
          .map((s) => s.text)
          .join('');
        const after = segments
          .filter((s) => s.kind !== 'removed')
          .map((s) => s.text)
          .join('');
        return before === a && after === b && hasChanges(diffWords(a, a)) === false;
      }),
    );
  });
});
