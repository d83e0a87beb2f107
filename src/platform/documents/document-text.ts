import type { DocumentWorkers } from './document-workers.js';
import { AppError } from '../http/errors.js';
import { fileKind, unsupportedDocument, zipKind, type DocumentKind } from './document-kind.js';
import { docxText } from './docx-text.js';
import { htmlText } from './html-text.js';
import { pdfText } from './pdf-text.js';
import { odtText } from './odt-text.js';
import { textOfFile } from './text-file.js';
import { documentJob } from './worker-job.js';
import { openZip, type ZipLimits } from './zip-reader.js';

export interface DocumentText {
  kind: DocumentKind;
  text: string;
}

/** 422 for a ZIP archive where one document was expected (a batch accepts archives; a document is one file). */
export function archiveNotDocument(): AppError {
  return new AppError(422, 'document_is_archive', {
    pl: 'To archiwum ZIP z plikami, a nie jeden dokument; archiwa przyjmuje import wielu plików naraz.',
    en: 'This is a ZIP archive of files, not one document; archives are accepted by the import of many files at once.',
  });
}

/**
 * The text of an uploaded document of any accepted kind, told from its bytes (document-kind.ts),
 * in the readers' convention (xml-text.ts). Runs on hostile input: call it in a document worker
 * (documentText below), never on the request thread.
 */
export async function readDocumentText(bytes: Uint8Array, limits?: Partial<ZipLimits>): Promise<DocumentText> {
  const kind = fileKind(bytes);
  switch (kind) {
    case 'pdf':
      return { kind, text: await pdfText(bytes) };
    case 'html':
      return { kind, text: await htmlText(textOfFile(bytes)) };
    case 'text':
      return { kind, text: textOfFile(bytes) };
    default: {
      const zip = await openZip(bytes, limits);
      const inside = await zipKind(zip);
      if (inside === 'docx') return { kind: 'docx', text: await docxText(zip) };
      if (inside === 'odt') return { kind: 'odt', text: await odtText(zip) };
      if (inside === 'zip') throw archiveNotDocument();
      throw unsupportedDocument('ZIP (OOXML/OpenDocument)');
    }
  }
}

const documentTextJob = documentJob<{ file: Uint8Array }, DocumentText>(import.meta.url, './document-text.worker');

/** A file's own copy of its bytes, to move to a worker (an upload's Buffer may share memory with others). */
export function ownCopy(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

/**
 * The one way an uploaded file becomes text: read in a document worker under its memory and time
 * limits. The area register import and the plan readers call this.
 */
export function documentText(documents: DocumentWorkers, bytes: Uint8Array): Promise<DocumentText> {
  const file = ownCopy(bytes);
  return documents.run(documentTextJob, { file }, [file.buffer as ArrayBuffer]);
}
