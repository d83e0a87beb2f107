import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { AppError } from '../http/errors.js';
import { documentTooLarge, documentUnreadable } from './document-errors.js';

/**
 * The one way the app opens a ZIP archive (DOCX today; ODT and ZIP archives of plans are ZIPs too).
 * yauzl reads the central directory from the buffer; each entry is inflated as a stream while the
 * real inflated bytes are counted, so no header can talk the reader into expanding more than the
 * limits allow: the sizes in the headers are claims, checked against the bytes at the end (with
 * the CRC-32, which yauzl does not check).
 */
export interface ZipLimits {
  /** Entries in the archive (a DOCX has about 15; a ZIP of plans may have hundreds). */
  entries: number;
  /** Expanded bytes of one entry read (a 300-page document.xml is about 15 MiB). */
  entryBytes: number;
  /** Expanded bytes of everything read from one archive. */
  totalBytes: number;
  /** Expanded ÷ compressed bytes of an entry so far, checked once it has expanded past 1 MiB (XML of real documents: 5–30). */
  ratio: number;
}

const MiB = 1024 * 1024;
export const zipLimits: ZipLimits = { entries: 2_000, entryBytes: 32 * MiB, totalBytes: 64 * MiB, ratio: 200 };
/** Small entries may compress very well (an empty table, a page of spaces) and cost nothing. */
const RATIO_FROM_BYTES = MiB;

export interface ZipEntryInfo {
  name: string;
  /** What the headers claim the expanded size is: a hint, never trusted. */
  size: number;
  compressedSize: number;
}

export interface ZipArchive {
  readonly entries: readonly ZipEntryInfo[];
  has(name: string): boolean;
  readBytes(name: string): Promise<Buffer>;
  /** The entry as UTF-8 text (a byte order mark is dropped). */
  readText(name: string): Promise<string>;
}

const broken = (pl: string, en: string) => documentUnreadable({ pl, en });

/** Opens an archive held in memory and lists its entries; throws 413 past `limits.entries`, 422 if broken. */
export async function openZip(bytes: Uint8Array, overrides: Partial<ZipLimits> = {}): Promise<ZipArchive> {
  const limits = { ...zipLimits, ...overrides };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zipfile: yauzl.ZipFile;
  try {
    // validateEntrySizes off: the reader counts the bytes itself and answers 413 rather than a vague error.
    zipfile = await yauzl.fromBufferPromise(buffer, { validateEntrySizes: false, decodeStrings: true, strictFileNames: false });
  } catch {
    throw broken('to nie jest poprawne archiwum ZIP.', 'it is not a valid ZIP archive.');
  }
  if (zipfile.entryCount > limits.entries) throw documentTooLarge('entries', limits.entries);
  const entries = new Map<string, yauzl.Entry>();
  try {
    for await (const entry of zipfile.eachEntry()) {
      // Two entries of one name are read differently by different programs: refuse the ambiguity.
      if (entries.has(entry.fileName)) throw broken(`dwa pliki o nazwie „${entry.fileName}”.`, `two files named “${entry.fileName}”.`);
      entries.set(entry.fileName, entry);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw broken('spis plików archiwum ZIP jest uszkodzony.', 'the ZIP archive’s list of files is damaged.');
  }
  let totalRead = 0;

  const readBytes = async (name: string): Promise<Buffer> => {
    const entry = entries.get(name);
    if (!entry) throw broken(`brak pliku „${name}” w archiwum.`, `the archive has no “${name}”.`);
    if (entry.uncompressedSize > limits.entryBytes) throw documentTooLarge('entryBytes', limits.entryBytes, name);
    if (!entry.canDecodeFileData()) {
      throw broken(
        `plik „${name}” jest zaszyfrowany albo skompresowany nieobsługiwaną metodą.`,
        `“${name}” is encrypted or compressed with an unsupported method.`,
      );
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let crc = 0;
    // The limit that stopped the entry: the pipeline may reject with its own AbortError instead.
    // A field, not a variable: the type checker would take a variable set only in a callback for always null.
    const stopped: { by?: AppError } = {};
    const stop = (error: AppError) => {
      stopped.by = error;
      throw error;
    };
    try {
      // The raw entry data, inflated here rather than by yauzl: zlib's bytesWritten is the compressed
      // input inflated so far, so the ratio is known chunk by chunk, not only at the end.
      const raw = await zipfile.openReadStreamPromise(entry, { decodeFileData: false });
      const inflater = entry.compressionMethod === 8 ? zlib.createInflateRaw() : null;
      const collect = async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) {
          size += chunk.length;
          totalRead += chunk.length;
          if (size > limits.entryBytes) stop(documentTooLarge('entryBytes', limits.entryBytes, name));
          if (totalRead > limits.totalBytes) stop(documentTooLarge('totalBytes', limits.totalBytes));
          if (inflater && size > RATIO_FROM_BYTES && size > limits.ratio * Math.max(1, inflater.bytesWritten))
            stop(documentTooLarge('ratio', limits.ratio, name));
          crc = zlib.crc32(chunk, crc);
          chunks.push(chunk);
        }
      };
      await (inflater ? pipeline(raw, inflater, collect) : pipeline(raw, collect));
    } catch {
      if (stopped.by) throw stopped.by;
      throw broken(`plik „${name}” w archiwum jest uszkodzony.`, `“${name}” in the archive is damaged.`);
    }
    if (size !== entry.uncompressedSize || crc !== entry.crc32) {
      throw broken(
        `rozmiar albo suma kontrolna pliku „${name}” nie zgadza się z nagłówkiem.`,
        `the size or checksum of “${name}” does not match its header.`,
      );
    }
    return Buffer.concat(chunks, size);
  };

  return {
    entries: [...entries.values()].map((e) => ({ name: e.fileName, size: e.uncompressedSize, compressedSize: e.compressedSize })),
    has: (name) => entries.has(name),
    readBytes,
    readText: async (name) => (await readBytes(name)).toString('utf8').replace(/^\uFEFF/, ''),
  };
}
