import { createChangeBus } from '../../../platform/events/changes.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../../platform/config/config.js';
import type { Database } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/audit/actor.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { DocumentWorkers } from '../../../platform/documents/document-workers.js';
import { AppError } from '../../../platform/http/errors.js';
import { findUnit } from '../../units/index.js';
import { batchLimits, importBatch, presentBatch, type UploadedFile } from './batch.js';

/** Files named on the command line: files as they are, folders with everything in them (not hidden files). */
function filesOf(paths: string[]): string[] {
  return paths.flatMap((p) => {
    if (!statSync(p).isDirectory()) return [p];
    return (readdirSync(p, { recursive: true }) as string[])
      .filter((name) => !name.split(path.sep).some((part) => part.startsWith('.')))
      .map((name) => path.join(p, name))
      .filter((file) => statSync(file).isFile())
      .sort();
  });
}

/** Files grouped into batches within the per-batch limits, in order (a file over the limits goes alone and is reported). */
function batchesOf(files: UploadedFile[]): UploadedFile[][] {
  const batches: UploadedFile[][] = [];
  let current: UploadedFile[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length && (current.length >= batchLimits.files || bytes + file.bytes.length > batchLimits.totalBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.bytes.length;
  }
  if (current.length) batches.push(current);
  return batches;
}

/**
 * `plans import <files|folders|zip> --unit U [--dry-run]`: the import of many plans (batch.ts)
 * from the command line, acting as a supervisor of unit U: past plans of its districts go into
 * the archive, current and future ones become drafts; plans of other units' districts are refused.
 * Returns the number of refused files (the command's exit code is 1 when any was refused).
 */
export async function importPlanFiles(
  database: Database,
  config: Config,
  actor: Actor,
  paths: string[],
  unitId: string,
  dryRun: boolean,
  out: (line: string) => void,
): Promise<number> {
  const unit = await findUnit(database.db, unitId);
  if (!unit || unit.retiredAt)
    throw new AppError(422, 'unit_not_found', { pl: `Nie ma jednostki „${unitId}”.`, en: `There is no unit “${unitId}”.` });
  const principal: Principal = {
    accountId: '00000000-0000-0000-0000-000000000000',
    login: actor.label,
    displayName: actor.label,
    role: 'supervisor',
    unitId: unit.id,
    unitName: unit.name,
  };
  const files = filesOf(paths).map((file) => ({ name: file, bytes: readFileSync(file) }));
  // One worker is enough: the files are read one after another.
  const documents = new DocumentWorkers({
    threads: 1,
    queue: 1,
    memoryMb: config.documentWorkerMemoryMb,
    timeLimitMs: config.documentTimeLimitSeconds * 1000,
  });
  // No cache of this process reads plans; a running server's plan pages expire after their 30 s.
  const changes = createChangeBus();
  let refused = 0;
  try {
    for (const batch of batchesOf(files)) {
      const report = presentBatch(await importBatch(database.db, changes, documents, principal, actor, batch, { dryRun }), 'pl');
      for (const file of report.files) {
        out(`${file.name}\t${file.outcome}\t${file.kind ?? '-'}${file.error ? `\t${file.error.message}` : ''}`);
        for (const plan of file.plans) {
          const what = plan.action === 'archive' ? 'archiwum / archive' : 'szkic / draft';
          const period = plan.period ? `${plan.period.from ?? '?'}..${plan.period.to ?? '?'}` : '?';
          out(
            `  ${what}\t${plan.districtId ?? '?'}\t${period}\t${plan.planId ?? (plan.refused ? `odrzucony / refused: ${plan.refused.message}` : dryRun ? 'podgląd / preview' : '')}`,
          );
          for (const warning of plan.warnings) out(`  uwaga / warning: ${warning}`);
        }
      }
      refused += report.refusedFiles;
    }
  } finally {
    await documents.close();
  }
  out(
    `Pliki / files: ${files.length}, odrzucone / refused: ${refused}${dryRun ? ' (podgląd, nic nie zapisano / preview, nothing saved)' : ''}`,
  );
  return refused;
}
