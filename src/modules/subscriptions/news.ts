import type { Db } from '../../platform/db/database.js';
import type { Trx } from '../../platform/audit/actor.js';
import { formatCalendarDay, type Lang, type Localized } from '../../platform/i18n/i18n.js';
import { districtUrl } from '../districts/index.js';
import { meetingKindLabels, meetingMessages } from '../meetings/index.js';
import { meetingNews, planNews } from './repository.js';
import type { NewsItem, NewsKind } from './rules.js';

/**
 * A district's news (aktualności rejonu) read from the plans and meetings tables: a plan published
 * (every version) or evaluated, a meeting announced, changed or cancelled. The Atom feed shows it
 * and the notifier mails it; neither changes the plans or meetings modules.
 */
export interface News extends NewsItem {
  /** What the feed's entry is about, for its id: a meeting stays one entry however often it changes. */
  entryKey: string;
  title: Localized;
  summary: Localized | null;
  /** Who tells it: the unit. */
  unitName: string;
  /** The page to read it on, for a follower of `districtId`. */
  path(districtId: string): string;
  /** A meeting's day: a past meeting is no news to mail. */
  day: string | null;
}

const both = (make: (lang: Lang) => string): Localized => ({ pl: make('pl'), en: make('en') });

type PlanRow = Awaited<ReturnType<typeof planNews>>[number];
type MeetingRow = Awaited<ReturnType<typeof meetingNews>>[number];

function planItem(row: PlanRow): News {
  const published = row.transition === 'publish';
  const period = (lang: Lang) => `${formatCalendarDay(row.period_from, lang)} – ${formatCalendarDay(row.period_to, lang)}`;
  const what = (lang: Lang) =>
    !published
      ? lang === 'pl'
        ? 'Ocena realizacji planu działania priorytetowego'
        : 'Evaluation of the priority action plan'
      : row.version > 1
        ? lang === 'pl'
          ? `Nowa wersja (${row.version}) planu działania priorytetowego`
          : `New version (${row.version}) of the priority action plan`
        : lang === 'pl'
          ? 'Opublikowano plan działania priorytetowego'
          : 'Priority action plan published';
  return {
    key: `plan-event:${row.id}`,
    entryKey: `plan-event:${row.id}`,
    kind: published ? 'plan_published' : 'plan_evaluated',
    districtIds: [row.district_id],
    at: row.at,
    title: both((lang) => `${what(lang)} (${period(lang)})`),
    summary: null,
    unitName: row.unit_name,
    // An evaluation's news leads to its report (sprawozdanie): the verdict, the chart and the actions.
    path: () => (published ? `/plany/${row.plan_id}` : `/plany/${row.plan_id}/sprawozdanie`),
    day: null,
  };
}

function meetingKind(row: MeetingRow): NewsKind {
  if (row.cancelled_at) return 'meeting_cancelled';
  return row.sequence === 0 ? 'meeting_announced' : 'meeting_changed';
}

const meetingPrefix: Record<NewsKind, Localized> = {
  plan_published: { pl: '', en: '' },
  plan_evaluated: { pl: '', en: '' },
  meeting_announced: { pl: '', en: '' },
  meeting_changed: { pl: 'Zmiana: ', en: 'Changed: ' },
  meeting_cancelled: { pl: 'Odwołane: ', en: 'Cancelled: ' },
};

function meetingItem(row: MeetingRow): News {
  const kind = meetingKind(row);
  const labels = meetingKindLabels[row.kind as keyof typeof meetingKindLabels];
  return {
    key: `meeting:${row.id}:${row.sequence}`,
    entryKey: `meeting:${row.id}`,
    kind,
    districtIds: row.district_ids,
    // A new meeting is news when it was announced; a change when it was made.
    at: row.sequence === 0 ? row.created_at : row.updated_at,
    title: both(
      (lang) =>
        `${meetingPrefix[kind][lang]}${labels?.[lang] ?? row.kind}, ${formatCalendarDay(row.on_day, lang)}, ${row.starts_at}–${row.ends_at}`,
    ),
    // A cancelled meeting's reason first: it is what a follower who planned to come needs.
    summary: both(
      (lang) =>
        `${row.cancel_reason === null ? '' : `${meetingMessages[lang].cancelledBecause(row.cancel_reason)}\n`}${row.topic}\n${meetingMessages[lang].place}: ${row.place}`,
    ),
    unitName: row.unit_name,
    path: (districtId) => `${districtUrl(districtId)}#meetings-heading`,
    day: row.on_day,
  };
}

/** The newest news of one district, newest first (the Atom feed). */
export async function districtNews(db: Db, districtId: string, limit: number): Promise<News[]> {
  const plans = await planNews(db, districtId, null, limit);
  const meetings = await meetingNews(db, districtId, null, limit);
  return [...plans.map(planItem), ...meetings.map(meetingItem)].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}

/** Every district's news since `since`, oldest first (the notifier tells it in order). */
export async function newsSince(db: Db | Trx, since: Date, limit: number): Promise<News[]> {
  const plans = await planNews(db, null, since, limit);
  const meetings = await meetingNews(db, null, since, limit);
  return [...plans.map(planItem), ...meetings.map(meetingItem)].sort((a, b) => a.at.getTime() - b.at.getTime());
}
