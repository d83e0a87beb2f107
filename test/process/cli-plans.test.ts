import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { backends, createDataDir, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { docxOfPlan, pdfOf, planLines, type PlanSpec } from '../support/document-files.js';
import { zipOf } from '../support/zip-files.js';
import { processTestOptions } from '../support/process.js';
import { runCliInProcess } from '../support/cli.js';
import { inFactory, makeUnitWith } from '../support/factories.js';
import { importStreetRules } from '../../src/modules/districts/index.js';
import { systemActor } from '../../src/platform/audit/actor.js';

const unit = 'Komendy Powiatowej Policji w Testowie';
const past: PlanSpec = { unit, district: 3, from: '01.01.2019', to: '30.06.2019', topic: 'zakłócanie ciszy nocnej' };
const future: PlanSpec = { ...past, from: '01.01.2031', to: '30.06.2031', topic: 'kradzieże z piwnic' };
const otherDistrict: PlanSpec = { ...past, district: 9 };
/** The ZIP test's plans go to a district of their own: the folder test counts the plans of district 3. */
const zipDistrict = 4;

describe.each(backends)('npm run cli -- plans import (%s)', processTestOptions, (backend) => {
  let dir: string;
  let server: TestDatabase | null = null;
  const env = () => ({ PATH: process.env.PATH ?? '', DATA_DIR: dir, ...(server ? { DATABASE_URL: server.url! } : {}) });
  // In this process, on the real database (cli.test.ts starts the built program itself).
  const cli = (...args: string[]) => runCliInProcess(env(), args);
  /** The database the CLI wrote to, opened after it has finished (the embedded one is locked while it runs). */
  const withDatabase = async <T>(work: (database: Database) => Promise<T>): Promise<T> => {
    const database = server ? server.database : await openDatabase({ kind: 'embedded', dataDir: dir });
    try {
      return await work(database);
    } finally {
      if (!server) await database.close();
    }
  };

  beforeAll(async () => {
    // The embedded database copied from the migrated template, not initialised by the first command.
    dir = backend === 'pglite' ? await createDataDir('dz-cli-plans-') : mkdtempSync(path.join(os.tmpdir(), 'dz-cli-plans-'));
    if (backend === 'postgres') server = await createTestDatabase('postgres');
    // The register is written here, through the use cases the CLI's own commands call (cli.test.ts runs
    // those commands).
    await withDatabase(async (database) => {
      await inFactory(database.db, async (trx) => {
        await makeUnitWith(trx, { id: 'kgp', kind: 'KGP', parentId: null, name: 'Komenda Główna Policji' });
        await makeUnitWith(trx, { id: 'kwp-test', kind: 'KWP', parentId: 'kgp', name: 'Komenda Wojewódzka Policji w Testowie' });
        await makeUnitWith(trx, { id: 'kpp-test', kind: 'KPP', parentId: 'kwp-test', name: 'Komenda Powiatowa Policji w Testowie' });
      });
      const rules = `unit,district,locality,street,numbers\nkpp-test,3,Testowo,Polna,1-9 nieparzyste\nkpp-test,${zipDistrict},Testowo,Leśna,1-9\n`;
      const report = await importStreetRules(database.db, null, systemActor('cli'), rules, { partial: false });
      expect(report.rejected).toEqual([]);
    });
  });
  afterAll(async () => {
    await server?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a folder: past plans into the archive, current ones as drafts, every file reported; a bad one saves nothing', async () => {
    const plans = path.join(dir, 'plany');
    mkdirSync(plans);
    writeFileSync(path.join(plans, 'a-2019.docx'), await docxOfPlan(past));
    writeFileSync(path.join(plans, 'b-2031.pdf'), await pdfOf(planLines(future)));
    writeFileSync(path.join(plans, 'c-rejon9.docx'), await docxOfPlan(otherDistrict));
    writeFileSync(path.join(plans, 'd-obraz.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));

    const preview = await cli('plans', 'import', plans, '--unit', 'kpp-test', '--dry-run');
    expect(preview.stdout).toContain('podgląd, nic nie zapisano');
    const plansOfDistrict3 = (d: Database) => d.db.selectFrom('plans').where('plans.district_id', '=', 'kpp-test/3');
    expect(await withDatabase(async (d) => (await plansOfDistrict3(d).select('id').execute()).length)).toBe(0);

    const run = await cli('plans', 'import', plans, '--unit', 'kpp-test');
    expect(run.code).toBe(1); // two files were refused
    const lines = run.stdout.split('\n');
    expect(lines.find((l) => l.includes('a-2019.docx'))).toMatch(/\tsaved\tdocx$/);
    expect(lines.find((l) => l.includes('b-2031.pdf'))).toMatch(/\tsaved\tpdf$/);
    expect(lines.find((l) => l.includes('c-rejon9.docx'))).toMatch(/\trefused\tdocx\tNie ma takiego rejonu służbowego/);
    expect(lines.find((l) => l.includes('d-obraz.png'))).toMatch(/\trefused\t-\tTo plik PNG, którego nie odczytujemy\. Przyjmujemy:/);
    expect(run.stdout).toContain('Pliki / files: 4, odrzucone / refused: 2');
    const saved = await withDatabase((d) =>
      plansOfDistrict3(d)
        .leftJoin('plan_sources', 'plan_sources.plan_id', 'plans.id')
        .select(['plans.period_from', 'plans.status', 'plans.published_version', 'plan_sources.file_name'])
        .orderBy('plans.period_from')
        .execute(),
    );
    expect(saved.map((p) => [String(p.period_from).slice(0, 10), p.status, p.published_version, p.file_name])).toEqual([
      ['2019-01-01', 'closed', 1, 'a-2019.docx'],
      ['2031-01-01', 'draft', null, null],
    ]);
  });

  it('imports a ZIP of plans, and refuses those of another unit’s districts', async () => {
    const archive = path.join(dir, 'plany.zip');
    writeFileSync(
      archive,
      zipOf([{ name: '2018.docx', data: await docxOfPlan({ ...past, district: zipDistrict, from: '01.07.2018', to: '31.12.2018' }) }]),
    );
    expect(
      (
        await cli(
          'unit',
          'create',
          '--kind',
          'KPP',
          '--id',
          'kpp-inna',
          '--parent',
          'kwp-test',
          '--name',
          'Komenda Powiatowa Policji w Innem',
        )
      ).code,
    ).toBe(0);
    const stranger = await cli('plans', 'import', archive, '--unit', 'kpp-inna');
    expect(stranger.code).toBe(1);
    expect(stranger.stdout).toContain('tylko kierownik lub komendant');
    const run = await cli('plans', 'import', archive, '--unit', 'kpp-test');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/plany\.zip\/2018\.docx\tsaved\tdocx/);
    expect(run.stdout).toMatch(new RegExp(`archiwum / archive\tkpp-test/${zipDistrict}\t2018-07-01\\.\\.2018-12-31\t[0-9a-f-]{36}`));
  });
});
