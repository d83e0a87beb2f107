import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { createTestApp, TestClient, type TestApp } from '../../../test/support/app.js';
import { squareAt } from '../../../test/support/factories.js';
import { world } from '../../../test/support/world.js';
import { setUnitArea } from '../units/index.js';

const { a, b, c, voivodeship } = world.units;

const lubelska = { locality: 'Testowo', street: 'Lubelska', numbers: [{ from: '1', to: '25', parity: 'odd' }] };

describe.each(backends)('districts, officers and the locator on %s', (backend) => {
  let t: TestApp;
  let regional: TestClient;
  let commander: TestClient;
  beforeAll(async () => {
    // The voivodeship's territory (lat 50–52, lon 22–24): the locator names the unit for a point outside every district.
    t = await createTestApp(backend, {}, (trx) => setUnitArea(trx, voivodeship.id, squareAt(50, 22, 2)));
    regional = new TestClient(t.app);
    commander = new TestClient(t.app);
    await regional.signIn(world.accounts.voivodeshipAdmin);
    await commander.signIn(world.accounts.commanderA);
  });
  afterAll(() => t.close());

  /** A district of the test's own, in a locality of its own, so no test needs what another one made. */
  async function makeDistrict(
    number: number,
    locality: string,
    rules: object[] = [
      { ...lubelska, locality },
      { locality, street: 'Polna', numbers: null },
    ],
  ) {
    const created = await commander.send('POST', '/api/v1/districts', {
      unitId: a.id,
      number,
      name: `Rejon nr ${number} – ${locality}`,
      phone: `+48 000 000 0${number}`,
      email: `rejon${number}@example.org`,
      rules,
    });
    expect(created.statusCode).toBe(201);
    return `${a.id}/${number}`;
  }

  it('creates a district with street rules; the locator finds it at once', async () => {
    const created = await commander.send('POST', '/api/v1/districts', {
      unitId: a.id,
      number: 41,
      name: 'Rejon nr 41 – Testowo',
      phone: '+48 000 000 041',
      email: 'rejon41@example.org',
      rules: [lubelska, { locality: 'Testowo', street: 'Polna', numbers: null }],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: `${a.id}/41`, url: `http://localhost:80/rejony/${a.id}/41`, number: 41 });
    const found = await commander.get(`/api/v1/locate?address=${encodeURIComponent('Testowo, ul. Lubelska 15A')}`);
    expect(found.statusCode).toBe(200);
    expect(found.json().matches).toEqual([
      {
        district: { id: `${a.id}/41`, number: 41, name: 'Rejon nr 41 – Testowo', url: `http://localhost:80/rejony/${a.id}/41` },
        unit: { id: a.id, name: a.name },
        officer: null,
        phone: '+48 000 000 041',
        email: 'rejon41@example.org',
        matchedBy: 'street',
      },
    ]);
    const even = await commander.get(`/api/v1/locate?address=${encodeURIComponent('Testowo Lubelska 16')}`);
    expect(even.statusCode).toBe(404);
    expect(even.json().error.code).toBe('address_not_found');
  });

  it('rejects a duplicate number and street rules that overlap another district, naming it', async () => {
    await makeDistrict(43, 'Dublowo');
    const duplicate = await commander.send('POST', '/api/v1/districts', { unitId: a.id, number: 43, name: 'Drugi 43' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toBe(`Rejon służbowy nr 43 już istnieje w jednostce ${a.name}.`);
    const overlapping = await commander.send('POST', '/api/v1/districts', {
      unitId: a.id,
      number: 44,
      name: 'Rejon nr 44',
      rules: [{ locality: 'Dublowo', street: 'Lubelska', numbers: [{ from: '21', to: '31', parity: 'all' }] }],
    });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json().error.code).toBe('area_overlap');
    expect(overlapping.json().error.message).toContain('rejonem nr 43 (Rejon nr 43 – Dublowo)');
    // The even side of the same street belongs to nobody yet: that is fine.
    const evenSide = await commander.send('POST', '/api/v1/districts', {
      unitId: a.id,
      number: 44,
      name: 'Rejon nr 44',
      rules: [{ locality: 'Dublowo', street: 'Lubelska', numbers: [{ from: '2', to: '40', parity: 'even' }] }],
    });
    expect(evenSide.statusCode).toBe(201);
    // Another unit may use the same street (a different police unit's town of the same name).
    const otherUnit = await regional.send('POST', '/api/v1/districts', {
      unitId: b.id,
      number: 43,
      name: 'Grabowo 43',
      rules: [{ ...lubelska, locality: 'Dublowo' }],
    });
    expect(otherUnit.statusCode).toBe(201);
  });

  it('checks who may change districts of which unit', async () => {
    const body = { unitId: c.id, number: 77, name: 'Poza zakresem' };
    expect((await regional.send('POST', '/api/v1/districts', body)).statusCode).toBe(403);
    expect((await commander.send('POST', '/api/v1/districts', { ...body, unitId: b.id })).statusCode).toBe(403);
    const officer = new TestClient(t.app);
    await officer.signIn(world.accounts.officerA1);
    expect((await officer.send('POST', '/api/v1/districts', { ...body, unitId: a.id })).statusCode).toBe(403);
    expect((await new TestClient(t.app).send('POST', '/api/v1/districts', body)).statusCode).toBe(401);
    const own = await makeDistrict(45, 'Strzeżowo');
    expect((await officer.send('PATCH', `/api/v1/districts/${own}`, { name: 'x' })).statusCode).toBe(403);
  });

  it('validates rules: ranges running backwards and unknown fields are 400', async () => {
    const own = await makeDistrict(46, 'Sprawdzowo');
    const backwards = await commander.send('PATCH', `/api/v1/districts/${own}`, {
      rules: [{ locality: 'Testowo', street: 'Długa', numbers: [{ from: '30', to: '2', parity: 'all' }] }],
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe('invalid_number_range');
    const unknown = await commander.send('PATCH', `/api/v1/districts/${own}`, { colour: 'red' });
    expect(unknown.statusCode).toBe(400);
  });

  it('refuses names of only spaces with a 400 in the language asked for, and stores nothing', async () => {
    const count = async () => (await commander.send('GET', `/api/v1/officers?unitId=${a.id}`)).json().officers.length;
    const before = await count();
    for (const blank of ['    ', '\t', '\u00a0\u2003']) {
      const officer = await commander.send('POST', '/api/v1/officers', {
        unitId: a.id,
        rank: 'sierż.',
        firstName: blank,
        lastName: 'Spacja',
      });
      expect(officer.statusCode).toBe(400);
      expect(officer.json().error.details).toContainEqual(
        expect.objectContaining({ field: 'firstName', message: expect.stringContaining('nie same spacje') }),
      );
    }
    const rank = await commander.send('POST', '/api/v1/officers', { unitId: a.id, rank: ' ', firstName: 'Jan', lastName: 'Spacja' });
    expect(rank.statusCode).toBe(400);
    expect(await count()).toBe(before);
    const own = await makeDistrict(57, 'Nazwowo');
    const renamed = await commander.send('PATCH', `/api/v1/districts/${own}`, { name: '   ' });
    expect(renamed.statusCode).toBe(400);
    const unit = await regional.send('PATCH', `/api/v1/units/${a.id}`, { name: '  ab  ' }, { 'accept-language': 'en' });
    expect(unit.statusCode).toBe(400);
    expect(JSON.stringify(unit.json().error.details)).toContain('must contain text, not only spaces');
    expect((await regional.send('GET', `/api/v1/units/${a.id}`)).json().name).toBe(a.name);
  });

  it('assigns an officer, hands the district over, and shows a substitute', async () => {
    const own = await makeDistrict(47, 'Przekazowo');
    const first = (
      await commander.send('POST', '/api/v1/officers', { unitId: a.id, rank: 'sierż.', firstName: 'Jan', lastName: 'Testowy' })
    ).json();
    const second = (
      await commander.send('POST', '/api/v1/officers', {
        unitId: a.id,
        rank: 'st. sierż.',
        firstName: 'Ewa',
        lastName: 'Następczyni',
      })
    ).json();
    const helper = (
      await commander.send('POST', '/api/v1/officers', { unitId: a.id, rank: 'asp.', firstName: 'Adam', lastName: 'Zastępca' })
    ).json();
    const assign = (body: object) => commander.send('POST', `/api/v1/districts/${own}/assignments`, body);
    expect((await assign({ officerId: first.id, kind: 'regular', startsOn: '2024-01-01' })).statusCode).toBe(201);
    const located = async () =>
      (await commander.get(`/api/v1/locate?address=${encodeURIComponent('Przekazowo, Polna 3')}`)).json().matches[0];
    expect((await located()).officer).toEqual({ rank: 'sierż.', name: 'Jan Testowy', substitute: false });

    expect((await assign({ officerId: second.id, kind: 'regular', startsOn: '2025-03-01' })).statusCode).toBe(201);
    const history = (await commander.get(`/api/v1/districts/${own}/assignments`)).json().assignments;
    expect(history.map((a: { startsOn: string; endsOn: string | null }) => [a.startsOn, a.endsOn])).toEqual([
      ['2025-03-01', null],
      ['2024-01-01', '2025-02-28'],
    ]);
    expect((await located()).officer.name).toBe('Ewa Następczyni');
    // The phone stays with the district.
    expect((await located()).phone).toBe('+48 000 000 047');

    const clash = await assign({ officerId: first.id, kind: 'regular', startsOn: '2024-06-01', endsOn: '2024-07-01' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toContain('sierż. Jan Testowy');

    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date());
    expect((await assign({ officerId: helper.id, kind: 'substitute', startsOn: today, endsOn: today })).statusCode).toBe(201);
    expect((await located()).officer).toEqual({ rank: 'asp.', name: 'Adam Zastępca', substitute: true });

    const badDate = await assign({ officerId: helper.id, kind: 'substitute', startsOn: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.code).toBe('invalid_date');
  });

  it('retires a district: it leaves the locator and the public pages, and can come back', async () => {
    const own = await makeDistrict(48, 'Spoczynkowo');
    const locate = async () => (await commander.get(`/api/v1/locate?address=${encodeURIComponent('Spoczynkowo Lubelska 15')}`)).statusCode;
    expect(await locate()).toBe(200);
    expect((await commander.send('DELETE', `/api/v1/districts/${own}`)).statusCode).toBe(204);
    expect(await locate()).toBe(404);
    expect((await commander.get(`/rejony/${own}`, { accept: 'text/html' })).statusCode).toBe(404);
    expect((await commander.send('POST', `/api/v1/districts/${own}/restore`)).statusCode).toBe(200);
    expect(await locate()).toBe(200);
  });

  it('records every change of the register in the audit log', async () => {
    const assignmentEntries = async () => (await regional.get('/api/v1/audit?entityType=assignments')).json().total as number;
    const before = await assignmentEntries();
    const own = await makeDistrict(49, 'Zapisowo');
    const officer = (
      await commander.send('POST', '/api/v1/officers', { unitId: a.id, rank: 'sierż.', firstName: 'Jan', lastName: 'Zapisany' })
    ).json();
    expect(
      (
        await commander.send('POST', `/api/v1/districts/${own}/assignments`, {
          officerId: officer.id,
          kind: 'regular',
          startsOn: '2024-01-01',
        })
      ).statusCode,
    ).toBe(201);
    const entries = (await regional.get(`/api/v1/audit?entityType=districts&entityId=${own}`)).json().entries;
    expect(entries.map((e: { action: string }) => e.action)).toContain('insert');
    expect(entries[0].actorLabel).toBe(world.accounts.commanderA.login);
    expect(await assignmentEntries()).toBeGreaterThan(before);
  });

  it('answers the locator for the register’s districts, with suggestions for typos', async () => {
    const village = await commander.get(`/api/v1/locate?address=${encodeURIComponent('Olszyny 12')}`);
    expect(village.statusCode).toBe(200);
    expect(village.json().matches[0]).toMatchObject({ district: { id: world.districts.c1.id }, matchedBy: 'locality' });
    const typo = await commander.get(`/api/v1/locate?address=${encodeURIComponent('Olszynny 12')}`);
    expect(typo.statusCode).toBe(404);
    expect(typo.json().error.details.suggestions).toContain('Olszyny');
    const both = await commander.get('/api/v1/locate?address=Olszyny&lat=51&lon=22');
    expect(both.statusCode).toBe(400);
    const neither = await commander.get('/api/v1/locate');
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.message).toBe('Podaj albo adres (address), albo współrzędne (lat i lon).');
  });

  it('finds a district by a point inside its polygon, given in EPSG:2180 or WGS84', async () => {
    const own = await makeDistrict(50, 'Wielokątowo');
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [22.6, 51.46],
          [22.62, 51.46],
          [22.62, 51.47],
          [22.6, 51.47],
          [22.6, 51.46],
        ],
      ],
    };
    expect((await commander.send('PATCH', `/api/v1/districts/${own}`, { polygon: square })).statusCode).toBe(200);
    // The world's districts have polygons too, so the point may also be in one of them.
    const inside = await commander.get('/api/v1/locate?lat=51.465&lon=22.61');
    expect(inside.statusCode).toBe(200);
    expect(inside.json().matches).toContainEqual(
      expect.objectContaining({ district: expect.objectContaining({ id: own }), matchedBy: 'polygon' }),
    );
    const beside = await commander.get('/api/v1/locate?lat=51.40&lon=22.61');
    // Beside it no district of the world lies either: not found.
    expect(beside.statusCode).toBe(404);
    // Inside the voivodeship's territory, outside every district.
    const outside = await commander.get('/api/v1/locate?lat=51.2465&lon=22.5684');
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.details.units.map((u: { id: string }) => u.id)).toEqual([voivodeship.id]);
    const area = await commander.get(`/api/v1/districts/${own}/area.geojson`);
    expect(area.json().geometry.type).toBe('MultiPolygon');
    const broken = await commander.send('PATCH', `/api/v1/districts/${own}`, {
      polygon: {
        type: 'Polygon',
        coordinates: [
          [
            [22.6, 51.46],
            [22.62, 51.46],
          ],
        ],
      },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('invalid_polygon');
  });
});
