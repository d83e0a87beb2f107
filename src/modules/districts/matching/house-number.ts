import type { HouseNumber } from '../area/types.js';

const PATTERN = /^\s*(\d{1,5})\s*([a-zA-Z]?)\s*(?:(?:\/|\s+m\.?\s*|\s+lok\.?\s*|\s+m\s+|\s+lok\s+)\s*(\d{1,5}\s*[a-zA-Z]?))?\s*$/;

/** "15", "15A", "15 a", "15a/2", "21/3", "21 m. 3", "21 lok. 3" → building number, letter, flat; otherwise null. */
export function parseHouseNumber(text: string): HouseNumber | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const number = Number(match[1]);
  if (number === 0) return null;
  return { number, suffix: match[2]!.toLowerCase(), flat: match[3] ? match[3].replace(/\s+/g, '').toUpperCase() : null, raw: text.trim() };
}

/** 15 < 15A < 15B < 16. */
export function compareHouseNumbers(a: Pick<HouseNumber, 'number' | 'suffix'>, b: Pick<HouseNumber, 'number' | 'suffix'>): number {
  return a.number - b.number || (a.suffix < b.suffix ? -1 : a.suffix > b.suffix ? 1 : 0);
}

export function isOdd(number: Pick<HouseNumber, 'number'>): boolean {
  return number.number % 2 === 1;
}
