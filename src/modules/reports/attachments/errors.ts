import { AppError } from '../../../platform/http/errors.js';
import { formatBytes, plural, type Localized } from '../../../platform/i18n/i18n.js';
import { acceptedAttachmentsText, attachmentKindSpecs, type AttachmentKind } from './kinds.js';

/**
 * Why attachments were refused, each naming the file. Every refusal is an AppError whose details
 * name the form field, so the report form shows it beside the file input and the API answers it
 * with its status: 400 (none allowed, too many, empty), 413 (too large, a bomb), 415 (a kind we
 * do not take, or a name that lies about the kind).
 */
const field = 'attachments';
const shown = (name: string) => (name.length > 80 ? `${name.slice(0, 77)}…` : name);
const refuse = (status: number, code: string, text: Localized, file?: string) =>
  new AppError(status, code, text, { field, ...(file === undefined ? {} : { file }) });

export const attachmentErrors = {
  off: () =>
    refuse(400, 'attachments_off', {
      pl: 'Do zgłoszeń nie można obecnie dołączać plików. Opisz zdarzenie w polu opisu.',
      en: 'Files cannot be attached to reports at present. Describe the event in the description.',
    }),
  tooMany: (max: number) =>
    refuse(400, 'attachments_too_many', {
      pl: `Można dołączyć najwyżej ${max} ${plural('pl', max, { one: 'plik', few: 'pliki', other: 'plików' })}.`,
      en: `At most ${max} ${plural('en', max, { one: 'file', other: 'files' })} can be attached.`,
    }),
  tooLarge: (total: number, maxMegabytes: number) =>
    refuse(413, 'attachments_too_large', {
      pl: `Pliki mają razem ${formatBytes(total, 'pl')}, a wolno najwyżej ${maxMegabytes} MB. Wybierz mniej plików albo mniejsze.`,
      en: `The files come to ${formatBytes(total, 'en')} together; at most ${maxMegabytes} MB is allowed. Choose fewer or smaller files.`,
    }),
  empty: (name: string) =>
    refuse(400, 'attachment_empty', { pl: `Plik „${shown(name)}” jest pusty.`, en: `The file “${shown(name)}” is empty.` }, name),
  unsupported: (name: string) =>
    refuse(
      415,
      'attachment_unsupported',
      {
        pl: `Pliku „${shown(name)}” nie przyjmujemy: to nie jest żaden z rodzajów: ${acceptedAttachmentsText.pl}.`,
        en: `The file “${shown(name)}” cannot be accepted: it is none of: ${acceptedAttachmentsText.en}.`,
      },
      name,
    ),
  misnamed: (name: string, kind: AttachmentKind) =>
    refuse(
      415,
      'attachment_misnamed',
      {
        pl: `Plik „${shown(name)}” ma nazwę lub typ innego rodzaju pliku, niż jest naprawdę (${attachmentKindSpecs[kind].label.pl}). Zmień nazwę pliku albo wybierz inny.`,
        en: `The name or type of “${shown(name)}” says it is another kind of file than it really is (${attachmentKindSpecs[kind].label.en}). Rename the file or choose another.`,
      },
      name,
    ),
  bomb: (name: string) =>
    refuse(
      413,
      'attachment_too_big_inside',
      {
        pl: `Plik „${shown(name)}” po rozpakowaniu byłby zbyt duży (za dużo pikseli lub danych).`,
        en: `The file “${shown(name)}” would be too large once unpacked (too many pixels or too much data).`,
      },
      name,
    ),
  heicDamaged: (name: string) =>
    refuse(
      415,
      'attachment_damaged',
      {
        pl: `Zdjęcia „${shown(name)}” (HEIC, format iPhone’a) nie da się odczytać: jest uszkodzone lub niepełne.`,
        en: `The photo “${shown(name)}” (HEIC, the iPhone’s format) cannot be read: it is damaged or incomplete.`,
      },
      name,
    ),
  damaged: (name: string, kind: AttachmentKind) =>
    refuse(
      415,
      'attachment_damaged',
      {
        pl: `Pliku „${shown(name)}” nie da się odczytać jako ${attachmentKindSpecs[kind].label.pl}: jest uszkodzony lub niepełny.`,
        en: `The file “${shown(name)}” cannot be read as a ${attachmentKindSpecs[kind].label.en}: it is damaged or incomplete.`,
      },
      name,
    ),
};

/** The field error's code when the files were fine but the form came back: the island may put them back. */
export const chooseAgainCode = 'choose_again';

/** The note shown when a form with files comes back with an error: browsers never keep chosen files. */
export const choosePickedFilesAgain: Localized = {
  pl: 'Wybierz pliki ponownie: po błędzie przeglądarka nie zachowuje wybranych plików.',
  en: 'Choose the files again: the browser does not keep chosen files after an error.',
};
