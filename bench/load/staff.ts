/**
 * The staff's part of the mixed load, set up before it starts (not measured): the demo officers and
 * their supervisors signed in through the API, a draft plan each officer keeps saving, plans that
 * go round the workflow, and the carried-out plans that take action log entries.
 */
import { DEMO_PASSWORD, demoAccounts } from '../../src/demo/demo-data.js';
import type { PlanContent } from '../../src/modules/plans/model.js';
import { getJson, send, signIn, type Session } from './client.js';

/** A plan going round submit → approve or return → revise, one step at a time. */
export interface WorkflowPlan {
  id: string;
  officer: Session;
  supervisor: Session;
  status: string;
  /** Approvals and returns so far: every third decision is a return (mix.ts, nextPlanStep). */
  decisions: number;
  /** A step is on its way: the next one waits for its answer. */
  busy: boolean;
}

export interface Staff {
  /** Each officer's own draft, saved again and again. */
  drafts: { id: string; officer: Session; content: PlanContent }[];
  /** Plans being carried out whose log their officer may write, with how many actions they have. */
  logs: { id: string; officer: Session; actions: number }[];
  workflow: WorkflowPlan[];
}

/** A complete plan (it may be submitted) for a period far from the demo's, so no period overlaps. */
export function benchContent(period: { from: string; to: string }, note: string): PlanContent {
  return {
    threat: {
      category: 'fraud',
      places: 'Osiedle przy rynku',
      description: `Oszustwa metodą „na wnuczka” i „na policjanta” wobec seniorów (${note}).`,
      sources: ['residents', 'patrols'],
    },
    goal: {
      description: 'Mniej oszustw wobec seniorów dzięki spotkaniom i ulotkom.',
      indicator: null,
      baseline: null,
      target: null,
    },
    actions: [
      { description: 'Spotkania z seniorami w klubie osiedlowym', from: period.from, to: period.to, who: 'dzielnicowy', status: 'planned' },
      { description: 'Ulotki w skrzynkach pocztowych', from: period.from, to: period.to, who: 'dzielnicowy', status: 'planned' },
    ],
    partners: [],
    communication: ['Informacja na stronie komendy i na tablicach ogłoszeń'],
    signature: null,
  };
}

/** The k-th half-year from 2040: a district's bench plans never overlap each other or the demo's. */
export function benchPeriod(k: number): { from: string; to: string } {
  const year = 2040 + Math.floor(k / 2);
  return k % 2 ? { from: `${year}-07-01`, to: `${year}-12-31` } : { from: `${year}-01-01`, to: `${year}-06-30` };
}

async function createPlan(base: string, officer: Session, districtId: string, k: number): Promise<{ id: string; content: PlanContent }> {
  const period = benchPeriod(k);
  const content = benchContent(period, `plan ${k + 1}`);
  const answer = await send(base, {
    method: 'POST',
    path: '/api/v1/plans',
    session: officer,
    body: { districtId, periodFrom: period.from, periodTo: period.to, content },
  });
  if (answer.status !== 201) throw new Error(`creating a plan of ${districtId}: ${answer.status} ${JSON.stringify(answer.json)}`);
  return { id: (answer.json as { id: string }).id, content };
}

/**
 * Signs in every demo officer with a district and the supervisors of their units, and makes their
 * plans: one draft per officer, `workflowPlans` plans per officer who has a supervisor.
 */
export async function setUpStaff(base: string, workflowPlans: number): Promise<Staff> {
  const staff: Staff = { drafts: [], logs: [], workflow: [] };
  const officers = demoAccounts.filter((a) => a.role === 'officer' && a.district);
  let workstation = 0;
  const session = (login: string) => signIn(base, login, DEMO_PASSWORD, `192.168.50.${++workstation}`);
  const supervisors = new Map<string, Session>();
  for (const account of demoAccounts.filter((a) => a.role === 'supervisor')) supervisors.set(account.unitId, await session(account.login));

  for (const account of officers) {
    const districtId = account.district!;
    const officer = await session(account.login);
    let k = 0;
    const draft = await createPlan(base, officer, districtId, k++);
    staff.drafts.push({ id: draft.id, officer, content: draft.content });
    const supervisor = supervisors.get(account.unitId);
    for (let i = 0; supervisor && i < workflowPlans; i++) {
      const plan = await createPlan(base, officer, districtId, k++);
      staff.workflow.push({ id: plan.id, officer, supervisor, status: 'draft', decisions: 0, busy: false });
    }
    // The district's published plans whose action log this officer may write today.
    const { plans } = (await getJson(base, `/api/v1/plans?districtId=${encodeURIComponent(districtId)}`)).json as {
      plans: { id: string }[];
    };
    for (const { id } of plans) {
      const log = (await getJson(base, `/api/v1/plans/${id}/action-log`, officer)).json as { mayWrite?: boolean; actions?: unknown[] };
      if (log.mayWrite && log.actions?.length) staff.logs.push({ id, officer, actions: log.actions.length });
    }
  }
  if (!staff.drafts.length || !staff.logs.length || !staff.workflow.length) {
    throw new Error(
      `the demo data lacks staff work for the load: ${staff.drafts.length} drafts, ${staff.logs.length} action logs, ${staff.workflow.length} workflow plans`,
    );
  }
  return staff;
}
