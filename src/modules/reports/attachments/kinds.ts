import type { Localized } from '../../../platform/i18n/i18n.js';

/**
 * The kinds of file a resident may attach to a report (KMZB takes JPG, PDF, 3gp, mov, doc, txt;
 * phones also send PNG screenshots and MP4 videos, and Word saves DOCX). The kind is always told
 * from the bytes (identify.ts); this table says what each kind may be called and how it is served.
 * HEIC (iPhone photos) is not a kind of its own: it is stored as the JPEG it becomes (heic.ts).
 */
export const attachmentKinds = ['jpeg', 'png', 'pdf', 'mp4', 'mov', '3gp', 'docx', 'doc', 'txt'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];
export type AttachmentFamily = 'photo' | 'video' | 'document';

interface KindSpec {
  family: AttachmentFamily;
  /** File name extensions this kind is called by (lower case, no dot); the first one names downloads. */
  extensions: readonly string[];
  /** The type it is stored and served with: never one a browser would render as a page (HTML, SVG). */
  contentType: string;
  /** Other types devices declare for it, which are not lies. */
  declaredTypes: readonly string[];
  label: Localized;
}

export const attachmentKindSpecs: Record<AttachmentKind, KindSpec> = {
  jpeg: {
    family: 'photo',
    extensions: ['jpg', 'jpeg', 'jpe', 'jfif'],
    contentType: 'image/jpeg',
    declaredTypes: ['image/jpeg', 'image/jpg', 'image/pjpeg'],
    label: { pl: 'zdjęcie JPEG', en: 'JPEG photo' },
  },
  png: {
    family: 'photo',
    extensions: ['png'],
    contentType: 'image/png',
    declaredTypes: ['image/png'],
    label: { pl: 'obraz PNG', en: 'PNG image' },
  },
  pdf: {
    family: 'document',
    extensions: ['pdf'],
    contentType: 'application/pdf',
    declaredTypes: ['application/pdf', 'application/x-pdf'],
    label: { pl: 'dokument PDF', en: 'PDF document' },
  },
  mp4: {
    family: 'video',
    extensions: ['mp4', 'm4v'],
    contentType: 'video/mp4',
    declaredTypes: ['video/mp4', 'video/x-m4v'],
    label: { pl: 'nagranie MP4', en: 'MP4 video' },
  },
  mov: {
    family: 'video',
    extensions: ['mov', 'qt'],
    contentType: 'video/quicktime',
    declaredTypes: ['video/quicktime'],
    label: { pl: 'nagranie MOV', en: 'MOV video' },
  },
  '3gp': {
    family: 'video',
    extensions: ['3gp', '3gpp', '3g2'],
    contentType: 'video/3gpp',
    declaredTypes: ['video/3gpp', 'video/3gpp2', 'audio/3gpp'],
    label: { pl: 'nagranie 3GP', en: '3GP video' },
  },
  docx: {
    family: 'document',
    extensions: ['docx'],
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    declaredTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    label: { pl: 'dokument Word (.docx)', en: 'Word document (.docx)' },
  },
  doc: {
    family: 'document',
    extensions: ['doc'],
    contentType: 'application/msword',
    declaredTypes: ['application/msword'],
    label: { pl: 'dokument Word 97–2003 (.doc)', en: 'Word 97–2003 document (.doc)' },
  },
  txt: {
    family: 'document',
    extensions: ['txt', 'text'],
    contentType: 'text/plain; charset=utf-8',
    declaredTypes: ['text/plain'],
    label: { pl: 'plik tekstowy', en: 'text file' },
  },
};

/** For the form's file input: extensions and types, so pickers offer the right files. */
export const attachmentAccept = [
  ...new Set(
    attachmentKinds.flatMap((k) => [
      ...attachmentKindSpecs[k].extensions.map((e) => `.${e}`),
      attachmentKindSpecs[k].contentType.split(';')[0]!,
    ]),
  ),
  // iPhone photos, kept as JPEG (heic.ts).
  '.heic',
  '.heif',
  'image/heic',
  'image/heif',
].join(',');

/** The accepted kinds in words, for hints and 415 messages. */
export const acceptedAttachmentsText: Localized = {
  pl: 'zdjęcia JPG, PNG i HEIC, nagrania MP4, MOV i 3GP, dokumenty PDF, DOC, DOCX i TXT',
  en: 'JPG, PNG and HEIC photos, MP4, MOV and 3GP videos, PDF, DOC, DOCX and TXT documents',
};

/**
 * Phones and cameras label the same ISO media container (one "ftyp" box, brands decide) as MP4,
 * MOV or 3GP more or less at will; calling one of them by another's name is not a lie worth a refusal.
 */
const sameContainer = (a: AttachmentKind, b: AttachmentKind) =>
  attachmentKindSpecs[a].family === 'video' && attachmentKindSpecs[b].family === 'video';

/** A file name's extension (lower case, no dot), or null when it has none. */
export function extensionOf(name: string): string | null {
  const match = /\.([a-z0-9]{1,8})$/i.exec(name.trim());
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * Whether the name or the declared type says the file is something it is not: an extension of
 * another accepted kind ('extension') or of a kind not accepted at all ('unaccepted': "photo.jpg.exe",
 * an SVG drawing that is also valid text: renaming it is no answer), or a declared type of another
 * kind ('type').
 * No extension and the browsers' "application/octet-stream" say nothing, and are no lie.
 */
export function namingProblem(kind: AttachmentKind, name: string, declaredType: string | null): 'extension' | 'type' | 'unaccepted' | null {
  const extension = extensionOf(name);
  if (extension !== null) {
    const named = attachmentKinds.find((k) => attachmentKindSpecs[k].extensions.includes(extension));
    if (!named) return 'unaccepted';
    if (named !== kind && !sameContainer(named, kind)) return 'extension';
  }
  const declared = declaredType?.split(';')[0]!.trim().toLowerCase() ?? '';
  if (declared && declared !== 'application/octet-stream') {
    const claimed = attachmentKinds.find((k) => attachmentKindSpecs[k].declaredTypes.includes(declared));
    if (!claimed || (claimed !== kind && !sameContainer(claimed, kind))) return 'type';
  }
  return null;
}
