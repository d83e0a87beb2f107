/**
 * The answer for a place the register does not cover yet: said the same way by the page and the
 * API. The emergency notice is the site's own (the footer's words), not a second wording of it.
 */
import type { Lang } from '../../../platform/i18n/i18n.js';
import { layoutMessages } from '../../../platform/render/messages.js';
import { publicMessages } from '../public/messages.js';
import type { Place } from './places.js';

export interface NotCoveredDetails {
  place: string;
  /** "Kraków" (a city with county rights) or "powiat tatrzański"; null when the county is not known. */
  county: string | null;
  voivodeship: string | null;
  /** The county or city police command answering for the place, in words. */
  unit: string | null;
  voivodeshipCommand: string | null;
  emergency: string;
}

export function notCoveredMessage(name: string): { pl: string; en: string } {
  return { pl: `${publicMessages.pl.notCovered(name)}.`, en: `${publicMessages.en.notCovered(name)}.` };
}

export function emergencyNotice(lang: Lang): string {
  return layoutMessages[lang].footerNote;
}

export function notCoveredDetails(name: string, place: Place | null, lang: Lang): NotCoveredDetails {
  const m = publicMessages[lang];
  return {
    place: name,
    county: place ? (place.cityCounty ? place.county : `powiat ${place.county}`) : null,
    voivodeship: place?.voivodeship ?? null,
    unit: place ? m.responsibleUnit(place) : null,
    voivodeshipCommand: place?.voivodeshipCommand || null,
    emergency: emergencyNotice(lang),
  };
}
