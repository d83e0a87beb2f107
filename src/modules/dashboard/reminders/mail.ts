import { formatCalendarDay, formatNumber, plural } from '../../../platform/i18n/i18n.js';
import type { Mail } from '../../../platform/mail/outbox.js';
import { dashboardMessages, deadlineText } from '../messages.js';
import { daysBetween, missedStage, type Reminder, type ReminderItem } from './rules.js';

const m = dashboardMessages.pl;

const days = (n: number) => `${formatNumber(n, 'pl')} ${plural('pl', n, { one: 'dzień', few: 'dni', many: 'dni', other: 'dnia' })}`;

/** When, in words: "po terminie", "dziś ostatni dzień", "jutro", "za 7 dni". */
function whenText(item: ReminderItem, today: string): string {
  if (item.stage === missedStage) return 'termin minął';
  if (item.due === today) return 'dziś ostatni dzień';
  const left = daysBetween(today, item.due);
  return left === 1 ? 'jutro ostatni dzień' : `zostało ${days(left)}`;
}

function itemText(item: ReminderItem): string {
  if (item.kind === 'report')
    return `zgłoszenie nr ${item.reportId}: ${item.description === 'take_up' ? 'podjęcie' : 'weryfikacja'} (${m.due} ${formatCalendarDay(item.due, 'pl')})`;
  const what = item.kind === 'action' ? 'działanie planu' : 'plan';
  return `${what}: ${deadlineText({ ...item, planId: item.planId!, kind: item.kind }, 'pl')}`;
}

function linkOf(item: ReminderItem, publicUrl: string): string {
  if (item.kind === 'report') return `${publicUrl}/admin/reports/${item.reportId}`;
  return `${publicUrl}/admin/plans/${item.planId}${item.kind === 'action' ? '/dziennik' : ''}`;
}

/**
 * A person's one reminder e-mail: their deadlines grouped by district, each with when it falls
 * and a link to the page where it is dealt with, and a link to the dashboard. In Polish: the
 * accounts store no language, and the staff pages are Polish first.
 */
export function reminderMail(reminder: Reminder, today: string, publicUrl: string): Mail {
  const { recipient, items } = reminder;
  const missed = items.filter((i) => i.stage === missedStage).length;
  const count = `${formatNumber(items.length, 'pl')} ${plural('pl', items.length, { one: 'termin', few: 'terminy', many: 'terminów', other: 'terminu' })}`;
  const lines = [`Dzień dobry, ${recipient.name}.`, '', `Przypomnienie z systemu Dzielnicowy na ${formatCalendarDay(today, 'pl')}:`];
  const districts = [...new Set(items.map((i) => i.districtId))];
  for (const districtId of districts) {
    const own = items.filter((i) => i.districtId === districtId);
    const first = own[0]!;
    lines.push(
      '',
      `${first.districtName} (${first.unitName})${own.some((i) => i.vacancy) ? ' — nikt w obsadzie rejonu nie ma dziś adresu e-mail w systemie, więc sprawy dzielnicowego przychodzą do jednostki' : ''}:`,
    );
    for (const item of own) lines.push(`- ${itemText(item)} — ${whenText(item, today)}`, `  ${linkOf(item, publicUrl)}`);
  }
  lines.push(
    '',
    `Wszystkie rejony i terminy: ${publicUrl}/admin/dashboard`,
    '',
    'Przypomnienie o każdym terminie przychodzi w ustalonych dniach przed nim i raz po nim; dni ustawia administrator krajowy.',
  );
  return {
    to: recipient.email,
    subject: missed > 0 ? `Dzielnicowy: ${count}, w tym ${formatNumber(missed, 'pl')} po terminie` : `Dzielnicowy: ${count} do pilnowania`,
    text: lines.join('\n'),
  };
}
