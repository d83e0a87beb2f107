import type { PlanStatus } from './model.js';

/**
 * The plan's lifecycle: draft → submitted → approved (or returned) → published → in progress →
 * evaluated → closed. Who may do what is decided by the plan's relation to the person, not by
 * status alone: the district's officer (or substitute) writes; a supervisor or commander of the
 * unit reviews, publishes and evaluates.
 */
export type Transition = 'submit' | 'approve' | 'return' | 'publish' | 'revise' | 'start' | 'evaluate' | 'close';

/** How the person stands to the plan's district. */
export interface Standing {
  /** The district's officer or its current substitute. */
  isDistrictOfficer: boolean;
  /** A supervisor or commander whose unit includes the plan's unit. */
  isReviewer: boolean;
}

const transitions: Record<Transition, { from: readonly PlanStatus[]; to: PlanStatus; who: (s: Standing) => boolean }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', who: (s) => s.isDistrictOfficer },
  approve: { from: ['submitted'], to: 'approved', who: (s) => s.isReviewer },
  return: { from: ['submitted'], to: 'returned', who: (s) => s.isReviewer },
  publish: { from: ['approved'], to: 'published', who: (s) => s.isReviewer },
  // A change to an approved plan is a new version that goes through approval again.
  revise: { from: ['approved', 'published', 'in_progress'], to: 'draft', who: (s) => s.isDistrictOfficer },
  start: { from: ['published'], to: 'in_progress', who: (s) => s.isDistrictOfficer || s.isReviewer },
  evaluate: { from: ['in_progress', 'published'], to: 'evaluated', who: (s) => s.isReviewer },
  close: { from: ['evaluated'], to: 'closed', who: (s) => s.isReviewer },
};

export const allTransitions = Object.keys(transitions) as Transition[];

/** Whether a value (a posted form field) names a transition; the table's own keys only, so "toString" is none. */
export function isTransition(value: unknown): value is Transition {
  return typeof value === 'string' && Object.hasOwn(transitions, value);
}

/** The status after `transition`, or null when it does not apply to `status` (or is no transition at all). */
export function nextStatus(status: PlanStatus, transition: Transition): PlanStatus | null {
  if (!isTransition(transition)) return null;
  const rule = transitions[transition];
  return rule.from.includes(status) ? rule.to : null;
}

export function mayTransition(status: PlanStatus, transition: Transition, standing: Standing): boolean {
  return nextStatus(status, transition) !== null && transitions[transition].who(standing);
}

/** Only drafts and returned plans change; everything later is frozen. */
export function isEditable(status: PlanStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** A draft never submitted (no version kept yet) may be deleted; anything later is on the record. */
export function isNewDraft(plan: { status: PlanStatus; version: number }, keptVersions: number): boolean {
  return plan.status === 'draft' && plan.version === 1 && keptVersions === 0;
}

// From publication on, the plan's own version is the one residents read.
const publishedStatuses: readonly PlanStatus[] = ['published', 'in_progress', 'evaluated', 'closed'];

/** Whether the plan has been published in its current version's lifecycle (published or later). */
export function isPublishedStatus(status: PlanStatus): boolean {
  return publishedStatuses.includes(status);
}

/**
 * The status residents are shown. A plan they can see was published; while a new version of it is
 * written or awaits approval, the published version still stands, so it still reads "published".
 */
export function publicStatus(status: PlanStatus): PlanStatus {
  return isPublishedStatus(status) ? status : 'published';
}

export function availableTransitions(status: PlanStatus, standing: Standing): Transition[] {
  return allTransitions.filter((t) => mayTransition(status, t, standing));
}

/**
 * Importing a plan of a past period that the unit already published elsewhere straight into the
 * library, as a closed plan: it skips approval and publication, so only those who approve and
 * publish (a reviewer of the plan's unit) may do it. Current and future plans are imported as drafts.
 */
export function mayImportArchived(standing: Standing): boolean {
  return standing.isReviewer;
}
