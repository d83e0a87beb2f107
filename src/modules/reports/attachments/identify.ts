import { fileTypeFromBuffer } from 'file-type';
import { openZip } from '../../../platform/documents/zip-reader.js';
import { AppError } from '../../../platform/http/errors.js';
import type { AttachmentKind } from './kinds.js';

/**
 * What a file is, from its bytes alone (never its name or declared type): `file-type` knows the
 * signatures of photos, PDF and the ISO media containers; the two kinds it cannot tell on its own
 * are checked here. A DOCX is a ZIP holding word/document.xml, opened with the app's one ZIP reader
 * so that its limits hold against a bomb; a DOC is a Compound File holding a "WordDocument" stream
 * (a spreadsheet or an installer is a Compound File too); text is valid UTF-8 without control bytes.
 */
/** `heic`: an iPhone photo, stored as the JPEG it becomes (heic.ts), not as a kind of its own. */
export type Identified = { kind: AttachmentKind } | { heic: true } | { refused: 'unknown' } | { bomb: true };

/** How far a DOCX may expand: a long report with photos pasted in is a few MiB of XML and images. */
export const docxLimits = { entries: 500, entryBytes: 32 * 1024 * 1024, totalBytes: 48 * 1024 * 1024, ratio: 100 };

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

async function zipKind(bytes: Uint8Array): Promise<Identified> {
  try {
    const zip = await openZip(bytes, docxLimits);
    if (!zip.has('word/document.xml') || !zip.has('[Content_Types].xml')) return { refused: 'unknown' };
    // Every entry is inflated once, counting its real bytes: a bomb is refused here, not when the police open it.
    for (const entry of zip.entries) if (!entry.name.endsWith('/')) await zip.readBytes(entry.name);
    return { kind: 'docx' };
  } catch (error) {
    if (error instanceof AppError && error.status === 413) return { bomb: true };
    return { refused: 'unknown' };
  }
}

/** A Compound File (OLE2) that holds Word's main stream: its directory names "WordDocument" in UTF-16LE. */
function isWordDocument(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('WordDocument', 'utf16le'));
}

/** Plain UTF-8 text: decodes strictly, and holds no control bytes but tab, line ends and form feed. */
export function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

export async function identifyAttachment(bytes: Uint8Array): Promise<Identified> {
  if (startsWith(bytes, zipSignature)) return zipKind(bytes);
  const type = await fileTypeFromBuffer(bytes);
  switch (type?.ext) {
    case 'jpg':
      return { kind: 'jpeg' };
    case 'png':
      return { kind: 'png' };
    case 'pdf':
      return { kind: 'pdf' };
    case 'mp4':
    case 'm4v':
      return { kind: 'mp4' };
    case 'mov':
      return { kind: 'mov' };
    case '3gp':
    case '3g2':
      return { kind: '3gp' };
    case 'cfb':
      return isWordDocument(bytes) ? { kind: 'doc' } : { refused: 'unknown' };
    case 'heic':
      return { heic: true };
    case undefined:
      return isPlainText(bytes) ? { kind: 'txt' } : { refused: 'unknown' };
    default:
      return { refused: 'unknown' };
  }
}
