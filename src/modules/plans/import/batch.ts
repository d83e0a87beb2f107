import type { ChangeBus } from '../../../platform/events/changes.js';
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/audit/actor.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { archiveMembers } from '../../../platform/documents/archive-members.js';
import { isZip, type DocumentKind } from '../../../platform/documents/document-kind.js';
import type { DocumentWorkers } from '../../../platform/documents/document-workers.js';
import { AppError, httpErrors } from '../../../platform/http/errors.js';
import { formatBytes, formatNumber, type Localized } from '../../../platform/i18n/i18n.js';
import { warsawToday } from '../../../platform/i18n/calendar.js';
import { findDistrict } from '../../districts/index.js';
import { createPlan, importArchivedPlan, mayStartPlan, periodError, standingOf } from '../manage-plans.js';
import { planErrors } from '../messages.js';
import { mayImportArchived } from '../workflow.js';
import { contentFromParsed, districtOfDocument, notAPlan, periodUnknown } from './import-plan.js';
import type { ParsedPlan } from './parse-plan.js';
import { readPlan } from './plan-reader.js';

/**
 * Many plan files at once (several files, or a ZIP of them): each is read in a document worker,
 * one after another, so a batch holds at most one worker however many files it has and other
 * users' documents wait behind one file, not behind the batch. Each file gets its own report;
 * a file whose reading failed saves nothing, and one bad file never stops the rest.
 *
 * What each recognised plan becomes is decided by its period: a plan whose period is over was
 * published by the unit before (on its website) and goes straight into the library as an archived
 * plan, with its file kept (a reviewer of its unit only); a current or future plan becomes a draft
 * that goes through approval. A file is saved whole or not at all: if any of its plans is refused
 * (unknown district, no period, no permission, overlapping another plan), none of them is saved.
 */
export const batchLimits = {
  /** Files in one batch, counting those inside archives. */
  files: 20,
  /** One file (a plan document is rarely over 1 MiB; a PDF with pictures may be a few). */
  fileBytes: 5 * 1024 * 1024,
  /** Everything uploaded in one batch. */
  totalBytes: 20 * 1024 * 1024,
};

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export type PlanAction = 'draft' | 'archive';

export interface PlanReport {
  unit: string | null;
  districtNumber: number | null;
  districtId: string | null;
  period: ParsedPlan['period'];
  /** What the plan becomes (or would become, in a preview). */
  action: PlanAction;
  /** The saved plan; null in a preview or when refused. */
  planId: string | null;
  refused: { status: number; code: string; message: Localized } | null;
  warnings: Localized[];
}

export interface FileReport {
  name: string;
  kind: DocumentKind | null;
  /** read: recognised (a preview); saved: its plans were saved; refused: nothing was saved from it. */
  outcome: 'read' | 'saved' | 'refused';
  plans: PlanReport[];
  /** Why the file was refused as a whole (unreadable, not a plan, one of its plans refused). */
  error: { status: number; code: string; message: Localized } | null;
}

const problem = (error: unknown) => {
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.text };
  throw error;
};

/** 413 `batch_too_large`: the batch has more files or bytes than one batch may. */
export function batchTooLarge(limit: 'files' | 'totalBytes'): AppError {
  const text: Localized =
    limit === 'files'
      ? {
          pl: `Jednorazowo można zaimportować najwyżej ${formatNumber(batchLimits.files, 'pl')} plików (licząc pliki w archiwach ZIP).`,
          en: `At most ${formatNumber(batchLimits.files, 'en')} files can be imported at once (counting those in ZIP archives).`,
        }
      : {
          pl: `Pliki jednego importu mogą mieć razem najwyżej ${formatBytes(batchLimits.totalBytes, 'pl')}.`,
          en: `The files of one import may have at most ${formatBytes(batchLimits.totalBytes, 'en')} together.`,
        };
  return new AppError(413, 'batch_too_large', text, { limit, max: batchLimits[limit] });
}

/** 422 for an archive inside an archive: its files are not read (one level of archives only). */
function nestedArchive(): AppError {
  return new AppError(422, 'nested_archive', {
    pl: 'To archiwum wewnątrz archiwum: jego pliki nie zostały odczytane. Rozpakuj je i dodaj pliki osobno.',
    en: 'This is an archive inside an archive: its files were not read. Unpack it and add its files separately.',
  });
}

function fileTooLarge(): AppError {
  return new AppError(
    413,
    'document_too_large',
    {
      pl: `Plik przekracza limit ${formatBytes(batchLimits.fileBytes, 'pl')} dla jednego dokumentu.`,
      en: `The file exceeds the limit of ${formatBytes(batchLimits.fileBytes, 'en')} for one document.`,
    },
    { limit: 'fileBytes', max: batchLimits.fileBytes },
  );
}

type BatchFile = UploadedFile & { inArchive: boolean; unpackError?: FileReport['error'] };

/** The files of the batch in the order sent, archives unpacked (in a worker); one that cannot be unpacked carries its error. */
async function expand(documents: DocumentWorkers, uploads: UploadedFile[]): Promise<BatchFile[]> {
  const total = uploads.reduce((sum, f) => sum + f.bytes.length, 0);
  if (total > batchLimits.totalBytes) throw batchTooLarge('totalBytes');
  if (uploads.length > batchLimits.files) throw batchTooLarge('files');
  const files: BatchFile[] = [];
  for (const upload of uploads) {
    const members = isZip(upload.bytes)
      ? await archiveMembers(documents, upload.bytes, batchLimits.files).catch((error: unknown) => problem(error))
      : null;
    if (members === null) files.push({ ...upload, inArchive: false });
    else if (Array.isArray(members))
      files.push(...members.map((m) => ({ name: `${upload.name}/${m.name}`, bytes: m.bytes, inArchive: true })));
    else files.push({ ...upload, inArchive: false, unpackError: members });
  }
  if (files.length > batchLimits.files) throw batchTooLarge('files');
  return files;
}

interface Claim {
  districtId: string;
  from: string;
  to: string;
}

/** What a recognised plan would become, and why it would be refused (checked before anything is saved). */
async function planReport(
  db: Db,
  principal: Principal,
  parsed: ParsedPlan,
  today: string,
  claims: Claim[],
  districtId?: string,
): Promise<PlanReport> {
  const action: PlanAction = parsed.period?.to && parsed.period.to < today ? 'archive' : 'draft';
  const report: PlanReport = {
    unit: parsed.unit,
    districtNumber: parsed.districtNumber,
    districtId: null,
    period: parsed.period,
    action,
    planId: null,
    refused: null,
    warnings: parsed.warnings,
  };
  try {
    report.districtId = await districtOfDocument(db, parsed, districtId);
    const period = parsed.period;
    if (!period?.from || !period.to) throw periodUnknown();
    const district = await findDistrict(db, report.districtId);
    if (!district || district.retiredAt) throw new AppError(422, 'district_not_found', planErrors.districtNotFound());
    if (action === 'archive' && !mayImportArchived(await standingOf(db, principal, district.id, district.unitId)))
      throw httpErrors.forbidden(planErrors.archiveNotAllowed());
    if (action === 'draft' && !(await mayStartPlan(db, principal, district))) throw httpErrors.forbidden(planErrors.notYourDistrict());
    const error = await periodError(db, district, period.from, period.to);
    if (error) throw error;
    const { from, to } = period;
    // Two files of one batch with the same district and period (the same plan twice): the second is refused.
    const clash = claims.find((c) => c.districtId === district.id && c.from <= to && c.to >= from);
    if (clash) throw new AppError(409, 'plan_period_overlap', planErrors.overlap(clash.from, clash.to));
  } catch (error) {
    report.refused = problem(error);
  }
  return report;
}

export interface BatchOptions {
  /** Read and check everything, save nothing (the preview of the import page, `dryRun` of the API). */
  dryRun: boolean;
  /** The district of every plan, when the documents do not name it (a single file usually). */
  districtId?: string | undefined;
}

export async function importBatch(
  db: Db,
  changes: ChangeBus,
  documents: DocumentWorkers,
  principal: Principal,
  actor: Actor,
  uploads: UploadedFile[],
  options: BatchOptions,
): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  const files = await expand(documents, uploads);
  const today = warsawToday();
  const claims: Claim[] = [];
  for (const file of files) {
    const report: FileReport = { name: file.name, kind: null, outcome: 'refused', plans: [], error: null };
    reports.push(report);
    if (file.unpackError) {
      report.error = file.unpackError;
      continue;
    }
    try {
      if (file.bytes.length > batchLimits.fileBytes) throw fileTooLarge();
      const reading = await readPlan(documents, { file: file.bytes }).catch((error: unknown) => {
        throw file.inArchive && error instanceof AppError && error.code === 'document_is_archive' ? nestedArchive() : error;
      });
      report.kind = reading.kind;
      if (reading.plans.length === 0) throw notAPlan(reading.missingSections ?? []);
      for (const parsed of reading.plans) report.plans.push(await planReport(db, principal, parsed, today, claims, options.districtId));
      const refused = report.plans.find((p) => p.refused);
      if (refused) {
        report.error = refused.refused;
        continue;
      }
      // Plans not refused have a district and both ends of their period (planReport checked them).
      for (const plan of report.plans) claims.push({ districtId: plan.districtId!, from: plan.period!.from!, to: plan.period!.to! });
      if (options.dryRun) {
        report.outcome = 'read';
        continue;
      }
      await savePlans(db, changes, principal, actor, report, reading.plans, { name: file.name, kind: reading.kind, bytes: file.bytes });
    } catch (error) {
      report.error = problem(error);
    }
  }
  return reports;
}

/** Saves the checked plans of one file; one refused now (another user was faster) is reported, the rest kept. */
async function savePlans(
  db: Db,
  changes: ChangeBus,
  principal: Principal,
  actor: Actor,
  report: FileReport,
  parsed: ParsedPlan[],
  source: { name: string; kind: DocumentKind; bytes: Uint8Array },
): Promise<void> {
  for (const [index, plan] of report.plans.entries()) {
    const input = {
      districtId: plan.districtId!,
      periodFrom: plan.period!.from!,
      periodTo: plan.period!.to!,
      content: contentFromParsed(parsed[index]!),
    };
    try {
      const saved =
        plan.action === 'archive'
          ? await importArchivedPlan(db, changes, principal, actor, input, source)
          : await createPlan(db, changes, principal, actor, input);
      plan.planId = saved.id;
    } catch (error) {
      plan.refused = problem(error);
    }
  }
  report.outcome = report.plans.some((p) => p.planId) ? 'saved' : 'refused';
  report.error = report.plans.find((p) => p.refused)?.refused ?? null;
}

/** A batch report in one language, for the API and the CLI. */
export function presentBatch(reports: FileReport[], lang: 'pl' | 'en') {
  const error = (e: FileReport['error']) => e && { status: e.status, code: e.code, message: e.message[lang] };
  return {
    files: reports.map((r) => ({
      name: r.name,
      kind: r.kind,
      outcome: r.outcome,
      error: error(r.error),
      plans: r.plans.map((p) => ({ ...p, refused: error(p.refused), warnings: p.warnings.map((w) => w[lang]) })),
    })),
    saved: reports.reduce((n, r) => n + r.plans.filter((p) => p.planId).length, 0),
    refusedFiles: reports.filter((r) => r.outcome === 'refused').length,
  };
}
