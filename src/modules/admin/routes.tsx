import type { FastifyInstance } from 'fastify';
import { requireAllowed } from '../../platform/auth/guards.js';
import { subjectMay, type Action } from '../../platform/auth/policy.js';
import { defineMessages, formatNumber } from '../../platform/i18n/i18n.js';
import type { Db } from '../../platform/db/database.js';
import { subjectOf } from '../access/index.js';
import { personDistricts } from '../districts/index.js';
import { waitingReportCount } from '../reports/index.js';
import { pageContext } from '../../platform/http/request-context.js';
import { Layout } from '../../platform/render/layout.js';
import { sendPage } from '../../platform/render/render.js';

const messages = defineMessages({
  pl: {
    title: 'Panel',
    dashboard: 'Tablica rejonów',
    dashboardText: 'Każdy rejon na jednym ekranie: dzielnicowy, plan i jego stan, terminy, zgłoszenia po terminie; CSV.',
    plans: 'Plany działań priorytetowych',
    plansText: 'Szkice, plany do zatwierdzenia, terminy, import dokumentów.',
    partners: 'Podmioty współpracujące',
    partnersText: 'Rejestr instytucji i organizacji: rodzaj, kontakt, udział w planach i zadania w każdym z nich.',
    meetings: 'Spotkania i debaty',
    meetingsText: 'Zapowiadanie spotkań z mieszkańcami, zmiany, odwołania i ich przebieg (liczba uczestników, tematy).',
    reports: 'Zgłoszenia zagrożeń (KMZB)',
    reportsText: 'Nowe zgłoszenia mieszkańców do weryfikacji, terminy, statusy i historia.',
    indicators: 'Dane wskaźnikowe',
    indicatorsText: 'Liczby zdarzeń i interwencji z pliku CSV, na których mierzy się cele planów; ostatnie importy.',
    categories: 'Kategorie zagrożeń',
    categoriesText: 'Katalog kategorii KMZB: dodawanie, zmiana nazw, wycofywanie.',
    waiting: (n: number) => `Nowe, czekające na podjęcie: ${formatNumber(n, 'pl')}.`,
    lead: 'Zarządzaj danymi jednostek, za które odpowiadasz.',
    districts: 'Rejony służbowe',
    districtsText: 'Obszary rejonów, telefony i e-maile, dzielnicowi i zastępstwa.',
    officers: 'Policjanci',
    officersText: 'Stopnie i nazwiska policjantów, których można przydzielać do rejonów.',
    units: 'Jednostki',
    unitsText: 'Jednostki podległe i ich dane kontaktowe na stronach publicznych.',
    importExport: 'Import i eksport',
    importExportText: 'Ulice rejonów z pliku CSV, obszary z pliku GeoJSON; pobieranie danych.',
    accounts: 'Konta użytkowników',
    accountsText: 'Dodawaj konta, nadawaj role, blokuj dostęp, ustawiaj nowe hasła.',
    settings: 'Ustawienia',
    settingsText:
      'Limity zgłoszeń, terminy, okresy przechowywania danych, załączniki, mapa i przypomnienia: wartości krajowe i zaostrzenia województwa.',
    audit: 'Dziennik zmian',
    auditText: 'Kto, kiedy i co zmienił; logowania i nieudane próby logowania.',
  },
  en: {
    title: 'Workspace',
    dashboard: 'Districts dashboard',
    dashboardText: 'Every district on one screen: officer, plan and status, deadlines, overdue reports; CSV.',
    plans: 'Priority action plans',
    plansText: 'Drafts, plans to approve, deadlines, importing documents.',
    partners: 'Partner organisations',
    partnersText: 'The registry of institutions and organisations: type, contact, the plans each takes part in and its tasks there.',
    meetings: 'Meetings and debates',
    meetingsText: 'Announcing meetings with residents, changes, cancellations and their outcome (participants, topics).',
    reports: 'Threat reports (KMZB)',
    reportsText: 'Residents’ new reports to verify, deadlines, statuses and history.',
    indicators: 'Indicator data',
    indicatorsText: "Counts of incidents and interventions from CSV, on which plans' goals are measured; the last imports.",
    categories: 'Threat categories',
    categoriesText: 'The KMZB category catalogue: add, rename, retire.',
    waiting: (n: number) => `New, waiting to be taken up: ${formatNumber(n, 'en')}.`,
    lead: 'Manage the data of the units you are responsible for.',
    districts: 'Districts',
    districtsText: 'District areas, phones and e-mails, officers and substitutes.',
    officers: 'Officers',
    officersText: 'Ranks and names of the officers who can be assigned to districts.',
    units: 'Units',
    unitsText: 'Subordinate units and their contact details on the public pages.',
    importExport: 'Import and export',
    importExportText: 'District streets from CSV, areas from GeoJSON; downloads.',
    accounts: 'User accounts',
    accountsText: 'Add accounts, assign roles, disable access, set new passwords.',
    settings: 'Settings',
    settingsText:
      'Report limits, deadlines, retention periods, attachments, the map and reminders: national values and a voivodeship’s tightening.',
    audit: 'Audit log',
    auditText: 'Who changed what and when; sign-ins and failed sign-in attempts.',
  },
});

export function registerAdminHome(app: FastifyInstance, db: Db): void {
  app.get('/admin', { config: { access: 'staff.area' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'staff.area');
    const ctx = pageContext(request, reply);
    const districts = await personDistricts(db, principal);
    const waiting = await waitingReportCount(db, 'ids' in districts ? { districtIds: districts.ids } : districts);
    const m = messages[ctx.lang];
    // Each card shows to those who may open its page (platform/auth/policy.ts): the role and the
    // person's own facts (national settings are for the top unit's administrators, not every one).
    const subject = await subjectOf(db, principal, false);
    const cards: [string, string, string, Action][] = [
      ['/admin/dashboard', m.dashboard, m.dashboardText, 'dashboard.read'],
      ['/admin/plans', m.plans, m.plansText, 'plan.read_working'],
      ['/admin/partners', m.partners, m.partnersText, 'partner.read'],
      ['/admin/meetings', m.meetings, m.meetingsText, 'meeting.manage'],
      ['/admin/reports', m.reports, `${m.reportsText} ${m.waiting(waiting)}`, 'report.read_staff'],
      [`/admin/units/${encodeURIComponent(principal.unitId)}/indicators`, m.indicators, m.indicatorsText, 'indicator.read'],
      ['/admin/report-categories', m.categories, m.categoriesText, 'report.categories'],
      ['/admin/districts', m.districts, m.districtsText, 'register.read_staff'],
      ['/admin/officers', m.officers, m.officersText, 'register.read_staff'],
      ['/admin/units', m.units, m.unitsText, 'register.edit'],
      ['/admin/import', m.importExport, m.importExportText, 'register.edit'],
      ['/admin/accounts', m.accounts, m.accountsText, 'account.manage'],
      ['/admin/audit', m.audit, m.auditText, 'audit.read'],
      ['/admin/settings', m.settings, m.settingsText, 'settings.manage'],
    ];
    return sendPage(
      reply,
      <Layout ctx={ctx} title={m.title}>
        <h1>{m.title}</h1>
        <p className="lead">{m.lead}</p>
        <div className="cards">
          {cards
            .filter(([, , , action]) => subjectMay(subject, action))
            .map(([href, title, text]) => (
              <section className="card" key={href}>
                <h2>
                  <a href={href}>{title}</a>
                </h2>
                <p>{text}</p>
              </section>
            ))}
        </div>
      </Layout>,
    );
  });
}
