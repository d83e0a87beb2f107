import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { meetingOf, type Meeting } from './model.js';
import { districtNamed, meetingsOfDistrict, meetingsOfUnit, unitNamed } from './repository.js';

/** Reading meetings for the public pages, the API and the feeds; the newest 200 of a district or unit. */
const listLimit = 200;

export interface MeetingScope {
  /** "Rejon nr 3 – Centrum (KPP Testowo)" or the unit's name: the feed's name. */
  name: string;
  /** The public page the events are listed on. */
  path: string;
  meetings: Meeting[];
}

const districtNotFound = () => new AppError(404, 'district_not_found', { pl: 'Nie ma takiego rejonu.', en: 'No such district.' });

export async function districtMeetings(db: Db, unitId: string, number: string): Promise<MeetingScope> {
  const n = /^\d{1,4}$/.test(number) ? Number(number) : NaN;
  const district = Number.isNaN(n) ? undefined : await districtNamed(db, unitId, n);
  if (!district) throw districtNotFound();
  return {
    name: `Rejon nr ${district.number} – ${district.name} (${district.unit_name})`,
    path: `/rejony/${encodeURIComponent(unitId)}/${district.number}`,
    meetings: (await meetingsOfDistrict(db, district.id, listLimit)).map(meetingOf),
  };
}

export async function unitMeetings(db: Db, unitId: string): Promise<MeetingScope> {
  const unit = await unitNamed(db, unitId);
  if (!unit) throw new AppError(404, 'unit_not_found', { pl: 'Nie ma takiej jednostki.', en: 'No such unit.' });
  return {
    name: unit.name,
    path: `/jednostki/${encodeURIComponent(unit.id)}`,
    meetings: (await meetingsOfUnit(db, unit.id, listLimit)).map(meetingOf),
  };
}
