import type { Localized } from '../../../platform/i18n/i18n.js';
import { correctionDays } from './rules.js';

export const logErrors = {
  notReader: (): Localized => ({
    pl: 'Dziennik działań planu widzi dzielnicowy rejonu, jego zastępca oraz kierownik i komendant jednostki.',
    en: 'The plan’s action log is seen by the district officer, their substitute and the unit’s supervisor and commander.',
  }),
  notWriter: (): Localized => ({
    pl: 'Wpisy do dziennika działań dodaje tylko dzielnicowy tego rejonu albo jego dzisiejszy zastępca.',
    en: 'Only the district officer of this district, or today’s substitute, adds entries to the action log.',
  }),
  notCarriedOut: (): Localized => ({
    pl: 'Wpisy do dziennika działań można dodawać tylko do planu opublikowanego lub w realizacji.',
    en: 'Entries can be added only to a plan that is published or being carried out.',
  }),
  entryNotFound: (): Localized => ({ pl: 'Nie ma takiego wpisu w dzienniku działań.', en: 'No such entry in the action log.' }),
  notChangeable: (): Localized => ({
    pl: `Wpis może poprawić lub wycofać tylko jego autor, w ciągu ${correctionDays} dni od dodania, dopóki plan jest realizowany.`,
    en: `Only its author may correct or withdraw an entry, within ${correctionDays} days of adding it, while the plan is carried out.`,
  }),
  invalid: (): Localized => ({ pl: 'Popraw zaznaczone pola wpisu.', en: 'Correct the highlighted fields of the entry.' }),
};
