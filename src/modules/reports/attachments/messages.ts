import { defineMessages, formatBytes, plural, type Lang } from '../../../platform/i18n/i18n.js';
import { acceptedAttachmentsText, attachmentKindSpecs, type AttachmentKind } from './kinds.js';

const files = (lang: Lang, n: number) =>
  lang === 'pl'
    ? `${n} ${plural('pl', n, { one: 'plik', few: 'pliki', other: 'plików' })}`
    : `${n} ${plural('en', n, { one: 'file', other: 'files' })}`;

export const attachmentMessages = defineMessages({
  pl: {
    label: 'Zdjęcia lub pliki (opcjonalnie)',
    hint: (maxFiles: number, maxMegabytes: number) =>
      `Najwyżej ${files('pl', maxFiles)}, razem do ${maxMegabytes} MB: ${acceptedAttachmentsText.pl}. Widzi je tylko Policja. Ze zdjęć i nagrań usuwamy ukryte dane (np. miejsce i czas zapisane przez telefon).`,
    heading: 'Załączniki (widzi je tylko Policja)',
    none: 'Brak załączników.',
    download: (n: number) => `Pobierz załącznik ${n}`,
    preview: (n: number) => `Podgląd zdjęcia ${n}`,
    describe: (n: number, kind: AttachmentKind, size: number) => `${n}. ${attachmentKindSpecs[kind].label.pl}, ${formatBytes(size, 'pl')}`,
  },
  en: {
    label: 'Photos or files (optional)',
    hint: (maxFiles: number, maxMegabytes: number) =>
      `At most ${files('en', maxFiles)}, ${maxMegabytes} MB together: ${acceptedAttachmentsText.en}. Only the police see them. Hidden data (such as where and when the phone took a photo) is removed from photos and videos.`,
    heading: 'Attachments (seen only by the police)',
    none: 'No attachments.',
    download: (n: number) => `Download attachment ${n}`,
    preview: (n: number) => `Preview of photo ${n}`,
    describe: (n: number, kind: AttachmentKind, size: number) => `${n}. ${attachmentKindSpecs[kind].label.en}, ${formatBytes(size, 'en')}`,
  },
});
