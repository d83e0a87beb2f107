import { createStore, del, get, set } from 'idb-keyval';

/**
 * The report form's files, held in the resident's own browser between sending the form and the
 * page that answers it. A browser never keeps chosen files when a page comes back: after an error
 * elsewhere in the form, or the similar-reports question, three photos would have to be found again.
 * Held files never leave the device other than in the form; they are deleted once a report is sent
 * (the thanks pages load this island), when a new form opens, and are ignored after half an hour.
 */
const store = createStore('dzielnicowy', 'held-files');
const key = 'report-form';
const holdMilliseconds = 30 * 60 * 1000;

interface Held {
  savedAt: number;
  files: File[];
}

/** Keeps the files for the next page; any failure (storage off, full, private mode) only loses the convenience. */
export async function holdFiles(files: readonly File[]): Promise<void> {
  await set(key, { savedAt: Date.now(), files: [...files] } satisfies Held, store).catch(() => undefined);
}

/** The held files, if held recently; deleted as they are taken, so they come back once. */
export async function takeHeldFiles(): Promise<File[]> {
  const held = await get<Held>(key, store).catch(() => undefined);
  await forgetHeldFiles();
  if (!held || !Array.isArray(held.files) || Date.now() - held.savedAt > holdMilliseconds) return [];
  return held.files.filter((file) => file instanceof Blob);
}

export async function forgetHeldFiles(): Promise<void> {
  await del(key, store).catch(() => undefined);
}
