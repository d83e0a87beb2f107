import type { Localized } from '../../../platform/i18n/i18n.js';
import { defaultsOf, type SettingId } from '../../settings/index.js';
import type { Standing } from './status.js';
import type { ReportStatus } from './status.js';

/**
 * Floods of reports (napływ wielu zgłoszeń naraz): 3,000 reports from 3,000 addresses in 11 s were
 * all published and each mailed to its district. Per-IP limits cannot stop that, so these limits
 * count reports per place and hour, whoever sends them. A real district receives a handful of
 * reports a day, so the defaults leave ordinary life untouched and catch only bursts.
 *
 * The counting is atomic in the database (`report_intake`, migration 0010); this file holds the
 * settings, the review of held reports and what the public may see of them.
 */
export interface FloodSettings {
  /** Reports of one category per district (or per unit, for reports in no district) and hour; more are held. */
  categoryPerHour: number;
  /** Reports of all categories per district (or unit) and hour; more are held. */
  districtPerHour: number;
  /** Reports a district is mailed one by one per hour; the rest go into its digest. */
  mailedPerHour: number;
  /** How long a digest collects reports before it is mailed. */
  digestMinutes: number;
}

/** Where each limit is set (settings catalogue: defaults, ranges; a limit can be raised for a busy district but never switched off). */
export const floodSettingIds = {
  // A day's worth of one kind of threat in one district within an hour is already a burst.
  categoryPerHour: 'reports.categoryPerHour',
  // Spread over many kinds a flood still fills the map: all kinds together have a limit too.
  districtPerHour: 'reports.districtPerHour',
  mailedPerHour: 'reports.mailedPerHour',
  digestMinutes: 'reports.digestMinutes',
} as const satisfies Record<keyof FloodSettings, SettingId>;

export const defaultFloodSettings: FloodSettings = defaultsOf(floodSettingIds);

/** The window of the hourly limits. */
export const floodWindowSeconds = 3600;

/** A report held back by a limit: `held` waits for staff; `rejected` was judged fake and stays hidden. */
export type Hold = 'held' | 'rejected';
export const reviewActions = ['release', 'reject'] as const;
export type ReviewAction = (typeof reviewActions)[number];

interface ReviewMove {
  from: Hold;
  /** The hold afterwards: null makes it an ordinary report. */
  to: Hold | null;
  /** The status afterwards, when it changes. */
  status: ReportStatus | null;
  /** The event in the report's history. */
  event: 'released' | 'rejected';
  /** Who may make the move. */
  allowed: (standing: Standing) => boolean;
}

// The district's officer knows the place best; a supervisor sees the whole unit's flood at once.
const handles = (s: Standing) => s.isDistrictOfficer || s.isSupervisor;

const reviewMoves: Record<ReviewAction, ReviewMove> = {
  // A real report caught in a burst: it joins the public map and the queue as any other. It is
  // not mailed again: the district heard of it in the digest.
  release: { from: 'held', to: null, status: null, event: 'released', allowed: handles },
  // A fake of a flood: closed as a prank (żart lub pomyłka) and never published. The reporter is
  // not mailed: a flood's e-mail addresses are the sender's choice, and we would be mailing them.
  reject: { from: 'held', to: 'rejected', status: 'joke', event: 'rejected', allowed: handles },
};

export function reviewMove(action: ReviewAction): Readonly<ReviewMove> {
  return reviewMoves[action];
}

/** Why this person may not review the report this way, or null when they may. */
export function reviewProblem(
  hold: Hold | null,
  action: ReviewAction,
  standing: Standing,
): { forbidden: boolean; message: Localized } | null {
  const move = reviewMoves[action];
  if (hold !== move.from) {
    return { forbidden: false, message: { pl: 'To zgłoszenie nie czeka na sprawdzenie.', en: 'This report is not waiting for review.' } };
  }
  if (!move.allowed(standing)) {
    return {
      forbidden: true,
      message: {
        pl: 'Wstrzymane zgłoszenie może sprawdzić tylko dzielnicowy rejonu lub przełożony jednostki.',
        en: "Only the district's officer or a supervisor of the unit may review a held report.",
      },
    };
  }
  return null;
}

/** Held reports are reviewed before any status change: first "is it real?", then the usual work. */
export function statusChangeHoldProblem(hold: Hold | null): Localized | null {
  if (hold === 'held')
    return {
      pl: 'Zgłoszenie czeka na sprawdzenie: najpierw je zwolnij albo odrzuć.',
      en: 'The report is waiting for review: release or reject it first.',
    };
  return null;
}

/**
 * Whether the public lists, map, statistics, feeds, exports, Open311 lists and "similar reports"
 * include the report. Held reports do not: a flood of fakes on the public map is itself the attack.
 * Rejected ones never do. A held report's own page (by its number) says it awaits review.
 */
export function isListedPublicly(hold: Hold | null): boolean {
  return hold === null;
}

export const awaitingReviewLabel: Localized = { pl: 'Czeka na sprawdzenie', en: 'Awaiting review' };
