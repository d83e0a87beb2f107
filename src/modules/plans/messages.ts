import { wordFor, type Lang, type Localized } from '../../platform/i18n/i18n.js';
import { isPlanStatus, type PlanStatus } from './model.js';
import type { PlanTiming } from './rules.js';
import type { Transition } from './workflow.js';

export const planErrors = {
  notFound: (): Localized => ({ pl: 'Nie ma takiego planu.', en: 'No such plan.' }),
  districtNotFound: (): Localized => ({ pl: 'Nie ma takiego rejonu służbowego.', en: 'No such district.' }),
  overlap: (from: string, to: string): Localized => ({
    pl: `Rejon ma już plan na okres od ${from} do ${to}, który pokrywa się z podanym okresem.`,
    en: `The district already has a plan for ${from} to ${to}, which overlaps the given period.`,
  }),
  notEditable: (): Localized => ({
    pl: 'Ten plan jest zatwierdzony lub czeka na decyzję i nie może być zmieniany. Aby go zmienić, utwórz nową wersję.',
    en: 'This plan is approved or awaiting a decision and cannot be changed. Create a new version to change it.',
  }),
  sourceNotFound: (): Localized => ({
    pl: 'Nie znaleziono pliku źródłowego planu (plan nie był importowany albo nie masz do niego dostępu).',
    en: 'The plan’s source file was not found (the plan was not imported, or you have no access to it).',
  }),
  archiveNotAllowed: (): Localized => ({
    pl: 'Opublikowane plany minionych okresów może importować do archiwum tylko kierownik lub komendant jednostki tego rejonu.',
    en: 'Only a supervisor or commander of the district’s unit may import published plans of past periods into the archive.',
  }),
  archiveNotPast: (to: string): Localized => ({
    pl: `Okres planu trwa do ${to} i jeszcze się nie skończył: bieżące i przyszłe plany importuje się jako szkice, które przechodzą zatwierdzenie.`,
    en: `The plan’s period runs until ${to} and is not over yet: current and future plans are imported as drafts that go through approval.`,
  }),
  notYourDistrict: (): Localized => ({
    pl: 'Plan może zmieniać tylko dzielnicowy tego rejonu albo jego zastępca.',
    en: 'Only the district officer of this district, or their substitute, may change the plan.',
  }),
  // In words, never the codes ("approve", "submitted"): the officer reads this on the page.
  transitionNotAllowed: (transition: Transition, status: PlanStatus): Localized => ({
    pl: `Nie można wykonać czynności „${transitionNames.pl[transition]}” dla planu w stanie „${statusNames.pl[status]}” albo nie masz do niej uprawnień.`,
    en: `The action "${transitionNames.en[transition]}" is not possible for a plan that is ${statusNames.en[status]}, or you are not allowed to do it.`,
  }),
  unknownTransition: (): Localized => ({
    pl: 'Nieznana czynność. Wybierz jeden z przycisków na stronie planu.',
    en: 'Unknown action. Use one of the buttons on the plan page.',
  }),
  badDay: (value: string): Localized => ({
    pl: `„${value.slice(0, 40)}” nie jest poprawną datą (RRRR-MM-DD).`,
    en: `"${value.slice(0, 40)}" is not a valid date (YYYY-MM-DD).`,
  }),
  incomplete: (): Localized => ({
    pl: 'Plan nie jest kompletny: uzupełnij wskazane pola przed przekazaniem do zatwierdzenia.',
    en: 'The plan is incomplete: fill in the marked fields before submitting it for approval.',
  }),
  commentsRequired: (): Localized => ({
    pl: 'Zwracając plan, napisz co najmniej jedną uwagę.',
    en: 'Write at least one comment when returning a plan.',
  }),
  onlyNewDrafts: (): Localized => ({
    pl: 'Usunąć można tylko szkic, który nigdy nie był przekazany do zatwierdzenia.',
    en: 'Only a draft that was never submitted can be deleted.',
  }),
};

export const statusNames: Record<Lang, Record<PlanStatus, string>> = {
  pl: {
    draft: 'szkic',
    submitted: 'czeka na zatwierdzenie',
    returned: 'zwrócony do poprawy',
    approved: 'zatwierdzony',
    published: 'opublikowany',
    in_progress: 'w realizacji',
    evaluated: 'oceniony',
    closed: 'zamknięty',
  },
  en: {
    draft: 'draft',
    submitted: 'awaiting approval',
    returned: 'returned for changes',
    approved: 'approved',
    published: 'published',
    in_progress: 'in progress',
    evaluated: 'evaluated',
    closed: 'closed',
  },
};

/** What a button does (imperative): "Zatwierdź". */
export const transitionNames: Record<'pl' | 'en', Record<string, string>> = {
  pl: {
    create: 'Utworzenie szkicu',
    import: 'Import opublikowanego planu do archiwum',
    submit: 'Przekaż do zatwierdzenia',
    approve: 'Zatwierdź',
    return: 'Zwróć do poprawy',
    publish: 'Opublikuj',
    revise: 'Utwórz nową wersję',
    start: 'Rozpocznij realizację',
    evaluate: 'Oceń realizację',
    close: 'Zamknij plan',
  },
  en: {
    create: 'Draft created',
    import: 'Published plan imported into the archive',
    submit: 'Submit for approval',
    approve: 'Approve',
    return: 'Return for changes',
    publish: 'Publish',
    revise: 'Create a new version',
    start: 'Start carrying out',
    evaluate: 'Evaluate',
    close: 'Close the plan',
  },
};

/** What happened, for the plan's history (a noun, so it fits everyone): "Zatwierdzenie". */
export const eventNames: Record<Lang, Record<Transition | 'create' | 'import', string>> = {
  pl: {
    create: 'Utworzenie szkicu',
    import: 'Import opublikowanego planu do archiwum',
    submit: 'Przekazanie do zatwierdzenia',
    approve: 'Zatwierdzenie',
    return: 'Zwrot do poprawy',
    publish: 'Publikacja',
    revise: 'Utworzenie nowej wersji',
    start: 'Rozpoczęcie realizacji',
    evaluate: 'Ocena realizacji',
    close: 'Zamknięcie planu',
  },
  en: {
    create: 'Draft created',
    import: 'Published plan imported into the archive',
    submit: 'Submitted for approval',
    approve: 'Approved',
    return: 'Returned for changes',
    publish: 'Published',
    revise: 'New version created',
    start: 'Carrying out started',
    evaluate: 'Evaluated',
    close: 'Closed',
  },
};

/** A plan status in words; a value that is no status (an old row) is not shown as a code either. */
export function statusName(status: string, lang: Lang): string {
  return isPlanStatus(status) ? statusNames[lang][status] : lang === 'pl' ? 'nieznany stan' : 'unknown status';
}

/** A history entry's step in words. */
export function eventName(transition: string, lang: Lang): string {
  return wordFor(eventNames[lang], transition) ?? (lang === 'pl' ? 'zmiana' : 'change');
}

const timingNames: Record<Lang, Record<PlanTiming, string>> = {
  pl: { current: 'plan bieżący', upcoming: 'plan na nadchodzący okres', past: 'plan archiwalny (okres zakończony)' },
  en: { current: 'current plan', upcoming: 'plan for a coming period', past: 'archived plan (period over)' },
};

/** "plan bieżący", "plan archiwalny (okres zakończony)": the timing of planTiming (rules.ts) in words. */
export function timingName(timing: PlanTiming, lang: Lang): string {
  return timingNames[lang][timing];
}

/** The places of a plan a reviewer comments on (ReviewComment.section). */
export type CommentSection = 'period' | 'threat' | 'goal' | 'actions' | 'partners' | 'communication' | 'general';

const commentPlaces: Record<Lang, Record<CommentSection, string>> = {
  pl: {
    period: 'Okres planu',
    threat: 'Charakterystyka zagrożenia',
    goal: 'Cel',
    actions: 'Działania',
    partners: 'Podmioty współpracujące',
    communication: 'Sposób przekazania informacji',
    general: 'Uwagi ogólne',
  },
  en: {
    period: 'Period',
    threat: 'Threat',
    goal: 'Goal',
    actions: 'Actions',
    partners: 'Partners',
    communication: 'Informing residents',
    general: 'General comments',
  },
};

/** True for a code that names a place of a plan (also the top-level parts of its content). */
export function isCommentSection(code: string): code is CommentSection {
  return Object.hasOwn(commentPlaces.pl, code);
}

/**
 * Where a reviewer's comment belongs, as the officer reads it: "Cel", "Działanie 2", "Uwagi ogólne";
 * never the stored code ("goal", "actions 1"). Pages, e-mails and the API all take it from here.
 */
export function commentPlace(comment: { section: string; item: number | null }, lang: Lang): string {
  if (comment.section === 'actions' && comment.item !== null)
    return lang === 'pl' ? `Działanie ${comment.item + 1}` : `Action ${comment.item + 1}`;
  return wordFor(commentPlaces[lang], comment.section) ?? commentPlaces[lang].general;
}

export const categoryNames: Record<'pl' | 'en', Record<string, string>> = {
  pl: {
    fraud: 'oszustwa (w tym na szkodę seniorów)',
    alcohol_in_public: 'spożywanie alkoholu w miejscach publicznych',
    youth_demoralisation: 'demoralizacja nieletnich',
    vandalism: 'akty wandalizmu',
    public_order: 'zakłócanie porządku publicznego',
    road_safety: 'bezpieczeństwo w ruchu drogowym',
    parking: 'nieprawidłowe parkowanie',
    theft_burglary: 'kradzieże i włamania',
    drugs: 'środki odurzające',
    domestic_violence: 'przemoc domowa',
    monitoring_infrastructure: 'monitoring i infrastruktura bezpieczeństwa',
    illegal_dumping: 'dzikie wysypiska śmieci',
    animals: 'zwierzęta (bezpańskie psy, znęcanie się)',
    other: 'inne',
  },
  en: {
    fraud: 'fraud (incl. against seniors)',
    alcohol_in_public: 'drinking in public places',
    youth_demoralisation: 'youth at risk',
    vandalism: 'vandalism',
    public_order: 'public order',
    road_safety: 'road safety',
    parking: 'illegal parking',
    theft_burglary: 'theft and burglary',
    drugs: 'drugs',
    domestic_violence: 'domestic violence',
    monitoring_infrastructure: 'CCTV and safety infrastructure',
    illegal_dumping: 'illegal dumping',
    animals: 'animals (stray dogs, cruelty)',
    other: 'other',
  },
};
