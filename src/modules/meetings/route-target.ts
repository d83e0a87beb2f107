import type { Db } from '../../platform/db/database.js';
import { targetCheck } from '../access/index.js';
import { meetingErrors } from './manage-meetings.js';
import { findMeeting } from './repository.js';

/**
 * `config.target` of routes on `:id` meetings. Meetings are public, so a refusal is 403. A person
 * acts on an event only when they may manage every district it names (an officer serving two of
 * its three districts may not cancel it for the third); the use case asks again inside its
 * transaction, and again for the districts a change moves it to.
 */
export const meetingTarget = (db: Db) =>
  targetCheck(db, async (db, { id }) => {
    const meeting = id !== undefined ? await findMeeting(db, id) : undefined;
    if (!meeting) return undefined;
    const [first, ...others] = meeting.district_ids.map((districtId) => ({ unitId: meeting.unit_id, districtId }));
    return { target: first!, alsoTargets: others, forbidden: meetingErrors.forbidden() };
  });
