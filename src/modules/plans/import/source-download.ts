import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/http/errors.js';
import { planErrors } from '../messages.js';
import { canSeeWorkingPlan } from '../manage-plans.js';
import { findPlan } from '../repository.js';
import { planSourceFile } from './source-repository.js';

/**
 * Sends the kept file of an imported plan to staff who may see the plan's working version; 404
 * for everyone else and for plans that were not imported. The file is hostile input that was
 * uploaded once: it is sent as an attachment, never shown inline (an HTML page would run here).
 */
export async function sendPlanSource(db: Db, request: FastifyRequest, reply: FastifyReply, id: string) {
  const plan = await findPlan(db, id);
  const source = plan && (await canSeeWorkingPlan(db, request.principal, plan)) ? await planSourceFile(db, plan.id) : undefined;
  if (!source) throw new AppError(404, 'plan_source_not_found', planErrors.sourceNotFound());
  const ascii = source.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return reply
    .header('content-type', source.mediaType.startsWith('text/html') ? 'application/octet-stream' : source.mediaType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(source.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(source.bytes);
}
