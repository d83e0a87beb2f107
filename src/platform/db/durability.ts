import { fsyncSync } from 'node:fs';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import type { Durability } from '../config/config.js';

/** What Emscripten's NODEFS keeps of an open file: the real descriptor behind it. */
interface NodeStream {
  nfd?: number;
}

/**
 * PGlite's folder on disk (Emscripten's NODEFS) with a real fsync. PGlite 0.5 starts PostgreSQL
 * with `-F` (fsync off), and even with fsync on nothing would reach the disk: NODEFS has no fsync
 * of its own (the call returns at once) and `fdatasync`, PostgreSQL's default for the WAL, is an
 * empty stub. So the WAL is synced with plain `fsync` (`wal_sync_method=fsync`), which we route
 * to the file's descriptor here. `syncs` counts them (the durability test reads it).
 */
export class DurableNodeFS extends NodeFS {
  syncs = 0;

  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const result = await super.init(pg, opts);
    const preRun = result.emscriptenOpts.preRun ?? [];
    preRun.push((mod) => {
      // Every file NODEFS opens shares this one table of operations.
      const streamOps = (mod.NODEFS as unknown as { stream_ops: { fsync?: (stream: NodeStream) => number } }).stream_ops;
      streamOps.fsync = (stream) => {
        if (stream.nfd !== undefined) fsyncSync(stream.nfd);
        this.syncs++;
        return 0;
      };
    });
    result.emscriptenOpts.preRun = preRun;
    return result;
  }
}

/** PGlite's options for a data folder on disk with the durability asked for. */
export function pgliteDiskOptions(dir: string, durability: Durability): Pick<PGliteOptions, 'dataDir' | 'fs' | 'startParams'> {
  if (durability === 'relaxed') return { dataDir: dir };
  return {
    dataDir: dir,
    fs: new DurableNodeFS(dir),
    startParams: [...PGlite.defaultStartParams.filter((param) => param !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'],
  };
}
