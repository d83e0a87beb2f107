import { unitKinds } from './model.js';

/** A unit id: lower-case letters and digits in dash-separated words, e.g. kpp-lubartow. */
export const unitIdPattern = '[a-z0-9]+(-[a-z0-9]+)*';

/** At least 3 characters once trimmed (the database's check): two non-spaces with something between. */
const unitName = { type: 'string', minLength: 3, maxLength: 200, pattern: '\\S[\\s\\S]+\\S' } as const;

const text = (max: number) => ({ type: ['string', 'null'], minLength: 1, maxLength: max }) as const;

/** Contact fields shared by creating and editing a unit. */
export const unitContactProperties = {
  street: text(200),
  postalCode: { type: ['string', 'null'], pattern: '^\\d{2}-\\d{3}$' },
  locality: text(100),
  // 6–15 digits (E.164 allows 15), with the usual separators: "+48 81 855 12 34", "(81) 855-12-34".
  phone: { type: ['string', 'null'], pattern: '^(?=(?:[^0-9]*[0-9]){6,15}[^0-9]*$)\\+?[0-9 ()-]{6,30}$' },
  email: { type: ['string', 'null'], format: 'email', maxLength: 254 },
  website: { type: ['string', 'null'], format: 'uri', pattern: '^https?://', maxLength: 300 },
  // Free text a resident reads at a glance ("pon.–pt. 7:30–15:30; dyżurny całą dobę").
  openingHours: text(200),
  location: {
    type: ['object', 'null'],
    additionalProperties: false,
    required: ['lat', 'lon'],
    properties: { lat: { type: 'number', minimum: -90, maximum: 90 }, lon: { type: 'number', minimum: -180, maximum: 180 } },
  },
} as const;

export const createUnitBody = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'name', 'parentId'],
  properties: {
    id: { type: 'string', minLength: 2, maxLength: 60, pattern: `^${unitIdPattern}$` },
    parentId: { type: ['string', 'null'], maxLength: 60 },
    kind: { type: 'string', enum: unitKinds },
    name: unitName,
    ...unitContactProperties,
  },
} as const;

export const updateUnitBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    parentId: { type: 'string', maxLength: 60 },
    name: unitName,
    ...unitContactProperties,
  },
} as const;

export const unitSchema = {
  type: 'object',
  required: ['id', 'parentId', 'kind', 'name', 'url'],
  properties: {
    id: { type: 'string', description: 'Readable, globally unique id, e.g. kpp-lubartow' },
    parentId: { type: ['string', 'null'] },
    kind: { type: 'string', enum: unitKinds },
    name: { type: 'string' },
    url: { type: 'string', description: 'Public page of the unit' },
    address: {
      type: ['object', 'null'],
      properties: {
        street: { type: ['string', 'null'] },
        postalCode: { type: ['string', 'null'] },
        locality: { type: ['string', 'null'] },
      },
    },
    phone: { type: ['string', 'null'] },
    email: { type: ['string', 'null'] },
    website: { type: ['string', 'null'] },
    openingHours: { type: ['string', 'null'] },
    location: { type: ['object', 'null'], properties: { lat: { type: 'number' }, lon: { type: 'number' } } },
    retired: { type: 'boolean' },
  },
} as const;

export const unitFieldLabels = {
  pl: {
    id: 'Identyfikator',
    parentId: 'Jednostka nadrzędna',
    kind: 'Rodzaj',
    name: 'Nazwa',
    street: 'Ulica i numer',
    postalCode: 'Kod pocztowy',
    locality: 'Miejscowość',
    phone: 'Telefon',
    email: 'Adres e-mail',
    website: 'Strona internetowa',
    openingHours: 'Godziny przyjęć',
    location: 'Położenie',
    'location.lat': 'Szerokość geograficzna',
    'location.lon': 'Długość geograficzna',
  },
  en: {
    id: 'Id',
    parentId: 'Parent unit',
    kind: 'Kind',
    name: 'Name',
    street: 'Street and number',
    postalCode: 'Postal code',
    locality: 'Town',
    phone: 'Phone',
    email: 'E-mail address',
    website: 'Website',
    openingHours: 'Opening hours',
    location: 'Location',
    'location.lat': 'Latitude',
    'location.lon': 'Longitude',
  },
};
