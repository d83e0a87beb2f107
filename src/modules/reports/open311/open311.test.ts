import { describe, expect, it } from 'vitest';
import { commaList, coordinate, dateParameter, idList, parseW3cDateTime, statusList } from './input.js';
import { escapeXml, xmlDocument } from './xml.js';

describe('W3C date-times (GeoReport v2 dates)', () => {
  it('reads UTC, offsets and fractions', () => {
    expect(parseW3cDateTime('1994-11-05T13:15:30Z')?.toISOString()).toBe('1994-11-05T13:15:30.000Z');
    expect(parseW3cDateTime('1994-11-05T08:15:30-05:00')?.toISOString()).toBe('1994-11-05T13:15:30.000Z');
    expect(parseW3cDateTime('2026-11-05T09:15+01:00')?.toISOString()).toBe('2026-11-05T08:15:00.000Z');
    expect(parseW3cDateTime('2026-11-05T09:15:30.123456+01:00')?.toISOString()).toBe('2026-11-05T08:15:30.123Z');
  });

  it('takes a "+" that a query string turned into a space', () => {
    expect(parseW3cDateTime('2026-11-05T09:15:30 01:00')?.toISOString()).toBe('2026-11-05T08:15:30.000Z');
  });

  it('rejects dates without a zone, impossible dates and other text', () => {
    for (const bad of [
      '0000-01-01T00:00:00Z',
      '0000-12-31T23:00:00-05:00',
      '2026-11-05T09:15:30',
      '2026-11-05',
      '2026-02-30T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-11-05T24:00:00Z',
      'yesterday',
      '2026-11-05T09:15:30+15:00',
      '',
    ]) {
      expect(parseW3cDateTime(bad), bad).toBeNull();
    }
    expect(() => dateParameter('start_date', 'wczoraj')).toThrow(/start_date/);
    expect(dateParameter('start_date', undefined)).toBeNull();
  });

  it('rejects a time whose offset carries it out of years 1 to 9999, and keeps the edges inside', () => {
    expect(parseW3cDateTime('9999-12-31T23:59:59-14:00')).toBeNull();
    expect(parseW3cDateTime('0001-01-01T00:00:00+14:00')).toBeNull();
    expect(parseW3cDateTime('9999-12-31T23:59:59Z')?.toISOString()).toBe('9999-12-31T23:59:59.000Z');
    expect(parseW3cDateTime('0001-01-01T10:00:00+09:00')?.toISOString()).toBe('0001-01-01T01:00:00.000Z');
  });
});

describe('list and number parameters', () => {
  it('splits comma lists without blanks or repeats', () => {
    expect(commaList('a, b,,a ')).toEqual(['a', 'b']);
    expect(commaList('')).toBeNull();
    expect(commaList(undefined)).toBeNull();
  });

  it('reads request numbers and statuses, and names the bad one', () => {
    expect(idList('service_request_id', '3,1,3')).toEqual([3, 1]);
    expect(() => idList('service_request_id', '1,x')).toThrow(/"x"/);
    expect(() => idList('service_request_id', '0')).toThrow();
    expect(statusList('open,closed')).toEqual(['open', 'closed']);
    expect(() => statusList('open,pending')).toThrow(/pending/);
  });

  it('reads coordinates from JSON numbers and form text', () => {
    expect(coordinate('lat', 51.45)).toBe(51.45);
    expect(coordinate('lat', ' 51.45 ')).toBe(51.45);
    expect(coordinate('lat', '')).toBeNull();
    expect(coordinate('lat', undefined)).toBeNull();
    for (const bad of ['51,45', 'abc', '1e3', 'NaN', 'Infinity', '0x10']) expect(() => coordinate('lat', bad), bad).toThrow(/lat/);
  });
});

describe('XML output', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>\u0000\u0007`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
    );
  });

  it('nests objects, repeats list items and writes null as an empty element', () => {
    const doc = xmlDocument(
      'service_requests',
      [{ service_request_id: '1', lat: null, extended_attributes: { approximate_position: true }, skipped: undefined }],
      { service_requests: 'request' },
    );
    expect(doc).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<service_requests><request><service_request_id>1</service_request_id><lat/><extended_attributes><approximate_position>true</approximate_position></extended_attributes></request></service_requests>\n',
    );
  });
});
