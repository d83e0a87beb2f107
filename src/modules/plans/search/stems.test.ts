import { describe, expect, it } from 'vitest';
import { searchQuery, similarityQuery, stem, stems } from './stems.js';

describe('Polish search stems', () => {
  it('brings the forms of one word together', () => {
    const forms = ['oszustwa', 'oszustw', 'oszustwami', 'oszustwom', 'oszustwach'];
    expect(new Set(forms.map(stem))).toEqual(new Set(['oszustw']));
    expect(new Set(['seniorów', 'seniorom', 'seniorami'].map((w) => stems(w)[0]))).toEqual(new Set(['senior']));
    expect(new Set(['alkohol', 'alkoholu', 'alkoholem'].map((w) => stems(w)[0]))).toEqual(new Set(['alkohol']));
    expect(new Set(['kamery', 'kamer', 'kamerami', 'kamerach'].map((w) => stems(w)[0]))).toEqual(new Set(['kamer']));
  });

  it('drops diacritics and common words, keeps numbers', () => {
    expect(stems('Spożywanie alkoholu na placu zabaw w 2024 roku')).toEqual(['spozywan', 'alkohol', 'plac', 'zabaw', '2024']);
  });

  it('turns what people type into a prefix query, or nothing', () => {
    expect(searchQuery('oszustwa na seniorach')).toBe('oszustw:* & senior:*');
    expect(searchQuery('  w i z ')).toBeNull();
    expect(searchQuery("xx' | !(yy")).toBe('xx:* & yy:*'); // operators never reach PostgreSQL
  });

  it('finds the words that characterise a plan', () => {
    expect(similarityQuery('oszustwa oszustw seniorzy kamera kamery kamerami', 2)).toBe('kamer | oszustw');
  });
});
