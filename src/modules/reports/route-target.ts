import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { targetCheck } from '../access/index.js';
import { reportErrors } from './messages.js';
import { findReport } from './repository.js';

/** `config.target` of routes on `:id` reports: a report you may not read in full is 404 (verify-report.ts `loadForChange`). */
export const reportTarget = (db: Db) =>
  targetCheck(db, async (db, { id }) => {
    const report = id !== undefined && /^\d{1,15}$/.test(id) ? await findReport(db, Number(id)) : undefined;
    return (
      report && {
        target: report,
        hidden: { readAction: 'report.read_staff', notFound: () => new AppError(404, 'report_not_found', reportErrors.notFound()) },
      }
    );
  });
