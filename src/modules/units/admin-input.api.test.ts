import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { browserFor, type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';

/** Coordinates of a unit typed in its admin form: only plain numbers count. */
describe.each(backends)('the unit form’s coordinates on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  const unitForm = (lat: string, lon: string) => ({
    id: `kp-test-${Math.abs(lat.length * 31 + lon.length)}`,
    kind: 'KP',
    name: 'Komisariat testowy',
    parentId: world.units.a.id,
    lat,
    lon,
  });

  it('takes "51,4597" and "22.6027"', async () => {
    const admin = await browserFor(t, world.accounts.nationalAdmin.login);
    const response = await admin.client.postForm('/admin/units/new', { ...unitForm('51,4597', '22.6027'), id: 'kp-test-ok' }, admin.token);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(303);
  });

  it('refuses what Number() would read as another number or as Infinity, and stores no unit', async () => {
    const admin = await browserFor(t, world.accounts.nationalAdmin.login);
    const count = async () =>
      Number(
        (
          await t.testDb.database.db
            .selectFrom('units')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    for (const [lat, lon] of [
      ['0x1F', '22'],
      ['51', '1e309'],
      ['5e1', '22'],
      ['-1e309', '22'],
    ]) {
      const response = await admin.client.postForm('/admin/units/new', unitForm(lat!, lon!), admin.token);
      expect(response.statusCode, `${lat} ${lon}`).toBe(400);
      expect(response.body).toMatch(/Pole „(Szerokość|Długość) geograficzna” musi być liczbą\./);
    }
    expect(await count()).toBe(before);
  });
});
