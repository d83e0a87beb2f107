import type { PageContext } from '../../platform/render/page-context.js';
import { Layout } from '../../platform/render/layout.js';
import { defineMessages } from '../../platform/i18n/i18n.js';
import { type Unit, asTree, unitUrl } from '../units/index.js';
import { SearchForm, MapContainer, publicMessages, type MapView } from '../districts/index.js';
import type { MapTiles } from '../../platform/config/config.js';

const messages = defineMessages({
  pl: {
    title: 'Znajdź swojego dzielnicowego',
    emergency: 'W nagłych sytuacjach dzwoń pod numer alarmowy 112.',
    mapLabel: 'Mapa: kliknij miejsce, aby znaleźć dzielnicowego',
    units: 'Jednostki Policji w serwisie',
    noUnits: 'Nie dodano jeszcze żadnej jednostki.',
    staff: 'Dla funkcjonariuszy',
    staffText: 'Dzielnicowi, kierownicy i administratorzy logują się kontem nadanym przez administratora jednostki.',
    signIn: 'Zaloguj się',
    openData: 'Otwarte dane',
    openDataText: 'Rejony, jednostki i wyszukiwarka dzielnicowych są dostępne przez udokumentowane API.',
    apiDocs: 'Dokumentacja API',
  },
  en: {
    title: 'Find your district officer',
    emergency: 'In an emergency call 112.',
    mapLabel: 'Map: click a place to find the district officer',
    units: 'Police units in this service',
    noUnits: 'No unit has been added yet.',
    staff: 'For police staff',
    staffText: 'District officers, supervisors and administrators sign in with the account their unit administrator gave them.',
    signIn: 'Sign in',
    openData: 'Open data',
    openDataText: 'Districts, units and the officer finder are available through a documented API.',
    apiDocs: 'API documentation',
  },
});

export function HomePage({
  ctx,
  units,
  map,
  view,
}: {
  ctx: PageContext;
  units: Unit[];
  map: MapTiles;
  /** The map's first view (administrators' settings, map.*). */
  view: MapView;
}) {
  const m = messages[ctx.lang];
  const p = publicMessages[ctx.lang];
  const tree = asTree(units);
  return (
    <Layout ctx={ctx} title={m.title}>
      <h1>{m.title}</h1>
      <p className="lead">{p.findLead}</p>
      <SearchForm lang={ctx.lang} />
      <h2 className="h3">{p.orMap}</h2>
      <p id="map-status" className="muted" aria-live="polite" />
      <MapContainer ctx={ctx} kind="locator" map={map} view={view} statusId="map-status" label={m.mapLabel} />
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
              <span className="unit-tree__kind">{unit.kind}</span> <a href={unitUrl(unit.id)}>{unit.name}</a>
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
