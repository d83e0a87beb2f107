import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.js';

const hasProc = (() => {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks after boot. */
const startOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
};
const bootId = () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();

describe('the data-directory lock', () => {
  let work: string;
  let dataDir: string;
  let lockModule: string;
  const children: ChildProcess[] = [];

  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'dz-lock-'));
    // The child processes run this very lock.ts, compiled on the spot (it needs only node:fs and node:path).
    const source = readFileSync(path.join(import.meta.dirname, 'lock.ts'), 'utf8');
    lockModule = path.join(work, 'lock.mjs');
    writeFileSync(
      lockModule,
      ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText,
    );
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const newDataDir = () => (dataDir = mkdtempSync(path.join(work, 'data-')));
  const writeLock = (content: string) => writeFileSync(path.join(dataDir, 'dzielnicowy.lock'), content);

  /** Another process of ours that takes the lock and keeps it until killed. */
  const holdLockInChild = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const script = `import { lockDataDir } from ${JSON.stringify(lockModule)}; lockDataDir(${JSON.stringify(dataDir)}); console.log('locked'); setInterval(() => {}, 60000);`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      children.push(child);
      child.stdout.once('data', () => resolve(child));
      child.once('exit', (code) => reject(new Error(`the child exited with ${code}`)));
    });
  /** A live process that is not ours (it never touched the lock). */
  const otherProcess = () => {
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    children.push(child);
    return child.pid!;
  };

  it('refuses a lock held by a live process of ours, with the clear message', async () => {
    newDataDir();
    const child = await holdLockInChild();
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dataDir)).toThrow(`jest już używany przez działający proces (PID ${child.pid})`);
    expect(() => lockDataDir(dataDir)).toThrow('is already in use by a running process');
  });

  it('takes over the lock of a process that has ended', async () => {
    newDataDir();
    const child = await holdLockInChild();
    const ended = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await ended;
    lockDataDir(dataDir).release();
  });

  it.runIf(hasProc)('takes over a lock naming PID 1 that PID 1 did not write (a container after a restart)', () => {
    newDataDir();
    writeLock(JSON.stringify({ pid: 1, start: String(Number(startOf(1)) + 1), boot: bootId() }));
    lockDataDir(dataDir).release();
  });

  it.runIf(hasProc)('takes over a lock naming a live process that is not the one that wrote it', () => {
    newDataDir();
    const pid = otherProcess();
    writeLock(JSON.stringify({ pid, start: startOf(process.pid), boot: bootId() }));
    lockDataDir(dataDir).release();
    // The same PID and start time after another boot is another process too.
    writeLock(JSON.stringify({ pid, start: startOf(pid), boot: 'another-boot' }));
    lockDataDir(dataDir).release();
  });

  it('takes over a lock in the old format (PID only) that names this very process', () => {
    newDataDir();
    writeLock(`${process.pid}\n`);
    const lock = lockDataDir(dataDir);
    expect(JSON.parse(readFileSync(path.join(dataDir, 'dzielnicowy.lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('falls back to "is the PID alive" where /proc is missing', async () => {
    newDataDir();
    const child = await holdLockInChild();
    const noProc = { procDir: path.join(work, 'no-proc') };
    expect(() => lockDataDir(dataDir, noProc)).toThrow(DataDirLockedError);
    writeLock(JSON.stringify({ pid: 999_999_999, start: '1', boot: 'x' }));
    lockDataDir(dataDir, noProc).release();
    expect(child.exitCode).toBeNull();
  });
});
