import type { PageContext } from '../../platform/render/page-context.js';
import { Layout } from '../../platform/render/layout.js';
import { CsrfField, DataTable, ErrorSummary, FileField } from '../../platform/render/components.js';
import { formatDateTime, formatNumber } from '../../platform/i18n/i18n.js';
import { indicatorMessages } from './messages.js';
import type { ImportReport } from './model.js';
import type { UnitIndicators } from './read-indicators.js';

export type UploadOutcome = { report: ImportReport } | { error: string; rejected: ImportReport['rejected'] };

/** The unit's indicator data page: the upload form, the result of an upload, the categories and the last imports. */
export function IndicatorPage({
  ctx,
  unit,
  data,
  outcome,
  mayImport,
}: {
  ctx: PageContext;
  unit: { id: string; name: string };
  data: UnitIndicators;
  outcome: UploadOutcome | null;
  mayImport: boolean;
}) {
  const m = indicatorMessages[ctx.lang];
  const n = (value: number) => formatNumber(value, ctx.lang);
  const rejected = outcome ? ('report' in outcome ? outcome.report.rejected : outcome.rejected) : [];
  return (
    <Layout ctx={ctx} title={m.title(unit.name)}>
      <h1>{m.title(unit.name)}</h1>
      <p className="lead">{m.lead}</p>
      {outcome && 'report' in outcome && (
        <section className="notice" role="status" aria-labelledby="result">
          <h2 id="result" className="error-summary__title">
            {m.resultTitle}
          </h2>
          <ul>
            <li>{m.accepted(n(outcome.report.accepted), n(outcome.report.lines))}</li>
            <li>{m.cells(n(outcome.report.cells))}</li>
          </ul>
        </section>
      )}
      {outcome && 'error' in outcome && (
        <ErrorSummary lang={ctx.lang} errors={[{ field: 'file', code: 'import_failed', message: outcome.error }]} />
      )}
      {rejected.length > 0 && (
        <>
          <h2>{m.rejected}</h2>
          <DataTable
            caption={m.rejected}
            columns={[{ label: m.line }, { label: m.reason }]}
            rows={rejected.map((row, index) => ({ key: index, cells: [n(row.line), row.reason[ctx.lang]] }))}
            rowHeaders
          />
        </>
      )}
      {mayImport && (
        <form method="post" action={`/admin/units/${unit.id}/indicators`} encType="multipart/form-data" className="narrow section-box">
          <CsrfField token={ctx.csrfToken} />
          <h2>{m.uploadTitle}</h2>
          <p className="field__hint">{m.uploadHint}</p>
          <FileField name="file" id="field-file" label={m.file} accept=".csv,text/csv,text/plain" />
          <button type="submit" className="button">
            {m.import}
          </button>
        </form>
      )}
      <h2>{m.categoriesTitle}</h2>
      {data.categories.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <DataTable
          caption={m.categoriesTitle}
          columns={[{ label: m.category }, ...data.months.map((month) => ({ label: month })), { label: m.total }]}
          rows={data.categories.map((c) => ({ key: c.category, cells: [c.category, ...c.months.map(n), n(c.total)] }))}
          rowHeaders
        />
      )}
      {data.imports.length > 0 && (
        <>
          <h2>{m.importsTitle}</h2>
          <DataTable
            caption={m.importsTitle}
            columns={[{ label: m.when }, { label: m.fileName }, { label: m.who }, { label: m.result }]}
            rows={data.imports.map((i) => ({
              key: i.id,
              cells: [formatDateTime(i.importedAt, ctx.lang), i.fileName, i.importedBy, `${n(i.accepted)} / ${n(i.lines)}`],
            }))}
            rowHeaders
          />
        </>
      )}
    </Layout>
  );
}
