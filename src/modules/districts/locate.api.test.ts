import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/support/databases.js';
import { TestClient, type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';

const registerDistricts = Object.values(world.districts);

const locate = (client: TestClient, address: string, headers?: Record<string, string>) =>
  client.get(`/api/v1/locate?address=${encodeURIComponent(address)}`, headers);

// Street names of the test world's register by the towns that have them, to pick one-town and many-town streets.
const townsByStreet = new Map<string, Set<string>>();
for (const district of registerDistricts) {
  for (const rule of district.rules)
    if (rule.street) townsByStreet.set(rule.street, (townsByStreet.get(rule.street) ?? new Set()).add(rule.locality));
}

describe.each(backends)('GET /api/v1/locate beyond a full address, on %s', (backend) => {
  let t: TestApp;
  let client: TestClient;
  beforeAll(async () => {
    t = await createTestApp(backend);
    client = new TestClient(t.app);
  });
  afterAll(() => t.close());

  it('answers a town alone with every district of the town, matched by town, with its streets there', async () => {
    const expected = registerDistricts.filter((d) => d.rules.some((r) => r.locality === 'Borowo')).map((d) => d.id);
    expect(expected.length).toBeGreaterThan(1);
    for (const text of ['Borowo', 'borowo']) {
      const response = await locate(client, text);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.locality).toBe('Borowo');
      expect(body.matches.map((m: { district: { id: string } }) => m.district.id).sort()).toEqual(expected.sort());
      for (const match of body.matches) {
        expect(match.matchedBy).toBe('town');
        const district = registerDistricts.find((d) => d.id === match.district.id)!;
        const streets = district.rules.filter((r) => r.locality === 'Borowo' && r.street).map((r) => r.street);
        expect([...match.streets].sort()).toEqual([...new Set(streets)].sort());
      }
    }
  });

  it('answers a street without its town in the one town that has it, or lists the towns', async () => {
    const [single, singleTowns] = [...townsByStreet].find(([, towns]) => towns.size === 1)!;
    const one = await locate(client, `${single} 1`);
    expect(one.statusCode).toBe(200);
    expect(one.json().assumedLocality).toBe([...singleTowns][0]);
    const [shared, sharedTowns] = [...townsByStreet].find(([, towns]) => towns.size > 1)!;
    const several = await locate(client, `ul. ${shared} 2`);
    expect(several.statusCode).toBe(404);
    const details = several.json().error.details;
    expect(details.choices.map((c: { locality: string }) => c.locality).sort()).toEqual([...sharedTowns].sort());
    expect(details.suggestions).toContain(`${[...sharedTowns].sort((a, b) => a.localeCompare(b, 'pl'))[0]}, ${shared} 2`);
  });

  it('names a place the register does not cover, with the police responsible for it and 112, and suggests nothing', async () => {
    const krakow = await locate(client, 'Kraków, ul. Floriańska 10');
    expect(krakow.statusCode).toBe(404);
    const error = krakow.json().error;
    expect(error.code).toBe('address_not_found');
    expect(error.message).toBe('Kraków nie jest jeszcze w rejestrze tego serwisu.');
    expect(error.details.suggestions).toEqual([]);
    expect(error.details.notCovered).toMatchObject({
      place: 'Kraków',
      county: 'Kraków',
      voivodeship: 'małopolskie',
      unit: 'Komenda Miejska Policji (miasto Kraków)',
      voivodeshipCommand: 'Komenda Wojewódzka Policji w Krakowie',
    });
    expect(error.details.notCovered.emergency).toContain('112');
    expect(error.details.notCovered.emergency).toContain('997');
    const zakopane = (await locate(client, 'Zakopane ul. Krupówki 1', { 'accept-language': 'en' })).json().error;
    expect(zakopane.message).toBe("Zakopane is not in this service's register yet.");
    expect(zakopane.details.notCovered).toMatchObject({
      county: 'powiat tatrzański',
      unit: 'Komenda Powiatowa or Miejska Policji (the county police) of powiat tatrzański',
    });
    expect((await locate(client, 'Gdańsk')).json().error.details.notCovered.voivodeshipCommand).toBe(
      'Komenda Wojewódzka Policji w Gdańsku',
    );
  });

  it('suggests a held name only for a likely typo of it', async () => {
    const typo = await locate(client, 'Borwo, ul. Lipowa 3');
    expect(typo.statusCode).toBe(404);
    expect(typo.json().error.details.suggestions).toContain('Borowo');
    expect(typo.json().error.details.notCovered).toBeUndefined();
  });
});
