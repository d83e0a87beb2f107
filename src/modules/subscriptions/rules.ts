import type { Localized } from '../../platform/i18n/i18n.js';
import { looksLikeEmail } from '../../platform/mail/address.js';

/**
 * Residents following a district (obserwowanie rejonu): pure rules, no database. When a
 * confirmation link expires, what the form does with an address it has seen, and which news goes
 * to whom.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Days a confirmation link is valid. A week covers a resident who reads mail on weekends only; an
 * unconfirmed subscription is erased after it (the retention job), as nobody has agreed to mail.
 */
export const confirmValidDays = 7;

/**
 * Minutes before the form sends another confirmation link to an address still waiting: a person who
 * lost the first mail gets a new one, and nobody can flood a stranger's inbox through the form.
 */
export const resendAfterMinutes = 10;

/** Days back the notifier looks for news: an instance that was down this long still tells it. */
export const newsWindowDays = 7;

export function confirmExpiresAt(sentAt: Date): Date {
  return new Date(sentAt.getTime() + confirmValidDays * DAY_MS);
}

export function confirmExpired(sentAt: Date, now: Date): boolean {
  return now.getTime() >= confirmExpiresAt(sentAt).getTime();
}

/** The state of an address already subscribed to the district, as the form finds it. */
export interface KnownSubscription {
  confirmedAt: Date | null;
  confirmSentAt: Date;
}

/**
 * What the form does with an address. The page always answers the same ("check your inbox"), so
 * nobody learns from it whether an address follows a district.
 */
export type SubscribeStep =
  // A new address: store it unconfirmed and mail a confirmation link.
  | 'create'
  // Waiting, and the last link is older than `resendAfterMinutes` (or expired): a new link.
  | 'resend'
  // Waiting with a fresh link, or already confirmed: no mail (nobody learns the address follows).
  | 'nothing';

export function subscribeStep(known: KnownSubscription | undefined, now: Date): SubscribeStep {
  if (!known) return 'create';
  if (known.confirmedAt) return 'nothing';
  if (confirmExpired(known.confirmSentAt, now)) return 'resend';
  return now.getTime() - known.confirmSentAt.getTime() >= resendAfterMinutes * MINUTE_MS ? 'resend' : 'nothing';
}

/** An address as stored: trimmed, the domain in lower case (the local part may be case-sensitive). */
export function normalizeEmail(typed: string): string {
  const email = typed.trim();
  const at = email.lastIndexOf('@');
  return at < 0 ? email : `${email.slice(0, at)}@${email.slice(at + 1).toLowerCase()}`;
}

export function emailProblem(email: string): Localized | null {
  if (email === '') return { pl: 'Podaj adres e-mail.', en: 'Enter an e-mail address.' };
  if (!looksLikeEmail(email))
    return {
      pl: 'Podaj poprawny adres e-mail, np. jan.kowalski@example.pl.',
      en: 'Enter a valid e-mail address, e.g. jan.kowalski@example.com.',
    };
  return null;
}

/** The news a district's followers hear of. */
export type NewsKind = 'plan_published' | 'plan_evaluated' | 'meeting_announced' | 'meeting_changed' | 'meeting_cancelled';

/**
 * Which news is told by e-mail. Every kind is in the Atom feed; mail is for what a resident may act
 * on or wants to know at once. A new version of a published plan is told too: residents read the
 * plan, and the version they read has changed. Recording a meeting's participants is not news.
 */
export const mailedNews: Record<NewsKind, boolean> = {
  plan_published: true,
  plan_evaluated: true,
  meeting_announced: true,
  // The time or place moved: people who planned to come must know.
  meeting_changed: true,
  meeting_cancelled: true,
};

/** One piece of news about one or more districts (a meeting may concern several). */
export interface NewsItem {
  /** Stable key: "plan-event:<plan event id>", "meeting:<id>:<sequence>". */
  key: string;
  kind: NewsKind;
  districtIds: readonly string[];
  at: Date;
}

export interface Follower {
  id: string;
  districtId: string;
  confirmedAt: Date | null;
}

/**
 * Who hears of a piece of news: confirmed followers of one of its districts, who confirmed before
 * it happened (a new follower is not sent the past; the feed has it). Nobody hears of another
 * district's news.
 */
export function recipientsOf(item: NewsItem, followers: readonly Follower[]): Follower[] {
  if (!mailedNews[item.kind]) return [];
  return followers.filter(
    (f) => f.confirmedAt !== null && f.confirmedAt.getTime() <= item.at.getTime() && item.districtIds.includes(f.districtId),
  );
}
