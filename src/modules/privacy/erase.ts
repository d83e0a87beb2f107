import type { Database } from '../../platform/db/database.js';
import { inTransaction, systemActor, type Trx } from '../../platform/audit/actor.js';
import { recordEvent } from '../../platform/audit/record.js';
import type { ChangeBus } from '../../platform/events/changes.js';
import {
  beginErasure,
  deleteConfirmations,
  deleteEndedSessions,
  deleteOldMail,
  deleteSentReminders,
  deleteSignInAttempts,
  eraseAuditIps,
  lockDuePendingUploads,
  eraseReportField,
  reclaimSpace,
  type erasedTables,
  type ReportFieldBatch,
} from './repository.js';
import { retentionCutoff, retentionDays, retentionRules, type PersonalDataPiece, type RetentionSettings } from './rules.js';
import { retentionSettings, voivodeshipRetentionSettings } from './settings.js';
import { deleteUnconfirmed } from '../subscriptions/index.js';
import type { FileStore } from '../../platform/files/store.js';
import { clearPendingUploads } from '../../platform/files/pending-uploads-repository.js';

/** The pieces the job erases (the e-mail goes with the status change that closes the report). */
export type ErasedPiece = Exclude<PersonalDataPiece, 'reporterEmail'>;

/** What one run erased: rows per piece, plus the copies found on the way. */
export type RetentionCounts = Record<ErasedPiece, number> & {
  /** Audit entries whose copies of a description, address or exact point became "erased". */
  auditCopies: number;
  /** Police notes (report_events rows) erased with `reportNotes`. */
  notes: number;
  /** Report attachments (files) erased with `reportDescription`. */
  attachments: number;
  /** Files put for a report that never committed (a crash in between), deleted by the orphan sweep. */
  orphanFiles: number;
};

/**
 * How old a pending upload must be to count as an orphan. A submission puts its files and commits
 * within seconds; an hour is far beyond any transaction the app runs, so a row this old is left by
 * a process that died. Not a setting: nobody has a reason to choose another value.
 */
export const orphanUploadAgeMs = 60 * 60_000;

/**
 * One batch of the orphan sweep. The file is deleted while its row is locked and before the row
 * goes: if the transaction fails, the row stays and the next run deletes again (idempotent).
 */
async function sweepOrphanUploads(trx: Trx, files: FileStore, cutoff: Date, limit: number): Promise<{ rows: number; files: number }> {
  const due = await lockDuePendingUploads(trx, cutoff, limit);
  const orphans = due.filter((upload) => !upload.used).map((upload) => upload.key);
  for (const key of orphans) await files.delete(key);
  await clearPendingUploads(
    trx,
    due.map((upload) => upload.key),
  );
  return { rows: due.length, files: orphans.length };
}

type Batch = (trx: Trx, scope: ReportFieldBatch) => Promise<{ rows: number; auditCopies?: number; notes?: number; fileKeys?: string[] }>;

const reportField =
  (field: Parameters<typeof eraseReportField>[1]): Batch =>
  async (trx, scope) => {
    const done = await eraseReportField(trx, field, scope);
    return { rows: done.reports, auditCopies: done.auditEntries, notes: done.notes, fileKeys: done.fileKeys };
  };

/** One batch of each piece; `rows` is what decides whether another batch is needed. */
/** `perUnit`: the piece belongs to a report, so a voivodeship's shorter period erases it in its units. */
const batches: Record<ErasedPiece, { batch: Batch; tables: (typeof erasedTables)[number][]; perUnit?: true }> = {
  reportDescription: { batch: reportField('description'), tables: ['reports', 'audit_log'], perUnit: true },
  reportAddress: { batch: reportField('address'), tables: ['reports', 'audit_log'], perUnit: true },
  reportExactPoint: { batch: reportField('position'), tables: ['reports', 'audit_log'], perUnit: true },
  reportNotes: { batch: reportField('notes'), tables: ['reports', 'report_events'], perUnit: true },
  reporterIp: { batch: reportField('reporter_ip'), tables: ['reports'], perUnit: true },
  confirmationIp: {
    batch: async (trx, { cutoff, limit }) => ({ rows: await deleteConfirmations(trx, cutoff, limit) }),
    tables: ['report_confirmations'],
  },
  residentAuditIp: {
    batch: async (trx, { cutoff, limit }) => ({ rows: await eraseAuditIps(trx, 'resident', cutoff, limit) }),
    tables: ['audit_log'],
  },
  staffAuditIp: {
    batch: async (trx, { cutoff, limit }) => ({ rows: await eraseAuditIps(trx, 'staff', cutoff, limit) }),
    tables: ['audit_log'],
  },
  session: { batch: async (trx, { cutoff, limit }) => ({ rows: await deleteEndedSessions(trx, cutoff, limit) }), tables: ['sessions'] },
  signInAttempts: {
    batch: async (trx, { cutoff, limit }) => ({ rows: await deleteSignInAttempts(trx, cutoff, limit) }),
    tables: ['login_attempts', 'login_failure_bursts'],
  },
  outboxMail: { batch: async (trx, { cutoff, limit }) => ({ rows: await deleteOldMail(trx, cutoff, limit) }), tables: ['outbox'] },
  pendingSubscription: {
    batch: async (trx, { cutoff, limit }) => ({ rows: await deleteUnconfirmed(trx, cutoff, limit) }),
    tables: ['subscriptions'],
  },
  sentReminder: {
    batch: async (trx, { cutoff, limit }) => ({ rows: await deleteSentReminders(trx, cutoff, limit) }),
    tables: ['reminders_sent'],
  },
};

export interface RetentionRun {
  counts: RetentionCounts;
  settings: RetentionSettings;
  batches: number;
  /** The longest single transaction: how long the job held any row lock. */
  longestBatchMs: number;
  ms: number;
}

export interface RetentionOptions {
  now?: Date;
  /** Rows per transaction: no single huge transaction, and locks held for a moment only. */
  batchSize?: number;
  settings?: RetentionSettings;
  /** Stops the run after the batch under way (shutdown); what is left waits for the next run. */
  signal?: AbortSignal;
  /** The app's change bus, told when reports changed; the CLI has nobody in its process to tell. */
  changes?: ChangeBus;
  /**
   * Where report attachments are kept: their files are deleted once the rows' deletion commits.
   * Without it (tests of other pieces) attachments are left alone.
   */
  files?: FileStore;
}

/**
 * Rows per transaction by default. The embedded database has one connection, so every other
 * request waits while a batch runs: its batches are smaller.
 */
export const defaultBatchSize = { postgres: 1000, embedded: 200 } as const;

const actor = systemActor('retention');

/**
 * Erases every piece of personal data that is past its time (the retention job). Each batch is
 * its own short transaction, so a national database is worked through without one huge
 * transaction and the embedded database keeps answering between batches. Safe to run on several
 * instances at once (see the repository: FOR UPDATE SKIP LOCKED) and as often as wanted: what is
 * erased is no longer due. Each run is one audit event with the counts (never the values).
 */
export async function runRetention(database: Database, options: RetentionOptions = {}): Promise<RetentionRun> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const limit = options.batchSize ?? defaultBatchSize[database.kind];
  const settings = options.settings ?? (await retentionSettings(database.db));
  const counts = Object.fromEntries(
    [...Object.keys(batches), 'auditCopies', 'notes', 'attachments', 'orphanFiles'].map((key) => [key, 0]),
  ) as RetentionCounts;
  const touched = new Set<(typeof erasedTables)[number]>();
  let transactions = 0;
  let longestBatchMs = 0;
  /** Runs one batch in its own transaction, timed: the longest says how long the job held a lock. */
  const inBatch = async <T>(work: (trx: Trx) => Promise<T>): Promise<T> => {
    const batchStarted = performance.now();
    const done = await inTransaction(database.db, actor, work);
    longestBatchMs = Math.max(longestBatchMs, performance.now() - batchStarted);
    transactions++;
    return done;
  };
  // A voivodeship that shortened a period erases its own units' reports in a pass of its own.
  const voivodeships = await voivodeshipRetentionSettings(database.db);
  for (const rule of retentionRules) {
    if (rule.erasedBy !== 'job' || options.signal?.aborted) continue;
    const piece = rule.piece as ErasedPiece;
    const { batch, tables, perUnit } = batches[piece];
    const passes = [
      { within: null, settings },
      ...(perUnit ? voivodeships.map((v) => ({ within: v.voivodeshipId, settings: v.settings })) : []),
    ];
    for (const pass of passes) {
      const days = retentionDays(rule, pass.settings);
      if (pass.within !== null && days >= retentionDays(rule, settings)) continue;
      const scope: ReportFieldBatch = {
        cutoff: retentionCutoff(rule, pass.settings, now),
        days,
        limit,
        withFiles: options.files !== undefined,
        within: pass.within,
      };
      for (;;) {
        const done = await inBatch(async (trx) => {
          await beginErasure(trx);
          return batch(trx, scope);
        });
        counts[piece] += done.rows;
        counts.auditCopies += done.auditCopies ?? 0;
        counts.notes += done.notes ?? 0;
        // After the commit: a rolled-back batch must find its files where they were.
        for (const key of done.fileKeys ?? []) await options.files?.delete(key);
        await clearPendingUploads(database.db, done.fileKeys ?? []);
        counts.attachments += done.fileKeys?.length ?? 0;
        if (done.rows > 0) for (const table of tables) touched.add(table);
        if (done.rows < limit || options.signal?.aborted) break;
      }
    }
  }
  // Files of reports that never committed (the sweep needs the store: without it they wait).
  const files = options.files;
  const orphanCutoff = new Date(now.getTime() - orphanUploadAgeMs);
  while (files && !options.signal?.aborted) {
    const done = await inBatch((trx) => sweepOrphanUploads(trx, files, orphanCutoff, limit));
    counts.orphanFiles += done.files;
    if (done.rows > 0) touched.add('pending_uploads');
    if (done.rows < limit) break;
  }
  const ms = Math.round(performance.now() - started);
  const stopped = options.signal?.aborted ?? false;
  await recordEvent(database.db, actor, {
    action: 'retention.erase',
    entityType: 'retention',
    entityId: null,
    unitId: null,
    details: {
      counts,
      settings,
      ...(voivodeships.length ? { voivodeships: Object.fromEntries(voivodeships.map((v) => [v.voivodeshipId, v.settings])) } : {}),
      batches: transactions,
      ms,
      ...(stopped ? { stopped } : {}),
    },
  });
  // Public columns never change here, but in-memory indexes are told of every change to reports.
  if (touched.has('reports')) options.changes?.emit('reports');
  if (database.kind === 'embedded' && !stopped) await reclaimSpace(database.db, [...touched]);
  return { counts, settings, batches: transactions, longestBatchMs: Math.round(longestBatchMs), ms };
}
