import dc from 'node:diagnostics_channel';
import type { FastifyInstance, FastifySchema } from 'fastify';

/** One route as Fastify registered it (one entry per method). */
export interface RouteEntry {
  method: string;
  url: string;
  schema: (FastifySchema & { consumes?: string[]; hide?: boolean }) | undefined;
  /** Who may call it: the route's `config.access` (platform/auth/guards.ts), undefined when it declares none. */
  access: string | undefined;
  /** Whether the route checks the person against the thing its params name before the body (`config.target`). */
  checksTarget: boolean;
}

/**
 * Builds the app while recording every route it registers. Fastify announces each new instance on
 * the "fastify.initialization" channel before any route exists, so an onRoute hook added there sees
 * all of them (plugins and prefixed scopes included) without any change to the app.
 */
export async function withRouteTable<T>(build: () => Promise<T>): Promise<{ built: T; routes: RouteEntry[] }> {
  const routes: RouteEntry[] = [];
  const onInit = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        const entry = { method, url: route.url ?? route.path, schema: route.schema as RouteEntry['schema'] };
        // Read when asked: the app's own onRoute hooks (later than this one) may still set it.
        const config = () => route.config as { access?: string; target?: unknown } | undefined;
        routes.push(
          Object.defineProperties(entry, {
            access: { enumerable: true, get: () => config()?.access },
            checksTarget: { enumerable: true, get: () => typeof config()?.target === 'function' },
          }) as RouteEntry,
        );
      }
    });
  };
  dc.subscribe('fastify.initialization', onInit);
  try {
    return { built: await build(), routes };
  } finally {
    dc.unsubscribe('fastify.initialization', onInit);
  }
}

export const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** "/admin/plans/:id/transition" → a pattern for concrete paths ("/admin/plans/1b2…/transition"). */
export function routePattern(url: string): RegExp {
  const escaped = url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+');
  return new RegExp(`^${escaped}/?$`);
}

export function paramNames(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
}

/** A form found on a page: where it posts, how, and its fields with the values the page gave them. */
export interface FoundForm {
  action: string;
  multipart: boolean;
  /** Each field with the value the page gave it (the first option, button or radio value). */
  fields: Record<string, string>;
  /** Every value the page offers for a field (options, radio buttons, submit buttons), to pick from. */
  choices: Record<string, string[]>;
  /** Names of the file inputs. */
  files: string[];
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescapeHtml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The POST forms of a server-rendered page (our pages are React's static markup: regular enough to read with patterns). */
export function postForms(html: string): FoundForm[] {
  const forms: FoundForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [, open = '', inner = ''] = match;
    if ((attribute(open, 'method') ?? 'get').toLowerCase() !== 'post') continue;
    const fields: Record<string, string> = {};
    const choices: Record<string, string[]> = {};
    const files: string[] = [];
    const offer = (name: string, values: string[]) => {
      if (!Object.hasOwn(fields, name)) fields[name] = values[0] ?? '';
      if (values.length) (choices[name] ??= []).push(...values);
    };
    for (const element of inner.matchAll(/<(input|textarea|select|button)\b([^>]*)>([\s\S]*?<\/(?:textarea|select)>)?/g)) {
      const [, tag, attrs = '', body = ''] = element;
      const name = attribute(attrs, 'name');
      if (!name) continue;
      const type = attribute(attrs, 'type');
      if (type === 'file') files.push(name);
      else if (tag === 'select')
        offer(
          name,
          [...body.matchAll(/<option\b[^>]*value="([^"]*)"/g)].map((o) => unescapeHtml(o[1]!)),
        );
      else if (tag === 'textarea') offer(name, [unescapeHtml(body.replace(/<\/textarea>$/, ''))]);
      else if (tag === 'button' || type === 'radio') offer(name, [unescapeHtml(attribute(attrs, 'value') ?? '')]);
      else offer(name, [unescapeHtml(attribute(attrs, 'value') ?? (type === 'checkbox' ? 'on' : ''))]);
    }
    forms.push({
      action: unescapeHtml(attribute(open, 'action') ?? ''),
      multipart: attribute(open, 'enctype') === 'multipart/form-data',
      fields,
      choices,
      files,
    });
  }
  return forms;
}
