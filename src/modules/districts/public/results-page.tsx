import type { PageContext } from '../../../platform/render/page-context.js';
import { Layout } from '../../../platform/render/layout.js';
import { emergencyNotice, notCoveredDetails } from '../locator/not-covered.js';
import type { AddressAnswer, LocateMatch, UnitCard } from '../locator/register.js';
import { AreaList, DistrictContactCard, SearchForm } from './components.js';
import { publicMessages } from './messages.js';

export type ResultsAnswer = AddressAnswer | { kind: 'empty' };

const searchHref = (address: string) => `/szukaj?adres=${encodeURIComponent(address)}`;

/** The answer to /szukaj: server HTML for every kind of answer, usable without JavaScript. */
export function ResultsPage({
  ctx,
  query,
  point,
  answer,
  units,
}: {
  ctx: PageContext;
  query: string;
  point: { lat: number; lon: number } | null;
  answer: ResultsAnswer;
  units: UnitCard[];
}) {
  const m = publicMessages[ctx.lang];
  const title =
    answer.kind === 'found'
      ? m.resultsTitle
      : answer.kind === 'empty'
        ? m.findTitle
        : answer.kind === 'town'
          ? m.townTitle(answer.locality)
          : answer.kind === 'choices'
            ? m.choicesTitle
            : answer.kind === 'not_covered'
              ? m.notCovered(answer.name)
              : m.notFoundTitle;
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {point ? (
        <p className="lead">{m.resultsForPoint(point.lat.toFixed(5), point.lon.toFixed(5))}</p>
      ) : (
        query && <p className="lead">{m.resultsFor(query)}</p>
      )}
      {answer.kind === 'empty' && <p>{m.emptyQuery}</p>}
      {answer.kind === 'found' && <Found ctx={ctx} matches={answer.matches} assumedLocality={answer.assumedLocality} />}
      {answer.kind === 'town' && <TownDistricts ctx={ctx} matches={answer.matches} />}
      {answer.kind === 'choices' && (
        <div className="callout" role="status">
          <p>{m.choicesLead(answer.towns)}</p>
          <ul>
            {answer.choices.map((choice) => (
              <li key={choice.address}>
                <a href={searchHref(choice.address)}>{choice.address}</a>
                {choice.cards.length > 0 && ` — ${choice.cards.map((card) => `${card.name}, ${card.unit.name}`).join('; ')}`}
              </li>
            ))}
          </ul>
          {answer.towns > answer.choices.length && <p>{m.choicesMore(answer.choices.length)}</p>}
        </div>
      )}
      {answer.kind === 'not_covered' && <NotCovered ctx={ctx} answer={answer} />}
      {answer.kind === 'not_found' && (
        <div className="callout" role="status">
          <p>{point ? m.notFoundPoint : m.notFound}</p>
          {units.length > 0 && (
            <>
              <p>{m.pointInUnit}</p>
              <ul>
                {units.map((unit) => (
                  <li key={unit.id}>
                    <a href={unit.url}>{unit.name}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
          {answer.suggestions.length > 0 && (
            <>
              <p>{m.didYouMean}</p>
              <ul>
                {answer.suggestions.map((suggestion) => (
                  <li key={suggestion}>
                    <a href={searchHref(suggestion)}>{suggestion}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>{m.tryAgain}</p>
        </div>
      )}
      <SearchForm lang={ctx.lang} value={query} id="address-again" />
    </Layout>
  );
}

function Found({ ctx, matches, assumedLocality }: { ctx: PageContext; matches: LocateMatch[]; assumedLocality: string | null }) {
  const m = publicMessages[ctx.lang];
  return (
    <>
      {assumedLocality && (
        <div className="callout" role="status">
          <p>{m.assumedTown(assumedLocality)}</p>
        </div>
      )}
      {matches.length > 1 && (
        <div className="callout callout--warning">
          <p>{m.twoCandidates(matches.length)}</p>
        </div>
      )}
      {matches.map((match) => (
        <DistrictContactCard key={match.card.id} lang={ctx.lang} card={match.card} note={m.matchedBy[match.matchedBy]} />
      ))}
    </>
  );
}

/** A town alone: each district with its officer and its streets there, then the question for the street. */
function TownDistricts({ ctx, matches }: { ctx: PageContext; matches: LocateMatch[] }) {
  const m = publicMessages[ctx.lang];
  return (
    <>
      <div className="callout" role="status">
        <p>{m.townLead(matches.length)}</p>
      </div>
      {matches.map((match) => (
        <div key={match.card.id}>
          <DistrictContactCard lang={ctx.lang} card={match.card} />
          <h3>{m.townStreets}</h3>
          <AreaList lang={ctx.lang} rules={match.townRules ?? []} />
        </div>
      ))}
    </>
  );
}

function NotCovered({ ctx, answer }: { ctx: PageContext; answer: Extract<AddressAnswer, { kind: 'not_covered' }> }) {
  const m = publicMessages[ctx.lang];
  const details = notCoveredDetails(answer.name, answer.place, ctx.lang);
  return (
    <div className="callout" role="status">
      {details.unit ? (
        <>
          <p>{m.notCoveredLead}</p>
          <ul>
            <li>
              <strong>{details.unit}</strong>
            </li>
            {details.voivodeship && <li>{m.voivodeship(details.voivodeship)}</li>}
            {details.voivodeshipCommand && <li>{details.voivodeshipCommand}</li>}
          </ul>
        </>
      ) : (
        <p>{m.unknownCounty}</p>
      )}
      <p>
        <strong>{emergencyNotice(ctx.lang)}</strong>
      </p>
    </div>
  );
}
