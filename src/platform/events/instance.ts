import os from 'node:os';
import { randomBytes } from 'node:crypto';

/**
 * A name for one app (one process, or one of the apps a test builds in a process) among the instances
 * sharing a database: it owns outbox claims and job leases, and tells its own change notices from
 * others'. Host and PID say where it runs; the random part tells two apps of one process apart.
 */
export function newInstanceId(): string {
  return `${os.hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
}
