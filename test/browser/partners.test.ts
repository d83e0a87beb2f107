import { expect, it } from 'vitest';
import { inspectPage, signedInPage, useAppAndBrowser } from '../support/browser-app.js';
import { describeWithBrowser } from '../support/browser.js';
import { inFactory } from '../support/factories.js';
import { world } from '../support/world.js';

/**
 * The partner registry as the staff of a unit use it on a phone (360 px) and on a desktop: the
 * list with its search and type filter, a partner's page with the plans it takes part in, and the
 * new-partner form offering a near name instead of a new entry; axe-clean, no sideways scrolling.
 */
const unitId = world.units.a.id;
const running = useAppAndBrowser('partners', {}, (db) =>
  inFactory(db, (trx) =>
    trx
      .insertInto('partners')
      .values([
        {
          unit_id: unitId,
          name: 'Miejski Ośrodek Pomocy Społecznej w Borowie – Dział Pomocy Środowiskowej i Przeciwdziałania Przemocy',
          kind: 'social_welfare',
          contact_person: 'Katarzyna Wiśniewska-Zielińska',
          phone: '81 855 20 12 wew. 123',
          email: 'dzial.pomocy.srodowiskowej@mops-borowo.example.pl',
          address: 'ul. Długa 15, 21-100 Borowo',
          note: null,
        },
        {
          unit_id: unitId,
          name: 'Zarząd Dróg Powiatowych w Borowie',
          kind: 'road_authority',
          contact_person: null,
          phone: null,
          email: null,
          address: null,
          note: null,
        },
      ])
      .execute(),
  ),
);

describeWithBrowser.each(['phone', 'desktop'] as const)('the partner registry on a %s', (viewport) => {
  it('lists, filters and opens partners, and offers a near name instead of a new entry', async () => {
    const page = await signedInPage(running, world.accounts.supervisorA, viewport);
    await page.goto(`${running.app.url}/admin/partners`);
    await expect.poll(() => page.getByRole('link', { name: 'Zarząd Dróg Powiatowych w Borowie' }).count()).toBe(1);
    await inspectPage(page, `partners-list-${viewport}`);

    await page.getByLabel('Rodzaj').selectOption('road_authority');
    await page.getByRole('button', { name: 'Filtruj' }).click();
    await page.waitForURL(/kind=road_authority/);
    expect(await page.getByRole('link', { name: /Miejski Ośrodek/ }).count()).toBe(0);

    await page.getByRole('link', { name: 'Zarząd Dróg Powiatowych w Borowie' }).click();
    await page.waitForURL(/\/admin\/partners\/[0-9a-f-]{36}$/);
    await inspectPage(page, `partner-page-${viewport}`);

    await page.goto(`${running.app.url}/admin/partners/new`);
    await page.getByLabel('Nazwa').fill('ZDP w Borowie');
    await page.getByLabel('Rodzaj').selectOption('road_authority');
    await page.getByRole('button', { name: 'Dodaj do rejestru' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /podobne nazwy/ }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Zarząd Dróg Powiatowych w Borowie' }).count()).toBe(1);
    await inspectPage(page, `partner-similar-${viewport}`);
    await page.context().close();
  }, 180_000);
});

describeWithBrowser('partners in the plan editor on a phone', () => {
  it('asks which registry partner a near name is, instead of adding a second entry, and links the one chosen', async () => {
    const page = await signedInPage(running, world.officerOf.a1!, 'phone');
    page.setDefaultTimeout(30_000);
    await page.goto(`${running.app.url}/admin/plans/new`);
    // The officer's one district is chosen already.
    await page.locator('#field-periodFrom').fill('2034-01-01');
    await page.locator('#field-periodTo').fill('2034-06-30');
    await page.locator('form[action="/admin/plans/new"] button[type="submit"]').click();
    await page.waitForURL(/\/admin\/plans\/[^/?#]+\?done=create$/);
    await page.locator('button[name="intent"][value="add-partner"]').click();
    await page.getByLabel('Nazwa podmiotu').fill('Zarząd Dróg Powiatowych Borowo');
    await page.getByRole('button', { name: 'Zapisz szkic' }).click();
    const question = page.getByRole('group', { name: 'Czy to podmiot z rejestru?' });
    await expect.poll(() => question.count()).toBe(1);
    await inspectPage(page, 'plan-editor-partner-choice-phone');
    await question.getByLabel('Tak: Zarząd Dróg Powiatowych w Borowie').check();
    await page.getByRole('button', { name: 'Zapisz szkic' }).click();
    await expect.poll(() => page.getByRole('group', { name: 'Czy to podmiot z rejestru?' }).count()).toBe(0);
    expect(await page.getByLabel('Nazwa podmiotu').inputValue()).toBe('Zarząd Dróg Powiatowych Borowo');
    await page.context().close();
  }, 180_000);
});
