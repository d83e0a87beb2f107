import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCsv, parseCsv } from './csv.js';

describe('CSV', () => {
  it('reads quoted fields with commas, quotes and line breaks, and numbers lines', () => {
    const { rows, error } = parseCsv(
      'unit,district,locality,street,numbers\r\nkpp-lubartow,3,Lubartów,"Lubelska, boczna","1-25 nieparzyste; 30-40"\n\nkpp-leczna,3,Łęczna,"Ulica ""Nowa""\ncd",\n',
    );
    expect(error).toBeNull();
    expect(rows).toEqual([
      { line: 1, fields: ['unit', 'district', 'locality', 'street', 'numbers'] },
      { line: 2, fields: ['kpp-lubartow', '3', 'Lubartów', 'Lubelska, boczna', '1-25 nieparzyste; 30-40'] },
      { line: 4, fields: ['kpp-leczna', '3', 'Łęczna', 'Ulica "Nowa"\ncd', ''] },
    ]);
  });

  it('accepts the semicolon separator Polish spreadsheets use, and a BOM', () => {
    const { rows } = parseCsv('\uFEFFunit;district;locality;street;numbers\nkpp-sejny;1;Sejny;Piłsudskiego;"1-9; 12"\n');
    expect(rows[1]!.fields).toEqual(['kpp-sejny', '1', 'Sejny', 'Piłsudskiego', '1-9; 12']);
  });

  it('reports broken quoting with its line', () => {
    expect(parseCsv('a,b\n1,"open\n2,3').error).toEqual({ line: 2, message: 'unclosed quote' });
    expect(parseCsv('a,b\n"x"y,2').error).toEqual({ line: 2, message: 'text after a closing quote' });
  });

  it('round-trips any table of text', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ł', ',', ';', '"', '\n', ' ', '1', '-'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (table) => {
        const rows = table.filter((row) => row.some((f) => f.trim() !== ''));
        const widths = new Set(rows.map((r) => r.length));
        if (rows.length === 0 || widths.size !== 1) return true;
        const parsed = parseCsv(formatCsv(rows));
        return parsed.error === null && JSON.stringify(parsed.rows.map((r) => r.fields)) === JSON.stringify(rows);
      }),
    );
  });
});
