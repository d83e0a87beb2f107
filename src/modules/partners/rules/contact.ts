import type { Localized } from '../../../platform/i18n/i18n.js';

/** A partner's details as typed, and what is wrong with them (each problem names its field). */

export const nameMax = 300;
export const personMax = 200;
export const phoneMax = 40;
export const emailMax = 254;
export const addressMax = 300;
export const noteMax = 2000;

export interface PartnerDetails {
  name: string;
  contactPerson: string;
  phone: string;
  email: string;
  address: string;
  note: string;
}

export interface FieldProblem {
  field: keyof PartnerDetails;
  message: Localized;
}

/** Every text trimmed, inner runs of spaces in the name made one ("Urząd  Gminy" is not a new name). */
export function cleanDetails(details: PartnerDetails): PartnerDetails {
  return {
    name: details.name.trim().replace(/\s+/g, ' '),
    contactPerson: details.contactPerson.trim(),
    phone: details.phone.trim(),
    email: details.email.trim(),
    address: details.address.trim(),
    note: details.note.trim(),
  };
}

/**
 * A telephone number as offices give them: "81 855 20 12", "+48 600 100 200", "(81) 855-20-12",
 * optionally with an extension ("wew. 123"). Polish numbers have 9 digits, 11 with +48; foreign
 * ones up to 15 (E.164); fewer than 9 is a typo, not an internal line (those need the main number).
 */
export function isPhone(text: string): boolean {
  const match = /^(\+?[\d ()-]+?)(?:\s*(?:wew\.?|w\.)\s*\d{1,5})?$/i.exec(text);
  if (!match?.[1]) return false;
  const digits = match[1].replace(/\D/g, '').length;
  return digits >= 9 && digits <= 15;
}

/** An address one can write to: something@domain.tld, no spaces, within the SMTP length. */
export function isEmail(text: string): boolean {
  return text.length <= emailMax && /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:.]{2,}$/.test(text);
}

const tooLong = (max: number): Localized => ({ pl: `Najwyżej ${max} znaków.`, en: `At most ${max} characters.` });

/** What is wrong with cleaned details: the name is required; every contact field is optional, but checked when given. */
export function detailsProblems(details: PartnerDetails): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!details.name) problems.push({ field: 'name', message: { pl: 'Podaj nazwę podmiotu.', en: 'Give the organisation’s name.' } });
  else if (details.name.length > nameMax) problems.push({ field: 'name', message: tooLong(nameMax) });
  if (details.contactPerson.length > personMax) problems.push({ field: 'contactPerson', message: tooLong(personMax) });
  if (details.phone && !isPhone(details.phone))
    problems.push({
      field: 'phone',
      message: {
        pl: 'Podaj numer telefonu z 9 cyframi (np. 81 855 20 12 albo +48 600 100 200; numer wewnętrzny po „wew.”).',
        en: 'Give a telephone number with 9 digits (e.g. 81 855 20 12 or +48 600 100 200; an extension after “wew.”).',
      },
    });
  if (details.email && !isEmail(details.email))
    problems.push({
      field: 'email',
      message: { pl: 'Podaj adres e-mail, np. sekretariat@gmina.pl.', en: 'Give an e-mail address, e.g. office@town.pl.' },
    });
  if (details.address.length > addressMax) problems.push({ field: 'address', message: tooLong(addressMax) });
  if (details.note.length > noteMax) problems.push({ field: 'note', message: tooLong(noteMax) });
  return problems;
}
