import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asTree, canBeChildOf, slugify } from './model.js';

describe('unit hierarchy', () => {
  it('follows KGP › KWP/KSP › KMP/KPP/KRP › KP/PP', () => {
    expect(canBeChildOf('KGP', null)).toBe(true);
    expect(canBeChildOf('KWP', 'KGP')).toBe(true);
    expect(canBeChildOf('KPP', 'KWP')).toBe(true);
    expect(canBeChildOf('KP', 'KPP')).toBe(true);
    expect(canBeChildOf('PP', 'KMP')).toBe(true);
    expect(canBeChildOf('KRP', 'KSP')).toBe(true);
    expect(canBeChildOf('KPP', 'KGP')).toBe(false);
    expect(canBeChildOf('KWP', null)).toBe(false);
    expect(canBeChildOf('KGP', 'KWP')).toBe(false);
    expect(canBeChildOf('PP', 'KWP')).toBe(false);
  });
});

describe('slugify', () => {
  it('turns Polish names into readable ids', () => {
    expect(slugify('KPP Łęczna')).toBe('kpp-leczna');
    expect(slugify('Komenda Powiatowa Policji w Lubartowie')).toBe('komenda-powiatowa-policji-w-lubartowie');
    expect(slugify('  Żółć & Gęś  ')).toBe('zolc-ges');
  });

  it('always yields a valid id or an empty string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const slug = slugify(text);
        return slug === '' || (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) && slug.length <= 60);
      }),
    );
  });
});

describe('asTree', () => {
  it('puts parents before children and sorts siblings in Polish order', () => {
    const tree = asTree([
      { id: 'c', parentId: 'a', name: 'Łęczna' },
      { id: 'b', parentId: 'a', name: 'Lubartów' },
      { id: 'a', parentId: null, name: 'KWP' },
      { id: 'd', parentId: 'a', name: 'Zamość' },
      { id: 'e', parentId: 'c', name: 'KP' },
    ]);
    expect(tree.map((n) => `${n.depth}:${n.unit.name}`)).toEqual(['0:KWP', '1:Lubartów', '1:Łęczna', '2:KP', '1:Zamość']);
  });
});
