import fc from 'fast-check';
import { RawJson, hostileJson, hostileString, percentEncode, prototypeKeys, rawFormPairs, toJson, type JsonLike } from './values.js';

/** How a route can be sent a body: the ways its schema, its `consumes` list or its HTML form say it takes one. */
export type Encoding = 'json' | 'urlencoded' | 'multipart' | 'text' | 'none';

export interface RoutePlan {
  method: string;
  /** The route as registered, e.g. "/admin/plans/:id/transition". */
  route: string;
  /** With real ids in place of the parameters. */
  path: string;
  params: string[];
  encodings: Encoding[];
  /** A plausible JSON body (from the body schema), or the fields of the route's form (with the page's values). */
  json: JsonLike | undefined;
  fields: Record<string, string>;
  /** Values the page offers for some fields (options, buttons): each request starts from one of them. */
  choices: Record<string, string[]>;
  files: string[];
  /** The content type of text bodies (text/plain, text/csv, application/geo+json). */
  textType: string;
  queryNames: string[];
}

/** A request ready for inject: path with query, content type and raw payload. */
export interface HostileRequest {
  client: 'anonymous' | 'admin' | 'officer';
  url: string;
  contentType: string | undefined;
  payload: string | Buffer | undefined;
  remoteAddress: string;
  /** What was changed, for the failure message. */
  note: string;
}

interface Schema {
  type?: string | string[];
  enum?: JsonLike[];
  const?: JsonLike;
  default?: JsonLike;
  properties?: Record<string, Schema>;
  items?: Schema;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
}

/** Texts tried, in order, for a string field with a pattern: the first the pattern accepts is used. */
const patternCandidates = ['1', '21-100', '+48 81 000 00 00', 'kpp-lubartow', 'kpp-lubartow/3', '2027-01-01', 'Lubelska', 'abc'];
const formatExamples: Record<string, string> = {
  date: '2027-01-01',
  'date-time': '2027-01-01T12:00:00Z',
  email: 'mieszkaniec@example.org',
  uri: 'https://example.org',
  uuid: '00000000-0000-4000-8000-000000000000',
};

/**
 * A body the schema accepts, as the starting point of mutations (a valid rest lets a hostile field
 * reach the code behind the validation): enums take their first value, fields named in
 * `realValues` take real ids, patterned strings the first candidate that fits.
 */
export function jsonSkeleton(schema: Schema, realValues: Record<string, JsonLike>, name = ''): JsonLike {
  if (schema.anyOf ?? schema.oneOf) return jsonSkeleton((schema.anyOf ?? schema.oneOf)![0]!, realValues, name);
  if (schema.enum) return schema.enum.find((value) => value !== null) ?? null;
  if (schema.const !== undefined) return schema.const;
  if (name && Object.hasOwn(realValues, name)) return realValues[name]!;
  if (schema.default !== undefined) return schema.default;
  const type = [schema.type ?? (schema.properties ? 'object' : 'string')].flat().find((t) => t !== 'null') ?? 'null';
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, child]) => [key, jsonSkeleton(child, realValues, key)]));
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => jsonSkeleton(schema.items ?? {}, realValues));
    case 'integer':
    case 'number':
      return Math.min(Math.max(1, schema.minimum ?? 1), schema.maximum ?? 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default: {
      if (schema.format && Object.hasOwn(formatExamples, schema.format)) return formatExamples[schema.format]!;
      if (schema.pattern)
        return (
          patternCandidates.find((text) => text.length >= (schema.minLength ?? 0) && new RegExp(schema.pattern!, 'u').test(text)) ?? 'abc'
        );
      return 'Tekst próbny'.padEnd(schema.minLength ?? 0, '.');
    }
  }
}

/** Dotted paths of every value in a skeleton ("content.actions.0.description"). */
export function leafPaths(value: JsonLike, prefix: string[] = []): string[][] {
  if (value !== null && typeof value === 'object' && !(value instanceof RawJson)) {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    const nested = entries.flatMap(([key, child]) => leafPaths(child, [...prefix, key]));
    return prefix.length ? [prefix, ...nested] : nested;
  }
  return [prefix];
}

function setAt(root: JsonLike, path: string[], replacement: JsonLike): JsonLike {
  if (path.length === 0) return replacement;
  const copy = structuredClone(root) as Record<string, JsonLike>;
  let node: Record<string, JsonLike> = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') return copy;
    node = next as Record<string, JsonLike>;
  }
  node[path[path.length - 1]!] = replacement;
  return copy;
}

const boundary = '----dz-hostile-boundary';
/** A multipart body written by hand, so names and values reach the server exactly as generated. */
export function multipartBody(fields: [string, string][], files: [string, string][]): Buffer {
  const parts = [
    ...fields.map(
      ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, '%22')}"\r\n\r\n${value}\r\n`,
    ),
    ...files.map(
      ([name, content]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="plik.txt"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n`,
    ),
  ];
  return Buffer.from(`${parts.join('')}--${boundary}--\r\n`, 'utf8');
}
export const multipartType = `multipart/form-data; boundary=${boundary}`;

const address = fc
  .tuple(fc.integer({ min: 1, max: 254 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 }))
  .map(([a, b, c]) => `10.${a}.${b}.${c}`);

/** Fields with values the page offers, then 1–3 of them replaced, sometimes a hostile extra field or a repeated one. */
const mutatedFields = (fields: Record<string, string>, choices: Record<string, string[]>) => {
  const names = Object.keys(fields);
  const offered = Object.fromEntries(
    Object.entries(choices)
      .filter(([, values]) => values.length > 1)
      .map(([name, values]) => [name, fc.constantFrom(...values)]),
  );
  return fc
    .record({
      picked: fc.record(offered),
      replace: names.length ? fc.subarray(names, { minLength: 1, maxLength: Math.min(3, names.length) }) : fc.constant([] as string[]),
      values: fc.array(hostileString, { minLength: 3, maxLength: 3 }),
      extra: fc.option(fc.tuple(fc.oneof(fc.constantFrom(...prototypeKeys), hostileString), hostileString), { freq: 4 }),
      repeat: fc.option(fc.constantFrom(...(names.length ? names : ['x'])), { freq: 6 }),
    })
    .map(({ picked, replace, values, extra, repeat }) => {
      const start: Record<string, string> = { ...fields, ...(picked as Record<string, string>) };
      const pairs: [string, string][] = Object.entries(start).map(([name, value]) => [
        name,
        replace.includes(name) ? values[replace.indexOf(name)]! : value,
      ]);
      if (extra) pairs.push(extra);
      if (repeat) pairs.push([repeat, values[0]!]);
      const chosen = Object.entries(picked as Record<string, string>).map(([name, value]) => `${name}=${value}`);
      return {
        pairs,
        note: `fields ${JSON.stringify([...replace, ...(extra ? [extra[0]] : []), ...(repeat ? [repeat] : [])])}${chosen.length ? ` from ${chosen.join(' ')}` : ''}`,
      };
    });
};

/** The generated requests for one route: its real path (or a hostile parameter), hostile query and body. */
export function hostileRequests(plan: RoutePlan, csrf: (client: HostileRequest['client']) => string | null): fc.Arbitrary<HostileRequest> {
  const jsonPaths = plan.json === undefined ? [] : leafPaths(plan.json);
  const jsonBody: fc.Arbitrary<{ payload: string; note: string }> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(
          jsonPaths.length
            ? fc.subarray(jsonPaths, { minLength: 1, maxLength: Math.min(3, jsonPaths.length) })
            : fc.constant([[]] as string[][]),
          fc.array(hostileJson, { minLength: 3, maxLength: 3 }),
        )
        .map(([paths, values]) => ({
          payload: toJson(paths.reduce<JsonLike>((body, path, i) => setAt(body, path, values[i]!), plan.json ?? {})),
          note: `json at ${JSON.stringify(paths.map((p) => p.join('.')))}`,
        })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...prototypeKeys), hostileString), hostileJson).map(([key, value]) => {
        const base =
          plan.json !== null && typeof plan.json === 'object' && !Array.isArray(plan.json) && !(plan.json instanceof RawJson)
            ? plan.json
            : {};
        return { payload: toJson({ ...base, [key]: value }), note: `json extra key ${JSON.stringify(key)}` };
      }),
    },
    { weight: 1, arbitrary: hostileJson.map((value) => ({ payload: toJson(value), note: 'json whole body' })) },
  );
  const body = (
    encoding: Encoding,
    client: HostileRequest['client'],
  ): fc.Arbitrary<{ contentType: string | undefined; payload: string | Buffer | undefined; note: string }> => {
    const token = csrf(client);
    switch (encoding) {
      case 'json':
        return jsonBody.map((b) => ({ contentType: 'application/json', ...b }));
      case 'text':
        return fc
          .oneof(
            hostileString,
            hostileString.map((h) => `kpp-lubartow,3,Lubartów,${h},1-5\nRejon nr 3 obejmuje ulice: ${h}`),
          )
          .map((text) => ({ contentType: plan.textType, payload: text, note: 'text body' }));
      case 'urlencoded':
        return fc
          .tuple(mutatedFields(plan.fields, plan.choices), fc.option(fc.constantFrom(...rawFormPairs), { freq: 5 }))
          .map(([{ pairs, note }, raw]) => ({
            contentType: 'application/x-www-form-urlencoded',
            payload: [...pairs, ...(token ? [['_csrf', token] as [string, string]] : [])]
              .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
              .concat(raw ? [raw] : [])
              .join('&'),
            note: `${note}${raw ? ` raw ${raw}` : ''}`,
          }));
      case 'multipart':
        return fc.tuple(mutatedFields(plan.fields, plan.choices), hostileString).map(([{ pairs, note }, fileText]) => ({
          contentType: multipartType,
          payload: multipartBody(
            [...(token ? [['_csrf', token] as [string, string]] : []), ...pairs],
            plan.files.map((name) => [name, fileText]),
          ),
          note: `multipart ${note}`,
        }));
      case 'none':
        return fc.constant({ contentType: undefined, payload: undefined, note: 'no body' });
    }
  };
  return fc
    .record({
      client: fc.constantFrom<HostileRequest['client']>('anonymous', 'admin', 'officer'),
      encoding: fc.constantFrom(...plan.encodings),
      badParam: plan.params.length ? fc.option(fc.tuple(fc.constantFrom(...plan.params), hostileString), { freq: 8 }) : fc.constant(null),
      query: fc.option(fc.tuple(fc.constantFrom(...plan.queryNames, 'x', '__proto__'), hostileString), { freq: 4 }),
      remoteAddress: address,
    })
    .chain(({ client, encoding, badParam, query, remoteAddress }) =>
      body(encoding, client).map((b) => {
        let path = plan.path;
        if (badParam)
          path = plan.route
            .split('/')
            .map((segment, i) => (segment === `:${badParam[0]}` ? percentEncode(badParam[1]) || '%20' : plan.path.split('/')[i]))
            .join('/');
        const url = query ? `${path}?${percentEncode(query[0])}=${percentEncode(query[1])}` : path;
        const notes = [b.note, badParam ? `param ${badParam[0]}` : '', query ? `query ${query[0]}` : ''].filter(Boolean).join('; ');
        return { client, url, contentType: b.contentType, payload: b.payload, remoteAddress, note: `${encoding}: ${notes}` };
      }),
    );
}
