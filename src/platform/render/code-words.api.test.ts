import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { backends } from '../../../test/support/databases.js';
import { browserFor, csrfFromHtml, TestClient, type TestApp, createTestApp } from '../../../test/support/app.js';
import { world } from '../../../test/support/world.js';
import { catalogueWords, codeWords, codeWordsIn, visibleText, type CodeWord } from '../../../test/support/code-words.js';
import { allowReportsPerIp } from '../../../test/support/settings.js';

const seeds = {
  public: [
    '/',
    '/plany',
    '/zgloszenia',
    '/zglos',
    '/prywatnosc',
    '/login',
    `/szukaj?adres=${encodeURIComponent(world.districts.a1.address)}`,
    `/szukaj?adres=${encodeURIComponent(world.units.a.locality!)}`,
  ],
  staff: ['/admin', '/account', '/admin/reports?status=all', '/admin/reports?held=only', '/admin/plans', '/admin/audit'],
};
const skipped = /^\/(api|assets|language|logout)\b|\.(pdf|csv|geojson|json|docx|odt|xml|atom|png|svg)(\?|$)|\/(plakat|feed|export)/;
const PAGES_PER_WALK = 70;

/**
 * The kind of a page: its section ("/rejony", "/admin/plans") and depth, so that a few districts,
 * plans or categories stand for all of them and the walk reaches every section.
 */
function kindOf(url: string): string {
  const segments = url.replace(/\?.*$/, '').split('/').filter(Boolean);
  const section = segments.slice(0, segments[0] === 'admin' ? 2 : 1).join('/');
  return `/${section}#${segments.length}`;
}

/** Walks the site from the seed pages by the links in <main> and the menu, a few pages of each kind. */
async function walk(client: TestClient, start: string[]): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  const perKind = new Map<string, number>();
  const queue = [...start];
  while (queue.length && pages.size < PAGES_PER_WALK) {
    const url = queue.shift()!;
    if (pages.has(url) || skipped.test(url)) continue;
    const kind = kindOf(url);
    if ((perKind.get(kind) ?? 0) >= 3) continue;
    const response = await client.get(url);
    if (response.statusCode !== 200 || !String(response.headers['content-type']).startsWith('text/html')) continue;
    perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
    pages.set(url, response.body);
    for (const match of response.body.matchAll(/<a\b[^>]*\bhref="(\/[^"#]*)"/g)) queue.push(match[1]!.replace(/&amp;/g, '&'));
  }
  return pages;
}

describe.each(backends)('no code word reaches a page (%s)', (backend) => {
  let t: TestApp;
  let words: CodeWord[];
  let catalogue: Record<'pl' | 'en', Set<string>>;
  /** Answers to forms that are not links: the page of a report sent over the limit, in each language. */
  const answers: Record<'pl' | 'en', Map<string, string>> = { pl: new Map(), en: new Map() };

  beforeAll(async () => {
    t = await createTestApp(backend, { TRUST_PROXY: '1' });
    await allowReportsPerIp(t.testDb.database.db, 3, t.changes);
    // Something in every list: reports in district a1 (one moved on, with a note), sign-ins in the audit log.
    for (const [i, address] of ['Borowo, ul. Lipowa 8', 'Borowo, ul. Kwiatowa 3'].entries()) {
      const resident = new TestClient(t.app, { headers: { accept: 'text/html', 'x-forwarded-for': `198.51.100.${i + 1}` } });
      const form = await resident.get('/zglos');
      const category = /<select[^>]*name="category"[^>]*>.*?<option value="([^"]+)"/s.exec(form.body)![1]!;
      await resident.postForm('/zglos', { category, address, description: 'Opis' }, csrfFromHtml(form.body));
    }
    const { client, token } = await browserFor(t, world.accounts.supervisorA.login);
    await client.postForm('/admin/reports/1/status', { status: 'verifying', note: 'Patrol w piątek.' }, token);
    // The error page of a report sent too often names the limit.
    for (const lang of ['pl', 'en'] as const) {
      const flood = new TestClient(t.app, {
        headers: { accept: 'text/html', 'accept-language': lang, 'x-forwarded-for': `198.51.100.${lang === 'pl' ? 9 : 10}` },
      });
      for (let i = 0; i < 4; i++) {
        const form = await flood.get('/zglos');
        const category = /<select[^>]*name="category"[^>]*>.*?<option value="([^"]+)"/s.exec(form.body)![1]!;
        const sent = await flood.postForm(
          '/zglos',
          { category, address: `Borowo, ul. Lipowa ${i + 1}`, description: 'Opis', force: '1' },
          csrfFromHtml(form.body),
        );
        if (sent.statusCode === 429) answers[lang].set('POST /zglos (over the limit)', sent.body);
      }
      expect(answers[lang].size).toBe(1);
    }
    const audit = await sql<{ action: string; entity_type: string }>`select distinct action, entity_type from audit_log`.execute(
      t.testDb.database.db,
    );
    words = codeWords({
      auditActions: [...new Set(audit.rows.map((r) => r.action))],
      auditEntityTypes: [...new Set(audit.rows.map((r) => r.entity_type))],
    });
    catalogue = { pl: await catalogueWords('pl'), en: await catalogueWords('en') };
  });
  afterAll(() => t.close());

  const people = {
    public: null,
    officer: world.accounts.officerA1.login,
    supervisor: world.accounts.supervisorA.login,
    admin: world.accounts.voivodeshipAdmin.login,
  } as const;
  for (const [role, login] of Object.entries(people)) {
    for (const lang of ['pl', 'en'] as const) {
      it(`as ${role}, in ${lang === 'pl' ? 'Polish' : 'English'}`, async () => {
        const client = login ? (await browserFor(t, login)).client : new TestClient(t.app, { headers: { accept: 'text/html' } });
        if (lang === 'en') await client.get('/language/en?next=/');
        const pages = new Map([...(await walk(client, [...seeds.public, ...(login ? seeds.staff : [])])), ...(login ? [] : answers[lang])]);
        expect(pages.size).toBeGreaterThan(login ? 15 : 5);
        const found = [...pages].flatMap(([url, html]) =>
          codeWordsIn(visibleText(html), words, catalogue[lang]).map(
            (f) => `${url}: "${f.word.token}" (${f.word.source}) in …${f.context}…`,
          ),
        );
        expect(found).toEqual([]);
      });
    }
  }

  it('finds a code word when one is there (the scan can fail)', () => {
    const html =
      '<html><head><title>x</title></head><body><main><p>Status: in_review, limit (reports.perIpPerDay), rola admin</p><p>admin.zalesie</p></main></body></html>';
    const tokens = codeWordsIn(visibleText(html), [...words, { token: 'in_review', source: 'test' }], catalogue.pl).map(
      (f) => f.word.token,
    );
    expect(tokens).toEqual(expect.arrayContaining(['in_review', 'reports.perIpPerDay', 'admin']));
    expect(codeWordsIn(visibleText('<main><p>Signed in as admin.zalesie, new report</p></main>'), words, catalogue.en)).toEqual([]);
    expect(codeWordsIn(visibleText('<main><p>Status: submitted</p></main>'), words, catalogue.en).map((f) => f.word.token)).toEqual(
      catalogue.en.has('submitted') ? [] : ['submitted'],
    );
  });
});
