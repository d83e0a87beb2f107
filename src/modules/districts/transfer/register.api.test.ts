import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../test/support/databases.js';
import { TestClient, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { makeUnit } from '../../../../test/support/factories.js';
import { world } from '../../../../test/support/world.js';
import { multipartBody } from '../../../../test/support/multipart.js';
import { policePage } from '../../../../test/support/document-files.js';

/** A made-up contacts page for a made-up town (no district of the world has its streets). */
const page = (
  second = 'Rejon obejmuje ulice: Brzozową (numery nieparzyste), Modrzewiową oraz Park Leśny.',
) => `Dzielnicowi – Komisariat w Testowie

REJON SŁUŻBOWY NR 71
st. sierż. Tomasz Testowy
tel. kom. 723 700 071
e-mail: dzielnicowy71@example.policja.gov.pl
Rejon obejmuje ulice: Akacjową, Brzozową (numery parzyste), Cisową od numeru 5.

REJON SŁUŻBOWY NR 72
mł. asp. Anna Próbna
tel. 81 700 72 72
e-mail: dzielnicowy72@example.policja.gov.pl
${second}
`;

/** The region's administrator keeps the register of units A and B, and of a unit of this file's own (with no districts yet). */
const { a: unitA, b: unitB, voivodeship } = world.units;
const emptyUnit = 'kpp-podgladowo';

describe.each(backends)('importing a unit’s whole contacts page on %s', (backend) => {
  let t: TestApp;
  /** A client signed in as `person` (anonymous for null). */
  const client = async (person: { login: string } | null) => {
    const signed = new TestClient(t.app);
    if (person) await signed.signIn(person);
    return signed;
  };
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp(backend, {}, (trx) => makeUnit(trx, emptyUnit, 'KPP', voivodeship.id));
    admin = await client(world.accounts.voivodeshipAdmin);
  });
  afterAll(() => t.close());

  const send = (client: TestClient, url: string, text: string) =>
    client.request({ method: 'POST', url, payload: text, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const locate = (address: string) => admin.get(`/api/v1/locate?address=${encodeURIComponent(address)}`);

  // Each test that needs a unit's register as it was (or as it left it) uses a unit or a locality of its own.
  it('previews every district with its officer, phones, e-mail, rules and unresolved fragments, saving nothing', async () => {
    const response = await send(admin, `/api/v1/districts/parse-register?unitId=${emptyUnit}&locality=Podgl%C4%85dowo`, page());
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.saved).toBe(false);
    expect(body.problems).toEqual([]);
    expect(body.districts.map((d: { number: number; action: string }) => [d.number, d.action])).toEqual([
      [71, 'create'],
      [72, 'create'],
    ]);
    expect(body.districts[0]).toMatchObject({
      id: `${emptyUnit}/71`,
      officer: { rank: 'st. sierż.', firstName: 'Tomasz', lastName: 'Testowy', action: 'create' },
      mobile: '723 700 071',
      email: 'dzielnicowy71@example.policja.gov.pl',
    });
    expect(body.districts[0].rules).toContainEqual({
      locality: 'Podglądowo',
      street: 'Cisowa',
      numbers: [{ from: '5', to: null, parity: 'all' }],
    });
    expect(body.districts[1]).toMatchObject({ phone: '81 700 72 72', mobile: null });
    expect(body.districts[1].unresolved.map((u: { fragment: string }) => u.fragment)).toEqual(['Park Leśny']);
    expect(body.districts[1].unresolved[0].message).toContain('wielokąt');
    expect((await locate('Podglądowo, Akacjowa 3')).statusCode).toBe(404);
  });

  it('saves the whole register in one audited transaction: districts, phones, e-mails, rules, officers and assignments', async () => {
    const response = await send(admin, `/api/v1/districts/import-register?unitId=${unitB.id}&locality=Testowo`, page());
    expect(response.statusCode).toBe(200);
    expect(response.json().saved).toBe(true);
    expect((await locate('Testowo, Brzozowa 4')).json().matches[0].district.id).toBe(`${unitB.id}/71`);
    expect((await locate('Testowo, ul. Brzozowa 5')).json().matches[0].district.id).toBe(`${unitB.id}/72`);
    const district = (await admin.get(`/api/v1/districts/${unitB.id}/72`)).json();
    expect(district).toMatchObject({ phone: '81 700 72 72', email: 'dzielnicowy72@example.policja.gov.pl' });
    const assignments = (await admin.get(`/api/v1/districts/${unitB.id}/71/assignments`)).json().assignments;
    expect(assignments).toHaveLength(1);
    const officers = (await admin.get(`/api/v1/officers?unitId=${unitB.id}`)).json().officers as {
      id: string;
      lastName: string;
      rank: string;
    }[];
    expect(officers.filter((o) => o.lastName === 'Testowy')).toHaveLength(1);
    expect(assignments[0].officerId).toBe(officers.find((o) => o.lastName === 'Testowy')!.id);
    const audit = (await admin.get(`/api/v1/audit?entityType=districts&entityId=${unitB.id}%2F71`)).json();
    expect(audit.entries.length).toBeGreaterThan(0);
    expect(audit.entries[0].actorLabel).toContain(world.accounts.voivodeshipAdmin.login);
  });

  it('imports the page again with a street moved between districts, keeping the officers it already knows', async () => {
    const url = `/api/v1/districts/import-register?unitId=${unitA.id}&locality=Przenosiny`;
    expect((await send(admin, url, page())).statusCode).toBe(200);
    const moved = page('Rejon obejmuje ulice: Brzozową (numery nieparzyste), Modrzewiową, Cisową (numery od 1 do 4).');
    const preview = (await send(admin, `${url}&dryRun=true`, moved)).json();
    expect(preview.saved).toBe(false);
    expect(preview.districts.map((d: { action: string; officer: { action: string } }) => [d.action, d.officer.action])).toEqual([
      ['update', 'keep'],
      ['update', 'keep'],
    ]);
    const response = await send(admin, url, moved.replace('st. sierż. Tomasz', 'asp. Tomasz'));
    expect(response.statusCode).toBe(200);
    expect((await locate('Przenosiny, Cisowa 3')).json().matches[0].district.id).toBe(`${unitA.id}/72`);
    const officers = (await admin.get(`/api/v1/officers?unitId=${unitA.id}`)).json().officers as { lastName: string; rank: string }[];
    expect(officers.filter((o) => o.lastName === 'Testowy').map((o) => o.rank)).toEqual(['asp.']);
    expect((await admin.get(`/api/v1/districts/${unitA.id}/71/assignments`)).json().assignments).toHaveLength(1);
  });

  it('stores nothing when two districts of the page claim the same street, and says which', async () => {
    const overlapping = page('Rejon obejmuje ulice: Akacjową, Jodłową.').replace('NR 71', 'NR 73').replace('NR 72', 'NR 74');
    const response = await send(admin, `/api/v1/districts/import-register?unitId=${unitB.id}&locality=Testowo`, overlapping);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('register_rejected');
    expect(response.json().error.message).toContain('pokrywają się');
    expect((await admin.get(`/api/v1/districts/${unitB.id}/73`)).statusCode).toBe(404);
    expect((await locate('Testowo, Jodłowa 1')).statusCode).toBe(404);
  });

  it('reads an uploaded text file or saved web page, refuses a binary one and an empty body', async () => {
    const upload = await multipartBody({ file: { filename: 'kontakty.txt', data: new TextEncoder().encode(page()), type: 'text/plain' } });
    const read = await admin.request({
      method: 'POST',
      url: '/api/v1/districts/parse-register?locality=Testowo',
      payload: upload.payload,
      headers: { 'content-type': upload.contentType },
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().districts).toHaveLength(2);
    // The unit's page as a browser saves it: menus, cookie banner and footer around the districts.
    const html = policePage(
      'Dzielnicowi',
      page()
        .split('\n\n')
        .map((block) => `<p>${block.replace(/\n/g, '<br>')}</p>`)
        .join('\n'),
    );
    const saved = await multipartBody({ file: { filename: 'dzielnicowi.htm', data: new TextEncoder().encode(html), type: 'text/html' } });
    const fromPage = await admin.request({
      method: 'POST',
      url: '/api/v1/districts/parse-register?locality=Testowo',
      payload: saved.payload,
      headers: { 'content-type': saved.contentType },
    });
    expect(fromPage.statusCode, fromPage.body).toBe(200);
    expect(fromPage.json().districts).toEqual(read.json().districts);
    const binary = await multipartBody({ file: { filename: 'kontakty.bin', data: new Uint8Array([80, 0, 1, 2]) } });
    const refused = await admin.request({
      method: 'POST',
      url: '/api/v1/districts/parse-register',
      payload: binary.payload,
      headers: { 'content-type': binary.contentType },
    });
    expect(refused.statusCode).toBe(415);
    expect((await send(admin, '/api/v1/districts/parse-register', '  ')).statusCode).toBe(400);
  });

  it('lets only those who keep the unit’s register import it', async () => {
    const commander = await client(world.accounts.commanderA);
    expect((await send(commander, `/api/v1/districts/import-register?unitId=${unitB.id}&locality=Testowo`, page())).statusCode).toBe(403);
    expect((await send(commander, `/api/v1/districts/parse-register?unitId=${unitB.id}`, page())).statusCode).toBe(403);
    const supervisor = await client(world.supervisorOf.b);
    expect((await send(supervisor, `/api/v1/districts/import-register?unitId=${unitB.id}`, page())).statusCode).toBe(403);
    const anonymous = await client(null);
    expect((await send(anonymous, '/api/v1/districts/parse-register', page())).statusCode).toBe(401);
    expect((await admin.get(`/api/v1/districts/${unitB.id}/73`)).statusCode).toBe(404);
  });
});
