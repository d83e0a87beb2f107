import { describe, expect, it } from 'vitest';
import { docxBomb, docxOfText } from '../../../../test/support/zip-files.js';
import { isoMedia, minimalPdf } from '../../../../test/support/attachment-files.js';
import { identifyAttachment, isPlainText } from './identify.js';
import { attachmentKinds, attachmentKindSpecs, namingProblem, type AttachmentKind } from './kinds.js';
import { blankMetadataBoxes, MediaStructureError } from './media-boxes.js';
import { attachmentSetProblem, type IncomingFile } from './prepare.js';

const file = (name: string, size: number): IncomingFile => ({ name, declaredType: null, bytes: new Uint8Array(size).fill(65) });

describe('names and declared types against the kind the bytes show', () => {
  const cases: [AttachmentKind, string, string | null, ReturnType<typeof namingProblem>][] = [
    ['jpeg', 'IMG_1.JPG', 'image/jpeg', null],
    ['jpeg', 'IMG_1', 'application/octet-stream', null],
    ['jpeg', 'zdjęcie.jpeg', 'image/jpg', null],
    ['jpeg', 'skan.png', null, 'extension'],
    ['jpeg', 'photo.jpg.exe', null, 'unaccepted'],
    ['txt', 'rysunek.svg', 'image/svg+xml', 'unaccepted'],
    ['txt', 'rysunek', 'image/svg+xml', 'type'],
    ['pdf', 'pismo.pdf', 'text/html', 'type'],
    ['txt', 'notatka.txt', 'text/plain;charset=utf-8', null],
    // Phones call one ISO media container by any of its names.
    ['mp4', 'film.MOV', 'video/quicktime', null],
    ['3gp', 'film.mp4', 'video/mp4', null],
    ['docx', 'pismo.doc', null, 'extension'],
  ];
  it.each(cases)('%s called %s (%s): %s', (kind, name, type, problem) => {
    expect(namingProblem(kind, name, type)).toBe(problem);
  });

  it('serves no kind as a page a browser would render', () => {
    for (const kind of attachmentKinds)
      expect(attachmentKindSpecs[kind].contentType).not.toMatch(
        /^(text\/html|image\/svg|application\/xhtml|text\/xml|application\/xml|text\/javascript)/,
      );
  });
});

describe('the files as a set', () => {
  const limits = { maxFiles: 3, maxTotalMegabytes: 5 };
  it('takes none, or up to the limits', () => {
    expect(attachmentSetProblem([], { maxFiles: 0, maxTotalMegabytes: 5 })).toBeNull();
    expect(attachmentSetProblem([file('a', 5 * 1024 * 1024)], limits)).toBeNull();
  });
  it.each([
    ['off', [file('a', 1)], { maxFiles: 0, maxTotalMegabytes: 5 }, 400, 'attachments_off'],
    ['too many', [file('a', 1), file('b', 1), file('c', 1), file('d', 1)], limits, 400, 'attachments_too_many'],
    ['empty', [file('a', 1), file('pusty.txt', 0)], limits, 400, 'attachment_empty'],
    ['too large', [file('a', 3 * 1024 * 1024), file('b', 2 * 1024 * 1024 + 1)], limits, 413, 'attachments_too_large'],
  ] as const)('refuses %s', (_, files, set, status, code) => {
    const problem = attachmentSetProblem(files, set);
    expect([problem?.status, problem?.code]).toEqual([status, code]);
  });
  it('names the file in its error', () => {
    expect(attachmentSetProblem([file('pusty.txt', 0)], limits)?.text.pl).toBe('Plik „pusty.txt” jest pusty.');
  });
});

describe('the kind from the bytes', () => {
  const compound = (stream: string) => {
    const bytes = Buffer.alloc(1536);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.write(stream, 1024, 'utf16le');
    return bytes;
  };
  it.each([
    ['a PDF', minimalPdf(), { kind: 'pdf' }],
    ['an MP4', isoMedia('isom'), { kind: 'mp4' }],
    ['a QuickTime video', isoMedia('qt  '), { kind: 'mov' }],
    ['a 3GP video', isoMedia('3gp5'), { kind: '3gp' }],
    ['a HEIC photo', isoMedia('heic'), { heic: true }],
    ['a DOCX', docxOfText('Tekst'), { kind: 'docx' }],
    ['a Word 97 document', compound('WordDocument'), { kind: 'doc' }],
    ['another compound file (a spreadsheet)', compound('Workbook'), { refused: 'unknown' }],
    ['UTF-8 text', Buffer.from('Zażółć gęślą jaźń\r\n\tkoniec'), { kind: 'txt' }],
    ['text with a NUL', Buffer.from('a\u0000b'), { refused: 'unknown' }],
  ] as const)('%s', async (_, bytes, expected) => {
    expect(await identifyAttachment(bytes)).toEqual(expected);
  });
  it('refuses a DOCX that expands like a bomb, before it is stored', async () => {
    expect(await identifyAttachment(await docxBomb({ expandsToMiB: 64 }))).toEqual({ bomb: true });
  });
  it('takes only valid UTF-8 without control bytes as text', () => {
    expect(isPlainText(Buffer.from([0x61, 0xc5]))).toBe(false); // cut in the middle of "ł"
    expect(isPlainText(Buffer.from('a\u001bb'))).toBe(false);
    expect(isPlainText(Buffer.from('\uFEFFz BOM'))).toBe(true);
  });
});

describe('metadata boxes of a video', () => {
  it('become free space of the same size, so offsets stay valid', () => {
    const video = isoMedia('isom', '+52.2297+021.0122/');
    const { bytes, blanked } = blankMetadataBoxes(video);
    expect(blanked).toBe(2);
    expect(bytes.length).toBe(video.length);
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).not.toContain('+52.2297');
    expect(text).not.toContain('udta');
    expect(text.indexOf('mdat')).toBe(video.toString('latin1').indexOf('mdat'));
    expect(video.toString('latin1')).toContain('+52.2297'); // the caller's buffer is left as it came
  });
  it('refuses a damaged file rather than guess', () => {
    const video = isoMedia();
    expect(() => blankMetadataBoxes(video.subarray(0, video.length - 5))).toThrow(MediaStructureError);
    expect(() => blankMetadataBoxes(Buffer.concat([Buffer.from([0, 0, 0, 8]), Buffer.from('free'), video]))).toThrow(MediaStructureError);
  });
});
