import type { FastifyInstance } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import type { Config } from '../../platform/config/config.js';
import { AppError } from '../../platform/http/errors.js';
import { absoluteUrl, siteOrigin } from '../../platform/http/site-url.js';
import { errorResponses } from '../../platform/http/openapi.js';
import type { Locator } from './locator/locator.js';
import type { LocateMatch } from './locator/register.js';
import { notCoveredDetails, notCoveredMessage } from './locator/not-covered.js';

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
    matchedBy: { type: 'string', enum: ['street', 'locality', 'town', 'polygon'] },
    streets: {
      type: 'array',
      items: { type: 'string' },
      description: 'matchedBy "town" only: the streets of the district in that town (empty: the whole town)',
    },
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
    ...(match.townRules ? { streets: [...new Set(match.townRules.flatMap((rule) => (rule.street ? [rule.street] : [])))] } : {}),
  });

  app.get<{ Querystring: FromSchema<typeof locateQuery> }>(
    '/api/v1/locate',
    {
      config: { access: 'public' },
      schema: {
        tags: ['locator'],
        summary: 'Find the district officer of an address (?address=) or a point (?lat=&lon=)',
        description:
          'The most specific street rule wins; when two districts are equally likely both are returned, best first. ' +
          'A town alone: every district of the town, each with matchedBy "town" and its streets there, and `locality`. ' +
          "A street without its town held by one town: that town's district, and `assumedLocality`. " +
          'Nothing found: 404 address_not_found with error.details.suggestions (only likely typos of names we hold, or the full addresses ' +
          'of a street several towns have, also in error.details.choices); a place the register does not cover has error.details.notCovered ' +
          '(the place, its county and voivodeship and the police responsible when known, and the emergency notice).',
        querystring: locateQuery,
        response: {
          200: {
            type: 'object',
            required: ['matches'],
            properties: {
              matches: { type: 'array', items: matchSchema },
              locality: { type: 'string', description: 'A town alone: the town whose districts are listed' },
              assumedLocality: { type: 'string', description: 'A street given without its town: the only town that has it' },
            },
          },
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
        const answer = register.answerAddress(text);
        switch (answer.kind) {
          case 'found':
            return {
              matches: answer.matches.map(present(siteOrigin(request, config))),
              ...(answer.assumedLocality ? { assumedLocality: answer.assumedLocality } : {}),
            };
          case 'town':
            return { matches: answer.matches.map(present(siteOrigin(request, config))), locality: answer.locality };
          case 'choices':
            throw new AppError(
              404,
              'address_not_found',
              {
                pl: `Ulica z adresu „${text}” jest w kilku miejscowościach: podaj miejscowość.`,
                en: `The street of "${text}" is in several towns: give the town.`,
              },
              {
                suggestions: answer.choices.map((choice) => choice.address),
                towns: answer.towns,
                choices: answer.choices.map((choice) => ({
                  locality: choice.locality,
                  street: choice.street,
                  address: choice.address,
                  districts: choice.cards.map((card) => ({
                    id: card.id,
                    number: card.number,
                    name: card.name,
                    url: absoluteUrl(request, config, card.url),
                    unit: card.unit.name,
                  })),
                })),
              },
            );
          case 'not_covered': {
            const details = notCoveredDetails(answer.name, answer.place, request.lang);
            throw new AppError(404, 'address_not_found', notCoveredMessage(answer.name), { suggestions: [], notCovered: details });
          }
          case 'not_found':
            throw new AppError(
              404,
              'address_not_found',
              { pl: `Nie znaleziono rejonu dla adresu „${text}”.`, en: `No district found for the address "${text}".` },
              { suggestions: answer.suggestions },
            );
        }
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
