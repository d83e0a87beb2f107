import type { Config } from '../../../platform/config/config.js';
import type { Lang, Localized } from '../../../platform/i18n/i18n.js';
import { reportUrl, type StoredCategory } from '../model.js';
import { awaitingReviewLabel, publicStatus, statusLabels } from '../rules/index.js';
import type { Open311Report } from './repository.js';

/** When the definition of this endpoint last changed (discovery's `changeset`). */
export const open311Changeset = '2026-12-01T00:00:00Z';
export const open311Prefix = '/open311/v2';
export const specificationUrl = 'http://wiki.open311.org/GeoReport_v2';
export const formats = ['application/json', 'text/xml'];

export function discovery(config: Config) {
  return {
    changeset: open311Changeset,
    contact: `Dzielnicowy: ${config.publicUrl}/ (zgłoszenia zagrożeń KMZB / threat reports). W nagłych sprawach dzwoń pod 112 / In an emergency call 112.`,
    key_service:
      'Klucz API nie jest potrzebny: zgłoszenie wysyła się bez konta, z limitem na adres IP (co jest przechowywane: /prywatnosc). / No API key needed: reports are sent without an account, limited per IP address (what is kept: /prywatnosc).',
    endpoints: [
      {
        specification: specificationUrl,
        url: `${config.publicUrl}${open311Prefix}`,
        changeset: open311Changeset,
        type: 'production',
        formats,
      },
    ],
  };
}

const months = (lang: Lang, from: number, to: number) => {
  const name = (m: number) =>
    new Intl.DateTimeFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2000, m - 1, 1)),
    );
  return `${name(from)}–${name(to)}`;
};

function serviceDescription(category: StoredCategory, lang: Lang): string {
  const name = category.name[lang];
  const parts =
    lang === 'pl'
      ? [
          `Zgłoszenie zagrożenia „${name}” na Krajowej Mapie Zagrożeń Bezpieczeństwa; trafia do dzielnicowego rejonu, w którym leży wskazane miejsce.`,
        ]
      : [`A report of "${name}" on the National Map of Security Threats (KMZB); it goes to the district officer of the place.`];
  if (category.roadCategory) parts.push(lang === 'pl' ? 'Weryfikuje je także policja ruchu drogowego.' : 'Traffic police verify it too.');
  if (category.season) {
    const span = months(lang, category.season.fromMonth, category.season.toMonth);
    parts.push(lang === 'pl' ? `Przyjmowane tylko w miesiącach ${span}.` : `Accepted only in ${span}.`);
  }
  if (category.descriptionRequired)
    parts.push(lang === 'pl' ? 'Opis zagrożenia (description) jest wymagany.' : 'A description is required.');
  parts.push(
    lang === 'pl'
      ? 'Opis i dokładne miejsce widzi tylko Policja. W nagłych sprawach dzwoń pod 112.'
      : 'Only the police see the description and the exact place. In an emergency call 112.',
  );
  return parts.join(' ');
}

function keywords(category: StoredCategory, lang: Lang): string {
  const words = category.name[lang]
    .toLocaleLowerCase(lang === 'pl' ? 'pl-PL' : 'en-GB')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => [...w].length > 3);
  const extra = [
    'kmzb',
    lang === 'pl' ? 'zagrożenie' : 'threat',
    ...(category.roadCategory ? [lang === 'pl' ? 'ruch drogowy' : 'road traffic'] : []),
    ...(category.season ? [lang === 'pl' ? 'sezonowe' : 'seasonal'] : []),
  ];
  return [...new Set([...words, ...extra])].join(',');
}

/** One entry of services.json: retired categories are not offered, so the caller leaves them out. */
export function service(category: StoredCategory, lang: Lang) {
  return {
    service_code: category.code,
    service_name: category.name[lang],
    description: serviceDescription(category, lang),
    metadata: category.descriptionRequired,
    type: 'realtime',
    keywords: keywords(category, lang),
    group: 'KMZB',
  };
}

/**
 * The service definition. The only extra rule a category can have is a required description, and
 * `description` is a standard field of the request, so it is shown as an informational attribute
 * (variable false: nothing to send under attribute[…]).
 */
export function serviceDefinition(category: StoredCategory, lang: Lang) {
  const attributes = category.descriptionRequired
    ? [
        {
          variable: false,
          code: 'description-required',
          datatype: 'text',
          required: false,
          datatype_description: null,
          order: 1,
          description:
            lang === 'pl'
              ? `W kategorii „${category.name.pl}” opis zagrożenia jest wymagany: wyślij go w polu description (najwyżej 500 znaków). Opis widzi tylko Policja.`
              : `A description is required in the category "${category.name.en}": send it in the description field (at most 500 characters). Only the police see it.`,
        },
      ]
    : [];
  return { service_code: category.code, attributes };
}

const publicNotice = (config: Config, id: number): Localized => ({
  pl: `Publicznie widać tylko kategorię, status i przybliżone miejsce (siatka 50 m); opis i dokładne miejsce widzi tylko Policja. Szczegóły: ${config.publicUrl}${reportUrl(id)}`,
  en: `Only the category, the status and the approximate place (a 50 m grid) are public; only the police see the description and the exact place. Details: ${config.publicUrl}${reportUrl(id)}`,
});

/**
 * A service request as anyone may see it. Left out on purpose: `description` (the resident's
 * words, police only) and `address` (the typed address, police only); `lat`/`long` are the
 * approximate public position, never the exact point.
 */
export function serviceRequest(report: Open311Report, config: Config, lang: Lang) {
  return {
    service_request_id: String(report.id),
    status: publicStatus(report.status),
    status_notes: (report.awaitingReview ? awaitingReviewLabel : statusLabels[report.status])[lang],
    service_name: report.categoryName[lang],
    service_code: report.categoryId,
    agency_responsible: report.unitName,
    service_notice: publicNotice(config, report.id)[lang],
    requested_datetime: report.createdAt.toISOString(),
    updated_datetime: report.updatedAt.toISOString(),
    expected_datetime: null,
    address_id: null,
    zipcode: null,
    lat: report.publicPosition?.lat ?? null,
    long: report.publicPosition?.lon ?? null,
    media_url: null,
    extended_attributes: {
      status: report.status,
      status_name: statusLabels[report.status][lang],
      district_id: report.districtId,
      approximate_position: true,
      awaiting_review: report.awaitingReview,
      forwarded_to: report.forwardedTo,
      duplicate_of: report.duplicateOf === null ? null : String(report.duplicateOf),
      url: `${config.publicUrl}${reportUrl(report.id)}`,
    },
  };
}

export function submittedNotice(id: number, placeName: string, config: Config): Localized {
  return {
    pl: `Dziękujemy. Zgłoszenie nr ${id} przyjęte i przekazane: ${placeName}. Opis i dokładne miejsce widzi tylko Policja. Status: ${config.publicUrl}${reportUrl(id)}. W nagłych sprawach dzwoń pod 112.`,
    en: `Thank you. Report ${id} has been accepted and passed to: ${placeName}. Only the police see the description and the exact place. Status: ${config.publicUrl}${reportUrl(id)}. In an emergency call 112.`,
  };
}

/** Item element names of the XML documents. */
export const xmlItems = {
  endpoints: 'endpoint',
  formats: 'format',
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
} as const;
