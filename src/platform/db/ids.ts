/**
 * Whether a value can be a uuid column's value. Repositories ask before querying by an id from a
 * path: PostgreSQL refuses a malformed uuid with an error, and a malformed id is simply "not found".
 */
export const isUuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
