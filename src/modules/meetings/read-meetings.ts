import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import { personDistricts } from '../districts/index.js';
import { assertMayManage, meetingErrors } from './manage-meetings.js';
import { meetingOf, type Meeting } from './model.js';
import { districtNamed, findMeeting, meetingsForStaff, meetingsOfDistrict, meetingsOfUnit, unitNamed } from './repository.js';
import { staffGroups, type StaffGroups } from './rules.js';

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

/**
 * The staff list (/admin/meetings): an officer's events about the districts they serve today, a
 * supervisor's or commander's of their unit and below; the newest 200, grouped for the work left.
 */
export async function staffMeetings(db: Db, principal: Principal, today = warsawToday()): Promise<StaffGroups<Meeting>> {
  const rows = await meetingsForStaff(db, await personDistricts(db, principal, today), listLimit);
  return staffGroups(rows.map(meetingOf), today);
}

/** One event for its staff page: 404 when there is none, 403 unless the person may manage every district it names. */
export async function managedMeeting(db: Db, principal: Principal, id: string): Promise<Meeting> {
  const row = await findMeeting(db, id);
  if (!row) throw meetingErrors.notFound();
  await assertMayManage(db, principal, row.unit_id, row.district_ids);
  return meetingOf(row);
}
