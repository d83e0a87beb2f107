import type { Localized } from '../../platform/i18n/i18n.js';
import { formatRule } from './rules-format.js';
import type { StreetRule } from './area/types.js';

export const districtErrors = {
  notFound: (): Localized => ({ pl: 'Nie ma takiego rejonu służbowego.', en: 'No such district.' }),
  numberTaken: (number: number, unitName: string): Localized => ({
    pl: `Rejon służbowy nr ${number} już istnieje w jednostce ${unitName}.`,
    en: `District no. ${number} already exists in ${unitName}.`,
  }),
  overlap: (rule: StreetRule, other: { number: number; name: string }): Localized => ({
    pl: `Obszar „${formatRule(rule)}” pokrywa się z rejonem nr ${other.number} (${other.name}).`,
    en: `The area "${formatRule(rule)}" overlaps district no. ${other.number} (${other.name}).`,
  }),
  badRange: (rule: StreetRule): Localized => ({
    pl: `W „${formatRule(rule)}” zakres numerów kończy się przed początkiem.`,
    en: `In "${formatRule(rule)}" a number range ends before it starts.`,
  }),
  officerNotFound: (): Localized => ({ pl: 'Nie ma takiego policjanta.', en: 'No such officer.' }),
  assignmentNotFound: (): Localized => ({ pl: 'Nie ma takiego przydziału.', en: 'No such assignment.' }),
  badDay: (value: string): Localized => ({
    pl: `„${value}” nie jest poprawną datą (RRRR-MM-DD).`,
    en: `"${value}" is not a valid date (YYYY-MM-DD).`,
  }),
  endBeforeStart: (): Localized => ({
    pl: 'Data końca przydziału jest wcześniejsza niż data początku.',
    en: 'The assignment ends before it starts.',
  }),
  assignmentOverlap: (kind: 'regular' | 'substitute', who: string, from: string, to: string | null): Localized => ({
    pl: `W tym okresie rejon ma już ${kind === 'regular' ? 'dzielnicowego' : 'zastępcę'}: ${who} (${to ? `od ${from} do ${to}` : `od ${from}`}).`,
    en: `In this period the district already has a${kind === 'regular' ? ' district officer' : ' substitute'}: ${who} (${to ? `${from} to ${to}` : `from ${from}`}).`,
  }),
  officerRetired: (): Localized => ({
    pl: 'Ten policjant jest wycofany z ewidencji i nie może dostać przydziału.',
    en: 'This officer is retired from the register and cannot be assigned.',
  }),
  districtRetired: (): Localized => ({
    pl: 'Ten rejon jest wycofany i nie można mu przydzielać policjantów.',
    en: 'This district is retired: no officer can be assigned to it.',
  }),
  accountTaken: (): Localized => ({
    pl: 'To konto jest już powiązane z innym policjantem.',
    en: 'This account is already linked to another officer.',
  }),
  accountOutOfScope: (): Localized => ({
    pl: 'To konto należy do jednostki spoza Twojego zakresu.',
    en: 'This account belongs to a unit outside your scope.',
  }),
  accountOutsideUnit: (): Localized => ({
    pl: 'Konto należy do innej jednostki: można je powiązać tylko z policjantem jednostki konta albo jednostki jej podległej.',
    en: "The account belongs to another unit: it can be linked only to an officer of the account's unit or of a unit below it.",
  }),
  accountCannotServe: (): Localized => ({
    pl: 'Konto tego policjanta należy do innej jednostki: może on obsługiwać tylko rejony jednostki swojego konta albo jednostek jej podległych.',
    en: "This officer's account belongs to another unit: the officer can serve only districts of the account's unit or of units below it.",
  }),
};
