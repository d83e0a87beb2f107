/** The document worker's entry for decoding a HEIC photo (see heic.ts): its first image's pixels. */
import decode from 'heic-decode';
import { workerJob } from '../../../platform/documents/worker-job.js';
import { attachmentErrors } from './errors.js';

export interface HeicInput {
  name: string;
  bytes: Uint8Array;
  maxPixels: number;
}

export interface HeicPixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  rgba: Uint8Array;
}

export default workerJob(async ({ name, bytes, maxPixels }: HeicInput): Promise<HeicPixels> => {
  const images = await decode.all({ buffer: bytes });
  try {
    const first = images[0];
    if (!first) throw attachmentErrors.heicDamaged(name);
    // The size is read from the container before a single pixel is decoded: a bomb stops here.
    if (first.width * first.height > maxPixels) throw attachmentErrors.bomb(name);
    const { width, height, data } = await first.decode();
    return { width, height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } finally {
    images.dispose();
  }
});
