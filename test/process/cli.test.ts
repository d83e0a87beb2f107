import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from '../../src/platform/db/database.js';
import { createDataDir } from '../support/databases.js';
import { processTestOptions, runCli, startAppAndWait } from '../support/process.js';
import { runCliInProcess, type CliResult } from '../support/cli.js';

const dataDirs: string[] = [];

/** A command in this process, on the embedded database in `dataDir`. */
function cliIn(dataDir: string, ...args: string[]): Promise<CliResult> {
  return runCliInProcess({ PATH: process.env.PATH ?? '', DATA_DIR: dataDir }, args);
}

/** The same command as the built program, a Node process of its own: for what only the program shows (exit codes, the lock). */
function programIn(dataDir: string, ...args: string[]): Promise<CliResult> {
  return runCli({ PATH: process.env.PATH ?? '', DATA_DIR: dataDir }, args);
}

/** A data directory no process has used. */
function newDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dz-cli-'));
  dataDirs.push(dir);
  return dir;
}

describe('npm run cli', processTestOptions, () => {
  /** A migrated database with the national unit and one administrator, "szef", made by the CLI; each test but the first works on a copy. */
  let withAdmin: string;
  beforeAll(async () => {
    withAdmin = await createDataDir('dz-cli-');
    dataDirs.push(withAdmin);
    expect((await cliIn(withAdmin, 'unit', 'create', '--kind', 'KGP', '--id', 'kgp', '--name', 'Komenda Główna Policji')).code).toBe(0);
    expect(
      (await cliIn(withAdmin, 'user', 'create', '--login', 'szef', '--name', 'Szef Testowy', '--role', 'admin', '--unit', 'kgp')).code,
    ).toBe(0);
  });
  afterAll(() => {
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });
  const copyWithAdmin = () => {
    const dir = newDataDir();
    cpSync(withAdmin, dir, { recursive: true });
    return dir;
  };

  it('creates units and accounts on an empty database; the account can sign in', async () => {
    const dataDir = newDataDir();
    const cli = (...args: string[]) => cliIn(dataDir, ...args);
    // The program itself: it initialises a new data directory, and its exit code says how a command went.
    expect((await programIn(dataDir, 'unit', 'create', '--kind', 'KGP', '--id', 'kgp', '--name', 'Komenda Główna Policji')).code).toBe(0);
    const unit = await programIn(dataDir, 'unit', 'create', '--kind', 'KPP', '--parent', 'kgp', '--name', 'KPP w Łęcznej');
    expect(unit.code).toBe(1); // a KPP belongs under a KWP
    expect(unit.stderr).toContain('Jednostka rodzaju KPP nie może podlegać jednostce rodzaju KGP.');
    const created = await cli('user', 'create', '--login', 'szef', '--name', 'Szef Testowy', '--role', 'admin', '--unit', 'kgp');
    expect(created.code).toBe(0);
    const password = /Hasło \/ password: (\S+)/.exec(created.stdout)![1]!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect((await cli('user', 'list')).stdout).toMatch(/^szef\tadmin\tkgp\tactive\tSzef Testowy$/m);

    const app = await startAppAndWait({ DATA_DIR: dataDir, DEMO_DATA: 'false' });
    try {
      const response = await fetch(`${app.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'szef', password }),
      });
      expect(response.status).toBe(200);
      // While the server holds the embedded database, the CLI refuses instead of corrupting it.
      const locked = await programIn(dataDir, 'user', 'list');
      expect(locked.code).toBe(1);
      expect(locked.stderr).toContain('jest już używany');
    } finally {
      await app.stop();
    }
  });

  it('imports street rules from CSV (all or nothing, or partial) and exports them back', async () => {
    const dataDir = copyWithAdmin();
    const cli = (...args: string[]) => cliIn(dataDir, ...args);
    expect((await cli('unit', 'create', '--kind', 'KWP', '--id', 'kwp-test', '--parent', 'kgp', '--name', 'KWP Testowa')).code).toBe(0);
    expect((await cli('unit', 'create', '--kind', 'KPP', '--id', 'kpp-test', '--parent', 'kwp-test', '--name', 'KPP Testowa')).code).toBe(
      0,
    );
    const file = path.join(dataDir, 'rejony.csv');
    writeFileSync(file, 'unit,district,locality,street,numbers\nkpp-test,1,Testowo,Polna,1-9 nieparzyste\nkpp-test,2,Testowo,Polna,5-7\n');
    const rejected = await cli('districts', 'import', file);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('wiersz / line 2: Obszar pokrywa się z rejonem nr 2 (wiersz 3).');
    expect(rejected.stderr).toContain('Nic nie zaimportowano');
    const partial = await cli('districts', 'import', file, '--partial');
    expect(partial.code).toBe(0);
    expect(partial.stdout).toContain('odrzucone / rejected: 2');
    writeFileSync(
      file,
      'unit,district,locality,street,numbers\nkpp-test,1,Testowo,Polna,1-9 nieparzyste\nkpp-test,2,Testowo,Polna,2-8 parzyste\n',
    );
    const imported = await cli('districts', 'import', file);
    expect(imported.stdout).toContain('Utworzone rejony / created: 2');
    const exported = await cli('districts', 'export', '--unit', 'kpp-test');
    expect(exported.stdout.trim().split(/\r?\n/)).toEqual([
      'unit,district,locality,street,numbers',
      'kpp-test,1,Testowo,Polna,1-9 nieparzyste',
      'kpp-test,2,Testowo,Polna,2-8 parzyste',
    ]);
  });

  it('erases data past its time on demand, as the server does every hour', async () => {
    const dataDir = copyWithAdmin();
    const cli = (...args: string[]) => cliIn(dataDir, ...args);
    const database = await openDatabase({ kind: 'embedded', dataDir });
    try {
      await sql`insert into sessions (token_hash, account_id, expires_at, ip, user_agent)
        select 'ended', id, now() - interval '1 day', '192.0.2.1', 'Firefox' from accounts where login = 'szef'`.execute(database.db);
      await sql`insert into outbox (recipient, subject, body, created_at) values ('stary@example.com', 's', 'b', now() - interval '40 days')`.execute(
        database.db,
      );
    } finally {
      await database.close();
    }
    const run = await cli('retention', 'run');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^session\t1$/m);
    expect(run.stdout).toMatch(/^outboxMail\t1$/m);
    expect(run.stdout).toContain('Usunięto dane po terminie / erased data past its time');
    const after = await openDatabase({ kind: 'embedded', dataDir });
    try {
      expect((await sql`select 1 from sessions where token_hash = 'ended'`.execute(after.db)).rows).toEqual([]);
      expect(
        (await sql`select 1 from audit_log where action = 'retention.erase' and actor_label = 'retention'`.execute(after.db)).rows,
      ).toHaveLength(1);
    } finally {
      await after.close();
    }
  });

  it('rejects bad input with a clear message and changes nothing', async () => {
    const dataDir = copyWithAdmin();
    const cli = (...args: string[]) => cliIn(dataDir, ...args);
    const badRole = await cli('user', 'create', '--login', 'x.y', '--name', 'X', '--role', 'general', '--unit', 'kgp');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('Nieznana rola');
    const weak = await cli('user', 'password', '--login', 'szef', '--password', 'krótkie');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('Hasło musi mieć co najmniej 12 znaków.');
    const noUnit = await cli('user', 'create', '--login', 'x.y', '--name', 'X', '--role', 'officer', '--unit', 'kpp-nigdzie');
    expect(noUnit.stderr).toContain('Nie ma jednostki „kpp-nigdzie”');
    expect((await cli('user', 'list')).stdout.trim().split('\n')).toHaveLength(1);
  });
});
