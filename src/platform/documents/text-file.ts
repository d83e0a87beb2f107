import { AppError } from '../http/errors.js';

/**
 * 415 `not_a_text_file`: an upload that should be text (a plan as .txt, register rules as .csv)
 * holds NUL bytes, so it is a binary file or UTF-16 text; PostgreSQL refuses NUL in text, so
 * without this check the upload would fail later as a 500.
 */
export function notATextFile(): AppError {
  return new AppError(415, 'not_a_text_file', {
    pl: 'Plik nie jest tekstem: zawiera bajty zerowe (to plik binarny albo tekst w UTF-16). Zapisz go jako tekst w kodowaniu UTF-8.',
    en: 'The file is not text: it contains NUL bytes (a binary file, or UTF-16 text). Save it as UTF-8 text.',
  });
}

/** The text of an uploaded text file (UTF-8, a byte order mark dropped); 415 for binary contents. */
export function textOfFile(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw notATextFile();
  return checkedText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
}

/** Text that arrived as a string (a text/plain or text/csv body) with the same rule as a file. */
export function checkedText(text: string): string {
  if (text.includes('\0')) throw notATextFile();
  return text.replace(/^\uFEFF/, '');
}

/** JSON text (a GeoJSON file) whose keys and strings hold no NUL, not even escaped as \u0000. */
export function parseJsonText(text: string): unknown {
  return JSON.parse(checkedText(text), (key, value: unknown) => {
    if (key.includes('\0') || (typeof value === 'string' && value.includes('\0'))) throw notATextFile();
    return value;
  });
}
