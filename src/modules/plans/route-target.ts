import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { targetCheck } from '../access/index.js';
import { planErrors } from './messages.js';
import { findPlan } from './repository.js';

/** `config.target` of routes on `:id` plans: a plan whose working version you may not see is 404 (manage-plans.ts `loadForChange`). */
export const planTarget = (db: Db) =>
  targetCheck(db, async (db, { id }) => {
    const plan = id === undefined ? undefined : await findPlan(db, id);
    return (
      plan && {
        target: plan,
        hidden: { readAction: 'plan.read_working', notFound: () => new AppError(404, 'plan_not_found', planErrors.notFound()) },
      }
    );
  });
