import type { FastifyInstance } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import type { Config } from '../../platform/config/config.js';
import { AppError } from '../../platform/http/errors.js';
import { absoluteUrl, siteOrigin } from '../../platform/http/site-url.js';
import { errorResponses } from '../../platform/http/openapi.js';
import type { Locator } from './locator/locator.js';
import type { LocateMatch } from './locator/register.js';

const locateQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    address: { type: 'string', minLength: 1, maxLength: 300, description: 'Free text, e.g. "Lubartów, ul. Powstańców Warszawy 17"' },
    lat: { type: 'number', minimum: -90, maximum: 90 },
    lon: { type: 'number', minimum: -180, maximum: 180 },
  },
} as const;

const matchSchema = {
  type: 'object',
  required: ['district', 'unit', 'officer', 'phone', 'email', 'matchedBy'],
  properties: {
    district: {
      type: 'object',
      required: ['id', 'number', 'name', 'url'],
      properties: { id: { type: 'string' }, number: { type: 'integer' }, name: { type: 'string' }, url: { type: 'string' } },
    },
    unit: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
    officer: {
      type: ['object', 'null'],
      required: ['rank', 'name'],
      properties: { rank: { type: 'string' }, name: { type: 'string' }, substitute: { type: 'boolean' } },
    },
    phone: { type: ['string', 'null'] },
    email: { type: ['string', 'null'] },
    matchedBy: { type: 'string', enum: ['street', 'locality', 'polygon'] },
  },
} as const;

/** GET /api/v1/locate: whose district is this address or point? Answered from memory. */
export function registerLocateApi(app: FastifyInstance, config: Config, locator: Locator): void {
  const present = (origin: string) => (match: LocateMatch) => ({
    district: { id: match.card.id, number: match.card.number, name: match.card.name, url: `${origin}${match.card.url}` },
    unit: { id: match.card.unit.id, name: match.card.unit.name },
    officer: match.card.officer,
    phone: match.card.phone,
    email: match.card.email,
    matchedBy: match.matchedBy,
  });

  app.get<{ Querystring: FromSchema<typeof locateQuery> }>(
    '/api/v1/locate',
    {
      schema: {
        tags: ['locator'],
        summary: 'Find the district officer of an address (?address=) or a point (?lat=&lon=)',
        description:
          'The most specific street rule wins; when two districts are equally likely both are returned, best first. ' +
          'Nothing found: 404 address_not_found with close suggestions in error.details.suggestions.',
        querystring: locateQuery,
        response: {
          200: { type: 'object', required: ['matches'], properties: { matches: { type: 'array', items: matchSchema } } },
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const { address, lat, lon } = request.query;
      const hasPoint = lat !== undefined || lon !== undefined;
      if ((address === undefined) === !hasPoint || (hasPoint && (lat === undefined || lon === undefined))) {
        throw new AppError(400, 'invalid_query', {
          pl: 'Podaj albo adres (address), albo współrzędne (lat i lon).',
          en: 'Give either an address (address) or coordinates (lat and lon).',
        });
      }
      const register = await locator.current();
      reply.header('cache-control', 'public, max-age=60');
      if (address !== undefined) {
        const text = address.trim();
        const result = register.byAddress(text);
        if (result.matches.length === 0) {
          throw new AppError(
            404,
            'address_not_found',
            { pl: `Nie znaleziono rejonu dla adresu „${text}”.`, en: `No district found for the address "${text}".` },
            { suggestions: result.suggestions },
          );
        }
        return { matches: result.matches.map(present(siteOrigin(request, config))) };
      }
      const { matches, units } = register.byPoint(lat!, lon!);
      if (matches.length === 0) {
        throw new AppError(
          404,
          'point_not_covered',
          {
            pl: 'To miejsce nie leży w żadnym rejonie z zaznaczonym obszarem. Podaj adres albo skontaktuj się z jednostką.',
            en: 'This place is not inside any district with a drawn area. Give an address or contact the police unit.',
          },
          { units: units.map((unit) => ({ id: unit.id, name: unit.name, url: absoluteUrl(request, config, unit.url) })) },
        );
      }
      return { matches: matches.map(present(siteOrigin(request, config))) };
    },
  );
}
