import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { pngChunk } from './png.js';

/** Small real files of every kind a report takes, made in the test (one fixture on disk: the HEIC photo). */

/** A JPEG photo with GPS position, camera serial and time in its EXIF, as a phone writes them. */
export function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'TestPhone', Model: 'X1', DateTime: '2026:11:30 21:15:00' },
      IFD2: { BodySerialNumber: 'SN-4242-SECRET' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 27/1 3456/100', GPSLongitudeRef: 'E', GPSLongitude: '22/1 36/1 1234/100' },
    })
    .toBuffer();
}

export function png(width = 40, height = 30): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 10, g: 120, b: 10 } } })
    .png()
    .toBuffer();
}

/** A PNG of a few hundred bytes whose header claims `side` × `side` pixels: a decompression bomb's shape. */
export function pixelBomb(side = 20_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const rows = zlib.deflateSync(Buffer.alloc(3 * side + 1));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export function minimalPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

function box(type: string, content: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + content.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, content]);
}

/**
 * An MP4 (or, by brand, MOV/3GP/HEIC) of an ftyp box, a moov with a udta holding Apple's ©xyz
 * location, a track with its own meta box, and an mdat.
 */
export function isoMedia(brand = 'isom', location = '+51.4597+022.6027/'): Buffer {
  const ftyp = box('ftyp', Buffer.concat([Buffer.from(brand, 'latin1'), Buffer.from([0, 0, 2, 0]), Buffer.from(`${brand}mp41`, 'latin1')]));
  const xyz = box('\u00a9xyz', Buffer.concat([Buffer.from([0, location.length, 0x15, 0xc7]), Buffer.from(location)]));
  const moov = box(
    'moov',
    Buffer.concat([
      box('mvhd', Buffer.alloc(100)),
      box('udta', xyz),
      box(
        'trak',
        Buffer.concat([box('tkhd', Buffer.alloc(84)), box('meta', Buffer.from('com.apple.quicktime.location.ISO6709' + location))]),
      ),
    ]),
  );
  return Buffer.concat([ftyp, moov, box('mdat', Buffer.from('not really frames'))]);
}

/** Whether a JPEG carries an EXIF block (APP1 "Exif\0\0"), and the GPS directory's tag (0x8825) in it. */
export function exifOf(jpeg: Uint8Array): { exif: boolean; gps: boolean } {
  const bytes = Buffer.from(jpeg);
  const at = bytes.indexOf(Buffer.from('Exif\0\0', 'latin1'));
  if (at < 0) return { exif: false, gps: false };
  const block = bytes.subarray(at, at + bytes.readUInt16BE(at - 2));
  const littleEndian = block.subarray(6, 8).toString('latin1') === 'II';
  return { exif: true, gps: block.includes(Buffer.from(littleEndian ? [0x25, 0x88] : [0x88, 0x25])) };
}

/**
 * A HEIC photo (96 × 64) whose EXIF holds a GPS position and the camera serial "SN-4242-SECRET":
 * made once with libheif's `heif-enc` (x265) from a JPEG that sharp wrote with that EXIF, since no
 * npm package encodes HEVC. 796 bytes, in fixtures/.
 */
export function heicWithGps(): Buffer {
  return readFileSync(new URL('./fixtures/photo-with-gps.heic', import.meta.url));
}
