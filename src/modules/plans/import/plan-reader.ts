import type { FastifyRequest } from 'fastify';
import type { Config } from '../../../platform/config/config.js';
import type { DocumentWorkers } from '../../../platform/documents/document-workers.js';
import { documentJob } from '../../../platform/documents/worker-job.js';
import { notAPlan } from './import-plan.js';
import type { ParsedPlan } from './parse-plan.js';
import type { PlanReading, PlanSource } from './read-document.js';

const readPlanJob = documentJob<PlanSource, PlanReading>(import.meta.url, './read-document.worker');

/** Reads a plan document in a document worker, never on the request thread. */
export function readPlan(documents: DocumentWorkers, source: PlanSource): Promise<PlanReading> {
  // A file is copied into its own buffer and moved to the worker: an upload's Buffer may share
  // memory with others, and moving it would take that memory from them.
  if ('file' in source) {
    const file = new Uint8Array(source.file);
    return documents.run(readPlanJob, { file }, [file.buffer]);
  }
  return documents.run(readPlanJob, source);
}

/** The recognised plan, or 422 `not_a_plan` naming the sections that were not found. */
export function parsedOf(reading: PlanReading): ParsedPlan {
  if (!reading.parsed) throw notAPlan(reading.missingSections ?? []);
  return reading.parsed;
}

/**
 * Reading documents costs a worker's time, so clients without an account get a small per-client
 * budget (the key is the client's address: the rate-limit plugin in platform/http/server.ts); signed-in
 * staff, who import their unit's plans, get six times as much.
 */
export function documentRateLimit(config: Config) {
  const anonymous = config.documentRateLimitPerMinute;
  return { max: (request: FastifyRequest) => (request.principal ? anonymous * 6 : anonymous), timeWindow: 60_000 };
}
