import type { DocumentWorkers } from './document-workers.js';
import { documentTooLarge } from './document-errors.js';
import { zipKind } from './document-kind.js';
import { ownCopy } from './document-text.js';
import { documentJob } from './worker-job.js';
import { openZip, type ZipLimits } from './zip-reader.js';

/** One file of an uploaded archive: its path in the archive and its bytes (not yet read). */
export interface ArchiveMember {
  name: string;
  bytes: Uint8Array;
}

/** Entries that are no one's documents: folders, macOS resource forks, hidden files, Windows thumbnails. */
function isNoise(name: string): boolean {
  return (
    name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\.[^/]*$/.test(name) || /(^|\/)(Thumbs\.db|desktop\.ini)$/i.test(name)
  );
}

/**
 * The files of a ZIP archive of documents, through the ZIP reader's limits (entries, bytes,
 * ratio) and at most `maxFiles` of them; null when the ZIP is a document (.docx, .odt) rather
 * than an archive of files. Archives inside are returned like any file: their kind is told when
 * each file is read, and refused there, one file at a time.
 */
export async function unpackArchive(bytes: Uint8Array, maxFiles: number, limits?: Partial<ZipLimits>): Promise<ArchiveMember[] | null> {
  const zip = await openZip(bytes, limits);
  if ((await zipKind(zip)) !== 'zip') return null;
  const names = zip.entries.map((e) => e.name).filter((name) => !isNoise(name));
  if (names.length > maxFiles) throw documentTooLarge('entries', maxFiles);
  const members: ArchiveMember[] = [];
  for (const name of names) members.push({ name, bytes: new Uint8Array(await zip.readBytes(name)) });
  return members;
}

const unpackJob = documentJob<{ file: Uint8Array; maxFiles: number }, ArchiveMember[] | null>(import.meta.url, './archive-members.worker');

/** unpackArchive in a document worker (an archive is hostile input like any document). */
export function archiveMembers(documents: DocumentWorkers, bytes: Uint8Array, maxFiles: number): Promise<ArchiveMember[] | null> {
  const file = ownCopy(bytes);
  return documents.run(unpackJob, { file, maxFiles }, [file.buffer as ArrayBuffer]);
}
