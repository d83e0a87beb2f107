import type { ReactNode } from 'react';
import type { FieldError } from '../../platform/http/errors.js';
import { formatCalendarDay, type Lang } from '../../platform/i18n/i18n.js';
import {
  CheckboxField,
  CsrfField,
  DataTable,
  ErrorSummary,
  SelectField,
  SummaryRow,
  Tag,
  TextAreaField,
  TextField,
  errorFor,
} from '../../platform/render/components.js';
import { Layout } from '../../platform/render/layout.js';
import type { PageContext } from '../../platform/render/page-context.js';
import { partnerMessages } from './messages.js';
import type { Partner, PartnerPlan } from './model.js';
import { kindLabels, partnerKinds } from './rules/kinds.js';

/** The registry's staff pages: the list with search and type filter, a new entry, one partner with its plans. */

const kindOptions = (lang: Lang) => partnerKinds.map((kind) => ({ value: kind, label: kindLabels[kind][lang] }));

export interface ListFilter {
  q: string;
  kind: string;
  archived: boolean;
}

export function PartnerListPage({
  ctx,
  unitName,
  partners,
  filter,
  canAdd,
}: {
  ctx: PageContext;
  unitName: string;
  partners: Partner[];
  filter: ListFilter;
  canAdd: boolean;
}) {
  const m = partnerMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={m.title}>
      <div className="page-heading">
        <h1>{m.title}</h1>
        {canAdd && (
          <a className="button" href="/admin/partners/new">
            {m.add}
          </a>
        )}
      </div>
      <p className="lead">{m.lead}</p>
      <p>{m.unitOf(unitName)}</p>
      <form method="get" action="/admin/partners" className="filters" role="search">
        <TextField name="q" label={m.search} value={filter.q} type="search" width="medium" />
        <SelectField name="kind" label={m.kind} value={filter.kind} placeholder={m.anyKind} options={kindOptions(ctx.lang)} />
        <CheckboxField name="archived" label={m.showArchived} checked={filter.archived} />
        <div className="filters__actions">
          <button type="submit" className="button button--secondary">
            {m.filter}
          </button>
        </div>
      </form>
      {partners.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <>
          <p>{m.count(partners.length)}</p>
          <DataTable
            caption={m.title}
            rowHeaders
            columns={[{ label: m.name }, { label: m.kind }, { label: m.contact }]}
            rows={partners.map((p) => ({
              key: p.id,
              cells: [
                <>
                  <a href={`/admin/partners/${p.id}`}>{p.name}</a>
                  {p.archived && (
                    <>
                      {' '}
                      <Tag>{m.archived}</Tag>
                    </>
                  )}
                </>,
                kindLabels[p.kind][ctx.lang],
                [p.contact.person, p.contact.phone, p.contact.email].filter(Boolean).join(' · '),
              ],
            }))}
          />
        </>
      )}
    </Layout>
  );
}

export type PartnerFormValues = Partial<Record<'name' | 'kind' | 'contactPerson' | 'phone' | 'email' | 'address' | 'note', string>>;

function DetailsFields({ lang, values, errors }: { lang: Lang; values: PartnerFormValues; errors: FieldError[] }) {
  const m = partnerMessages[lang];
  return (
    <>
      <TextField name="name" label={m.name} value={values.name} error={errorFor(errors, 'name')} />
      <SelectField name="kind" label={m.kind} value={values.kind} options={kindOptions(lang)} error={errorFor(errors, 'kind')} />
      <TextField name="contactPerson" label={m.contactPerson} value={values.contactPerson} error={errorFor(errors, 'contactPerson')} />
      <TextField name="phone" label={m.phone} hint={m.phoneHint} value={values.phone} width="medium" error={errorFor(errors, 'phone')} />
      <TextField name="email" label={m.email} type="email" value={values.email} error={errorFor(errors, 'email')} />
      <TextField name="address" label={m.address} value={values.address} error={errorFor(errors, 'address')} />
      <TextAreaField name="note" label={m.note} value={values.note} rows={3} error={errorFor(errors, 'note')} />
    </>
  );
}

/** A page of one partner: the way back to the list, then what went wrong with the form. */
function PartnerFrame({ ctx, title, errors, children }: { ctx: PageContext; title: string; errors: FieldError[]; children: ReactNode }) {
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a className="back-link" href="/admin/partners">
          {partnerMessages[ctx.lang].back}
        </a>
      </p>
      <ErrorSummary lang={ctx.lang} errors={errors} />
      {children}
    </Layout>
  );
}

export function NewPartnerPage({
  ctx,
  unitId,
  values,
  errors,
  suggestions,
}: {
  ctx: PageContext;
  /** The unit whose registry the form adds to. */
  unitId: string;
  values: PartnerFormValues;
  errors: FieldError[];
  /** Near names the registry has (a 409 partner_similar): offered instead of a new entry. */
  suggestions: { id: string; name: string }[];
}) {
  const m = partnerMessages[ctx.lang];
  return (
    <PartnerFrame ctx={ctx} title={m.newTitle} errors={errors}>
      <h1>{m.newTitle}</h1>
      {suggestions.length > 0 && (
        <section className="section-box" aria-labelledby="similar-heading">
          <h2 id="similar-heading">{m.similar}</h2>
          <ul>
            {suggestions.map((s) => (
              <li key={s.id}>
                <a href={`/admin/partners/${s.id}`}>{s.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form method="post" action="/admin/partners/new" className="narrow" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="unitId" value={unitId} />
        <DetailsFields lang={ctx.lang} values={values} errors={errors} />
        {suggestions.length > 0 && <CheckboxField name="confirmNew" label={m.confirmNew} checked={false} />}
        <button type="submit" className="button">
          {m.create}
        </button>
      </form>
    </PartnerFrame>
  );
}

function PlansOfPartner({
  lang,
  plans,
  statusName,
}: {
  lang: Lang;
  plans: PartnerPlan[];
  statusName: (status: string, lang: Lang) => string;
}) {
  const m = partnerMessages[lang];
  if (plans.length === 0) return <p>{m.noPlans}</p>;
  return (
    <DataTable
      caption={m.plans}
      rowHeaders
      columns={[{ label: m.plan }, { label: m.period }, { label: m.status }, { label: m.tasks }]}
      rows={plans.map((p) => ({
        key: p.planId,
        cells: [
          <a href={`/admin/plans/${p.planId}`}>{m.district(p.districtNumber, p.districtName)}</a>,
          `${formatCalendarDay(p.periodFrom, lang)} – ${formatCalendarDay(p.periodTo, lang)}`,
          statusName(p.status, lang),
          p.tasks.filter(Boolean).join('; ') || m.noTasks,
        ],
      }))}
    />
  );
}

export function PartnerPage({
  ctx,
  partner,
  plans,
  values,
  errors,
  canManage,
  statusName,
}: {
  ctx: PageContext;
  partner: Partner;
  plans: PartnerPlan[];
  values: PartnerFormValues;
  errors: FieldError[];
  canManage: boolean;
  statusName: (status: string, lang: Lang) => string;
}) {
  const m = partnerMessages[ctx.lang];
  const c = partner.contact;
  return (
    <PartnerFrame ctx={ctx} title={partner.name} errors={errors}>
      <h1>
        {partner.name} {partner.archived && <Tag>{m.archived}</Tag>}
      </h1>
      <dl className="summary-list">
        <SummaryRow label={m.kind}>{kindLabels[partner.kind][ctx.lang]}</SummaryRow>
        {c.person && <SummaryRow label={m.contactPerson}>{c.person}</SummaryRow>}
        {c.phone && (
          <SummaryRow label={m.phone}>
            <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
          </SummaryRow>
        )}
        {c.email && (
          <SummaryRow label={m.email}>
            <a href={`mailto:${c.email}`}>{c.email}</a>
          </SummaryRow>
        )}
        {c.address && <SummaryRow label={m.address}>{c.address}</SummaryRow>}
        {partner.note && <SummaryRow label={m.note}>{partner.note}</SummaryRow>}
      </dl>
      <h2>{m.plans}</h2>
      <PlansOfPartner lang={ctx.lang} plans={plans} statusName={statusName} />
      {canManage && (
        <>
          <h2>{m.edit}</h2>
          <form method="post" action={`/admin/partners/${partner.id}`} className="narrow" noValidate>
            <CsrfField token={ctx.csrfToken} />
            <DetailsFields lang={ctx.lang} values={values} errors={errors} />
            <button type="submit" className="button">
              {m.save}
            </button>
          </form>
          <form method="post" action={`/admin/partners/${partner.id}/archive`} className="section-box">
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="archived" value={partner.archived ? 'false' : 'true'} />
            <p className="muted small">{m.archiveHint}</p>
            <button type="submit" className="button button--secondary">
              {partner.archived ? m.restore : m.archive}
            </button>
          </form>
        </>
      )}
    </PartnerFrame>
  );
}
