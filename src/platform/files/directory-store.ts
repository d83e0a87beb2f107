import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { checkedKey, fileKeyPattern, type FileStore } from './store.js';

/** Where the embedded back end keeps its files: DATA_DIR/files. */
export const filesDirOf = (dataDir: string) => path.join(dataDir, 'files');

/**
 * Files in a directory (DATA_DIR/files on the embedded back end), two levels of shards by the
 * key's first four hex digits (ab/cd/abcd…), so no directory holds more than a few thousand
 * files. A file is written to a temporary name and renamed: a reader never sees half a file, and
 * a crash leaves at most a stray *.tmp, never a damaged file under a key.
 */
export class DirectoryFileStore implements FileStore {
  readonly kind = 'directory';

  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    const k = checkedKey(key);
    return path.join(this.root, k.slice(0, 2), k.slice(2, 4), k);
  }

  async put(key: string, bytes: Uint8Array, _contentType: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, bytes, { flag: 'wx', mode: 0o600, flush: true });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /**
   * The keys of the files it holds (for a backup): names that are not keys, such as a stray
   * *.tmp of a write in flight or cut by a crash, are no file of ours.
   */
  async keys(): Promise<string[]> {
    const keys: string[] = [];
    for (const first of await entriesOf(this.root)) {
      for (const second of await entriesOf(path.join(this.root, first))) {
        const shard = `${first}${second}`;
        for (const name of await entriesOf(path.join(this.root, first, second))) {
          if (fileKeyPattern.test(name) && name.startsWith(shard)) keys.push(name);
        }
      }
    }
    return keys.sort();
  }
}

/** A directory's names; none when it is missing (no file was ever put, or it was removed meanwhile). */
async function entriesOf(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return [];
    throw error;
  }
}
