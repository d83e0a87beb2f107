import { describe, expect, it } from 'vitest';
import { chancePercent, explainEvaluation } from './explain.js';
import { evaluateGoal, type Goal } from './verdict.js';

const explain = (goal: Goal) => explainEvaluation(evaluateGoal(goal));
const counts = (baseline: number, period: number, targetChange: number | null, lengths: [number, number] = [181, 181]): Goal => ({
  kind: 'count',
  baseline,
  period,
  baselineLength: lengths[0],
  periodLength: lengths[1],
  targetChange,
});

describe('the explanation of a verdict', () => {
  it("says the issue's example in plain Polish and English", () => {
    const text = explain(counts(8, 2, -0.2));
    expect(text.pl).toBe(
      'Liczba zdarzeń spadła z 8 do 2 (−75\u00a0%). Taki spadek zdarza się przypadkiem w 5,5\u00a0% przypadków, więc nie można uznać, że cel osiągnięto dzięki działaniom.',
    );
    expect(text.en).toBe(
      'The number of events fell from 8 to 2 (−75%). A fall like this happens by chance 5.5% of the time, so the goal cannot be credited to the actions.',
    );
  });

  it('credits a significant fall to the actions and names the target', () => {
    expect(explain(counts(8, 1, -0.2)).pl).toContain('tylko w 2\u00a0% przypadków, więc cel (spadek o 20\u00a0%) uznano za osiągnięty');
  });

  it('says a missed target and a change per the same length when the windows differ', () => {
    const text = explain(counts(30, 18, -0.2, [365, 182.5]));
    expect(text.pl).toContain('w przeliczeniu na tę samą długość zmiana wynosi +20\u00a0%');
    expect(text.pl).toContain('Cel zakładał spadek o co najmniej 20\u00a0%, więc nie został osiągnięty.');
  });

  it('uses Polish plurals for the number of events', () => {
    expect(explain(counts(3, 0, -0.2)).pl).toContain('tylko 3 zdarzenia');
    expect(explain(counts(0, 0, -0.2)).pl).toContain('nie odnotowano żadnych zdarzeń');
    expect(explain(counts(4, 0, -0.2)).en).toContain('only 4 events in all');
  });

  it('says how little a survey of 12 people can show, with the interval width', () => {
    const text = explain({ kind: 'survey', asked: 12, positive: 10, targetShare: 0.8 });
    expect(text.pl).toContain('Pozytywnie odpowiedziało 10 z 12 osób (83\u00a0%)');
    expect(text.pl).toContain('między 55\u00a0% a 95\u00a0%');
    expect(text.pl).toContain('szeroki na 40 punktów procentowych');
    expect(text.pl).toContain('tak mała ankieta nie wykazałaby odsetka 80\u00a0%');
    // A large survey: a narrow interval, and 2–4 take "punkty".
    expect(explain({ kind: 'survey', asked: 2000, positive: 1800, targetShare: 0.8 }).pl).toContain('szeroki na 3 punkty procentowe');
  });

  it('explains the comparison area, or why there is none', () => {
    const compared = explain({ ...counts(8, 1, -0.2), comparison: { baseline: 40, period: 38 } } as Goal);
    expect(compared.pl).toContain('przedział obejmuje 1');
    const clear = explain({ ...counts(400, 200, -0.2), comparison: { baseline: 1000, period: 1000 } } as Goal);
    expect(clear.pl).toContain('w rejonie zdarzeń ubyło wyraźnie bardziej (lub przybyło mniej) niż w obszarze odniesienia');
    const worse = explain({ ...counts(100, 200, 0.2), comparison: { baseline: 1000, period: 1000 } } as Goal);
    expect(worse.en).toContain('events rose clearly more (or fell less) in the area');
    const none = explain({ ...counts(8, 1, -0.2), comparison: { baseline: 0, period: 0 } } as Goal);
    expect(none.pl).toContain('Z obszarem odniesienia nie da się porównać');
  });

  it("gives a qualitative goal's decision with the justification", () => {
    const text = explain({ kind: 'qualitative', decision: 'not_achieved', justification: ' Nie powstał monitoring. ' });
    expect(text.pl).toBe('Cel jakościowy: przełożony uznał go za nieosiągnięty. Uzasadnienie: Nie powstał monitoring.');
  });
});

describe('the chance in percent', () => {
  it('never rounds a significant p up to 5 %, nor shows a tiny one as 0', () => {
    expect(chancePercent(0.0499, 'pl')).toBe('4,99\u00a0%');
    expect(chancePercent(0.04999, 'en')).toBe('4.99%');
    expect(chancePercent(0.0546875, 'pl')).toBe('5,5\u00a0%');
    expect(chancePercent(1e-9, 'pl')).toBe('mniej niż 0,1\u00a0%');
  });
});
