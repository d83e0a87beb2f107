/** The locator at national scale: in-process indexes, start-up with the register, GET /api/v1/locate over HTTP. */
import { rmSync } from 'node:fs';
import { AreaIndex, measureLookupsPerSecond } from '../src/modules/districts/matching/area-index.js';
import { foldText } from '../src/modules/districts/matching/normalize.js';
import { PolygonIndex, measurePointLookupsPerSecond } from '../src/modules/districts/geometry/polygon-index.js';
import { randomPointsInside } from '../src/modules/districts/geometry/synthetic.js';
import { generateNationalRegister, sampleAddresses, type NationalRegister } from './national-register.js';
import { writeRegister } from './load-register.js';
import { connections, durationSeconds, fmt, heapUsed, load, mainScript, median, start, startRuns, tempDir, withServerDatabase, type Load, type Started } from './harness.js';

/** The national-scale register: in-process indexes, start-up, and GET /api/v1/locate over HTTP. */
export async function locatorBenchmarks() {
  let started = performance.now();
  const register: NationalRegister = generateNationalRegister();
  const generateMs = performance.now() - started;
  const rules = register.districts.flatMap((d) => d.rules.map((rule) => ({ ...rule, districtId: d.id })));
  const addresses = sampleAddresses(register, 20_000, 99);
  console.log(`register: ${register.units.length} units, ${register.districts.length} districts, ${register.ruleCount} rules (${generateMs.toFixed(0)} ms)`);

  const before = heapUsed();
  started = performance.now();
  const areaIndex = new AreaIndex(rules);
  const areaBuildMs = performance.now() - started;
  const areaBytes = heapUsed() - before;
  const found = addresses.filter((a) => areaIndex.locate(a).matches.length > 0).length;
  const foldPerSecond = (() => {
    let count = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 2000) for (let i = 0; i < 1000; i++) foldText(addresses[count++ % addresses.length]!);
    return count / ((performance.now() - t0) / 1000);
  })();
  const addressPerSecond = measureLookupsPerSecond(areaIndex, addresses, 3);

  const beforePolygons = heapUsed();
  started = performance.now();
  const polygons = register.districts.map((d) => ({ id: d.id, geometry: d.polygon }));
  const polygonIndex = new PolygonIndex(polygons);
  const polygonBuildMs = performance.now() - started;
  const polygonBytes = heapUsed() - beforePolygons;
  const points = randomPointsInside(polygons, 20_000, 5);
  const pointsCorrect = points.filter(({ id, point }) => polygonIndex.locate(point[0], point[1])[0] === id).length;
  const pointPerSecond = measurePointLookupsPerSecond(polygonIndex, points.map((p) => p.point), 3);
  console.log(`addresses: ${addressPerSecond.toFixed(0)}/s (${found}/${addresses.length} found); points: ${pointPerSecond.toFixed(0)}/s`);

  // Start-up and HTTP, embedded: the register written into a fresh data directory first.
  const dataDir = tempDir();
  started = performance.now();
  await writeRegister({ kind: 'embedded', dataDir }, register);
  const writeMs = performance.now() - started;
  const startups: number[] = [];
  let embeddedServer: Started | null = null;
  for (let i = 0; i < startRuns; i++) {
    const server = await start([mainScript], { DATA_DIR: dataDir, DEMO_DATA: 'false' });
    startups.push(server.millisToHealth);
    if (i === startRuns - 1) embeddedServer = server;
    else await server.stop();
  }
  const locatePaths = addresses.slice(0, 500).map((a) => `/api/v1/locate?address=${encodeURIComponent(a)}`);
  const embeddedHealth = await load(`${embeddedServer!.url}/health`);
  const embeddedLocate = await load(embeddedServer!.url, locatePaths);
  const embeddedPoint = await load(embeddedServer!.url, points.slice(0, 500).map(({ point }) => `/api/v1/locate?lat=${point[1]}&lon=${point[0]}`));
  await embeddedServer!.stop();
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`embedded: start-up ${median(startups).toFixed(0)} ms, locate ${embeddedLocate.requestsPerSecond.toFixed(0)} req/s vs health ${embeddedHealth.requestsPerSecond.toFixed(0)}`);

  const serverResult = await withServerDatabase(async (url) => {
    await writeRegister({ kind: 'postgres', url }, register);
    const server = await start([mainScript], { DATABASE_URL: url });
    const health = await load(`${server.url}/health`);
    const locate = await load(server.url, locatePaths);
    await server.stop();
    return { startup: server.millisToHealth, health, locate };
  });
  console.log(`postgres: locate ${serverResult.locate.requestsPerSecond.toFixed(0)} req/s vs health ${serverResult.health.requestsPerSecond.toFixed(0)}`);

  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  const ratio = (a: Load, b: Load) => `${((a.requestsPerSecond / b.requestsPerSecond) * 100).toFixed(0)} %`;
  return {
    report: (row: (name: string, l: Load) => string) => `## The locator at national scale

A synthetic register (bench/national-register.ts, seeded): ${fmt(register.units.length)} units, ${fmt(register.districts.length)} districts,
${fmt(register.ruleCount)} street rules in ${fmt(new Set(rules.map((r) => r.locality)).size)} towns, ${fmt(register.districts.length)} polygons of 100 vertices.
Addresses: ${fmt(addresses.length)} typed in four styles ("Town, ul. Street 12", "Street 12, Town", "Town Street 12/2",
lower case "ul. street 12 town"); ${fmt(found)} of them found (${((found / addresses.length) * 100).toFixed(1)} %).

### In process, one core

| measure | value |
|---|---|
| address lookups (AreaIndex.locate on free text) | ${fmt(addressPerSecond)} /s |
| baseline in the same run: folding the same texts only | ${fmt(foldPerSecond)} /s |
| point lookups (PolygonIndex.locate) | ${fmt(pointPerSecond)} /s (${fmt(pointsCorrect)} of ${fmt(points.length)} points in their own polygon) |
| address index: build time / heap | ${fmt(areaBuildMs)} ms / ${mb(areaBytes)} |
| polygon index: build time / heap | ${fmt(polygonBuildMs)} ms / ${mb(polygonBytes)} (arrays: ${mb(polygonIndex.memoryBytes())}) |

### Start-up with the national register

Writing the register into a new embedded database took ${fmt(writeMs)} ms (not part of start-up).
Start-up is from spawning the server to its first \`/health\` answer; the register is loaded and indexed before the server listens.

| back end | start-up |
|---|---|
| embedded PGlite (median of ${startRuns}) | ${fmt(median(startups))} ms (min ${fmt(Math.min(...startups))}, max ${fmt(Math.max(...startups))}) |
| PostgreSQL 15 server (one run) | ${fmt(serverResult.startup)} ms |

### \`GET /api/v1/locate\` over HTTP, against \`/health\` of the same server in the same run

500 different addresses (or points) cycled by ${connections} connections for ${durationSeconds} s each.

| target | requests/s | of baseline | p50 latency (ms) | p99 latency (ms) | errors |
|---|---|---|---|---|---|
${row('/health, embedded, national register loaded', embeddedHealth)}
${row('/api/v1/locate?address=…, embedded', embeddedLocate)}
${row('/api/v1/locate?lat=…&lon=…, embedded', embeddedPoint)}
${row('/health, PostgreSQL server, national register loaded', serverResult.health)}
${row('/api/v1/locate?address=…, PostgreSQL server', serverResult.locate)}

The "of baseline" column is relative to the bare node:http baseline above. Locate against the same
server's /health: embedded ${ratio(embeddedLocate, embeddedHealth)}, PostgreSQL server ${ratio(serverResult.locate, serverResult.health)}.`,
  };
}
