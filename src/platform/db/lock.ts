import path from 'node:path';
import { mkdirSync, openSync, writeSync, closeSync, readFileSync, unlinkSync } from 'node:fs';

/** Raised when another live process holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Katalog danych ${dataDir} jest już używany przez działający proces (PID ${pid}). ` +
        `Zatrzymaj tamten proces albo ustaw inny DATA_DIR.\n` +
        `The data directory ${dataDir} is already in use by a running process (PID ${pid}). ` +
        `Stop that process or set another DATA_DIR.`,
    );
  }
}

export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite does not lock its data directory, and two processes writing it corrupt it.
 * We hold an exclusive lock file with our PID; a lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'dzielnicowy.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            if (Number(readFileSync(file, 'utf8').trim()) === process.pid) unlinkSync(file);
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: number;
      try {
        holder = Number(readFileSync(file, 'utf8').trim());
      } catch {
        continue; // removed between our open and read: try again
      }
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new DataDirLockedError(dataDir, holder);
      }
      try {
        unlinkSync(file); // stale: its process is gone
      } catch {
        // someone else removed it first
      }
    }
  }
  throw new Error(`Cannot lock ${file}`);
}
