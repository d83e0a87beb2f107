import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/**
 * The names of uploaded files. The multipart plugin gives routes each file's bytes as a body value
 * (attachFieldsToBody 'keyValues') and drops the name the browser sent; a batch import reports
 * per file, so the names are kept here, in the order the files came, by request.
 *
 * The same hook limits the bytes of all files of a request to the route's uploadBytes, else its bodyLimit: the plugin's
 * own limit (fileSize) is per file, and a route that takes many files would otherwise hold many
 * times its limit in memory.
 */
const uploads = new WeakMap<FastifyRequest, { field: string; name: string; type: string; size: number }[]>();

export async function keepUpload(this: FastifyRequest, part: MultipartFile): Promise<void> {
  const bytes = await part.toBuffer();
  const list = uploads.get(this) ?? [];
  uploads.set(this, list);
  list.push({ field: part.fieldname, name: part.filename, type: part.mimetype, size: bytes.length });
  const total = list.reduce((sum, file) => sum + file.size, 0);
  const limit = this.routeOptions.config.uploadBytes ?? this.routeOptions.bodyLimit ?? this.server.initialConfig.bodyLimit;
  if (total > limit) {
    throw new AppError(
      413,
      'payload_too_large',
      { pl: 'Przesłane pliki są razem za duże dla tej operacji.', en: 'The uploaded files together are too large for this request.' },
      { max: limit },
    );
  }
}

export interface Upload {
  name: string;
  bytes: Buffer;
}

/** The non-empty files a request carried in `field`, with the names they were sent with. */
export function uploadedFiles(request: FastifyRequest, field: string): Upload[] {
  const value = (request.body as Record<string, unknown> | undefined)?.[field];
  const buffers = (Array.isArray(value) ? value : [value]).filter((v): v is Buffer => Buffer.isBuffer(v));
  const names = (uploads.get(request) ?? []).filter((u) => u.field === field).map((u) => u.name);
  return buffers.map((bytes, i) => ({ name: names[i] || `plik-${i + 1}`, bytes })).filter((file) => file.bytes.length > 0);
}

export interface UploadPart extends Upload {
  /** The type the browser declared (a claim, to be checked against the bytes). */
  type: string;
}

/**
 * Every file a request carried in `field`, empty files included (a file someone chose that has no
 * bytes is an error to report); a file input left empty (no name, no bytes) is not a file.
 */
export function uploadedParts(request: FastifyRequest, field: string): UploadPart[] {
  const value = (request.body as Record<string, unknown> | undefined)?.[field];
  const buffers = (Array.isArray(value) ? value : [value]).filter((v): v is Buffer => Buffer.isBuffer(v));
  const parts = (uploads.get(request) ?? []).filter((u) => u.field === field);
  return buffers
    .map((bytes, i) => ({ name: parts[i]?.name ?? '', type: parts[i]?.type ?? '', bytes }))
    .filter((file) => file.name !== '' || file.bytes.length > 0)
    .map((file, i) => ({ ...file, name: file.name || `plik-${i + 1}` }));
}
