import sharp from 'sharp';
import { attachmentErrors } from './errors.js';
import { attachmentKindSpecs, type AttachmentKind } from './kinds.js';
import { blankMetadataBoxes, MediaStructureError } from './media-boxes.js';

/**
 * Photos lose everything but their pixels before they are stored: EXIF (GPS position, camera
 * serial number, time), XMP and IPTC. sharp writes no metadata unless asked to, so re-encoding is
 * what removes it; the orientation EXIF held is applied to the pixels first (rotate()), or the
 * photo would lie on its side. The longest side is capped, which keeps what the police need to
 * see and drops megabytes. `limitInputPixels` refuses a decompression bomb before it is decoded
 * (a 1 KB PNG can claim 50,000 × 50,000 pixels).
 */
export const photoLimits = { maxInputPixels: 50_000_000, longestSide: 2560, jpegQuality: 85 };

/** The bytes to store, cleaned for photos and videos; documents are stored as they came (see docs/attachments.md). */
export async function cleanAttachment(kind: AttachmentKind, name: string, bytes: Uint8Array): Promise<Uint8Array> {
  const family = attachmentKindSpecs[kind].family;
  if (family === 'photo') return cleanPhoto(kind, name, bytes);
  if (family === 'video') {
    try {
      return blankMetadataBoxes(bytes).bytes;
    } catch (error) {
      if (error instanceof MediaStructureError) throw attachmentErrors.damaged(name, kind);
      throw error;
    }
  }
  return bytes;
}

async function cleanPhoto(kind: AttachmentKind, name: string, bytes: Uint8Array): Promise<Uint8Array> {
  const { maxInputPixels, longestSide, jpegQuality } = photoLimits;
  try {
    const image = sharp(bytes, { limitInputPixels: maxInputPixels, failOn: 'error' })
      .rotate()
      .resize({ width: longestSide, height: longestSide, fit: 'inside', withoutEnlargement: true });
    const encoded = kind === 'png' ? image.png({ compressionLevel: 9 }) : image.jpeg({ quality: jpegQuality });
    return new Uint8Array(await encoded.toBuffer());
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw attachmentErrors.bomb(name);
    throw attachmentErrors.damaged(name, kind);
  }
}
