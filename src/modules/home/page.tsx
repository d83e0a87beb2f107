import type { PageContext } from '../../platform/render/page-context.js';
import { Layout } from '../../platform/render/layout.js';
import { defineMessages } from '../../platform/i18n/i18n.js';
import type { Unit } from '../units/model.js';
import { asTree } from '../units/model.js';

const messages = defineMessages({
  pl: {
    title: 'Dzielnicowy — strona główna',
    heading: 'Dzielnicowy',
    lead: 'Każdy rejon służbowy ma swojego dzielnicowego ze stałym telefonem i adresem e-mail. Tu znajdziesz jednostki Policji, które prowadzą serwis, a wkrótce także swojego dzielnicowego, jego plan działania i mapę zgłoszeń.',
    emergency: 'W nagłych sytuacjach dzwoń pod numer alarmowy 112.',
    units: 'Jednostki Policji w serwisie',
    noUnits: 'Nie dodano jeszcze żadnej jednostki.',
    staff: 'Dla funkcjonariuszy',
    staffText: 'Dzielnicowi, kierownicy i administratorzy logują się kontem nadanym przez administratora jednostki.',
    signIn: 'Zaloguj się',
    openData: 'Otwarte dane',
    openDataText: 'Wszystkie publiczne dane są dostępne przez udokumentowane API.',
    apiDocs: 'Dokumentacja API',
  },
  en: {
    title: 'Dzielnicowy — home',
    heading: 'Dzielnicowy',
    lead: 'Every police service district has its own district officer with a fixed phone number and e-mail address. Here you find the police units that run this service, and soon your district officer, their action plan and the map of reports.',
    emergency: 'In an emergency call 112.',
    units: 'Police units in this service',
    noUnits: 'No unit has been added yet.',
    staff: 'For police staff',
    staffText: 'District officers, supervisors and administrators sign in with the account their unit administrator gave them.',
    signIn: 'Sign in',
    openData: 'Open data',
    openDataText: 'All public data is available through a documented API.',
    apiDocs: 'API documentation',
  },
});

export function HomePage({ ctx, units }: { ctx: PageContext; units: Unit[] }) {
  const m = messages[ctx.lang];
  const tree = asTree(units);
  return (
    <Layout ctx={ctx} title={m.title}>
      <h1>{m.heading}</h1>
      <p className="lead">{m.lead}</p>
      <div className="callout callout--warning">
        <p>{m.emergency}</p>
      </div>
      <h2>{m.units}</h2>
      {tree.length === 0 ? (
        <p>{m.noUnits}</p>
      ) : (
        <ul className="unit-tree">
          {tree.map(({ unit, depth }) => (
            <li key={unit.id} className={`unit-tree__item unit-tree__item--depth-${Math.min(depth, 3)}`}>
              <span className="unit-tree__kind">{unit.kind}</span> {unit.name}
            </li>
          ))}
        </ul>
      )}
      <div className="cards">
        {!ctx.principal && (
          <section className="card">
            <h2>{m.staff}</h2>
            <p>{m.staffText}</p>
            <p>
              <a href="/login">{m.signIn}</a>
            </p>
          </section>
        )}
        <section className="card">
          <h2>{m.openData}</h2>
          <p>{m.openDataText}</p>
          <p>
            <a href="/api/docs">{m.apiDocs}</a>
          </p>
        </section>
      </div>
    </Layout>
  );
}
