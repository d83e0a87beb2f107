import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeBus } from '../../../platform/events/changes.js';
import type { Db } from '../../../platform/db/database.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import { AppError, type FieldError } from '../../../platform/http/errors.js';
import { formErrorsFrom, formFields } from '../../../platform/http/forms.js';
import { actorOf } from '../../../platform/http/request-context.js';
import type { Plan } from '../model.js';
import { planOr404 } from '../read-plan-details.js';
import { planTarget } from '../route-target.js';
import { fillAreaFromEvidence, fillBaselineFromEvidence, fillThreatFromEvidence, type Writer } from './manage-drafting.js';
import type { Principal } from '../../../platform/auth/principal.js';

/** Shows the plan's page again with errors (work-routes.ts `showWork`). */
export type ShowWithErrors = (
  request: FastifyRequest,
  reply: FastifyReply,
  plan: Plan,
  errors: FieldError[],
  status: number,
) => Promise<unknown>;

/**
 * The drafting panel's forms: write the reports into the threat section, the goal's baseline, or a
 * place as the goal's area. Only the district's officer.
 */
export function registerDraftingRoutes(app: FastifyInstance, db: Db, changes: ChangeBus, show: ShowWithErrors): void {
  const route = { config: { access: 'plan.edit' as const, target: planTarget(db) }, schema: { hide: true } };
  const writer = (request: FastifyRequest, principal: Principal): Writer => ({ db, changes, principal, actor: actorOf(request) });
  const fill = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, write: (plan: Plan) => Promise<string>) => {
    const plan = await planOr404(db, request.params.id);
    try {
      const query = await write(plan);
      return reply.redirect(`/admin/plans/${plan.id}?${query}`, 303);
    } catch (error) {
      const errors = formErrorsFrom(error, request.lang);
      // 409 for a plan that cannot take it now (frozen, or a baseline to confirm replacing), 400 for the sender's mistake.
      return show(request, reply, await planOr404(db, plan.id), errors, error instanceof AppError ? error.status : 400);
    }
  };

  app.post<{ Params: { id: string } }>('/admin/plans/:id/evidence/threat', route, async (request, reply) => {
    const principal = requireAllowed(request, 'plan.edit');
    const fields = formFields(request.body);
    return fill(request, reply, async (plan) => {
      const { appended, keptCategory } = await fillThreatFromEvidence(writer(request, principal), plan, fields.category);
      return new URLSearchParams({ filled: 'threat', appended: appended.join(','), kept: keptCategory ? '1' : '0' }).toString();
    });
  });

  app.post<{ Params: { id: string } }>('/admin/plans/:id/evidence/baseline', route, async (request, reply) => {
    const principal = requireAllowed(request, 'plan.edit');
    const fields = formFields(request.body);
    return fill(request, reply, async (plan) => {
      const { replaced } = await fillBaselineFromEvidence(writer(request, principal), plan, {
        category: fields.baselineCategory,
        span: fields.span,
        replace: fields.replace === '1',
      });
      return new URLSearchParams({ filled: 'baseline', replaced: replaced ? '1' : '0' }).toString();
    });
  });

  app.post<{ Params: { id: string } }>('/admin/plans/:id/evidence/area', route, async (request, reply) => {
    const principal = requireAllowed(request, 'plan.edit');
    const fields = formFields(request.body);
    return fill(request, reply, async (plan) => {
      const { replaced } = await fillAreaFromEvidence(writer(request, principal), plan, {
        hotspot: fields.hotspot,
        replace: fields.replace === '1',
      });
      return new URLSearchParams({ filled: 'area', replaced: replaced ? '1' : '0' }).toString();
    });
  });
}
