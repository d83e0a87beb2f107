import type { Lang } from '../../../platform/i18n/i18n.js';
import { type Unit, unitUrl } from '../../units/index.js';
import { telHref } from './components.js';
import { publicMessages } from './messages.js';

/** "ul. Lubelska 1, 21-100 Lubartów", or null when nothing of the address is recorded. */
export function unitAddress(unit: Pick<Unit, 'street' | 'postalCode' | 'locality'>): string | null {
  return [unit.street, [unit.postalCode, unit.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null;
}

/**
 * "Kontakt z jednostką": the unit's address, phone and opening hours, each one or "not recorded";
 * when any is missing, to whom to write instead (the unit's e-mail if it has one, else how to reach
 * the police anywhere). `linkToUnit`: on the unit's own page its name is the heading, not a link
 * back to the same page.
 */
export function UnitContact({ lang, unit, linkToUnit }: { lang: Lang; unit: Unit; linkToUnit: boolean }) {
  const m = publicMessages[lang];
  const address = unitAddress(unit);
  const missing = !address || !unit.phone || !unit.openingHours;
  const notRecorded = <span className="muted">{m.notRecorded}</span>;
  return (
    <section aria-labelledby="unit-contact" className="unit-contact">
      <h2 id="unit-contact">{m.unitContact}</h2>
      <dl className="summary-list">
        {linkToUnit && (
          <div className="summary-list__row">
            <dt>{m.unit}</dt>
            <dd>
              <a href={unitUrl(unit.id)}>{unit.name}</a>
            </dd>
          </div>
        )}
        <div className="summary-list__row">
          <dt>{m.address}</dt>
          <dd>{address ?? notRecorded}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{m.phone}</dt>
          <dd>{unit.phone ? <a href={telHref(unit.phone)}>{unit.phone}</a> : notRecorded}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{m.openingHours}</dt>
          <dd>{unit.openingHours ?? notRecorded}</dd>
        </div>
        {unit.email && (
          <div className="summary-list__row">
            <dt>{m.email}</dt>
            <dd>
              <a href={`mailto:${unit.email}`}>{unit.email}</a>
            </dd>
          </div>
        )}
        {unit.website && (
          <div className="summary-list__row">
            <dt>{m.website}</dt>
            <dd>
              <a href={unit.website}>{unit.website.replace(/^https?:\/\//, '')}</a>
            </dd>
          </div>
        )}
      </dl>
      {missing &&
        (unit.email ? (
          <p className="unit-contact__missing">
            {m.contactMissingWrite} <a href={`mailto:${unit.email}`}>{unit.email}</a>.
          </p>
        ) : (
          <p className="unit-contact__missing">{m.contactMissingNational}</p>
        ))}
    </section>
  );
}
