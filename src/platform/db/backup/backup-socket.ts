import net from 'node:net';
import path from 'node:path';
import { chmodSync, unlinkSync } from 'node:fs';
import type { Database } from '../database.js';
import { snapshotDataDir } from './snapshot.js';
import { BackupError } from './backup-file.js';

/**
 * Only the process holding the data directory may open its database, so a backup while the app
 * runs is taken by the app: it listens on a Unix socket inside DATA_DIR, readable and writable by
 * its owner only (the directory already holds the database itself), and answers one request,
 * "backup", with the data directory's tarball. Nothing on the network reaches it.
 * The answer: one line of JSON ({"bytes": N} or {"error": "…"}), then N bytes.
 */
export const backupSocketPath = (dataDir: string) => path.join(dataDir, 'backup.sock');
const request = 'backup\n';

interface Answer {
  bytes?: number;
  error?: string;
}

export interface BackupListener {
  close(): Promise<void>;
}

/** Starts answering backup requests; `warn` hears why it could not (a path too long for a socket). */
export async function listenForBackups(dataDir: string, database: Database, warn: (message: string) => void): Promise<BackupListener> {
  const file = backupSocketPath(dataDir);
  try {
    unlinkSync(file); // left by a process that was killed; we hold the data directory's lock
  } catch {
    // none
  }
  let running: Promise<unknown> = Promise.resolve();
  const server = net.createServer((socket) => {
    let received = '';
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      if (received.length < request.length) return;
      socket.removeAllListeners('data');
      if (received !== request) return void socket.end(`${JSON.stringify({ error: 'unknown request' })}\n`);
      // One backup at a time: each holds the only connection while it dumps.
      const taking = running.then(() => snapshotDataDir(database));
      running = taking.catch(() => undefined);
      taking.then(
        (tarball) => {
          socket.write(`${JSON.stringify({ bytes: tarball.length })}\n`);
          socket.end(tarball);
        },
        (error: unknown) => socket.end(`${JSON.stringify({ error: (error as Error).message })}\n`),
      );
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(file, () => resolve());
    });
    chmodSync(file, 0o600);
  } catch (error) {
    warn(`backups while running are off: cannot listen on ${file}: ${(error as Error).message}`);
  }
  return {
    async close() {
      if (!server.listening) return;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await running;
    },
  };
}

/**
 * Asks the app running on `dataDir` for its data directory's tarball; null when no app listens
 * (no socket, or one left by a process that is gone).
 */
export async function requestBackup(dataDir: string): Promise<Uint8Array<ArrayBuffer> | null> {
  return await new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(backupSocketPath(dataDir));
    let connected = false;
    socket.on('connect', () => {
      connected = true;
      socket.write(request);
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected && ['ENOENT', 'ECONNREFUSED'].includes(error.code ?? '')) resolve(null);
      else reject(error);
    });
    socket.on('end', () => {
      const answer = Buffer.concat(chunks);
      const line = answer.indexOf(0x0a);
      const head = ((): Answer | null => {
        try {
          return line < 0 ? null : (JSON.parse(answer.subarray(0, line).toString('utf8')) as Answer);
        } catch {
          return null; // a cut or garbled answer: reported below
        }
      })();
      const body = answer.subarray(line + 1);
      if (head?.bytes !== undefined && body.length === head.bytes) resolve(new Uint8Array(body));
      else {
        const why = head?.error ?? 'the answer was cut short';
        reject(new BackupError(`Działająca aplikacja nie wykonała kopii: ${why}.`, `The running app could not take the backup: ${why}.`));
      }
    });
  });
}
