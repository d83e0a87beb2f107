/**
 * The five sections' labels, in the template's words and the other words units use, as headings,
 * capitals, numbered or Roman lines, or labels inside a paragraph ("Cel działań: …").
 * `strict` wordings are headings by themselves; `loose` ones (a single word such as "Cel") only
 * with a colon, numbering, capitals, bold, or alone on their line.
 */
import type { Localized } from '../../../../platform/i18n/i18n.js';

export const sectionKeys = ['threat', 'goal', 'actions', 'partners', 'communication'] as const;
export type SectionKey = (typeof sectionKeys)[number];

export const sectionNames: Localized[] = [
  { pl: 'Charakterystyka zdiagnozowanego zagrożenia', en: 'Description of the diagnosed threat' },
  { pl: 'Zakładany cel do osiągnięcia', en: 'Intended goal' },
  { pl: 'Proponowane działania wraz z terminami realizacji', en: 'Proposed actions with deadlines' },
  { pl: 'Podmioty współpracujące', en: 'Partner organisations' },
  { pl: 'Sposób przekazania społeczności informacji', en: 'How residents are informed' },
];

const W = '\\p{L}{0,12}';
const strict: Record<SectionKey, string> = {
  threat: `charakterystyk${W}|zdiagnozowan${W}\\s(?:zagroż|problem|zjawisk)${W}|(?:opis|diagnoz${W}|identyfikacj${W}|analiz${W})\\s(?:zdiagnozowan${W}\\s)?(?:zagroż|problem|zjawisk)${W}|zidentyfikowan${W}\\s(?:zagroż|problem)${W}|diagnoz${W}|zagrożeni${W}\\s(?:w\\s(?:rejonie|dzielnicy)|zdiagnozowan${W}|występując${W})|problem${W}\\s(?:w\\s(?:rejonie|dzielnicy)|priorytetow${W}|zdiagnozowan${W})`,
  goal: `zakładan${W}\\s(?:cel|efekt)${W}|planowan${W}\\scel${W}|cel${W}\\s(?:do\\sosiągnięcia|działa${W}|planu|główny|priorytetow${W}|zakładany|realizacji)|oczekiwan${W}\\sefekt${W}|mierniki?\\s(?:realizacji|osiągnięcia)${W}`,
  actions: `(?:proponowan|planowan|podejmowan|przewidywan|zaplanowan|realizowan)${W}\\s(?:działa|przedsięwzię|zada|czynnoś)${W}|działani${W}\\s(?:wraz\\sz\\sterminami|i\\sterminy|oraz\\sterminy|z\\sterminami|do\\srealizacji|priorytetow${W}\\swraz|planowan${W})|harmonogram${W}|spos[óo]b\\srealizacji${W}|zadania\\sdo\\srealizacji`,
  partners: `podmiot${W}\\s(?:współpracując|współdziałając|zaangażowan|uczestnicząc|wspierając)${W}|(?:współpracując|współdziałając)${W}\\s(?:podmiot|instytucj|partner)${W}|instytucj${W}\\s(?:współpracując|wspierając)${W}|partner${W}\\s(?:działa|współ|przy|w\\srealizacji)${W}`,
  communication: `(?:proponowan${W}\\s)?spos[óo]b${W}\\s(?:przekaz|informowan|poinformowan|komunikowan|przedstawien|upowszechnian)${W}|informowani${W}\\s(?:społecz|mieszkańc)${W}|przekazywani${W}\\sinformacji|(?:informacja|komunikacja)\\sz\\s(?:mieszkańcami|społecznością)|promocja\\sdziałań`,
};
const loose: Record<SectionKey, string> = {
  threat: `zagrożeni${W}|problem${W}|charakterystyka|opis\\ssytuacji|zjawisk${W}`,
  goal: `cel(?:e|u|em)?|efekt${W}`,
  actions: `działani${W}|zadani${W}|przedsięwzięci${W}|terminy`,
  partners: `partner${W}|współpraca|podmiot${W}|współpracownicy`,
  communication: `informowanie|komunikacja|przekazanie\\sinformacji|media|promocja`,
};

const sticky = (source: string) => new RegExp(`(?:${source})(?![\\p{L}])`, 'iuy');
export const strictLabels = sectionKeys.map((key) => ({ key, pattern: sticky(strict[key]) }));
export const looseLabels = sectionKeys.map((key) => ({ key, pattern: sticky(loose[key]) }));
/** A second section named in the same heading: "Charakterystyka zagrożenia i zakładany cel". */
export const joinedLabels = sectionKeys.map((key) => ({
  key,
  pattern: new RegExp(`(?:\\s(?:i|oraz|wraz\\sz)\\s|[,/]\\s?)(?:${strict[key]}|${loose[key]})(?![\\p{L}])`, 'iu'),
}));

export interface LabelMatch {
  key: SectionKey;
  strict: boolean;
  /** Where the label's words end. */
  end: number;
}

/** The section label that starts at `at`, if any (strict wordings first). */
export function labelAt(text: string, at: number): LabelMatch | null {
  for (const { key, pattern } of strictLabels) {
    pattern.lastIndex = at;
    if (pattern.test(text)) return { key, strict: true, end: pattern.lastIndex };
  }
  for (const { key, pattern } of looseLabels) {
    pattern.lastIndex = at;
    if (pattern.test(text)) return { key, strict: false, end: pattern.lastIndex };
  }
  return null;
}
