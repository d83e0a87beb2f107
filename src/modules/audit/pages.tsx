import type { PageContext } from '../../platform/render/page-context.js';
import { Layout } from '../../platform/render/layout.js';
import { DataTable, Pagination, SelectField, TableRegion, TextField } from '../../platform/render/components.js';
import { formatDateTime, formatNumber } from '../../platform/i18n/i18n.js';
import { auditMessages } from './messages.js';
import type { AuditEntry } from './repository.js';
import type { AuditFilterInput } from './query.js';
import { changedFields } from './changes.js';
import { auditAction, auditEntityType, auditFieldName, auditRecordId, auditValue, planContentChange, type AuditNames } from './words.js';
import { actorName } from '../../platform/render/messages.js';

/** A record's id as the record column shows it: a category by its name, a long id shortened. */
function recordId(entry: AuditEntry, names: AuditNames, ctx: PageContext): { text: string; isName: boolean } | null {
  if (!entry.entityId) return null;
  const name = auditRecordId(entry.entityType, entry.entityId, names, ctx.lang, entry.unitId);
  if (name) return { text: name, isName: true };
  return { text: entry.entityId.length > 12 ? `${entry.entityId.slice(0, 8)}…` : entry.entityId, isName: false };
}

function RecordId({ entry, names, ctx }: { entry: AuditEntry; names: AuditNames; ctx: PageContext }) {
  const id = recordId(entry, names, ctx);
  if (!id) return null;
  return id.isName ? <>{id.text}</> : <code>{id.text}</code>;
}

function Changes({ entry, names, ctx }: { entry: AuditEntry; names: AuditNames; ctx: PageContext }) {
  const m = auditMessages[ctx.lang];
  const changes = changedFields(entry.before, entry.after);
  if (changes.length === 0) return null;
  const value = (field: string, v: unknown) => auditValue(entry.entityType, field, v, ctx.lang, names);
  // A plan's content is one JSON column: an edit names the parts it changed ("Cel, Działania").
  const afterValue = (field: string, before: unknown, after: unknown) =>
    entry.entityType === 'plans' && field === 'content' && entry.before && entry.after
      ? planContentChange(before, after, ctx.lang)
      : value(field, after);
  // Each entry's table is its own scroll region, named after its entry (its number too: one record
  // can change twice in a minute) so that a list of regions tells them apart.
  const id = recordId(entry, names, ctx);
  const region = m.nestedRegion(
    `${auditEntityType(entry.entityType, ctx.lang)}${id ? ` ${id.text}` : ''}`,
    auditAction(entry.action, ctx.lang),
    formatDateTime(entry.at, ctx.lang),
    String(entry.id),
  );
  return (
    <details className="details">
      <summary>
        {m.details} ({changes.length})
      </summary>
      <TableRegion label={region}>
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
                {entry.before && <td>{value(change.field, change.before)}</td>}
                {entry.after && <td>{afterValue(change.field, change.before, change.after)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
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
  names,
}: {
  ctx: PageContext;
  entries: AuditEntry[];
  total: number;
  page: number;
  pageCount: number;
  filter: AuditFilterInput;
  entityTypes: string[];
  actions: string[];
  names: AuditNames;
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
        <DataTable
          caption={m.title}
          columns={[
            { label: m.when, className: 'nowrap' },
            { label: m.who },
            { label: m.action },
            { label: m.record },
            { label: m.changes },
          ]}
          rows={entries.map((entry) => ({
            key: entry.id,
            cells: [
              formatDateTime(entry.at, ctx.lang),
              <>
                {actorName(entry.actorLabel, ctx.lang)}
                {entry.ip && (
                  <span className="muted small">
                    <br />
                    {m.ip}: {entry.ip}
                  </span>
                )}
              </>,
              auditAction(entry.action, ctx.lang),
              <>
                {auditEntityType(entry.entityType, ctx.lang)}
                {entry.entityId && (
                  <>
                    {' '}
                    <a
                      href={`/admin/audit?entityType=${encodeURIComponent(entry.entityType)}&entityId=${encodeURIComponent(entry.entityId)}`}
                    >
                      <RecordId entry={entry} names={names} ctx={ctx} />
                    </a>
                  </>
                )}
              </>,
              <Changes entry={entry} names={names} ctx={ctx} />,
            ],
          }))}
        />
      )}
      <Pagination lang={ctx.lang} page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </Layout>
  );
}
