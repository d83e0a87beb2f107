import type { Mail } from '../../platform/mail/outbox.js';
import { formatDateTime, type Lang } from '../../platform/i18n/i18n.js';
import type { News } from './news.js';

/**
 * The e-mails of a district's followers, in the language they subscribed in. Every one carries a
 * one-click unsubscribe (RFC 8058): the List-Unsubscribe header with an https (or http) address that
 * takes a POST, List-Unsubscribe-Post, and the same address in the text.
 */

export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

const footer = (lang: Lang, unsubscribeUrl: string) =>
  lang === 'pl'
    ? `\n\n--\nOtrzymujesz tę wiadomość, bo obserwujesz rejon w serwisie Dzielnicowy. Rezygnacja jednym kliknięciem:\n${unsubscribeUrl}`
    : `\n\n--\nYou receive this message because you follow a district on Dzielnicowy. Unsubscribe with one click:\n${unsubscribeUrl}`;

export function confirmationMail(input: {
  to: string;
  lang: Lang;
  district: string;
  confirmUrl: string;
  unsubscribeUrl: string;
  expiresAt: Date;
}): Mail {
  const { lang } = input;
  const until = formatDateTime(input.expiresAt, lang);
  const text =
    lang === 'pl'
      ? `Ktoś (prawdopodobnie Ty) poprosił o powiadomienia e-mail o rejonie: ${input.district}: nowe plany działań priorytetowych, ich ocena, spotkania i debaty.\n\nAby potwierdzić, otwórz link i naciśnij przycisk „Potwierdzam” (link działa do ${until}):\n${input.confirmUrl}\n\nJeśli to nie Ty, zignoruj tę wiadomość: bez potwierdzenia nie wyślemy nic więcej, a adres usuniemy po wygaśnięciu linku.`
      : `Someone (probably you) asked for e-mail news of the district: ${input.district}: new priority action plans, their evaluation, meetings and debates.\n\nTo confirm, open the link and press "Confirm" (the link works until ${until}):\n${input.confirmUrl}\n\nIf this was not you, ignore this message: without confirmation we send nothing more and delete the address when the link expires.`;
  return {
    to: input.to,
    subject: lang === 'pl' ? `Potwierdź obserwowanie: ${input.district}` : `Confirm following: ${input.district}`,
    text: text + footer(lang, input.unsubscribeUrl),
    headers: unsubscribeHeaders(input.unsubscribeUrl),
  };
}

export function newsMail(input: { to: string; lang: Lang; district: string; news: News; url: string; unsubscribeUrl: string }): Mail {
  const { lang, news } = input;
  const summary = news.summary ? `\n\n${news.summary[lang]}` : '';
  const read = lang === 'pl' ? 'Szczegóły' : 'Details';
  return {
    to: input.to,
    subject: `${input.district}: ${news.title[lang]}`,
    text: `${news.title[lang]}${summary}\n\n${read}: ${input.url}\n\n${news.unitName}` + footer(lang, input.unsubscribeUrl),
    headers: unsubscribeHeaders(input.unsubscribeUrl),
  };
}
