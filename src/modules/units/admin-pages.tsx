import type { PageContext } from '../../platform/render/page-context.js';
import { Layout } from '../../platform/render/layout.js';
import { CsrfField, ErrorSummary, SelectField, TextField, errorFor, type Option } from '../../platform/render/components.js';
import type { FieldError } from '../../platform/http/errors.js';
import { unitAdminMessages } from './admin-messages.js';
import { asTree, unitKinds, type Unit } from './model.js';

export function UnitListPage({ ctx, units, canAdd }: { ctx: PageContext; units: Unit[]; canAdd: boolean }) {
  const m = unitAdminMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={m.unitsTitle}>
      <div className="page-heading">
        <h1>{m.unitsTitle}</h1>
        {canAdd && (
          <a className="button" href="/admin/units/new">
            {m.newUnit}
          </a>
        )}
      </div>
      <p className="lead">{m.unitsLead}</p>
      <ul className="unit-tree">
        {asTree(units).map(({ unit, depth }) => (
          <li key={unit.id} className={`unit-tree__item unit-tree__item--depth-${Math.min(depth, 3)}`}>
            <span className="unit-tree__kind">{unit.kind}</span> <a href={`/admin/units/${unit.id}`}>{unit.name}</a>{' '}
            <span className="muted small">{[unit.phone, unit.locality].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export type UnitFormValues = Partial<
  Record<
    | 'id'
    | 'parentId'
    | 'kind'
    | 'name'
    | 'street'
    | 'postalCode'
    | 'locality'
    | 'phone'
    | 'email'
    | 'website'
    | 'openingHours'
    | 'lat'
    | 'lon',
    string
  >
>;

export function UnitFormPage({
  ctx,
  unit,
  values,
  errors,
  parents,
  canMove,
  canRetire,
}: {
  ctx: PageContext;
  unit: Unit | null;
  values: UnitFormValues;
  errors: FieldError[];
  parents: Option[];
  canMove: boolean;
  canRetire: boolean;
}) {
  const m = unitAdminMessages[ctx.lang];
  const title = unit ? m.unitEdit(unit.name) : m.newUnit;
  const text = (
    name: keyof UnitFormValues,
    label: string,
    extra: { hint?: string; width?: 'short' | 'medium' | 'full'; type?: 'text' | 'email' } = {},
  ) => <TextField name={name} label={label} value={values[name]} error={errorFor(errors, name)} {...extra} />;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a className="back-link" href="/admin/units">
          {m.back}
        </a>
      </p>
      <ErrorSummary lang={ctx.lang} errors={errors} />
      <h1>{title}</h1>
      <form method="post" action={unit ? `/admin/units/${unit.id}` : '/admin/units/new'} className="narrow" noValidate>
        <CsrfField token={ctx.csrfToken} />
        {!unit && text('id', m.idLabel, { hint: m.idHint, width: 'medium' })}
        {!unit && (
          <SelectField
            name="kind"
            label={m.kindLabel}
            value={values.kind}
            options={unitKinds.map((k) => ({ value: k, label: k }))}
            error={errorFor(errors, 'kind')}
          />
        )}
        {(canMove || !unit) && (
          <SelectField name="parentId" label={m.parent} value={values.parentId} options={parents} error={errorFor(errors, 'parentId')} />
        )}
        {text('name', m.unitName)}
        {text('street', m.street)}
        {text('postalCode', m.postalCode, { width: 'short' })}
        {text('locality', m.locality, { width: 'medium' })}
        {text('phone', m.unitPhone, { width: 'medium', hint: m.unitPhoneHint })}
        {text('email', m.unitEmail, { type: 'email' })}
        {text('website', m.website)}
        {text('openingHours', m.openingHours, { hint: m.openingHoursHint })}
        {text('lat', m.lat, { width: 'short' })}
        {text('lon', m.lon, { width: 'short' })}
        <button type="submit" className="button">
          {unit ? m.save : m.unitCreate}
        </button>
      </form>
      {unit && canRetire && (
        <form method="post" action={`/admin/units/${unit.id}/retire`} className="section-box">
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" className="button button--warning">
            {m.unitRetire}
          </button>
        </form>
      )}
    </Layout>
  );
}
