import type { Localized } from '../../../platform/i18n/i18n.js';
import { isCalendarDay } from '../../../platform/i18n/calendar.js';
import { parseCsv } from '../../districts/index.js';

/**
 * Reading a CSV of indicator counts (pure). Two shapes, as units export them:
 *   date,category,district,count     (district = its number in the unit, or its id)
 *   date,category,lat,lon,count      (a point, placed in a district by the locator)
 * A header row names the columns in any order, in English or Polish ("data;kategoria;rejon;liczba");
 * without one, the columns are taken in the order above. `;` or `,` separator (Polish Excel writes
 * `;`, and then decimal commas: "51,2345"), BOM, CRLF and quoted fields are read by `parseCsv`.
 * Dates: 2026-03-14 or 14.03.2026. Each bad line is rejected with its number and reason; the file
 * is unusable (nothing stored) only when it cannot be read as a table of such lines at all.
 */

export type Place = { kind: 'district'; value: string } | { kind: 'point'; lat: number; lon: number };

export interface CountLine {
  line: number;
  day: string;
  category: string;
  place: Place;
  count: number;
}

export interface RejectedLine {
  line: number;
  reason: Localized;
}

export type CsvReading = { ok: true; lines: CountLine[]; rejected: RejectedLine[] } | { ok: false; problem: Localized };

type Column = 'date' | 'category' | 'district' | 'lat' | 'lon' | 'count';

/** Header words, folded (lower case, no diacritics, no spaces or punctuation). */
const headerWords: Record<Column, readonly string[]> = {
  date: ['date', 'day', 'data', 'dzien', 'datazdarzenia'],
  category: ['category', 'kategoria', 'rodzaj', 'rodzajzdarzenia', 'kategoriazdarzenia', 'typ'],
  district: ['district', 'rejon', 'rejonsluzbowy', 'nrrejonu', 'numerrejonu', 'districtid'],
  lat: ['lat', 'latitude', 'szerokosc', 'szerokoscgeograficzna', 'szer'],
  lon: ['lon', 'lng', 'long', 'longitude', 'dlugosc', 'dlugoscgeograficzna', 'dl'],
  count: ['count', 'liczba', 'ilosc', 'liczbazdarzen', 'n'],
};

export const fold = (text: string): string =>
  text
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');

function columnOf(cell: string): Column | null {
  const word = fold(cell);
  for (const [column, words] of Object.entries(headerWords) as [Column, readonly string[]][]) if (words.includes(word)) return column;
  return null;
}

/** The columns' positions from a header row, or null when the row is data, not a header. */
function readHeader(cells: string[]): Partial<Record<Column, number>> | null {
  const positions: Partial<Record<Column, number>> = {};
  let named = 0;
  cells.forEach((cell, i) => {
    const column = columnOf(cell);
    if (column && positions[column] === undefined) {
      positions[column] = i;
      named++;
    }
  });
  return named >= 2 ? positions : null;
}

/** "2026-03-14" or "14.03.2026" (also "4.3.2026") as a calendar day, else null. */
export function readDay(text: string): string | null {
  const value = text.trim();
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const day = dotted ? `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}` : value;
  return isCalendarDay(day) ? day : null;
}

/** A decimal number with a dot or a decimal comma, else NaN. */
function readDecimal(text: string): number {
  const value = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
}

const reason = (pl: string, en: string): Localized => ({ pl, en });

const MAX_COUNT = 100_000;
/** Data before this day is not a plan's baseline any more; a typo in the year more likely. */
const FIRST_DAY = '2000-01-01';

function readLine(
  line: number,
  cells: string[],
  at: Partial<Record<Column, number>>,
  today: string,
): { ok: CountLine } | { rejected: RejectedLine } {
  const cell = (column: Column) => (at[column] === undefined ? '' : (cells[at[column]] ?? '').trim());
  const reject = (pl: string, en: string) => ({ rejected: { line, reason: reason(pl, en) } });
  const day = readDay(cell('date'));
  if (!day)
    return reject(`zła data „${cell('date')}” (RRRR-MM-DD albo DD.MM.RRRR)`, `bad date "${cell('date')}" (YYYY-MM-DD or DD.MM.YYYY)`);
  if (day < FIRST_DAY || day > today)
    return reject(`data ${day} poza zakresem (od ${FIRST_DAY} do dziś)`, `date ${day} out of range (from ${FIRST_DAY} to today)`);
  const category = cell('category').replace(/\s+/g, ' ');
  if (!category) return reject('brak kategorii', 'no category');
  if (category.length > 100) return reject('kategoria dłuższa niż 100 znaków', 'category longer than 100 characters');
  const countText = cell('count');
  if (!/^\d+$/.test(countText) || Number(countText) > MAX_COUNT)
    return reject(
      `zła liczba „${countText}” (liczba całkowita od 0 do ${MAX_COUNT})`,
      `bad count "${countText}" (a whole number 0–${MAX_COUNT})`,
    );
  let place: Place;
  if (at.district !== undefined) {
    const district = cell('district');
    if (!district) return reject('brak rejonu', 'no district');
    place = { kind: 'district', value: district };
  } else {
    const lat = readDecimal(cell('lat'));
    const lon = readDecimal(cell('lon'));
    if (!(lat >= 49 && lat <= 55.1 && lon >= 14 && lon <= 24.2))
      return reject(
        `złe współrzędne „${cell('lat')}”, „${cell('lon')}” (szerokość i długość w stopniach, w Polsce)`,
        `bad coordinates "${cell('lat')}", "${cell('lon')}" (latitude and longitude in degrees, in Poland)`,
      );
    place = { kind: 'point', lat, lon };
  }
  return { ok: { line, day, category, place, count: Number(countText) } };
}

const expectedColumns = reason(
  'Oczekiwane kolumny: data, kategoria, rejon, liczba (albo data, kategoria, szerokość, długość, liczba), z wierszem nagłówka lub w tej kolejności.',
  'Expected columns: date, category, district, count (or date, category, lat, lon, count), with a header row or in this order.',
);

/** Reads the whole file: accepted lines and rejected lines, or why the file is unusable. */
export function readIndicatorCsv(text: string, today: string): CsvReading {
  const { rows, error } = parseCsv(text);
  if (error)
    return {
      ok: false,
      problem: reason(
        `Plik nie jest poprawnym CSV: wiersz ${error.line}, ${error.message === 'unclosed quote' ? 'niezamknięty cudzysłów' : 'tekst po cudzysłowie zamykającym'}.`,
        `The file is not valid CSV: line ${error.line}, ${error.message}.`,
      ),
    };
  if (rows.length === 0) return { ok: false, problem: reason('Plik jest pusty.', 'The file is empty.') };
  const header = readHeader(rows[0]!.fields);
  const width = rows[0]!.fields.length;
  const at: Partial<Record<Column, number>> =
    header ??
    (width === 4 ? { date: 0, category: 1, district: 2, count: 3 } : width === 5 ? { date: 0, category: 1, lat: 2, lon: 3, count: 4 } : {});
  const hasPlace = at.district !== undefined || (at.lat !== undefined && at.lon !== undefined);
  if (at.date === undefined || at.category === undefined || at.count === undefined || !hasPlace) {
    return {
      ok: false,
      problem: {
        pl: `Nie rozpoznano kolumn pliku. ${expectedColumns.pl}`,
        en: `The file's columns were not recognised. ${expectedColumns.en}`,
      },
    };
  }
  const lines: CountLine[] = [];
  const rejected: RejectedLine[] = [];
  for (const row of header ? rows.slice(1) : rows) {
    const read = readLine(row.line, row.fields, at, today);
    if ('ok' in read) lines.push(read.ok);
    else rejected.push(read.rejected);
  }
  if (lines.length === 0 && rejected.length === 0)
    return { ok: false, problem: reason('Plik ma tylko nagłówek.', 'The file has only a header.') };
  return { ok: true, lines, rejected };
}
