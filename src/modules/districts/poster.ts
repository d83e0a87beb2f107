import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDate, type Lang } from '../../platform/i18n/i18n.js';
import { renderPdf } from '../../platform/documents/pdf.js';
import type { Unit } from '../units/model.js';
import type { StreetRule } from './area/types.js';
import type { DistrictCard } from './locator/register.js';
import { formatRange } from './rules-format.js';

const text = {
  pl: {
    heading: 'Twój dzielnicowy',
    district: (n: number) => `Rejon służbowy nr ${n}`,
    vacant: 'Rejon chwilowo bez dzielnicowego — kontakt przez jednostkę Policji.',
    substitute: 'zastępstwo',
    phone: 'Telefon',
    email: 'E-mail',
    notEmergency: 'To nie jest numer alarmowy. Dzielnicowy odbiera w godzinach służby. W nagłych sytuacjach dzwoń pod 112.',
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
    vacant: 'The district currently has no officer — contact the police unit.',
    substitute: 'substitute',
    phone: 'Phone',
    email: 'E-mail',
    notEmergency: 'This is not an emergency number. The officer answers while on duty. In an emergency call 112.',
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

/** The programme's poster: who the officer is and how to reach them, for notice boards (A4). */
export function posterDocument(card: DistrictCard, unit: Unit, rules: StreetRule[], pageUrl: string, lang: Lang, today = new Date()): TDocumentDefinitions {
  const t = text[lang];
  const lines = areaLines(rules, lang);
  const shown = lines.slice(0, MAX_AREA_LINES);
  const unitAddress = [unit.street, [unit.postalCode, unit.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const officer: Content = card.officer
    ? { text: [`${card.officer.rank} ${card.officer.name}`, card.officer.substitute ? ` (${t.substitute})` : ''], style: 'officer' }
    : { text: t.vacant, style: 'officer' };
  return {
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    info: { title: `${t.heading} — ${card.name}`, subject: unit.name, creator: 'Dzielnicowy' },
    content: [
      { text: t.heading.toUpperCase(), style: 'kicker' },
      { text: t.district(card.number), style: 'title' },
      { text: unit.name, style: 'unit' },
      officer,
      {
        table: {
          widths: ['auto', '*'],
          body: [
            ...(card.phone ? [[{ text: t.phone, style: 'label' }, { text: card.phone, style: 'phone' }]] : []),
            ...(card.email ? [[{ text: t.email, style: 'label' }, { text: card.email, style: 'email' }]] : []),
          ].concat(card.phone || card.email ? [] : [[{ text: t.unit, style: 'label' }, { text: unit.phone ?? '', style: 'phone' }]]),
        },
        layout: 'noBorders',
        margin: [0, 12, 0, 8],
      },
      { text: t.notEmergency, style: 'warning' },
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
