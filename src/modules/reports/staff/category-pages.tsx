import type { FieldError } from '../../../platform/http/errors.js';
import { CheckboxField, CsrfField, DataTable, ErrorSummary, errorFor, Tag, TextField } from '../../../platform/render/components.js';
import { Layout } from '../../../platform/render/layout.js';
import type { PageContext } from '../../../platform/render/page-context.js';
import type { StoredCategory } from '../model.js';
import { staffReportMessages } from './messages.js';

// The catalogue of report categories (kategorie zagrożeń KMZB): its list and its edit form.
const categoryErrorFields = { name: 'namePl', season: 'seasonFrom' };

export function CategoriesPage({
  ctx,
  categories,
  errors,
  values,
}: {
  ctx: PageContext;
  categories: StoredCategory[];
  errors: FieldError[];
  values: Record<string, string>;
}) {
  const m = staffReportMessages[ctx.lang];
  const season = (c: StoredCategory) => (c.season ? `${c.season.fromMonth}–${c.season.toMonth}` : m.allYear);
  return (
    <Layout ctx={ctx} title={m.categoriesTitle}>
      <h1>{m.categoriesTitle}</h1>
      <p className="lead">{m.categoriesLead}</p>
      <ErrorSummary lang={ctx.lang} errors={errors} fields={categoryErrorFields} />
      <DataTable
        caption={m.categoriesTitle}
        columns={[
          { label: m.code },
          { label: m.namePl },
          { label: m.nameEn },
          { label: m.active },
          { label: m.descriptionRequired },
          { label: m.season },
          { label: '' },
        ]}
        rows={categories.map((c) => ({
          key: c.code,
          cells: [
            <code key="code">{c.code}</code>,
            c.name.pl,
            c.name.en,
            c.active ? m.yes : <Tag>{m.retired}</Tag>,
            c.descriptionRequired ? m.yes : m.no,
            season(c),
            <a key="edit" href={`/admin/report-categories/${c.code}`}>
              {m.edit}
              <span className="visually-hidden"> {c.name[ctx.lang]}</span>
            </a>,
          ],
        }))}
      />
      <h2>{m.addCategory}</h2>
      <CategoryForm ctx={ctx} action="/admin/report-categories" values={values} errors={errors} withCode />
    </Layout>
  );
}

export function CategoryForm({
  ctx,
  action,
  values,
  errors,
  withCode,
}: {
  ctx: PageContext;
  action: string;
  values: Record<string, string>;
  errors: FieldError[];
  withCode: boolean;
}) {
  const m = staffReportMessages[ctx.lang];
  return (
    <form method="post" action={action}>
      <CsrfField token={ctx.csrfToken} />
      {withCode && (
        <TextField name="code" label={m.code} value={values.code} width="medium" error={errorFor(errors, 'code')} hint="np. halas-nocny" />
      )}
      <TextField name="namePl" label={m.namePl} value={values.namePl} error={errorFor(errors, 'name')} />
      <TextField name="nameEn" label={m.nameEn} value={values.nameEn} />
      {!withCode && <CheckboxField name="active" label={m.active} checked={values.active === 'on'} />}
      <CheckboxField name="descriptionRequired" label={m.descriptionRequired} checked={values.descriptionRequired === 'on'} />
      <CheckboxField name="road" label={m.road} checked={values.road === 'on'} />
      <div className="field-row">
        <TextField name="seasonFrom" label={m.seasonFrom} value={values.seasonFrom} width="short" error={errorFor(errors, 'season')} />
        <TextField name="seasonTo" label={m.seasonTo} value={values.seasonTo} width="short" />
      </div>
      <button type="submit" className="button">
        {m.save}
      </button>
    </form>
  );
}

export function CategoryEditPage({
  ctx,
  category,
  values,
  errors,
}: {
  ctx: PageContext;
  category: StoredCategory;
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const m = staffReportMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={`${m.categoriesTitle}: ${category.name[ctx.lang]}`}>
      <p>
        <a className="back-link" href="/admin/report-categories">
          {m.categoriesTitle}
        </a>
      </p>
      <h1>
        {category.name[ctx.lang]} (<code>{category.code}</code>)
      </h1>
      <ErrorSummary lang={ctx.lang} errors={errors} fields={categoryErrorFields} />
      <CategoryForm ctx={ctx} action={`/admin/report-categories/${category.code}`} values={values} errors={errors} withCode={false} />
    </Layout>
  );
}
