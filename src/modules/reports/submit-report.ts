import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/audit/actor.js';
import { AppError, ValidationError, type FieldError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { Register } from '../districts/index.js';
import { reportErrors } from './messages.js';
import type { ChangeBus } from '../../platform/events/changes.js';
import { reportUrl, type Report } from './model.js';
import { limitKeyOf } from '../../platform/http/client-address.js';
import { cachedCategories, reportsFromClient, storeNewReport } from './repository.js';
import { readSetting } from '../settings/index.js';
import { floodSettings } from './read-report-settings.js';
import {
  describeRateLimit,
  eventAgeProblem,
  floodWindowSeconds,
  snapToGrid,
  validateSubmission,
  type ReportSubmission,
} from './rules/index.js';
import type { RateLimitPolicy } from '../../platform/config/report-rate-limit.js';
import {
  attachmentLimits,
  discardAttachmentFiles,
  prepareAttachments,
  putAttachmentFiles,
  recordAttachments,
  type AttachmentServices,
  type IncomingFile,
} from './attachments/index.js';

/** Where a report goes: the district found from the place, or only the unit whose territory it is. */
export interface Placement {
  unitId: string;
  districtId: string | null;
  /** The district's address for the e-mail about a new report; else the unit's. */
  notify: string | null;
  placeName: string;
}

/** Finds who is responsible for a point or a typed address; a clear 422 when nobody is. */
export function placeReport(register: Register, where: { lat: number; lon: number } | { address: string }): Placement {
  if ('address' in where) {
    const { matches, suggestions } = register.byAddress(where.address);
    const best = matches[0];
    if (!best) throw new AppError(422, 'address_not_found', reportErrors.addressNotFound(), { field: 'address', suggestions });
    return { unitId: best.card.unit.id, districtId: best.card.id, notify: best.card.email, placeName: best.card.name };
  }
  const { matches, units } = register.byPoint(where.lat, where.lon);
  const district = matches[0]?.card;
  if (district) return { unitId: district.unit.id, districtId: district.id, notify: district.email, placeName: district.name };
  const unit = units[0];
  if (!unit) throw new AppError(422, 'outside_service_area', reportErrors.outsideArea(), { field: 'location' });
  return { unitId: unit.id, districtId: null, notify: null, placeName: unit.name };
}

/** Why the place of a submission that failed for other reasons cannot be found either (none if it can, or its fields already failed). */
function placeProblems(register: Register, submission: ReportSubmission, errors: FieldError[], lang: Lang): FieldError[] {
  if (errors.some((e) => ['location', 'address', 'lat', 'lon'].includes(e.field))) return [];
  const { lat, lon } = submission;
  const address = submission.address?.trim();
  const where = typeof lat === 'number' && typeof lon === 'number' ? { lat, lon } : address ? { address } : null;
  if (!where) return [];
  try {
    placeReport(register, where);
    return [];
  } catch (error) {
    if (!(error instanceof AppError) || error.status !== 422) throw error;
    const { field = 'location' } = (error.details ?? {}) as { field?: string };
    return [{ field, code: error.code, message: error.text[lang] }];
  }
}

export interface SubmitOptions {
  publicUrl: string;
  lang: Lang;
  now?: Date;
  /** Files sent with the report, and where to keep them (police only: attachments/). */
  attachments?: { files: readonly IncomingFile[] } & AttachmentServices;
}

export type SubmitResult = { spam: true } | { spam: false; report: Report; placement: Placement };

/**
 * Accepts a resident's report: validates it, finds the district, enforces the per-client limit and
 * stores the report with its first event and the e-mail to the district, all in one transaction;
 * beyond the flood limits of its district it is stored held for review and goes into the
 * district's digest instead of its own e-mail. Answers with the report as stored.
 */
export async function submitReport(
  db: Db,
  changes: ChangeBus,
  register: Register,
  actor: Actor,
  submission: ReportSubmission,
  options: SubmitOptions,
): Promise<SubmitResult> {
  const now = options.now ?? new Date();
  const intake = validateSubmission(submission, await cachedCategories(db), now);
  if (!intake.ok) {
    if (intake.spam) return { spam: true };
    const errors = intake.errors.map((e) => ({ field: e.field, code: 'invalid', message: e.message[options.lang] }));
    // The place is looked up too, so that a wrong address is told together with the other mistakes.
    throw new ValidationError([...errors, ...placeProblems(register, submission, errors, options.lang)]);
  }
  const value = intake.value;
  const placement = placeReport(
    register,
    value.position ? { lat: value.position.lat, lon: value.position.lon } : { address: value.address! },
  );
  if (value.event) {
    // How far back an event may go is the report's unit's setting: known only now that it is placed.
    const tooOld = eventAgeProblem(value.event, now, await readSetting(db, 'reports.eventMaxAgeDays', { unitId: placement.unitId }));
    if (tooOld) throw new ValidationError([{ field: tooOld.field, code: 'invalid', message: tooOld.message[options.lang] }]);
  }
  // The per-client limits are administrators' settings, read for every report (a change holds at once).
  const [perDay, perBurst] = await Promise.all([readSetting(db, 'reports.perIpPerDay'), readSetting(db, 'reports.perIpPer10Minutes')]);
  const daily: RateLimitPolicy = { max: perDay, windowSeconds: perIpWindowSeconds.day };
  const { windowSeconds, max } = daily;
  // Counted per client, not per address (an IPv6 client holds a whole /64); only the key is stored.
  const client = actor.ip ? { key: limitKeyOf(actor.ip), since: new Date(now.getTime() - windowSeconds * 1000), max } : null;
  const flood = { since: new Date(now.getTime() - floodWindowSeconds * 1000), settings: await floodSettings(db, placement.unitId) };
  // `format` placeholders: the number is known only once the row is in (a % of the names is escaped).
  const text = (line: string) => line.replaceAll('%', '%%');
  const mail = placement.notify
    ? {
        to: placement.notify,
        subject: `Nowe zgłoszenie KMZB nr %1$s: ${text(value.category.name.pl)}`,
        text: [
          `Nowe zgłoszenie zagrożenia nr %1$s w rejonie: ${text(placement.placeName)}.`,
          `Kategoria: ${text(value.category.name.pl)}.`,
          'Opis i dokładne miejsce widzi tylko Policja, w panelu:',
          `${text(options.publicUrl)}/admin/reports/%1$s`,
        ].join('\n'),
      }
    : null;
  const newReport = {
    categoryId: value.category.code,
    unitId: placement.unitId,
    districtId: placement.districtId,
    position: value.position,
    publicPosition: value.position && snapToGrid(value.position.lon, value.position.lat),
    address: value.address,
    description: value.description ?? '',
    email: value.email,
    reporterIp: client?.key ?? null,
    event: value.event,
  };
  // Both limits are counted first, outside the locks: two reports sent at the very same moment may
  // both pass the burst one, but never the daily limit, which the database counts again under the client's lock.
  const refusal = await clientLimitRefusal(db, actor, now, { perDay, perBurst });
  if (refusal) throw refusal;
  // Files are checked against the limits of the unit the report goes to, cleaned, and written
  // before the transaction; whatever does not end up in a committed report is removed again.
  const uploads = options.attachments;
  const prepared = uploads?.files.length
    ? await prepareAttachments(uploads.files, await attachmentLimits(db, placement.unitId), uploads.workers)
    : [];
  const store = options.attachments?.store;
  const saved = store && prepared.length ? await putAttachmentFiles(db, store, prepared) : [];
  const discard = () => (store ? discardAttachmentFiles(db, store, saved) : Promise.resolve());
  // One client and one district at a time (locks across instances): simultaneous reports cannot slip under a limit together.
  const stored = await db
    .transaction()
    .execute(async (trx) => {
      const result = await storeNewReport(trx, newReport, actor, client, flood, mail);
      if (result.report) await recordAttachments(trx, actor, result.report, saved);
      return result;
    })
    .catch(async (error: unknown) => {
      await discard();
      throw error;
    });
  if (!stored.report) {
    await discard();
    throw tooManyReports(daily, stored.recent.oldest, now);
  }
  changes.emit('reports');
  return { spam: false, report: stored.report, placement };
}

/** The windows of the two per-client limits (reports.perIpPerDay, reports.perIpPer10Minutes). */
const perIpWindowSeconds = { day: 86_400, burst: 600 };

/**
 * The 429 the next report from this client would get (the burst limit first), or null. Asked before
 * the resident is asked anything more (the "similar reports" question), and by submitReport before
 * its transaction; the daily limit is counted once more under the client's lock when the report is stored.
 */
export async function clientLimitRefusal(
  db: Db,
  actor: Actor,
  now = new Date(),
  limits?: { perDay: number; perBurst: number },
): Promise<AppError | null> {
  if (!actor.ip) return null;
  const key = limitKeyOf(actor.ip);
  const { perDay, perBurst } = limits ?? {
    perDay: await readSetting(db, 'reports.perIpPerDay'),
    perBurst: await readSetting(db, 'reports.perIpPer10Minutes'),
  };
  const checks: RateLimitPolicy[] = [
    ...(perBurst < perDay ? [{ max: perBurst, windowSeconds: perIpWindowSeconds.burst }] : []),
    { max: perDay, windowSeconds: perIpWindowSeconds.day },
  ];
  for (const limit of checks) {
    const recent = await reportsFromClient(db, key, new Date(now.getTime() - limit.windowSeconds * 1000));
    if (recent.count >= limit.max) return tooManyReports(limit, recent.oldest, now);
  }
  return null;
}

/** 429 with when the oldest counted report leaves the window (Retry-After), and the limit in words. */
function tooManyReports(limit: RateLimitPolicy, oldest: Date | null, now: Date): AppError {
  const retryAfter = Math.max(1, Math.ceil(((oldest?.getTime() ?? now.getTime()) + limit.windowSeconds * 1000 - now.getTime()) / 1000));
  return new AppError(
    429,
    'too_many_reports',
    reportErrors.tooMany(retryAfter, { pl: describeRateLimit(limit, 'pl'), en: describeRateLimit(limit, 'en') }),
    { retryAfterSeconds: retryAfter },
    { 'retry-after': String(retryAfter) },
  );
}

export { reportUrl };
