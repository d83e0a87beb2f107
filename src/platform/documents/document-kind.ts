import { AppError } from '../http/errors.js';
import { notATextFile } from './text-file.js';
import type { ZipArchive } from './zip-reader.js';

/**
 * What an uploaded file is, told from its bytes, never from its name or the type the browser
 * claims: a PDF by its "%PDF-" signature, a ZIP by its local header and then by what it holds
 * (word/document.xml: .docx; a "mimetype" entry naming OpenDocument text: .odt; anything else:
 * an archive of files), an HTML page by its first tag, text by having no NUL bytes.
 */
export const documentKinds = ['text', 'html', 'docx', 'odt', 'pdf'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export type FileKind = DocumentKind | 'zip';

/** The kinds the readers accept, as the 415 message and the file inputs list them. */
export const acceptedKindsText = {
  pl: 'tekst (.txt), strona WWW (.html), Word (.docx), OpenDocument (.odt), PDF z warstwą tekstową',
  en: 'text (.txt), a web page (.html), Word (.docx), OpenDocument (.odt), PDF with a text layer',
};
export const acceptAttribute =
  '.txt,.html,.htm,.docx,.odt,.pdf,.zip,text/plain,text/html,application/pdf,application/zip,application/vnd.oasis.opendocument.text,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface PdfLimits {
  /** Pages read (a plan has 2–6; a unit's yearly report may have 60). Here, not in pdf-text.ts, so naming it loads no pdf.js. */
  pages: number;
}

export const pdfLimits: PdfLimits = { pages: 200 };

const starts = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

/** ZIP: a local file header, or the end record of an empty archive. */
export function isZip(bytes: Uint8Array): boolean {
  return starts(bytes, [0x50, 0x4b, 3, 4]) || starts(bytes, [0x50, 0x4b, 5, 6]);
}

/** "%PDF-" within the first kilobyte, where readers of PDF look for it. */
function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  return head.indexOf('%PDF-') >= 0;
}

/** Binary formats people send instead of the accepted ones, named so the message can say what to do. */
const knownBinary: { signature: number[]; name: string }[] = [
  { signature: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], name: 'Word 97–2003 (.doc)' },
  { signature: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'RTF' },
  { signature: [0x89, 0x50, 0x4e, 0x47], name: 'PNG' },
  { signature: [0xff, 0xd8, 0xff], name: 'JPEG' },
  { signature: [0x1f, 0x8b], name: 'gzip' },
  { signature: [0x52, 0x61, 0x72, 0x21], name: 'RAR' },
  { signature: [0x37, 0x7a, 0xbc, 0xaf], name: '7-Zip' },
];

/** 415 `unsupported_document`: a file of no accepted kind; the message lists the accepted ones. */
export function unsupportedDocument(name?: string): AppError {
  const what = name
    ? { pl: `To plik ${name}, którego nie odczytujemy.`, en: `This is a ${name} file, which is not read here.` }
    : { pl: 'Nie rozpoznano rodzaju pliku.', en: 'The kind of file was not recognised.' };
  return new AppError(
    415,
    'unsupported_document',
    { pl: `${what.pl} Przyjmujemy: ${acceptedKindsText.pl}.`, en: `${what.en} Accepted: ${acceptedKindsText.en}.` },
    { accepted: [...documentKinds], ...(name ? { detected: name } : {}) },
  );
}

/** HTML: after a byte order mark and blank space, a doctype, <html>, <head>, <body> or a comment before one. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return /^(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta\s)/i.test(head);
}

/** The kind of a file that is not a ZIP (a ZIP's kind depends on what it holds: zipKind). */
export function fileKind(bytes: Uint8Array): FileKind {
  if (isPdf(bytes)) return 'pdf';
  if (isZip(bytes)) return 'zip';
  const known = knownBinary.find((k) => starts(bytes, k.signature));
  if (known) throw unsupportedDocument(known.name);
  if (bytes.includes(0)) {
    // UTF-16 text starts with its byte order mark: the text-file message says to save it as UTF-8.
    if (starts(bytes, [0xff, 0xfe]) || starts(bytes, [0xfe, 0xff])) throw notATextFile();
    throw unsupportedDocument();
  }
  return looksLikeHtml(bytes) ? 'html' : 'text';
}

/** The part of a .docx that holds its text; a ZIP with it is a Word document. */
export const docxMainPart = 'word/document.xml';

/** Whether an opened ZIP is a Word document (.docx). */
export function isDocx(zip: ZipArchive): boolean {
  return zip.has(docxMainPart);
}

/** What an opened ZIP holds: a Word or OpenDocument text, or files (an archive of documents). */
export async function zipKind(zip: ZipArchive): Promise<'docx' | 'odt' | 'zip' | 'other'> {
  if (isDocx(zip)) return 'docx';
  if (zip.has('mimetype') && zip.has('content.xml')) {
    const type = (await zip.readText('mimetype')).trim();
    if (type === 'application/vnd.oasis.opendocument.text') return 'odt';
    return 'other';
  }
  // Other OOXML and OpenDocument files (spreadsheets, presentations) are not archives of documents.
  if (zip.has('[Content_Types].xml') || zip.has('mimetype')) return 'other';
  return 'zip';
}
