import type { ReactNode } from 'react';
import type { MapTiles } from '../../../platform/config/config.js';
import { MapIsland } from '../../../platform/render/map-island.js';
import type { PageContext } from '../../../platform/render/page-context.js';
import { Layout } from '../../../platform/render/layout.js';
import { type Unit, unitUrl } from '../../units/index.js';
import type { StreetRule } from '../area/types.js';
import type { DistrictCard } from '../locator/register.js';
import { AreaList, DistrictContactCard, telHref } from './components.js';
import { UnitContact } from './unit-contact.js';
import { publicMessages } from './messages.js';

/** The container the map island enhances; without JavaScript it says how to search instead. */
export function MapContainer({
  ctx,
  kind,
  map,
  areaUrl,
  view,
  statusId,
  label,
}: {
  ctx: PageContext;
  kind: 'locator' | 'area';
  map: MapTiles;
  areaUrl?: string;
  /** Where the map opens when nothing on it sets the view (the island's default otherwise). */
  view?: MapView;
  statusId?: string;
  label: string;
}) {
  return (
    <MapIsland
      kind={kind}
      tiles={map}
      label={label}
      fallback={publicMessages[ctx.lang].mapNoScript}
      data={{
        'data-area-url': areaUrl,
        'data-status': statusId,
        'data-center': view && `${view.lat},${view.lon}`,
        'data-zoom': view && String(view.zoom),
      }}
    />
  );
}

/** A map's centre and zoom. */
export interface MapView {
  lat: number;
  lon: number;
  zoom: number;
}

export function DistrictPage({
  ctx,
  card,
  rules,
  unit,
  map,
  plans,
  meetings,
  follow,
}: {
  ctx: PageContext;
  card: DistrictCard;
  rules: StreetRule[];
  unit: Unit;
  map: MapTiles;
  /** Current, coming and (when none is current) the latest archived plan, each labelled (plans/read-plans.ts). */
  plans: { url: string; label: string; timing: 'current' | 'upcoming' | 'past' }[];
  /** The district's meetings and debates (meetings/pages.tsx), rendered by the meetings module. */
  meetings?: ReactNode;
  /** "Follow this district": e-mail and Atom feed (subscriptions/pages.tsx). */
  follow?: ReactNode;
}) {
  const m = publicMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={`${card.name} – ${unit.name}`}>
      <p className="caption">{unit.name}</p>
      <h1>{card.name}</h1>
      <DistrictContactCard lang={ctx.lang} card={card} linkToDistrict={false} />
      <h2>{m.area}</h2>
      <AreaList lang={ctx.lang} rules={rules} />
      {card.hasPolygon && (
        <>
          <h2>{m.mapOfArea}</h2>
          <MapContainer ctx={ctx} kind="area" map={map} areaUrl={`/api/v1/districts/${card.id}/area.geojson`} label={m.mapOfArea} />
        </>
      )}
      <h2>{m.plan}</h2>
      {plans.length === 0 && <p>{m.noPlan}</p>}
      {plans.length > 0 && !plans.some((p) => p.timing === 'current') && <p>{m.noCurrentPlan}</p>}
      {plans.length > 0 && (
        <ul>
          {plans.map((p) => (
            <li key={p.url}>
              <a href={p.url}>{p.label}</a>
            </li>
          ))}
        </ul>
      )}
      {meetings}
      {follow}
      <p>
        <a href={`${card.url}/plakat.pdf`}>{m.poster}</a>
      </p>
      <UnitContact lang={ctx.lang} unit={unit} linkToUnit />
    </Layout>
  );
}

export function UnitPage({
  ctx,
  unit,
  parent,
  children,
  cards,
  meetings,
}: {
  ctx: PageContext;
  unit: Unit;
  parent: Unit | null;
  children: Unit[];
  cards: DistrictCard[];
  /** The unit's meetings and debates (meetings/pages.tsx). */
  meetings?: ReactNode;
}) {
  const m = publicMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={unit.name}>
      {parent && (
        <p className="caption">
          <a href={unitUrl(parent.id)}>{parent.name}</a>
        </p>
      )}
      <h1>{unit.name}</h1>
      <UnitContact lang={ctx.lang} unit={unit} linkToUnit={false} />
      <h2>
        {m.districts} <span className="muted small">({m.districtCount(cards.length)})</span>
      </h2>
      {cards.length === 0 ? (
        <p>{m.noDistricts}</p>
      ) : (
        <ul className="district-list">
          {cards.map((card) => (
            <li key={card.id}>
              <a href={card.url}>{card.name}</a>
              <span className="district-list__officer">
                {card.officer
                  ? `${card.officer.rank} ${card.officer.name}${card.officer.substitute ? ` (${m.substitute.toLowerCase()})` : ''}`
                  : unit.phone || unit.email
                    ? m.vacant
                    : m.vacantNoContact}
              </span>
              {card.phone && (
                <a className="district-list__phone" href={telHref(card.phone)}>
                  {card.phone}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {meetings}
      {children.length > 0 && (
        <>
          <h2>{m.subordinateUnits}</h2>
          <ul>
            {children.map((child) => (
              <li key={child.id}>
                <a href={unitUrl(child.id)}>{child.name}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
