/**
 * ZIP files made byte by byte for tests: honest ones, and the hostile ones a reader must survive
 * (decompression bombs, headers that lie about sizes, archives of 100,000 entries). Written by
 * hand rather than with a ZIP library because a library will not write lies.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  /** The real contents; stored when `deflated` is absent. */
  data?: Buffer;
  /** Raw DEFLATE data with its real size and CRC, for contents too big to hold in memory. */
  deflated?: { data: Buffer; size: number; crc: number };
  /** What the headers claim the expanded size is (the truth when absent). */
  declaredSize?: number;
  /** Where the central directory says the entry's local header is (its own when absent). */
  sharesLocalHeaderOf?: number;
}

/** A ZIP archive of the entries: local headers and data, then the central directory. */
export function zipOf(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((entry, index) => {
    const name = Buffer.from(entry.name, 'utf8');
    const data = entry.deflated?.data ?? entry.data ?? Buffer.alloc(0);
    const method = entry.deflated ? 8 : 0;
    const size = entry.deflated?.size ?? data.length;
    const crc = entry.deflated?.crc ?? zlib.crc32(data);
    const declared = entry.declaredSize ?? size;
    // version, flags (bit 11: UTF-8 names), method, time, date, crc, sizes, name length, extra length
    const common = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(0x0800, at + 2);
      header.writeUInt16LE(method, at + 4);
      header.writeUInt16LE(0, at + 6);
      header.writeUInt16LE(0x5821, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(data.length, at + 14);
      header.writeUInt32LE(declared, at + 18);
      header.writeUInt16LE(name.length, at + 22);
      header.writeUInt16LE(0, at + 24);
    };
    if (entry.sharesLocalHeaderOf === undefined) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      common(local, 4);
      offsets[index] = offset;
      locals.push(local, name, data);
      offset += local.length + name.length + data.length;
    } else {
      offsets[index] = offsets[entry.sharesLocalHeaderOf]!;
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    common(central, 6);
    central.writeUInt32LE(offsets[index], 42);
    centrals.push(central, name);
  });
  const directory = Buffer.concat(centrals);
  const zip64 = entries.length > 0xfffe;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  if (!zip64) return Buffer.concat([...locals, directory, end]);
  // More than 65,534 entries need the ZIP64 end record (and its locator) to hold the count.
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(entries.length), 24);
  record.writeBigUInt64LE(BigInt(entries.length), 32);
  record.writeBigUInt64LE(BigInt(directory.length), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([...locals, directory, record, locator, end]);
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const documentStart =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const documentEnd = '</w:body></w:document>';

/** The package parts around a word/document.xml, as Word writes them. */
function docxParts(document: ZipEntrySpec): ZipEntrySpec[] {
  return [{ name: '[Content_Types].xml', data: Buffer.from(contentTypes) }, { name: '_rels/.rels', data: Buffer.from(rels) }, document];
}

/** A small, honest .docx with one paragraph per line of `text`. */
export function docxOfText(text: string): Buffer {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = text
    .split('\n')
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${escape(line)}</w:t></w:r></w:p>`)
    .join('');
  const xml = Buffer.from(documentStart + body + documentEnd);
  return zipOf(
    docxParts({ name: 'word/document.xml', deflated: { data: zlib.deflateRawSync(xml), size: xml.length, crc: zlib.crc32(xml) } }),
  );
}

export interface BombOptions {
  /** How many MiB word/document.xml expands to. */
  expandsToMiB: number;
  /** The headers claim the document is this many bytes (a lie), instead of its real size. */
  declaredSize?: number;
}

/**
 * A decompression bomb shaped like the one the security test used: a .docx of about 1–2 MB whose
 * word/document.xml expands to hundreds of MiB of paragraphs. Generating it takes seconds, so the
 * deflated document is cached in the OS temp directory between runs.
 */
export async function docxBomb(options: BombOptions): Promise<Buffer> {
  const document = await bombDocument(options.expandsToMiB);
  return zipOf(
    docxParts({
      name: 'word/document.xml',
      deflated: document,
      ...(options.declaredSize === undefined ? {} : { declaredSize: options.declaredSize }),
    }),
  );
}

async function bombDocument(expandsToMiB: number): Promise<{ data: Buffer; size: number; crc: number }> {
  const file = path.join(os.tmpdir(), `dz-test-bomb-v4-${expandsToMiB}.deflated`);
  if (existsSync(file)) {
    const cached = readFileSync(file);
    return { data: cached.subarray(16), size: Number(cached.readBigUInt64LE(0)), crc: cached.readUInt32LE(8) };
  }
  // A few paragraphs (about 200 bytes, so DEFLATE codes each repeat with short distances): the ratio
  // is about 250, as in the reported 1.9 MB file of 480 MB, rather than the 1,000+ of one repeated byte.
  const paragraphs = [1, 2, 3].map((i) => `<w:p><w:r><w:t>Punkt ${i}: patrol w rejonie ${i * 7}</w:t></w:r></w:p>`).join('');
  const chunk = Buffer.from(paragraphs.repeat(Math.floor((1024 * 1024) / paragraphs.length)));
  const deflate = zlib.createDeflateRaw({ level: 6 });
  const chunks: Buffer[] = [];
  deflate.on('data', (data: Buffer) => chunks.push(data));
  let crc = 0;
  let size = 0;
  const parts = [
    Buffer.from(documentStart),
    ...Array.from({ length: Math.ceil((expandsToMiB * 1024 * 1024) / chunk.length) }, () => chunk),
    Buffer.from(documentEnd),
  ];
  for (const part of parts) {
    crc = zlib.crc32(part, crc);
    size += part.length;
    if (!deflate.write(part)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  const data = Buffer.concat(chunks);
  const header = Buffer.alloc(16);
  header.writeBigUInt64LE(BigInt(size), 0);
  header.writeUInt32LE(crc, 8);
  writeFileSync(`${file}.tmp-${process.pid}`, Buffer.concat([header, data]));
  renameSync(`${file}.tmp-${process.pid}`, file);
  return { data, size, crc };
}

/** An archive of `count` tiny (empty) entries, each with its own local header. */
export function zipOfManyEntries(count: number): Buffer {
  return zipOf(Array.from({ length: count }, (_, i) => ({ name: i.toString(36) })));
}

/**
 * An archive whose central directory lists `count` entries that all point at one local header:
 * the smallest way to send 100,000 entries under an upload limit of a few MiB.
 */
export function zipOfManyListedEntries(count: number): Buffer {
  return zipOf(Array.from({ length: count }, (_, i) => ({ name: i.toString(36), ...(i === 0 ? {} : { sharesLocalHeaderOf: 0 }) })));
}
