/** One field that differs between the before and after images of an audited row. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

// Bookkeeping columns that change with every edit and say nothing by themselves.
const noise = new Set(['updated_at']);

/** The fields an audit entry changed, in a stable order; for inserts and deletes, every field. */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys
    .filter((key) => !noise.has(key))
    // Secret columns are logged as 'hidden' → 'unchanged' | 'changed' (see audit_row_change).
    .filter((key) => !(before?.[key] === 'hidden' && after?.[key] === 'unchanged'))
    .filter((key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]))
    .map((key) => ({ field: key, before: before?.[key], after: after?.[key] }));
}

/** A value as short readable text for the audit view. */
export function displayValue(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '∅';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
