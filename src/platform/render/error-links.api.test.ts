import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFor, csrfFromHtml, TestClient, type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';
import { multipartBody } from '../../../test/support/multipart.js';

/** The links of a page's error summary, each with the kind of control it points to (null: none on the page). */
function summaryLinks(html: string): { href: string; target: string | null }[] {
  const summaries = [...html.matchAll(/<div class="error-summary"[^>]*>(.*?)<\/div>/gs)].map((m) => m[1]!);
  const hrefs = summaries.flatMap((s) => [...s.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!));
  return hrefs.map((href) => {
    const id = href.startsWith('#') ? href.slice(1) : '';
    const control = new RegExp(`<(input|select|textarea|button)\\b[^>]*\\bid="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).exec(html);
    return { href, target: control ? control[1]! : null };
  });
}

/** Every form with an error summary: sent wrong, each link of the summary names a field that is there, and the title says 'Błąd:'. */
describe('error summary links', () => {
  let t: TestApp;
  let admin: TestClient;
  let adminToken: string;
  let officer: TestClient;
  let officerToken: string;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    ({ client: admin, token: adminToken } = await browserFor(t, world.accounts.voivodeshipAdmin.login));
    ({ client: officer, token: officerToken } = await browserFor(t, world.accounts.officerA1.login));
  });
  afterAll(() => t.close());

  const check = (html: string) => {
    const links = summaryLinks(html);
    expect(links.length).toBeGreaterThan(0);
    expect(html).toMatch(/<title>Błąd: [^<]+<\/title>/);
    for (const link of links) expect(link, link.href).toMatchObject({ target: expect.any(String) });
  };

  it('sign-in', async () => {
    const anonymous = new TestClient(t.app, { headers: { accept: 'text/html' } });
    const token = csrfFromHtml((await anonymous.get('/login')).body);
    check((await anonymous.postForm('/login', { login: '', password: '' }, token)).body);
  });
  it('password', async () => {
    check((await officer.postForm('/account/password', { currentPassword: '', newPassword: 'a', confirmPassword: '' }, officerToken)).body);
  });
  it('account', async () => {
    check(
      (await admin.postForm('/admin/accounts', { login: '', displayName: '', email: 'x', role: 'officer', unitId: '' }, adminToken)).body,
    );
  });
  it('district', async () => {
    check(
      (
        await admin.postForm(
          '/admin/districts/new',
          { name: '', number: 'x', unitId: '', rulesText: 'zzz ; ; 1-', polygonText: '{' },
          adminToken,
        )
      ).body,
    );
  });
  it('assignment', async () => {
    check(
      (await admin.postForm(`/admin/districts/${world.districts.a1.id}/assignments`, { officerId: '', startsOn: '' }, adminToken)).body,
    );
  });
  it('officer', async () => {
    check((await admin.postForm('/admin/officers/new', { rank: '', firstName: '', lastName: '', unitId: '' }, adminToken)).body);
  });
  it('unit', async () => {
    check((await admin.postForm('/admin/units/new', { name: '', kind: '', parentId: '', email: 'x', phone: 'x' }, adminToken)).body);
  });
  it('report form', async () => {
    const resident = new TestClient(t.app, { headers: { accept: 'text/html' } });
    const token = csrfFromHtml((await resident.get('/zglos')).body);
    check((await resident.postForm('/zglos', { category: '', address: '', lat: 'abc', description: '' }, token)).body);
    check((await resident.postForm('/zglos', { category: '', lat: '51', lon: '', eventDate: 'x', eventTime: 'y' }, token)).body);
  });
  it('category', async () => {
    check((await admin.postForm('/admin/report-categories', { code: '', namePl: '', seasonFrom: '13' }, adminToken)).body);
  });
  it('new plan', async () => {
    check((await officer.postForm('/admin/plans/new', { districtId: '', periodFrom: '', periodTo: '' }, officerToken)).body);
  });
  it('plan import', async () => {
    check((await officer.postForm('/admin/plans/import', { text: '' }, officerToken)).body);
  });
  it('plan editor: a new plan sent for approval empty, and "Dodaj działanie" opening at the new action', async () => {
    const form = await officer.get('/admin/plans/new');
    const districtId = /<select[^>]*name="districtId"[^>]*>.*?<option value="([^"]+)"/s.exec(form.body)![1]!;
    const created = await officer.postForm(
      '/admin/plans/new',
      { districtId, periodFrom: '2031-01-01', periodTo: '2031-06-30' },
      officerToken,
    );
    // The new draft's page, without the step notice it landed with (?done=create).
    const planUrl = (created.headers.location as string).split('?')[0]!;
    const submitted = await officer.postForm(
      planUrl,
      { periodFrom: '2031-01-01', periodTo: '2031-06-30', 'partners.0.name': '', 'partners.0.tasks': 'x', intent: 'submit' },
      officerToken,
    );
    expect(submitted.statusCode).toBe(400);
    check(submitted.body);
    const hrefs = summaryLinks(submitted.body).map((l) => l.href);
    expect(hrefs).toEqual(expect.arrayContaining(['#field-actions', '#field-communication.std.0', '#field-partners.0.name']));

    const added = await officer.postForm(
      planUrl,
      { periodFrom: '2031-01-01', periodTo: '2031-06-30', 'actions.0.description': 'Patrole', intent: 'add-action' },
      officerToken,
    );
    expect(added.headers.location).toBe(`${planUrl}?done=save#action-2`);
    expect((await officer.get(added.headers.location as string)).body).toContain('id="action-2"');
    const removed = await officer.postForm(
      planUrl,
      {
        periodFrom: '2031-01-01',
        periodTo: '2031-06-30',
        'actions.0.description': 'Patrole',
        'actions.1.description': '',
        intent: 'remove-action:1',
      },
      officerToken,
    );
    expect(removed.headers.location).toBe(`${planUrl}?done=save#actions`);
  });
  it('report status form', async () => {
    const { client: supervisor, token } = await browserFor(t, world.accounts.supervisorA.login);
    const resident = new TestClient(t.app, { headers: { accept: 'text/html', 'x-forwarded-for': '192.0.2.77' } });
    const form = await resident.get('/zglos');
    const category = /<select[^>]*name="category"[^>]*>.*?<option value="([^"]+)"/s.exec(form.body)![1]!;
    const sent = await resident.postForm(
      '/zglos',
      { category, address: world.districts.a1.address, description: 'x' },
      csrfFromHtml(form.body),
    );
    const id = /\/zgloszenia\/(\d+)/.exec(sent.headers.location as string)![1]!;
    check((await supervisor.postForm(`/admin/reports/${id}/status`, { status: '' }, token)).body);
  });
  it('district imports', async () => {
    for (const kind of ['rules', 'polygons']) {
      const upload = await multipartBody({ _csrf: adminToken, file: { filename: 'a.csv', data: new Uint8Array(), type: 'text/csv' } });
      const page = await admin.request({
        method: 'POST',
        url: `/admin/import/${kind}`,
        payload: upload.payload,
        headers: { 'content-type': upload.contentType, accept: 'text/html' },
        csrf: false,
      });
      check(page.body);
    }
    check((await admin.postForm('/admin/import/register', { unit: world.units.b.id, text: ' ', intent: 'preview' }, adminToken)).body);
  });
});
