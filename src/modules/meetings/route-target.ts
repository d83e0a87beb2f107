import type { Db } from '../../platform/db/database.js';
import { targetCheck } from '../access/index.js';
import { meetingErrors } from './manage-meetings.js';
import { findMeeting } from './repository.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `config.target` of routes on `:id` meetings. Meetings are public, so a refusal is 403. The check
 * stands on the event's first district; the use case asks again for every district it concerns.
 */
export const meetingTarget = (db: Db) =>
  targetCheck(db, async (db, { id }) => {
    const meeting = id !== undefined && uuid.test(id) ? await findMeeting(db, id) : undefined;
    return meeting && { target: { unitId: meeting.unit_id, districtId: meeting.district_ids[0] }, forbidden: meetingErrors.forbidden() };
  });
