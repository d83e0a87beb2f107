import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { world, worldPlanContent } from '../../../../test/support/world.js';
import { projectRoot } from '../../../platform/config/config.js';
import { docxText } from '../../../platform/documents/docx-text.js';

/** A real published plan (Krasnystaw, district 2, July–December 2026), imported here into a3 of the world. */
const seedPlan = readFileSync(path.join(projectRoot, 'resources', 'seeds', '000_d4209128a33a3e86.txt'), 'utf8');

/** Whitespace-insensitive: PDF and DOCX wrap lines differently. */
const flat = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/\s*([,.:;–])\s*/g, '$1')
    .replace(/(\p{L})- (\p{L})/gu, '$1-$2') // a line broken after a hyphen ("e-" / "mail")
    .trim();

describe('published plan pages and documents', () => {
  let t: TestApp;
  let browser: TestClient;
  let officer: TestClient;
  let supervisor: TestClient;
  /** The imported real plan, running in a3; and the world's running plan of a1, the other plan about fraud. */
  let krasnystaw: string;
  let running: string;
  const transitions = async (id: string, steps: [TestClient, string][]) => {
    for (const [who, transition] of steps)
      expect((await who.send('POST', `/api/v1/plans/${id}/transitions`, { transition })).statusCode).toBe(200);
  };
  beforeAll(async () => {
    t = await createTestApp('pglite');
    browser = new TestClient(t.app, { headers: { accept: 'text/html' } });
    officer = new TestClient(t.app);
    await officer.signIn(world.officerOf.a3!);
    supervisor = new TestClient(t.app, { headers: { accept: 'text/html' } });
    await supervisor.signIn(world.supervisorOf.a);
    const imported = await officer.request({
      method: 'POST',
      url: `/api/v1/plans/import?districtId=${world.districts.a3.id}`,
      payload: seedPlan,
      headers: { 'content-type': 'text/plain' },
    });
    expect(imported.statusCode).toBe(201);
    krasnystaw = imported.json().plan.id;
    await transitions(krasnystaw, [
      [officer, 'submit'],
      [supervisor, 'approve'],
      [supervisor, 'publish'],
      [supervisor, 'start'],
    ]);
    running = (await browser.get(`/api/v1/plans?districtId=${world.districts.a1.id}`)).json().plans[0].id;
  });
  afterAll(() => t.close());

  it('shows the plan in the official layout, sections 1–5, with the unit and the signature', async () => {
    const page = await browser.get(`/plany/${krasnystaw}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Informacja dotycząca realizacji planu działania priorytetowego dla rejonu służbowego nr 3');
    expect(page.body).toContain('na okres od 01.07.2026 roku do 31.12.2026 roku');
    expect(page.body).toContain(world.units.a.name);
    for (const heading of [
      '1. Charakterystyka zdiagnozowanego zagrożenia w rejonie służbowym',
      '2. Zakładany cel do osiągnięcia',
      '5. Proponowany sposób przekazania społeczności rejonu informacji o działaniu priorytetowym',
    ]) {
      expect(page.body).toContain(heading);
    }
    expect(page.body).toContain('lipiec 2026 – Spotkanie z pracownikami Towarzystwa Budownictwa Społecznego');
    expect(page.body).toContain('sierżant Krzysztof Turek');
    expect(page.body).toContain('w realizacji');
  });

  it('offers the same words as PDF (A4, page numbers) and DOCX', async () => {
    const page = await browser.get(`/plany/${krasnystaw}`);
    const pdf = await t.app.inject(`/plany/${krasnystaw}/plan.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pdfText = flat(execFileSync('pdftotext', ['-', '-'], { input: pdf.rawPayload }).toString());
    expect(execFileSync('pdfinfo', ['-'], { input: pdf.rawPayload }).toString()).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(pdfText).toMatch(/1\s*\/\s*2/);
    const docx = await t.app.inject(`/plany/${krasnystaw}/plan.docx`);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const docxWords = flat(await docxText(docx.rawPayload));
    // Every paragraph of the page's document is in both files, in Polish letters
    // (only the document's: the list of similar plans below it names other plans' goals)
    const start = page.body.indexOf('<article class="plan-document"');
    const document = page.body.slice(start, page.body.indexOf('</article>', start));
    const paragraphs = [...document.matchAll(/<(?:p|li|h1|h2)[^>]*>([^<]{20,})<\/(?:p|li|h1|h2)>/g)].map((m) =>
      flat(m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&')),
    );
    const inDocument = paragraphs.filter((p) => p.includes('Towarzystw') || p.includes('zagrożeń') || p.includes('oszustw'));
    expect(inDocument.length).toBeGreaterThan(5);
    for (const paragraph of inDocument) {
      expect(pdfText).toContain(paragraph);
      expect(docxWords).toContain(paragraph);
    }
  });

  it('finds plans in the library by word forms and lists similar plans', async () => {
    const library = await browser.get(`/plany?q=${encodeURIComponent('oszustwami')}`);
    expect(library.statusCode).toBe(200);
    expect(library.body).toMatch(/2 plany/);
    expect(library.body).toContain(`href="/plany/${running}"`);
    expect(library.body).toContain(world.districts.a1.name);
    const page = await browser.get(`/plany/${krasnystaw}`);
    const similar = page.body.slice(page.body.indexOf('Podobne plany'));
    expect(similar).toContain(`href="/plany/${running}"`); // the other fraud plan
    expect(similar).toContain(world.districts.a1.name);
  });

  it('links the current plan from the district page, and feeds new plans as Atom', async () => {
    const district = await browser.get(`/rejony/${world.districts.a3.id}`);
    expect(district.body).toContain(`href="/plany/${krasnystaw}"`);
    const feed = await t.app.inject('/plany.atom');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    // An entry for each published plan (the world's running plan, the imported one, any a test published), and only those.
    const entries = [...feed.body.matchAll(/<entry><id>urn:uuid:([^<]+)<\/id>/g)].map((m) => m[1]);
    const published = ((await new TestClient(t.app).get('/api/v1/plans')).json().plans as { id: string }[]).map((p) => p.id);
    expect(entries).toEqual(expect.arrayContaining([krasnystaw, running]));
    expect([...entries].sort()).toEqual([...published].sort());
    // RFC 4287: the feed and every entry have an id, a title, an update time; an author names who published.
    expect(feed.body).toMatch(
      /^<\?xml[^>]*\?><feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"><id>[^<]+<\/id><title>[^<]+<\/title><updated>\d{4}-\d\d-\d\dT[^<]+<\/updated><author><name>Dzielnicowy<\/name><\/author>/,
    );
    for (const entry of feed.body.match(/<entry>.*?<\/entry>/g)!) {
      expect(entry).toMatch(
        /<id>[^<]+<\/id><title>[^<]+<\/title><link href="[^"]+"\/><updated>[^<]+<\/updated><author><name>Komend[^<]+<\/name><\/author>/,
      );
    }
    expect(feed.body).toContain(`<link href="http://localhost:80/plany/${krasnystaw}"/>`);
    // Ids never change with the address the feed is read on (RFC 4287 §4.2.6), and dates are Polish.
    expect(feed.body).toContain(`<entry><id>urn:uuid:${krasnystaw}</id>`);
    const feedId = /^<\?xml[^>]*\?><feed[^>]*><id>(urn:uuid:[0-9a-f-]{36})<\/id>/.exec(feed.body)?.[1];
    expect(feedId).toBeDefined();
    const elsewhere = await t.app.inject({ url: '/plany.atom', headers: { host: 'inny.example' } });
    expect(elsewhere.body).toContain(`<id>${feedId}</id>`);
    expect(elsewhere.body).toContain(`<entry><id>urn:uuid:${krasnystaw}</id>`);
    expect(feed.body).toMatch(
      /<title>Plan działania priorytetowego: [^<]*\(\d{1,2} [a-ząćęłńóśźż]+ \d{4} – \d{1,2} [a-ząćęłńóśźż]+ \d{4}\)<\/title>/,
    );
  });

  it('gives every anonymous reader the same page in their language, staff their own, and shows a change at once', async () => {
    // A plan published but not started yet; not about fraud: the library's search for fraud and the
    // similar plans are about the two plans above.
    const base = worldPlanContent('Kradzieże z piwnic.', '2060-01-01', '2060-06-30');
    const created = await officer.send('POST', '/api/v1/plans', {
      districtId: world.districts.a3.id,
      periodFrom: '2060-01-01',
      periodTo: '2060-06-30',
      content: {
        ...base,
        threat: { ...base.threat, category: 'theft_burglary', places: 'piwnice bloków' },
        goal: { ...base.goal, description: 'Mniej kradzieży z piwnic o 20 procent.' },
      },
    });
    expect(created.statusCode).toBe(201);
    const published = created.json().id as string;
    await transitions(published, [
      [officer, 'submit'],
      [supervisor, 'approve'],
      [supervisor, 'publish'],
    ]);
    const status = (body: string) => /Stan: <strong[^>]*>([^<]+)</.exec(body)?.[1];
    const first = await browser.get(`/plany/${published}`);
    expect(status(first.body)).toBe('opublikowany');
    expect(first.headers['set-cookie']).toBeUndefined();
    const again = await new TestClient(t.app, { headers: { accept: 'text/html' } }).get(`/plany/${published}`);
    expect(again.body).toBe(first.body);
    const english = await new TestClient(t.app, { headers: { accept: 'text/html', 'accept-language': 'en' } }).get(`/plany/${published}`);
    expect(english.body).toContain('published');
    expect(status(english.body)).toBeUndefined();
    expect((await supervisor.get(`/plany/${published}`)).body).toContain(`href="/admin/plans/${published}"`);
    expect((await browser.get(`/plany/${published}`)).body).not.toContain(`/admin/plans/${published}`);
    const started = await supervisor.send('POST', `/api/v1/plans/${published}/transitions`, { transition: 'start' });
    expect(started.statusCode).toBe(200);
    const after = await browser.get(`/plany/${published}`);
    expect(status(after.body)).toBe('w realizacji');
  });

  it('does not show plans that were never published', async () => {
    const draft = (
      await officer.send('POST', '/api/v1/plans', { districtId: world.districts.a3.id, periodFrom: '2050-01-01', periodTo: '2050-06-30' })
    ).json();
    expect((await browser.get(`/plany/${draft.id}`)).statusCode).toBe(404);
    expect((await browser.get(`/plany/${draft.id}/plan.pdf`)).statusCode).toBe(404);
    expect((await new TestClient(t.app).get(`/api/v1/plans/${draft.id}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/v1/plans/${draft.id}`)).json().working.status).toBe('draft');
  });
});
