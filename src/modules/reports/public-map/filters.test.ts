import { describe, expect, it } from 'vitest';
import { apiFilter, filterParams, isDay, readFilter, withFilter } from './filters.js';

const known = { categories: new Set(['vandalism', 'illegal-dumping']), units: new Set(['kpp-lubartow']) };

describe('public report filters', () => {
  it('knows a real day', () => {
    expect(isDay('2026-11-05')).toBe(true);
    expect(isDay('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-5', '', '20261105', '2026-11-05T00:00']) expect(isDay(bad), bad).toBe(false);
  });

  it('reads a page query leniently: unknown values are dropped, a reversed period is turned round', () => {
    expect(
      readFilter(
        {
          category: 'vandalism',
          status: 'verifying',
          unitId: 'kpp-lubartow',
          districtId: 'kpp-lubartow/3',
          from: '2026-11-30',
          to: '2026-11-01',
        },
        known,
      ),
    ).toEqual({
      category: 'vandalism',
      status: 'verifying',
      unitId: 'kpp-lubartow',
      districtId: 'kpp-lubartow/3',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(
      readFilter(
        { category: 'x', status: 'open', unitId: 'kpp-nowhere', districtId: '<b>', from: '2026-02-30', to: ['2026-01-01'] },
        known,
      ),
    ).toEqual({});
  });

  it('writes the filter back into links in a fixed order, without empty values', () => {
    expect(filterParams({ to: '2026-11-30', category: 'vandalism' })).toEqual([
      ['category', 'vandalism'],
      ['to', '2026-11-30'],
    ]);
    expect(withFilter('/zgloszenia', {})).toBe('/zgloszenia');
    expect(withFilter('/zgloszenia', { unitId: 'kpp-lubartow' }, [['page', '2']])).toBe('/zgloszenia?unitId=kpp-lubartow&page=2');
  });

  it('takes API filters as given, empty meaning none, and names an impossible day', () => {
    expect(apiFilter({ category: '', status: '', from: '', to: '' })).toEqual({ filter: {}, badDay: null });
    expect(apiFilter({ status: 'new', from: '2026-01-01' })).toEqual({ filter: { status: 'new', from: '2026-01-01' }, badDay: null });
    expect(apiFilter({ to: '2026-02-30' }).badDay).toBe('to');
  });
});
