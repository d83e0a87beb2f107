import type { PageContext } from '../../../platform/render/page-context.js';
import { CsrfField, SelectField, TextAreaField, TextField, errorFor } from '../../../platform/render/components.js';
import type { FieldError } from '../../../platform/http/errors.js';
import { defineMessages } from '../../../platform/i18n/i18n.js';
import { transitionNames } from '../messages.js';
import type { Plan } from '../model.js';
import { goalKindOf } from '../evaluation/evaluation-input.js';

const messages = defineMessages({
  pl: {
    title: 'Ocena realizacji celu',
    count:
      'Cel liczbowy: werdykt wylicza system (test jednostronny, p < 0,05). Jeśli plan ma miernik zamrożony przy zatwierdzeniu, liczby zdarzeń system bierze z niego; w przeciwnym razie wpisz je tu.',
    baseline: 'Liczba zdarzeń w okresie bazowym',
    period: 'Liczba zdarzeń w okresie planu',
    countsHint: 'Oba okresy tej samej długości (np. poprzednie półrocze i półrocze planu).',
    noData: 'Brak danych: nie da się policzyć zdarzeń',
    survey: 'Cel ankietowy: werdykt wylicza system z odsetka odpowiedzi pozytywnych i jego 95-procentowego przedziału.',
    asked: 'Liczba zapytanych mieszkańców',
    positive: 'Liczba odpowiedzi pozytywnych',
    qualitative: 'Cel bez miernika: ocenia go przełożony i musi uzasadnić ocenę.',
    decision: 'Ocena celu',
    decisions: { achieved: 'cel osiągnięty', partly_achieved: 'cel częściowo osiągnięty', not_achieved: 'cel nieosiągnięty' },
    justification: 'Uzasadnienie oceny',
    note: 'Uwagi przełożonego (widoczne w sprawozdaniu)',
  },
  en: {
    title: 'Evaluation of the goal',
    count:
      'A count goal: the system computes the verdict (one-sided test, p < 0.05). When the plan has an indicator frozen at approval, the counts come from it; otherwise enter them here.',
    baseline: 'Events in the baseline',
    period: "Events in the plan's period",
    countsHint: "Both windows of the same length (e.g. the previous half-year and the plan's half-year).",
    noData: 'No data: the events cannot be counted',
    survey: 'A survey goal: the system computes the verdict from the share of positive answers and its 95% interval.',
    asked: 'Residents asked',
    positive: 'Positive answers',
    qualitative: 'A goal with no indicator: the supervisor judges it and must justify the judgement.',
    decision: 'Judgement',
    decisions: { achieved: 'goal achieved', partly_achieved: 'goal partly achieved', not_achieved: 'goal not achieved' },
    justification: 'Justification',
    note: "The supervisor's note (shown in the report)",
  },
});

/** The supervisor's evaluation form: the fields of the goal's kind only (evaluation/evaluation-input.ts reads them). */
export function EvaluationForm({ ctx, plan, errors }: { ctx: PageContext; plan: Plan; errors: FieldError[] }) {
  const m = messages[ctx.lang];
  const kind = goalKindOf(plan.content.goal);
  return (
    <section className="section-box" aria-labelledby="evaluate">
      <h2 id="evaluate">{m.title}</h2>
      <form method="post" action={`/admin/plans/${plan.id}/transition`} className="narrow" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="transition" value="evaluate" />
        {kind === 'count' && (
          <>
            <p>{m.count}</p>
            <TextField name="baseline" label={m.baseline} hint={m.countsHint} width="short" error={errorFor(errors, 'baseline')} />
            <TextField name="period" label={m.period} width="short" error={errorFor(errors, 'period')} />
          </>
        )}
        {kind === 'survey' && (
          <>
            <p>{m.survey}</p>
            <TextField name="asked" label={m.asked} width="short" error={errorFor(errors, 'asked')} />
            <TextField name="positive" label={m.positive} width="short" error={errorFor(errors, 'positive')} />
          </>
        )}
        {kind === 'qualitative' && (
          <>
            <p>{m.qualitative}</p>
            <SelectField
              name="decision"
              label={m.decision}
              options={Object.entries(m.decisions).map(([value, label]) => ({ value, label }))}
              error={errorFor(errors, 'decision')}
            />
            <TextAreaField name="justification" label={m.justification} rows={4} error={errorFor(errors, 'justification')} />
          </>
        )}
        <TextAreaField name="note" label={m.note} rows={3} />
        <button type="submit" className="button">
          {transitionNames[ctx.lang].evaluate}
        </button>
        {kind === 'count' && (
          <button type="submit" name="outcome" value="insufficient_data" className="button button--secondary">
            {m.noData}
          </button>
        )}
      </form>
    </section>
  );
}
