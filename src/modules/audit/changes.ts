/** One field that differs between the before and after images of an audited row. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

// Bookkeeping columns that change with every edit and say nothing by themselves.
const noise = new Set(['updated_at']);

/**
 * Columns the database derives from others (a plan's search words and their index vector are
 * computed from its content on every save): they are not changes a person made, and their values
 * are index dumps no reader can use. The change itself shows in the column they come from.
 */
const derivedColumns = new Set(['search_stems', 'search_vector']);

/**
 * The markers audit_row_change writes in place of secret columns (see migrations 0001 and 0011),
 * and "erased" from the retention job. Shown as words, never as these codes.
 */
export const secretMarkers = ['hidden', 'changed', 'unchanged', 'erased'] as const;
export type SecretMarker = (typeof secretMarkers)[number];

export function isSecretMarker(value: unknown): value is SecretMarker {
  return (secretMarkers as readonly unknown[]).includes(value);
}

/** The top-level parts of two JSON objects (a plan's content) whose values differ, in a stable order. */
export function changedParts(before: unknown, after: unknown): string[] {
  const object = (value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const [a, b] = [object(before), object(after)];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/** The fields an audit entry changed, in a stable order; for inserts and deletes, every field. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return (
    keys
      .filter((key) => !noise.has(key) && !derivedColumns.has(key))
      // Secret columns are logged as 'hidden' → 'unchanged' | 'changed' (see audit_row_change).
      .filter((key) => !(before?.[key] === 'hidden' && after?.[key] === 'unchanged'))
      .filter((key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]))
      .map((key) => ({ field: key, before: before?.[key], after: after?.[key] }))
  );
}

/** A value as short readable text for the audit view. */
export function displayValue(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return '∅';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
