import type { PageContext } from '../../../platform/render/page-context.js';
import { Layout } from '../../../platform/render/layout.js';
import { Tag } from '../../../platform/render/components.js';
import { evaluationOutcomeLabels } from '../model.js';
import type { EvaluationReport } from '../evaluation/report.js';
import type { PlanDocument } from '../publication/document.js';
import { planPageMessages } from './messages.js';
import { PlanDocumentView } from './pages.js';

const tone = {
  achieved: 'green',
  not_achieved: 'red',
  partly_achieved: 'yellow',
  consistent_with_chance: 'yellow',
  insufficient_data: 'grey',
} as const;

/** The evaluation report's page: the verdict first, then the report in the same words as its PDF and DOCX. */
export function ReportPage({ ctx, report, document }: { ctx: PageContext; report: EvaluationReport; document: PlanDocument }) {
  const m = planPageMessages[ctx.lang];
  const id = report.plan.id;
  const outcome = evaluationOutcomeLabels[report.outcome][ctx.lang];
  return (
    <Layout ctx={ctx} title={`${document.title} – ${report.plan.unitName}`}>
      <div className="plan-meta">
        <p>
          {m.district}: {report.plan.districtName} · {m.evaluation}: <Tag tone={tone[report.outcome]}>{outcome}</Tag>
        </p>
        <p>
          <a href={`/plany/${id}`}>{m.backToPlan}</a> · {m.download}: <a href={`/plany/${id}/sprawozdanie.pdf`}>{m.pdf}</a> ·{' '}
          <a href={`/plany/${id}/sprawozdanie.docx`}>{m.docx}</a>
        </p>
      </div>
      <PlanDocumentView document={document} lang={ctx.lang} />
    </Layout>
  );
}
