/**
 * Approximate WGS84 points of the localities named in the demo districts' rules
 * (../register-data.ts), used only as Voronoi seeds for the demo district areas.
 *
 * Every point carries its source:
 * - 'researched': coordinates read from a Wikipedia article (pl/en/fr/de/nl) found with the project's
 *   page search; the article is named in `note`. Rounded to 4 decimals.
 * - 'approximate': written from general knowledge of the area (e.g. "the Kozłówka palace lies NE of
 *   Kamionka"), not checked against a source; expect errors of 1–3 km.
 * - 'guessed': position unknown. Such villages are placed on a sunflower (golden-angle) spiral
 *   around a guessed centre of their district (`layouts` below), so that each district's villages
 *   stay together; the individual positions mean nothing.
 * Street-split towns get one point per district (`townDistrictPoints`), also guessed.
 */

export type CoordinateSource = 'researched' | 'approximate' | 'guessed';

export interface LocalityPoint {
  lon: number;
  lat: number;
  source: CoordinateSource;
  note?: string;
}

type Known = [lon: number, lat: number, source: Exclude<CoordinateSource, 'guessed'>, note?: string];

interface DistrictLayout {
  unitId: string;
  district: number;
  /** Guessed centre of the district's villages [lon, lat] and the ring they are spread over. */
  centre: [number, number];
  innerKm: number;
  outerKm: number;
  known: Record<string, Known>;
  guessed: string[];
}

const layouts: DistrictLayout[] = [
  // ---- KPP Lubartów (powiat lubartowski) ----
  {
    unitId: 'kpp-lubartow',
    district: 6, // gmina Lubartów, south of the town
    centre: [22.61, 51.425],
    innerKm: 1,
    outerKm: 4,
    known: {
      Annobór: [22.5894, 51.4289, 'researched', 'pl.wikipedia Annobór: 51°25′44″N 22°35′22″E'],
      'Majdan Kozłowiecki': [22.535, 51.405, 'approximate', 'in the Kozłowiecki forest, SW of Lubartów'],
    },
    guessed: [
      'Annobór-Kolonia',
      'Baranówka',
      'Chlewiska',
      'Lisów',
      'Łucka',
      'Łucka-Kolonia',
      'Mieczysławka',
      'Nowodwór',
      'Nowodwór-Piaski',
      'Rokitno',
    ],
  },
  {
    unitId: 'kpp-lubartow',
    district: 7, // gmina Serniki, east / south-east of Lubartów
    centre: [22.725, 51.44],
    innerKm: 1,
    outerKm: 3.5,
    known: {
      'Nowa Wola': [22.7236, 51.4175, 'researched', 'fr.wikipedia Nowa Wola (Lublin): 51°25′03″N 22°43′25″E'],
      Serniki: [22.7, 51.45, 'approximate', 'about 5 km NW of Nowa Wola (fr.wikipedia), E of Lubartów'],
    },
    guessed: [
      'Brzostówka',
      'Czerniejów',
      'Nowa Wieś',
      'Serniki-Kolonia',
      'Wola Sernicka',
      'Wola Sernicka-Kolonia',
      'Wólka Zabłocka',
      'Wólka Zawieprzycka',
    ],
  },
  {
    unitId: 'kpp-lubartow',
    district: 8, // gmina Lubartów, north of the town
    centre: [22.615, 51.5],
    innerKm: 1,
    outerKm: 4,
    known: {
      'Wólka Rokicka': [22.5932, 51.4756, 'approximate', 'from a geocoding table in a public repository, not a primary source'],
    },
    guessed: [
      'Skrobów',
      'Skrobów-Kolonia',
      'Szczekarków',
      'Trójnia',
      'Trzciniec',
      'Wandzin',
      'Wincentów',
      'Wola Lisowska',
      'Wola Mieczysławska',
      'Wólka Rokicka-Kolonia',
    ],
  },
  {
    unitId: 'kpp-lubartow',
    district: 9, // gmina Kamionka, west of Lubartów
    centre: [22.465, 51.47],
    innerKm: 1.5,
    outerKm: 5,
    known: {
      Kamionka: [22.4628, 51.4717, 'researched', 'en.wikipedia Kamionka, Lubartów County: 51°28′18″N 22°27′46″E'],
      Kozłówka: [22.547, 51.483, 'approximate', 'Zamoyski palace, about 6 km E of Kamionka'],
      Starościn: [22.3865, 51.4888, 'approximate', 'geocoding table in a public repository ("Starościn Kolonia")'],
    },
    guessed: [
      'Amelin',
      'Biadaczka',
      'Bratnik',
      'Ciemno',
      'Dąbrówka',
      'Kierzkówka',
      'Kierzkówka-Kolonia',
      'Samoklęski',
      'Samoklęski-Kolonia',
      'Siedliska',
      'Rudka Gołębska',
      'Stanisławów Duży',
      'Syry',
      'Wólka Krasienińska',
      'Zofian',
    ],
  },
  {
    unitId: 'kpp-lubartow',
    district: 10, // gmina Ostrówek, north of Lubartów
    centre: [22.6, 51.572],
    innerKm: 1,
    outerKm: 4,
    known: {
      Ostrówek: [22.6114, 51.5797, 'researched', 'pl.wikipedia gmina Ostrówek (locator of the gmina seat): 51°34′47″N 22°36′41″E'],
    },
    guessed: [
      'Antoniówka',
      'Babczyzna',
      'Cegielnia',
      'Dębica',
      'Dębica-Kolonia',
      'Jeleń',
      'Kamienowola',
      'Leszkowice',
      'Luszawa',
      'Ostrówek-Kolonia',
      'Tarkawica',
      'Zawada',
      'Żurawiniec',
      'Żurawiniec-Kolonia',
    ],
  },
  // ---- KPP Łęczna (powiat łęczyński) ----
  {
    unitId: 'kpp-leczna',
    district: 6, // rural gmina Łęczna, around the town
    centre: [22.883, 51.3],
    innerKm: 2.5,
    outerKm: 4.5,
    known: {
      Podzamcze: [22.905, 51.315, 'approximate', 'next to the town, north-east'],
    },
    guessed: [
      'Ciechanki Krzesimowskie',
      'Ciechanki Łęczyńskie',
      'Leopoldów',
      'Zakrzów',
      'Rossosz',
      'Piotrówek Drugi',
      'Nowogród',
      'Łuszczów-Kolonia',
      'Zofiówka',
      'Trębaczów',
      'Karolin',
      'Witaniów',
      'Stara Wieś',
      'Stara Wieś-Kolonia',
      'Stara Wieś-Stasin',
    ],
  },
  {
    unitId: 'kpp-leczna',
    district: 7, // gmina Puchaczów, east of Łęczna
    centre: [23.0, 51.32],
    innerKm: 1,
    outerKm: 4.5,
    known: {
      Puchaczów: [22.9667, 51.3, 'researched', 'de/fr.wikipedia gmina Puchaczów (seat): 51°18′N 22°58′E, ~6 km E of Łęczna'],
      Bogdanka: [22.995, 51.385, 'approximate', 'Bogdanka coal mine, NE of Łęczna'],
    },
    guessed: [
      'Albertów',
      'Brzeziny',
      'Ciechanki',
      'Ciechanki-Kolonia',
      'Jasieniec',
      'Nadrybie Ukazowe',
      'Nadrybie-Dwór',
      'Nadrybie-Wieś',
      'Szpica',
      'Turowola',
      'Turowola-Kolonia',
      'Wesołówka',
      'Zawadów',
    ],
  },
  {
    unitId: 'kpp-leczna',
    district: 8, // gmina Milejów, west part
    centre: [22.915, 51.225],
    innerKm: 1,
    outerKm: 3.5,
    known: {
      Milejów: [22.9244, 51.2319, 'researched', 'pl.wikipedia Milejów (województwo lubelskie): 51°13′55″N 22°55′28″E'],
      Jaszczów: [22.905, 51.225, 'approximate', 'across the Wieprz, W of Milejów'],
    },
    guessed: [
      'Milejów-Osada',
      'Antoniów',
      'Antoniów-Kolonia',
      'Białka',
      'Białka-Kolonia',
      'Cyganka',
      'Dąbrowa',
      'Górne',
      'Jaszczów-Kolonia',
      'Kajetanówka',
    ],
  },
  {
    unitId: 'kpp-leczna',
    district: 9, // gmina Milejów, east part
    centre: [22.995, 51.235],
    innerKm: 1,
    outerKm: 3.5,
    known: {
      Łysołaje: [22.9872, 51.2215, 'approximate', 'geocoding table in a public repository'],
      Łańcuchów: [22.98, 51.245, 'approximate', 'E of Milejów'],
    },
    guessed: [
      'Klarów',
      'Łysołaje-Kolonia',
      'Maryniów',
      'Popławy',
      'Starościce',
      'Wólka Bielecka',
      'Wólka Łańcuchowska',
      'Zalesie',
      'Zgniła Struga',
    ],
  },
  {
    unitId: 'kpp-leczna',
    district: 10, // gmina Spiczyn, north-west of Łęczna
    centre: [22.775, 51.35],
    innerKm: 1,
    outerKm: 4,
    known: {
      Zawieprzyce: [22.767, 51.367, 'researched', 'en.wikipedia Zawieprzyce: 51°22′N 22°46′E'],
      Spiczyn: [22.767, 51.349, 'approximate', '2 km S of Zawieprzyce (en.wikipedia Zawieprzyce)'],
      Kijany: [22.815, 51.355, 'approximate', 'E of Spiczyn'],
    },
    guessed: ['Charlęż', 'Januszówka', 'Jawidz', 'Ludwików', 'Nowa Wólka', 'Nowy Radzic', 'Stawek', 'Zawieprzyce-Kolonia', 'Ziółków'],
  },
  // ---- KPP Krasnystaw (powiat krasnostawski) ----
  {
    unitId: 'kpp-krasnystaw',
    district: 4, // gmina Siennica Różana, east of Krasnystaw
    centre: [23.31, 51.0],
    innerKm: 1,
    outerKm: 4,
    known: {
      'Siennica Różana': [23.313, 50.997, 'approximate', 'about 10 km E of Krasnystaw'],
    },
    guessed: [
      'Siennica Królewska Duża',
      'Siennica Królewska Mała',
      'Baraki',
      'Boruń',
      'Kozieniec',
      'Maciejów',
      'Rudka',
      'Stójło',
      'Wierzchowiny',
      'Wola Siennicka',
      'Zagroda',
      'Zwierzyniec',
      'Żdżanne',
    ],
  },
  {
    unitId: 'kpp-krasnystaw',
    district: 5, // gmina Izbica: Izbica and the Orłów villages east of it
    centre: [23.19, 50.9],
    innerKm: 1,
    outerKm: 3.5,
    known: {
      Izbica: [23.1569, 50.8944, 'researched', 'pt.wikipedia Izbica: 50°53′40″N 23°09′25″E'],
    },
    guessed: [
      'Bobliwo',
      'Dworzyska',
      'Majdan Krynicki',
      'Mchy',
      'Orłów Drewniany',
      'Orłów Drewniany Kolonia',
      'Orłów Murowany',
      'Orłów Murowany Kolonia',
      'Wólka Orłowska',
      'Ostrzyca',
      'Romanów',
    ],
  },
  {
    unitId: 'kpp-krasnystaw',
    district: 6, // gmina Izbica: Tarnogóra and the villages west of the Wieprz
    centre: [23.095, 50.88],
    innerKm: 1,
    outerKm: 3.5,
    known: {
      Tarnogóra: [23.1364, 50.8947, 'researched', 'pl.wikipedia Tarnogóra (województwo lubelskie): 50°53′41″N 23°08′11″E'],
    },
    guessed: [
      'Stryjów',
      'Tarnogóra Kolonia',
      'Tarzymiechy Pierwsze',
      'Tarzymiechy Drugie',
      'Tarzymiechy Trzecie',
      'Topola',
      'Wał',
      'Wirkowice Pierwsze',
      'Wirkowice Drugie',
    ],
  },
  {
    unitId: 'kpp-krasnystaw',
    district: 7, // gmina Kraśniczyn, south-east of Krasnystaw
    centre: [23.37, 50.935],
    innerKm: 1,
    outerKm: 4,
    known: {
      Kraśniczyn: [23.3667, 50.9333, 'researched', 'de.wikipedia Gmina Kraśniczyn (seat): 50°56′N 23°22′E'],
    },
    guessed: [
      'Anielpol',
      'Bończa',
      'Bończa-Kolonia',
      'Chełmiec',
      'Czajki',
      'Drewniki',
      'Franciszków',
      'Łukaszówka',
      'Majdan Surhowski',
      'Olszanka',
      'Pniaki',
      'Surhów',
      'Surhów-Kolonia',
      'Wolica',
      'Wólka Kraśniczyńska',
      'Zastawie',
      'Żułów',
    ],
  },
  // ---- KPP Sejny (powiat sejneński) ----
  {
    unitId: 'kpp-sejny',
    district: 3, // gmina Sejny, east and north-east of Sejny
    centre: [23.42, 54.13],
    innerKm: 1,
    outerKm: 5,
    known: {
      Berżniki: [23.45, 54.0833, 'researched', 'nl/de.wikipedia Berżniki: 54°5′N 23°27′E'],
      Krasnogruda: [
        23.43,
        54.172,
        'approximate',
        'Miłosz manor on Lake Gaładuś, NE of Sejny; ~54.18 N moved just inside the simplified county boundary',
      ],
    },
    guessed: [
      'Babańce',
      'Berżałowce',
      'Bosse',
      'Bubele',
      'Burbiszki',
      'Degucie',
      'Dubowo',
      'Dusznica',
      'Dworczysko',
      'Gawiniańce',
      'Grudziewszczyzna',
      'Krasnowo',
    ],
  },
  {
    unitId: 'kpp-sejny',
    district: 4, // gmina Puńsk: Puńsk and surroundings
    centre: [23.185, 54.255],
    innerKm: 1,
    outerKm: 4,
    known: {
      Puńsk: [23.1833, 54.25, 'researched', 'de.wikipedia Puńsk: 54°15′N 23°11′E'],
    },
    guessed: [
      'Boksze-Osada',
      'Buda Zawidugierska',
      'Buraki',
      'Dowiaciszki',
      'Dziedziule',
      'Giłujsze',
      'Kalinowo',
      'Kompocie',
      'Krejwiany',
      'Nowiniki',
      'Ogórki',
      'Oszkinie',
      'Pełele',
      'Poluńce',
      'Przystawańce',
    ],
  },
  {
    unitId: 'kpp-sejny',
    district: 5, // gmina Puńsk: Sejwy, Trakiszki, Wojciuliszki (placed south-east of Puńsk)
    centre: [23.24, 54.21],
    innerKm: 1,
    outerKm: 4,
    known: {
      Trakiszki: [23.2, 54.25, 'researched', 'en.wikipedia Trakiszki: 54°15′N 23°12′E, ~2 km E of Puńsk'],
    },
    guessed: [
      'Rejsztokiemie',
      'Sankury',
      'Sejwy',
      'Skarkiszki',
      'Smolany',
      'Stare Boksze',
      'Szlinokiemie',
      'Szołtany',
      'Tauroszyszki',
      'Trompole',
      'Widugiery',
      'Wiłkopedzie',
      'Wojciuliszki',
      'Wojtokiemie',
      'Wołyńce',
      'Żwikiele',
    ],
  },
  {
    unitId: 'kpp-sejny',
    district: 6, // gmina Krasnopol (part)
    centre: [23.2069, 54.1158],
    innerKm: 3,
    outerKm: 3,
    known: {
      Krasnopol: [23.2069, 54.1158, 'researched', 'pl.wikipedia Krasnopol (województwo podlaskie): 54°06′57″N 23°12′25″E'],
    },
    guessed: ['Buda Ruska'],
  },
];

/**
 * One point per district inside a town split by streets. The district names give the direction
 * only for some (Lubartów 2 "north", 4 "south", 1 Śródmieście; Łęczna 1 Stare Miasto; Krasnystaw 2
 * Śródmieście); the others are GUESSED, spread evenly around the centre. All within ~1.5 km.
 */
export const townDistrictPoints: Record<string, LocalityPoint> = {
  // Lubartów, centre 51.4622 N 22.6086 E (Wikipedia, as in register-data.ts)
  'kpp-lubartow/1': { lon: 22.6075, lat: 51.4612, source: 'guessed', note: 'Śródmieście: at the centre' },
  'kpp-lubartow/2': { lon: 22.6085, lat: 51.4715, source: 'guessed', note: '"część północna": north of the centre' },
  'kpp-lubartow/3': { lon: 22.594, lat: 51.46, source: 'guessed', note: 'osiedle Powstańców Warszawy: direction unknown, placed west' },
  'kpp-lubartow/4': { lon: 22.6095, lat: 51.4505, source: 'guessed', note: '"część południowa": south of the centre' },
  'kpp-lubartow/5': { lon: 22.6235, lat: 51.4625, source: 'guessed', note: 'ulica 1 Maja: direction unknown, placed east' },
  // Łęczna, centre ~51.300 N 22.883 E (en.wikipedia Łęczna: 51°18′N 22°53′E)
  'kpp-leczna/1': { lon: 22.882, lat: 51.301, source: 'guessed', note: 'Stare Miasto: at the centre' },
  'kpp-leczna/2': { lon: 22.897, lat: 51.306, source: 'guessed', note: 'direction unknown, placed north-east' },
  'kpp-leczna/3': { lon: 22.87, lat: 51.311, source: 'guessed', note: 'Osiedle Bobrowniki: direction unknown, placed north-west' },
  'kpp-leczna/4': { lon: 22.868, lat: 51.293, source: 'guessed', note: 'Lubelska (road to Lublin): placed south-west' },
  'kpp-leczna/5': { lon: 22.899, lat: 51.292, source: 'guessed', note: 'Chełmska / Milejowska: placed south-east' },
  // Krasnystaw, centre ~50.983 N 23.167 E
  'kpp-krasnystaw/1': { lon: 23.158, lat: 50.991, source: 'guessed', note: 'direction unknown, placed north-west' },
  'kpp-krasnystaw/2': { lon: 23.168, lat: 50.983, source: 'guessed', note: 'Śródmieście: at the centre' },
  'kpp-krasnystaw/3': { lon: 23.177, lat: 50.975, source: 'guessed', note: 'direction unknown, placed south-east' },
  // Sejny, centre ~54.105 N 23.35 E (register-data.ts: 54.1, 23.35)
  'kpp-sejny/1': { lon: 23.348, lat: 54.109, source: 'guessed', note: 'Plac Dominikański: placed north of the centre' },
  'kpp-sejny/2': { lon: 23.353, lat: 54.1, source: 'guessed', note: 'Wojska Polskiego: placed south of the centre' },
};

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** The k-th of n points of a sunflower spiral filling the ring innerKm..outerKm around a centre. */
function spiralPoint(centre: [number, number], k: number, n: number, innerKm: number, outerKm: number): [number, number] {
  const fraction = n <= 1 ? 0.5 : (k + 0.5) / n;
  const radiusKm = Math.sqrt(innerKm * innerKm + fraction * (outerKm * outerKm - innerKm * innerKm));
  const angle = k * GOLDEN_ANGLE;
  const kmPerDegreeLat = 110.574;
  const kmPerDegreeLon = 111.32 * Math.cos((centre[1] * Math.PI) / 180);
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  return [
    round(centre[0] + (radiusKm * Math.cos(angle)) / kmPerDegreeLon),
    round(centre[1] + (radiusKm * Math.sin(angle)) / kmPerDegreeLat),
  ];
}

function buildLocalities(): Record<string, Record<string, LocalityPoint>> {
  const result: Record<string, Record<string, LocalityPoint>> = {};
  for (const layout of layouts) {
    const unit = (result[layout.unitId] ??= {});
    const add = (name: string, point: LocalityPoint) => {
      if (unit[name]) throw new Error(`localities: ${name} listed twice in ${layout.unitId}`);
      unit[name] = point;
    };
    for (const [name, [lon, lat, source, note]] of Object.entries(layout.known)) add(name, { lon, lat, source, ...(note ? { note } : {}) });
    layout.guessed.forEach((name, k) => {
      const [lon, lat] = spiralPoint(layout.centre, k, layout.guessed.length, layout.innerKm, layout.outerKm);
      add(name, { lon, lat, source: 'guessed', note: `spread around the guessed centre of district ${layout.district}` });
    });
  }
  return result;
}

/** unit id → locality name (as written in the rules) → point. */
export const demoLocalities: Record<string, Record<string, LocalityPoint>> = buildLocalities();
