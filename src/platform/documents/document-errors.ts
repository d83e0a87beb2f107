import { AppError } from '../http/errors.js';
import { formatBytes, formatNumber, type Lang, type Localized } from '../i18n/i18n.js';

/**
 * The limits on reading one uploaded document. Each one stops a different attack: many entries
 * (work per entry), a large expanded entry or archive (memory), a high compression ratio (a bomb
 * announces itself long before it reaches the size limits), and the worker's memory and time.
 */
export type DocumentLimit = 'entries' | 'entryBytes' | 'totalBytes' | 'ratio' | 'memory' | 'time';

const both = (make: (lang: Lang) => string): Localized => ({ pl: make('pl'), en: make('en') });

/** 413 `document_too_large`: the document needs more than a limit allows; the message names the limit. */
export function documentTooLarge(limit: Exclude<DocumentLimit, 'time'>, max: number, entry?: string): AppError {
  const text: Record<typeof limit, Localized> = {
    entries: both((lang) =>
      lang === 'pl'
        ? `Dokument przekracza limit liczby plików w archiwum ZIP: ${formatNumber(max, lang)}.`
        : `The document exceeds the limit on files in a ZIP archive: ${formatNumber(max, lang)}.`,
    ),
    entryBytes: both((lang) =>
      lang === 'pl'
        ? `Plik „${entry}” w dokumencie po rozpakowaniu przekracza limit ${formatBytes(max, lang)}.`
        : `“${entry}” in the document expands beyond the limit of ${formatBytes(max, lang)}.`,
    ),
    totalBytes: both((lang) =>
      lang === 'pl'
        ? `Dokument po rozpakowaniu przekracza limit ${formatBytes(max, lang)}.`
        : `The document expands beyond the limit of ${formatBytes(max, lang)}.`,
    ),
    ratio: both((lang) =>
      lang === 'pl'
        ? `Plik „${entry}” w dokumencie jest skompresowany ponad ${formatNumber(max, lang)}-krotnie (limit); to wygląda na bombę dekompresyjną.`
        : `“${entry}” in the document is compressed more than ${formatNumber(max, lang)} times (the limit); it looks like a decompression bomb.`,
    ),
    memory: both((lang) =>
      lang === 'pl'
        ? `Odczyt dokumentu przekroczył limit pamięci ${formatBytes(max, lang)}.`
        : `Reading the document exceeded the memory limit of ${formatBytes(max, lang)}.`,
    ),
  };
  return new AppError(413, 'document_too_large', text[limit], { limit, max, ...(entry === undefined ? {} : { entry }) });
}

/** 422 `document_too_complex`: reading took longer than the time limit (the worker was stopped). */
export function documentTooComplex(maxMs: number): AppError {
  const seconds = Math.ceil(maxMs / 1000);
  return new AppError(
    422,
    'document_too_complex',
    {
      pl: `Odczyt dokumentu przekroczył limit czasu ${formatNumber(seconds, 'pl')} s i został przerwany.`,
      en: `Reading the document exceeded the time limit of ${formatNumber(seconds, 'en')} s and was stopped.`,
    },
    { limit: 'time', max: maxMs },
  );
}

/** 422 `document_unreadable`: a broken or unsupported archive; `reason` says what is wrong with it. */
export function documentUnreadable(reason: Localized): AppError {
  return new AppError(422, 'document_unreadable', {
    pl: `Nie udało się odczytać dokumentu: ${reason.pl}`,
    en: `The document could not be read: ${reason.en}`,
  });
}

/** 503 `server_busy`: every document worker is busy and the queue is full. */
export function documentsBusy(retryAfterSeconds: number): AppError {
  return new AppError(
    503,
    'server_busy',
    {
      pl: `Serwer odczytuje teraz zbyt wiele dokumentów. Spróbuj ponownie za ${formatNumber(retryAfterSeconds, 'pl')} s.`,
      en: `The server is reading too many documents right now. Try again in ${formatNumber(retryAfterSeconds, 'en')} s.`,
    },
    { retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) },
  );
}

/** 503 `shutting_down`: the server stops; documents still waiting are not read. */
export function documentsClosed(): AppError {
  return new AppError(503, 'shutting_down', {
    pl: 'Serwer jest zatrzymywany. Spróbuj ponownie za chwilę.',
    en: 'The server is shutting down. Try again shortly.',
  });
}
