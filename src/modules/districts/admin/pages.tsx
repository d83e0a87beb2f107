import type { PageContext } from '../../../platform/render/page-context.js';
import { Layout } from '../../../platform/render/layout.js';
import {
  CsrfField,
  DataTable,
  ErrorSummary,
  SelectField,
  Tag,
  TextAreaField,
  TextField,
  errorFor,
  type Option,
} from '../../../platform/render/components.js';
import type { FieldError } from '../../../platform/http/errors.js';
import { formatCalendarDay } from '../../../platform/i18n/i18n.js';
import type { Assignment, District, Officer } from '../model.js';
import { districtUrl, officerName } from '../model.js';
import type { DistrictCard } from '../locator/register.js';
import { adminRegisterMessages } from './messages.js';

// Officers' pages live in officer-pages.tsx; the routes import every admin page from here.
export { OfficerFormPage, OfficerListPage } from './officer-pages.js';

const day = (value: string, ctx: PageContext) => formatCalendarDay(value, ctx.lang);

export function DistrictListPage({
  ctx,
  units,
  unitId,
  districts,
  cards,
  canEdit,
}: {
  ctx: PageContext;
  units: Option[];
  unitId: string | undefined;
  districts: (District & { unitName: string })[];
  cards: Map<string, DistrictCard>;
  canEdit: boolean;
}) {
  const m = adminRegisterMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={m.districtsTitle}>
      <div className="page-heading">
        <h1>{m.districtsTitle}</h1>
        {canEdit && (
          <a className="button" href={`/admin/districts/new${unitId ? `?unit=${encodeURIComponent(unitId)}` : ''}`}>
            {m.newDistrict}
          </a>
        )}
      </div>
      <p className="lead">{m.districtsLead}</p>
      <form method="get" action="/admin/districts" className="filters">
        <SelectField name="unit" label={m.unit} value={unitId} options={units} placeholder={m.allUnits} />
        <div className="filters__actions">
          <button type="submit" className="button button--secondary">
            {m.show}
          </button>
        </div>
      </form>
      {districts.length === 0 ? (
        <p>{m.noDistricts}</p>
      ) : (
        <DataTable
          caption={m.districtsTitle}
          columns={[
            { label: m.name },
            { label: m.unit },
            { label: m.officer },
            { label: m.phone },
            { label: m.rulesCount },
            { label: m.polygon },
          ]}
          rows={districts.map((district) => {
            const card = cards.get(district.id);
            return {
              key: district.id,
              cells: [
                <>
                  <a href={`/admin/districts/${district.id}`}>{district.name}</a>
                  {district.retiredAt && (
                    <>
                      {' '}
                      <Tag tone="red">{m.retired}</Tag>
                    </>
                  )}
                </>,
                district.unitName,
                card?.officer ? (
                  `${card.officer.rank} ${card.officer.name}${card.officer.substitute ? ` (${m.substitute})` : ''}`
                ) : (
                  <Tag tone="yellow">{m.vacant}</Tag>
                ),
                district.phone ?? '—',
                district.rules.length,
                district.polygon ? m.yes : m.no,
              ],
            };
          })}
        />
      )}
    </Layout>
  );
}

export interface DistrictFormValues {
  unitId?: string | undefined;
  number?: string | undefined;
  name?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  rulesText?: string | undefined;
  polygonText?: string | undefined;
  areaText?: string | undefined;
  areaLocality?: string | undefined;
}

export function DistrictFormPage({
  ctx,
  district,
  unitName,
  units,
  values,
  errors,
  info,
  warnings,
  assignments,
  officers,
  canEdit,
  canAssign,
}: {
  ctx: PageContext;
  district: District | null;
  unitName: string;
  units: Option[];
  values: DistrictFormValues;
  errors: FieldError[];
  info?: string | null;
  warnings?: string[];
  assignments: Assignment[];
  officers: Officer[];
  canEdit: boolean;
  canAssign: boolean;
}) {
  const m = adminRegisterMessages[ctx.lang];
  const title = district ? m.editTitle(district.number, unitName) : m.createTitle;
  const action = district ? `/admin/districts/${district.id}` : '/admin/districts/new';
  const byId = new Map(officers.map((o) => [o.id, o]));
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a className="back-link" href={`/admin/districts${district ? `?unit=${encodeURIComponent(district.unitId)}` : ''}`}>
          {m.back}
        </a>
      </p>
      <ErrorSummary lang={ctx.lang} errors={errors} />
      <h1>{title}</h1>
      {district?.retiredAt && <Tag tone="red">{m.retired}</Tag>}
      {district && !district.retiredAt && (
        <p className="actions">
          <a href={districtUrl(district.id)}>{m.publicPage}</a>
          <a href={`${districtUrl(district.id)}/plakat.pdf`}>{m.poster}</a>
        </p>
      )}
      {info && (
        <div className="notice" role="status">
          {info}
        </div>
      )}
      {warnings && warnings.length > 0 && (
        <div className="callout callout--warning">
          <p>{m.warnings}</p>
          <ul>
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      {canEdit && (
        <form method="post" action={action} noValidate>
          <CsrfField token={ctx.csrfToken} />
          <h2>{m.details}</h2>
          <div className="narrow">
            {!district && (
              <SelectField name="unitId" label={m.unit} value={values.unitId} options={units} error={errorFor(errors, 'unitId')} />
            )}
            {!district && (
              <TextField
                name="number"
                label={m.number}
                hint={m.numberHint}
                value={values.number}
                width="short"
                error={errorFor(errors, 'number')}
              />
            )}
            <TextField name="name" label={m.name} hint={m.nameHint} value={values.name} error={errorFor(errors, 'name')} />
            <TextField
              name="phone"
              label={m.phone}
              hint={m.phoneHint}
              value={values.phone}
              width="medium"
              error={errorFor(errors, 'phone')}
            />
            <TextField
              name="email"
              label={m.email}
              type="email"
              value={values.email}
              spellCheck={false}
              error={errorFor(errors, 'email')}
            />
          </div>
          <h2>{m.rules}</h2>
          <TextAreaField
            name="rules"
            label={m.rules}
            hint={m.rulesHint}
            value={values.rulesText}
            rows={10}
            code
            spellCheck={false}
            error={errorFor(errors, 'rules')}
          />
          <details className="details" open={Boolean(values.areaText)}>
            <summary>{m.pasteTitle}</summary>
            <TextAreaField name="areaText" label={m.pasteTitle} hint={m.pasteHint} value={values.areaText} rows={6} />
            <TextField name="areaLocality" label={m.pasteLocality} value={values.areaLocality} width="medium" />
            <button type="submit" name="intent" value="recognise" className="button button--secondary">
              {m.recognise}
            </button>
          </details>
          <h2>{m.polygonTitle}</h2>
          <TextAreaField
            name="polygon"
            label={m.polygonTitle}
            hint={m.polygonHint}
            value={values.polygonText}
            rows={4}
            code
            spellCheck={false}
            error={errorFor(errors, 'polygon')}
          />
          <button type="submit" name="intent" value="save" className="button">
            {district ? m.save : m.create}
          </button>
        </form>
      )}
      {district && (
        <section className="section-box" aria-labelledby="assignments">
          <h2 id="assignments">{m.assignments}</h2>
          <p>{m.assignmentsLead}</p>
          {assignments.length === 0 ? (
            <p>{m.noAssignments}</p>
          ) : (
            <DataTable
              caption={m.assignments}
              columns={[
                { label: m.officer },
                { label: m.kind },
                { label: m.from },
                { label: m.to },
                ...(canAssign ? [{ label: m.end }] : []),
              ]}
              rows={assignments.map((assignment) => {
                const officer = byId.get(assignment.officerId);
                const end =
                  assignment.endsOn === null ? (
                    <form method="post" action={`/admin/assignments/${assignment.id}/end`} className="inline-end">
                      <CsrfField token={ctx.csrfToken} />
                      <label className="visually-hidden" htmlFor={`end-${assignment.id}`}>
                        {m.endOn}
                      </label>
                      <input className="input input--short" id={`end-${assignment.id}`} type="date" name="endsOn" required />
                      <button type="submit" className="button button--secondary">
                        {m.end}
                      </button>
                    </form>
                  ) : null;
                return {
                  key: assignment.id,
                  cells: [
                    officer ? `${officer.rank} ${officerName(officer)}` : '—',
                    assignment.kind === 'regular' ? m.regular : m.substitute,
                    day(assignment.startsOn, ctx),
                    assignment.endsOn ? day(assignment.endsOn, ctx) : m.open,
                    ...(canAssign ? [end] : []),
                  ],
                };
              })}
            />
          )}
          {canAssign && !district.retiredAt && (
            <form method="post" action={`/admin/districts/${district.id}/assignments`} className="narrow" noValidate>
              <CsrfField token={ctx.csrfToken} />
              <h3>{m.assignTitle}</h3>
              <p className="field__hint">{m.assignHint}</p>
              <SelectField
                name="officerId"
                label={m.officer}
                placeholder={m.chooseOfficer}
                options={officers.filter((o) => !o.retiredAt).map((o) => ({ value: o.id, label: `${o.rank} ${officerName(o)}` }))}
                error={errorFor(errors, 'officerId')}
              />
              <SelectField
                name="kind"
                label={m.kind}
                value="regular"
                options={[
                  { value: 'regular', label: m.regular },
                  { value: 'substitute', label: m.substitute },
                ]}
              />
              <TextField name="startsOn" label={m.from} type="date" width="short" error={errorFor(errors, 'startsOn')} />
              <TextField name="endsOn" label={m.to} type="date" width="short" error={errorFor(errors, 'endsOn')} />
              <button type="submit" className="button">
                {m.assign}
              </button>
            </form>
          )}
        </section>
      )}
      {district && canEdit && (
        <section className="section-box">
          <form method="post" action={`/admin/districts/${district.id}/${district.retiredAt ? 'restore' : 'retire'}`}>
            <CsrfField token={ctx.csrfToken} />
            {!district.retiredAt && <p className="field__hint">{m.retireHint}</p>}
            <button type="submit" className={district.retiredAt ? 'button button--secondary' : 'button button--warning'}>
              {district.retiredAt ? m.restore : m.retire}
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}
