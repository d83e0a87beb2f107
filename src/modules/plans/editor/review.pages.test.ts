import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../../test/support/databases.js';
import { browserFor, createTestApp, type TestApp } from '../../../../test/support/app.js';
import { world } from '../../../../test/support/world.js';
import { planStatuses } from '../model.js';
import { allTransitions } from '../workflow.js';

/** a3 of unit A has no plans in the world: its officer drafts there, unit A's supervisor reviews. */
const district = world.districts.a3;
const officerA3 = world.officerOf.a3!;
const supervisorA = world.supervisorOf.a;

/** A complete plan as the editor posts it (the officer's own district, a3). */
const filled = {
  periodFrom: '2029-01-01',
  periodTo: '2029-06-30',
  'threat.category': 'fraud',
  'threat.description': 'Oszustwa „na wnuczka” wobec seniorów.',
  'goal.description': 'Zmniejszenie liczby oszustw wobec seniorów.',
  'goal.measurable': 'on',
  'goal.baseline.period': 'II półrocze 2028',
  'goal.baseline.value': '8',
  'goal.target.direction': 'decrease',
  'goal.target.percent': '30',
  'actions.0.description': 'Spotkania z seniorami w klubie seniora.',
  'actions.0.from': '2029-01',
  'actions.0.to': '2029-03',
  'actions.0.who': 'dzielnicowy',
  'actions.0.status': 'planned',
  'partners.0.name': 'Miejski Ośrodek Pomocy Społecznej',
  'partners.0.tasks': 'informowanie podopiecznych',
  'communication.std.0': 'on',
};
/** What a reader sees of a page: its text, without tags, attributes or scripts. */
const visibleText = (html: string) => html.replace(/<script[^]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ');
/** Status and action codes, standing alone ("approve", "in_progress"); a Polish page has none. */
const codeWord = new RegExp(`(^|[^\\p{L}_])(${[...planStatuses, ...allTransitions].join('|')})([^\\p{L}_]|$)`, 'u');

/** The page's notice (role="status"), as text. */
const notice = (html: string) => /<div class="notice notice--success" role="status">([^<]*)<\/div>/.exec(html)?.[1] ?? null;
const history = (html: string) => html.slice(html.indexOf('id="history"'));

describe.each(backends)('what the review pages say after each step, on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it('tells what happened and what comes next, shows the changed figures with the earlier comments, and names people in the history', async () => {
    const officer = await browserFor(t, officerA3);
    const supervisor = await browserFor(t, supervisorA);
    const created = await officer.client.postForm(
      '/admin/plans/new',
      { districtId: district.id, periodFrom: '2029-01-01', periodTo: '2029-06-30' },
      officer.token,
    );
    expect(created.statusCode).toBe(303);
    const url = (created.headers.location as string).split('?')[0]!;
    expect(notice((await officer.client.get(created.headers.location as string)).body)).toBe(
      'Utworzono szkic planu. Uzupełnij pięć części planu i przekaż go do zatwierdzenia do 18 grudnia 2028.',
    );

    const saved = await officer.client.postForm(url, { ...filled, intent: 'save' }, officer.token);
    expect(notice((await officer.client.get(saved.headers.location as string)).body)).toMatch(
      /^Zapisano szkic planu\. Gdy będzie kompletny/,
    );

    const submitted = await officer.client.postForm(url, { ...filled, intent: 'submit' }, officer.token);
    const afterSubmit = (await officer.client.get(submitted.headers.location as string)).body;
    expect(notice(afterSubmit)).toMatch(
      /^Plan przekazano do zatwierdzenia\. Kierownik ma 7 dni \(do \d{1,2} \p{L}+ \d{4}\), aby go zatwierdzić albo zwrócić do poprawy\.$/u,
    );
    expect(afterSubmit).not.toContain('Zapisano.');
    // The same in English.
    officer.client.cookies.set('lang', 'en');
    const english = await officer.client.get(submitted.headers.location as string);
    officer.client.cookies.delete('lang');
    expect(notice(english.body)).toMatch(
      /^The plan was submitted for approval\. The supervisor has 7 days \(until \d{1,2} \p{L}+ \d{4}\)/u,
    );

    // The officer has an address (every account of the world has one): the decision reaches them by e-mail too.
    const returned = await supervisor.client.postForm(
      `${url}/review`,
      {
        intent: 'return',
        'comment.goal': 'Cel 30 % jest zbyt ambitny.',
        'comment.actions.0': 'Przesuń spotkania na kwiecień.',
        'comment.general': 'Popraw i prześlij ponownie.',
      },
      supervisor.token,
    );
    expect(notice((await supervisor.client.get(returned.headers.location as string)).body)).toMatch(
      /^Plan zwrócono do poprawy z uwagami\./,
    );

    // The officer reads the comments under the sections' Polish names, never the codes.
    const toCorrect = (await officer.client.get(url)).body;
    expect(toCorrect).toContain('<strong>Cel:</strong> Cel 30 % jest zbyt ambitny.');
    expect(toCorrect).toContain('<strong>Działanie 1:</strong> Przesuń spotkania na kwiecień.');
    expect(toCorrect).toContain('<strong>Uwagi ogólne:</strong> Popraw i prześlij ponownie.');
    expect(toCorrect).not.toMatch(/(goal|actions 1|general):/);
    const mails = await t.testDb.database.db
      .selectFrom('outbox')
      .select(['subject', 'body'])
      .where('recipient', '=', officerA3.email)
      .execute();
    expect(mails.map((mail) => mail.subject)).toEqual([`Plan zwrócony do poprawy: ${district.name} / Plan returned for changes`]);
    expect(mails[0]!.body).toContain(
      '- Cel: Cel 30 % jest zbyt ambitny.\n- Działanie 1: Przesuń spotkania na kwiecień.\n- Uwagi ogólne: Popraw i prześlij ponownie.',
    );
    expect(mails[0]!.body).toContain(`Decyzja: ${supervisorA.displayName}.`);
    expect(mails[0]!.body).not.toMatch(/(goal|actions 1|general):/);

    // Only the figure and the action's deadline change; the goal's text stays as it was.
    await officer.client.postForm(
      url,
      { ...filled, 'goal.target.percent': '20', 'actions.0.to': '2029-04', intent: 'submit' },
      officer.token,
    );
    const review = (await supervisor.client.get(url)).body;
    const goal = review.slice(review.indexOf('<h4>2. Zakładany cel do osiągnięcia</h4>'), review.indexOf('<h4>3. Proponowane działania'));
    expect(goal).not.toContain('Bez zmian.');
    expect(goal).toContain(`Uwaga do wersji 1 (${supervisorA.displayName}):</strong> Cel 30 % jest zbyt ambitny.`);
    expect(goal).toMatch(
      /<del><span class="visually-hidden">usunięto: <\/span>30<\/del><span> <ins><span class="visually-hidden">dodano: <\/span>20<\/ins><\/span>/,
    );
    const action = review.slice(review.indexOf('<h5 class="repeat__title">Działanie 1</h5>'));
    expect(action).toContain('Przesuń spotkania na kwiecień.');
    // The deadline in Polish dates: the old day and month removed, a space, the new ones added.
    expect(action).toContain(
      '<dt>Termin działania</dt><dd><p class="diff"><del><span class="visually-hidden">usunięto: </span>31 marca</del><span> <ins><span class="visually-hidden">dodano: </span>30 kwietnia</ins></span><span> 2029</span></p>',
    );
    expect(review).toContain('Popraw i prześlij ponownie.');
    expect(visibleText(review)).not.toMatch(codeWord);
    expect(visibleText(toCorrect)).not.toMatch(codeWord);
    const threat = review.slice(review.indexOf('<h4>1. Charakterystyka'), review.indexOf('<h4>2. Zakładany'));
    expect(threat).toContain('Bez zmian.');

    const approved = await supervisor.client.postForm(`${url}/review`, { intent: 'approve' }, supervisor.token);
    expect(notice((await supervisor.client.get(approved.headers.location as string)).body)).toMatch(
      /^Plan zatwierdzono\. Następny krok to publikacja: 7 dni \(do /,
    );
    const published = await supervisor.client.postForm(`${url}/transition`, { transition: 'publish' }, supervisor.token);
    const afterPublish = (await supervisor.client.get(published.headers.location as string)).body;
    expect(notice(afterPublish)).toBe(
      'Plan opublikowano: mieszkańcy widzą go na stronie rejonu i w bibliotece planów. Realizacja trwa od 1 stycznia 2029 do 30 czerwca 2029.',
    );

    // The history names people, and its steps and statuses are words.
    const steps = history(afterPublish);
    expect(steps).toContain(`${officerA3.displayName}: Przekazanie do zatwierdzenia → czeka na zatwierdzenie`);
    expect(steps).toContain(`${supervisorA.displayName}: Zwrot do poprawy → zwrócony do poprawy`);
    expect(steps).toContain(`${supervisorA.displayName}: Publikacja → opublikowany`);
    expect(steps).not.toContain(officerA3.login);
    expect(steps).not.toContain(supervisorA.login);
    expect(visibleText(afterPublish)).not.toMatch(codeWord);
  });
});
