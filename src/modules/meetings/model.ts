import type { MeetingKind } from './rules.js';
import type { MeetingRow } from './repository.js';

/** A meeting or debate with residents, as the module hands it out. */
export interface Meeting {
  id: string;
  unitId: string;
  districtIds: string[];
  kind: MeetingKind;
  /** YYYY-MM-DD and HH:MM in Poland. */
  day: string;
  startsAt: string;
  endsAt: string;
  place: string;
  topic: string;
  /** Raised on every change; the iCalendar SEQUENCE. */
  sequence: number;
  cancelled: boolean;
  /** Why it was cancelled (powód odwołania); null while it is not. */
  cancelReason: string | null;
  /** Recorded after the event. */
  participants: number | null;
  topicsRaised: string | null;
  updatedAt: Date;
}

export function meetingOf(row: MeetingRow): Meeting {
  return {
    id: row.id,
    unitId: row.unit_id,
    districtIds: row.district_ids,
    kind: row.kind as MeetingKind,
    day: row.on_day,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    topic: row.topic,
    sequence: row.sequence,
    cancelled: row.cancelled_at !== null,
    cancelReason: row.cancel_reason,
    participants: row.participants,
    topicsRaised: row.topics_raised,
    updatedAt: row.updated_at,
  };
}
