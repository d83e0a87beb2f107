/** The locator at national scale: in-process indexes, start-up with the register, GET /api/v1/locate over HTTP. */
import { rmSync } from 'node:fs';
import { AreaIndex, measureLookupsPerSecond } from '../src/modules/districts/matching/area-index.js';
import { foldText } from '../src/modules/districts/matching/normalize.js';
import { PolygonIndex, measurePointLookupsPerSecond } from '../src/modules/districts/geometry/polygon-index.js';
import { randomPointsInside } from '../test/support/synthetic-districts.js';
import { addVillages, generateNationalRegister, sampleAddresses, withTypo, type NationalRegister } from './national-register.js';
import { PlaceDirectory } from '../src/modules/districts/locator/places.js';
import type { AreaLookup } from '../src/modules/districts/matching/area-index.js';
import { writeRegister } from './load-register.js';
import {
  connections,
  durationSeconds,
  fmt,
  heapUsed,
  load,
  mainScript,
  median,
  start,
  startRuns,
  tempDir,
  withServerDatabase,
  type Load,
  type Started,
} from './harness.js';

/** The national-scale register: in-process indexes, start-up, and GET /api/v1/locate over HTTP. */
export async function locatorBenchmarks() {
  let started = performance.now();
  const register: NationalRegister = generateNationalRegister();
  // The addresses are sampled from the streets before the villages join the register, as in earlier runs.
  const addresses = sampleAddresses(register, 20_000, 99);
  const villages = addVillages(register, 40_000);
  const generateMs = performance.now() - started;
  const rules = register.districts.flatMap((d) => d.rules.map((rule) => ({ ...rule, districtId: d.id })));
  console.log(
    `register: ${register.units.length} units, ${register.districts.length} districts, ${register.ruleCount} rules (${generateMs.toFixed(0)} ms)`,
  );

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

  // Answers beyond a full address, with the places directory as the app uses it.
  const places = PlaceDirectory.shared();
  const towns = [...new Set(rules.map((r) => r.locality))];
  const streetTowns = register.districts.flatMap((d) =>
    d.rules
      .filter((r) => r.street !== null)
      .slice(0, 1)
      .map((r) => ({ town: r.locality, street: r.street! })),
  );
  const questions = {
    hit: addresses.slice(0, 2000),
    miss: realPlacesNotHeld(places, new Set(towns)).map((name, i) => `${name}, ul. Floriańska ${i + 1}`),
    typo: streetTowns
      .slice(0, 2000)
      .map(({ town, street }, i) => (i % 2 ? `${withTypo(town, i)}, ul. ${street} 5` : `${town}, ul. ${withTypo(street, i)} 5`)),
    town: towns.slice(0, 2000).concat(villages.slice(0, 2000)),
  };
  const kinds = {
    miss: (a: AreaLookup) => a.place?.known === true,
    typo: (a: AreaLookup) => a.suggestions.length > 0 || a.matches.length > 0,
    town: (a: AreaLookup) => a.town !== undefined || a.matches.length > 0,
  };
  const answered = Object.fromEntries(
    Object.entries(kinds).map(([kind, ok]) => [
      kind,
      questions[kind as keyof typeof kinds].filter((q) => ok(areaIndex.locate(q, places))).length,
    ]),
  ) as Record<keyof typeof kinds, number>;
  const microsPerAnswer = (texts: readonly string[]) => {
    let count = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 2000) for (let i = 0; i < 200; i++) areaIndex.locate(texts[count++ % texts.length]!, places);
    return ((performance.now() - t0) * 1000) / count;
  };
  const perAnswer = {
    hit: microsPerAnswer(questions.hit),
    miss: microsPerAnswer(questions.miss),
    typo: microsPerAnswer(questions.typo),
    town: microsPerAnswer(questions.town),
  };
  console.log(`µs per answer: ${JSON.stringify(perAnswer)}; answered as meant: ${JSON.stringify(answered)}`);

  const beforePolygons = heapUsed();
  started = performance.now();
  const polygons = register.districts.map((d) => ({ id: d.id, geometry: d.polygon }));
  const polygonIndex = new PolygonIndex(polygons);
  const polygonBuildMs = performance.now() - started;
  const polygonBytes = heapUsed() - beforePolygons;
  const points = randomPointsInside(polygons, 20_000, 5);
  const pointsCorrect = points.filter(({ id, point }) => polygonIndex.locate(point[0], point[1])[0] === id).length;
  const pointPerSecond = measurePointLookupsPerSecond(
    polygonIndex,
    points.map((p) => p.point),
    3,
  );
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
  const embeddedPoint = await load(
    embeddedServer!.url,
    points.slice(0, 500).map(({ point }) => `/api/v1/locate?lat=${point[1]}&lon=${point[0]}`),
  );
  const asPaths = (texts: readonly string[]) => texts.slice(0, 500).map((a) => `/api/v1/locate?address=${encodeURIComponent(a)}`);
  const embeddedMiss = await load(embeddedServer!.url, asPaths(questions.miss));
  const embeddedTypo = await load(embeddedServer!.url, asPaths(questions.typo));
  const embeddedTown = await load(embeddedServer!.url, asPaths(questions.town));
  await embeddedServer!.stop();
  rmSync(dataDir, { recursive: true, force: true });
  console.log(
    `embedded: start-up ${median(startups).toFixed(0)} ms, locate ${embeddedLocate.requestsPerSecond.toFixed(0)} req/s vs health ${embeddedHealth.requestsPerSecond.toFixed(0)}`,
  );

  const serverResult = await withServerDatabase(async (url) => {
    await writeRegister({ kind: 'postgres', url }, register);
    const server = await start([mainScript], { DATABASE_URL: url });
    const health = await load(`${server.url}/health`);
    const locate = await load(server.url, locatePaths);
    await server.stop();
    return { startup: server.millisToHealth, health, locate };
  });
  console.log(
    `postgres: locate ${serverResult.locate.requestsPerSecond.toFixed(0)} req/s vs health ${serverResult.health.requestsPerSecond.toFixed(0)}`,
  );

  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  const ratio = (a: Load, b: Load) => `${((a.requestsPerSecond / b.requestsPerSecond) * 100).toFixed(0)} %`;
  return {
    report: (row: (name: string, l: Load) => string) => `## The locator at national scale

A synthetic register (bench/national-register.ts, seeded): ${fmt(register.units.length)} units, ${fmt(register.districts.length)} districts,
${fmt(register.ruleCount)} street rules in ${fmt(new Set(rules.map((r) => r.locality)).size)} towns and villages (${fmt(villages.length)} villages of whole-locality rules), ${fmt(register.districts.length)} polygons of 100 vertices.
Addresses: ${fmt(addresses.length)} typed in four styles ("Town, ul. Street 12", "Street 12, Town", "Town Street 12/2",
lower case "ul. street 12 town"); ${fmt(found)} of them found (${((found / addresses.length) * 100).toFixed(1)} %).

### In process, one core

| measure | value |
|---|---|
| address lookups (AreaIndex.locate on free text) | ${fmt(addressPerSecond)} /s |
| baseline in the same run: folding the same texts only | ${fmt(foldPerSecond)} /s |
| a known address (hit): AreaIndex.locate with the places directory | ${perAnswer.hit.toFixed(1)} µs per answer |
| an address in a town the register does not hold ("Kraków, ul. Floriańska 1"; ${fmt(questions.miss.length)} real county seats and cities): named as not covered | ${perAnswer.miss.toFixed(1)} µs per answer (${(perAnswer.miss / perAnswer.hit).toFixed(1)}× a hit; ${fmt(answered.miss)} of ${fmt(questions.miss.length)} answered so) |
| a typo of a held town or street (one letter changed): suggestions | ${perAnswer.typo.toFixed(1)} µs per answer (${(perAnswer.typo / perAnswer.hit).toFixed(1)}× a hit; ${fmt(answered.typo)} of ${fmt(questions.typo.length)} with a suggestion, or found by the street's last word) |
| a town alone: every district of the town | ${perAnswer.town.toFixed(1)} µs per answer (${(perAnswer.town / perAnswer.hit).toFixed(1)}× a hit; ${fmt(answered.town)} of ${fmt(questions.town.length)} answered) |
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
${row('/api/v1/locate?address=<town we do not hold, street>, embedded (miss: not covered, 404)', embeddedMiss)}
${row('/api/v1/locate?address=<typo of a held town or street>, embedded (404 with suggestions)', embeddedTypo)}
${row('/api/v1/locate?address=<town alone>, embedded (200, every district of the town)', embeddedTown)}
${row('/health, PostgreSQL server, national register loaded', serverResult.health)}
${row('/api/v1/locate?address=…, PostgreSQL server', serverResult.locate)}

The "of baseline" column is relative to the bare node:http baseline above. Locate against the same
server's /health: embedded ${ratio(embeddedLocate, embeddedHealth)}, PostgreSQL server ${ratio(serverResult.locate, serverResult.health)}.
The errors column counts answers other than 200: the 404 of a miss or a typo is the expected answer.
A miss (a town we do not hold) against a hit over HTTP: ${(embeddedLocate.requestsPerSecond / embeddedMiss.requestsPerSecond).toFixed(2)}× the cost; a typo: ${(embeddedLocate.requestsPerSecond / embeddedTypo.requestsPerSecond).toFixed(2)}×; a town alone: ${(embeddedLocate.requestsPerSecond / embeddedTown.requestsPerSecond).toFixed(2)}×.`,
  };
}

/** Real county seats and cities (resources/places) that the synthetic register does not hold. */
function realPlacesNotHeld(places: PlaceDirectory, held: ReadonlySet<string>): string[] {
  return places.names().filter((name) => !held.has(name));
}
