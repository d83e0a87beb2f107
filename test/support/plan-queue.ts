/**
 * A unit full of plans for the staff queue (/admin/plans), and the queue as it was read before
 * (a list, then about seven queries for each plan), kept as the slow obvious path that the one
 * statement of `planQueue` is checked against (plan-queue.api.test.ts) and measured against (bench).
 */
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/database.js';
import type { Principal, Role } from '../../src/platform/auth/principal.js';
import { addDays, warsawToday } from '../../src/platform/i18n/calendar.js';
import { listDistrictChoices } from '../../src/modules/districts/repository.js';
import { districtsServedBy } from '../../src/modules/access/index.js';
import { emptyContent, planStatuses, type PlanStatus } from '../../src/modules/plans/model.js';
import { listPlans } from '../../src/modules/plans/repository.js';
import { planContext, workingView, type QueueEntry } from '../../src/modules/plans/read-plans.js';

export interface QueueUnit {
  /** The KPP full of plans, its KWP and a neighbouring KPP with plans of its own. */
  unitId: string;
  parentId: string;
  neighbourId: string;
  /** Staff of the units, by who they are to the plans. */
  people: Record<'supervisor' | 'commander' | 'neighbourSupervisor' | 'officer' | 'substitute' | 'admin', Principal>;
}

const person = (id: string, login: string, role: Role, unitId: string): Principal => ({
  accountId: id,
  login,
  displayName: login,
  role,
  unitId,
  unitName: unitId,
});

/**
 * `districts` districts with `plansPerDistrict` half-year plans each (every status, in turn, with
 * the dates each status implies, around today so that some deadlines are overdue). The officer
 * serves district 1 and the last district, which is retired; the substitute covers district 2
 * today. Rows are written in bulk, as a register import would leave them.
 */
export async function fillQueueUnit(db: Db, options: { districts: number; plansPerDistrict: number; prefix?: string }): Promise<QueueUnit> {
  const p = options.prefix ?? 'kolejka';
  const [unitId, parentId, neighbourId] = [`kpp-${p}`, `kwp-${p}`, `kpp-${p}-obok`];
  await sql`insert into units (id, kind, name) values ('kgp', 'KGP', 'Komenda Główna Policji') on conflict do nothing`.execute(db);
  await sql`insert into units (id, parent_id, kind, name) values
    (${parentId}, 'kgp', 'KWP', ${`KWP ${p}`}), (${unitId}, ${parentId}, 'KPP', ${`KPP ${p}`}), (${neighbourId}, ${parentId}, 'KPP', ${`KPP ${p} obok`})`.execute(
    db,
  );
  const neighbourDistricts = Math.max(2, Math.floor(options.districts / 10));
  for (const [unit, count] of [
    [unitId, options.districts],
    [neighbourId, neighbourDistricts],
  ] as const) {
    await sql`insert into districts (id, unit_id, number, name)
      select ${unit} || '/' || n, ${unit}, n, 'Rejon ' || n from generate_series(1, ${count}::int) n`.execute(db);
  }
  await sql`update districts set retired_at = now() where id = ${`${unitId}/${options.districts}`}`.execute(db);

  const accounts = [
    ['supervisor', 'supervisor', unitId],
    ['commander', 'commander', parentId],
    ['neighbourSupervisor', 'supervisor', neighbourId],
    ['officer', 'officer', unitId],
    ['substitute', 'officer', unitId],
    ['admin', 'admin', 'kgp'],
  ] as const;
  const people = {} as QueueUnit['people'];
  for (const [key, role, unit] of accounts) {
    const login = `${p}.${key.toLowerCase()}`;
    const row = await sql<{ id: string }>`insert into accounts (login, display_name, role, unit_id, password_hash)
      values (${login}, ${login}, ${role}, ${unit}, 'x') returning id`.execute(db);
    people[key] = person(row.rows[0]!.id, login, role, unit);
  }
  const today = warsawToday();
  const assign = async (account: Principal, districtNumber: number, kind: 'regular' | 'substitute', from: string, to: string | null) => {
    const officer = await sql<{ id: string }>`insert into officers (unit_id, rank, first_name, last_name, account_id)
      values (${unitId}, 'st. asp.', ${account.login}, 'Testowy', ${account.accountId})
      on conflict (account_id) do update set updated_at = now() returning id`.execute(db);
    await sql`insert into assignments (district_id, unit_id, officer_id, kind, starts_on, ends_on)
      values (${`${unitId}/${districtNumber}`}, ${unitId}, ${officer.rows[0]!.id}, ${kind}, ${from}, ${to})`.execute(db);
  };
  await assign(people.officer, 1, 'regular', '2020-01-01', null);
  await assign(people.officer, options.districts, 'regular', '2020-01-01', null);
  await assign(people.substitute, 2, 'substitute', addDays(today, -3), addDays(today, 3));

  // Half-years from about two years ago on; the status goes round the eight, district by district.
  const start = addDays(today, -184 * Math.ceil(options.plansPerDistrict / 2));
  await sql`
    insert into plans (district_id, unit_id, period_from, period_to, status, published_version, content,
                       submitted_at, approved_at, published_at, evaluated_at)
    select id, unit_id, period_from, period_from + 180, status,
      case when status in ('published', 'in_progress', 'evaluated', 'closed') then 1 end, ${JSON.stringify(emptyContent())}::jsonb,
      case when status <> 'draft' then period_from - 20 + number % 30 end,
      case when status in ('approved', 'published', 'in_progress', 'evaluated', 'closed') then period_from - 20 + number % 30 + number % 10 end,
      case when status in ('published', 'in_progress', 'evaluated', 'closed') then period_from - 15 + number % 30 + number % 10 end,
      case when status in ('evaluated', 'closed') then period_from + 185 end
    from (
      select d.id, d.unit_id, d.number, ${start}::date + 184 * j as period_from,
        (${[...planStatuses]}::text[])[1 + (d.number + j) % ${planStatuses.length}] as status
      from districts d cross join generate_series(0, ${options.plansPerDistrict - 1}::int) j
      where d.unit_id in (${unitId}, ${neighbourId})
    ) planned`.execute(db);
  await sql`analyze`.execute(db);
  return { unitId, parentId, neighbourId, people };
}

/** The queue as the route read it before `planQueue`: the list, then each plan's names and working view. */
export async function queueBefore(db: Db, principal: Principal, status?: PlanStatus): Promise<QueueEntry[]> {
  const served = principal.role === 'officer' ? await districtsServedBy(db, principal, warsawToday()) : null;
  const mine = served ? (await listDistrictChoices(db, { ids: served })).map((d) => d.id) : null;
  const { plans } = await listPlans(db, { subtreeOf: principal.unitId, statuses: status ? [status] : undefined, page: 1, pageSize: 500 });
  const visible = mine ? plans.filter((p) => mine.includes(p.districtId)) : plans;
  const rows = await Promise.all(
    visible.map(async (plan) => {
      const context = await planContext(db, plan);
      const working = await workingView(db, principal, plan);
      return {
        plan,
        districtName: context.districtName,
        unitName: context.unitName,
        overdue: working?.deadlines.filter((d) => d.overdue) ?? [],
      };
    }),
  );
  rows.sort(
    (a, b) =>
      b.overdue.length - a.overdue.length ||
      Number(b.plan.status === 'submitted') - Number(a.plan.status === 'submitted') ||
      b.plan.periodFrom.localeCompare(a.plan.periodFrom),
  );
  return rows;
}

/** `perDistrict` reports waiting in each district of the unit (new or verifying, made over three weeks), for the dashboard. */
export async function addOpenReports(db: Db, unitId: string, perDistrict: number): Promise<void> {
  await sql`insert into report_categories (id, name_pl, name_en) values ('kolejka', 'Kategoria kolejka', 'Category kolejka')
    on conflict do nothing`.execute(db);
  await sql`insert into reports (category_id, unit_id, district_id, address, status, created_at, verifying_since)
    select 'kolejka', d.unit_id, d.id, 'ul. Testowa ' || k, case when k % 2 = 0 then 'new' else 'verifying' end,
      now() - (k % 21) * interval '1 day', case when k % 2 = 1 then now() - (k % 7) * interval '1 day' end
    from districts d cross join generate_series(1, ${perDistrict}::int) k
    where d.unit_id = ${unitId}`.execute(db);
  await sql`analyze reports`.execute(db);
}
