import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../src/platform/auth/policy.js';
import { backends } from '../support/databases.js';
import { writeMethods } from '../hostile/routes.js';
import {
  actsOnParams,
  allowedOnThing,
  changedTables,
  counts,
  errorCode,
  mayAtAll,
  openWorld,
  people,
  sendPrepared,
  type Prepared,
  type World,
} from './access-world.js';
import { writeExamples } from './write-examples.js';

/**
 * The allowed half of the route matrix (route-access.test.ts sends the rest), on both back ends:
 * every write route, sent by every person the policy allows, with a valid body (write-examples.ts)
 * on a thing made just before in a district of KPP A that the officer serves and the substitute
 * covers; it works, and the table it writes changed. The same request with one field of the wrong
 * type is a 400 naming that field, and stores nothing. A person the route lets in whose role may
 * not take this step (an administrator approving a plan) is refused by the use case, and nothing
 * changes.
 */

/** The example's JSON body with one field of the wrong type (bodies are never coerced), and that field's name. */
function invalidBody(json: unknown): { body: Record<string, unknown>; field: string } | null {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  const body = json as Record<string, unknown>;
  const field = Object.keys(body).find((key) => typeof body[key] === 'string' || typeof body[key] === 'boolean');
  return field ? { body: { ...body, [field]: 12345 }, field } : null;
}

describe.each(backends)('allowed writes on %s', (backend) => {
  let world: World;
  beforeAll(async () => {
    world = await openWorld(backend);
  });
  afterAll(() => world?.close());

  it('has a valid example request for every write route', () => {
    const writes = world.routes.filter((r) => writeMethods.has(r.method)).map((r) => `${r.method} ${r.url}`);
    expect(writes.filter((key) => !writeExamples[key])).toEqual([]);
    // An example for a route that is gone would never be sent.
    expect(Object.keys(writeExamples).filter((key) => !writes.includes(key))).toEqual([]);
  });

  it('lets every person the policy allows make every write, which changes what it should; an invalid body is a 400 naming the field', async () => {
    const wrong: string[] = [];
    const sent = { allowed: 0, invalid: 0, refused: 0 };
    for (const route of world.routes) {
      const access = route.access as Action | 'public' | undefined;
      const examples = writeExamples[`${route.method} ${route.url}`];
      if (!access || !examples || !writeMethods.has(route.method)) continue;
      for (const who of people) {
        const lets = mayAtAll(who.subject, access) && (!actsOnParams(route, access) || allowedOnThing(who.subject, access));
        if (!lets) continue; // route-access.test.ts
        const send = async (prepared: Prepared) => {
          const before = await counts(world.db);
          const client = prepared.client ?? world.clients.get(who.name)!;
          const response = await sendPrepared(world, client, route.method, route.url, prepared);
          const changed = changedTables(before, await counts(world.db));
          const line = `${route.method} ${route.url} by ${who.name}: ${response.statusCode} ${errorCode(response.body)}`;
          return { response, changed, line };
        };
        const fitting = examples.filter((example) => allowedOnThing(who.subject, example.action ?? access));
        if (fitting.length === 0) {
          // The route lets them in; the step is not theirs (or the thing named in the body is not): refused, nothing changes.
          const { response, changed, line } = await send(await examples[0]!.prepare(world.fresh, who));
          sent.refused++;
          const refusal = examples[0]!.refusedWith ?? [403, 404];
          if (!refusal.includes(response.statusCode)) wrong.push(`${line} (expected ${refusal.join(' or ')})`);
          if (changed.length) wrong.push(`${line} changed ${changed.join(', ')}`);
          continue;
        }
        let hasJson = false;
        for (const example of fitting) {
          const prepared = await example.prepare(world.fresh, who);
          hasJson ||= example === fitting[0] && invalidBody(prepared.json) !== null;
          const { response, changed, line } = await send(prepared);
          sent.allowed++;
          const status = response.statusCode;
          if (!((status >= 200 && status < 300) || status === 303))
            wrong.push(`${line} (expected it to work) ${response.body.slice(0, 200)}`);
          const table = example.changes === undefined ? 'audit_log' : example.changes;
          if (table === null && changed.length) wrong.push(`${line} changed ${changed.join(', ')} (a preview)`);
          if (table !== null && !changed.includes(table))
            wrong.push(`${line} did not change ${table} (changed: ${changed.join(', ') || 'nothing'})`);
        }
        // Only JSON bodies have a schema; one field of the wrong type, on a thing made for it too.
        const again = hasJson ? await fitting[0]!.prepare(world.fresh, who) : null;
        const invalid = again && invalidBody(again.json);
        if (again && invalid) {
          const { response, changed, line } = await send({ ...again, json: invalid.body });
          sent.invalid++;
          if (response.statusCode !== 400 || !response.body.includes(invalid.field))
            wrong.push(`${line} (expected 400 naming ${invalid.field}) ${response.body.slice(0, 200)}`);
          if (changed.length) wrong.push(`${line} changed ${changed.join(', ')} with an invalid body`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(sent.allowed).toBeGreaterThan(200);
    console.info(`allowed writes on ${backend}: ${JSON.stringify(sent)}`);
  }, 900_000);
});
