import { type Lang, formatCalendarDay } from '../../platform/i18n/i18n.js';
import type { Mail } from '../../platform/mail/outbox.js';
import { commentPlace } from './messages.js';
import type { ReviewComment } from './model.js';

export interface Decision {
  to: string;
  decision: 'approved' | 'returned';
  districtName: string;
  periodFrom: string;
  periodTo: string;
  version: number;
  comments: ReviewComment[];
  /** The reviewer's display name. */
  by: string;
  /** The plan's page for staff, absolute; null when the site's address is not known. */
  url: string | null;
}

const day = (value: string, lang: Lang) => formatCalendarDay(value, lang);

/**
 * The message to the officer who submitted a version, when a reviewer decides on it: in Polish,
 * then English (accounts keep no language), in impersonal Polish that fits everyone, each comment under its section's name ("Cel",
 * "Działanie 2", "Uwagi ogólne"), never the stored code.
 */
export function decisionMail(d: Decision): Mail {
  const lines = (lang: Lang) => d.comments.filter((c) => c.text.trim()).map((c) => `- ${commentPlace(c, lang)}: ${c.text.trim()}`);
  const returned = d.decision === 'returned';
  const pl = [
    returned
      ? `Wersję ${d.version} planu działania priorytetowego (${d.districtName}, okres od ${day(d.periodFrom, 'pl')} do ${day(d.periodTo, 'pl')}) zwrócono do poprawy. Decyzja: ${d.by}.`
      : `Wersję ${d.version} planu działania priorytetowego (${d.districtName}, okres od ${day(d.periodFrom, 'pl')} do ${day(d.periodTo, 'pl')}) zatwierdzono. Decyzja: ${d.by}.`,
    ...(lines('pl').length ? ['', 'Uwagi:', ...lines('pl')] : []),
    '',
    returned ? 'Popraw plan i przekaż go ponownie do zatwierdzenia.' : 'Następny krok to publikacja planu.',
    ...(d.url ? [`Plan: ${d.url}`] : []),
  ];
  const en = [
    returned
      ? `${d.by} returned version ${d.version} of the priority action plan for ${d.districtName} (${day(d.periodFrom, 'en')} to ${day(d.periodTo, 'en')}) for changes.`
      : `${d.by} approved version ${d.version} of the priority action plan for ${d.districtName} (${day(d.periodFrom, 'en')} to ${day(d.periodTo, 'en')}).`,
    ...(lines('en').length ? ['', 'Comments:', ...lines('en')] : []),
    '',
    returned ? 'Correct the plan and submit it again.' : 'The next step is publishing the plan.',
  ];
  return {
    to: d.to,
    subject: returned
      ? `Plan zwrócony do poprawy: ${d.districtName} / Plan returned for changes`
      : `Plan zatwierdzony: ${d.districtName} / Plan approved`,
    text: [...pl, '', '---', '', ...en].join('\n'),
  };
}
