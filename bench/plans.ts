/**
 * Benchmarks of priority action plans: parsing documents, rendering PDF and DOCX, the public plan
 * page over HTTP against /health of the same server, and Polish full-text search over 100,000
 * plans on both database back ends.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { sql } from 'kysely';
import path from 'node:path';
import { projectRoot } from '../src/platform/config/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import type { DatabaseTarget } from '../src/platform/config/config.js';
import { migrate } from '../src/platform/db/migrate.js';
import { inTransaction, systemActor } from '../src/platform/audit/actor.js';
import { parsePlan } from '../src/modules/plans/import/parse-plan.js';
import { contentFromParsed } from '../src/modules/plans/import/import-plan.js';
import { planDocument } from '../src/modules/plans/publication/document.js';
import { planPdf } from '../src/modules/plans/publication/render-pdf.js';
import { planDocx } from '../src/modules/plans/publication/render-docx.js';
import { listPlans } from '../src/modules/plans/repository.js';
import { planSearchText, searchQuery, stems } from '../src/modules/plans/search/stems.js';
import { random } from '../test/support/synthetic-districts.js';
import type { PlanContent } from '../src/modules/plans/model.js';
import { generateNationalRegister } from './national-register.js';
import { writeRegister } from './load-register.js';
import {
  connections,
  durationSeconds,
  fmt,
  load,
  mainScript,
  percentile,
  start,
  tempDir,
  onEmbeddedDatabase,
  onServerDatabase,
  type Backend,
  type Load,
} from './harness.js';

const seeds = readdirSync(path.join(projectRoot, 'resources', 'seeds'))
  .filter((f) => /^00[0-3]_/.test(f))
  .map((f) => readFileSync(path.join(projectRoot, 'resources', 'seeds', f), 'utf8'));

export function parseBenchmark(seconds = 3): { docsPerSecond: number; baselinePerSecond: number } {
  const measure = (work: (text: string) => unknown) => {
    let count = 0;
    const started = performance.now();
    while (performance.now() - started < seconds * 1000) for (let i = 0; i < 20; i++) work(seeds[count++ % seeds.length]!);
    return count / ((performance.now() - started) / 1000);
  };
  const asJson = seeds.map((text) => JSON.stringify(parsePlan(text)));
  let j = 0;
  return {
    docsPerSecond: measure((text) => parsePlan(text)),
    // Baseline in the same run: reading the same plans back from JSON, the cheapest way to get them.
    baselinePerSecond: measure(() => JSON.parse(asJson[j++ % asJson.length]!)),
  };
}

export async function documentBenchmark(runs = 40): Promise<{ pdf: number[]; docx: number[] }> {
  const parsed = parsePlan(seeds[0]!);
  const doc = planDocument({
    districtNumber: 2,
    unitName: 'Komenda Powiatowa Policji w Krasnymstawie',
    periodFrom: '2026-07-01',
    periodTo: '2026-12-31',
    version: 1,
    content: contentFromParsed(parsed),
  });
  await planPdf(doc); // warm-up: fonts load once per process
  await planDocx(doc);
  const pdf: number[] = [];
  const docx: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await planPdf(doc);
    pdf.push(performance.now() - t);
    t = performance.now();
    await planDocx(doc);
    docx.push(performance.now() - t);
  }
  return { pdf, docx };
}

/** 100,000 plans: the seed plans' texts with words swapped in, so stems and matches vary. */
function syntheticContents(): PlanContent[] {
  const base = seeds.map((text) => contentFromParsed(parsePlan(text)));
  const extras = [
    'kradzieże rowerów',
    'dewastacja przystanków',
    'nielegalne wysypiska',
    'spożywanie alkoholu',
    'oszustwa telefoniczne',
    'nadmierna prędkość',
    'graffiti na elewacjach',
    'bezpańskie psy',
    'hałas w nocy',
    'narkotyki w szkole',
  ];
  return base.flatMap((content) =>
    extras.map((extra) => ({ ...content, threat: { ...content.threat, description: `${extra}. ${content.threat.description}` } })),
  );
}

export async function writePlans(target: DatabaseTarget, districtIds: string[], count: number): Promise<void> {
  const database = await openDatabase(target);
  const contents = syntheticContents();
  const stemsOf = contents.map((c) => stems(planSearchText(c)).join(' '));
  const rand = random(17);
  try {
    await migrate(database.db);
    await inTransaction(database.db, systemActor('bench'), async (trx) => {
      const rows = [];
      for (let i = 0; i < count; i++) {
        const district = districtIds[i % districtIds.length]!;
        const slot = Math.floor(i / districtIds.length); // one half-year after another per district
        const year = 2010 + Math.floor(slot / 2);
        const firstHalf = slot % 2 === 0;
        const k = Math.floor(rand() * contents.length);
        rows.push({
          district_id: district,
          unit_id: district.slice(0, district.indexOf('/')),
          period_from: `${year}-${firstHalf ? '01-01' : '07-01'}`,
          period_to: `${year}-${firstHalf ? '06-30' : '12-31'}`,
          status: 'published',
          version: 1,
          published_version: 1,
          content: JSON.stringify(contents[k]),
          threat_category: contents[k]!.threat.category,
          search_stems: stemsOf[k]!,
          published_at: new Date(),
        });
        if (rows.length === 500) await trx.insertInto('plans').values(rows.splice(0)).execute();
      }
      if (rows.length) await trx.insertInto('plans').values(rows).execute();
    });
    // As after any bulk load: the planner needs to know the tables' sizes.
    await sql`analyze`.execute(database.db);
  } finally {
    await database.close();
  }
}

/**
 * The searches as a running server makes them: one database opened once (its connections and
 * caches warm after one untimed round), then `rounds` timed rounds of every query.
 */
export async function searchBenchmark(target: DatabaseTarget, queries: string[], rounds = 4): Promise<{ times: number[]; hits: number[] }> {
  const database = await openDatabase(target);
  try {
    const times: number[] = [];
    const hits: number[] = [];
    for (let round = -1; round < rounds; round++) {
      for (const q of queries) {
        const started = performance.now();
        const result = await listPlans(database.db, { publishedOnly: true, query: searchQuery(q), page: 1, pageSize: 20 });
        if (round < 0) continue;
        times.push(performance.now() - started);
        if (round === 0) hits.push(result.total);
      }
    }
    return { times, hits };
  } finally {
    await database.close();
  }
}

export const searchQueries = [
  'oszustwa',
  'seniorów',
  'kamery monitoringu',
  'alkohol plac zabaw',
  'wnuczka policjanta',
  'kradzieże rowerów',
  'graffiti',
  'spółdzielnia mieszkaniowa',
  'hałas w nocy',
  'młodzież',
  'Łęczna',
  'przystanków',
  'psy',
  'ulotki',
  'debata',
];

/** Measures /health and a published plan's page on a running server, in the same run. */
async function planPageLoad(url: string): Promise<{ health: Load; page: Load }> {
  const listing = (await (await fetch(`${url}/api/v1/plans?pageSize=20`)).json()) as { plans: { url: string }[] };
  const paths = listing.plans.map((p) => new URL(p.url).pathname);
  if (!paths.length) throw new Error('no published plan to load');
  const health = await load(`${url}/health`);
  const page = await load(url, paths);
  return { health, page };
}

interface SearchRun {
  label: string;
  writeMs: number;
  times: number[];
  hits: number[];
  pages: { health: Load; page: Load };
}

const planCount = Number(process.env.BENCH_PLANS ?? 100_000);

/** The national register plus 100,000 published plans; search in process, then the page over HTTP. */
async function searchAtScale({ label, target, env }: Backend): Promise<SearchRun> {
  const register = generateNationalRegister();
  const started = performance.now();
  await writeRegister(target, register);
  await writePlans(
    target,
    register.districts.map((d) => d.id),
    planCount,
  );
  const writeMs = performance.now() - started;
  const rounds = await searchBenchmark(target, searchQueries);
  const server = await start([mainScript], { ...env, DEMO_DATA: 'false' });
  const pages = await planPageLoad(server.url);
  await server.stop();
  console.log(
    `${label}: search p50 ${percentile(rounds.times, 50).toFixed(1)} ms, p95 ${percentile(rounds.times, 95).toFixed(1)} ms; page ${pages.page.requestsPerSecond.toFixed(0)} req/s vs health ${pages.health.requestsPerSecond.toFixed(0)}`,
  );
  return { label, writeMs, ...rounds, pages };
}

export async function plansBenchmarks(row: (name: string, l: Load) => string): Promise<string> {
  const parse = parseBenchmark();
  console.log(`parse: ${parse.docsPerSecond.toFixed(0)} docs/s (JSON.parse baseline ${parse.baselinePerSecond.toFixed(0)})`);
  const documents = await documentBenchmark();
  console.log(`pdf median ${percentile(documents.pdf, 50).toFixed(1)} ms, docx ${percentile(documents.docx, 50).toFixed(1)} ms`);

  // The demo data's published plans (the four seed plans) on a fresh embedded server.
  const demoDir = tempDir();
  const demo = await start([mainScript], { DATA_DIR: demoDir });
  const demoPages = await planPageLoad(demo.url);
  await demo.stop();
  rmSync(demoDir, { recursive: true, force: true });

  const embedded = await onEmbeddedDatabase(searchAtScale);
  const server = await onServerDatabase(searchAtScale);

  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const ratio = (a: Load, b: Load) => `${((a.requestsPerSecond / b.requestsPerSecond) * 100).toFixed(0)} %`;
  const searchRow = (run: SearchRun) =>
    `| ${run.label} | ${fmt(run.times.length)} | ${ms(percentile(run.times, 50))} | ${ms(percentile(run.times, 95))} | ${ms(Math.max(...run.times))} | ${fmt(run.writeMs / 1000)} s |`;
  return `## Priority action plans

### Reading documents and making PDF/DOCX, in process, one core

| measure | value |
|---|---|
| parsing the four seed plans (parsePlan on text), documents/s | ${fmt(parse.docsPerSecond)} |
| baseline in the same run: JSON.parse of the same plans already parsed, documents/s | ${fmt(parse.baselinePerSecond)} |
| PDF of a plan (seed 000, pdfmake), median / p95 of ${documents.pdf.length} | ${ms(percentile(documents.pdf, 50))} / ${ms(percentile(documents.pdf, 95))} |
| DOCX of the same plan, median / p95 of ${documents.docx.length} | ${ms(percentile(documents.docx, 50))} / ${ms(percentile(documents.docx, 95))} |

### Full-text search over ${fmt(planCount)} published plans

The national register (8,000 districts) with ${fmt(planCount)} published plans written into a new database
(${fmt(planCount / 8000)} half-years per district). Their texts are the four seed plans with one of ten
threats added, so the words' frequencies are those of real plans: most queries match thousands of
plans. ${searchQueries.length} queries as a resident types them (${searchQueries.map((q) => `"${q}"`).join(', ')}), each run
4 times after one warm-up round on the same open database (as a running server keeps it), through the same \`listPlans\` the library page uses (first page of 20,
newest period first, with the count, which stops at 200: "more than 200"). Counts per query (PostgreSQL
server): ${server.hits.map(fmt).join(', ')}.

| back end | searches | p50 | p95 | max | writing the data |
|---|---|---|---|---|---|
${searchRow(embedded)}
${searchRow(server)}

### The public plan page over HTTP, against \`/health\` of the same server in the same run

The pages of up to 20 published plans (with "similar plans", which searches the whole library) cycled by
${connections} connections for ${durationSeconds} s each.

| target | requests/s | of baseline | p50 latency (ms) | p99 latency (ms) | errors |
|---|---|---|---|---|---|
${row('/health, embedded, demo data', demoPages.health)}
${row('/plany/:id, embedded, demo data (4 plans)', demoPages.page)}
${row(`/health, embedded, ${fmt(planCount)} plans`, embedded.pages.health)}
${row(`/plany/:id, embedded, ${fmt(planCount)} plans`, embedded.pages.page)}
${row(`/health, PostgreSQL server, ${fmt(planCount)} plans`, server.pages.health)}
${row(`/plany/:id, PostgreSQL server, ${fmt(planCount)} plans`, server.pages.page)}

Plan page against the same server's /health: demo ${ratio(demoPages.page, demoPages.health)}, embedded with ${fmt(planCount)} plans
${ratio(embedded.pages.page, embedded.pages.health)}, PostgreSQL server ${ratio(server.pages.page, server.pages.health)}.`;
}
