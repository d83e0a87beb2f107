import { formatNumber, type Lang, formatCalendarDay } from '../../../platform/i18n/i18n.js';
import { categoryNames, commentPlace, type CommentSection } from '../messages.js';
import type { PlanAction, PlanContent } from '../model.js';
import { sourceNames } from '../publication/document.js';
import { diffWords, hasChanges, type Segment } from './diff.js';
import { editorMessages } from './messages.js';

/** A version as the reviewer compares it: its period and its five sections. */
export interface VersionText {
  periodFrom: string;
  periodTo: string;
  content: PlanContent;
}

/** One field that differs, both sides in words ("20 %", "1 marca 2027"), and the words that changed. */
export interface FieldChange {
  label: string;
  before: string;
  after: string;
  segments: Segment[];
}

/** One action (the only section whose items are commented on one by one). */
export interface ItemChanges {
  item: number;
  title: string;
  changes: FieldChange[];
}

export interface SectionChanges {
  /** Where the reviewer's comments on it are kept; the signature has none of its own. */
  section: CommentSection | 'signature';
  title: string;
  changes: FieldChange[];
  items: ItemChanges[];
}

const day = (value: string | null | undefined, lang: Lang) => (value ? formatCalendarDay(value, lang) : '');
const number = (value: number | null | undefined, lang: Lang) => (value === null || value === undefined ? '' : formatNumber(value, lang));
const same = (a: string, b: string) => a.trim().toLocaleLowerCase('pl') === b.trim().toLocaleLowerCase('pl');

/** Field by field, in words: every structured value is compared, not only the free text. */
function compare(fields: [label: string, before: string, after: string][]): FieldChange[] {
  return fields
    .map(([label, before, after]) => ({ label, before, after, segments: diffWords(before, after) }))
    .filter((change) => hasChanges(change.segments));
}

function goalFields(content: PlanContent, lang: Lang): string[] {
  const m = editorMessages[lang];
  const { indicator, baseline, target } = content.goal;
  const kind = target ? (target.kind === 'survey' ? m.targetSurvey : m.targetCount) : '';
  return [
    content.goal.description,
    indicator?.what ?? '',
    indicator?.where ?? '',
    indicator?.source ?? '',
    baseline?.period ?? '',
    number(baseline?.value, lang),
    target ? (target.direction === 'increase' ? m.increase : m.decrease) : '',
    // A non-breaking space keeps "20 %" together on a phone.
    target ? `${formatNumber(target.percent, lang)}\u00a0%` : '',
    kind,
  ];
}

function actionFields(action: PlanAction | undefined, lang: Lang): string[] {
  const m = editorMessages[lang];
  if (!action) return ['', '', '', '', ''];
  return [action.description, day(action.from, lang), day(action.to, lang), action.who, m.actionStatuses[action.status] ?? ''];
}

const zip = (labels: string[], before: string[], after: string[]) =>
  labels.map((label, i): [string, string, string] => [label, before[i] ?? '', after[i] ?? '']);

/** Partners are matched by name: a new name is an added partner, a missing one a removed partner. */
function partnerChanges(before: PlanContent['partners'], after: PlanContent['partners'], lang: Lang): FieldChange[] {
  const m = editorMessages[lang];
  const text = (p: { name: string; tasks: string }) => (p.tasks ? `${p.name} – ${p.tasks}` : p.name);
  const fields: [string, string, string][] = [];
  for (const old of before) {
    const now = after.find((p) => same(p.name, old.name));
    if (!now) fields.push([m.partnerRemoved, text(old), '']);
    else fields.push([`${now.name}: ${m.partnerTasks.toLocaleLowerCase(lang)}`, old.tasks, now.tasks]);
  }
  for (const now of after) if (!before.some((p) => same(p.name, now.name))) fields.push([m.partnerAdded, '', text(now)]);
  return compare(fields);
}

function channelChanges(before: string[], after: string[], lang: Lang): FieldChange[] {
  const m = editorMessages[lang];
  return compare([
    ...before.filter((c) => !after.some((a) => same(a, c))).map((c): [string, string, string] => [m.channelRemoved, c, '']),
    ...after.filter((c) => !before.some((b) => same(b, c))).map((c): [string, string, string] => [m.channelAdded, '', c]),
  ]);
}

/**
 * What changed between two versions of a plan, section by section, for the reviewer: the period,
 * the threat (category, places, description, sources), the goal (description, indicator, baseline,
 * direction, percent, kind), each action (text, dates, who, progress), partners and their tasks,
 * the ways of informing residents and the signature. Dates and numbers are written in `lang`.
 */
export function versionChanges(before: VersionText, after: VersionText, lang: Lang): SectionChanges[] {
  const m = editorMessages[lang];
  const [b, a] = [before.content, after.content];
  const sources = (c: PlanContent) => c.threat.sources.map((s) => sourceNames[lang][s] ?? '').join(', ');
  const category = (c: PlanContent) => (c.threat.category ? (categoryNames[lang][c.threat.category] ?? '') : '');
  const actionLabels = [m.actionDescription, m.actionFromDay, m.actionToDay, m.who, m.actionStatus];
  const goalLabels = [
    m.goal,
    m.indicatorWhat,
    m.indicatorWhere,
    m.indicatorSource,
    m.baselinePeriod,
    m.baselineValue,
    m.direction,
    m.percent,
    m.targetKind,
  ];
  const items: ItemChanges[] = [];
  for (let i = 0; i < Math.max(b.actions.length, a.actions.length); i++) {
    items.push({
      item: i,
      title: commentPlace({ section: 'actions', item: i }, lang),
      changes: compare(zip(actionLabels, actionFields(b.actions[i], lang), actionFields(a.actions[i], lang))),
    });
  }
  const section = (
    key: SectionChanges['section'],
    title: string,
    changes: FieldChange[],
    sectionItems: ItemChanges[] = [],
  ): SectionChanges => ({ section: key, title, changes, items: sectionItems });
  return [
    section(
      'period',
      commentPlace({ section: 'period', item: null }, lang),
      compare([
        [m.periodFrom, day(before.periodFrom, lang), day(after.periodFrom, lang)],
        [m.periodTo, day(before.periodTo, lang), day(after.periodTo, lang)],
      ]),
    ),
    section(
      'threat',
      m.section1,
      compare([
        [m.category, category(b), category(a)],
        [m.places, b.threat.places, a.threat.places],
        [m.description, b.threat.description, a.threat.description],
        [m.sources, sources(b), sources(a)],
      ]),
    ),
    section('goal', m.section2, compare(zip(goalLabels, goalFields(b, lang), goalFields(a, lang)))),
    section('actions', m.section3, compare([[m.actionCount, number(b.actions.length, lang), number(a.actions.length, lang)]]), items),
    section('partners', m.section4, partnerChanges(b.partners, a.partners, lang)),
    section('communication', m.section5, channelChanges(b.communication, a.communication, lang)),
    section('signature', m.signature, compare([[m.signature, b.signature ?? '', a.signature ?? '']])),
  ];
}

/** Whether anything at all changed (the page then says so in one line). */
export function anyChanges(sections: SectionChanges[]): boolean {
  return sections.some((s) => s.changes.length > 0 || s.items.some((i) => i.changes.length > 0));
}
