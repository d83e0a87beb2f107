import { useContext, type ReactNode } from 'react';
import type { Lang } from '../i18n/i18n.js';
import type { FieldError } from '../http/errors.js';
import { PageStateContext } from './page-state.js';

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

const summaryTitle = { pl: 'Wystąpił problem', en: 'There is a problem' };

/**
 * gov.uk-style error summary: focusable, links to each field with an error (`#field-<name>`, the id
 * every field component gives its control). `fields` names the control for an error whose field is
 * not a control's name (a rule's "location" shown at the address field), so every link lands on
 * something a person can type into or press.
 */
export function ErrorSummary({ lang, errors, fields = {} }: { lang: Lang; errors: FieldError[]; fields?: Record<string, string> }) {
  const page = useContext(PageStateContext);
  if (errors.length === 0) return null;
  if (page) page.errorsShown = true;
  return (
    <div className="error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} autoFocus>
      <h2 id="error-summary-title" className="error-summary__title">
        {summaryTitle[lang]}
      </h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.field}-${error.code}`}>
            {error.field && error.field !== 'form' ? (
              <a href={`#field-${Object.hasOwn(fields, error.field) ? fields[error.field] : error.field}`}>{error.message}</a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function errorFor(errors: FieldError[], field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
}

function FieldFrame({ name, label, hint, error, children, id = `field-${name}` }: FieldProps & { children: ReactNode; id?: string }) {
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`field-${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`field-${name}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint && `field-${name}-hint`, error && `field-${name}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField(
  props: FieldProps & {
    value?: string | undefined;
    type?: 'text' | 'password' | 'email' | 'search' | 'date' | 'time' | 'month';
    autoComplete?: string;
    required?: boolean;
    width?: 'short' | 'medium' | 'full';
    spellCheck?: boolean;
    /** The range a date or time picker offers (the server checks it again). */
    min?: string;
    max?: string;
    /** The keyboard a phone shows: digits for a number (the field stays text, so "52,1" may be typed). */
    inputMode?: 'numeric' | 'decimal' | undefined;
  },
) {
  const { name, hint, error, value, type = 'text', autoComplete, required, width = 'full', spellCheck, min, max, inputMode } = props;
  return (
    <FieldFrame {...props}>
      <input
        className={`input input--${width}`}
        id={`field-${name}`}
        name={name}
        type={type}
        defaultValue={type === 'password' ? undefined : value}
        autoComplete={autoComplete}
        required={required}
        spellCheck={spellCheck}
        min={min}
        max={max}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: FieldProps & { value?: string | undefined; rows?: number; spellCheck?: boolean; code?: boolean }) {
  const { name, hint, error, value, rows = 6, spellCheck, code } = props;
  return (
    <FieldFrame {...props}>
      <textarea
        className={code ? 'textarea textarea--code' : 'textarea'}
        id={`field-${name}`}
        name={name}
        rows={rows}
        defaultValue={value}
        spellCheck={spellCheck}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </FieldFrame>
  );
}

/** A file input with its label (forms that take an upload, multipart/form-data). */
export function FileField(props: FieldProps & { accept: string; id?: string; multiple?: boolean }) {
  const { name, hint, error, accept, id = `field-${name}`, multiple } = props;
  return (
    <FieldFrame {...props} id={id}>
      <input
        className="input"
        id={id}
        name={name}
        type="file"
        accept={accept}
        multiple={multiple}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: FieldProps & { value?: string | undefined; options: Option[]; placeholder?: string }) {
  const { name, hint, error, value, options, placeholder } = props;
  return (
    <FieldFrame {...props}>
      <select
        className="select"
        id={`field-${name}`}
        name={name}
        defaultValue={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({ name, label, checked, hint }: { name: string; label: string; checked: boolean; hint?: string }) {
  return (
    <div className="field checkbox">
      <input
        className="checkbox__input"
        id={`field-${name}`}
        name={name}
        type="checkbox"
        value="on"
        defaultChecked={checked}
        aria-describedby={hint ? `field-${name}-hint` : undefined}
      />
      <label className="checkbox__label" htmlFor={`field-${name}`}>
        {label}
      </label>
      {hint && (
        <p className="field__hint checkbox__hint" id={`field-${name}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * A group of radio buttons or checkboxes under a legend: the first control has the id `field-<name>`
 * (where the error summary links), the others `field-<name>-<value>`.
 */
export function ChoiceGroup({
  type,
  name,
  legend,
  hint,
  options,
  values,
  error,
}: {
  type: 'radio' | 'checkbox';
  name: string;
  legend: string;
  hint?: string;
  options: [value: string, label: string][];
  values: readonly string[];
  error?: string | undefined;
}) {
  const id = (value: string, i: number) => (i === 0 ? `field-${name}` : `field-${name}-${value}`);
  return (
    <fieldset className={error ? 'fieldset fieldset--inner field--error' : 'fieldset fieldset--inner'}>
      <legend className="fieldset__legend">{legend}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      {error && (
        <p className="field__error" id={`field-${name}-error`}>
          {error}
        </p>
      )}
      {options.map(([value, label], i) => (
        <div className="field checkbox" key={value}>
          <input
            className="checkbox__input"
            type={type}
            name={name}
            value={value}
            id={id(value, i)}
            defaultChecked={values.includes(value)}
          />
          <label className="checkbox__label" htmlFor={id(value, i)}>
            {label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function Tag({ children, tone = 'grey' }: { children: ReactNode; tone?: 'grey' | 'green' | 'blue' | 'red' | 'yellow' }) {
  return <strong className={`tag tag--${tone}`}>{children}</strong>;
}

const pagerText = {
  pl: {
    label: 'Strony',
    previous: 'Poprzednia',
    next: 'Następna',
    page: (n: number, of: number | null) => (of === null ? `Strona ${n}` : `Strona ${n} z ${of}`),
  },
  en: {
    label: 'Pages',
    previous: 'Previous',
    next: 'Next',
    page: (n: number, of: number | null) => (of === null ? `Page ${n}` : `Page ${n} of ${of}`),
  },
};

/**
 * Previous/next links that keep the current filters. `pageCount` null: the number of pages is not
 * known (a count that stopped early), and `hasNextPage` says whether a next page exists.
 */
export function Pagination({
  lang,
  page,
  pageCount,
  hasNextPage = pageCount !== null && page < pageCount,
  hrefFor,
}: {
  lang: Lang;
  page: number;
  pageCount: number | null;
  hasNextPage?: boolean;
  hrefFor: (page: number) => string;
}) {
  if (page <= 1 && !hasNextPage) return null;
  const t = pagerText[lang];
  return (
    <nav className="pagination" aria-label={t.label}>
      {page > 1 && (
        <a className="pagination__prev" href={hrefFor(page - 1)} rel="prev">
          {t.previous}
        </a>
      )}
      <span className="pagination__status">{t.page(page, pageCount)}</span>
      {hasNextPage && (
        <a className="pagination__next" href={hrefFor(page + 1)} rel="next">
          {t.next}
        </a>
      )}
    </nav>
  );
}

/** One row of a summary list (label and value), as on gov.uk "check your answers" pages. */
export function SummaryRow({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * The one frame of every staff table: a region with a name, reachable by keyboard (tabindex=0), so
 * that a table wider than the screen can be scrolled without a mouse (axe scrollable-region-focusable).
 * Tables inside use `table--stack`: below 641 px each row becomes a card, each cell labelled by its
 * column (data-label), so a phone shows no cut-off columns.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

export interface DataColumn {
  /** The column's heading, also the label of its cell on a phone; '' for a column without one (a checkbox). */
  label: string;
  className?: string;
}

export interface DataRow {
  key: string | number;
  cells: ReactNode[];
}

/**
 * A staff table: caption (read by screen readers), column headings, rows; on phones a card per row
 * with each cell labelled. `rowHeaders`: the first cell names the row (<th scope="row">).
 */
export function DataTable({
  caption,
  columns,
  rows,
  rowHeaders = false,
}: {
  caption: string;
  columns: DataColumn[];
  rows: DataRow[];
  rowHeaders?: boolean;
}) {
  return (
    <TableRegion label={caption}>
      <table className="table table--stack">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) =>
              column.label ? (
                <th key={i} scope="col">
                  {column.label}
                </th>
              ) : (
                <td key={i} />
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) => {
                const column = columns[i];
                const props = { className: column?.className, 'data-label': column?.label || undefined };
                return rowHeaders && i === 0 ? (
                  <th key={i} scope="row" {...props}>
                    {cell}
                  </th>
                ) : (
                  <td key={i} {...props}>
                    {cell}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
