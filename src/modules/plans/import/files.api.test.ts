import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../test/support/databases.js';
import { TestClient, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { world } from '../../../../test/support/world.js';
import {
  docxOfPlan,
  odtOf,
  pdfOf,
  planArticle,
  planLines,
  planText,
  policePage,
  scannedPdf,
  type PlanSpec,
} from '../../../../test/support/document-files.js';
import { multipartBody } from '../../../../test/support/multipart.js';
import { zipOf } from '../../../../test/support/zip-files.js';

/** a3 of unit A: a district with no plans of the world, its officer, unit A's supervisor and a supervisor of another voivodeship. */
const district = world.districts.a3;
const people = { supervisor: world.supervisorOf.a, officer: world.officerOf.a3!, stranger: world.supervisorOf.c };
type Who = keyof typeof people;
/** Unit A's name as plans write it, in the genitive; read back in the nominative (world.units.a.name). */
const borowo = 'Komendy Powiatowej Policji w Borowie';
const past: PlanSpec = {
  unit: borowo,
  district: district.number,
  from: '01.01.2019',
  to: '30.06.2019',
  topic: 'zakłócanie spokoju na placu zabaw',
};
const pastToo: PlanSpec = { ...past, from: '01.07.2019', to: '31.12.2019', topic: 'kradzieże rowerów spod bloków' };
const future: PlanSpec = { ...past, from: '01.01.2031', to: '30.06.2031', topic: 'nielegalne wysypiska śmieci' };

type Files = [string, { filename: string; data: Uint8Array; type?: string }][];
const file = (filename: string, data: Uint8Array): Files[number] => ['file', { filename, data }];

describe.each(backends)('plan files of every kind, many at once (%s)', (backend) => {
  let t: TestApp;
  const clients = {} as Record<Who, TestClient>;
  const as = (who: Who) => clients[who];
  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const [who, account] of Object.entries(people)) {
      clients[who as Who] = new TestClient(t.app);
      await clients[who as Who].signIn(account);
    }
  });
  afterAll(() => t.close());

  const post = async (who: Who, url: string, files: Files) => {
    const { payload, contentType } = await multipartBody(files);
    return as(who).send('POST', url, payload, { 'content-type': contentType });
  };
  const countPlans = async () =>
    Number(
      (
        await t.testDb.database.db
          .selectFrom('plans')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('reads a plan of every kind from its bytes, whatever its name says, with every plan found in `plans`', async () => {
    const kinds: [string, string, Uint8Array][] = [
      ['pdf', 'plan.txt', await pdfOf(planLines(past))],
      ['html', 'plan.docx', Buffer.from(policePage('Plan działania priorytetowego', planArticle(past)))],
      ['odt', 'plan.pdf', odtOf(planLines(past))],
      ['docx', 'plan', await docxOfPlan(past)],
      ['text', 'plan.html', Buffer.from(planText(past))],
    ];
    for (const [kind, name, data] of kinds) {
      const response = await post('supervisor', '/api/v1/plans/parse', [file(name, data)]);
      expect([kind, response.statusCode]).toEqual([kind, 200]);
      const body = response.json();
      expect(body).toMatchObject({
        kind,
        unit: world.units.a.name,
        districtNumber: district.number,
        period: { from: '2019-01-01', to: '2019-06-30' },
      });
      expect(body.plans).toHaveLength(1);
      expect(body.plans[0]).toMatchObject({ districtNumber: district.number, period: body.period, actions: body.actions });
    }
  });

  it('answers a scan with 422 document_scanned and an unknown binary with 415 naming the accepted kinds', async () => {
    const scan = await post('supervisor', '/api/v1/plans/parse', [file('plan.pdf', await scannedPdf())]);
    expect([scan.statusCode, scan.json().error.code]).toEqual([422, 'document_scanned']);
    expect(scan.json().error.message).toContain('Ten PDF to skan');
    const binary = await post('supervisor', '/api/v1/plans/parse', [file('plan.docx', Buffer.from([1, 2, 3, 0, 0, 9, 8, 7]))]);
    expect([binary.statusCode, binary.json().error.code]).toEqual([415, 'unsupported_document']);
    expect(binary.json().error.message).toContain(
      'Przyjmujemy: tekst (.txt), strona WWW (.html), Word (.docx), OpenDocument (.odt), PDF z warstwą tekstową',
    );
  });

  it('reads an area description from a saved page posted to parse-area, like text', async () => {
    const page = policePage('Rejon służbowy nr 3', '<p>Rejon służbowy nr 3 obejmuje ulice: Lubelska, Polna, Cicha.</p>');
    const fromFile = await post('supervisor', '/api/v1/districts/parse-area?locality=Borowo', [file('rejon.html', Buffer.from(page))]);
    const fromText = await as('supervisor').send(
      'POST',
      '/api/v1/districts/parse-area?locality=Borowo',
      'Rejon służbowy nr 3 obejmuje ulice: Lubelska, Polna, Cicha.',
      { 'content-type': 'text/plain' },
    );
    expect(fromFile.statusCode).toBe(200);
    expect(fromFile.json().rules.length).toBeGreaterThan(0);
    expect(fromFile.json()).toEqual(fromText.json());
    const binary = await post('supervisor', '/api/v1/districts/parse-area', [file('rejon.txt', Buffer.from([0, 1, 2, 3]))]);
    expect([binary.statusCode, binary.json().error.code]).toEqual([415, 'unsupported_document']);
  });

  it('reports a batch file by file: a preview saves nothing, then the good files are saved and the bad ones refused with their reason', async () => {
    const nested = zipOf([
      { name: 'inne.zip', data: zipOf([{ name: 'a.txt', data: Buffer.from('a') }]) },
      { name: 'plan-past2.odt', data: odtOf(planLines(pastToo)) },
    ]);
    const files: Files = [
      file('plan-2019.pdf', await pdfOf(planLines(past))),
      file('broken.docx', (await docxOfPlan(future)).subarray(0, 2000)),
      file('plan-2031.docx', await docxOfPlan(future)),
      file('archiwum.zip', nested),
      file('notatka.txt', Buffer.from('Notatka ze spotkania z mieszkańcami.')),
    ];
    const before = await countPlans();
    const preview = await post('supervisor', '/api/v1/plans/import-batch?dryRun=true', files);
    expect(preview.statusCode).toBe(200);
    expect(await countPlans()).toBe(before);
    const outcomes = (body: {
      files: { name: string; outcome: string; error: { code: string } | null; plans: { action: string; districtId: string | null }[] }[];
    }) => body.files.map((f) => [f.name, f.outcome, f.error?.code ?? null, f.plans.map((p) => `${p.action} ${p.districtId}`)]);
    expect(outcomes(preview.json())).toEqual([
      ['plan-2019.pdf', 'read', null, [`archive ${district.id}`]],
      ['broken.docx', 'refused', 'document_unreadable', []],
      ['plan-2031.docx', 'read', null, [`draft ${district.id}`]],
      ['archiwum.zip/inne.zip', 'refused', 'nested_archive', []],
      ['archiwum.zip/plan-past2.odt', 'read', null, [`archive ${district.id}`]],
      ['notatka.txt', 'refused', 'not_a_plan', []],
    ]);

    const saved = await post('supervisor', '/api/v1/plans/import-batch', files);
    expect(saved.statusCode).toBe(200);
    expect(outcomes(saved.json()).map(([name, outcome]) => [name, outcome])).toEqual([
      ['plan-2019.pdf', 'saved'],
      ['broken.docx', 'refused'],
      ['plan-2031.docx', 'saved'],
      ['archiwum.zip/inne.zip', 'refused'],
      ['archiwum.zip/plan-past2.odt', 'saved'],
      ['notatka.txt', 'refused'],
    ]);
    expect(saved.json().saved).toBe(3);
    expect(await countPlans()).toBe(before + 3);
    const [archived, draft] = [saved.json().files[0].plans[0].planId, saved.json().files[2].plans[0].planId];

    // The past plan is in the library, closed and published, marked as imported, its file kept.
    const publicPlan = await new TestClient(t.app).get(`/api/v1/plans/${archived}`);
    expect(publicPlan.json()).toMatchObject({
      imported: {
        fileName: 'plan-2019.pdf',
        mediaType: 'application/pdf',
        sha256: createHash('sha256').update(files[0]![1].data).digest('hex'),
      },
      published: { periodFrom: '2019-01-01' },
      working: null,
    });
    expect((await as('supervisor').get(`/api/v1/plans/${archived}`)).json().working).toMatchObject({
      status: 'closed',
      publishedVersion: 1,
      publishedAt: '2019-01-01T12:00:00.000Z',
    });
    const page = await new TestClient(t.app).get(`/plany/${archived}`);
    expect(page.body).toContain('zaimportowany');
    const download = await as('supervisor').get(`/api/v1/plans/${archived}/source`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('attachment; filename="plan-2019.pdf"');
    expect(download.rawPayload.equals(Buffer.from(files[0]![1].data))).toBe(true);
    // The kept file is for staff: nobody signed in is asked to sign in (for any plan alike), staff of another unit do not find it.
    expect((await new TestClient(t.app).get(`/api/v1/plans/${archived}/source`)).statusCode).toBe(401);
    expect((await as('stranger').get(`/api/v1/plans/${archived}/source`)).statusCode).toBe(404);
    const staffPage = new TestClient(t.app, { headers: { accept: 'text/html' } });
    await staffPage.signIn(people.supervisor);
    const work = await staffPage.get(`/admin/plans/${archived}`);
    expect(work.body).toContain('zaimportowany');
    expect(work.body).toContain(`/admin/plans/${archived}/source`);
    expect((await staffPage.get(`/admin/plans/${archived}/source`)).rawPayload.equals(Buffer.from(files[0]![1].data))).toBe(true);

    // The current or future plan is a draft that goes through approval, with no "imported" marker.
    expect((await as('supervisor').get(`/api/v1/plans/${draft}`)).json()).toMatchObject({
      imported: null,
      published: null,
      working: { status: 'draft' },
    });

    // Every save is in the audit log, by the supervisor.
    const audit = await t.testDb.database.db
      .selectFrom('audit_log')
      .select(['entity_type', 'action', 'actor_label', 'after'])
      .where('entity_type', '=', 'plan_sources')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => [a.action, a.actor_label, (a.after as { bytes: string }).bytes])).toEqual([
      ['insert', people.supervisor.login, 'changed'],
      ['insert', people.supervisor.login, 'changed'],
    ]);

    // The same files again: the archived plans overlap themselves now, so those files are refused; nothing new is saved.
    const again = await post('supervisor', '/api/v1/plans/import-batch', [files[0]!, files[2]!]);
    expect(outcomes(again.json()).map(([name, outcome, code]) => [name, outcome, code])).toEqual([
      ['plan-2019.pdf', 'refused', 'plan_period_overlap'],
      ['plan-2031.docx', 'refused', 'plan_period_overlap'],
    ]);
    expect(again.json().files[0].error.message).toContain('Rejon ma już plan na okres od 2019-01-01 do 2019-06-30');
    expect(await countPlans()).toBe(before + 3);
  });

  it('lets only a reviewer of the unit archive a past plan: an officer gets a draft only, another unit’s supervisor nothing', async () => {
    const older: PlanSpec = { ...past, from: '01.01.2018', to: '30.06.2018' };
    const later: PlanSpec = { ...past, from: '01.07.2031', to: '31.12.2031' };
    const files: Files = [file('2018.docx', await docxOfPlan(older)), file('2031.docx', await docxOfPlan(later))];
    const before = await countPlans();
    const stranger = await post('stranger', '/api/v1/plans/import-batch', files);
    expect(stranger.json().files.map((f: { outcome: string; error: { status: number } }) => [f.outcome, f.error.status])).toEqual([
      ['refused', 403],
      ['refused', 403],
    ]);
    const officer = await post('officer', '/api/v1/plans/import-batch', files);
    expect(
      officer.json().files.map((f: { outcome: string; error: { code: string } | null }) => [f.outcome, f.error?.code ?? null]),
    ).toEqual([
      ['refused', 'forbidden'],
      ['saved', null],
    ]);
    expect(officer.json().files[0].error.message).toContain('tylko kierownik lub komendant');
    expect(await countPlans()).toBe(before + 1);
  });

  it('refuses batches over the limits before reading anything', async () => {
    const many: Files = Array.from({ length: 21 }, (_, i) => file(`${i}.txt`, Buffer.from(`plan ${i}`)));
    const tooMany = await post('supervisor', '/api/v1/plans/import-batch?dryRun=true', many);
    expect(tooMany.statusCode).toBe(413);
    const archive = zipOf(Array.from({ length: 21 }, (_, i) => ({ name: `${i}.txt`, data: Buffer.from(`plan ${i}`) })));
    const tooManyInside = await post('supervisor', '/api/v1/plans/import-batch?dryRun=true', [file('plany.zip', archive)]);
    expect([tooManyInside.statusCode, tooManyInside.json().files[0].error.code]).toEqual([200, 'document_too_large']);
    const anonymous = await new TestClient(t.app).send('POST', '/api/v1/plans/import-batch', 'x', { 'content-type': 'text/plain' });
    expect(anonymous.statusCode).toBeGreaterThanOrEqual(400);
    expect(anonymous.statusCode).toBeLessThan(500);
  });
});
