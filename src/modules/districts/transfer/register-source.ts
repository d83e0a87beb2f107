import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/errors.js';
import { documentText } from '../../../platform/documents/document-text.js';
import type { DocumentWorkers } from '../../../platform/documents/document-workers.js';

/** The longest contacts page read, in characters (a unit with a hundred districts fits many times over). */
export const REGISTER_TEXT_LIMIT = 500_000;
/** The largest upload accepted for a contacts page. */
export const REGISTER_UPLOAD_LIMIT = 5 * 1024 * 1024;

const tooLong = () =>
  new AppError(413, 'text_too_long', {
    pl: `Tekst strony jest za długi (najwyżej ${REGISTER_TEXT_LIMIT.toLocaleString('pl-PL')} znaków).`,
    en: `The page text is too long (at most ${REGISTER_TEXT_LIMIT.toLocaleString('en-GB')} characters).`,
  });

/**
 * The contacts page of a request: a text/plain body, a "text" form field, or a file (any kind the
 * document readers know) in the multipart field "file".
 */
export async function registerTextOf(request: FastifyRequest, documents: DocumentWorkers): Promise<string> {
  const body = request.body;
  let text = '';
  if (typeof body === 'string') text = body;
  else if (body && typeof body === 'object') {
    const { file, text: field } = body as { file?: unknown; text?: unknown };
    // A saved page, .docx, .odt, PDF or text file, read in a document worker (its kind from its bytes).
    if (Buffer.isBuffer(file) && file.length > 0) text = (await documentText(documents, file)).text;
    else if (typeof field === 'string') text = field;
  }
  if (text.length > REGISTER_TEXT_LIMIT) throw tooLong();
  if (!text.trim()) {
    throw new AppError(400, 'empty_body', {
      pl: 'Wyślij stronę z kontaktami dzielnicowych jako tekst (text/plain) albo plik w polu „file”.',
      en: 'Send the district officers’ contacts page as text (text/plain) or a file in the field "file".',
    });
  }
  return text;
}
