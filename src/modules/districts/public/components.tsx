import type { Lang } from '../../../platform/i18n/i18n.js';
import type { StreetRule } from '../area/types.js';
import { formatRange } from '../rules-format.js';
import type { DistrictCard } from '../locator/register.js';
import { publicMessages } from './messages.js';

/** "+48 000 000 003" → "tel:+48000000003". */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function SearchForm({ lang, value, id = 'address' }: { lang: Lang; value?: string; id?: string }) {
  const m = publicMessages[lang];
  return (
    <form method="get" action="/szukaj" className="search-form" role="search">
      <div className="field">
        <label className="field__label field__label--large" htmlFor={`field-${id}`}>
          {m.addressLabel}
        </label>
        <p className="field__hint" id={`field-${id}-hint`}>
          {m.addressHint}
        </p>
        <div className="search-form__row">
          <input
            className="input"
            id={`field-${id}`}
            name="adres"
            type="search"
            defaultValue={value}
            autoComplete="street-address"
            aria-describedby={`field-${id}-hint`}
            maxLength={300}
          />
          <button type="submit" className="button search-form__button">
            {m.search}
          </button>
        </div>
      </div>
    </form>
  );
}

/**
 * The answer first: who, phone, e-mail; then the district and unit. A district with neither its
 * officer nor a substitute says the unit covers it, and never that "the officer answers".
 * `linkToDistrict`: false on the district's own page (no link back to the same page).
 */
export function DistrictContactCard({
  lang,
  card,
  headingLevel = 2,
  note,
  linkToDistrict = true,
}: {
  lang: Lang;
  card: DistrictCard;
  headingLevel?: 2 | 3;
  note?: string;
  linkToDistrict?: boolean;
}) {
  const m = publicMessages[lang];
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const districtName = linkToDistrict ? <a href={card.url}>{card.name}</a> : card.name;
  return (
    <section className="officer-card" aria-labelledby={`card-${card.id}`}>
      <Heading className="officer-card__name" id={`card-${card.id}`}>
        {card.officer ? `${card.officer.rank} ${card.officer.name}` : m.district(card.number)}
      </Heading>
      {card.officer ? (
        <p className="officer-card__role">
          {card.officer.substitute ? <strong className="tag tag--yellow">{m.substitute}</strong> : m.officer}, {districtName}
        </p>
      ) : (
        <p className="officer-card__role">
          {districtName}. {m.coveredByUnit(card.unit.name)}
        </p>
      )}
      <dl className="officer-card__contact">
        {card.phone && (
          <div>
            <dt>{m.phone}</dt>
            <dd>
              <a className="officer-card__phone" href={telHref(card.phone)}>
                {card.phone}
              </a>
            </dd>
          </div>
        )}
        {card.email && (
          <div>
            <dt>{m.email}</dt>
            <dd>
              <a href={`mailto:${card.email}`}>{card.email}</a>
            </dd>
          </div>
        )}
        <div>
          <dt>{m.unit}</dt>
          <dd>
            <a href={card.unit.url}>{card.unit.name}</a>
          </dd>
        </div>
      </dl>
      {note && <p className="officer-card__note">{note}</p>}
      <p className="small muted">{card.officer ? m.notEmergency : m.notEmergencyUnit}</p>
    </section>
  );
}

/** A district's area as a readable list, grouped by town or village. */
export function AreaList({ lang, rules }: { lang: Lang; rules: StreetRule[] }) {
  const m = publicMessages[lang];
  if (rules.length === 0) return <p>{m.noArea}</p>;
  const collator = new Intl.Collator('pl');
  const byLocality = new Map<string, StreetRule[]>();
  for (const rule of rules) byLocality.set(rule.locality, [...(byLocality.get(rule.locality) ?? []), rule]);
  const localities = [...byLocality.keys()].sort(collator.compare);
  return (
    <ul className="area-list">
      {localities.map((locality) => {
        const localityRules = byLocality.get(locality)!;
        const whole = localityRules.find((rule) => rule.street === null && rule.numbers === null);
        const streets = localityRules.filter((rule) => rule !== whole).sort((a, b) => collator.compare(a.street ?? '', b.street ?? ''));
        return (
          <li key={locality}>
            <strong>{locality}</strong>
            {whole && ` — ${m.wholeLocality}`}
            {streets.length > 0 && (
              <ul>
                {streets.map((rule, index) => (
                  <li key={`${rule.street}-${index}`}>
                    {rule.street ?? locality}
                    {rule.numbers
                      ? `: ${m.numbers} ${rule.numbers.map((r) => formatRange(r, lang)).join(', ')}`
                      : rule.street
                        ? ` — ${m.wholeStreet}`
                        : ''}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
