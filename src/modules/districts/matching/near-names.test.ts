import { describe, expect, it } from 'vitest';
import { editDistance } from './fuzzy.js';
import { NearNames, isLikelyTypo, typoLimit } from './near-names.js';

describe('the typo rule', () => {
  it('allows one edit up to 5 letters and two beyond, counting letters after folding', () => {
    expect(typoLimit('sejny')).toBe(1);
    expect(typoLimit('leczna')).toBe(2);
    expect(typoLimit('nowa wies')).toBe(2);
    expect(isLikelyTypo('sejmy', 'sejny')).toBe(true);
    expect(isLikelyTypo('sejmo', 'sejny')).toBe(false);
    expect(isLikelyTypo('lubartw', 'lubartow')).toBe(true);
    expect(isLikelyTypo('lubrtw', 'lubartow')).toBe(true);
    expect(isLikelyTypo('lbrtw', 'lubartow')).toBe(false);
    // A swap of neighbours is one edit (Damerau), not two.
    expect(isLikelyTypo('lecnza', 'leczna')).toBe(true);
    expect(isLikelyTypo('leczna', 'leczna')).toBe(false);
  });
});

describe('NearNames', () => {
  // Pronounceable generated names, many of them close to each other.
  const syllables = ['ka', 'lo', 'wi', 'ce', 'bor', 'ek', 'no', 'sz', 'ow', 'in'];
  const names: string[] = [];
  for (let a = 0; a < syllables.length; a++)
    for (let b = 0; b < syllables.length; b++)
      for (let c = 0; c < syllables.length; c++) names.push(`${syllables[a]}${syllables[b]}${syllables[c]}`);
  const index = new NearNames(names);

  it('finds exactly what a scan with the distance finds, for typos of held names and for unrelated words', () => {
    const queries = ['kalowi', 'kalwoi', 'kaowi', 'kaloowi', 'borekno', 'xyzzy', 'szszsz', 'ce', 'inowce', 'kaaloxwi'];
    for (const query of queries) {
      const limit = typoLimit(query);
      const scanned = names.filter((name) => name !== query && editDistance(query, name, limit) <= limit).sort();
      expect(
        index
          .near(query, 10_000)
          .map((found) => found.name)
          .sort(),
      ).toEqual(scanned);
    }
  });

  it('orders by distance and never offers the name itself', () => {
    const found = index.near('kalowi');
    expect(found.map((f) => f.name)).not.toContain('kalowi');
    expect(found.map((f) => f.distance)).toEqual([...found.map((f) => f.distance)].sort((a, b) => a - b));
    expect(found[0]!.distance).toBe(1);
  });
});
