import type { Localized } from '../../../platform/i18n/i18n.js';

/**
 * A threat report's status (status zgłoszenia): the seven of the KGP guidelines (§ 2 pkt 5) plus
 * `duplicate`, which folds a repeated report into the one already on the map.
 */
export const reportStatuses = ['new', 'verifying', 'confirmed', 'forwarded', 'not_confirmed', 'eliminated', 'joke', 'duplicate'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const statusLabels: Record<ReportStatus, Localized> = {
  new: { pl: 'Nowe', en: 'New' },
  verifying: { pl: 'Weryfikacja', en: 'Being verified' },
  confirmed: { pl: 'Potwierdzone', en: 'Confirmed' },
  forwarded: { pl: 'Potwierdzone (przekazane poza Policję)', en: 'Confirmed (forwarded outside the Police)' },
  not_confirmed: { pl: 'Niepotwierdzone', en: 'Not confirmed' },
  eliminated: { pl: 'Potwierdzone (wyeliminowane)', en: 'Confirmed (eliminated)' },
  joke: { pl: 'Żart lub pomyłka', en: 'Prank or mistake' },
  duplicate: { pl: 'Duplikat', en: 'Duplicate' },
};

const closedStatuses: readonly ReportStatus[] = ['eliminated', 'not_confirmed', 'joke', 'duplicate', 'forwarded'];

/** Closed reports need no more police work; a confirmed one stays open until eliminated. */
export function isClosed(status: ReportStatus): boolean {
  return closedStatuses.includes(status);
}

/**
 * Open reports (otwarte): still police work. The staff queue shows them by default, and only open
 * reports are offered to residents as "the same problem" or confirmed with "me too".
 */
export const openStatuses: readonly ReportStatus[] = reportStatuses.filter((status) => !isClosed(status));

/**
 * Reports that count as a confirmed threat (indicators and the drafting panel, issue 15):
 * `confirmed`, and the two statuses whose labels say "confirmed (…)": forwarded to another
 * institution, and eliminated. A threat confirmed and then removed did happen, so it stays in the
 * count of its period; not confirmed, a prank or a duplicate never count, nor does anything still
 * being verified.
 */
export const confirmedStatuses: readonly ReportStatus[] = ['confirmed', 'forwarded', 'eliminated'];

/**
 * What a plan's evidence counts (the drafting panel, plans/drafting): every report a resident made
 * about a real place, whatever became of it, but a prank or mistake (`joke`) and a duplicate, which
 * would count one problem twice.
 */
export const evidenceStatuses: readonly ReportStatus[] = reportStatuses.filter((status) => status !== 'joke' && status !== 'duplicate');

/** Open311 `status` of a service request: only "open" and "closed" exist there. */
export function publicStatus(status: ReportStatus): 'open' | 'closed' {
  return isClosed(status) ? 'closed' : 'open';
}

/** How the person stands to the report's district. */
export interface Standing {
  /** The officer (dzielnicowy) of the district the report lies in, or the current substitute. */
  isDistrictOfficer: boolean;
  /** A supervisor or commander whose unit includes the report's unit. */
  isSupervisor: boolean;
}

/** What some transitions need besides the two statuses. */
export interface TransitionExtras {
  /** The report being changed, so it cannot be marked a duplicate of itself. */
  reportId: string;
  /** The institution the report goes to (gmina, straż miejska, zarząd dróg …); for `forwarded`. */
  forwardedTo?: string | null;
  /** The report this one repeats, with its current status; for `duplicate`. */
  duplicateOf?: { id: string; status: ReportStatus } | null;
}

// Ordinary work on a report: the district's officer or a supervisor.
const handles = (s: Standing) => s.isDistrictOfficer || s.isSupervisor;
// Reopening undoes a decision already published to the resident, so it takes a supervisor.
const reopens = (s: Standing) => s.isSupervisor;

const moves: Partial<Record<ReportStatus, readonly ReportStatus[]>> = {
  new: ['verifying', 'duplicate'],
  verifying: ['confirmed', 'not_confirmed', 'joke', 'forwarded', 'duplicate'],
  // Confirmed places are re-checked until the threat is gone or another institution takes it.
  confirmed: ['eliminated', 'forwarded'],
};

const isReopening = (from: ReportStatus, to: ReportStatus) => isClosed(from) && to === 'verifying';

/** Whether the graph allows `from → to` at all, regardless of who asks. */
export function isTransition(from: ReportStatus, to: ReportStatus): boolean {
  return (moves[from]?.includes(to) ?? false) || isReopening(from, to);
}

const quoted = (status: ReportStatus) => ({ pl: `„${statusLabels[status].pl}”`, en: `"${statusLabels[status].en}"` });

/** Why `from → to` may not happen for this person, or null when it may. */
export function nextStatusProblem(from: ReportStatus, to: ReportStatus, standing: Standing, extras: TransitionExtras): Localized | null {
  const [f, t] = [quoted(from), quoted(to)];
  if (from === to) return { pl: `Zgłoszenie ma już status ${t.pl}.`, en: `The report already has the status ${t.en}.` };
  if (!isTransition(from, to)) {
    return {
      pl: `Zgłoszenie o statusie ${f.pl} nie może przejść do ${t.pl}.`,
      en: `A report with the status ${f.en} cannot move to ${t.en}.`,
    };
  }
  if (isReopening(from, to)) {
    if (!reopens(standing))
      return { pl: 'Zamknięte zgłoszenie może ponownie otworzyć tylko przełożony.', en: 'Only a supervisor may reopen a closed report.' };
    return null;
  }
  if (!handles(standing)) {
    return {
      pl: 'Status zgłoszenia może zmienić tylko dzielnicowy rejonu, w którym leży zgłoszenie, lub przełożony jego jednostki.',
      en: "Only the officer of the report's district or a supervisor of its unit may change the report's status.",
    };
  }
  if (to === 'forwarded') return forwardingProblem(extras.forwardedTo);
  if (to === 'duplicate') return duplicateProblem(extras);
  return null;
}

function forwardingProblem(forwardedTo: string | null | undefined): Localized | null {
  const name = forwardedTo?.trim() ?? '';
  if (name.length < 2)
    return { pl: 'Podaj instytucję, której przekazano zgłoszenie.', en: 'Name the institution the report was forwarded to.' };
  if ([...name].length > 200)
    return { pl: 'Nazwa instytucji może mieć najwyżej 200 znaków.', en: 'The institution name may be at most 200 characters long.' };
  return null;
}

function duplicateProblem(extras: TransitionExtras): Localized | null {
  const original = extras.duplicateOf;
  if (!original) return { pl: 'Wskaż zgłoszenie, którego to zgłoszenie jest duplikatem.', en: 'Choose the report this one duplicates.' };
  if (original.id === extras.reportId)
    return { pl: 'Zgłoszenie nie może być duplikatem samego siebie.', en: 'A report cannot duplicate itself.' };
  // Pointing at the original keeps every chain one step long.
  if (original.status === 'duplicate') {
    return {
      pl: 'Wskazane zgłoszenie samo jest duplikatem; wskaż zgłoszenie pierwotne.',
      en: 'The chosen report is itself a duplicate; choose the original report.',
    };
  }
  return null;
}

/** The statuses this person may move the report to (extras are checked only when they apply). */
export function availableStatuses(from: ReportStatus, standing: Standing): ReportStatus[] {
  return reportStatuses.filter((to) => isTransition(from, to) && (isReopening(from, to) ? reopens(standing) : handles(standing)));
}
