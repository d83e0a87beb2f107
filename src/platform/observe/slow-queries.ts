import type { FastifyBaseLogger } from 'fastify';
import type { QueryObserver } from '../db/database.js';

/** Longest SQL text a log line keeps: a generated IN list of thousands of placeholders says nothing more past it. */
const SQL_TEXT_LIMIT = 2000;

/**
 * Logs every query that took `thresholdMs` or longer at warn, with its duration and SQL text. The
 * text has placeholders ($1, $2…) where the values were; the values themselves (names, addresses,
 * descriptions, e-mail addresses) are never logged, so the log keeps no personal data.
 */
export function slowQueryLogger(thresholdMs: number, log: FastifyBaseLogger, counted?: () => void): QueryObserver {
  return (event) => {
    if (event.durationMs < thresholdMs) return;
    counted?.();
    const sql = event.sql.length > SQL_TEXT_LIMIT ? `${event.sql.slice(0, SQL_TEXT_LIMIT)}…` : event.sql;
    log.warn({ durationMs: Math.round(event.durationMs * 10) / 10, sql, failed: event.failed }, 'slow query');
  };
}
