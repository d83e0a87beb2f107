import type { ChangeBus } from '../../../platform/events/changes.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../../platform/config/config.js';
import type { Database } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/audit/actor.js';
import { AppError } from '../../../platform/http/errors.js';
import { absoluteUrl, siteOrigin } from '../../../platform/http/site-url.js';
import type { Locator } from '../../districts/index.js';
import { listCategories } from '../repository.js';
import { findCategory } from '../rules/index.js';
import { submitReport } from '../submit-report.js';
import { commaList, coordinate, dateParameter, idList, maxIdsPerQuery, optionalText, ParameterProblem, statusList } from './input.js';
import { discovery, open311Prefix, service, serviceDefinition, serviceRequest, submittedNotice } from './present.js';
import { findOpen311Report, listOpen311Reports } from './repository.js';
import {
  discoverySchema,
  open311ErrorResponses,
  serviceDefinitionSchema,
  serviceRequestsSchema,
  servicesSchema,
  submittedSchema,
} from './schemas.js';
import { formatOfUrl, langOf, notFoundText, send, toSpecErrors, type Format } from './answers.js';
import {
  commonQuery,
  defaultPageSize,
  fileParams,
  postBody,
  postQuery,
  requestsQuery,
  type PostBody,
  type RequestsQuery,
} from './request-schemas.js';

const formatsServed: Format[] = ['json', 'xml'];
const tags = ['open311'];

/** GeoReport v2: "By default … the last 90 days". */
const defaultWindowDays = 90;

/** `x.json` / `x.xml` → the name and the format; anything else is not a resource here. */
function splitFile(file: string): { name: string; format: Format } | null {
  const match = /^([^./]+)\.(json|xml)$/.exec(file);
  return match ? { name: match[1]!, format: match[2] as Format } : null;
}

/** The answers of a JSON route, for OpenAPI; the XML routes answer the same as elements. */
const jsonAnswers = (format: Format, response: Record<number, unknown>) => (format === 'json' ? { response } : {});

/**
 * Open311 GeoReport v2 at /open311/v2 for threat reports: discovery, services (the KMZB
 * categories), service definitions, reading requests (public data only) and anonymous reporting
 * through the same use case as the app. Errors use the specification's format in this scope.
 */
export function registerOpen311(app: FastifyInstance, config: Config, database: Database, changes: ChangeBus, locator: Locator): void {
  // Links in answers point where the request came in (or PUBLIC_URL): see platform/http/site-url.ts.
  const at = (request: FastifyRequest): Config => ({ ...config, publicUrl: siteOrigin(request, config) });
  const db = database.db;
  // The same burst guard as POST /api/v1/reports, in front of the per-day policy in the database.
  const burst = { max: 30, timeWindow: 60_000 };

  void app.register(
    (scope, _options, done) => {
      scope.setErrorHandler((error, request, reply) => {
        const { status, errors, headers } = toSpecErrors(error, request);
        if (status >= 500) request.log.error({ err: error }, 'open311 request failed');
        else request.log.info({ status }, 'open311 request rejected');
        for (const [name, value] of Object.entries(headers)) reply.header(name, value);
        reply.header('cache-control', 'no-store');
        return send(reply, formatOfUrl(request.url), 'errors', errors, status);
      });
      scope.setNotFoundHandler((request, reply) =>
        send(
          reply.header('cache-control', 'no-store'),
          formatOfUrl(request.url),
          'errors',
          [{ code: 404, description: notFoundText[langOf(request)] }],
          404,
        ),
      );

      for (const format of formatsServed) {
        scope.get(
          `/discovery.${format}`,
          {
            config: { access: 'public' },
            schema: {
              tags,
              summary: `Open311 service discovery (${format})`,
              querystring: commonQuery,
              ...jsonAnswers(format, { 200: discoverySchema, ...open311ErrorResponses(400) }),
            },
          },
          async (request, reply) => send(reply, format, 'discovery', discovery(at(request))),
        );

        scope.get(
          `/services.${format}`,
          {
            config: { access: 'public' },
            schema: {
              tags,
              summary: `Open311 services: the active KMZB threat categories (${format})`,
              querystring: commonQuery,
              ...jsonAnswers(format, { 200: servicesSchema, ...open311ErrorResponses(400) }),
            },
          },
          async (request, reply) => {
            const lang = langOf(request);
            const categories = (await listCategories(db)).filter((c) => c.active);
            return send(
              reply,
              format,
              'services',
              categories.map((c) => service(c, lang)),
            );
          },
        );

        scope.get<{ Querystring: RequestsQuery }>(
          `/requests.${format}`,
          {
            config: { access: 'public' },
            schema: {
              tags,
              summary: `Open311 service requests, newest first; public data only (${format})`,
              querystring: requestsQuery,
              ...jsonAnswers(format, { 200: serviceRequestsSchema, ...open311ErrorResponses(400) }),
            },
          },
          async (request, reply) => {
            const q = request.query;
            const lang = langOf(request);
            const ids = idList('service_request_id', q.service_request_id);
            const categoryIds = commaList(q.service_code);
            const statuses = statusList(q.status);
            let from = dateParameter('start_date', q.start_date);
            const to = dateParameter('end_date', q.end_date);
            if (from && to && from > to) {
              throw new ParameterProblem('end_date', {
                pl: 'Parametr end_date nie może być wcześniejszy niż start_date.',
                en: 'end_date cannot be earlier than start_date.',
              });
            }
            if (categoryIds) {
              const known = new Set((await listCategories(db)).map((c) => c.code));
              const unknown = categoryIds.find((code) => !known.has(code));
              if (unknown !== undefined) {
                throw new ParameterProblem('service_code', {
                  pl: `Nie ma usługi o kodzie „${unknown}”; listę podaje ${open311Prefix}/services.json.`,
                  en: `There is no service with the code "${unknown}"; see ${open311Prefix}/services.json.`,
                });
              }
            }
            if (!from && !ids) from = new Date((to ?? new Date()).getTime() - defaultWindowDays * 86_400_000);
            // Asking for given numbers answers all of them at once: no window, no paging.
            const page = ids ? 1 : (q.page ?? 1);
            const pageSize = ids ? maxIdsPerQuery : (q.page_size ?? defaultPageSize);
            const { reports, more } = await listOpen311Reports(db, { ids, categoryIds, from, to, statuses, page, pageSize });
            if (more) {
              const next = new URL(request.url, 'http://localhost');
              next.searchParams.set('page', String(page + 1));
              reply.header('link', `<${absoluteUrl(request, config, next.pathname + next.search)}>; rel="next"`);
            }
            return send(
              reply,
              format,
              'service_requests',
              reports.map((r) => serviceRequest(r, at(request), lang)),
            );
          },
        );

        scope.post<{ Body: PostBody }>(
          `/requests.${format}`,
          {
            // No cookie-authenticated action here: anonymous intake, the session is never read.
            config: { access: 'public', csrf: false, rateLimit: burst },
            schema: {
              tags,
              summary: `Open311: report a threat (no account needed; api_key accepted and ignored) (${format})`,
              querystring: postQuery,
              body: postBody,
              ...jsonAnswers(format, { 201: submittedSchema, ...open311ErrorResponses(400, 422, 429) }),
            },
          },
          async (request, reply) => {
            const b = request.body;
            const lang = langOf(request);
            // A stranger's address is never fetched (it could point inside the police network), and
            // Open311 takes no files: they are police-only and come through the report form. Many
            // clients send the field empty on every request: empty is absent.
            const given = (value: unknown) => (typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null);
            if (given(b.media_url) || given(b.media)) {
              throw new ParameterProblem(given(b.media_url) ? 'media_url' : 'media', {
                pl: 'Zdjęć i plików nie przyjmujemy przez Open311: serwer nigdy nie pobiera pliku spod podanego adresu (media_url). Dołącz je w formularzu zgłoszenia na stronie /zglos.',
                en: 'Photos and files are not taken through Open311: the server never fetches a file from an address it is given (media_url). Attach them on the report form at /zglos.',
              });
            }
            const lat = coordinate('lat', b.lat);
            const lon = coordinate('long', b.long);
            const address = optionalText(b.address_string);
            if ((lat === null) !== (lon === null)) {
              throw new ParameterProblem(lat === null ? 'lat' : 'long', {
                pl: 'Podaj obie współrzędne: lat i long.',
                en: 'Give both coordinates: lat and long.',
              });
            }
            if (lat === null && address === null) {
              throw new ParameterProblem('lat', {
                pl: 'Podaj miejsce: lat i long (WGS84) albo address_string.',
                en: 'Give the place: lat and long (WGS84), or address_string.',
              });
            }
            const category = findCategory(await listCategories(db), b.service_code);
            if (!category) {
              throw new ParameterProblem('service_code', {
                pl: `Nie ma usługi o kodzie „${b.service_code}”; listę podaje ${open311Prefix}/services.json.`,
                en: `There is no service with the code "${b.service_code}"; see ${open311Prefix}/services.json.`,
              });
            }
            // Built here rather than from the session: this route never acts as a signed-in account.
            const actor: Actor = { accountId: null, label: 'mieszkaniec (Open311)', ip: request.ip, requestId: request.id };
            const result = await submitReport(
              db,
              changes,
              await locator.current(),
              actor,
              {
                categoryCode: b.service_code,
                lat,
                lon,
                // A point wins over an address, as in the app's own form.
                address: lat === null ? address : null,
                description: optionalText(b.description),
                email: optionalText(b.email),
                eventDate: null,
                honeypot: null,
              },
              { publicUrl: config.publicUrl, lang },
            );
            if (result.spam) throw new AppError(400, 'rejected', { pl: 'Zgłoszenie odrzucone.', en: 'Submission rejected.' });
            const id = result.report.id;
            reply.header('location', absoluteUrl(request, config, `${open311Prefix}/requests/${id}.${format}`));
            return send(
              reply,
              format,
              'service_requests',
              [
                {
                  service_request_id: String(id),
                  service_notice: submittedNotice(id, result.placement.placeName, at(request))[lang],
                  account_id: null,
                },
              ],
              201,
            );
          },
        );
      }

      scope.get<{ Params: { file: string } }>(
        '/services/:file',
        {
          config: { access: 'public' },
          schema: {
            tags,
            summary: 'Open311 service definition: /services/{service_code}.json or .xml',
            params: fileParams,
            querystring: commonQuery,
            response: { 200: serviceDefinitionSchema, ...open311ErrorResponses(400, 404) },
          },
        },
        async (request, reply) => {
          const file = splitFile(request.params.file);
          if (!file) throw new AppError(404, 'not_found', notFoundText);
          const category = (await listCategories(db)).find((c) => c.code === file.name);
          if (!category || !category.active) {
            throw new AppError(404, 'service_not_found', {
              pl: `Nie ma usługi o kodzie „${file.name}”; listę podaje ${open311Prefix}/services.json.`,
              en: `There is no service with the code "${file.name}"; see ${open311Prefix}/services.json.`,
            });
          }
          return send(reply, file.format, 'service_definition', serviceDefinition(category, langOf(request)));
        },
      );

      scope.get<{ Params: { file: string } }>(
        '/requests/:file',
        {
          config: { access: 'public' },
          schema: {
            tags,
            summary: 'Open311 one service request: /requests/{service_request_id}.json or .xml',
            params: fileParams,
            querystring: commonQuery,
            response: { 200: serviceRequestsSchema, ...open311ErrorResponses(400, 404) },
          },
        },
        async (request, reply) => {
          const file = splitFile(request.params.file);
          if (!file) throw new AppError(404, 'not_found', notFoundText);
          const id = /^[1-9]\d{0,15}$/.test(file.name) ? Number(file.name) : NaN;
          const report = Number.isSafeInteger(id) ? await findOpen311Report(db, id) : undefined;
          if (!report)
            throw new AppError(404, 'request_not_found', {
              pl: `Nie ma zgłoszenia nr ${file.name}.`,
              en: `There is no request ${file.name}.`,
            });
          return send(reply, file.format, 'service_requests', [serviceRequest(report, at(request), langOf(request))]);
        },
      );
      done();
    },
    { prefix: open311Prefix },
  );
}
