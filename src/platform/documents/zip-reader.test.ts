import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { docxBomb, docxOfText, zipOf, zipOfManyEntries } from '../../../test/support/zip-files.js';
import { problemOf } from '../../../test/support/errors.js';
import { openZip, zipLimits, type ZipLimits } from './zip-reader.js';

const MiB = 1024 * 1024;

async function readAll(bytes: Buffer, limits?: Partial<ZipLimits>) {
  const zip = await openZip(bytes, limits);
  return Promise.all(zip.entries.map((entry) => zip.readBytes(entry.name)));
}

function deflated(data: Buffer) {
  return { data: zlib.deflateRawSync(data), size: data.length, crc: zlib.crc32(data) };
}

describe('the ZIP reader', () => {
  it('lists the entries and reads one as text or bytes, stored or deflated', async () => {
    const xml = Buffer.from('<a>Zażółć gęślą jaźń</a>'.repeat(100));
    const zip = await openZip(
      zipOf([
        { name: 'stored.txt', data: Buffer.from('tekst') },
        { name: 'dir/doc.xml', deflated: deflated(xml) },
      ]),
    );
    expect(zip.entries.map((e) => [e.name, e.size])).toEqual([
      ['stored.txt', 5],
      ['dir/doc.xml', xml.length],
    ]);
    expect(await zip.readText('dir/doc.xml')).toBe(xml.toString());
    expect(await zip.readBytes('stored.txt')).toEqual(Buffer.from('tekst'));
    expect(zip.has('missing.xml')).toBe(false);
  });

  it('refuses a decompression bomb whose headers tell the truth without inflating it', async () => {
    const bomb = await docxBomb({ expandsToMiB: 480 });
    expect(bomb.length).toBeLessThan(2.5 * MiB);
    const problem = await problemOf(readAll(bomb));
    expect(problem.status).toBe(413);
    expect(problem.code).toBe('document_too_large');
    expect(problem.details).toMatchObject({ limit: 'entryBytes', max: zipLimits.entryBytes, entry: 'word/document.xml' });
    expect(problem.text.pl).toContain('„word/document.xml”');
    expect(problem.text.pl).toContain('32 MB');
    expect(problem.text.en).toContain('32 MB');
  });

  it('counts the bytes it really inflates: a bomb whose headers claim a small size is stopped by its ratio, or its size', async () => {
    const liar = await docxBomb({ expandsToMiB: 480, declaredSize: 2_000 });
    const zip = await openZip(liar);
    expect(zip.entries.find((e) => e.name === 'word/document.xml')!.size).toBe(2_000);
    const byRatio = await problemOf(zip.readText('word/document.xml'));
    expect([byRatio.status, byRatio.code]).toEqual([413, 'document_too_large']);
    expect(byRatio.details).toMatchObject({ limit: 'ratio', max: zipLimits.ratio, entry: 'word/document.xml' });
    expect(byRatio.text.pl).toContain('200-krotnie');
    expect(byRatio.text.en).toContain('200 times');
    const bySize = await problemOf((await openZip(liar, { ratio: Infinity })).readText('word/document.xml'));
    expect(bySize.details).toMatchObject({ limit: 'entryBytes', max: zipLimits.entryBytes });
  });

  it('limits the total expanded size of what is read from one archive', async () => {
    const part = Buffer.alloc(3 * MiB, 'a');
    const archive = zipOf([1, 2, 3].map((i) => ({ name: `part${i}.txt`, deflated: deflated(part) })));
    const problem = await problemOf(readAll(archive, { totalBytes: 8 * MiB, ratio: Infinity }));
    expect(problem.status).toBe(413);
    expect(problem.details).toMatchObject({ limit: 'totalBytes', max: 8 * MiB });
    expect(problem.text.en).toContain('8 MB');
  });

  it('refuses an archive of 100,000 tiny entries before reading any of them', async () => {
    const problem = await problemOf(openZip(zipOfManyEntries(100_000)));
    expect(problem.status).toBe(413);
    expect(problem.details).toMatchObject({ limit: 'entries', max: zipLimits.entries });
    expect(problem.text.pl).toContain('2000');
  });

  it('answers 422 for broken or unsupported archives', async () => {
    const good = docxOfText('Plan');
    const cases: [string, () => Promise<unknown>][] = [
      ['not a ZIP at all', () => openZip(Buffer.from('PK but not really a zip file'))],
      ['cut short', () => readAll(good.subarray(0, good.length - 40))],
      [
        'sizes that lie within the limits',
        () => readAll(zipOf([{ name: 'a.xml', deflated: deflated(Buffer.from('<a>tekst</a>')), declaredSize: 3 }])),
      ],
      ['a wrong checksum', () => readAll(zipOf([{ name: 'a.xml', deflated: { ...deflated(Buffer.from('<a>tekst</a>')), crc: 1234 } }]))],
      [
        'corrupt DEFLATE data',
        () => readAll(zipOf([{ name: 'a.xml', deflated: { data: Buffer.from([0xff, 0xff, 0xff, 0xff]), size: 10, crc: 0 } }])),
      ],
      ['an unknown compression method', () => readAll(unsupportedMethod())],
    ];
    for (const [name, read] of cases) {
      const problem = await problemOf(read());
      expect([name, problem.status, problem.code]).toEqual([name, 422, 'document_unreadable']);
    }
    const missing = await problemOf((await openZip(good)).readText('word/missing.xml'));
    expect([missing.status, missing.code]).toEqual([422, 'document_unreadable']);
  });
});

/** A one-entry archive whose method is 14 (LZMA), which the reader does not support. */
function unsupportedMethod(): Buffer {
  const archive = zipOf([{ name: 'a.xml', data: Buffer.from('abc') }]);
  archive.writeUInt16LE(14, 8); // local header: method
  archive.writeUInt16LE(14, archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10); // central header: method
  return archive;
}
