import { formatCalendarDay, formatNumber, plural, type Lang } from '../../platform/i18n/i18n.js';
import { statusNames } from '../plans/index.js';
import type { DashboardDeadline, DashboardPlan, DashboardRow, OpenDeadline } from './read-dashboard.js';
import type { GoalStanding, PlanGap } from './rules.js';

const count = (lang: Lang, n: number, pl: { one: string; few: string; many: string }, en: { one: string; other: string }) =>
  `${formatNumber(n, lang)} ${lang === 'pl' ? plural('pl', n, { one: pl.one, few: pl.few, other: pl.many }) : plural('en', n, en)}`;

export const dashboardMessages = {
  pl: {
    title: 'Tablica rejonów',
    ownTitle: 'Moje rejony',
    lead: 'Każdy rejon jednostki: dzielnicowy, plan i jego stan, terminy zbliżające się i przekroczone, zgłoszenia czekające na weryfikację.',
    ownLead: 'Twoje rejony: plan i jego stan, terminy zbliżające się i przekroczone, zgłoszenia czekające na weryfikację.',
    unit: 'Jednostka',
    status: 'Stan planu bieżącego',
    anyStatus: 'Dowolny',
    noPlan: 'Brak planu bieżącego',
    staffing: 'Obsada',
    anyStaffing: 'Dowolna',
    vacant: 'Wakat',
    withSubstitute: 'Z zastępstwem',
    problemsOnly: 'Tylko rejony wymagające uwagi',
    filter: 'Pokaż',
    csv: 'Pobierz CSV',
    goal: 'Cel',
    district: 'Rejon',
    officer: 'Dzielnicowy',
    plan: 'Plan',
    deadlines: 'Terminy',
    actions: 'Działania planu',
    late: 'opóźnione',
    reports: 'Zgłoszenia',
    none: 'brak',
    substitute: 'zastępstwo',
    next: 'następny',
    overdue: 'po terminie',
    soon: 'zbliża się',
    due: 'do',
    noRows: 'Żaden rejon nie spełnia warunków.',
    gaps: { no_current_plan: 'brak planu bieżącego', no_next_plan: 'brak szkicu następnego planu' } satisfies Record<PlanGap, string>,
    deadlineNames: {
      submission: 'przekazanie do zatwierdzenia',
      approval: 'zatwierdzenie',
      publication: 'publikacja',
      evaluation: 'ocena realizacji',
      action: 'działanie nr',
    },
    districts: (n: number) => count('pl', n, { one: 'rejon', few: 'rejony', many: 'rejonów' }, { one: '', other: '' }),
    unverified: (n: number) =>
      `${count('pl', n, { one: 'zgłoszenie', few: 'zgłoszenia', many: 'zgłoszeń' }, { one: '', other: '' })} do weryfikacji`,
    overdueReports: (n: number) => `w tym ${formatNumber(n, 'pl')} po terminie`,
    summary: (shown: number, problems: number) =>
      `${dashboardMessages.pl.districts(shown)}, ${count('pl', problems, { one: 'wymaga', few: 'wymagają', many: 'wymaga' }, { one: '', other: '' })} uwagi.`,
    columns: [
      'Jednostka',
      'Nr rejonu',
      'Rejon',
      'Dzielnicowy',
      'Zastępstwo',
      'Plan bieżący',
      'Stan planu',
      'Plan następny',
      'Braki w planach',
      'Terminy przekroczone',
      'Terminy zbliżające się',
      'Działania opóźnione',
      'Działania z bliskim terminem',
      'Zgłoszenia do weryfikacji',
      'Zgłoszenia po terminie',
      'Cel według dotychczasowych danych',
    ],
    badFilter: (field: string) => `Nieznana wartość filtru „${field}”.`,
    vacancy: 'wakat',
  },
  en: {
    title: 'Districts dashboard',
    ownTitle: 'My districts',
    lead: "Every district of the unit: its officer, its plan and the plan's status, deadlines approaching and overdue, reports awaiting verification.",
    ownLead: 'Your districts: the plan and its status, deadlines approaching and overdue, reports awaiting verification.',
    unit: 'Unit',
    status: "Current plan's status",
    anyStatus: 'Any',
    noPlan: 'No current plan',
    staffing: 'Staffing',
    anyStaffing: 'Any',
    vacant: 'Vacant',
    withSubstitute: 'With a substitute',
    problemsOnly: 'Only districts needing attention',
    filter: 'Show',
    csv: 'Download CSV',
    goal: 'Goal',
    district: 'District',
    officer: 'Officer',
    plan: 'Plan',
    deadlines: 'Deadlines',
    actions: 'Plan actions',
    late: 'late',
    reports: 'Reports',
    none: 'none',
    substitute: 'substitute',
    next: 'next',
    overdue: 'overdue',
    soon: 'approaching',
    due: 'by',
    noRows: 'No district matches.',
    gaps: { no_current_plan: 'no current plan', no_next_plan: 'no draft of the next plan' } satisfies Record<PlanGap, string>,
    deadlineNames: {
      submission: 'submission for approval',
      approval: 'approval',
      publication: 'publication',
      evaluation: 'evaluation',
      action: 'action no.',
    },
    districts: (n: number) => count('en', n, { one: '', few: '', many: '' }, { one: 'district', other: 'districts' }),
    unverified: (n: number) => `${count('en', n, { one: '', few: '', many: '' }, { one: 'report', other: 'reports' })} to verify`,
    overdueReports: (n: number) => `${formatNumber(n, 'en')} of them overdue`,
    summary: (shown: number, problems: number) =>
      `${dashboardMessages.en.districts(shown)}, ${formatNumber(problems, 'en')} ${plural('en', problems, { one: 'needs', other: 'need' })} attention.`,
    columns: [
      'Unit',
      'District no.',
      'District',
      'Officer',
      'Substitute',
      'Current plan',
      'Plan status',
      'Next plan',
      'Gaps in plans',
      'Deadlines overdue',
      'Deadlines approaching',
      'Actions late',
      'Actions due soon',
      'Reports to verify',
      'Reports overdue',
      'Goal on the counts so far',
    ],
    badFilter: (field: string) => `Unknown value of the filter "${field}".`,
    vacancy: 'vacant',
  },
};

export const periodText = (plan: DashboardPlan, lang: Lang) =>
  `${formatCalendarDay(plan.periodFrom, lang)} – ${formatCalendarDay(plan.periodTo, lang)}`;

/** An action's description as a short quote: the plan holds whole paragraphs. */
const shortQuote = (text: string, lang: Lang) => {
  const short = text.length > 60 ? `${text.slice(0, 59).trimEnd()}…` : text;
  return lang === 'pl' ? `„${short}”` : `"${short}"`;
};

/** "−5 %" in Polish (a no-break space before the sign), "−5%" in English; a minus sign, not a hyphen. */
function signedPercent(fraction: number, lang: Lang): string {
  const value = formatNumber(Math.abs(fraction) * 100, lang, { maximumFractionDigits: 0 });
  return `${fraction < 0 ? '−' : '+'}${value}${lang === 'pl' ? '\u00a0%' : '%'}`;
}

/** A running goal on the counts so far: "zagrożony: −5 % wobec celu −20 %". */
export function goalText(goal: GoalStanding, lang: Lang): string {
  const change = signedPercent(goal.change, lang);
  const target = signedPercent(goal.target, lang);
  if (lang === 'pl')
    return goal.state === 'at_risk' ? `zagrożony: ${change} wobec celu ${target}` : `zgodnie z celem: ${change} (cel ${target})`;
  return goal.state === 'at_risk' ? `at risk: ${change} against a target of ${target}` : `on track: ${change} (target ${target})`;
}

export function deadlineText(d: OpenDeadline, lang: Lang): string {
  const m = dashboardMessages[lang];
  const name =
    d.kind === 'action'
      ? `${m.deadlineNames.action} ${d.action}${d.description ? ` ${shortQuote(d.description, lang)}` : ''}`
      : m.deadlineNames[d.kind];
  return `${name} (${m.due} ${formatCalendarDay(d.due, lang)})`;
}

/** One row as the CSV's cells, in the order of `columns`. */
export function csvCells(row: DashboardRow, lang: Lang): (string | number)[] {
  const m = dashboardMessages[lang];
  const states = (state: DashboardDeadline['state'], list = row.deadlines) =>
    list
      .filter((d) => d.state === state)
      .map((d) => deadlineText(d, lang))
      .join('; ');
  return [
    row.unitName,
    row.districtNumber,
    row.districtName,
    row.officer ?? m.vacancy,
    row.substitute ?? '',
    row.current ? periodText(row.current, lang) : '',
    row.current ? statusNames[lang][row.current.status] : '',
    row.next ? `${periodText(row.next, lang)} (${statusNames[lang][row.next.status]})` : '',
    row.gap ? m.gaps[row.gap] : '',
    states('overdue'),
    states('soon'),
    states('overdue', row.actions),
    states('soon', row.actions),
    row.unverifiedReports,
    row.overdueReports,
    row.goal ? goalText(row.goal, lang) : '',
  ];
}
