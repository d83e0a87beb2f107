import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../test/support/databases.js';
import { TestClient, browserFor, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { world } from '../../../../test/support/world.js';

const district = world.districts.a1;

/** Values no page offers, posted to the editor's forms: each is a 400 with the form and a message, never a 500, and nothing changes. */
describe.each(backends)('the plan editor with values its forms never send on %s', (backend) => {
  let t: TestApp;
  let officer: { client: TestClient; token: string };
  let supervisor: { client: TestClient; token: string };
  let draftUrl: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    officer = await browserFor(t, world.officerOf.a1!);
    supervisor = await browserFor(t, world.supervisorOf.a);
    const created = await officer.client.postForm(
      '/admin/plans/new',
      // Far from the world's running plan of a1, which a new plan may not overlap.
      { districtId: district.id, periodFrom: '2041-01-01', periodTo: '2041-06-30' },
      officer.token,
    );
    expect(created.statusCode).toBe(303);
    // The draft's page, without the step it landed with (?done=create).
    draftUrl = (created.headers.location as string).split('?')[0]!;
  });
  afterAll(() => t.close());

  const statusOf = async (url: string) =>
    await t.testDb.database.db
      .selectFrom('plans')
      .select(['status', 'period_from'])
      .where('id', '=', url.split('/').pop()!)
      .executeTakeFirstOrThrow();

  it('an unknown transition (bogus, toString, __proto__, constructor, empty) is a 400 on the plan page', async () => {
    for (const transition of ['bogus', 'toString', '__proto__', 'constructor', 'hasOwnProperty', '']) {
      const response = await officer.client.postForm(`${draftUrl}/transition`, { transition }, officer.token);
      expect(response.statusCode, transition).toBe(400);
      expect(response.body).toContain('Nieznana czynność');
      expect((await statusOf(draftUrl)).status).toBe('draft');
    }
  });

  it('a start of the period that is not a calendar day is a 400 naming the field, when creating and when saving', async () => {
    for (const periodFrom of ['-1e309', '1e309', 'NaN', '2027-02-30', '0000-01-01', '2027-1-1']) {
      const created = await officer.client.postForm(
        '/admin/plans/new',
        { districtId: district.id, periodFrom, periodTo: '2027-06-30' },
        officer.token,
      );
      expect(created.statusCode, periodFrom).toBe(400);
      expect(created.body).toContain('nie jest poprawną datą (RRRR-MM-DD)');
      const saved = await officer.client.postForm(draftUrl, { periodFrom, periodTo: '2027-06-30', intent: 'save' }, officer.token);
      expect(saved.statusCode, periodFrom).toBe(400);
      expect(saved.body).toContain('nie jest poprawną datą (RRRR-MM-DD)');
    }
    expect(String((await statusOf(draftUrl)).period_from)).toContain('2041');
  });

  it('the API refuses a year 0, which PostgreSQL cannot store', async () => {
    const api = new TestClient(t.app);
    await api.signIn(world.officerOf.a1!);
    const response = await api.send('POST', '/api/v1/plans', {
      districtId: district.id,
      periodFrom: '0000-01-01',
      periodTo: '0000-03-31',
    });
    expect(response.statusCode, response.body).toBe(400);
  });

  it('an evaluation of a count goal without counts, or with counts that are not whole numbers, is a 400 on the plan page', async () => {
    const plan = await t.testDb.database.db
      .selectFrom('plans')
      .select('id')
      .where('district_id', 'like', `${world.units.a.id}/%`)
      .where('status', 'in', ['published', 'in_progress'])
      .executeTakeFirstOrThrow();
    const url = `/admin/plans/${plan.id}`;
    const before = (await statusOf(url)).status;
    // The world's running plan aims at 20 % fewer frauds: the verdict is computed from counts, never chosen.
    for (const [baseline, period, message] of [
      ['', '', 'Podaj liczbę zdarzeń w okresie bazowym i w okresie planu'],
      ['toString', '5', 'liczba zdarzeń musi być całkowita i nieujemna'],
      ['-1e309', '1', 'liczba zdarzeń musi być całkowita i nieujemna'],
      ['1e309', '1', 'liczba zdarzeń musi być całkowita i nieujemna'],
      ['8', 'NaN', 'liczba zdarzeń musi być całkowita i nieujemna'],
      ['-3', '1', 'liczba zdarzeń musi być całkowita i nieujemna'],
      ['8', '2,5', 'liczba zdarzeń musi być całkowita i nieujemna'],
    ] as const) {
      const response = await supervisor.client.postForm(
        `${url}/transition`,
        { transition: 'evaluate', outcome: 'achieved', baseline, period, note: '' },
        supervisor.token,
      );
      expect(response.statusCode, `${baseline} ${period}`).toBe(400);
      expect(response.body).toContain(message);
      expect((await statusOf(url)).status).toBe(before);
    }
  });
});
