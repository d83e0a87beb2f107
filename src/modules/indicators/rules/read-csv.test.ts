import { describe, expect, it } from 'vitest';
import { placeLines } from './place.js';
import { readDay, readIndicatorCsv, type CountLine } from './read-csv.js';

const today = '2026-06-30';

/**
 * Realistic files in the shapes units really export, each with what a person reads in it
 * (day, category, place, count per data line). The share read right is printed for the report.
 */
const files: { name: string; text: string; expected: [string, string, string, number][] }[] = [
  {
    name: 'plain English header, commas, LF',
    text: 'date,category,district,count\n2026-03-14,kradzież,3,2\n2026-03-15,kradzież,1,1\n',
    expected: [
      ['2026-03-14', 'kradzież', '3', 2],
      ['2026-03-15', 'kradzież', '1', 1],
    ],
  },
  {
    name: 'Polish Excel: BOM, semicolons, CRLF, Polish dates and headers in another order',
    text: '\uFEFFRejon;Data;Liczba;Kategoria\r\n2;14.03.2026;4;Kradzież z włamaniem\r\n2;1.4.2026;0;Kradzież z włamaniem\r\n',
    expected: [
      ['2026-03-14', 'Kradzież z włamaniem', '2', 4],
      ['2026-04-01', 'Kradzież z włamaniem', '2', 0],
    ],
  },
  {
    name: 'quoted fields with separators and quotes inside, district ids',
    text: 'data,kategoria,rejon,liczba\n2026-05-02,"Zakłócanie ładu, spokoju","kpp-borowo/2",3\n"2026-05-03","Wykroczenia ""drogowe""",kpp-borowo/1,"5"\n',
    expected: [
      ['2026-05-02', 'Zakłócanie ładu, spokoju', 'kpp-borowo/2', 3],
      ['2026-05-03', 'Wykroczenia "drogowe"', 'kpp-borowo/1', 5],
    ],
  },
  {
    name: 'points with decimal commas under a semicolon separator',
    text: 'data;kategoria;szerokość;długość;liczba\r\n2026-02-01;interwencja domowa;52,1005;21,0055;1\r\n',
    expected: [['2026-02-01', 'interwencja domowa', '52.1005@21.0055', 1]],
  },
  {
    name: 'points in English, no header at all in a second file shape',
    text: '2026-02-03,pickpocketing,52.2,21.1,2\n2026-02-04,pickpocketing,52.25,21.15,1\n',
    expected: [
      ['2026-02-03', 'pickpocketing', '52.2@21.1', 2],
      ['2026-02-04', 'pickpocketing', '52.25@21.15', 1],
    ],
  },
  {
    name: 'no header, four columns, blank lines and padding',
    text: '2026-01-10, kradzież ,  2 , 7\n\n10.01.2026,kradzież,3,1\n',
    expected: [
      ['2026-01-10', 'kradzież', '2', 7],
      ['2026-01-10', 'kradzież', '3', 1],
    ],
  },
];

const asRead = (line: CountLine): [string, string, string, number] => [
  line.day,
  line.category,
  line.place.kind === 'district' ? line.place.value : `${line.place.lat}@${line.place.lon}`,
  line.count,
];

describe('reading indicator CSV files', () => {
  it('reads every line of realistic files in several shapes (share read right printed)', () => {
    let right = 0;
    let total = 0;
    for (const file of files) {
      const reading = readIndicatorCsv(file.text, today);
      const read = reading.ok ? reading.lines.map(asRead) : [];
      total += file.expected.length;
      right += file.expected.filter((e, i) => JSON.stringify(read[i]) === JSON.stringify(e)).length;
      expect(read, file.name).toEqual(file.expected);
      expect(reading.ok && reading.rejected, file.name).toEqual([]);
    }
    console.log(`indicator CSV shapes: ${right}/${total} lines read right in ${files.length} files`);
  });

  it('rejects bad lines with their numbers and reasons, and keeps the good ones', () => {
    const reading = readIndicatorCsv(
      [
        'data;kategoria;rejon;liczba',
        '2026-02-30;kradzież;1;2',
        '2026-03-01;;1;2',
        '2026-03-01;kradzież;;2',
        '2026-03-01;kradzież;1;-1',
        '2026-03-01;kradzież;1;2,5',
        '2026-07-01;kradzież;1;1',
        '1999-12-31;kradzież;1;1',
        '2026-03-02;kradzież;1;4',
      ].join('\n'),
      today,
    );
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.lines.map((l) => l.line)).toEqual([9]);
    expect(reading.rejected.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(reading.rejected[0]!.reason.pl).toContain('zła data');
    expect(reading.rejected[1]!.reason.en).toBe('no category');
    expect(reading.rejected[4]!.reason.pl).toContain('„2,5”');
    expect(reading.rejected[5]!.reason.en).toContain('out of range');
  });

  it('finds a file unusable when it is empty, only a header, broken CSV, or with unknown columns', () => {
    for (const text of ['', '\r\n\r\n', 'data;kategoria;rejon;liczba\n', 'a,"b\n', 'when,what,where\n1,2,3\n', 'x,y,z,q,r,s\n']) {
      const reading = readIndicatorCsv(text, today);
      expect(reading.ok, JSON.stringify(text)).toBe(false);
      if (!reading.ok) expect(reading.problem.pl.length).toBeGreaterThan(10);
    }
  });

  it('reads both date forms and refuses days that do not exist', () => {
    expect(readDay('29.02.2024')).toBe('2024-02-29');
    expect(readDay('29.02.2026')).toBeNull();
    expect(readDay('2026-3-1')).toBeNull();
    expect(readDay(' 1.12.2025 ')).toBe('2025-12-01');
  });
});

describe('placing lines in districts of the unit', () => {
  const line = (n: number, place: CountLine['place'], count = 1, day = '2026-03-01'): CountLine => ({
    line: n,
    day,
    category: 'kradzież',
    place,
    count,
  });
  const locate = (lat: number) => (lat > 52 ? ['kpp-a/2'] : lat > 51 ? ['kpp-b/1'] : []);

  it('takes a district number or id of the unit, a point inside one of its districts, and adds up a cell named twice', () => {
    const placing = placeLines(
      [
        line(2, { kind: 'district', value: '1' }, 3),
        line(3, { kind: 'district', value: 'kpp-a/1' }, 2),
        line(4, { kind: 'point', lat: 52.5, lon: 21 }, 1),
        line(5, { kind: 'district', value: '02' }, 4),
      ],
      'kpp-a',
      ['kpp-a/1', 'kpp-a/2'],
      locate,
    );
    expect(placing.rejected).toEqual([]);
    expect(placing.accepted).toBe(4);
    expect(placing.placed).toEqual([
      { day: '2026-03-01', category: 'kradzież', districtId: 'kpp-a/1', count: 5 },
      { day: '2026-03-01', category: 'kradzież', districtId: 'kpp-a/2', count: 5 },
    ]);
  });

  it("rejects another unit's district, an unknown number and a point outside the unit's districts", () => {
    const placing = placeLines(
      [
        line(2, { kind: 'district', value: 'kpp-b/1' }),
        line(3, { kind: 'district', value: '9' }),
        line(4, { kind: 'point', lat: 51.5, lon: 21 }),
        line(5, { kind: 'point', lat: 50, lon: 21 }),
      ],
      'kpp-a',
      ['kpp-a/1', 'kpp-a/2'],
      locate,
    );
    expect(placing.placed).toEqual([]);
    expect(placing.rejected.map((r) => [r.line, r.reason.en])).toEqual([
      [2, 'no district "kpp-b/1" in this unit'],
      [3, 'no district "9" in this unit'],
      [4, 'the point lies in no district of this unit'],
      [5, 'the point lies in no district of this unit'],
    ]);
  });
});
