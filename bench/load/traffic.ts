/**
 * The requests of the mixed load: for each kind of the mix, the n-th request (which address, page,
 * viewport or plan; seeded, so runs repeat), the status that counts as answered, and what an
 * answered write leaves for the check afterwards. Also the record of every answer per route.
 */
import { entryKinds } from '../../src/modules/plans/action-log/rules.js';
import { random } from '../../test/support/synthetic-districts.js';
import { send, type Answer, type Request } from './client.js';
import { latencies, nextPlanStep, type Latencies, type RequestKind } from './mix.js';
import type { Staff, WorkflowPlan } from './staff.js';
import type { Targets } from './targets.js';
import type { Acknowledged } from './writes.js';

export interface Call {
  /** The row of the results table. */
  route: string;
  request: Request;
  /** The answer that counts as a success; anything else (or none) is an error. */
  expect: number;
  /** After an answer with the expected status. */
  answered?: (answer: Answer) => void;
  /** After any outcome (a workflow plan is free for its next step). */
  settled?: (ok: boolean) => Promise<void>;
}

/** Each resident request from its own address, as many residents behind one proxy: per-address limits stay out of the measurement. */
export const residentAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

export class Traffic {
  private readonly rand = random(61);
  private nextPlan = 0;
  /** Every write answered as done, for the check afterwards. */
  readonly acknowledged: Acknowledged[] = [];

  constructor(
    private readonly targets: Targets,
    private readonly staff: Staff,
    /** Where a plan's status is read again after a failed step. */
    private readonly base: string,
  ) {}

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]!;
  }

  private acknowledge(kind: Acknowledged['kind'], id: string, extra: Partial<Acknowledged> = {}) {
    return (answer: Answer) => this.acknowledged.push({ kind, id, requestId: answer.requestId ?? '', ...extra });
  }

  /** The n-th request of the run, of `kind`; null when every workflow plan already has a step on its way. */
  call(kind: RequestKind, n: number): Call | null {
    const address = residentAddress(n);
    const get = (route: string, path: string, html = false): Call => ({ route, request: { path, address, html }, expect: 200 });
    const t = this.targets;
    switch (kind) {
      case 'locate-address':
        return get('GET /api/v1/locate?address=…', `/api/v1/locate?address=${encodeURIComponent(this.pick(t.addresses))}`);
      case 'locate-point': {
        const [lon, lat] = this.pick(t.points);
        return get('GET /api/v1/locate?lat=…&lon=…', `/api/v1/locate?lat=${lat}&lon=${lon}`);
      }
      case 'page-home':
        return get('GET / (home page)', '/', true);
      case 'page-district':
        return get('GET /rejony/:unit/:number (district page)', this.pick(t.districtPages), true);
      case 'page-plan':
        return get('GET /plany/:id (plan page)', this.pick(t.planPages), true);
      case 'page-unit':
        return get('GET /jednostki/:id (unit page)', this.pick(t.unitPages), true);
      case 'map':
        return get('GET /api/v1/reports/map?bbox=…&zoom=…', `/api/v1/reports/map?${this.pick(t.viewports)}`);
      case 'report':
        return this.report(n, address);
      case 'plan-edit': {
        const draft = this.pick(this.staff.drafts);
        const threat = { ...draft.content.threat, description: `${draft.content.threat.description} Zapis nr ${n}.` };
        return {
          route: 'PATCH /api/v1/plans/:id (save a draft)',
          request: {
            method: 'PATCH',
            path: `/api/v1/plans/${draft.id}`,
            session: draft.officer,
            body: { content: { ...draft.content, threat } },
          },
          expect: 200,
          answered: this.acknowledge('plan-edit', draft.id),
        };
      }
      case 'log-entry': {
        const log = this.pick(this.staff.logs);
        return {
          route: 'POST /api/v1/plans/:id/action-log',
          request: {
            method: 'POST',
            path: `/api/v1/plans/${log.id}/action-log`,
            session: log.officer,
            body: { actionIndex: n % log.actions, kind: this.pick(entryKinds), place: 'Rynek', note: `Wpis nr ${n}` },
          },
          expect: 201,
          answered: (answer) => this.acknowledge('log-entry', (answer.json as { id: string }).id)(answer),
        };
      }
      case 'workflow':
        return this.workflowStep();
    }
  }

  private report(n: number, address: string): Call {
    const category = this.pick(this.targets.categories);
    const description = `Zgłoszenie z testu obciążenia nr ${n}`;
    // Two in three by a point on the map, the others by a typed address.
    let body: Record<string, unknown>;
    if (n % 3) {
      const [lon, lat] = this.pick(this.targets.points);
      body = { category, lat, lon, description };
    } else body = { category, address: this.pick(this.targets.addresses), description };
    return {
      route: 'POST /api/v1/reports',
      request: { method: 'POST', path: '/api/v1/reports', address, body },
      expect: 201,
      answered: (answer) => this.acknowledge('report', String((answer.json as { id: number }).id))(answer),
    };
  }

  /** The next step of the next plan without one on its way. */
  private workflowStep(): Call | null {
    const plans = this.staff.workflow;
    for (let tried = 0; tried < plans.length; tried++) {
      const plan = plans[this.nextPlan++ % plans.length]!;
      const step = !plan.busy && nextPlanStep(plan.status, plan.decisions);
      if (!step) continue;
      plan.busy = true;
      const body =
        step.transition === 'return'
          ? { transition: 'return', comments: [{ section: 'actions', text: 'Proszę podać miejsca spotkań z seniorami.' }] }
          : { transition: step.transition };
      return {
        route: `POST /api/v1/plans/:id/transitions (${step.transition})`,
        request: {
          method: 'POST',
          path: `/api/v1/plans/${plan.id}/transitions`,
          session: step.by === 'officer' ? plan.officer : plan.supervisor,
          body,
        },
        expect: 200,
        answered: (answer) => {
          plan.status = (answer.json as { status: string }).status;
          if (step.transition === 'approve' || step.transition === 'return') plan.decisions++;
          this.acknowledge('workflow', plan.id, { transition: step.transition, status: plan.status })(answer);
        },
        settled: async (ok) => {
          if (!ok) await resync(this.base, plan);
          plan.busy = false;
        },
      };
    }
    return null;
  }
}

/** After a failed step the plan's status is read again, so the loop goes on from where it is. */
async function resync(base: string, plan: WorkflowPlan): Promise<void> {
  try {
    const answer = await send(base, { path: `/api/v1/plans/${plan.id}`, session: plan.officer });
    const working = (answer.json as { working?: { status: string } | null }).working;
    if (working) plan.status = working.status;
  } catch {
    // The next step's answer (409) will tell.
  }
}

export interface RouteRecord {
  route: string;
  latencies: number[];
  errors: number;
  /** Each kind of error and how often: a status ("500") or "timeout" / "network". */
  failures: Map<string, number>;
}

/** Every answer of the measured phase, per route; latency from the moment the request was due. */
export class Recorder {
  readonly routes = new Map<string, RouteRecord>();
  /** Requests not sent because every workflow plan had a step on its way. */
  skipped = 0;

  record(route: string, ms: number, failure: string | null): void {
    let record = this.routes.get(route);
    if (!record) this.routes.set(route, (record = { route, latencies: [], errors: 0, failures: new Map() }));
    record.latencies.push(ms);
    if (failure) {
      record.errors++;
      record.failures.set(failure, (record.failures.get(failure) ?? 0) + 1);
    }
  }

  rows(): (RouteRecord & Latencies)[] {
    return [...this.routes.values()].sort((a, b) => a.route.localeCompare(b.route)).map((r) => ({ ...r, ...latencies(r.latencies) }));
  }

  all(): RouteRecord & Latencies {
    const rows = [...this.routes.values()];
    const failures = new Map<string, number>();
    for (const r of rows) for (const [what, n] of r.failures) failures.set(what, (failures.get(what) ?? 0) + n);
    const all = rows.flatMap((r) => r.latencies);
    return { route: 'all', latencies: all, errors: rows.reduce((s, r) => s + r.errors, 0), failures, ...latencies(all) };
  }
}
