import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../platform/db/database.js';
import { pageContext } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/render/render.js';
import { evaluationReport } from '../read-report.js';
import { planPdf } from '../publication/render-pdf.js';
import { planDocx } from '../publication/render-docx.js';
import { ReportPage } from './report-page.js';

const types = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** The evaluation report of a published, evaluated plan: page, PDF and DOCX (404 before the evaluation). */
export function registerReportPages(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { id: string } }>(
    '/plany/:id/sprawozdanie',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      const { report, document } = await evaluationReport(db, request.params.id, request.lang);
      return sendPage(reply, createElement(ReportPage, { ctx: pageContext(request, reply), report, document }));
    },
  );

  const download = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, kind: 'pdf' | 'docx') => {
    const { plan, report, document } = await evaluationReport(db, request.params.id, request.lang);
    const body = kind === 'pdf' ? await planPdf(document) : await planDocx(document);
    const name = `sprawozdanie-${plan.districtId.replace('/', '-')}-${report.plan.periodFrom}.${kind}`;
    return reply
      .header('content-type', types[kind])
      .header('content-disposition', `${kind === 'pdf' ? 'inline' : 'attachment'}; filename="${name}"`)
      .send(body);
  };
  app.get<{ Params: { id: string } }>(
    '/plany/:id/sprawozdanie.pdf',
    { config: { access: 'public' }, schema: { hide: true } },
    (request, reply) => download(request, reply, 'pdf'),
  );
  app.get<{ Params: { id: string } }>(
    '/plany/:id/sprawozdanie.docx',
    { config: { access: 'public' }, schema: { hide: true } },
    (request, reply) => download(request, reply, 'docx'),
  );
}
