import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Lang, Localized } from '../i18n/i18n.js';
import { AppError, type FieldError } from './errors.js';

/**
 * Characters no person types into a form and no client needs to send, refused wherever text
 * enters (znaki sterujące):
 * - C0 controls except TAB, LF and CR (those are ordinary whitespace of multi-line text). NUL is
 *   the one that hurt: PostgreSQL cannot store it in text or jsonb, so it failed as a 500 deep in
 *   whichever query first saw it.
 * - DEL and the C1 controls U+0080–U+009F: invisible, and C1 holds terminal escapes (U+009B is
 *   CSI), so they would reach logs, CSV downloads and e-mails as hidden commands. Text pasted from
 *   Word or a PDF arrives as Unicode, not as C1 bytes.
 * - Lone UTF-16 surrogates (a JSON "\ud800" without its pair): they have no UTF-8 form, so the
 *   database driver would silently store U+FFFD, something other than what was sent.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;

/** The first forbidden character of `text` as "U+0000", or null when the text is clean. */
export function forbiddenCharacter(text: string): string | null {
  const match = forbidden.exec(text);
  if (!match) return null;
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Where in the request a value came from, in both languages (the message names it). */
type Part = 'params' | 'querystring' | 'body';
const partNames: Record<Part, Localized> = {
  params: { pl: 'w adresie strony', en: 'in the path' },
  querystring: { pl: 'w parametrach zapytania', en: 'in the query parameters' },
  body: { pl: 'w treści żądania', en: 'in the request body' },
};

/** A field's name as it may be shown: the offending characters of a bad key become \uXXXX, and it is cut short. */
function printable(name: string): string {
  const escaped = name.replace(new RegExp(forbidden.source, 'gu'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > 80 ? `${escaped.slice(0, 80)}…` : escaped;
}

interface Finding {
  part: Part;
  /** Dotted path, e.g. "actions.0.description"; "" for a body that is one string. */
  field: string;
  character: string;
}

const MAX_FINDINGS = 20;

/**
 * Every string in a parsed value (and every key of its objects), walked with a stack rather than by
 * recursion so that a body nested 100,000 levels deep cannot overflow the call stack. Buffers are
 * uploaded files' contents: readers of each file format decide about those.
 */
function scan(part: Part, value: unknown, findings: Finding[]): void {
  const stack: { path: string; value: unknown }[] = [{ path: '', value }];
  while (stack.length > 0 && findings.length < MAX_FINDINGS) {
    const { path, value: current } = stack.pop()!;
    if (typeof current === 'string') {
      const character = forbiddenCharacter(current);
      if (character) findings.push({ part, field: path, character });
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      const entries = Array.isArray(current) ? current.map((v: unknown, i) => [String(i), v] as const) : Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const childPath = path ? `${path}.${key}` : key;
        const character = forbiddenCharacter(key);
        if (character) findings.push({ part, field: childPath, character });
        else stack.push({ path: childPath, value: child });
      }
    }
  }
}

function message(finding: Finding, lang: Lang): string {
  const where = partNames[finding.part][lang];
  const name = printable(finding.field);
  if (lang === 'pl') {
    const what = name ? `Pole „${name}” ${where}` : `Tekst ${where}`;
    return `${what} zawiera niedozwolony znak sterujący (${finding.character}). Usuń go i wyślij ponownie.`;
  }
  const what = name ? `The field "${name}" ${where}` : `The text ${where}`;
  return `${what} contains a control character that is not allowed (${finding.character}). Remove it and send again.`;
}

/** The error for a request with forbidden characters: 400 invalid_characters, one entry per field (in `lang`). */
export function invalidCharactersError(findings: readonly Finding[], lang: Lang): AppError {
  const first = findings[0]!;
  const details: FieldError[] = findings.map((f) => ({ field: printable(f.field), code: 'invalid_characters', message: message(f, lang) }));
  return new AppError(400, 'invalid_characters', { pl: message(first, 'pl'), en: message(first, 'en') }, details);
}

/** What a request carries as text: path parameters, query string and the parsed body (forms, JSON, text, multipart fields). */
export function findForbiddenCharacters(request: Pick<FastifyRequest, 'params' | 'query' | 'body'>): Finding[] {
  const findings: Finding[] = [];
  scan('params', request.params, findings);
  scan('querystring', request.query, findings);
  scan('body', request.body, findings);
  return findings;
}

/**
 * One check at the edge for every route: after the body is parsed (multipart fields included, so
 * registered after @fastify/multipart) and before schema validation and the handler, a request
 * carrying a forbidden character is refused with 400 invalid_characters naming the field.
 */
export function registerInputCharacterCheck(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const findings = findForbiddenCharacters(request);
    if (findings.length > 0) throw invalidCharactersError(findings, request.lang);
    done();
  });
}
