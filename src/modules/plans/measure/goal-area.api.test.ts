import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { backends } from '../../../../test/support/databases.js';
import { browserFor, TestClient, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { inFactory, makeCategory, makeReport } from '../../../../test/support/factories.js';
import { world } from '../../../../test/support/world.js';
import { addDays, warsawToday } from '../../../platform/i18n/calendar.js';
import { countIndicator, monthlySeries } from '../../indicators/index.js';
import { readFrozenMeasure, type CountMeasure } from '../index.js';
import type { PlanContent } from '../model.js';

/**
 * A goal counted in a drawn area of district a2 (a square 23.02–23.04 E, 50.50–50.52 N): stored,
 * refused when it cannot be counted, counted, frozen at approval, shown; set from the editor's
 * textarea and from a place of the drafting panel.
 */
const district = world.districts.a2;
const people = { officer: world.officerOf.a2!, supervisor: world.supervisorOf.a };
/** The park: about 350 × 550 m inside a2, as the API takes it ([lon, lat], closed). */
const parkRing = [
  [23.025, 50.505],
  [23.03, 50.505],
  [23.03, 50.51],
  [23.025, 50.51],
  [23.025, 50.505],
];
const park = { name: 'park przy ul. Polnej', polygon: { type: 'Polygon', coordinates: [parkRing] } };

describe.each(backends)('a goal counted in a drawn area on %s', (backend) => {
  let t: TestApp;
  let year = 2050;
  let code = '';
  const clients: Record<string, TestClient> = {};
  const as = (who: keyof typeof people) => clients[who]!;
  const db = () => t.testDb.database.db;
  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const [who, account] of Object.entries(people)) {
      clients[who] = new TestClient(t.app);
      await clients[who].signIn(account);
    }
    code = await makeCategory(db(), `obszar-${backend}`);
  });
  afterAll(() => t.close());

  const goal = (extra: object) => ({
    description: 'Mniej dewastacji w parku.',
    indicator: { what: 'dewastacje w parku', where: 'park przy ul. Polnej', source: 'KMZB' },
    baseline: null,
    target: { direction: 'decrease', percent: 20 },
    indicatorSpec: { source: 'reports', categories: [code] },
    ...extra,
  });
  const content = (y: number, goalExtra: object) => ({
    threat: { category: 'vandalism', places: 'park', description: 'Dewastacje ławek w parku.', sources: ['residents'] },
    goal: goal(goalExtra),
    actions: [{ description: 'Patrole w parku.', from: `${y}-07-01`, to: `${y}-09-30`, who: 'dzielnicowy', status: 'planned' }],
    partners: [],
    communication: ['strona internetowa'],
    signature: null,
  });
  const create = (goalExtra: object) => {
    const y = ++year;
    return as('officer').send('POST', '/api/v1/plans', {
      districtId: district.id,
      periodFrom: `${y}-07-01`,
      periodTo: `${y}-12-31`,
      content: content(y, goalExtra),
    });
  };
  const move = async (who: keyof typeof people, id: string, transition: string) => {
    const response = await as(who).send('POST', `/api/v1/plans/${id}/transitions`, { transition });
    expect(response.statusCode, response.body).toBe(200);
  };
  const contentOf = async (id: string) =>
    (await db().selectFrom('plans').select('content').where('id', '=', id).executeTakeFirstOrThrow()).content as PlanContent;
  const planCount = async () =>
    Number(
      (
        await db()
          .selectFrom('plans')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stores an area with reports; refuses it with imported data or a crossing boundary (400), storing nothing', async () => {
    const created = await create({ area: { ...park, polygon: { type: 'Polygon', coordinates: [parkRing.slice(0, 4)] } } });
    expect(created.statusCode, created.body).toBe(201);
    // The open ring was closed on saving.
    expect((await contentOf(created.json().id)).goal.area).toEqual(park);

    const before = await planCount();
    const imported = await create({ indicatorSpec: { source: 'imported', categories: ['dewastacje'] }, area: park });
    expect(imported.statusCode).toBe(400);
    expect(imported.json().error).toMatchObject({ code: 'invalid_goal_area', details: { field: 'goal.area.polygon' } });
    expect(imported.json().error.message).toContain('tylko zgłoszenia mieszkańców');
    expect(await planCount()).toBe(before);

    const id = created.json().id as string;
    const bowTie = [parkRing[0], parkRing[2], parkRing[1], parkRing[3], parkRing[0]];
    const crossing = await as('officer').send('PATCH', `/api/v1/plans/${id}`, {
      content: content(year, { area: { ...park, polygon: { type: 'Polygon', coordinates: [bowTie] } } }),
    });
    expect(crossing.statusCode).toBe(400);
    expect(crossing.json().error.message).toContain('przecina samą siebie');
    expect((await contentOf(id)).goal.area).toEqual(park);
  });

  it('counts confirmed reports inside the area, by the day they were made in Poland; not outside it, nor of another district, nor without a point', async () => {
    const month = addDays(warsawToday(), -40).slice(0, 7);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    const nextFirst = addDays(lastDay, 1);
    /** A report of `districtId` at [lon, lat] (or no point), made at `time` (Warsaw) on `day`. */
    const report = async (districtId: string, point: [number, number] | null, day: string, time: string, status = 'confirmed') => {
      const id = await makeReport(db(), district.unitId, districtId);
      await inFactory(db(), (trx) =>
        sql`update reports set category_id = ${code}, status = ${status},
          position = ${point ? sql`point(${point[0]}, ${point[1]})` : null},
          public_position = ${point ? sql`point(${point[0]}, ${point[1]})` : null},
          created_at = (${day}::date + ${time}::time) at time zone 'Europe/Warsaw' where id = ${id}`.execute(trx),
      );
    };
    await report(district.id, [23.027, 50.507], lastDay, '23:30'); // inside, the month's last evening: that month
    await report(district.id, [23.029, 50.509], nextFirst, '00:30'); // inside, the next month's first night
    await report(district.id, [23.027, 50.507], lastDay, '12:00', 'not_confirmed'); // inside, not confirmed
    await report(district.id, [23.035, 50.507], lastDay, '12:00'); // outside the park, in the district
    await report(world.districts.a1.id, [23.027, 50.507], lastDay, '12:00'); // placed in the park, but a1's report
    await report(district.id, null, lastDay, '12:00'); // an address only
    const spec = { source: 'reports' as const, categories: [code] };
    const area = { districtIds: [district.id], polygon: park.polygon as CountMeasure['area']['polygon'] };
    const window = { from: `${month}-01`, to: nextFirst };
    expect(await countIndicator(db(), spec, area, window)).toBe(2);
    expect(await countIndicator(db(), spec, { districtIds: [district.id] }, window)).toBe(4);
    expect(await countIndicator(db(), spec, area, { from: `${month}-01`, to: lastDay })).toBe(1);
    expect(await monthlySeries(db(), spec, area, `${month}-01`, nextFirst)).toEqual([
      { month, count: 1 },
      { month: nextFirst.slice(0, 7), count: 1 },
    ]);
  });

  it('freezes the area at approval and keeps it while a later draft changes it; the pages say where it is counted', async () => {
    const created = await create({ area: park });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    await move('officer', id, 'submit');
    await move('supervisor', id, 'approve');
    const frozen = async () => (await readFrozenMeasure(db(), id)) as CountMeasure;
    expect((await frozen()).area).toEqual({ districtIds: [district.id], polygon: park.polygon, name: park.name });
    await move('supervisor', id, 'publish');
    await move('officer', id, 'revise');
    const moved = { name: 'okolice szkoły', polygon: { type: 'Polygon', coordinates: [parkRing.map(([x, yy]) => [x! + 0.005, yy!])] } };
    const changed = await as('officer').send('PATCH', `/api/v1/plans/${id}`, { content: content(year, { area: moved }) });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await contentOf(id)).goal.area?.name).toBe('okolice szkoły');
    expect((await frozen()).area).toMatchObject({ name: park.name, polygon: park.polygon });

    const staffPage = await as('supervisor').get(`/admin/plans/${id}`, { accept: 'text/html' });
    expect(staffPage.body).toContain('w obszarze: park przy ul. Polnej (w rejonie nr 2)');
    // Residents see the published version's area, by name and on a map, and no report.
    const publicPage = await new TestClient(t.app).get(`/plany/${id}`, { accept: 'text/html' });
    expect(publicPage.body).toContain('Cel planu jest liczony w obszarze: park przy ul. Polnej.');
    expect(publicPage.body).toContain('data-map="shape"');
    expect(publicPage.body).toContain('[23.025,50.505]');
    expect(publicPage.body).not.toContain('okolice szkoły');
    expect(publicPage.body).not.toContain('Zgłoszenie z fabryki testów');
  });

  it('takes the area from the editor’s textarea without JavaScript, and refuses it there for imported data', async () => {
    const created = await create({});
    const id = created.json().id as string;
    const officer = await browserFor(t, people.officer);
    const page = await officer.client.get(`/admin/plans/${id}`);
    expect(page.body).toContain('name="goal.area.polygon"');
    const fields = {
      periodFrom: `${year}-07-01`,
      periodTo: `${year}-12-31`,
      'goal.description': 'Mniej dewastacji w parku.',
      'goal.measurable': 'on',
      'goal.indicator.what': 'dewastacje w parku',
      'goal.target.percent': '20',
      'goal.indicatorSpec.source': 'reports',
      'goal.indicatorSpec.categories': code,
      'goal.area.name': 'skwer przy ul. Polnej',
      'goal.area.polygon': '50.505, 23.025\n50.505, 23.03\n50.51, 23.03\n50.51, 23.025',
      intent: 'save',
    };
    const saved = await officer.client.postForm(`/admin/plans/${id}`, fields, officer.token);
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    expect((await contentOf(id)).goal.area).toEqual({ name: 'skwer przy ul. Polnej', polygon: park.polygon });

    const refused = await officer.client.postForm(
      `/admin/plans/${id}`,
      { ...fields, 'goal.indicatorSpec.source': 'imported', 'goal.area.name': 'inny skwer' },
      officer.token,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('W obszarze można liczyć tylko zgłoszenia mieszkańców');
    expect((await contentOf(id)).goal.area?.name).toBe('skwer przy ul. Polnej');
  });

  it('makes a place of the drafting panel the goal’s area: its reports inside', async () => {
    const created = await create({});
    const id = created.json().id as string;
    const day = `${addDays(warsawToday(), -40).slice(0, 7)}-10`;
    const points: [number, number][] = [
      [23.031, 50.512],
      [23.0315, 50.5125],
    ];
    for (const [lon, lat] of points) {
      const report = await makeReport(db(), district.unitId, district.id);
      await inFactory(db(), (trx) =>
        sql`update reports set category_id = 'vandalism', status = 'confirmed', address = 'Borowo, ul. Polna 3',
          position = point(${lon}, ${lat}), public_position = point(${lon}, ${lat}),
          created_at = ${`${day}T10:00:00Z`}::timestamptz where id = ${report}`.execute(trx),
      );
    }
    const officer = await browserFor(t, people.officer);
    const page = await officer.client.get(`/admin/plans/${id}`);
    expect(page.body).toContain(`action="/admin/plans/${id}/evidence/area"`);
    // The place's own button: other tests of this file may have made bigger places in the district.
    const hotspot = /<li>Borowo, ul\. Polna: [^<]*<form(?:(?!<\/form>).)*?name="hotspot" value="(\d+)"/s.exec(page.body)?.[1];
    expect(hotspot, 'the place and its button on the evidence panel').toBeDefined();
    const filled = await officer.client.postForm(`/admin/plans/${id}/evidence/area`, { hotspot: hotspot! }, officer.token);
    expect(filled.statusCode, filled.body.slice(0, 300)).toBe(303);
    expect(filled.headers.location).toContain('filled=area');
    const area = (await contentOf(id)).goal.area!;
    expect(area.name).toBe('Borowo, ul. Polna');
    const { pointInRing } = await import('../../../platform/geo/point-in-ring.js');
    for (const p of points) expect(pointInRing(p, area.polygon.coordinates[0]!)).toBe(true);
    // A place that is not on the list is the sender's mistake.
    const missing = await officer.client.postForm(`/admin/plans/${id}/evidence/area`, { hotspot: '9' }, officer.token);
    expect(missing.statusCode).toBe(400);
  });
});
