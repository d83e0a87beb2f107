import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../platform/config/config.js';
import { PlaceDirectory, countyGenitive } from './places.js';

describe('places outside the register', () => {
  const places = PlaceDirectory.load();

  it('knows a city with county rights by the county boundaries we ship, and a county seat by its county', () => {
    expect(places.get('krakow')).toMatchObject({
      name: 'Kraków',
      county: 'Kraków',
      cityCounty: true,
      voivodeship: 'małopolskie',
      voivodeshipCommand: 'Komenda Wojewódzka Policji w Krakowie',
    });
    expect(places.get('zakopane')).toMatchObject({ county: 'tatrzański', cityCounty: false, voivodeship: 'małopolskie' });
    expect(places.get('gdansk')).toMatchObject({ county: 'Gdańsk', voivodeship: 'pomorskie' });
    expect(places.get('lubartow')).toMatchObject({ county: 'lubartowski', voivodeship: 'lubelskie' });
    expect(places.has('klarow')).toBe(false);
  });

  it('has every county of the boundary file once per voivodeship, and only those', () => {
    const boundaries = JSON.parse(readFileSync(path.join(projectRoot, 'resources', 'boundaries', 'powiaty-min.geojson'), 'utf8')) as {
      features: { properties: { nazwa: string } }[];
    };
    const fromBoundaries = boundaries.features
      .map((f) => f.properties.nazwa.replace(/^powiat /, '').replace('jeleniogórski', 'karkonoski'))
      .sort();
    const csv = readFileSync(path.join(projectRoot, 'resources', 'places', 'counties.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    expect(csv.map((line) => line.split(',')[1]).sort()).toEqual(fromBoundaries);
    const voivodeships = new Set(csv.map((line) => line.split(',')[0]));
    expect(voivodeships.size).toBe(16);
  });

  it('says a county adjective in the genitive', () => {
    expect(countyGenitive('tatrzański')).toBe('tatrzańskiego');
    expect(countyGenitive('łódzki wschodni')).toBe('łódzkiego wschodniego');
    expect(countyGenitive('kędzierzyńsko-kozielski')).toBe('kędzierzyńsko-kozielskiego');
  });
});
