/**
 * The goal as a structured target: "ograniczenie o 20 %", "zmniejszenie … o połowę", "spadek o 10
 * proc." (a count), "poczucie bezpieczeństwa na poziomie 80 % w badaniu ankietowym" (a survey's
 * share), "wyeliminowanie" (down by all of it). Bounded patterns: long goals stay linear.
 */
export interface Target {
  direction: 'decrease' | 'increase';
  percent: number;
  /** What the percent is of: a count of incidents, or the share of answers in a residents' survey. */
  kind?: 'count' | 'survey';
}

const percentOf = (text: string) => Number(text.replace(',', '.'));

/** "o 20 %", "o 20 procent", "o połowę": the change; the verb before it says which way. */
const BY = /(?<!\p{L})o\s{1,3}(?:(\d{1,3}(?:[.,]\d{1,2})?)\s{0,2}(?:%|procent|proc\.|pkt)|(połowę))/iu;
const VERBS = /(?<!\p{L})(zmniejsz|ogranicz|obniż|spad|redukc|zredukow|zwiększ|wzrost|podwyższ|podnies|popraw)\p{L}{0,12}/giu;

function change(text: string): { increase: boolean; percent: number } | null {
  const by = BY.exec(text);
  if (!by) return null;
  // The verb nearest before "o 20 %" ("poprawa … poprzez zmniejszenie o 20 %" is a decrease).
  const before = text.slice(Math.max(0, by.index - 200), by.index);
  let verb: string | null = null;
  VERBS.lastIndex = 0;
  for (let m = VERBS.exec(before); m; m = VERBS.exec(before)) verb = m[1]!;
  if (!verb) return null;
  return { increase: /^(zwiększ|wzrost|podwyższ|podnies|popraw)/i.test(verb), percent: by[2] ? 50 : percentOf(by[1]!) };
}
const SURVEY_WORDS =
  /ankie[tc]|badani\p{L}{0,6}\s(?:opinii|społeczn|ankiet)|sondaż|pozytywnych\s(?:opinii|odpowiedzi|ocen)|poczuci\p{L}{0,3}\sbezpiecze/iu;
const LEVEL =
  /(?:poziom\p{L}{0,3}|co\s{1,3}najmniej|minimum|wyniesie|osiągnie|wynosić|osiągnięcie|uzyskanie)\s{1,3}(?:co\s{1,3}najmniej\s{1,3})?(\d{1,3}(?:[.,]\d{1,2})?)\s{0,2}(?:%|procent|proc\.)|(\d{1,3}(?:[.,]\d{1,2})?)\s{0,2}(?:%|procent|proc\.)\s{1,3}(?:pozytywnych|dobrych|twierdzących|respondentów|ankietowanych|mieszkańców)/iu;
const ELIMINATE = /(?<!\p{L})(?:wyelimin|eliminacj|wyeliminow|likwidacj|zlikwidow|całkowit\p{L}{0,4}\s(?:ograniczeni|wyelimin))/iu;

/** The goal's target, or null when the goal is words only (it is then kept as text). */
export function findTarget(goal: string): Target | null {
  const text = goal.length > 4000 ? goal.slice(0, 4000) : goal;
  if (SURVEY_WORDS.test(text)) {
    const level = LEVEL.exec(text);
    // "80 % seniorów … deklaruje w ankiecie …": a share without a change is the survey's level.
    const lone = level ? null : change(text) ? null : /(\d{1,3}(?:[.,]\d{1,2})?)\s{0,2}(?:%|procent|proc\.)/iu.exec(text);
    const value = level ? percentOf(level[1] ?? level[2]!) : lone ? percentOf(lone[1]!) : NaN;
    if (value > 0 && value <= 100) return { direction: 'increase', percent: value, kind: 'survey' };
  }
  const found = change(text);
  if (found && found.percent > 0 && found.percent <= 1000)
    return { direction: found.increase ? 'increase' : 'decrease', percent: found.percent, kind: 'count' };
  if (ELIMINATE.test(text)) return { direction: 'decrease', percent: 100, kind: 'count' };
  return null;
}

/** The goal names a number the reader could not turn into a target (a warning, the text stays). */
export function looksMeasurable(goal: string): boolean {
  return /\d\s{0,2}(?:%|procent|proc\.)/iu.test(goal.slice(0, 4000));
}
