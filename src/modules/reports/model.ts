import type { LonLat } from './rules/geo.js';
import type { EventTime, Hold, ReportCategory, ReportStatus } from './rules/index.js';

/** A threat report (zgłoszenie zagrożenia, KMZB) as police see it. */
export interface Report {
  /** The public number (numer zgłoszenia). */
  id: number;
  categoryId: string;
  unitId: string;
  districtId: string | null;
  status: ReportStatus;
  /** Exact point: police only. */
  position: LonLat | null;
  /** Snapped to a 50 m grid: what the public sees. */
  publicPosition: LonLat | null;
  /** As typed by the resident: police only. */
  address: string | null;
  /** Police only. */
  description: string;
  /** The reporter's, for status news; erased when the report closes. Police never see it either. */
  hasEmail: boolean;
  /** When it happened, as the resident said (czas zdarzenia); the time is police only, the public get its hour. */
  event: EventTime | null;
  forwardedTo: string | null;
  duplicateOf: number | null;
  confirmations: number;
  createdAt: Date;
  statusChangedAt: Date;
  verifyingSince: Date | null;
  closedAt: Date | null;
  /** Held back by a flood limit and waiting for review, or rejected as fake (rules/floods.ts); null: ordinary. */
  hold: Hold | null;
  /** Personal fields the retention job erased, with the days after which (src/modules/privacy). */
  erased: ErasedReportFields;
}

/** The retention job's marker on a report: field → kept this many days before erasure. */
export interface ErasedReportFields {
  description?: number;
  address?: number;
  position?: number;
  notes?: number;
  reporter_ip?: number;
}

/**
 * What anyone may see of a report: never the description, the e-mail, the exact point, the
 * typed address or the reporter's IP address.
 */
export interface PublicReport {
  id: number;
  categoryId: string;
  status: ReportStatus;
  publicPosition: LonLat | null;
  unitId: string;
  districtId: string | null;
  createdAt: Date;
  statusChangedAt: Date;
  confirmations: number;
  forwardedTo: string | null;
  duplicateOf: number | null;
  /** Held back by a flood limit: shown by its number only, without its place, until staff release it. */
  awaitingReview: boolean;
  /** Held or rejected: its place and district are not published (publicPosition and districtId are null). */
  placeWithheld: boolean;
}

/** A held or rejected report shows no place and no district: it may be one of a flood of fakes. */
export function toPublic(report: Report): PublicReport {
  return {
    id: report.id,
    categoryId: report.categoryId,
    status: report.status,
    publicPosition: report.hold === null ? report.publicPosition : null,
    unitId: report.unitId,
    districtId: report.hold === null ? report.districtId : null,
    createdAt: report.createdAt,
    statusChangedAt: report.statusChangedAt,
    confirmations: report.confirmations,
    forwardedTo: report.forwardedTo,
    duplicateOf: report.duplicateOf,
    awaitingReview: report.hold === 'held',
    placeWithheld: report.hold !== null,
  };
}

/** A category as stored (the catalogue is data: admins add, rename and retire). */
export type StoredCategory = ReportCategory & { position: number };

export const reportUrl = (id: number) => `/zgloszenia/${id}`;
