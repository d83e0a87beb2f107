import { allowReportsPerIp } from '../support/settings.js';
import { expect, it } from 'vitest';
import { inspectPage, signedInPage, useAppAndBrowser } from '../support/browser-app.js';
import { describeWithBrowser, screenshot, viewports } from '../support/browser.js';
import { wholeStreetsOf, world } from '../support/world.js';
import { exifOf, jpegWithGps, minimalPdf } from '../support/attachment-files.js';

/** Streets of a1, one per test, so no report is offered as similar to another. */
const [withoutScript, withScript, comingBack, oneRefused] = wholeStreetsOf(world.districts.a1) as [string, string, string, string];

// Every page here comes from one address (127.0.0.1): allow more than KMZB's one report a day.
const running = useAppAndBrowser('attachments', {}, (db) => allowReportsPerIp(db, 100));

const file = (name: string, mimeType: string, buffer: Buffer) => ({ name, mimeType, buffer });

/** What the browser holds for a form that may come back (web/islands/held-files.ts), read as the page would. */
function heldFileNames(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const opened = indexedDB.open('dzielnicowy');
    opened.onerror = () => reject(new Error(opened.error?.message ?? 'IndexedDB did not open'));
    opened.onsuccess = () => {
      const db = opened.result;
      if (!db.objectStoreNames.contains('held-files')) return resolve([]);
      const read = db.transaction('held-files').objectStore('held-files').get('report-form');
      read.onsuccess = () => resolve(((read.result as { files: File[] } | undefined)?.files ?? []).map((f) => f.name));
    };
  });
}

/** The police officer of a1 opens the report, sees its photo listed and downloads it: no EXIF in it. */
async function policeDownloadPhoto(reportPath: string) {
  const page = await signedInPage(running, world.accounts.officerA1, 'phone');
  const id = /\/zgloszenia\/(\d+)/.exec(reportPath)![1]!;
  await page.goto(`${running.app.url}/admin/reports/${id}`);
  const link = page.getByRole('link', { name: /Pobierz załącznik 1: 1\. zdjęcie JPEG/ });
  expect(await link.isVisible()).toBe(true);
  await inspectPage(page, 'attachments-police-phone');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(`zgloszenie-${id}-1.jpg`);
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk);
  expect(exifOf(Buffer.concat(chunks))).toEqual({ exif: false, gps: false });
  await page.context().close();
}

describeWithBrowser('attaching a photo to a report at 360 px', () => {
  it('works without JavaScript: a plain file input in a multipart form', async () => {
    const context = await running.browser.newContext({ viewport: viewports.phone, locale: 'pl-PL', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${running.app.url}/zglos`);
    // axe needs scripts on the page: the form is checked with JavaScript in the next test.
    await screenshot(page, 'attachments-form-noscript-phone');
    await page.getByLabel('Adres (miejscowość, ulica i numer)').fill(`${withoutScript} 3`);
    await page.getByLabel('Rodzaj zagrożenia').selectOption({ label: 'Dzikie wysypiska śmieci' });
    await page.getByLabel('Zdjęcia lub pliki (opcjonalnie)').setInputFiles([file('IMG_0042.jpg', 'image/jpeg', await jpegWithGps())]);
    await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    expect(new URL(page.url()).pathname).toMatch(/^\/zgloszenia\/\d+$/);
    expect(await page.getByRole('heading', { name: 'Dziękujemy za zgłoszenie' }).isVisible()).toBe(true);
    expect(await page.content()).not.toMatch(/IMG_0042|załącznik/i);
    const reportPath = new URL(page.url()).pathname;
    await context.close();
    await policeDownloadPhoto(reportPath);
  });

  it('with JavaScript lists the chosen files, lets one remove a file and refuses a fourth before sending', async () => {
    const context = await running.browser.newContext({ viewport: viewports.phone, locale: 'pl-PL' });
    const page = await context.newPage();
    await page.goto(`${running.app.url}/zglos`);
    await inspectPage(page, 'attachments-form-phone');
    const input = page.getByLabel('Zdjęcia lub pliki (opcjonalnie)');
    const photo = await jpegWithGps();
    await input.setInputFiles([file('zdjecie.jpg', 'image/jpeg', photo), file('pismo.pdf', 'application/pdf', minimalPdf())]);
    const chosen = page.getByRole('list', { name: 'Wybrane pliki' }).getByRole('listitem');
    await expect.poll(() => chosen.count()).toBe(2);
    expect(await chosen.first().textContent()).toMatch(/zdjecie\.jpg \(\d+(,\d)? (B|kB)\)/);
    // A second choice adds to the first: four files are one too many, and the form says so before sending.
    await input.setInputFiles([file('a.txt', 'text/plain', Buffer.from('a')), file('b.txt', 'text/plain', Buffer.from('b'))]);
    await expect.poll(() => chosen.count()).toBe(4);
    expect(await page.getByRole('alert').textContent()).toBe('Można dołączyć najwyżej 3 pliki. Usuń nadmiarowe pliki.');
    await page.getByLabel('Adres (miejscowość, ulica i numer)').fill(`${withScript} 5`);
    await page.getByLabel('Rodzaj zagrożenia').selectOption({ label: 'Dzikie wysypiska śmieci' });
    await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    expect(new URL(page.url()).pathname).toBe('/zglos');
    await inspectPage(page, 'attachments-form-too-many-phone');

    await page.getByRole('button', { name: 'Usuń plik b.txt' }).click();
    await page.getByRole('button', { name: 'Usuń plik a.txt' }).click();
    await expect.poll(() => chosen.count()).toBe(2);
    expect(await page.getByRole('alert').isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    await page.waitForURL(/\/zgloszenia\/\d+/);
    expect(await page.getByRole('heading', { name: 'Dziękujemy za zgłoszenie' }).isVisible()).toBe(true);
    const reportPath = new URL(page.url()).pathname;
    await context.close();
    await policeDownloadPhoto(reportPath);
  });

  it('with JavaScript keeps the chosen files when the form comes back, and forgets them once the report is sent', async () => {
    const context = await running.browser.newContext({ viewport: viewports.phone, locale: 'pl-PL' });
    const page = await context.newPage();
    await page.goto(`${running.app.url}/zglos`);
    const input = page.getByLabel('Zdjęcia lub pliki (opcjonalnie)');
    await input.setInputFiles([file('IMG_0100.jpg', 'image/jpeg', await jpegWithGps())]);
    await page.getByLabel('Adres (miejscowość, ulica i numer)').fill(`${comingBack} 7`);
    // no kind of threat chosen: the form comes back, and a browser would have dropped the photo
    await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    await page.waitForSelector('.error-summary');
    const chosen = page.getByRole('list', { name: 'Wybrane pliki' }).getByRole('listitem');
    await expect.poll(() => chosen.count()).toBe(1);
    expect(await chosen.first().textContent()).toMatch(/^IMG_0100\.jpg \(\d+(,\d)? (B|kB)\)/);
    expect(await page.getByText('Plik wybrany wcześniej jest znów dołączony.', { exact: false }).isVisible()).toBe(true);
    // the server's "choose the files again" is withdrawn; the real error stays
    const summary = await page.locator('.error-summary').textContent();
    expect(summary).toContain('Wybierz kategorię zagrożenia z listy.');
    expect(summary).not.toContain('Wybierz pliki ponownie');
    expect(await input.getAttribute('aria-invalid')).toBeNull();
    await inspectPage(page, 'attachments-form-came-back-phone');

    await page.getByLabel('Rodzaj zagrożenia').selectOption({ label: 'Dzikie wysypiska śmieci' });
    await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    await page.waitForURL(/\/zgloszenia\/\d+/);
    expect(await page.getByRole('heading', { name: 'Dziękujemy za zgłoszenie' }).isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(heldFileNames)).toEqual([]);
    const first = new URL(page.url()).pathname;

    // A second report of the kind on the street is asked about first: the PDF comes along to "send anyway".
    await page.goto(`${running.app.url}/zglos`);
    await input.setInputFiles([file('pismo.pdf', 'application/pdf', minimalPdf())]);
    await page.getByLabel('Adres (miejscowość, ulica i numer)').fill(`${comingBack} 9`);
    await page.getByLabel('Rodzaj zagrożenia').selectOption({ label: 'Dzikie wysypiska śmieci' });
    await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    await page.waitForSelector('h1:has-text("Podobne zgłoszenia w pobliżu")');
    await expect.poll(() => chosen.count()).toBe(1);
    expect(await chosen.first().textContent()).toMatch(/^pismo\.pdf/);
    await page.getByRole('button', { name: 'To inne zagrożenie – wyślij moje zgłoszenie' }).click();
    await page.waitForURL(/\/zgloszenia\/\d+/);
    const second = new URL(page.url()).pathname;
    expect(second).not.toBe(first);
    await context.close();

    await policeDownloadPhoto(first);
    const police = await signedInPage(running, world.accounts.officerA1, 'phone');
    await police.goto(`${running.app.url}/admin/reports/${/\d+$/.exec(second)![0]}`);
    expect(await police.getByRole('link', { name: /Pobierz załącznik 1: 1\. dokument PDF/ }).isVisible()).toBe(true);
    await police.context().close();
  });

  it('with JavaScript puts back the good files after one is refused, and leaves the refused one out', async () => {
    const context = await running.browser.newContext({ viewport: viewports.phone, locale: 'pl-PL' });
    const page = await context.newPage();
    await page.goto(`${running.app.url}/zglos`);
    const input = page.getByLabel('Zdjęcia lub pliki (opcjonalnie)');
    // text named as a photo: refused for itself (415); the photo beside it is fine
    await input.setInputFiles([
      file('udawane.jpg', 'image/jpeg', Buffer.from('to nie jest zdjęcie')),
      file('IMG_0200.jpg', 'image/jpeg', await jpegWithGps()),
    ]);
    await page.getByLabel('Adres (miejscowość, ulica i numer)').fill(`${oneRefused} 11`);
    await page.getByLabel('Rodzaj zagrożenia').selectOption({ label: 'Dzikie wysypiska śmieci' });
    await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    await page.waitForSelector('.error-summary');
    const chosen = page.getByRole('list', { name: 'Wybrane pliki' }).getByRole('listitem');
    await expect.poll(() => chosen.count()).toBe(1);
    expect(await chosen.first().textContent()).toMatch(/^IMG_0200\.jpg/);
    // the refusal stays, naming the file, without asking to choose the files again
    const error = await page.locator('#field-attachments-error').textContent();
    expect(error).toContain('„udawane.jpg”');
    expect(error).not.toContain('Wybierz pliki ponownie');
    expect(await page.locator('.error-summary').textContent()).not.toContain('Wybierz pliki ponownie');
    await inspectPage(page, 'attachments-one-refused-phone');
    await page.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();
    await page.waitForURL(/\/zgloszenia\/\d+/);
    const reportPath = new URL(page.url()).pathname;
    await context.close();
    await policeDownloadPhoto(reportPath);
  });
});
