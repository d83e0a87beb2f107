import sharp from 'sharp';
import type { DocumentWorkers } from '../../../platform/documents/document-workers.js';
import { documentJob } from '../../../platform/documents/worker-job.js';
import { AppError } from '../../../platform/http/errors.js';
import { photoLimits } from './clean.js';
import { attachmentErrors } from './errors.js';
import type { HeicInput, HeicPixels } from './heic.worker.js';

const heicJob = documentJob<HeicInput, HeicPixels>(import.meta.url, 'heic.worker');

/**
 * A HEIC photo (iPhones' own format) as a cleaned JPEG. sharp's prebuilt libvips reads no HEVC, so
 * libheif's WebAssembly build (heic-decode) decodes it in a document worker: off the request
 * thread, with the workers' memory and time limits, and the pixel limit checked from the container
 * before decoding. Only the pixels cross back, so EXIF and XMP (GPS, serial, time) cannot; libheif
 * applies the photo's rotation while decoding.
 */
export async function heicToJpeg(workers: DocumentWorkers, name: string, bytes: Uint8Array): Promise<Uint8Array> {
  const { maxInputPixels, longestSide, jpegQuality } = photoLimits;
  let pixels: HeicPixels;
  try {
    pixels = await workers.run(heicJob, { name, bytes, maxPixels: maxInputPixels });
  } catch (error) {
    // The workers' own limits (413, 422, 503) and the job's refusals say what happened; a decoder error is a damaged file.
    if (error instanceof AppError) throw error;
    throw attachmentErrors.heicDamaged(name);
  }
  const { width, height, rgba } = pixels;
  const jpeg = await sharp(rgba, { raw: { width, height, channels: 4 } })
    .resize({ width: longestSide, height: longestSide, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: jpegQuality })
    .toBuffer();
  return new Uint8Array(jpeg);
}
