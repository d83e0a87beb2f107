import { describe, expect, it } from 'vitest';
import { csvColumns, csvField, csvHeader, csvRow, geoJsonFeature, geoJsonOpening } from './exports.js';
import type { PublicRow } from './repository.js';

const row: PublicRow = {
  id: 42,
  categoryId: 'vandalism',
  status: 'confirmed',
  lon: 22.60271234567,
  lat: 51.45971234567,
  unitId: 'kpp-lubartow',
  unitName: 'Komenda Powiatowa Policji w Lubartowie',
  districtId: 'kpp-lubartow/1',
  districtName: 'Rejon nr 1 – Lubartów, Śródmieście',
  createdAt: new Date('2026-11-05T10:00:00Z'),
  statusChangedAt: new Date('2026-11-06T10:00:00Z'),
  confirmations: 3,
  eventDate: '2026-11-04',
  eventHour: 21,
};
const context = { lang: 'pl' as const, publicUrl: 'https://example.org', categoryName: () => 'Akty "wandalizmu"' };

describe('CSV and GeoJSON of public reports', () => {
  it('quotes CSV fields (RFC 4180) and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+48')).toBe("'+48");
    expect(csvField(null)).toBe('');
    expect(csvField(-1.5)).toBe('-1.5');
  });

  it('starts with the BOM and the header, one CRLF line a report', () => {
    expect(csvHeader()).toBe(`\uFEFF${csvColumns.join(',')}\r\n`);
    expect(csvRow(row, context)).toBe(
      '42,https://example.org/zgloszenia/42,vandalism,"Akty ""wandalizmu""",confirmed,Potwierdzone,2026-11-05T10:00:00.000Z,2026-11-06T10:00:00.000Z,' +
        'kpp-lubartow,Komenda Powiatowa Policji w Lubartowie,kpp-lubartow/1,"Rejon nr 1 – Lubartów, Śródmieście",51.459712,22.602712,3,2026-11-04,21\r\n',
    );
    expect(
      csvRow({ ...row, lat: null, lon: null, districtId: null, districtName: null, eventDate: null, eventHour: null }, context),
    ).toContain(',kpp-lubartow,Komenda Powiatowa Policji w Lubartowie,,,,,3,,\r\n');
  });

  it('makes GeoJSON points at the approximate position, or no geometry for a report by address', () => {
    const feature = geoJsonFeature(row, context);
    expect(feature.geometry).toEqual({ type: 'Point', coordinates: [22.602712, 51.459712] });
    expect(feature.properties).toMatchObject({
      id: 42,
      status: 'confirmed',
      statusName: 'Potwierdzone',
      approximate: true,
      precisionMeters: 50,
      eventDate: '2026-11-04',
      eventHour: 21,
    });
    expect(geoJsonFeature({ ...row, lat: null, lon: null }, context).geometry).toBeNull();
    const collection = JSON.parse(
      `${geoJsonOpening({ total: 1, truncated: false, generatedAt: new Date('2026-11-07T00:00:00Z') })}${JSON.stringify(feature)}]}`,
    );
    expect(collection).toMatchObject({ type: 'FeatureCollection', totalCount: 1, truncated: false, limit: 50_000 });
    expect(collection.features).toHaveLength(1);
  });
});
