import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDate, type Lang } from '../../platform/i18n/i18n.js';
import { renderPdf } from '../../platform/documents/pdf.js';
import type { Unit } from '../units/index.js';
import type { StreetRule } from './area/types.js';
import type { DistrictCard } from './locator/register.js';
import { formatRange } from './rules-format.js';
import { coverageOf, type Coverage } from './coverage.js';

const text = {
  pl: {
    heading: 'Twój dzielnicowy',
    district: (n: number) => `Rejon służbowy nr ${n}`,
    vacant: 'Rejon chwilowo bez dzielnicowego i bez zastępstwa.',
    coveredByUnit: (unit: string) => `Sprawami rejonu zajmuje się ${unit}.`,
    noUnitPhone:
      'Telefon jednostki nie jest wpisany: w sprawach niepilnych przyjdź do jednostki albo znajdź jej telefon na stronie policja.pl.',
    substitute: 'zastępstwo',
    phone: 'Telefon',
    email: 'E-mail',
    notEmergency: 'To nie jest numer alarmowy. Dzielnicowy odbiera w godzinach służby. W nagłych sytuacjach dzwoń pod 112.',
    notEmergencyUnit: 'To nie jest numer alarmowy. W nagłych sytuacjach dzwoń pod 112.',
    area: 'Obszar rejonu',
    more: (n: number) => `… oraz ${n} dalszych pozycji — pełny opis na stronie rejonu.`,
    whole: 'cała miejscowość',
    unit: 'Jednostka Policji',
    scan: 'Zeskanuj kod, aby zobaczyć stronę rejonu:',
    printed: (date: string) => `Stan na ${date}.`,
  },
  en: {
    heading: 'Your district officer',
    district: (n: number) => `District no. ${n}`,
    vacant: 'The district currently has no officer and no substitute.',
    coveredByUnit: (unit: string) => `${unit} deals with its matters.`,
    noUnitPhone: 'The unit’s phone is not recorded: for anything that is not urgent, visit the unit or find its phone on policja.pl.',
    substitute: 'substitute',
    phone: 'Phone',
    email: 'E-mail',
    notEmergency: 'This is not an emergency number. The officer answers while on duty. In an emergency call 112.',
    notEmergencyUnit: 'This is not an emergency number. In an emergency call 112.',
    area: 'Area of the district',
    more: (n: number) => `… and ${n} more — the full description is on the district page.`,
    whole: 'the whole town/village',
    unit: 'Police unit',
    scan: 'Scan the code to open the district page:',
    printed: (date: string) => `As of ${date}.`,
  },
};

const MAX_AREA_LINES = 18;

function areaLines(rules: StreetRule[], lang: Lang): string[] {
  const t = text[lang];
  return rules.map((rule) => {
    const numbers = rule.numbers?.map((range) => formatRange(range, lang)).join(', ');
    if (!rule.street && !numbers) return `${rule.locality} — ${t.whole}`;
    return `${rule.locality}${rule.street ? `, ${rule.street}` : ''}${numbers ? `: ${numbers}` : ''}`;
  });
}

type Row = [{ text: string; style: string }, { text: string; style: string }];

/**
 * The contact table: the district's own phone and e-mail while an officer (or a substitute)
 * serves it; with neither, the unit that covers it (coverage.ts), or plainly that its phone is
 * not recorded.
 */
function contactRows(card: DistrictCard, unit: Unit, coverage: Coverage, lang: Lang): Row[] {
  const t = text[lang];
  const rows: Row[] = [];
  if (coverage.by === 'unit') {
    if (unit.phone)
      rows.push([
        { text: t.unit, style: 'label' },
        { text: unit.phone, style: 'phone' },
      ]);
    if (unit.email)
      rows.push([
        { text: t.email, style: 'label' },
        { text: unit.email, style: 'email' },
      ]);
    return rows;
  }
  if (card.phone)
    rows.push([
      { text: t.phone, style: 'label' },
      { text: card.phone, style: 'phone' },
    ]);
  if (card.email)
    rows.push([
      { text: t.email, style: 'label' },
      { text: card.email, style: 'email' },
    ]);
  if (rows.length === 0 && unit.phone)
    rows.push([
      { text: t.unit, style: 'label' },
      { text: unit.phone, style: 'phone' },
    ]);
  return rows;
}

/** The programme's poster: who the officer is and how to reach them, for notice boards (A4). */
export function posterDocument(
  card: DistrictCard,
  unit: Unit,
  rules: StreetRule[],
  pageUrl: string,
  lang: Lang,
  today = new Date(),
): TDocumentDefinitions {
  const t = text[lang];
  const coverage = coverageOf(card, unit);
  const rows = contactRows(card, unit, coverage, lang);
  const lines = areaLines(rules, lang);
  const shown = lines.slice(0, MAX_AREA_LINES);
  const unitAddress = [unit.street, [unit.postalCode, unit.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const officer: Content = card.officer
    ? { text: [`${card.officer.rank} ${card.officer.name}`, card.officer.substitute ? ` (${t.substitute})` : ''], style: 'officer' }
    : {
        stack: [
          { text: t.vacant, style: 'officer' },
          { text: t.coveredByUnit(unit.name), style: 'unit' },
        ],
      };
  return {
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    info: { title: `${t.heading} — ${card.name}`, subject: unit.name, creator: 'Dzielnicowy' },
    content: [
      { text: t.heading.toUpperCase(), style: 'kicker' },
      { text: t.district(card.number), style: 'title' },
      { text: unit.name, style: 'unit' },
      officer,
      ...(rows.length > 0 ? [{ table: { widths: ['auto', '*'], body: rows }, layout: 'noBorders', margin: [0, 12, 0, 8] } as Content] : []),
      ...(coverage.by === 'unit' && !unit.phone ? [{ text: t.noUnitPhone, margin: [0, 12, 0, 8] } as Content] : []),
      { text: coverage.by === 'unit' ? t.notEmergencyUnit : t.notEmergency, style: 'warning' },
      { text: t.area, style: 'section' },
      { ul: shown, style: 'area' },
      ...(lines.length > shown.length ? [{ text: t.more(lines.length - shown.length), style: 'small' } as Content] : []),
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: t.unit, style: 'section' },
              { text: unit.name, bold: true },
              ...(unitAddress ? [{ text: unitAddress }] : []),
              ...(unit.phone ? [{ text: `${t.phone}: ${unit.phone}` }] : []),
              { text: t.scan, style: 'small', margin: [0, 12, 0, 2] },
              { text: pageUrl, style: 'small' },
              { text: t.printed(formatDate(today, lang)), style: 'small', margin: [0, 8, 0, 0] },
            ],
          },
          { width: 130, qr: pageUrl, fit: 130, margin: [0, 20, 0, 0] },
        ],
        margin: [0, 16, 0, 0],
      },
    ],
    styles: {
      kicker: { fontSize: 14, bold: true, color: '#12355b', characterSpacing: 1 },
      title: { fontSize: 30, bold: true, margin: [0, 4, 0, 0] },
      unit: { fontSize: 14, margin: [0, 2, 0, 14] },
      officer: { fontSize: 24, bold: true },
      label: { fontSize: 14, color: '#484f55', margin: [0, 6, 12, 0] },
      phone: { fontSize: 30, bold: true },
      email: { fontSize: 16, margin: [0, 4, 0, 0] },
      warning: { fontSize: 11, italics: true, margin: [0, 4, 0, 8] },
      section: { fontSize: 15, bold: true, margin: [0, 10, 0, 4] },
      area: { fontSize: 11 },
      small: { fontSize: 9, color: '#484f55' },
    },
    defaultStyle: { fontSize: 12, lineHeight: 1.15 },
  };
}

export function renderPoster(...args: Parameters<typeof posterDocument>): Promise<Buffer> {
  return renderPdf(posterDocument(...args));
}
