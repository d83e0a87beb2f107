import type { PageContext } from '../../platform/render/page-context.js';
import { Layout } from '../../platform/render/layout.js';
import { Pagination, SelectField, TableRegion, TextField } from '../../platform/render/components.js';
import { formatDateTime, formatNumber } from '../../platform/i18n/i18n.js';
import { auditMessages } from './messages.js';
import type { AuditEntry } from './repository.js';
import type { AuditFilterInput } from './query.js';
import { changedFields, displayValue } from './changes.js';
import { auditAction, auditEntityType, auditFieldName, auditValue } from './words.js';

function Secret({ value, ctx }: { value: unknown; ctx: PageContext }) {
  const m = auditMessages[ctx.lang];
  const text =
    value === 'changed' ? m.secretChanged : value === 'unchanged' ? m.secretUnchanged : value === 'hidden' ? m.secretHidden : displayValue(value);
  return <>{text}</>;
}

function Changes({ entry, ctx }: { entry: AuditEntry; ctx: PageContext }) {
  const m = auditMessages[ctx.lang];
  const changes = changedFields(entry.before, entry.after);
  if (changes.length === 0) return null;
  const secret = (field: string) => field.includes('password') || field.includes('secret');
  return (
    <details className="details">
      <summary>
        {m.details} ({changes.length})
      </summary>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{m.field}</th>
            {entry.before && <th scope="col">{m.before}</th>}
            {entry.after && <th scope="col">{m.after}</th>}
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field}>
              <th scope="row">{auditFieldName(entry.entityType, change.field, ctx.lang) ?? <code>{change.field}</code>}</th>
              {entry.before && <td>{secret(change.field) ? <Secret value={change.before} ctx={ctx} /> : auditValue(entry.entityType, change.field, change.before, ctx.lang)}</td>}
              {entry.after && <td>{secret(change.field) ? <Secret value={change.after} ctx={ctx} /> : auditValue(entry.entityType, change.field, change.after, ctx.lang)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function AuditLogPage({
  ctx,
  entries,
  total,
  page,
  pageCount,
  filter,
  entityTypes,
  actions,
}: {
  ctx: PageContext;
  entries: AuditEntry[];
  total: number;
  page: number;
  pageCount: number;
  filter: AuditFilterInput;
  entityTypes: string[];
  actions: string[];
}) {
  const m = auditMessages[ctx.lang];
  const params = Object.entries(filter).filter(([key, value]) => key !== 'page' && key !== 'pageSize' && value) as [string, string][];
  const hrefFor = (target: number) => `/admin/audit?${new URLSearchParams([...params, ['page', String(target)]]).toString()}`;
  return (
    <Layout ctx={ctx} title={m.title}>
      <h1>{m.title}</h1>
      <p className="lead">{m.lead}</p>
      <form method="get" action="/admin/audit" className="filters" role="search">
        <SelectField
          name="entityType"
          label={m.entityType}
          value={filter.entityType}
          placeholder={m.anyType}
          options={entityTypes.map((type) => ({ value: type, label: auditEntityType(type, ctx.lang) }))}
        />
        <SelectField
          name="action"
          label={m.action}
          value={filter.action}
          placeholder={m.anyAction}
          options={actions.map((action) => ({ value: action, label: auditAction(action, ctx.lang) }))}
        />
        <TextField name="actor" label={m.actor} value={filter.actor} width="short" spellCheck={false} />
        <TextField name="entityId" label={m.entityId} value={filter.entityId} width="medium" spellCheck={false} />
        <TextField name="from" label={m.from} type="date" value={filter.from} width="short" />
        <TextField name="to" label={m.to} type="date" value={filter.to} width="short" />
        <div className="filters__actions">
          <button type="submit" className="button button--secondary">
            {m.filter}
          </button>
          <a href="/admin/audit">{m.clear}</a>
        </div>
      </form>
      <p role="status">{m.count(formatNumber(total, ctx.lang))}</p>
      {entries.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <TableRegion label={m.title}>
          <table className="table table--stack">
            <caption className="visually-hidden">{m.title}</caption>
            <thead>
              <tr>
                <th scope="col">{m.when}</th>
                <th scope="col">{m.who}</th>
                <th scope="col">{m.action}</th>
                <th scope="col">{m.record}</th>
                <th scope="col">{m.changes}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap" data-label={m.when}>{formatDateTime(entry.at, ctx.lang)}</td>
                  <td data-label={m.who}>
                    {entry.actorLabel}
                    {entry.ip && (
                      <span className="muted small">
                        <br />
                        {m.ip}: {entry.ip}
                      </span>
                    )}
                  </td>
                  <td data-label={m.action}>{auditAction(entry.action, ctx.lang)}</td>
                  <td data-label={m.record}>
                    {auditEntityType(entry.entityType, ctx.lang)}
                    {entry.entityId && (
                      <>
                        {' '}
                        <a href={`/admin/audit?entityType=${encodeURIComponent(entry.entityType)}&entityId=${encodeURIComponent(entry.entityId)}`}>
                          <code>{entry.entityId.length > 12 ? `${entry.entityId.slice(0, 8)}…` : entry.entityId}</code>
                        </a>
                      </>
                    )}
                  </td>
                  <td data-label={m.changes}>
                    <Changes entry={entry} ctx={ctx} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination lang={ctx.lang} page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </Layout>
  );
}
