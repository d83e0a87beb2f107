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

/** Who wrote a lock file. `start` and `boot` are null in the old format (the PID alone) or without /proc. */
interface Holder {
  pid: number;
  start: string | null;
  boot: string | null;
}

/**
 * What tells a process from a later one with the same PID (PIDs are reused; in a container the
 * app is PID 1 after every restart): when it started, in clock ticks after boot (field 22 of
 * /proc/<pid>/stat), and which boot that was. Null where /proc is missing (not Linux).
 */
function identityOf(pid: number, procDir: string): { start: string; boot: string } | null {
  try {
    const stat = readFileSync(path.join(procDir, String(pid), 'stat'), 'utf8');
    // Field 2, the command name, is in parentheses and may hold spaces: count from the last ")".
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    if (!start) return null;
    let boot = '';
    try {
      boot = readFileSync(path.join(procDir, 'sys', 'kernel', 'random', 'boot_id'), 'utf8').trim();
    } catch {
      // no boot id: the start time alone still tells processes apart within one boot
    }
    return { start, boot };
  } catch {
    return null;
  }
}

function readHolder(text: string): Holder | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), start: null, boot: null };
  try {
    const parsed = JSON.parse(trimmed) as Partial<Holder>;
    if (!Number.isInteger(parsed.pid) || parsed.pid! <= 0) return null;
    return {
      pid: parsed.pid!,
      start: typeof parsed.start === 'string' ? parsed.start : null,
      boot: typeof parsed.boot === 'string' ? parsed.boot : null,
    };
  } catch {
    return null;
  }
}

/**
 * Whether the process that wrote the lock still runs. A live PID is not enough: the same PID
 * with another start time or boot is another process, and the lock is stale. A lock in the old
 * format (PID only) that names our own PID is stale too: we hold no lock yet, so our PID was
 * reused (the container case). Without /proc only the PID can be checked.
 */
function isHeld(holder: Holder, procDir: string): boolean {
  if (!isAlive(holder.pid)) return false;
  if (holder.start === null) return holder.pid !== process.pid;
  const now = identityOf(holder.pid, procDir);
  if (now === null) return true;
  return now.start === holder.start && (holder.boot ?? '') === now.boot;
}

/**
 * PGlite does not lock its data directory, and two processes writing it corrupt it.
 * We hold an exclusive lock file naming this process (PID, start time, boot); a lock whose
 * process is gone, or whose PID now belongs to another process, is taken over.
 */
export function lockDataDir(dataDir: string, options: { procDir?: string } = {}): DataDirLock {
  const procDir = options.procDir ?? '/proc';
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'dzielnicowy.lock');
  const me: Holder = { pid: process.pid, start: null, boot: null, ...identityOf(process.pid, procDir) };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${JSON.stringify(me)}\n`);
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            if (readHolder(readFileSync(file, 'utf8'))?.pid === process.pid) unlinkSync(file);
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: Holder | null;
      try {
        holder = readHolder(readFileSync(file, 'utf8'));
      } catch {
        continue; // removed between our open and read: try again
      }
      if (holder && isHeld(holder, procDir)) throw new DataDirLockedError(dataDir, holder.pid);
      try {
        unlinkSync(file); // stale: its process is gone
      } catch {
        // someone else removed it first
      }
    }
  }
  throw new Error(`Cannot lock ${file}`);
}
