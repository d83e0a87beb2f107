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

const CHANGE = /(?<!\p{L})(zmniejsz|ogranicz|obniż|spad|redukc|zredukow|zwiększ|wzrost|podwyższ|podnies|popraw)\p{L}{0,12}[^.\n]{0,200}?(?<!\p{L})o\s{1,3}(?:(\d{1,3}(?:[.,]\d{1,2})?)\s{0,2}(%|procent|proc\.|pkt)|(połowę))/iu;
const SURVEY_WORDS = /ankiet|badani\p{L}{0,6}\s(?:opinii|społeczn|ankiet)|sondaż|pozytywnych\s(?:opinii|odpowiedzi|ocen)|poczuci\p{L}{0,3}\sbezpiecze/iu;
const LEVEL = /(?:poziom\p{L}{0,3}|co\s{1,3}najmniej|minimum|wyniesie|osiągnie|wynosić|osiągnięcie|uzyskanie)\s{1,3}(?:co\s{1,3}najmniej\s{1,3})?(\d{1,3}(?:[.,]\d{1,2})?)\s{0,2}(?:%|procent|proc\.)|(\d{1,3}(?:[.,]\d{1,2})?)\s{0,2}(?:%|procent|proc\.)\s{1,3}(?:pozytywnych|dobrych|twierdzących|respondentów|ankietowanych|mieszkańców)/iu;
const ELIMINATE = /(?<!\p{L})(?:wyelimin|eliminacj|wyeliminow|likwidacj|zlikwidow|całkowit\p{L}{0,4}\s(?:ograniczeni|wyelimin))/iu;

const percentOf = (text: string) => Number(text.replace(',', '.'));

/** The goal's target, or null when the goal is words only (it is then kept as text). */
export function findTarget(goal: string): Target | null {
  const text = goal.length > 4000 ? goal.slice(0, 4000) : goal;
  if (SURVEY_WORDS.test(text)) {
    const level = LEVEL.exec(text);
    const value = level ? percentOf(level[1] ?? level[2]!) : NaN;
    if (value > 0 && value <= 100) return { direction: 'increase', percent: value, kind: 'survey' };
  }
  const change = CHANGE.exec(text);
  if (change) {
    const percent = change[4] ? 50 : percentOf(change[2]!);
    if (percent > 0 && percent <= 1000) {
      const increase = /^(zwiększ|wzrost|podwyższ|podnies|popraw)/i.test(change[1]!);
      return { direction: increase ? 'increase' : 'decrease', percent, kind: 'count' };
    }
  }
  if (ELIMINATE.test(text)) return { direction: 'decrease', percent: 100, kind: 'count' };
  return null;
}

/** The goal names a number the reader could not turn into a target (a warning, the text stays). */
export function looksMeasurable(goal: string): boolean {
  return /\d\s{0,2}(?:%|procent|proc\.)/iu.test(goal.slice(0, 4000));
}
