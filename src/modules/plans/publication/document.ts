import type { Lang } from '../../../platform/i18n/i18n.js';
import { categoryNames } from '../messages.js';
import type { PlanAction, PlanContent } from '../model.js';
import { monthName } from './months.js';

/**
 * The published plan as one document model, from which the web page, the PDF and the DOCX are all
 * made: the same words in the same order everywhere. Layout of the official template
 * ("Informacja dotycząca realizacji planu działania priorytetowego …", sections 1–5).
 */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'table'; table: TableData }
  /**
   * A chart (the evaluation report's): SVG for the page and for print, its numbers as a table, and
   * its title and description again for a picture's alternative text (the DOCX's).
   */
  | { kind: 'chart'; svg: string; printSvg: string; table: TableData; alt: { title: string; description: string } };

/** A table with a caption, heading and text cells: the same in HTML, PDF and DOCX. */
export interface TableData {
  caption: string;
  head: string[];
  rows: string[][];
}

export interface PlanDocument {
  title: string;
  subtitle: string[];
  sections: { number: number; heading: string; blocks: Block[] }[];
  signature: string | null;
  footer: string;
}

const headings = {
  pl: [
    'Charakterystyka zdiagnozowanego zagrożenia w rejonie służbowym',
    'Zakładany cel do osiągnięcia',
    'Proponowane działania wraz z terminami realizacji poszczególnych etapów/zadań',
    'Podmioty współpracujące w realizacji działania priorytetowego wraz ze wskazaniem planowanych przez nie do realizacji zadań',
    'Proponowany sposób przekazania społeczności rejonu informacji o działaniu priorytetowym',
  ],
  en: [
    'The diagnosed threat in the district',
    'The intended goal',
    'Proposed actions with the deadlines of each stage or task',
    'Partner organisations and the tasks they plan to carry out',
    'How the residents of the district will be informed about the priority action',
  ],
};

const words = {
  pl: {
    title: (n: number) => `Informacja dotycząca realizacji planu działania priorytetowego dla rejonu służbowego nr ${n}`,
    period: (from: string, to: string) => `na okres od ${from} roku do ${to} roku`,
    category: 'Kategoria zagrożenia',
    places: 'Miejsca',
    sources: 'Źródła diagnozy',
    indicator: 'Miernik',
    area: 'Obszar liczenia',
    baseline: 'Stan wyjściowy',
    target: 'Cel liczbowy',
    decrease: (p: number) => `zmniejszenie o ${p}%`,
    increase: (p: number) => `zwiększenie o ${p}%`,
    survey: (p: number) => `${p}% pozytywnych odpowiedzi w badaniu ankietowym`,
    who: 'realizuje',
    none: 'Brak.',
    version: (v: number) => `wersja ${v}`,
    until: 'do',
    from: 'od',
  },
  en: {
    title: (n: number) => `Priority action plan for district no. ${n}`,
    period: (from: string, to: string) => `for the period ${from} to ${to}`,
    category: 'Threat category',
    places: 'Places',
    sources: 'Sources of the diagnosis',
    indicator: 'Indicator',
    area: 'Area counted',
    baseline: 'Baseline',
    target: 'Numeric target',
    decrease: (p: number) => `decrease by ${p}%`,
    increase: (p: number) => `increase by ${p}%`,
    survey: (p: number) => `${p}% positive answers in a residents' survey`,
    who: 'carried out by',
    none: 'None.',
    version: (v: number) => `version ${v}`,
    until: 'by',
    from: 'from',
  },
};

export const sourceNames: Record<Lang, Record<string, string>> = {
  pl: {
    residents: 'informacje od mieszkańców',
    patrols: 'obserwacje podczas obchodu',
    safety_analysis: 'analiza bezpieczeństwa',
    kmzb: 'Krajowa Mapa Zagrożeń Bezpieczeństwa',
    partners: 'informacje od instytucji',
    interventions: 'interwencje (SWD)',
    survey: 'ankieta',
    debate: 'debata społeczna',
  },
  en: {
    residents: 'residents',
    patrols: 'patrol observations',
    safety_analysis: 'safety analysis',
    kmzb: 'national threat map (KMZB)',
    partners: 'partner institutions',
    interventions: 'interventions (dispatch records)',
    survey: 'survey',
    debate: 'public debate',
  },
};

/** "01.07.2026" from "2026-07-01". */
export function dottedDate(day: string): string {
  return `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
}

/** A time frame in words: "lipiec 2026", "lipiec – grudzień 2026", "do 31.07.2025", "od 03.07.2025 do 20.08.2025". */
export function timeFrameText(action: Pick<PlanAction, 'from' | 'to'>, lang: Lang): string {
  const w = words[lang];
  const { from, to } = action;
  if (!from && !to) return '';
  if (!from) return `${w.until} ${dottedDate(to!)}`;
  if (!to) return `${w.from} ${dottedDate(from)}`;
  const wholeMonths =
    from.endsWith('-01') &&
    new Date(`${to}T12:00:00Z`).getUTCDate() === new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)), 0)).getUTCDate();
  if (wholeMonths) {
    const [fy, fm] = [from.slice(0, 4), Number(from.slice(5, 7))];
    const [ty, tm] = [to.slice(0, 4), Number(to.slice(5, 7))];
    if (fy === ty && fm === tm) return `${monthName(fm, lang)} ${fy}`;
    return fy === ty
      ? `${monthName(fm, lang)} – ${monthName(tm, lang)} ${ty}`
      : `${monthName(fm, lang)} ${fy} – ${monthName(tm, lang)} ${ty}`;
  }
  return `${w.from} ${dottedDate(from)} ${w.until} ${dottedDate(to)}`;
}

const paragraphs = (text: string): Block[] =>
  text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph', text: p }));

export function planDocument(
  input: { districtNumber: number; unitName: string; periodFrom: string; periodTo: string; version: number; content: PlanContent },
  lang: Lang = 'pl',
): PlanDocument {
  const w = words[lang];
  const { content } = input;
  const threatFacts: [string, string][] = [];
  if (content.threat.category) threatFacts.push([w.category, categoryNames[lang][content.threat.category] ?? content.threat.category]);
  if (content.threat.places) threatFacts.push([w.places, content.threat.places]);
  if (content.threat.sources.length) threatFacts.push([w.sources, content.threat.sources.map((s) => sourceNames[lang][s] ?? s).join(', ')]);
  const goalFacts: [string, string][] = [];
  if (content.goal.indicator)
    goalFacts.push([
      w.indicator,
      [content.goal.indicator.what, content.goal.indicator.where, content.goal.indicator.source].filter(Boolean).join('; '),
    ]);
  if (content.goal.area) goalFacts.push([w.area, content.goal.area.name]);
  if (content.goal.baseline) goalFacts.push([w.baseline, `${content.goal.baseline.value} (${content.goal.baseline.period})`]);
  const target = content.goal.target;
  if (target)
    goalFacts.push([
      w.target,
      target.kind === 'survey'
        ? w.survey(target.percent)
        : target.direction === 'decrease'
          ? w.decrease(target.percent)
          : w.increase(target.percent),
    ]);
  const list = (items: string[]): Block[] => (items.length ? [{ kind: 'list', items }] : [{ kind: 'paragraph', text: w.none }]);
  const sections: Block[][] = [
    [...paragraphs(content.threat.description), ...(threatFacts.length ? [{ kind: 'facts', rows: threatFacts } as Block] : [])],
    [...paragraphs(content.goal.description), ...(goalFacts.length ? [{ kind: 'facts', rows: goalFacts } as Block] : [])],
    list(
      content.actions.map((a) => {
        const frame = timeFrameText(a, lang);
        return `${frame ? `${frame} – ` : ''}${a.description}${a.who ? ` (${w.who}: ${a.who})` : ''}`;
      }),
    ),
    list(content.partners.map((p) => (p.tasks ? `${p.name} – ${p.tasks}` : p.name))),
    list(content.communication),
  ];
  return {
    title: w.title(input.districtNumber),
    subtitle: [input.unitName, w.period(dottedDate(input.periodFrom), dottedDate(input.periodTo))],
    sections: sections.map((blocks, i) => ({ number: i + 1, heading: headings[lang][i]!, blocks })),
    signature: content.signature,
    footer: `${input.unitName} · ${w.version(input.version)}`,
  };
}

/** All the words of a document in order: what tests compare across page, PDF and DOCX. */
export function documentWords(doc: PlanDocument): string[] {
  const parts = [doc.title, ...doc.subtitle];
  for (const section of doc.sections) {
    parts.push(`${section.number}. ${section.heading}`);
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') parts.push(block.text);
      else if (block.kind === 'list') parts.push(...block.items);
      else if (block.kind === 'facts') parts.push(...block.rows.map(([k, v]) => `${k}: ${v}`));
      else parts.push(block.table.caption, ...block.table.rows.map((row) => row.join(' ')));
    }
  }
  if (doc.signature) parts.push(doc.signature);
  return parts;
}
