import type { ReactNode } from 'react';
import type { PageContext } from '../../../platform/render/page-context.js';
import { Layout } from '../../../platform/render/layout.js';
import { CsrfField, ErrorSummary, SelectField, TextAreaField, errorFor, type Option } from '../../../platform/render/components.js';
import type { FieldError } from '../../../platform/http/errors.js';
import { acceptAttribute } from '../../../platform/documents/document-kind.js';
import type { ParsedPlan } from '../import/parse-plan.js';
import { ImportReport, type BatchView } from './import-report.js';
import { editorMessages } from './messages.js';
import { day } from './work-page.js';

/** The import page: pasted text or one file, recognised and turned into a draft; or many files at once, with a report per file. */
export function ImportPage({
  ctx,
  districts,
  text,
  districtId,
  parsed,
  warnings,
  errors,
  batch,
}: {
  ctx: PageContext;
  districts: Option[];
  text: string;
  districtId: string | undefined;
  parsed: ParsedPlan | null;
  warnings: string[];
  errors: FieldError[];
  batch: BatchView | null;
}) {
  const m = editorMessages[ctx.lang];
  const row = (label: string, value: ReactNode) => (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <Layout ctx={ctx} title={m.importTitle}>
      <ErrorSummary lang={ctx.lang} errors={errors} />
      <h1>{m.importTitle}</h1>
      <p className="lead">{m.importLead}</p>
      <p>{m.batchLead}</p>
      {batch && <ImportReport ctx={ctx} batch={batch} />}
      {parsed && (
        <section aria-labelledby="recognised" className="section-box">
          <h2 id="recognised">{m.recognised}</h2>
          <dl className="summary-list">
            {row(m.unit, parsed.unit ?? m.none)}
            {row(m.districtNumber, parsed.districtNumber ?? m.none)}
            {row(
              m.period,
              parsed.period
                ? `${parsed.period.from ? day(parsed.period.from, ctx) : '…'} – ${parsed.period.to ? day(parsed.period.to, ctx) : '…'}`
                : m.none,
            )}
            {row(
              m.target,
              parsed.goal.target
                ? `${parsed.goal.target.direction === 'decrease' ? m.decrease : m.increase} ${parsed.goal.target.percent}%`
                : m.none,
            )}
            {row(m.actionsCount, parsed.actions.length)}
            {row(m.partnersCount, parsed.partners.length)}
            {row(m.channelsCount, parsed.communication.length)}
          </dl>
          <h3>{m.notRecognised}</h3>
          {warnings.length === 0 ? (
            <p>{m.nothingMissing}</p>
          ) : (
            <ul>
              {warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      <form method="post" action="/admin/plans/import" encType="multipart/form-data" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <TextAreaField name="text" label={m.text} value={text} rows={12} error={errorFor(errors, 'text')} />
        <div className="field">
          <label className="field__label" htmlFor="field-file">
            {m.file}
          </label>
          <input className="input" id="field-file" name="file" type="file" multiple accept={acceptAttribute} />
        </div>
        <SelectField
          name="districtId"
          label={m.district}
          value={districtId}
          options={districts}
          placeholder={m.districtAuto}
          error={errorFor(errors, 'districtId')}
        />
        <div className="actions">
          <button type="submit" name="intent" value="recognise" className="button button--secondary">
            {m.recognise}
          </button>
          {parsed && (
            <button type="submit" name="intent" value="create" className="button">
              {m.createDraft}
            </button>
          )}
          <button type="submit" name="intent" value="preview-files" className="button button--secondary">
            {m.previewFiles}
          </button>
          <button type="submit" name="intent" value="import-files" className="button button--secondary">
            {m.importFiles}
          </button>
        </div>
      </form>
    </Layout>
  );
}
