/**
 * Issue 16: a mixed load at a fixed rate on two instances of the built app over one new database
 * of the PostgreSQL server with the demo data; per route the error rate and p50/p95/p99, each
 * instance's resident memory after the warm-up and at the end against a stated bound, and
 * afterwards every acknowledged write looked up in the database. `BENCH_ONLY=load npm run bench`
 * or `npm run bench:load`; LOAD_SECONDS (600), LOAD_RATE (requests/s, 40), LOAD_WARMUP_SECONDS (30).
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { openDatabase } from '../src/platform/db/database.js';
import { fmt, mainScript, reportIndexReady, start, withServerDatabase, type Started } from './harness.js';
import { send, type Answer } from './load/client.js';
import { dueAt, dueBy, instanceOf, loadMix, memoryBoundText, mixCycle, mixTotal, withinMemoryBound } from './load/mix.js';
import { setUpStaff } from './load/staff.js';
import { readTargets } from './load/targets.js';
import { Recorder, Traffic, type RouteRecord } from './load/traffic.js';
import { checkWrites, type WriteCheck } from './load/writes.js';
import { latencies, type Latencies } from './load/mix.js';

const loadSeconds = Number(process.env.LOAD_SECONDS ?? 600);
const rate = Number(process.env.LOAD_RATE ?? 40);
const warmupSeconds = Number(process.env.LOAD_WARMUP_SECONDS ?? 30);
const instanceCount = 2;
const workflowPlansPerOfficer = 3;

/** Resident memory of a process (VmRSS), in kB; null once it has exited (a crash under load is a result, not the bench's end). */
function rssKb(pid: number): number | null {
  if (!existsSync(`/proc/${pid}/status`)) return null;
  const line = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return line ? Number(line[1]) : null;
}

interface Memory {
  startKb: number;
  /** Null: the instance had exited by the end. */
  endKb: number | null;
  peakKb: number;
}

const boundHeld = (m: Memory) => m.endKb !== null && withinMemoryBound(m.startKb, m.endKb);

interface Run {
  routes: (RouteRecord & Latencies)[];
  all: RouteRecord & Latencies;
  instances: (RouteRecord & Latencies)[];
  skipped: number;
  /** How late the client sent requests after they were due (its own lag on a busy machine). */
  sendLag: Latencies;
  memory: Memory[];
  writes: WriteCheck;
  seconds: number;
}

async function runLoad(databaseUrl: string): Promise<Run> {
  const env = {
    DATABASE_URL: databaseUrl,
    DEMO_DATA: 'true',
    RETENTION_JOB: 'false',
    REMINDER_JOB: 'false',
    // The bench is the reverse proxy: it tells each resident's address, so per-address limits hold per resident.
    TRUST_PROXY: '1',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
  };
  // One after the other: the first migrates and loads the demo data, the second finds them there.
  const servers: Started[] = [];
  try {
    for (let i = 0; i < instanceCount; i++) servers.push(await start([mainScript], env));
    for (const server of servers) await reportIndexReady(server.url, 120_000);
    const base = servers[0]!.url;
    const targets = await readTargets(base);
    const staff = await setUpStaff(base, workflowPlansPerOfficer);
    console.log(
      `load: ${targets.addresses.length} addresses, ${targets.points.length} points, ${staff.workflow.length} workflow plans, ${staff.drafts.length} drafts, ${staff.logs.length} action logs`,
    );

    const traffic = new Traffic(targets, staff, base);
    const cycle = mixCycle(loadMix);
    const inFlight = new Set<Promise<void>>();
    let recorder: Recorder | null = null;
    let byInstance: Recorder | null = null;
    let skipped = 0;
    const sendLag: number[] = [];
    const fire = (n: number, due: number) => {
      if (recorder) sendLag.push(performance.now() - due);
      const call = traffic.call(cycle[n % cycle.length]!, n);
      if (!call) {
        if (recorder) skipped++;
        return;
      }
      const instance = instanceOf(n, instanceCount, cycle.length);
      const done = (async () => {
        let failure: string | null = null;
        let answer: Answer | null = null;
        try {
          answer = await send(servers[instance]!.url, call.request);
        } catch (error) {
          const name = (error as Error).name;
          failure = name === 'TimeoutError' ? 'timeout' : name === 'SyntaxError' ? 'bad answer' : 'network';
        }
        if (answer && answer.status !== call.expect) failure = String(answer.status);
        else if (answer) {
          try {
            call.answered?.(answer);
          } catch {
            failure = 'bad answer'; // the expected status without what it should carry (an id)
          }
        }
        const ms = performance.now() - due;
        recorder?.record(call.route, ms, failure);
        byInstance?.record(`instance ${instance + 1}`, ms, failure);
        await call.settled?.(failure === null);
      })();
      inFlight.add(done);
      void done.finally(() => inFlight.delete(done));
    };
    let sent = 0;
    const drive = async (seconds: number) => {
      const count = Math.round(seconds * rate);
      const t0 = performance.now();
      for (let i = 0; i < count;) {
        for (const due = Math.min(count, dueBy(performance.now() - t0, rate)); i < due; i++) fire(sent + i, t0 + dueAt(i, rate));
        const wait = t0 + dueAt(i, rate) - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      sent += count;
    };

    console.log(`load: warm-up ${warmupSeconds} s at ${rate}/s`);
    await drive(warmupSeconds);
    await Promise.all(inFlight);
    const memory: Memory[] = servers.map((s) => {
      const kb = rssKb(s.pid);
      if (kb === null) throw new Error(`instance ${s.url} exited during the warm-up`);
      return { startKb: kb, endKb: kb, peakKb: kb };
    });
    const sample = setInterval(() => servers.forEach((s, i) => (memory[i]!.peakKb = Math.max(memory[i]!.peakKb, rssKb(s.pid) ?? 0))), 5000);
    recorder = new Recorder();
    byInstance = new Recorder();
    console.log(`load: ${loadSeconds} s at ${rate}/s`);
    const measured = performance.now();
    await drive(loadSeconds);
    await Promise.all(inFlight);
    const seconds = (performance.now() - measured) / 1000;
    clearInterval(sample);
    servers.forEach((s, i) => {
      memory[i]!.endKb = rssKb(s.pid);
      memory[i]!.peakKb = Math.max(memory[i]!.peakKb, memory[i]!.endKb ?? 0);
    });
    for (const server of servers.splice(0)) await server.stop();

    const database = await openDatabase({ kind: 'postgres', url: databaseUrl });
    const writes = await checkWrites(database.db, traffic.acknowledged).finally(() => database.close());
    return {
      routes: recorder.rows(),
      all: recorder.all(),
      instances: byInstance.rows(),
      skipped,
      sendLag: latencies(sendLag),
      memory,
      writes,
      seconds,
    };
  } finally {
    for (const server of servers) await server.stop();
  }
}

const ms = (n: number) => (Number.isNaN(n) ? '–' : n.toFixed(1));
const mb = (kb: number | null) => (kb === null ? 'exited' : `${(kb / 1024).toFixed(0)} MB`);
const percent = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(2)} %` : '–');
const failuresText = (failures: Map<string, number>) =>
  [...failures]
    .sort((a, b) => b[1] - a[1])
    .map(([what, n]) => `${what} ×${fmt(n)}`)
    .join(', ');

function routeRow(r: RouteRecord & Latencies, bold = false): string {
  const name = bold ? `**${r.route}**` : r.route;
  const failures = r.errors ? ` (${failuresText(r.failures)})` : '';
  return `| ${name} | ${fmt(r.count)} | ${fmt(r.errors)}${failures} | ${percent(r.errors, r.count)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} |`;
}

function report(run: Run): string {
  const total = mixTotal(loadMix);
  const lost = run.writes.counts.reduce((sum, c) => sum + c.lost, 0);
  const acknowledged = run.writes.counts.reduce((sum, c) => sum + c.acknowledged, 0);
  const reports = run.writes.counts.find((c) => c.kind === 'report')!;
  const memoryHeld = run.memory.every(boundHeld);
  const header =
    '| route | requests | errors | error rate | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |\n|---|---|---|---|---|---|---|---|';
  return `## Mixed load on two instances

${rate} requests/s for ${fmt(loadSeconds)} s (measured ${run.seconds.toFixed(1)} s to the last answer), after ${warmupSeconds} s of
warm-up at the same rate that is not counted; round robin over two instances of \`node dist/src/main.js\`
on one new database of the PostgreSQL server with the demo data. Node.js ${process.version}, ${os.availableParallelism()} cores,
${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM; the load client, both instances and PostgreSQL share the machine.

An open loop: request i is sent i / rate seconds after the start whatever the earlier answers did, and
its latency counts from then, so a slow answer cannot hold the load back and hide itself (no coordinated
omission). Latencies include the requests that failed. Each resident request comes from its own address
(X-Forwarded-For, \`TRUST_PROXY=1\`, report limit raised); staff are the demo officers and supervisors,
signed in through the API and sending the CSRF token. Bench plans have periods from 2040 on.

| kind | share | what |
|---|---|---|
${loadMix.map((e) => `| ${e.kind} | ${percent(e.weight, total)} | ${e.what} |`).join('\n')}

### Per route

${header}
${run.routes.map((r) => routeRow(r)).join('\n')}
${routeRow(run.all, true)}

Per instance:

${header}
${run.instances.map((r) => routeRow(r)).join('\n')}

The client sent requests late by p50 ${ms(run.sendLag.p50)} ms, p99 ${ms(run.sendLag.p99)} ms, max ${ms(run.sendLag.max)} ms
(its own lag, part of every latency above).
${run.skipped ? `Workflow steps not sent because every bench plan had a step on its way: ${fmt(run.skipped)}.` : 'Every workflow step found a plan without a step on its way.'}

### Memory of each instance (VmRSS)

| instance | after warm-up | end | peak (sampled every 5 s) | ${memoryBoundText} |
|---|---|---|---|---|
${run.memory.map((m, i) => `| ${i + 1} | ${mb(m.startKb)} | ${mb(m.endKb)} | ${mb(m.peakKb)} | ${m.endKb === null ? '**exited**' : boundHeld(m) ? 'held' : '**exceeded**'} |`).join('\n')}

The bound ${memoryHeld ? 'held on both instances' : '**did not hold**'}.

### Writes counted afterwards

Every write answered as done (warm-up included) is looked up once both instances have stopped: its row
(the report, the log entry, the plan's events per transition) and its audit row by the request id the
answer carried.

| write | acknowledged | found with its audit row | lost |
|---|---|---|---|
${run.writes.counts.map((c) => `| ${c.kind} | ${fmt(c.acknowledged)} | ${fmt(c.found)} | ${fmt(c.lost)} |`).join('\n')}

${lost === 0 ? `None of the ${fmt(acknowledged)} acknowledged writes was lost.` : `**${fmt(lost)} of ${fmt(acknowledged)} acknowledged writes were lost.**`}
Reports held for review by the district flood limits (stored, not yet public): ${fmt(run.writes.heldReports)} of ${fmt(reports.acknowledged)}.
Workflow plans whose stored status is the one their last answered step gave: ${run.writes.plansAsAnswered} of ${run.writes.plans}.`;
}

export async function mixedLoadBenchmark(): Promise<string> {
  const run = await withServerDatabase(runLoad, `dz_load_${Date.now()}`);
  const lost = run.writes.counts.reduce((sum, c) => sum + c.lost, 0);
  console.log(
    `load: ${fmt(run.all.count)} requests, ${fmt(run.all.errors)} errors, p50 ${ms(run.all.p50)} ms, p99 ${ms(run.all.p99)} ms; ` +
      `RSS ${run.memory.map((m) => `${mb(m.startKb)} → ${mb(m.endKb)}`).join(', ')}; lost writes: ${lost}`,
  );
  return report(run);
}
