import { createFileStore } from './platform/files/create-store.js';
import { randomBytes } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './platform/config/config.js';
import { DataDirLockedError, lockDataDir } from './platform/db/lock.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { BackupError, restoreBackupFile, writeBackupFile } from './platform/db/backup/index.js';
import { plural } from './platform/i18n/i18n.js';
import { inTransaction, systemActor } from './platform/audit/actor.js';
import { isRole, roles } from './platform/auth/principal.js';
import { AppError } from './platform/http/errors.js';
import { assertAcceptablePassword, createAccount, findCredentials, listAccounts, updateAccountRow } from './modules/accounts/index.js';
import { hashPassword } from './platform/auth/passwords.js';
import { deleteAccountSessions } from './platform/auth/sessions.js';
import { createUnit, asTree, listUnits } from './modules/units/index.js';
import { importStreetRules, importPolygons, rulesToCsv, listDistricts } from './modules/districts/index.js';
import { runRetention } from './modules/privacy/index.js';
import { reminderReport } from './modules/dashboard/index.js';
import { evaluateCommand, evaluateUsage, EvaluateUsageError, importPlanFiles } from './modules/plans/index.js';

const usage = `Dzielnicowy — wiersz poleceń / command line

  user create --login L --name "Imię Nazwisko" --role R --unit U [--email E] [--password P]
  user list [--unit U]
  user password --login L [--password P]
  user disable --login L
  user enable --login L
  unit create --kind K --name "Nazwa" [--id ID] [--parent PARENT_ID]
  unit list
  districts import PLIK.csv [--partial]      (kolumny unit,district,locality,street,numbers)
  districts export [--unit U] > PLIK.csv
  polygons import PLIK.geojson [--partial]    (WGS84 lub EPSG:2180; properties unit, district)
  plans import PLIKI|KATALOG|ZIP --unit U [--dry-run]
                                              (.txt .html .docx .odt .pdf; minione okresy do archiwum, bieżące jako szkice /
                                               past periods to the archive, current ones as drafts)
  retention run                               (usuwa dane po terminie / erases data past its time)
  reminders [--dry-run]                       (przypomnienia o terminach e-mailem: kto dostanie co dziś /
                                               deadline reminders: who gets what today; --dry-run sends nothing)
  migrate
  backup PLIK                                 (kopia zapasowa wbudowanej bazy, także gdy aplikacja działa /
                                               backup of the embedded database, also while the app runs)
  restore PLIK                                (odtwarza kopię do pustego DATA_DIR / restores a backup into an empty DATA_DIR)
${evaluateUsage}

Role / roles: ${roles.join(', ')}. Bez --password hasło jest generowane i wypisywane raz.
Without --password a strong password is generated and printed once.`;

class UsageError extends Error {}

const actor = systemActor('cli');

function generatePassword(): string {
  // 18 random bytes → 24 characters of base64url: about 144 bits.
  return randomBytes(18).toString('base64url');
}

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || !value.trim()) throw new UsageError(`Brak --${name} / missing --${name}`);
  return value;
}

/** Where a command writes: the process's own streams, or a test's buffers (runCommand). */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Runs one command on an open database; resolves with its exit code when not 0. */
async function run(
  database: Database,
  config: Config,
  io: CliOutput,
  [group, command, ...rest]: string[],
  values: Record<string, string | boolean | undefined>,
): Promise<number | void> {
  const db = database.db;
  const out = (line: string) => io.stdout(`${line}\n`);
  if (group === 'migrate') {
    const applied = await migrate(db);
    out(applied.length ? `Zastosowano migracje / applied: ${applied.join(', ')}` : 'Baza jest aktualna / up to date');
    return;
  }
  await migrate(db);
  if (group === 'user' && command === 'create') {
    const role = required(values, 'role');
    if (!isRole(role)) throw new UsageError(`Nieznana rola / unknown role "${role}" (${roles.join(', ')})`);
    const password = typeof values.password === 'string' ? values.password : generatePassword();
    const account = await createAccount(db, null, actor, {
      login: required(values, 'login'),
      displayName: required(values, 'name'),
      email: typeof values.email === 'string' ? values.email : null,
      role,
      unitId: required(values, 'unit'),
      password,
    });
    out(`Utworzono konto / created: ${account.login} (${account.role}, ${account.unitName})`);
    if (typeof values.password !== 'string') out(`Hasło / password: ${password}`);
    return;
  }
  if (group === 'user' && command === 'list') {
    const unit = typeof values.unit === 'string' ? values.unit : (await listUnits(db)).find((u) => u.parentId === null)?.id;
    if (!unit) return out('Brak jednostek / no units');
    const { accounts } = await listAccounts(db, { scopeUnitId: unit, page: 1, pageSize: 10_000 });
    for (const a of accounts) out(`${a.login}\t${a.role}\t${a.unitId}\t${a.active ? 'active' : 'disabled'}\t${a.displayName}`);
    return;
  }
  if (group === 'user' && ['password', 'disable', 'enable'].includes(command ?? '')) {
    const login = required(values, 'login');
    const account = await findCredentials(db, login);
    if (!account) throw new UsageError(`Nie ma konta / no account "${login}"`);
    if (command === 'password') {
      const password = typeof values.password === 'string' ? values.password : generatePassword();
      assertAcceptablePassword(password, account.login);
      const passwordHash = await hashPassword(password);
      await inTransaction(db, actor, async (trx) => {
        await updateAccountRow(trx, account.id, { passwordHash });
        await deleteAccountSessions(trx, account.id);
      });
      out(`Ustawiono nowe hasło / new password set for ${account.login}`);
      if (typeof values.password !== 'string') out(`Hasło / password: ${password}`);
    } else {
      await inTransaction(db, actor, async (trx) => {
        await updateAccountRow(trx, account.id, { active: command === 'enable' });
        if (command === 'disable') await deleteAccountSessions(trx, account.id);
      });
      out(`${command === 'enable' ? 'Odblokowano / enabled' : 'Zablokowano / disabled'}: ${account.login}`);
    }
    return;
  }
  if (group === 'unit' && command === 'create') {
    const unit = await inTransaction(db, actor, (trx) =>
      createUnit(trx, {
        id: typeof values.id === 'string' ? values.id : undefined,
        parentId: typeof values.parent === 'string' ? values.parent : null,
        kind: required(values, 'kind'),
        name: required(values, 'name'),
      }),
    );
    out(`Utworzono jednostkę / created: ${unit.id} (${unit.kind}, ${unit.name})`);
    return;
  }
  if ((group === 'districts' || group === 'polygons') && command === 'import') {
    const file = rest[0];
    if (!file) throw new UsageError('Podaj plik / give a file');
    const text = readFileSync(file, 'utf8');
    const partial = values.partial === true;
    if (group === 'districts') {
      const report = await importStreetRules(db, null, actor, text, { partial });
      for (const r of report.rejected) io.stderr(`wiersz / line ${r.line}: ${r.message.pl} / ${r.message.en}\n`);
      if (report.rejected.length > 0 && !partial) {
        throw new UsageError(
          `Nic nie zaimportowano (${report.rejected.length} błędnych wierszy); popraw plik albo użyj --partial. / Nothing imported; fix the file or use --partial.`,
        );
      }
      out(
        `Utworzone rejony / created: ${report.created.length}, zmienione / updated: ${report.updated.length}, reguły / rules: ${report.rules}, odrzucone / rejected: ${report.rejected.length}`,
      );
    } else {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new UsageError('Plik nie jest poprawnym JSON-em / the file is not valid JSON');
      }
      const report = await importPolygons(db, null, actor, json, { partial });
      for (const r of report.rejected) io.stderr(`obiekt / feature ${r.feature}: ${r.message.pl} / ${r.message.en}\n`);
      if (report.rejected.length > 0 && !partial)
        throw new UsageError(`Nic nie zaimportowano / nothing imported (${report.rejected.length})`);
      out(`Zmienione rejony / updated: ${report.updated.length}, odrzucone / rejected: ${report.rejected.length}`);
    }
    return;
  }
  if (group === 'plans' && command === 'import') {
    if (rest.length === 0) throw new UsageError('Podaj pliki, katalog albo ZIP / give files, a folder or a ZIP');
    const refused = await importPlanFiles(database, config, actor, rest, required(values, 'unit'), values['dry-run'] === true, out);
    if (refused > 0) return 1;
    return;
  }
  if (group === 'districts' && command === 'export') {
    const districts = await listDistricts(db, typeof values.unit === 'string' ? { subtreeOf: values.unit } : {});
    io.stdout(rulesToCsv(districts));
    return;
  }
  if (group === 'retention' && command === 'run') {
    // The same job the server runs every hour; safe beside running servers on a PostgreSQL database.
    const done = await runRetention(database, { files: createFileStore(config, database) });
    for (const [piece, n] of Object.entries(done.counts)) out(`${piece}\t${n}`);
    out(`Usunięto dane po terminie / erased data past its time: ${done.batches} transakcji / transactions, ${done.ms} ms`);
    return;
  }
  if (group === 'reminders' && command === undefined) {
    // The job the server runs every hour; safe beside running servers (a reminder is sent once).
    await reminderReport(db, config.publicUrl, values['dry-run'] === true, out);
    return;
  }
  if (group === 'unit' && command === 'list') {
    for (const { unit, depth } of asTree(await listUnits(db))) out(`${'  '.repeat(depth)}${unit.id}\t${unit.kind}\t${unit.name}`);
    return;
  }
  throw new UsageError(usage);
}

/**
 * backup and restore open the data directory their own way (the running app takes the backup;
 * a restore fills a directory nobody holds), so they come before the CLI's own lock.
 */
async function backupCommand(config: Config, io: CliOutput, [command, file, ...extra]: string[]): Promise<void> {
  const out = (line: string) => io.stdout(`${line}\n`);
  if (!file || extra.length > 0) throw new UsageError(usage);
  if (config.database.kind === 'postgres') {
    throw new UsageError(
      'Z DATABASE_URL kopię robi pg_dump -Fc, a odtwarza pg_restore (docs/deploy.md). / With DATABASE_URL use pg_dump -Fc and pg_restore (docs/deploy.md).',
    );
  }
  const started = performance.now();
  const attachmentFiles = (n: number) =>
    `załączniki: ${n} ${plural('pl', n, { one: 'plik', few: 'pliki', many: 'plików', other: 'pliku' })} / attachments: ${n} ${plural('en', n, { one: 'file', other: 'files' })}`;
  if (command === 'backup') {
    const done = await writeBackupFile(config.database, file);
    out(
      `Zapisano kopię / backup written: ${file} (${(done.bytes / 2 ** 20).toFixed(1)} MiB, ${attachmentFiles(done.files)}, ${Math.round(performance.now() - started)} ms${done.byRunningApp ? ', wykonana przez działającą aplikację / taken by the running app' : ''})`,
    );
    out(
      'Kopia nie zawiera kluczy ciasteczek i CSRF tej instalacji: po odtworzeniu wszyscy zalogują się ponownie. Zawiera dane osobowe i skróty haseł: chroń ją jak samą bazę. / ' +
        "The backup leaves out this installation's cookie and CSRF keys: after a restore everyone signs in again. It holds personal data and password hashes: protect it like the database itself.",
    );
  } else {
    const metadata = await restoreBackupFile(file, config.database);
    out(
      `Odtworzono kopię z / restored the backup of ${metadata.createdAt} (wersja / version ${metadata.appVersion}${metadata.fileCount === undefined ? '' : `, ${attachmentFiles(metadata.fileCount)}`}) do / into ${config.dataDir} w / in ${Math.round(performance.now() - started)} ms`,
    );
  }
}

async function main(args: string[], io: CliOutput, env: NodeJS.ProcessEnv): Promise<number | void> {
  // Statistics for analysts: no configuration, no database, its own options.
  if (args[0] === 'evaluate') {
    for (const line of evaluateCommand(args.slice(1))) io.stdout(`${line}\n`);
    return;
  }
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      login: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      kind: { type: 'string' },
      id: { type: 'string' },
      parent: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      partial: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
    },
  });
  if (values.help || positionals.length === 0) {
    io.stdout(`${usage}\n`);
    return;
  }
  const config = loadConfig(env);
  if (positionals[0] === 'backup' || positionals[0] === 'restore') return await backupCommand(config, io, positionals);
  const lock = config.database.kind === 'embedded' ? lockDataDir(config.dataDir) : undefined;
  const database = await openDatabase(config.database);
  try {
    return await run(database, config, io, positionals, values);
  } finally {
    await database.close();
    lock?.release();
  }
}

/** Says on stderr why a command failed; returns the exit code. */
function failure(error: unknown, io: CliOutput): number {
  if (error instanceof EvaluateUsageError) {
    // Exit code 2, as for any bad command line: the statistics were never computed.
    io.stderr(`${error.message}\n\n${evaluateUsage}\n`);
    return 2;
  }
  if (error instanceof AppError) io.stderr(`Błąd / error: ${error.text.pl} / ${error.text.en}\n`);
  else if (
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof DataDirLockedError ||
    error instanceof BackupError
  ) {
    io.stderr(`${error.message}\n`);
  } else if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    io.stderr(`${(error as Error).message}\n\n${usage}\n`);
  } else io.stderr(`${(error as Error).stack ?? String(error)}\n`);
  return 1;
}

/**
 * Runs the command line `args` (without `node cli.js`) with the environment `env` and resolves
 * with the exit code. The program is this on its own arguments and streams; tests call it
 * in-process on a real database, as a new Node process per command costs seconds.
 */
export async function runCommand(args: string[], io: CliOutput, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    return (await main(args, io, env)) ?? 0;
  } catch (error) {
    return failure(error, io);
  }
}

/** Whether this file is the program (`node dist/src/cli.js`), not a module a test imported. */
function isProgram(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === fileURLToPath(import.meta.url);
  } catch {
    return false; // no such file: started some other way
  }
}

if (isProgram()) {
  const io: CliOutput = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };
  process.exitCode = await runCommand(process.argv.slice(2), io);
}
