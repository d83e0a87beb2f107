import dc from 'node:diagnostics_channel';
import { appendFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorSchema } from '../../src/platform/http/openapi.js';

/**
 * Checks what the handlers really answer against the response schemas the routes declare.
 *
 * A response schema is also Fastify's serializer, and the serializer drops every property the
 * schema does not list and coerces wrong types: checking the body that went out would find
 * nothing. So the check sits before serialization (a preSerialization hook) and validates the
 * handler's own payload, as JSON would carry it without a schema. An object that lists its
 * properties is closed (an unlisted property would be dropped); an open map says
 * `additionalProperties` itself.
 */

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

type Schema = Record<string, unknown>;

/** The schema with every object that lists its properties closed, as the serializer treats it. */
export function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    // Property names and enum values are data, not schemas.
    copy[key] =
      key === 'properties' || key === 'patternProperties'
        ? mapValues(value as Schema, closed)
        : key === 'enum' || key === 'const' || key === 'examples'
          ? value
          : closed(value);
  }
  if (copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

const mapValues = (record: Schema, f: (value: unknown) => unknown): Schema =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));

function makeAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(closed(errorSchema) as Schema);
  return ajv;
}

const sharedAjv = makeAjv();
// Compiled once per schema and Ajv: the closed copy is a new object each time, which Ajv's own cache would miss.
const compiled = new WeakMap<Ajv, WeakMap<object, ValidateFunction>>();

function validatorOf(ajv: Ajv, schema: object): ValidateFunction {
  let byAjv = compiled.get(ajv);
  if (!byAjv) compiled.set(ajv, (byAjv = new WeakMap()));
  let validate = byAjv.get(schema);
  if (!validate) byAjv.set(schema, (validate = ajv.compile(closed(schema) as Schema)));
  return validate;
}

/** Why `body` does not match `schema` (closed as the serializer treats it): one line per problem, none when it does. */
export function schemaProblems(schema: object, body: unknown, ajv: Ajv = sharedAjv): string[] {
  const validate = validatorOf(ajv, schema);
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (e) =>
      `${e.instancePath || '/'} ${e.message ?? ''}${e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty: string }).additionalProperty)})` : ''}`,
  );
}

/** One JSON route as registered: method, URL pattern and its response schemas by status. */
export interface JsonRoute {
  method: string;
  url: string;
  hide: boolean;
  response: Record<string, unknown> | undefined;
}

/** A response whose payload does not match the declared schema, or whose status declares none. */
export interface SchemaViolation {
  route: string;
  status: number;
  problem: string;
}

/** The declared schema for a status: the exact code, then "4xx"-style, then "default". */
export function responseSchemaFor(response: Record<string, unknown> | undefined, status: number): unknown {
  if (!response) return undefined;
  return response[String(status)] ?? response[`${String(status)[0]}xx`] ?? response.default;
}

/**
 * Builds an app (the callback) while recording every route and checking every JSON payload it
 * sends against the route's schema for that status. `violations` fills as requests are made.
 */
export async function checkingResponses<T>(
  build: () => Promise<T>,
): Promise<{ built: T; routes: JsonRoute[]; violations: SchemaViolation[] }> {
  const routes: JsonRoute[] = [];
  const violations: SchemaViolation[] = [];
  const ajv = makeAjv();
  const onInit = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (route) => {
      const schema = route.schema as { hide?: boolean; response?: Record<string, unknown> } | undefined;
      for (const method of [route.method].flat())
        routes.push({ method, url: route.url ?? route.path, hide: schema?.hide ?? false, response: schema?.response });
    });
    fastify.addHook('preSerialization', async (request: FastifyRequest, reply, payload) => {
      const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
      const schema = responseSchemaFor(
        (request.routeOptions.schema as { response?: Record<string, unknown> } | undefined)?.response,
        reply.statusCode,
      );
      if (!schema || typeof schema !== 'object') {
        violations.push({ route, status: reply.statusCode, problem: 'no response schema for this status' });
        return payload;
      }
      // As JSON would carry it: dates become strings, undefined properties disappear.
      const body: unknown = payload === undefined ? undefined : JSON.parse(JSON.stringify(payload));
      const problems = schemaProblems(schema, body, ajv);
      if (problems.length > 0) violations.push({ route, status: reply.statusCode, problem: problems.join('; ') });
      return payload;
    });
  };
  dc.subscribe('fastify.initialization', onInit);
  try {
    return { built: await build(), routes, violations };
  } finally {
    dc.unsubscribe('fastify.initialization', onInit);
  }
}

/**
 * `RESPONSE_SCHEMA_LOG=<file>` when running any API test: every test app checks its answers and
 * appends each mismatch to the file as a JSON line, to find what a schema misses across a module's
 * tests (`npx vitest run src/modules/plans`).
 */
export async function withResponseLog<T>(build: () => Promise<T>): Promise<T> {
  const file = process.env.RESPONSE_SCHEMA_LOG;
  if (!file) return build();
  const { built, violations } = await checkingResponses(build);
  const push = violations.push.bind(violations);
  violations.push = (...items: SchemaViolation[]) => {
    for (const item of items) appendFileSync(file, `${JSON.stringify(item)}\n`);
    return push(...items);
  };
  return built;
}
