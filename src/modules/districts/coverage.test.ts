import { describe, expect, it } from 'vitest';
import { coverageOf } from './coverage.js';

const unit = { id: 'kpp-test', name: 'KPP w Testowie', phone: '+48 000 100 001', email: null };

describe('who covers a district today', () => {
  it('is its officer, or the substitute the card names, or the unit when there is neither', () => {
    expect(coverageOf({ officer: { rank: 'st. sierż.', name: 'Anna Nowak', substitute: false } }, unit)).toMatchObject({
      by: 'officer',
      officer: { name: 'Anna Nowak' },
    });
    expect(coverageOf({ officer: { rank: 'sierż.', name: 'Jan Kowal', substitute: true } }, unit)).toMatchObject({
      by: 'substitute',
      officer: { name: 'Jan Kowal' },
    });
    const vacant = coverageOf({ officer: null }, unit);
    expect(vacant).toEqual({
      by: 'unit',
      officer: null,
      unit: { id: 'kpp-test', name: 'KPP w Testowie', phone: '+48 000 100 001', email: null },
    });
  });
});
