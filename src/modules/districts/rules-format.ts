import type { Lang } from '../../platform/i18n/i18n.js';
import type { NumberRange, StreetRule } from './area/types.js';

const words = {
  pl: { odd: 'nieparzyste', even: 'parzyste', from: 'od' },
  en: { odd: 'odd', even: 'even', from: 'from' },
};

/** One number range as people write it: "1–25 nieparzyste", "od 21", "52A". */
export function formatRange(range: NumberRange, lang: Lang = 'pl'): string {
  const w = words[lang];
  const parity = range.parity === 'all' ? '' : ` ${w[range.parity]}`;
  if (range.to === null) return `${w.from} ${range.from}${parity}`;
  if (range.to === range.from) return `${range.from}${parity}`;
  return `${range.from}–${range.to}${parity}`;
}

/** A rule as one readable line: "Lubartów, Lubelska 1–25 nieparzyste, 30–40". */
export function formatRule(rule: StreetRule, lang: Lang = 'pl'): string {
  const numbers = rule.numbers?.map((range) => formatRange(range, lang)).join(', ');
  return [rule.locality, rule.street].filter(Boolean).join(', ') + (numbers ? ` ${numbers}` : '');
}
