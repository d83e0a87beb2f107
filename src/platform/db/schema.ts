import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Kysely's view of the tables in migrations/*.sql. Keep in step with the migrations. */
export interface DatabaseSchema {
  app_settings: AppSettingsTable;
  units: UnitsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
  districts: DistrictsTable;
  officers: OfficersTable;
  assignments: AssignmentsTable;
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  plan_events: PlanEventsTable;
  plan_partners: PlanPartnersTable;
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
  street: string | null;
  postal_code: string | null;
  locality: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  opening_hours: string | null;
  lat: number | null;
  lon: number | null;
  area_polygon: ColumnType<unknown, string | null, string | null>;
  updated_at: Timestamp;
}

export interface DistrictsTable {
  id: string;
  unit_id: string;
  number: number;
  name: string;
  phone: string | null;
  email: string | null;
  area_rules: JSONColumnType<unknown[], string, string>;
  area_polygon: ColumnType<unknown, string | null, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  retired_at: Date | null;
}

export interface OfficersTable {
  id: Generated<string>;
  unit_id: string;
  rank: string;
  first_name: string;
  last_name: string;
  position: Generated<string>;
  account_id: string | null;
  demo: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  retired_at: Date | null;
}

export interface AssignmentsTable {
  id: Generated<string>;
  district_id: string;
  unit_id: string;
  officer_id: string;
  kind: string;
  /** A calendar day, YYYY-MM-DD (date columns are read as text; see database.ts). */
  starts_on: string;
  ends_on: string | null;
  created_at: Timestamp;
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

export interface PlansTable {
  id: Generated<string>;
  district_id: string;
  unit_id: string;
  period_from: string;
  period_to: string;
  status: string;
  version: Generated<number>;
  published_version: number | null;
  content: ColumnType<unknown, string, string>;
  threat_category: string | null;
  previous_plan_id: string | null;
  evaluation: ColumnType<unknown, string | null, string | null>;
  search_stems: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Date | null;
  approved_at: Date | null;
  published_at: Date | null;
  evaluated_at: Date | null;
}

export interface PlanVersionsTable {
  plan_id: string;
  version: number;
  period_from: string;
  period_to: string;
  content: ColumnType<unknown, string, string>;
  submitted_at: Timestamp;
  submitted_by: string;
  decision: string | null;
  comments: ColumnType<unknown, string | undefined, string>;
  decided_at: Date | null;
  decided_by: string | null;
}

export interface PlanEventsTable {
  id: Generated<number>;
  plan_id: string;
  at: Timestamp;
  actor_label: string;
  transition: string;
  from_status: string | null;
  to_status: string;
  version: number;
  note: string | null;
}

export interface PlanPartnersTable {
  unit_id: string;
  name: string;
  last_tasks: string;
  used_at: Timestamp;
}
