import type { ReactElement } from 'react';
import type { Db } from '../../platform/db/database.js';
import { warsawToday } from '../../platform/i18n/calendar.js';
import { formatCalendarDay, type Lang } from '../../platform/i18n/i18n.js';
import { meetingMessages } from './messages.js';
import type { Meeting } from './model.js';
import { districtMeetings, unitMeetings, type MeetingScope } from './read-meetings.js';
import { kindLabels, listingOrder } from './rules.js';

function MeetingItem({ lang, meeting, past }: { lang: Lang; meeting: Meeting; past: boolean }) {
  const m = meetingMessages[lang];
  return (
    <li className="meeting">
      <p>
        <strong>
          <time dateTime={meeting.day}>{formatCalendarDay(meeting.day, lang)}</time>, {meeting.startsAt}–{meeting.endsAt}
        </strong>
        {' · '}
        {kindLabels[meeting.kind][lang]}
        {meeting.cancelled && <strong> · {m.cancelled}</strong>}
      </p>
      <p>{meeting.topic}</p>
      {meeting.cancelReason !== null && (
        <p>
          {m.cancelReason}: {meeting.cancelReason}
        </p>
      )}
      <p className="muted small">
        {m.place}: {meeting.place}
      </p>
      {past && !meeting.cancelled && (
        <p className="small">
          {meeting.participants === null ? (
            m.noOutcome
          ) : (
            <>
              {m.participants(meeting.participants)}
              {meeting.topicsRaised && (
                <>
                  {'. '}
                  {m.topicsRaised}: {meeting.topicsRaised}
                </>
              )}
            </>
          )}
        </p>
      )}
    </li>
  );
}

/** The meetings section of a district or unit page: upcoming first, then the recent past with what happened; the feed linked. */
export function MeetingSection({ lang, scope, today }: { lang: Lang; scope: MeetingScope; today: string }) {
  const m = meetingMessages[lang];
  const { upcoming, past } = listingOrder(scope.meetings, today);
  return (
    <section aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">{m.heading}</h2>
      {upcoming.length === 0 && past.length === 0 && <p>{m.none}</p>}
      {upcoming.length > 0 && (
        <>
          <h3>{m.upcoming}</h3>
          <ul className="meetings">
            {upcoming.map((meeting) => (
              <MeetingItem key={meeting.id} lang={lang} meeting={meeting} past={false} />
            ))}
          </ul>
        </>
      )}
      {past.length > 0 && (
        <>
          <h3>{m.past}</h3>
          <ul className="meetings">
            {past.slice(0, 10).map((meeting) => (
              <MeetingItem key={meeting.id} lang={lang} meeting={meeting} past />
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={`${scope.path}/spotkania.ics`} type="text/calendar">
          {m.calendar}
        </a>
      </p>
    </section>
  );
}

/** The section for a district page (src/app.ts passes it to the districts module). */
export async function districtMeetingSection(db: Db, unitId: string, number: string, lang: Lang): Promise<ReactElement> {
  return <MeetingSection lang={lang} scope={await districtMeetings(db, unitId, number)} today={warsawToday()} />;
}

/** The section for a unit page. */
export async function unitMeetingSection(db: Db, unitId: string, lang: Lang): Promise<ReactElement> {
  return <MeetingSection lang={lang} scope={await unitMeetings(db, unitId)} today={warsawToday()} />;
}
