import { formatNumber, plural, type Lang, type Localized, formatCalendarDay } from '../../platform/i18n/i18n.js';
import type { Plan } from './model.js';
import { planDeadlines, type DeadlineKind, type PlanSettings } from './rules.js';
import { isTransition, type Transition } from './workflow.js';

/** A step a person takes on a plan: a workflow transition, or a change of the draft itself. */
export type Step = Transition | 'create' | 'save';

export function isStep(value: unknown): value is Step {
  return isTransition(value) || value === 'create' || value === 'save';
}

const day = (value: string, lang: Lang) => formatCalendarDay(value, lang);
const days = (n: number, lang: Lang) =>
  `${formatNumber(n, lang)} ${lang === 'pl' ? plural('pl', n, { one: 'dzień', other: 'dni' }) : plural('en', n, { one: 'day', other: 'days' })}`;

/**
 * What just happened and what comes next, after each step ("Plan przekazano do zatwierdzenia.
 * Kierownik ma 7 dni …"), never a bare "Saved.". The days and dates come from the plan's deadlines
 * (rules.ts), so a unit that changes its settings sees its own numbers here too.
 */
export function stepNotice(
  step: Step,
  plan: Pick<
    Plan,
    'periodFrom' | 'periodTo' | 'submittedAt' | 'approvedAt' | 'publishedAt' | 'evaluatedAt' | 'version' | 'publishedVersion'
  >,
  settings: PlanSettings,
  today: string,
): Localized {
  const due = (kind: DeadlineKind, lang: Lang) => {
    const deadline = planDeadlines(plan, today, settings).find((d) => d.kind === kind);
    return deadline ? day(deadline.due, lang) : '';
  };
  const submitBy = (lang: Lang) => due('submission', lang);
  switch (step) {
    case 'create':
      return {
        pl: `Utworzono szkic planu. Uzupełnij pięć części planu i przekaż go do zatwierdzenia do ${submitBy('pl')}.`,
        en: `The draft plan was created. Fill in its five parts and submit it for approval by ${submitBy('en')}.`,
      };
    case 'save':
      return {
        pl: `Zapisano szkic planu. Gdy będzie kompletny, przekaż go do zatwierdzenia (termin: ${submitBy('pl')}).`,
        en: `The draft was saved. When it is complete, submit it for approval (deadline: ${submitBy('en')}).`,
      };
    case 'submit':
      return {
        pl: `Plan przekazano do zatwierdzenia. Kierownik ma ${days(settings.approvalDays, 'pl')} (do ${due('approval', 'pl')}), aby go zatwierdzić albo zwrócić do poprawy.`,
        en: `The plan was submitted for approval. The supervisor has ${days(settings.approvalDays, 'en')} (until ${due('approval', 'en')}) to approve it or return it for changes.`,
      };
    case 'approve':
      return {
        pl: `Plan zatwierdzono. Następny krok to publikacja: ${days(settings.publicationDays, 'pl')} (do ${due('publication', 'pl')}).`,
        en: `The plan was approved. The next step is publication: ${days(settings.publicationDays, 'en')} (until ${due('publication', 'en')}).`,
      };
    case 'return':
      return {
        pl: 'Plan zwrócono do poprawy z uwagami. Dzielnicowy zobaczy uwagi przy planie, poprawi go i przekaże ponownie do zatwierdzenia.',
        en: 'The plan was returned for changes with comments. The district officer sees the comments with the plan, corrects it and submits it again.',
      };
    case 'publish':
      return {
        pl: `Plan opublikowano: mieszkańcy widzą go na stronie rejonu i w bibliotece planów. Realizacja trwa od ${day(plan.periodFrom, 'pl')} do ${day(plan.periodTo, 'pl')}.`,
        en: `The plan was published: residents see it on the district page and in the plan library. It runs from ${day(plan.periodFrom, 'en')} to ${day(plan.periodTo, 'en')}.`,
      };
    case 'revise':
      return plan.publishedVersion !== null
        ? {
            pl: `Utworzono wersję ${plan.version} jako szkic. Mieszkańcy widzą wersję ${plan.publishedVersion}, dopóki nowa nie zostanie zatwierdzona i opublikowana.`,
            en: `Version ${plan.version} was created as a draft. Residents see version ${plan.publishedVersion} until the new one is approved and published.`,
          }
        : {
            pl: `Utworzono wersję ${plan.version} jako szkic. Po zmianach przekaż ją do zatwierdzenia.`,
            en: `Version ${plan.version} was created as a draft. Submit it for approval after your changes.`,
          };
    case 'start':
      return {
        pl: `Rozpoczęto realizację planu. Po końcu okresu (${day(plan.periodTo, 'pl')}) realizację celu ocenia się w ciągu ${days(settings.evaluationDaysAfterEnd, 'pl')} (do ${due('evaluation', 'pl')}).`,
        en: `Carrying out the plan has started. After the period ends (${day(plan.periodTo, 'en')}) the goal is evaluated within ${days(settings.evaluationDaysAfterEnd, 'en')} (by ${due('evaluation', 'en')}).`,
      };
    case 'evaluate':
      return {
        pl: 'Zapisano ocenę realizacji celu; mieszkańcy widzą ją przy planie. Pozostało zamknąć plan.',
        en: 'The evaluation of the goal was saved; residents see it with the plan. What remains is to close the plan.',
      };
    case 'close':
      return {
        pl: 'Plan zamknięto. Zostaje w bibliotece planów jako plan archiwalny.',
        en: 'The plan was closed. It stays in the plan library as an archived plan.',
      };
  }
}
