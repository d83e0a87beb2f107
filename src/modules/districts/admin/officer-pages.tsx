import type { PageContext } from '../../../platform/render/page-context.js';
import { Layout } from '../../../platform/render/layout.js';
import { CsrfField, DataTable, ErrorSummary, SelectField, TextField, errorFor, type Option } from '../../../platform/render/components.js';
import type { FieldError } from '../../../platform/http/errors.js';
import type { Officer } from '../model.js';
import { officerName, officerPositions } from '../model.js';
import { adminRegisterMessages } from './messages.js';

// The unit's officers (policjanci): their list and the form that adds or edits one.
export function OfficerListPage({
  ctx,
  officers,
  units,
  canEdit,
}: {
  ctx: PageContext;
  officers: Officer[];
  units: Map<string, string>;
  canEdit: boolean;
}) {
  const m = adminRegisterMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={m.officersTitle}>
      <div className="page-heading">
        <h1>{m.officersTitle}</h1>
        {canEdit && (
          <a className="button" href="/admin/officers/new">
            {m.newOfficer}
          </a>
        )}
      </div>
      <p className="lead">{m.officersLead}</p>
      {officers.length === 0 ? (
        <p>{m.noOfficers}</p>
      ) : (
        <DataTable
          caption={m.officersTitle}
          columns={[{ label: m.lastName }, { label: m.rank }, { label: m.position }, { label: m.unit }]}
          rows={officers.map((officer) => ({
            key: officer.id,
            cells: [
              <a href={`/admin/officers/${officer.id}`}>{`${officer.lastName} ${officer.firstName}`}</a>,
              officer.rank,
              m.positions[officer.position],
              units.get(officer.unitId) ?? officer.unitId,
            ],
          }))}
        />
      )}
    </Layout>
  );
}

export interface OfficerFormValues {
  unitId?: string | undefined;
  rank?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  position?: string | undefined;
}

export function OfficerFormPage({
  ctx,
  officer,
  values,
  errors,
  units,
}: {
  ctx: PageContext;
  officer: Officer | null;
  values: OfficerFormValues;
  errors: FieldError[];
  units: Option[];
}) {
  const m = adminRegisterMessages[ctx.lang];
  const title = officer ? m.officerEdit(`${officer.rank} ${officerName(officer)}`) : m.officerCreate;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a className="back-link" href="/admin/officers">
          {m.back}
        </a>
      </p>
      <ErrorSummary lang={ctx.lang} errors={errors} />
      <h1>{title}</h1>
      <form method="post" action={officer ? `/admin/officers/${officer.id}` : '/admin/officers/new'} className="narrow" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="rank" label={m.rank} hint={m.rankHint} value={values.rank} width="medium" error={errorFor(errors, 'rank')} />
        <TextField name="firstName" label={m.firstName} value={values.firstName} width="medium" error={errorFor(errors, 'firstName')} />
        <TextField name="lastName" label={m.lastName} value={values.lastName} width="medium" error={errorFor(errors, 'lastName')} />
        <SelectField
          name="position"
          label={m.position}
          value={values.position}
          options={officerPositions.map((p) => ({ value: p, label: m.positions[p] }))}
        />
        <SelectField name="unitId" label={m.unit} value={values.unitId} options={units} error={errorFor(errors, 'unitId')} />
        <button type="submit" className="button">
          {officer ? m.save : m.officerCreate}
        </button>
      </form>
      {officer && !officer.retiredAt && (
        <form method="post" action={`/admin/officers/${officer.id}/retire`} className="section-box">
          <CsrfField token={ctx.csrfToken} />
          <p className="field__hint">{m.officerRetireHint}</p>
          <button type="submit" className="button button--warning">
            {m.officerRetire}
          </button>
        </form>
      )}
    </Layout>
  );
}
