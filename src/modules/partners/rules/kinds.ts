import type { Localized } from '../../../platform/i18n/i18n.js';
import { matchKey } from './names.js';

/**
 * Types of partner organisation (rodzaje podmiotów), from the partners real plans name
 * (shared/docs/domain.md: social welfare centres, housing cooperatives and TBS, town halls and
 * councils, culture centres and seniors' clubs, schools, parishes, banks, city guards).
 */
export const partnerKinds = [
  'local_government',
  'school',
  'social_welfare',
  'municipal_guard',
  'road_authority',
  'housing',
  'ngo',
  'culture',
  'services',
  'business',
  'religious',
  'other',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export function isPartnerKind(value: unknown): value is PartnerKind {
  return (partnerKinds as readonly unknown[]).includes(value);
}

export const kindLabels: Record<PartnerKind, Localized> = {
  local_government: { pl: 'Samorząd (urząd gminy lub miasta, starostwo, rada osiedla, sołtys)', en: 'Local government' },
  school: { pl: 'Szkoła lub przedszkole', en: 'School' },
  social_welfare: { pl: 'Pomoc społeczna (OPS, MOPS, GOPS, PCPR)', en: 'Social welfare (OPS/MOPS)' },
  municipal_guard: { pl: 'Straż miejska lub gminna', en: 'Municipal guard' },
  road_authority: { pl: 'Zarządca drogi', en: 'Road authority' },
  housing: { pl: 'Spółdzielnia mieszkaniowa, TBS, zarządca, wspólnota', en: 'Housing cooperative or manager' },
  ngo: { pl: 'Organizacja pozarządowa (stowarzyszenie, fundacja)', en: 'NGO (association, foundation)' },
  culture: {
    pl: 'Kultura i seniorzy (dom kultury, biblioteka, klub seniora)',
    en: "Culture and seniors (culture centre, library, seniors' club)",
  },
  services: {
    pl: 'Inne służby i instytucje (straż pożarna, ochrona zdrowia, nadleśnictwo)',
    en: 'Other services (fire brigade, health, forestry)',
  },
  business: { pl: 'Przedsiębiorstwo (sklep, bank, przewoźnik)', en: 'Business (shop, bank, carrier)' },
  religious: { pl: 'Parafia lub wspólnota wyznaniowa', en: 'Religious community' },
  other: { pl: 'Inny podmiot', en: 'Other' },
};

/**
 * The type a name suggests, for entries the plan editor creates from a typed name (staff may
 * change it). Read on the compared form of the name (abbreviations written out); the first match
 * wins, so narrower types come first: "Gminny Ośrodek Pomocy Społecznej" is social welfare, not
 * local government; "Towarzystwo Budownictwa Społecznego" housing, not an NGO; "Uniwersytet
 * Trzeciego Wieku" culture, not a school.
 */
const guesses: [PartnerKind, RegExp][] = [
  ['social_welfare', /pomocy spolecznej|pomocy rodzinie|opieki spolecznej/],
  ['municipal_guard', /straz (miejsk|gminn)/],
  ['road_authority', /zarzad drog|drog krajowych|zarzad dr\b/],
  [
    'housing',
    /spoldzielni|budownictwa spolecznego|wspolnot[ay] mieszkaniow|zarzad budynkow|gospodarki mieszkaniowej|zarzad nieruchomosci|administracj\w* osiedl/,
  ],
  ['culture', /kultury|bibliotek|klub\w* senior|trzeciego wieku|muzeum|swietlic/],
  ['school', /\bszkol|przedszkol|liceum|technikum|gimnazjum|\bzlobek|uczelni|uniwersytet|akademi/],
  [
    'services',
    /straz pozarn|szpital|pogotowi|ratownic|sanitarno|przychodni|nadlesnictw|lasy panstwowe|inspekc|inspektorat|kuratori|prokurat|sad rejonow|straz graniczn|straz ochrony kolei/,
  ],
  ['religious', /parafi|kosciol|zbor|cerkiew|diecezj|caritas|zgromadzeni\w* zakonn/],
  [
    'local_government',
    /urzad (gminy|miasta|miejski|gminny|marszalkowski|wojewodzki)|starostw|\brad[ay] (osiedla|gminy|miasta|dzielnicy|soleck)|soltys|burmistrz|\bwojt|prezydent miasta|\bgmina\b|\bpowiat\b/,
  ],
  ['ngo', /stowarzyszeni|fundacj|towarzystw|zwiazek|kolo gospodyn|harcer|\bzhp\b|klub sportow/],
  ['business', /spolka|\bbank\b|sklep|market|przedsiebiorstw|hurtowni|stacja paliw|przewoz|komunikacj|restaurac|hotel|apteka|\bsa\b/],
];

export function guessKind(name: string): PartnerKind {
  const key = matchKey(name);
  return guesses.find(([, pattern]) => pattern.test(key))?.[0] ?? 'other';
}
