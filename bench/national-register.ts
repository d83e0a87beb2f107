/**
 * A synthetic register at national scale for benchmarks: 17 voivodeship commands, 340 county
 * commands, 8,000 districts with about 500,000 street rules and 8,000 polygons. Deterministic
 * (seeded), so every run measures the same data. Names are made up from Polish syllables.
 */
import type { StreetRule, MultiPolygon } from '../src/modules/districts/index.js';
import type { NumberRange } from '../src/modules/districts/area/types.js';
import { generateDistrictPolygons, random } from '../test/support/synthetic-districts.js';

export interface NationalRegister {
  units: { id: string; parentId: string | null; kind: 'KGP' | 'KWP' | 'KPP'; name: string }[];
  districts: { id: string; unitId: string; number: number; name: string; phone: string; rules: StreetRule[]; polygon: MultiPolygon }[];
  ruleCount: number;
}

const roots = [
  'Kal',
  'Bor',
  'Lip',
  'Dęb',
  'Brzez',
  'Ols',
  'Jawor',
  'Grab',
  'Sosn',
  'Wierzb',
  'Głog',
  'Krzew',
  'Łęk',
  'Mył',
  'Rud',
  'Zabł',
  'Pias',
  'Kamion',
  'Stud',
  'Wod',
];
const middles = ['', 'ow', 'in', 'an', 'ek', 'on', 'uk', 'el', 'isz', 'ań'];
const endings = ['ów', 'ice', 'owo', 'in', 'ki', 'ce', 'no', 'ka', 'ec', 'iska'];
const streetNames = [
  'Polna',
  'Lipowa',
  'Kwiatowa',
  'Szkolna',
  'Leśna',
  'Ogrodowa',
  'Słoneczna',
  'Krótka',
  'Długa',
  'Łąkowa',
  'Kościelna',
  'Spacerowa',
  'Parkowa',
  'Brzozowa',
  'Zielona',
  'Sosnowa',
  'Akacjowa',
  'Klonowa',
  'Cicha',
  'Wiejska',
  'Boczna',
  'Górna',
  'Dolna',
  'Nowa',
  'Kolejowa',
  'Przemysłowa',
  'Szeroka',
  'Wąska',
  'Wesoła',
  'Jasna',
  'Graniczna',
  'Rzeczna',
  'Młyńska',
  'Kasztanowa',
  'Jaśminowa',
];
const patrons = [
  'Mickiewicza',
  'Słowackiego',
  'Kościuszki',
  'Sienkiewicza',
  'Kopernika',
  'Chopina',
  'Konopnickiej',
  'Prusa',
  'Reymonta',
  'Żeromskiego',
  'Traugutta',
  'Moniuszki',
  'Staszica',
  'Piłsudskiego',
  'Orzeszkowej',
  'Kilińskiego',
  'Pułaskiego',
  'Wyspiańskiego',
  'Matejki',
  'Kochanowskiego',
];

/** A unique, pronounceable name for the n-th town. */
function townName(n: number): string {
  const root = roots[n % roots.length]!;
  const middle = middles[Math.floor(n / roots.length) % middles.length]!;
  const ending = endings[Math.floor(n / (roots.length * middles.length)) % endings.length]!;
  const round = Math.floor(n / (roots.length * middles.length * endings.length));
  const prefix = ['', 'Nowy ', 'Stary ', 'Wielki ', 'Mały ', 'Górny ', 'Dolny '][round % 7]!;
  const base = `${prefix}${root}${middle}${ending}`;
  return round >= 7 ? `${base} ${Math.floor(round / 7) + 1}` : base;
}

const titles = [
  '',
  'Generała',
  'Księdza',
  'Doktora',
  'Profesora',
  'Kapitana',
  'Majora',
  'Pułkownika',
  'Porucznika',
  'Biskupa',
  'Marszałka',
  'Hetmana',
  'Króla',
  'Świętego',
];

/** The n-th street name of a town: plain names, then patrons, then patrons with titles. */
function streetName(n: number): string {
  if (n < streetNames.length) return streetNames[n]!;
  const k = n - streetNames.length;
  const patron = patrons[k % patrons.length]!;
  const title = titles[Math.floor(k / patrons.length) % titles.length]!;
  return title ? `${title} ${patron}` : patron;
}

export function generateNationalRegister(options = { units: 340, districts: 8000, rulesPerDistrict: 63, seed: 2026 }): NationalRegister {
  const rand = random(options.seed);
  const units: NationalRegister['units'] = [{ id: 'kgp', parentId: null, kind: 'KGP', name: 'Komenda Główna Policji' }];
  for (let v = 1; v <= 17; v++) units.push({ id: `kwp-${v}`, parentId: 'kgp', kind: 'KWP', name: `Komenda Wojewódzka Policji nr ${v}` });
  for (let c = 1; c <= options.units; c++) {
    units.push({ id: `kpp-${c}`, parentId: `kwp-${(c % 17) + 1}`, kind: 'KPP', name: `Komenda Powiatowa Policji nr ${c}` });
  }
  const polygons = generateDistrictPolygons({ count: options.districts, seed: options.seed, verticesPerPolygon: 100 });
  const districts: NationalRegister['districts'] = [];
  let town = 0;
  let ruleCount = 0;
  const perUnit = Math.ceil(options.districts / options.units);
  for (let c = 1; c <= options.units && districts.length < options.districts; c++) {
    // Each county: towns of about 300 streets, split into districts of rulesPerDistrict rules.
    let townLocality = townName(town++);
    let street = 0;
    for (let d = 1; d <= perUnit && districts.length < options.districts; d++) {
      const rules: StreetRule[] = [];
      while (rules.length < options.rulesPerDistrict) {
        if (street >= 300) {
          townLocality = townName(town++);
          street = 0;
        }
        const name = streetName(street++);
        const split = rand();
        if (split < 0.15 && rules.length < options.rulesPerDistrict - 1) {
          // A street split into odd and even sides between this district and itself over ranges.
          const middle = 2 + Math.floor(rand() * 80) * 2;
          const ranges: NumberRange[] = [
            { from: '1', to: String(middle - 1), parity: 'odd' },
            { from: '2', to: String(middle), parity: 'even' },
          ];
          rules.push({ locality: townLocality, street: name, numbers: ranges });
        } else {
          rules.push({ locality: townLocality, street: name, numbers: null });
        }
      }
      ruleCount += rules.length;
      const index = districts.length;
      districts.push({
        id: `kpp-${c}/${d}`,
        unitId: `kpp-${c}`,
        number: d,
        name: `Rejon nr ${d}`,
        phone: `+48 000 ${String(index)
          .padStart(6, '0')
          .replace(/(\d{3})(\d{3})/, '$1 $2')}`,
        rules,
        polygon: polygons[index]!.geometry,
      });
    }
  }
  return { units, districts, ruleCount };
}

/** Addresses people would type for random rules of the register, in varied forms. */
export function sampleAddresses(register: NationalRegister, n: number, seed: number): string[] {
  const rand = random(seed);
  const result: string[] = [];
  while (result.length < n) {
    const district = register.districts[Math.floor(rand() * register.districts.length)]!;
    const rule = district.rules[Math.floor(rand() * district.rules.length)]!;
    const range = rule.numbers?.[Math.floor(rand() * rule.numbers.length)];
    const low = range ? Number(range.from) : 1;
    const high = range?.to ? Number(range.to) : low + 60;
    let number = low + Math.floor(rand() * (high - low + 1));
    if (range && range.parity !== 'all' && (number % 2 === 1) !== (range.parity === 'odd')) number = Math.max(low, number - 1);
    const style = Math.floor(rand() * 4);
    result.push(
      style === 0
        ? `${rule.locality}, ul. ${rule.street} ${number}`
        : style === 1
          ? `${rule.street} ${number}, ${rule.locality}`
          : style === 2
            ? `${rule.locality} ${rule.street} ${number}/2`
            : `ul. ${rule.street} ${number} ${rule.locality}`.toLowerCase(),
    );
  }
  return result;
}

/**
 * Villages (whole-locality rules) added round-robin to the districts, so the register holds tens
 * of thousands of place names as the real one would; names continue the towns' sequence.
 */
export function addVillages(register: NationalRegister, count: number): string[] {
  const used = new Set(register.districts.flatMap((d) => d.rules.map((rule) => rule.locality)));
  const villages: string[] = [];
  for (let n = 0; villages.length < count; n++) {
    const name = townName(n);
    if (used.has(name)) continue;
    const district = register.districts[villages.length % register.districts.length]!;
    district.rules.push({ locality: name, street: null, numbers: null });
    villages.push(name);
  }
  register.ruleCount += count;
  return villages;
}

/** One letter of a word changed (a typo within the locator's rule), deterministic. */
export function withTypo(word: string, seed: number): string {
  const at = 1 + (seed % Math.max(1, word.length - 2));
  const letter = word[at] === 'a' ? 'e' : 'a';
  return word.slice(0, at) + letter + word.slice(at + 1);
}
