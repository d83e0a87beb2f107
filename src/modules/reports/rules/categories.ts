import type { Localized } from '../../../platform/i18n/i18n.js';
import { monthInPoland } from '../../../platform/i18n/calendar.js';

/** Months 1–12, both inclusive; a window may wrap the new year (fromMonth 11, toMonth 3). */
export interface Season {
  fromMonth: number;
  toMonth: number;
}

/** A KMZB threat category (kategoria zagrożenia): a closed catalogue, maintained as data. */
export interface ReportCategory {
  /** Stable ASCII slug: stored with reports and used by the public API, so never renamed. */
  code: string;
  name: Localized;
  /** Retired categories stay for old reports but are not offered for new ones. */
  active: boolean;
  descriptionRequired: boolean;
  /** Road-traffic categories go to traffic police (ruch drogowy) for verification. */
  roadCategory: boolean;
  /** Offered only in these months (Polish time); absent = all year. */
  season?: Season;
}

// The bathing season in Poland runs roughly from May to September; outside it these places are
// not in use and reports about them cannot be verified on the spot.
const bathingSeason: Season = { fromMonth: 5, toMonth: 9 };
// Grass is burnt in early spring, after the snow and before new growth.
const grassBurningSeason: Season = { fromMonth: 3, toMonth: 5 };

const category = (
  code: string,
  pl: string,
  en: string,
  options: { road?: boolean; descriptionRequired?: boolean; season?: Season } = {},
): ReportCategory => ({
  code,
  name: { pl, en },
  active: true,
  descriptionRequired: options.descriptionRequired ?? false,
  roadCategory: options.road ?? false,
  ...(options.season ? { season: options.season } : {}),
});

/** The 27 categories published by KWP Kraków (2020), in their published order. */
export const kmzbCategories: readonly ReportCategory[] = [
  category('illegal-parking', 'Nieprawidłowe parkowanie', 'Illegal parking', { road: true }),
  category('speeding', 'Przekraczanie dozwolonej prędkości', 'Speeding', { road: true }),
  category('poor-road-infrastructure', 'Niewłaściwa infrastruktura drogowa', 'Inadequate road infrastructure', { road: true }),
  category('dangerous-places-on-water', 'Miejsca niebezpieczne na wodach', 'Dangerous places on the water', { season: bathingSeason }),
  category('illegal-car-racing', 'Nielegalne rajdy samochodowe', 'Illegal car racing', { road: true }),
  category('vandalism', 'Akty wandalizmu', 'Vandalism'),
  category('illegal-dumping', 'Dzikie wysypiska śmieci', 'Illegal rubbish dumps'),
  category('quad-bikes-in-forests', 'Poruszanie się po terenach leśnych quadami', 'Riding quad bikes in forests'),
  category('drinking-in-public', 'Spożywanie alkoholu w miejscach niedozwolonych', 'Drinking alcohol in prohibited places'),
  category('poor-traffic-organisation', 'Zła organizacja ruchu drogowego', 'Poor traffic organisation', { road: true }),
  category(
    'minors-at-risk-gathering',
    'Grupowanie się małoletnich zagrożonych demoralizacją',
    'Gatherings of minors at risk of demoralisation',
  ),
  category('stray-dogs', 'Wałęsające się bezpańskie psy', 'Stray dogs roaming'),
  // Banks and shores, incl. thin ice in winter: all year, unlike the bathing categories.
  category('dangerous-waterside-areas', 'Miejsca niebezpieczne na terenach wodnych', 'Dangerous places in waterside areas'),
  category('grass-burning', 'Wypalanie traw', 'Grass burning', { season: grassBurningSeason }),
  category(
    'road-accidents-with-forest-animals',
    'Zdarzenia drogowe z udziałem zwierząt leśnych',
    'Road accidents involving forest animals',
    { road: true },
  ),
  // A footpath over the tracks is railway trespass, not road traffic (contrast the level crossing below).
  category('unguarded-track-crossing', 'Niestrzeżone przejście przez tory', 'Unguarded pedestrian crossing over railway tracks'),
  category('begging', 'Żebractwo', 'Begging'),
  category('homeless-person-in-need', 'Osoba bezdomna wymagająca pomocy', 'Homeless person in need of help'),
  category('unofficial-bathing-sites', 'Dzikie kąpieliska', 'Unofficial bathing sites', { season: bathingSeason }),
  category('destruction-of-greenery', 'Niszczenie zieleni', 'Destruction of greenery'),
  // Added 20 Jan 2019: the place alone says nothing, so the resident must describe the activity.
  category(
    'dangerous-entertainment-venue',
    'Miejsce niebezpiecznej działalności rozrywkowej',
    'Place of dangerous entertainment activity',
    { descriptionRequired: true },
  ),
  category('unguarded-level-crossing', 'Niestrzeżony przejazd kolejowy', 'Unguarded railway level crossing', { road: true }),
  category('illegal-tree-felling', 'Nielegalna wycinka drzew', 'Illegal tree felling'),
  category('drug-use', 'Używanie środków odurzających', 'Use of intoxicating substances'),
  category('poaching', 'Kłusownictwo', 'Poaching'),
  category('animal-cruelty', 'Znęcanie się nad zwierzętami', 'Animal cruelty'),
  category('drownings', 'Utonięcia', 'Drownings', { season: bathingSeason }),
];

export function findCategory(catalogue: readonly ReportCategory[], code: string): ReportCategory | undefined {
  return catalogue.find((c) => c.code === code);
}

/** Whether the category is in season at `when` (Polish time); categories without a season always are. */
export function inSeason(category: Pick<ReportCategory, 'season'>, when: Date): boolean {
  if (!category.season) return true;
  const { fromMonth, toMonth } = category.season;
  const month = monthInPoland(when);
  return fromMonth <= toMonth ? month >= fromMonth && month <= toMonth : month >= fromMonth || month <= toMonth;
}

/** Active and in season: what the intake form offers at `when`. */
export function isOffered(category: ReportCategory, when: Date): boolean {
  return category.active && inSeason(category, when);
}

const codePattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const length = (text: string) => [...text].length;

/**
 * Why an admin's new or renamed category is not acceptable, or null. `others` are the categories
 * it must not clash with (for a rename: the catalogue without the category being renamed).
 */
export function categoryProblem(
  input: { code: string; name: Localized },
  others: readonly Pick<ReportCategory, 'code' | 'name'>[] = [],
): Localized | null {
  const { code } = input;
  if (length(code) < 2 || length(code) > 60) {
    return { pl: 'Kod kategorii musi mieć od 2 do 60 znaków.', en: 'The category code must be 2 to 60 characters long.' };
  }
  if (!codePattern.test(code)) {
    return {
      pl: 'Kod kategorii może zawierać tylko małe litery a–z, cyfry i pojedyncze łączniki między nimi, np. „dzikie-wysypiska”.',
      en: 'The category code may contain only lowercase letters a–z, digits and single hyphens between them, e.g. "illegal-dumping".',
    };
  }
  const pl = input.name.pl.trim();
  const en = input.name.en.trim();
  if (length(pl) < 3 || length(pl) > 120)
    return { pl: 'Nazwa polska musi mieć od 3 do 120 znaków.', en: 'The Polish name must be 3 to 120 characters long.' };
  if (length(en) < 3 || length(en) > 120)
    return { pl: 'Nazwa angielska musi mieć od 3 do 120 znaków.', en: 'The English name must be 3 to 120 characters long.' };
  if (others.some((c) => c.code === code))
    return { pl: `Kategoria o kodzie „${code}” już istnieje.`, en: `A category with the code "${code}" already exists.` };
  const same = (a: string, b: string) => a.trim().toLocaleLowerCase('pl') === b.toLocaleLowerCase('pl');
  if (others.some((c) => same(c.name.pl, pl)))
    return { pl: `Kategoria o nazwie „${pl}” już istnieje.`, en: `A category with the Polish name "${pl}" already exists.` };
  if (others.some((c) => same(c.name.en, en)))
    return { pl: `Kategoria o angielskiej nazwie „${en}” już istnieje.`, en: `A category with the name "${en}" already exists.` };
  return null;
}
