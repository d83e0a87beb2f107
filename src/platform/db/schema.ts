import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Kysely's view of the tables in migrations/*.sql. Keep in step with the migrations. */
export interface DatabaseSchema {
  app_settings: AppSettingsTable;
  units: UnitsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AppSettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface UnitsTable {
  id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  created_at: Timestamp;
  retired_at: Date | null;
}

export interface AccountsTable {
  id: Generated<string>;
  login: string;
  display_name: string;
  email: string | null;
  role: string;
  unit_id: string;
  password_hash: string;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  account_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: string | null;
  before: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  after: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  ip: string | null;
  request_id: string | null;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Timestamp;
}
