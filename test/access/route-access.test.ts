import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, type Action } from '../../src/platform/auth/policy.js';
import { backends } from '../support/databases.js';
import { writeMethods } from '../hostile/routes.js';
import {
  actsOnParams,
  allowedOnThing,
  changedTables,
  concrete,
  counts,
  errorCode,
  mayAtAll,
  openWorld,
  people,
  readPath,
  type World,
} from './access-world.js';

/**
 * Every route of the app × the people of issue 14, on both back ends: the answer each gets follows
 * from the route's `config.access` and the policy table (platform/auth/policy.ts). Everything acted
 * on by id lies in district 1 of KPP A. This file sends every read, and every write to those it
 * refuses (with a body that is invalid as well: the refusal comes first); allowed-writes.test.ts
 * sends the allowed writes.
 */
describe.each(backends)('who may call each route on %s', (backend) => {
  let world: World;
  beforeAll(async () => {
    world = await openWorld(backend);
  });
  afterAll(() => world?.close());

  it('has an access entry naming an action (or "public") on every route, and checks the thing its params name', () => {
    const missing = world.routes
      .filter((r) => r.access !== 'public' && !(actions as string[]).includes(r.access ?? ''))
      .map((r) => `${r.method} ${r.url}: ${r.access ?? 'none'}`);
    expect(missing).toEqual([]);
    expect(world.routes.length).toBeGreaterThan(100);
    // A route whose action depends on the thing its params name checks it before the body (config.target).
    const unchecked = world.routes
      .filter((r) => actsOnParams(r, r.access as Action | 'public') && !r.checksTarget)
      .map((r) => `${r.method} ${r.url}`);
    expect(unchecked).toEqual([]);
  });

  it('answers every route for every person as the policy says; a refused write changes nothing, whatever its body', async () => {
    const wrong: string[] = [];
    let sent = 0;
    for (const route of world.routes) {
      const access = route.access as Action | 'public' | undefined;
      if (!access) continue; // reported by the test above
      const url = readPath(route.method, route.url, world.values) ?? concrete(route.url, world.values);
      const write = writeMethods.has(route.method);
      // On the server only the writes: the decision is the same SQL-free policy on both back ends, but
      // whether a refused write changes nothing is the back end's (the reads double the time under load).
      if (backend === 'postgres' && !write) continue;
      const onParams = actsOnParams(route, access);
      for (const who of people) {
        const subject = who.subject;
        const allowed = mayAtAll(subject, access) && (!onParams || allowedOnThing(subject, access));
        if (allowed && write) continue; // allowed-writes.test.ts
        const before = write ? await counts(world.db) : null;
        // A write's body is invalid on every route that has a schema: an unknown field with a value of no type it takes.
        const response = await world.clients.get(who.name)!.request({
          method: route.method as 'GET',
          url,
          remoteAddress: world.address(),
          ...(write ? { payload: { unexpected: [] } } : {}),
        });
        sent++;
        const status = response.statusCode;
        const code = status >= 400 ? errorCode(response.body) : '';
        const line = `${route.method} ${route.url} by ${who.name}: ${status} ${code}`;
        if (allowed) {
          // Works: a page or an answer, or a redirect. Honest 404s: a plan without a kept source file, and
          // the area of a district nobody has drawn.
          // And /metrics, which exists only for a scraper with METRICS_TOKEN or on the machine itself (observe/metrics-access.ts).
          const honestMissing =
            status === 404 &&
            (code === 'plan_source_not_found' ||
              (code === 'district_not_found' && route.url.endsWith('/area.geojson')) ||
              (code === 'not_found' && route.url === '/metrics'));
          // An action-log entry is corrected by its author only: the substitute may log, not correct the officer's entry.
          const notAuthor = status === 403 && route.url.endsWith('/dziennik/:entryId') && who.name === "today's substitute";
          const works =
            (status >= 200 && status < 300 && response.body.length > 0) || status === 303 || status === 302 || honestMissing || notAuthor;
          if (!works) wrong.push(`${line} (expected it to work)`);
          continue;
        }
        // Nobody signed in and a role that may never do it are turned away before the input is read; a
        // role that may, acting on a thing its params name that it may not, before the body is validated.
        // Only a write whose thing is named in the body may meet the body's validation first (400, the same
        // for every thing, so it tells nothing).
        const expected = subject === null ? [401] : !mayAtAll(subject, access) ? [403] : write && !onParams ? [400, 403, 404] : [403, 404];
        if (!expected.includes(status)) wrong.push(`${line} (expected ${expected.join(' or ')})`);
        if (before) {
          const changed = changedTables(before, await counts(world.db));
          if (changed.length) wrong.push(`${line} changed ${changed.join(', ')}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(sent).toBeGreaterThan(backend === 'postgres' ? 300 : 1000);
    console.info(`route-access on ${backend}: ${sent} requests`);
  }, 900_000);
});
